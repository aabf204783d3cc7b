"""The empty form's page kept per process (form_page.py): the same page as rendered whole, each visit its own tokens."""

import re

import pytest
from django.contrib.messages import constants
from django.contrib.messages.storage.base import Message
from django.contrib.messages.storage.cookie import CookieStorage
from django.test import Client, RequestFactory

from grievances import form_page
from grievances.models import Grievance
from grievances.tests.public_helpers import form_data, kept_page_keys, public_setup, rendered_whole  # noqa: F401

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("public_setup")]

NEW_URL = "/mn/grievances/new/"
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
TOKEN = re.compile(r'name="submission_token" value="([^"]+)"')


def tokens(html):
    return CSRF.search(html)[1], TOKEN.search(html)[1]


def without_tokens(html):
    return TOKEN.sub("TOKEN", CSRF.sub("CSRF", html))


def test_each_visit_gets_the_same_page_with_its_own_tokens():
    first, second = Client(), Client()
    pages = [browser.get(NEW_URL).content.decode() for browser in (first, second, first)]
    assert len({tokens(page)[1] for page in pages}) == 3  # every page its own submission token
    assert len({tokens(page)[0] for page in pages}) == 3  # and its own masking of the CSRF secret
    assert len({without_tokens(page) for page in pages}) == 1
    assert kept_page_keys("kept-page:empty-form:mn:")  # kept, not redrawn
    assert "csrftoken" in first.cookies and "csrftoken" in second.cookies


@pytest.mark.parametrize("path", [NEW_URL, "/en/grievances/new/", "/kk/grievances/new/", "/mn/grievances/new/?safe=1"])
def test_the_kept_page_is_the_page_rendered_whole(client, monkeypatch, path):
    kept = client.get(path).content.decode()
    kept_again = client.get(path).content.decode()
    rendered_whole(monkeypatch, form_page)
    whole = client.get(path).content.decode()
    assert without_tokens(kept) == without_tokens(kept_again) == without_tokens(whole)


def test_the_safe_entry_and_the_plain_form_each_have_their_own_page(client):
    safe = client.get("/mn/grievances/new/?safe=1").content.decode()
    plain = client.get(NEW_URL).content.decode()
    assert re.search(r'<input[^>]*name="sensitive"[^>]*checked', safe)
    assert not re.search(r'<input[^>]*name="sensitive"[^>]*checked', plain)


def test_the_tokens_of_kept_pages_send_one_case_each():
    browser = Client(enforce_csrf_checks=True)
    for _case in range(2):
        csrf, token = tokens(browser.get(NEW_URL).content.decode())
        data = {**form_data(), "csrfmiddlewaretoken": csrf, "submission_token": token, "step": "send"}
        response = browser.post(NEW_URL, data)
        assert response.status_code == 302, response.content.decode()[:500]
    assert Grievance.objects.count() == 2


def test_a_visit_with_a_message_to_show_gets_the_page_rendered_whole_with_it(client):
    client.get(NEW_URL)  # the page is kept
    storage = CookieStorage(RequestFactory().get("/"))
    client.cookies["messages"] = storage._encode([Message(constants.INFO, "Your session ended.")])
    assert "Your session ended." in client.get(NEW_URL).content.decode()
    assert "Your session ended." not in client.get(NEW_URL).content.decode()  # shown once, then gone


def test_a_query_string_of_its_own_is_rendered_whole_and_not_kept(client):
    html = client.get("/mn/grievances/new/?from=poster").content.decode()
    assert 'href="/en/grievances/new/?from=poster"' in html
    assert not kept_page_keys("from=poster")
    assert 'href="/en/grievances/new/?from=poster"' not in client.get(NEW_URL).content.decode()


def test_a_changed_setting_shows_at_once(client, settings):
    client.get("/en/grievances/new/")
    settings.GRM_MAX_ATTACHMENTS = 7
    assert "You may attach up to 7 files" in client.get("/en/grievances/new/").content.decode()
