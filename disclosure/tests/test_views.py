from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from disclosure import services
from disclosure.models import DocumentType, FileLanguage, VersionKind
from disclosure.tests.factories import DocumentFactory, docx_upload, make_version, pdf_upload
from stakeholders.models import FeedbackItem, ResponseDecision
from stakeholders.moderation import feedback_item_approve
from stakeholders.services import feedback_item_respond
from stakeholders.tests.factories import safeguards_specialist

pytestmark = pytest.mark.django_db
LIST_URL = "/en/documents/"


def _detail(document, language="en"):
    return f"/{language}/documents/{document.pk}/"


def _comment(client, version, **data):
    payload = {"version": version.pk, "text": "Please add a Kazakh version", "website": "", **data}
    return client.post(_detail(version.document), payload)


def test_the_library_lists_public_documents_newest_first(client):
    today = timezone.localdate()
    old = make_version(disclosure_date=today - timedelta(days=30)).document
    new = make_version(disclosure_date=today - timedelta(days=1)).document
    make_version(published=False)
    make_version(disclosure_date=today + timedelta(days=3))
    response = client.get(LIST_URL)
    assert list(response.context["documents"]) == [new, old]


def test_the_library_filters_by_type_language_and_status(client):
    sep = make_version(comment_days=(-1, 3)).document
    lmp = make_version(DocumentFactory(doc_type=DocumentType.LMP), kind=VersionKind.FINAL).document
    assert list(client.get(LIST_URL, {"doc_type": "lmp"}).context["documents"]) == [lmp]
    assert list(client.get(LIST_URL, {"status": "open"}).context["documents"]) == [sep]
    assert list(client.get(LIST_URL, {"status": "final"}).context["documents"]) == [lmp]
    assert list(client.get(LIST_URL, {"language": "kk"}).context["documents"]) == []


def test_the_library_page_runs_a_fixed_number_of_queries(client, django_assert_num_queries):
    for _ in range(5):
        make_version(comment_days=(-1, 3))
    with django_assert_num_queries(2):  # count, page
        response = client.get(LIST_URL, {"q": "Stakeholder", "status": "open"})
    assert response.status_code == 200
    assert len(response.context["documents"]) == 5


def test_the_document_page_shows_versions_files_with_size_and_format_and_the_open_banner(client):
    version = make_version(comment_days=(-2, 3), files={FileLanguage.MONGOLIAN: docx_upload("Текст")})
    services.external_disclosure_add(
        version=version,
        venue="government_website",
        disclosed_on=version.disclosure_date,
        url="https://cabinet.gov.mn/5943.html",
    )
    page = client.get(_detail(version.document)).content.decode()
    assert "open for comment until" in page
    assert "Mongolian (DOCX, " in page and "bytes)" in page
    assert "https://cabinet.gov.mn/5943.html" in page
    assert 'id="comment-form"' in page


def test_a_document_without_public_versions_is_not_found(client):
    version = make_version(published=False)
    assert client.get(_detail(version.document)).status_code == 404


def test_a_comment_during_the_period_becomes_a_feedback_item(client):
    version = make_version(comment_days=(-1, 3))
    response = _comment(client, version, author_name="Айгүл", author_contact="aigul@example.mn", name_consent="on")
    assert response.status_code == 302
    item = FeedbackItem.objects.get()
    assert item.subject == version
    assert (item.author_name, item.author_contact, item.name_consent) == ("Айгүл", "aigul@example.mn", True)
    assert "Thank you" in client.get(response["Location"]).content.decode()


def test_an_empty_comment_shows_the_error_summary_and_keeps_what_was_typed(client):
    version = make_version(comment_days=(-1, 3))
    response = _comment(client, version, text="", author_name="Bold")
    page = response.content.decode()
    assert response.status_code == 400
    assert 'class="error-summary"' in page and 'href="#id_text"' in page
    assert 'aria-describedby="id_text-hint id_text-error"' in page
    assert 'value="Bold"' in page
    assert not FeedbackItem.objects.exists()


def test_a_comment_after_the_period_is_refused_with_a_clear_message(client):
    version = make_version(comment_days=(-10, -1))
    response = client.post(_detail(version.document), {"version": version.pk, "text": "Late"})
    assert response.status_code == 400 and "closed on" in response.content.decode()
    assert not FeedbackItem.objects.exists()


def test_after_the_period_the_page_shows_every_comment_and_its_response(client):
    version = make_version(comment_days=(-1, 3))
    _comment(client, version, text="Name the hotline hours", author_name="Secret Person")
    item = FeedbackItem.objects.get()
    feedback_item_approve(item=item, actor=safeguards_specialist())
    feedback_item_respond(
        item=item, decision=ResponseDecision.ACCEPTED, reason="Hours added", reflected_in="Section 8", actor=None
    )
    version.comment_start = version.comment_end = timezone.localdate() - timedelta(days=1)
    version.save()
    page = client.get(_detail(version.document)).content.decode()
    assert "Name the hotline hours" in page and "Accepted" in page and "Section 8" in page
    assert "Secret Person" not in page  # no consent, no name
    assert 'id="comment-form"' not in page
    refused = _comment(client, version, text="Too late")
    assert refused.status_code == 400 and "closed on" in refused.content.decode()
    assert FeedbackItem.objects.count() == 1


def test_the_revised_version_says_what_changed(client):
    document = DocumentFactory()
    make_version(document, comment_days=(-5, -1))
    make_version(document, kind=VersionKind.REVISED, changes_en="Hotline hours added after public comments.")
    page = client.get(_detail(document)).content.decode()
    assert "What changed since the previous version" in page
    assert "Hotline hours added after public comments." in page


def test_the_honeypot_pretends_success_and_stores_nothing(client):
    version = make_version(comment_days=(-1, 3))
    assert _comment(client, version, website="http://spam.example").status_code == 302
    assert not FeedbackItem.objects.exists()


def test_comments_are_rate_limited_per_address(client, settings):
    settings.DISCLOSURE_COMMENT_RATE_LIMIT = "2/h"
    version = make_version(comment_days=(-1, 3))
    statuses = [_comment(client, version).status_code for _ in range(3)]
    assert statuses == [302, 302, 429]
    assert FeedbackItem.objects.count() == 2


def test_the_comment_form_needs_a_csrf_token():
    from django.test import Client

    version = make_version(comment_days=(-1, 3))
    assert _comment(Client(enforce_csrf_checks=True), version).status_code == 403


def test_files_are_served_only_for_public_versions(client):
    public = make_version(files={FileLanguage.ENGLISH: pdf_upload("public")})
    hidden = make_version(published=False)
    public_file, hidden_file = public.files.get(), hidden.files.get()
    response = client.get(reverse("disclosure:version_file", args=[public_file.pk, public_file.download_name]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    assert (
        client.get(reverse("disclosure:version_file", args=[hidden_file.pk, hidden_file.download_name])).status_code
        == 404
    )


def test_files_of_a_withdrawn_version_are_no_longer_served(client):
    version = make_version()
    services.version_withdraw(version=version, actor=None, reason="Error in table 2")
    version_file = version.files.get()
    assert (
        client.get(reverse("disclosure:version_file", args=[version_file.pk, version_file.download_name])).status_code
        == 404
    )
    page = client.get(_detail(version.document)).content.decode()
    assert "Withdrawn on" in page and "Error in table 2" in page


def test_the_atom_feed_lists_newly_disclosed_versions(client):
    version = make_version()
    make_version(published=False, document=DocumentFactory(title_en="Hidden draft"))
    response = client.get("/en/documents/feed/")
    body = response.content.decode()
    assert response["Content-Type"].startswith("application/atom+xml")
    assert version.document.title_en in body and "Hidden draft" not in body


def test_the_document_page_runs_a_fixed_number_of_queries(client, django_assert_num_queries):
    document = DocumentFactory()
    draft = make_version(document, comment_days=(-3, 3))
    make_version(document, kind=VersionKind.REVISED)
    services.version_comment_submit(version=draft, text="One")
    services.version_comment_submit(version=draft, text="Two")
    client.get(_detail(document))  # warm the content-type cache
    # document, versions, files, other disclosures, comments on the draft
    with django_assert_num_queries(5):
        assert client.get(_detail(document)).status_code == 200


def test_text_shown_in_another_language_than_the_page_s_is_marked_with_its_own(client):
    """Kazakh pages show the Mongolian text; a page whose language has no text shows the other (WCAG 3.1.2)."""
    document = DocumentFactory(
        title_mn="Хөдөлмөрийн менежментийн журам", title_en="", summary_mn="", summary_en="Labour."
    )
    make_version(document, changes_mn="", changes_en="Section 4 rewritten.")
    kazakh = client.get(f"/kk/documents/{document.pk}/").content.decode()
    assert '<h1 lang="mn">Хөдөлмөрийн менежментийн журам</h1>' in kazakh
    assert '<p class="lead" lang="en">Labour.</p>' in kazakh
    assert '<p lang="en">Section 4 rewritten.</p>' in kazakh
    english = client.get(f"/en/documents/{document.pk}/").content.decode()
    assert '<h1 lang="mn">' in english and '<p class="lead">Labour.</p>' in english
    mongolian = client.get("/mn/documents/").content.decode()
    assert "<h3><a" in mongolian and 'lang="en"' not in mongolian.split("<main", 1)[1]
