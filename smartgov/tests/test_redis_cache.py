from smartgov.redis_cache import PooledClientRedisCache


def test_every_command_reuses_one_client_of_the_pool_and_the_cache_works_as_django_s(redis_cache):
    assert isinstance(redis_cache, PooledClientRedisCache)
    client = redis_cache._cache.get_client()
    assert redis_cache._cache.get_client(write=True) is client

    redis_cache.set("answer", 41, 30)
    assert redis_cache.incr("answer") == 42
    assert redis_cache.get("answer") == 42
    assert redis_cache.get_many(["answer", "missing"]) == {"answer": 42}
    assert redis_cache.add("answer", 0) is False
    redis_cache.delete("answer")
    assert redis_cache.get("answer", "gone") == "gone"
    assert redis_cache._cache.get_client() is client
