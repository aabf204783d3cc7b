import pytest
from django.test import RequestFactory

from smartgov import ratelimit


@pytest.fixture
def request_from_one_address():
    return RequestFactory().post("/", REMOTE_ADDR="203.0.113.7")


def test_attempts_within_the_allowance_pass_and_the_next_is_refused(request_from_one_address):
    results = [ratelimit.allow(request_from_one_address, group="unit", rate="2/h") for _ in range(3)]
    assert results == [True, True, False]
    assert ratelimit.is_limited(request_from_one_address, group="unit", rate="2/h")


def test_an_unreachable_cache_lets_citizens_through(request_from_one_address, monkeypatch):
    def broken(*args, **kwargs):
        raise ConnectionError("cache down")

    monkeypatch.setattr(ratelimit.cache, "get", broken)
    monkeypatch.setattr(ratelimit.cache, "add", broken)
    assert ratelimit.allow(request_from_one_address, group="unit-down", rate="1/h")
    assert not ratelimit.is_limited(request_from_one_address, group="unit-down", rate="1/h")


def test_on_redis_the_one_trip_count_limits_and_expires_with_the_window(redis_cache, request_from_one_address):
    results = [ratelimit.allow(request_from_one_address, group="unit-redis", rate="2/m") for _ in range(3)]

    assert results == [True, True, False]
    assert ratelimit.is_limited(request_from_one_address, group="unit-redis", rate="2/m")
    key = redis_cache.make_and_validate_key(ratelimit._key("unit-redis", "203.0.113.7", 60))
    assert 0 < redis_cache._cache.get_client(key).ttl(key) <= 61
