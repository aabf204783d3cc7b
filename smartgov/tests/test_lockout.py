"""Sign-in lockout counts each user name (from any address) and each address (on any user name) on its own."""

import pytest
from django.contrib.auth import get_user_model

pytestmark = [pytest.mark.django_db, pytest.mark.axes]

PASSWORD = "a-long-staff-password-2026"
OFFICE = "203.0.113.5"
ELSEWHERE = "198.51.100.7"


@pytest.fixture(autouse=True)
def _password_sign_in(settings):
    settings.STAFF_REQUIRE_2FA = False
    settings.AXES_FAILURE_LIMIT = 5
    settings.AXES_ADDRESS_FAILURE_LIMIT = 8
    for name in ["officer0", "officer1", "officer2", "colleague"]:
        get_user_model().objects.create_user(name, password=PASSWORD, is_staff=True, is_superuser=True)


def sign_in(client, username, password, address, **extra):
    data = {"username": username, "password": password}
    return client.post("/admin/login/?next=/admin/", data, REMOTE_ADDR=address, **extra)


def test_a_few_guesses_on_each_of_many_accounts_from_one_address_lock_that_address(client):
    for attempt in range(8):  # two or three on each account: under the user-name limit
        sign_in(client, f"officer{attempt % 3}", "wrong-password", OFFICE)
    assert sign_in(client, "officer0", PASSWORD, OFFICE).status_code == 429
    assert sign_in(client, "colleague", PASSWORD, OFFICE).status_code == 429
    assert sign_in(client, "officer0", PASSWORD, ELSEWHERE).status_code == 302  # the user name is not locked


def test_guesses_on_one_account_from_many_addresses_lock_that_user_name(client):
    for attempt in range(5):
        sign_in(client, "officer1", "wrong-password", f"192.0.2.{attempt + 1}")
    assert sign_in(client, "officer1", PASSWORD, ELSEWHERE).status_code == 429
    assert sign_in(client, "officer2", PASSWORD, ELSEWHERE).status_code == 302  # the address is not locked


def test_a_colleague_s_mistakes_at_a_shared_address_do_not_lock_the_others_out(client):
    for _attempt in range(5):
        sign_in(client, "colleague", "wrong-password", OFFICE)
    assert sign_in(client, "colleague", PASSWORD, OFFICE).status_code == 429
    assert sign_in(client, "officer0", PASSWORD, OFFICE).status_code == 302


def test_behind_a_trusted_proxy_each_client_s_address_counts_not_the_proxy_s(client, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    for attempt in range(8):
        sign_in(
            client, f"officer{attempt % 3}", "wrong-password", "10.0.0.1", HTTP_X_FORWARDED_FOR=f"192.0.2.{attempt}"
        )
    assert sign_in(client, "colleague", PASSWORD, "10.0.0.1", HTTP_X_FORWARDED_FOR=OFFICE).status_code == 302
