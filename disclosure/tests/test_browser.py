"""The public library in a real browser: axe-core clean in every language, usable without JavaScript."""

import pytest

from disclosure.models import FileLanguage
from disclosure.tests.factories import DocumentFactory, make_version, pdf_upload
from stakeholders.models import FeedbackItem, RemovalReason
from stakeholders.moderation import feedback_item_remove
from stakeholders.tests.factories import moderator, public_comment

pytestmark = pytest.mark.browser
LANGUAGES = ["mn", "en", "kk"]


@pytest.fixture
def open_draft(transactional_db):
    document = DocumentFactory(title_mn="Оролцогч талуудын төлөвлөгөө", title_en="Stakeholder Engagement Plan")
    return make_version(
        document,
        comment_days=(-1, 5),
        files={FileLanguage.MONGOLIAN: pdf_upload("Текст", language="mn"), FileLanguage.ENGLISH: pdf_upload()},
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_library_and_document_pages_have_no_axe_violations(page, axe_violations, open_draft, language):
    page.goto(f"/{language}/documents/?q=&status=open")
    assert axe_violations(page) == []
    page.goto(f"/{language}/documents/{open_draft.document_id}/")
    assert axe_violations(page) == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_comment_form_with_errors_has_no_axe_violations(page, axe_violations, open_draft, language):
    page.goto(f"/{language}/documents/{open_draft.document_id}/")
    with page.expect_navigation():
        page.click("#comment-form button[type=submit]")
    assert page.locator(".error-summary").is_visible()
    assert axe_violations(page) == []


def test_a_comment_can_be_sent_without_javascript(page_without_javascript, open_draft):
    tab = page_without_javascript
    tab.goto(f"/en/documents/{open_draft.document_id}/")
    tab.fill("#id_text", "Please publish an easy-read version.")
    tab.fill("#id_author_name", "Saraa")
    tab.check("#id_name_consent")
    with tab.expect_navigation():
        tab.click("#comment-form button[type=submit]")
    message = tab.locator(".messages").inner_text()
    assert "Thank you" in message and "A moderator reads every comment before it is published" in message
    item = FeedbackItem.objects.get()
    assert item.subject == open_draft and item.public_author == "Saraa" and item.is_awaiting_moderation


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_page_with_a_removed_comment_has_no_axe_violations(page, axe_violations, open_draft, language):
    item = public_comment(open_draft, text="Spam")
    feedback_item_remove(item=item, actor=moderator(), reason=RemovalReason.OTHER, note="Posted twice")
    page.goto(f"/{language}/documents/{open_draft.document_id}/")
    assert page.locator(".feedback-removed").is_visible()
    assert axe_violations(page) == []


def test_search_and_filters_work_without_javascript(page_without_javascript, open_draft):
    tab = page_without_javascript
    tab.goto("/en/documents/")
    tab.fill("#id_q", "Stakeholder")
    tab.select_option("#id_language", "mn")
    with tab.expect_navigation():
        tab.click("form[role=search] button[type=submit]")
    assert tab.locator(".document-card").count() == 1
