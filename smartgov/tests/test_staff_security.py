import pytest
from django.contrib.auth import get_user_model
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-staff-password-2026"


@pytest.fixture
def staff_user():
    return get_user_model().objects.create_user("officer1", password=PASSWORD, is_staff=True, is_superuser=True)


def _sign_in(client, username, password, **extra):
    return client.post("/admin/login/?next=/admin/", {"username": username, "password": password, **extra})


@pytest.mark.axes
def test_repeated_failed_logins_lock_the_account(client, staff_user, settings):
    settings.STAFF_REQUIRE_2FA = False
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        _sign_in(client, "officer1", "wrong-password")
    response = _sign_in(client, "officer1", PASSWORD)
    assert response.status_code == 429
    assert "Нэвтрэх гэж олон удаа амжилтгүй оролдсон" in response.content.decode()  # Mongolian, the default
    assert "_auth_user_id" not in client.session


@pytest.mark.axes
def test_a_correct_password_before_the_limit_signs_in(client, staff_user, settings):
    settings.STAFF_REQUIRE_2FA = False
    _sign_in(client, "officer1", "wrong-password")
    assert _sign_in(client, "officer1", PASSWORD).status_code == 302
    assert client.get("/admin/").status_code == 200


def test_with_two_factor_on_a_password_alone_does_not_open_the_admin(client, staff_user, settings):
    settings.STAFF_REQUIRE_2FA = True
    TOTPDevice.objects.create(user=staff_user, name="phone", confirmed=True)
    response = _sign_in(client, "officer1", PASSWORD)
    assert response.status_code == 200  # the form again, with an error
    assert client.get("/admin/").status_code == 302


def test_with_two_factor_on_the_current_code_opens_the_admin(client, staff_user, settings):
    settings.STAFF_REQUIRE_2FA = True
    device = TOTPDevice.objects.create(user=staff_user, name="phone", confirmed=True)
    token = f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):0{device.digits}d}"
    response = _sign_in(client, "officer1", PASSWORD, otp_device=device.persistent_id, otp_token=token)
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200


def test_a_forced_login_without_a_verified_code_is_refused_when_two_factor_is_on(client, staff_user, settings):
    settings.STAFF_REQUIRE_2FA = True
    client.force_login(staff_user)
    assert client.get("/admin/").status_code == 302


def test_pages_carry_a_content_security_policy(client):
    policy = client.get("/en/").headers["Content-Security-Policy"]
    assert "default-src 'self'" in policy and "frame-ancestors 'none'" in policy


def test_sessions_end_when_the_browser_closes(settings):
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE is True
    assert settings.SESSION_COOKIE_AGE <= 8 * 60 * 60


def test_weak_passwords_are_refused():
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        validate_password("12345678")


@pytest.mark.parametrize("page", ["config", "qrcode"])
def test_an_unknown_totp_device_is_not_found_rather_than_a_crash(client, staff_user, page):
    client.force_login(staff_user)
    assert client.get(f"/admin/otp_totp/totpdevice/999999/{page}/").status_code == 404
