"""Django's Redis cache, with one redis-py client per connection pool instead of one per command.

Django's `RedisCacheClient.get_client` builds `redis.Redis(connection_pool=pool)`
on every cache call, and redis-py's constructor copies its table of some 250
response callbacks each time: about 0.1 ms of CPU for a command that itself
costs less. Under load that was 2–3 % of the web workers' CPU on a public
submission (the rate limit's two commands). A redis-py client holds no
connection of its own (the pool does, and the pool notices a fork), so one
client per pool serves every thread and every call alike.
"""

from django.core.cache.backends.redis import RedisCache, RedisCacheClient


class PooledClientRedisCacheClient(RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None or client.connection_pool is not pool:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class PooledClientRedisCache(RedisCache):
    """settings.CACHES' BACKEND for Redis: Django's RedisCache with PooledClientRedisCacheClient."""

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = PooledClientRedisCacheClient
