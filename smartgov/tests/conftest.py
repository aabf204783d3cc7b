import pytest


@pytest.fixture
def redis_cache(settings):
    """The default cache on the suite's Redis (another database number), with production's backend."""
    if not settings.CELERY_BROKER_URL.startswith("redis://"):
        pytest.skip("needs Redis: run through scripts/test with Redis on 127.0.0.1:6379")
    from django.core.cache import caches

    location = settings.CELERY_BROKER_URL.rsplit("/", 1)[0] + "/5"
    settings.CACHES = {
        **settings.CACHES,
        "default": {"BACKEND": "smartgov.redis_cache.PooledClientRedisCache", "LOCATION": location},
    }
    caches["default"].clear()
    yield caches["default"]
    caches["default"].clear()
