import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import RequestFactory

from grievances.tests.public_helpers import public_setup  # noqa: F401
from smartgov import ratelimit

pytestmark = pytest.mark.usefixtures("public_setup")


@pytest.mark.parametrize(("rate", "expected"), [("10/h", (10, 3600)), ("5/15m", (5, 900)), (" 3 / d ", (3, 86400))])
def test_rates_are_read_from_settings_text(rate, expected):
    assert ratelimit.parse_rate(rate) == expected


def test_a_malformed_rate_is_a_configuration_error():
    with pytest.raises(ImproperlyConfigured):
        ratelimit.parse_rate("ten per hour")


def test_a_client_is_limited_once_it_used_its_allowance():
    request = RequestFactory().get("/", REMOTE_ADDR="192.0.2.7")
    for _event in range(3):
        assert not ratelimit.is_limited(request, group="t", rate="3/h")
        ratelimit.count(request, group="t", rate="3/h")
    assert ratelimit.is_limited(request, group="t", rate="3/h")
    assert not ratelimit.is_limited(request, group="other", rate="3/h")


def test_behind_a_trusted_proxy_the_forwarded_address_counts(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="spoofed, 198.51.100.4")
    assert ratelimit.client_ip(request) == "198.51.100.4"


def test_without_a_trusted_proxy_the_forwarded_header_is_ignored():
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.4")
    assert ratelimit.client_ip(request) == "10.0.0.1"
