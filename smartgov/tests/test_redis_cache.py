import pytest
from django.core.cache import caches

from smartgov.redis_cache import PooledClientRedisCache


@pytest.fixture
def pooled_cache(settings):
    if not settings.CELERY_BROKER_URL.startswith("redis://"):
        pytest.skip("needs Redis: run through scripts/test with Redis on 127.0.0.1:6379")
    location = settings.CELERY_BROKER_URL.rsplit("/", 1)[0] + "/6"
    settings.CACHES = {
        **settings.CACHES,
        "default": {"BACKEND": "smartgov.redis_cache.PooledClientRedisCache", "LOCATION": location},
    }
    cache = caches["default"]
    cache.clear()
    yield cache
    cache.clear()


def test_every_command_reuses_one_client_of_the_pool_and_the_cache_works_as_django_s(pooled_cache):
    assert isinstance(pooled_cache, PooledClientRedisCache)
    client = pooled_cache._cache.get_client()
    assert pooled_cache._cache.get_client(write=True) is client

    pooled_cache.set("answer", 41, 30)
    assert pooled_cache.incr("answer") == 42
    assert pooled_cache.get("answer") == 42
    assert pooled_cache.get_many(["answer", "missing"]) == {"answer": 42}
    assert pooled_cache.add("answer", 0) is False
    pooled_cache.delete("answer")
    assert pooled_cache.get("answer", "gone") == "gone"
    assert pooled_cache._cache.get_client() is client
