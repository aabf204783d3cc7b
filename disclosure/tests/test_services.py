from datetime import date, timedelta

import pytest
from django.utils import timezone

from disclosure import services
from disclosure.models import DocumentVersion, FileLanguage, VersionKind
from disclosure.tests.factories import DocumentFactory, make_version, pdf_upload
from grievances.tests.factories import UserFactory
from smartgov.exceptions import ApplicationError
from stakeholders.models import FeedbackItem, FeedbackSource
from stakeholders.selectors import feedback_for_subject

pytestmark = pytest.mark.django_db
TODAY = date(2021, 11, 30)


def test_versions_are_numbered_in_order_per_document():
    document = DocumentFactory()
    first = make_version(document, published=False)
    second = make_version(document, kind=VersionKind.REVISED, published=False)
    other = make_version(published=False)
    assert (first.number, second.number, other.number) == (1, 2, 1)


def test_a_version_without_files_cannot_be_published():
    version = services.version_create(document=DocumentFactory(), kind="draft", disclosure_date=TODAY)
    with pytest.raises(ApplicationError, match="Attach at least one file"):
        services.version_publish(version=version, actor=UserFactory())


def test_a_published_version_is_public_only_from_its_disclosure_date():
    tomorrow = timezone.localdate() + timedelta(days=1)
    version = make_version(disclosure_date=tomorrow)
    assert version.published_by.username == "safeguards"
    assert not DocumentVersion.objects.public().filter(pk=version.pk).exists()
    assert DocumentVersion.objects.public(today=tomorrow).filter(pk=version.pk).exists()


def test_an_unpublished_version_is_never_public():
    version = make_version(published=False)
    assert not DocumentVersion.objects.public().filter(pk=version.pk).exists()


def test_a_withdrawn_version_stays_public_but_not_available():
    version = make_version()
    services.version_withdraw(version=version, actor=UserFactory(), reason="Superseded by an error fix")
    version.refresh_from_db()
    assert version.is_withdrawn and version.withdrawal_reason == "Superseded by an error fix"
    assert DocumentVersion.objects.public().filter(pk=version.pk).exists()
    assert not DocumentVersion.objects.available().filter(pk=version.pk).exists()


def test_withdrawal_needs_a_reason_and_a_published_version():
    with pytest.raises(ApplicationError, match="reason"):
        services.version_withdraw(version=make_version(), actor=None, reason="  ")
    with pytest.raises(ApplicationError, match="published"):
        services.version_withdraw(version=make_version(published=False), actor=None, reason="x")


def test_a_published_version_keeps_its_files():
    version = make_version()
    with pytest.raises(ApplicationError, match="cannot change"):
        services.version_file_attach(version=version, language=FileLanguage.MONGOLIAN, upload=pdf_upload())


def test_a_second_file_in_the_same_language_replaces_the_first():
    version = make_version(published=False)
    services.version_file_attach(version=version, language=FileLanguage.ENGLISH, upload=pdf_upload("new"))
    assert version.files.count() == 1


def test_comment_period_must_be_whole_and_in_order():
    with pytest.raises(ApplicationError):
        services.version_create(document=DocumentFactory(), kind="draft", disclosure_date=TODAY, comment_start=TODAY)
    with pytest.raises(ApplicationError):
        services.version_create(
            document=DocumentFactory(),
            kind="draft",
            disclosure_date=TODAY,
            comment_start=TODAY,
            comment_end=TODAY - timedelta(days=1),
        )


def test_a_comment_in_the_open_period_becomes_a_feedback_item_on_the_version():
    version = make_version(comment_days=(-1, 5))
    item = services.version_comment_submit(
        version=version,
        text="Add an easy-read version",
        author_name="Saraa",
        author_contact="99112233",
        name_consent=True,
    )
    assert item.source == FeedbackSource.DOCUMENT_COMMENT
    assert list(FeedbackItem.objects.for_subject(version)) == [item]
    assert item.is_awaiting_moderation and list(feedback_for_subject(version)) == []
    assert item.public_author == "Saraa"


def test_an_anonymous_comment_has_no_public_author():
    version = make_version(comment_days=(0, 0))
    item = services.version_comment_submit(version=version, text="Comment", name_consent=True)
    assert item.public_author == ""


@pytest.mark.parametrize(
    ("comment_days", "message"),
    [((-10, -1), "closed on"), ((1, 5), "opens on"), (None, "not open for comments")],
)
def test_comments_outside_the_period_are_refused_and_nothing_is_stored(comment_days, message):
    version = make_version(comment_days=comment_days)
    with pytest.raises(ApplicationError, match=message):
        services.version_comment_submit(version=version, text="Too late")
    assert not FeedbackItem.objects.exists()


def test_a_withdrawn_draft_takes_no_comments():
    version = make_version(comment_days=(-1, 5))
    services.version_withdraw(version=version, actor=None, reason="Wrong file")
    version.refresh_from_db()
    with pytest.raises(ApplicationError):
        services.version_comment_submit(version=version, text="Comment")


def test_extraction_is_queued_after_commit(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        version = make_version(files={FileLanguage.MONGOLIAN: pdf_upload("Нууц үг", language="mn")})
    assert len(callbacks) == 1
    stored = version.files.get()
    assert "Нууц үг" in stored.extracted_text
    assert stored.text_extracted_at is not None


def test_a_published_versions_dates_cannot_change():
    version = make_version()
    with pytest.raises(ApplicationError, match="cannot change"):
        services.version_update(version=version, data={"disclosure_date": TODAY + timedelta(days=10)})
    version.refresh_from_db()
    assert version.disclosure_date != TODAY + timedelta(days=10)


def test_an_edit_that_changes_nothing_is_accepted_on_a_published_version():
    version = make_version()
    assert services.version_update(version=version, data={"disclosure_date": version.disclosure_date}) == version


def test_an_unpublished_version_takes_a_comment_period_and_keeps_its_other_fields():
    version = make_version(published=False, changes_en="Annex 2 added")
    services.version_update(version=version, data={"comment_start": TODAY, "comment_end": TODAY + timedelta(days=10)})
    version.refresh_from_db()
    assert (version.comment_end - version.comment_start).days == 10 and version.changes_en == "Annex 2 added"


def test_an_edit_cannot_give_a_final_version_a_comment_period():
    version = make_version(kind=VersionKind.FINAL, published=False)
    with pytest.raises(ApplicationError, match="final version"):
        services.version_update(version=version, data={"comment_start": TODAY, "comment_end": TODAY})


def test_a_deleted_file_leaves_storage_only_once_the_deletion_is_committed(django_capture_on_commit_callbacks):
    version = make_version(published=False)
    version_file = version.files.get()
    stored = version_file.file
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.version_file_delete(version_file=version_file)
    assert not version.files.exists() and stored.storage.exists(stored.name)  # not committed yet
    for callback in callbacks:
        callback()
    assert not stored.storage.exists(stored.name)


def test_a_published_versions_file_cannot_be_deleted():
    version = make_version()
    with pytest.raises(ApplicationError, match="cannot change"):
        services.version_file_delete(version_file=version.files.get())
    assert version.files.exists()
