"""What /healthz checks: PostgreSQL, Redis (the broker, and the cache when it is Redis) and a Celery worker.

Each check answers quickly or fails: a health probe that hangs is as bad as
one that lies. Where tasks run in-process (no broker configured, and the test
suite) there is no broker or worker to ask, and those checks are left out.
"""

import redis
from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache
from django.db import connection

# Seconds each check may take.
TIMEOUT = 2
WORKER_TIMEOUT = 1


def database_check():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")


def broker_check():
    redis.Redis.from_url(_broker_url(), socket_connect_timeout=TIMEOUT, socket_timeout=TIMEOUT).ping()


def cache_check():
    backend = caches["default"]
    backend._cache.get_client(write=True).ping()


def worker_check():
    from .celery import app

    if not app.control.ping(timeout=WORKER_TIMEOUT, limit=1):
        raise RuntimeError("no Celery worker answered")


def _broker_url():
    from .celery import app

    return app.conf.broker_url or ""


def checks() -> dict:
    """The checks that apply to this deployment, by name."""
    from .celery import app

    found = {"database": database_check}
    if isinstance(caches["default"], RedisCache):
        found["cache"] = cache_check
    if not app.conf.task_always_eager and _broker_url().startswith(("redis://", "rediss://")):
        found["broker"] = broker_check
        found["worker"] = worker_check
    return found


def health_report() -> dict[str, str]:
    """Run every check; map its name to "ok" or what went wrong (the error's type, never its details)."""
    report = {}
    for name, check in checks().items():
        try:
            check()
        except Exception as error:  # noqa: BLE001 - any failure is a failed check
            report[name] = f"failed ({type(error).__name__})"
        else:
            report[name] = "ok"
    return report
