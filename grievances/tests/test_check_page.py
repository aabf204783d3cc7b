"""The "check your answers" page kept per process (check_page.py): the page rendered whole, each visitor's answers."""

import re

import pytest
from django.http import QueryDict
from django.test import Client

from grievances import check_page
from grievances.models import Attachment, Grievance
from grievances.tests.public_helpers import (  # noqa: F401
    answers_shown,
    form_data,
    hidden_pairs,
    kept_page_keys,
    png,
    public_setup,
    rendered_whole,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("public_setup")]

CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
KEPT_FILE = re.compile(r'name="keep_attachment" value="([^"]+)"')
ANSWERS = {
    "plain": {},
    "named, with <tags> & quotes": {
        "name": 'Dorj <b>"Bat"</b> & co',
        "email": "dorj@example.mn",
        "preferred_contact": "email",
        "summary": 'Two lines\n"the bridge" & <script>alert(1)</script>',
        "aimag": "MN-071",
        "gender": "female",
    },
    "sensitive": {"sensitive": "on", "referral_consent": "no"},
}


def to_check(browser, language="en", **overrides):
    response = browser.post(f"/{language}/grievances/new/", form_data(step=None, **overrides))
    assert 'id="check-answers"' in response.content.decode(), response.content.decode()[:2000]
    return response


def without_tokens(html):
    return KEPT_FILE.sub("KEPT", CSRF.sub("CSRF", html))


@pytest.mark.parametrize("language", ["mn", "en", "kk"])
@pytest.mark.parametrize("answers", list(ANSWERS))
def test_the_kept_check_page_is_the_page_rendered_whole(monkeypatch, language, answers):
    token = form_data()["submission_token"]
    to_check(Client(), language, summary="Someone else's road.")  # the page is kept with another visitor's answers
    kept = to_check(Client(), language, submission_token=token, **ANSWERS[answers]).content.decode()
    assert kept_page_keys(f"kept-page:check:{answers == 'sensitive'}:{language}:")
    rendered_whole(monkeypatch, check_page)
    whole = to_check(Client(), language, submission_token=token, **ANSWERS[answers]).content.decode()
    assert without_tokens(kept) == without_tokens(whole)
    assert "Someone else&#x27;s road." not in kept


def test_answers_are_escaped_and_sent_again_as_written():
    to_check(Client())  # kept with plain answers
    answers = ANSWERS["named, with <tags> & quotes"]
    html = to_check(Client(), **answers).content.decode()
    assert "<script>alert(1)</script>" not in html and "<b>" not in html
    shown = answers_shown(html)
    assert shown["name"] == answers["name"]
    assert shown["summary"] == answers["summary"]
    sent_again = dict(hidden_pairs(html))
    assert sent_again["name"] == answers["name"] and sent_again["summary"] == answers["summary"]


def test_the_sensitive_pathway_and_the_ordinary_form_each_have_their_own_page():
    ordinary = to_check(Client()).content.decode()
    sensitive = to_check(Client(), sensitive="on", referral_consent="no").content.decode()
    to_check(Client())
    assert len(kept_page_keys("kept-page:check:")) == 2
    assert "exit-this-page.js" in sensitive and "exit-this-page.js" not in ordinary
    assert "referral_consent" in answers_shown(sensitive) and "referral_consent" not in answers_shown(ordinary)


def test_a_kept_check_page_sends_with_its_own_csrf_token_and_files(settings):
    for number in range(2):
        browser = Client(enforce_csrf_checks=True)
        form = browser.get("/en/grievances/new/").content.decode()
        data = form_data(step=None, csrfmiddlewaretoken=CSRF.search(form)[1], attachments=png(f"road-{number}.png"))
        html = browser.post("/en/grievances/new/", data).content.decode()
        assert f"road-{number}.png" in answers_shown(html)["attachments"]
        again = QueryDict(mutable=True)
        for name, value in hidden_pairs(html):
            again.appendlist(name, value)
        again["step"] = "send"
        assert browser.post("/en/grievances/new/", again).status_code == 302
    assert Grievance.objects.count() == 2
    assert sorted(Attachment.objects.values_list("original_name", flat=True)) == ["road-0.png", "road-1.png"]
