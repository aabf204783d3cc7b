"""The confirmation page kept per process (done_page.py): the page rendered whole, with each case's own values."""

import pytest
from django.test import Client

from grievances import done_page
from grievances.models import Grievance, SupportService
from grievances.tests.public_helpers import form_data, kept_page_keys, public_setup, rendered_whole  # noqa: F401

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("public_setup")]

NEW_URL = "/en/grievances/new/"
DONE_URL = "/en/grievances/new/done/"
EMAILED = "We are also sending a confirmation with the registration number to your e-mail address."
ANONYMOUS = "You did not give contact details"


def send(**overrides):
    browser = Client()
    assert browser.post(NEW_URL, form_data(**overrides)).status_code == 302
    return browser, Grievance.objects.order_by("-pk").first()


@pytest.mark.parametrize("contact", [{}, {"email": "saraa@example.mn"}, {"name": "Saraa", "phone": "9911 2233"}])
def test_the_kept_confirmation_is_the_page_rendered_whole(monkeypatch, contact):
    first, first_case = send(summary="The first road.", **contact)
    second, second_case = send(summary="The second road.", **contact)
    kept = [first.get(DONE_URL).content.decode(), second.get(DONE_URL).content.decode()]
    assert len(kept_page_keys("kept-page:confirmation:")) == 1
    rendered_whole(monkeypatch, done_page)
    assert [first.get(DONE_URL).content.decode(), second.get(DONE_URL).content.decode()] == kept
    assert first_case.registered_no in kept[0] and second_case.registered_no not in kept[0]
    assert "The second road." in kept[1] and "The first road." not in kept[1]


def test_each_kind_of_confirmation_has_its_own_page():
    emailed, _case = send(email="saraa@example.mn")
    anonymous, _case = send()
    by_phone, _case = send(name="Saraa", phone="9911 2233", preferred_contact="phone")
    for _visit in range(2):
        emailed_page = emailed.get(DONE_URL).content.decode()
        anonymous_page = anonymous.get(DONE_URL).content.decode()
        by_phone_page = by_phone.get(DONE_URL).content.decode()
        assert EMAILED in emailed_page and ANONYMOUS not in emailed_page
        assert EMAILED not in anonymous_page and ANONYMOUS in anonymous_page
        assert EMAILED not in by_phone_page and ANONYMOUS not in by_phone_page


def test_what_was_sent_is_escaped_on_the_kept_page():
    first, _case = send(name="Dorj")
    first.get(DONE_URL)  # the page is kept with another case's values: named, no e-mail, a copy shown
    browser, _case = send(summary='<script>alert("x")</script> & a road', name="<b>Bat</b>")
    page = browser.get(DONE_URL).content.decode()
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; a road" in page
    assert "&lt;b&gt;Bat&lt;/b&gt;" in page
    assert "<script>alert" not in page and "<b>Bat</b>" not in page


def test_a_sensitive_confirmation_is_rendered_whole_with_the_services_of_the_moment():
    service = SupportService.objects.create(name_en="Helpline 108", offers_en="Advice", phone="108")
    browser, _case = send(sensitive="on", referral_consent="no")
    assert "Helpline 108" in browser.get(DONE_URL).content.decode()
    SupportService.objects.filter(pk=service.pk).update(name_en="Helpline 1800")
    assert "Helpline 1800" in browser.get(DONE_URL).content.decode()
    assert not kept_page_keys("confirmation")


def test_a_visit_with_a_query_string_is_rendered_whole_and_not_kept():
    browser, case = send()
    for visit in range(3):
        page = browser.get(f"{DONE_URL}?visit={visit}").content.decode()
        assert case.registered_no in page and f"?visit={visit}" in page  # in the language links
    assert not kept_page_keys("confirmation")
