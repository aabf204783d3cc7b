"""With two-factor sign-in on, a session that gave a password alone opens no door: not the API, not a download."""

import pytest
from django.contrib.auth import get_user_model
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from reporting.tests.factories import ReportRecordFactory

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-staff-password-2026"
API_READS = ["/api/grievances/", "/api/stakeholders/", "/api/reports/grm/?start=2020-07-01&end=2020-12-31"]


@pytest.fixture
def officer():
    return get_user_model().objects.create_user("officer1", password=PASSWORD, is_staff=True, is_superuser=True)


@pytest.fixture
def download_url():
    return f"/en/reports/records/{ReportRecordFactory().pk}/download/"


def sign_in_with_code(client, user):
    device = TOTPDevice.objects.create(user=user, name="phone", confirmed=True)
    token = f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):0{device.digits}d}"
    data = {"username": user.username, "password": PASSWORD, "otp_device": device.persistent_id, "otp_token": token}
    assert client.post("/admin/login/?next=/admin/", data).status_code == 302


@pytest.mark.parametrize("url", API_READS)
def test_a_password_only_session_is_anonymous_to_the_api_when_two_factor_is_on(client, officer, settings, url):
    settings.STAFF_REQUIRE_2FA = True
    client.force_login(officer)
    assert client.get(url).status_code == 403


def test_a_password_only_session_cannot_download_a_report_when_two_factor_is_on(
    client, officer, settings, download_url
):
    settings.STAFF_REQUIRE_2FA = True
    client.force_login(officer)
    response = client.get(download_url)
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


@pytest.mark.parametrize("url", API_READS)
def test_a_session_verified_with_a_code_reads_the_api(client, officer, settings, url):
    settings.STAFF_REQUIRE_2FA = True
    sign_in_with_code(client, officer)
    assert client.get(url).status_code == 200


def test_a_session_verified_with_a_code_downloads_a_report(client, officer, settings, download_url):
    settings.STAFF_REQUIRE_2FA = True
    sign_in_with_code(client, officer)
    response = client.get(download_url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")


def test_with_two_factor_off_a_password_is_enough_everywhere(client, officer, settings, download_url):
    settings.STAFF_REQUIRE_2FA = False
    client.force_login(officer)
    assert client.get("/api/grievances/").status_code == 200
    assert client.get(download_url).status_code == 200


def test_public_api_reads_stay_open_to_a_password_only_session(client, officer, settings):
    settings.STAFF_REQUIRE_2FA = True
    client.force_login(officer)
    assert client.get("/api/consultation-events/").status_code == 200
