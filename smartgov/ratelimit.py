"""Per-client rate limits counted in the cache (fixed windows).

A small helper rather than django-ratelimit: that package's system checks
reject Django's own RedisCache ("not officially supported") and LocMemCache,
which would mean silencing checks that `check --deploy` runs. Counting is
`cache.add` + `cache.incr`, atomic on Redis and memcached; on Django's Redis cache
both go in one round trip (a Lua script).
"""

import logging
import re
import time

from django.conf import settings
from django.core.cache import DEFAULT_CACHE_ALIAS, cache, caches
from django.core.cache.backends.redis import RedisCache
from django.core.exceptions import ImproperlyConfigured

logger = logging.getLogger(__name__)

PERIOD_SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
RATE_PATTERN = re.compile(r"^\s*(\d+)\s*/\s*(\d*)\s*([smhd])\s*$")


def parse_rate(rate: str) -> tuple[int, int]:
    """Turn "10/h" or "5/15m" into (limit, period in seconds)."""
    match = RATE_PATTERN.match(rate or "")
    if not match:
        raise ImproperlyConfigured(f"Rate {rate!r} is not like '10/h' or '5/15m'.")
    count, multiplier, unit = match.groups()
    return int(count), int(multiplier or 1) * PERIOD_SECONDS[unit]


def client_ip(request) -> str:
    """The client's address; behind N trusted proxies, the Nth address from the right of X-Forwarded-For."""
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


def _key(group: str, ident: str, period: int) -> str:
    window = int(time.time() // period)
    return f"ratelimit:{group}:{ident}:{window}"


def is_limited(request, *, group: str, rate: str) -> bool:
    """Say whether this client has used up its allowance in the current window (without counting).

    When the cache cannot be reached the answer is "not limited": a citizen's
    grievance matters more than a brief gap in abuse protection.
    """
    limit, period = parse_rate(rate)
    try:
        return (cache.get(_key(group, client_ip(request), period)) or 0) >= limit
    except Exception:  # noqa: BLE001 - any cache backend error
        logger.warning("Rate limit %s not checked: the cache is unreachable.", group, exc_info=True)
        return False


def count(request, *, group: str, rate: str) -> int:
    """Count one event for this client in the current window and return the new total (0 if uncounted)."""
    _limit, period = parse_rate(rate)
    key = _key(group, client_ip(request), period)
    try:
        backend = caches[DEFAULT_CACHE_ALIAS]
        if isinstance(backend, RedisCache):
            return _redis_count(backend, key, period)
        cache.add(key, 0, timeout=period + 1)
        try:
            return cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, timeout=period + 1)
            return 1
    except Exception:  # noqa: BLE001 - any cache backend error
        logger.warning("Rate limit %s not counted: the cache is unreachable.", group, exc_info=True)
        return 0


# Create the window's counter if missing (expiring after the window), then count: one command, atomic.
_COUNT_SCRIPT = "redis.call('SET', KEYS[1], 0, 'EX', ARGV[1], 'NX') return redis.call('INCR', KEYS[1])"


def _redis_count(backend, key, period):
    """Create-if-missing and increment in one round trip (Django's add and incr take three on Redis).

    A small Lua script rather than a pipeline: redis-py builds a pipeline object
    with its own copy of the response callbacks each time, which cost more CPU
    than the round trip. Integers are stored as such by Django's Redis
    serializer, so cache.get reads the count back.
    """
    cache_key = backend.make_and_validate_key(key)
    client = backend._cache.get_client(cache_key, write=True)
    return client.eval(_COUNT_SCRIPT, 1, cache_key, period + 1)


def allow(request, *, group: str, rate: str) -> bool:
    """Count one attempt and say whether it is within this client's allowance."""
    limit, _period = parse_rate(rate)
    return count(request, group=group, rate=rate) <= limit
