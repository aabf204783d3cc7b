"""The public side of the sensitive-case pathway (SEA/SH): the safe entry, the form's option, confirmation, tracking."""

import re

import pytest

from grievances.models import Grievance, ReferralConsent, SupportService
from grievances.tests.public_helpers import form_data, public_setup  # noqa: F401
from grievances.tracking import tracking_code_hash

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("public_setup")]

SUPPORT_URL = "/{language}/grievances/safe/"
EXIT_URL = "https://weather.example/"


@pytest.fixture(autouse=True)
def _exit_url(settings):
    settings.EXIT_THIS_PAGE_URL = EXIT_URL


@pytest.fixture
def services_offered():
    SupportService.objects.create(
        name_mn="Тусламжийн утас 108",
        name_en="Helpline 108",
        name_kk="Көмек желісі 108",
        offers_mn="Нууцлалтай зөвлөгөө",
        offers_en="Confidential advice",
        phone="108",
        hours_mn="24 цаг",
        hours_en="24 hours",
    )
    SupportService.objects.create(
        name_mn="Нэг цэгийн төв",
        name_en="One-stop centre",
        offers_mn="Эмнэлгийн тусламж",
        phone="7042 0000",
        aimag="MN-071",
    )
    SupportService.objects.create(name_mn="Хаагдсан төв", offers_mn="-", phone="1", is_active=False)


def _assert_pathway_headers(response):
    assert "no-store" in response["Cache-Control"]
    assert response["Referrer-Policy"] == "same-origin"  # no referrer to another site; the forms still work


def _assert_exit_control(html, *, hidden=False):
    assert f'href="{EXIT_URL}"' in html
    assert 'rel="nofollow noreferrer"' in html
    assert ("data-exit-this-page hidden" in html) is hidden
    assert "grievances/exit-this-page.js" in html
    assert "<script>" not in html  # the CSP allows no inline script


@pytest.mark.parametrize("language", ["mn", "en", "kk"])
def test_the_support_services_page_lists_the_offered_services_with_the_exit_control(client, services_offered, language):
    response = client.get(SUPPORT_URL.format(language=language))
    html = response.content.decode()
    assert response.status_code == 200
    _assert_pathway_headers(response)
    _assert_exit_control(html)
    assert 'href="tel:108"' in html and 'href="tel:70420000"' in html
    assert "Хаагдсан" not in html
    assert f"/{language}/grievances/new/?safe=1" in html


def test_the_kazakh_page_shows_the_kazakh_name_where_written_else_the_mongolian(client, services_offered):
    html = client.get(SUPPORT_URL.format(language="kk")).content.decode()
    assert "Көмек желісі 108" in html
    assert "Нэг цэгийн төв" in html and "Эмнэлгийн тусламж" in html


def test_home_and_the_form_link_to_the_safe_entry(client):
    for url in ("/mn/", "/kk/grievances/new/"):
        assert 'id="safe-entry"' in client.get(url).content.decode()


def test_the_form_reached_from_the_safe_entry_comes_ticked_with_the_exit_control_shown(client):
    response = client.get("/en/grievances/new/?safe=1")
    html = response.content.decode()
    _assert_pathway_headers(response)
    _assert_exit_control(html)
    assert _box_ticked(html)


def test_the_ordinary_form_has_the_exit_control_hidden_until_the_box_is_ticked(client):
    html = client.get("/en/grievances/new/").content.decode()
    _assert_exit_control(html, hidden=True)
    assert "data-reveals-exit-this-page" in html
    # The option is an ordinary form field with its label and hint.
    assert 'aria-describedby="sensitive-hint"' in html and 'id="sensitive-hint"' in html


def _box_ticked(html) -> bool:
    return "checked" in re.search(r'<input[^>]*id="id_sensitive"[^>]*>', html).group(0)


def test_the_cached_empty_form_of_the_safe_entry_is_not_the_ordinary_one(client):
    assert not _box_ticked(client.get("/en/grievances/new/").content.decode())
    assert _box_ticked(client.get("/en/grievances/new/?safe=1").content.decode())
    assert not _box_ticked(client.get("/en/grievances/new/").content.decode())


def test_a_ticked_box_registers_a_sensitive_case_with_the_consent_given(client):
    response = client.post(
        "/en/grievances/new/", form_data(sensitive="on", referral_consent="yes", preferred_language="en")
    )
    assert response.status_code == 302
    grievance = Grievance.objects.get()
    assert grievance.sensitive and grievance.referral_consent == ReferralConsent.YES


def test_the_consent_question_counts_only_with_the_box_ticked(client):
    client.post("/en/grievances/new/", form_data(referral_consent="yes"))
    grievance = Grievance.objects.get()
    assert not grievance.sensitive and grievance.referral_consent == ReferralConsent.NOT_ASKED


def test_a_sensitive_case_s_confirmation_has_the_exit_control_the_services_and_a_neutral_title(
    client, services_offered
):
    client.post("/kk/grievances/new/", form_data(sensitive="on", preferred_language="kk"))
    response = client.get("/kk/grievances/new/done/")
    html = response.content.decode()
    _assert_pathway_headers(response)
    _assert_exit_control(html)
    assert 'id="sensitive-confirmation"' in html and "Көмек желісі 108" in html
    title = html.split("<title>")[1].split("</title>")[0].lower()
    for word in ("harass", "abuse", "sensitive", "support", "қорлау", "зорлық"):
        assert word not in title


def test_an_ordinary_confirmation_has_no_exit_control(client):
    client.post("/en/grievances/new/", form_data())
    html = client.get("/en/grievances/new/done/").content.decode()
    assert "data-exit-this-page" not in html and 'id="sensitive-confirmation"' not in html


def test_the_tracking_page_of_a_sensitive_case_shows_its_status_but_not_its_type(client):
    client.post("/en/grievances/new/", form_data(sensitive="on"))
    grievance = Grievance.objects.get()
    Grievance.objects.filter(pk=grievance.pk).update(tracking_code_hash=tracking_code_hash("ABCD-EFGH-JKMN"))
    response = client.post(
        "/en/grievances/track/", {"registered_no": grievance.registered_no, "code": "ABCD-EFGH-JKMN"}
    )
    html = response.content.decode()
    assert response.status_code == 200
    _assert_pathway_headers(response)
    _assert_exit_control(html)
    assert "Resolving" in html
    assert "Complaint" not in html
    assert "sensitive" not in html.lower().replace("data-exit-this-page", "")


def test_the_support_services_page_reads_the_register_in_one_query(client, services_offered, django_assert_num_queries):
    for _other in range(5):
        SupportService.objects.create(name_mn="Төв", offers_mn="Тусламж", phone="7000", aimag="MN-047")
    client.get(SUPPORT_URL.format(language="en"))  # the language's catalogue and caches warmed
    with django_assert_num_queries(1):
        assert client.get(SUPPORT_URL.format(language="en")).status_code == 200
