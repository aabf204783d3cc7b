"""Pages for refused requests in the reader's language: not found (404), forbidden (403), and a failed CSRF check."""

import pytest
from django.test import Client

from grievances.models import Grievance
from grievances.tests.public_helpers import form_data, png, public_setup  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "words"),
    [("mn", "Хуудас олдсонгүй"), ("kk", "Бет табылмады"), ("en", "Page not found")],
)
def test_a_missing_page_is_in_the_url_s_language_with_the_site_s_header_and_ways_on(client, language, words):
    response = client.get(f"/{language}/no-such-page/")
    html = response.content.decode()
    assert response.status_code == 404
    assert f'<html lang="{language}">' in html and words in html
    assert f'href="/{language}/grievances/new/"' in html.split("<main", 1)[1]
    assert "The requested resource was not found on this server" not in html


def test_a_forbidden_page_is_in_the_url_s_language(client, monkeypatch):
    from django.core.exceptions import PermissionDenied

    from grievances import views

    def refuse(self, **kwargs):
        raise PermissionDenied

    monkeypatch.setattr(views.EasyReadView, "get_context_data", refuse)
    response = client.get("/kk/grievances/how-it-works/")
    assert response.status_code == 403
    assert "Бұл бетті аша алмайсыз" in response.content.decode()


def test_a_refused_post_elsewhere_explains_in_the_reader_s_language_what_to_do():
    browser = Client(enforce_csrf_checks=True)
    response = browser.post("/mn/grievances/track/", {"registered_no": "f-2026/1", "tracking_code": "x"})
    html = response.content.decode()
    assert response.status_code == 403
    assert '<html lang="mn">' in html and "Хуудасны хугацаа дууссан" in html
    assert "CSRF" not in html


def test_the_feedback_form_refused_by_the_csrf_check_shows_the_answers_again_and_they_can_be_sent(public_setup):  # noqa: F811
    """The form's cookie was gone when it was sent: nothing is stored, nothing typed is lost."""
    browser = Client(enforce_csrf_checks=True)
    typed = form_data(step=None, summary="The well in our bag has been dry since May; <b>nobody</b> came.")
    refused = browser.post("/kk/grievances/new/", typed)
    html = refused.content.decode()
    assert refused.status_code == 403
    assert "The well in our bag has been dry since May; &lt;b&gt;nobody&lt;/b&gt; came." in html
    assert "Бет ескірген" in html and '<html lang="kk">' in html
    assert refused["Cache-Control"].startswith("max-age=0") and "no-store" in refused["Cache-Control"]
    assert Grievance.objects.count() == 0
    token = refused.cookies["csrftoken"].value  # a fresh cookie, and a token for it in the page
    assert token and 'name="csrfmiddlewaretoken"' in html

    again = browser.post(
        "/kk/grievances/new/", {**typed, "csrfmiddlewaretoken": _page_token(html)}, HTTP_REFERER="http://testserver/"
    )
    assert again.status_code == 200 and 'name="step" value="send"' in again.content.decode()


def _page_token(html):
    return html.split('name="csrfmiddlewaretoken" value="', 1)[1].split('"', 1)[0]


def test_a_post_from_another_site_never_opens_the_form_with_its_values(public_setup):  # noqa: F811
    """Another site's page cannot make the form show values it chose (a submission token of its own, contacts...)."""
    browser = Client(enforce_csrf_checks=True, HTTP_ORIGIN="https://evil.example")
    planted = form_data(step=None, summary="Planted by another site", email="attacker@example.org")
    refused = browser.post("/mn/grievances/new/", planted)
    html = refused.content.decode()
    assert refused.status_code == 403
    assert "Хуудасны хугацаа дууссан" in html  # the page that says what to do
    assert "Planted by another site" not in html and planted["submission_token"] not in html
    assert 'name="csrfmiddlewaretoken"' not in html


def test_files_sent_with_a_refused_form_are_named_to_be_chosen_again(public_setup):  # noqa: F811
    browser = Client(enforce_csrf_checks=True)
    refused = browser.post("/en/grievances/new/", {**form_data(step=None), "attachments": [png("well.png")]})
    assert refused.status_code == 403
    assert "“well.png” was not kept: choose it again when you send the form." in refused.content.decode()
