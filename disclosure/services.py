"""Writes on disclosed documents: versions, files, publishing, withdrawal and public comments."""

import hashlib
import logging

from django.contrib.postgres.search import SearchVector
from django.db import connection, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from smartgov.exceptions import ApplicationError
from smartgov.services import model_update
from smartgov.written_dates import written_date
from stakeholders.models import FeedbackItem, FeedbackSource
from stakeholders.services import public_comment_create

from .extraction import extract_text
from .models import Document, DocumentVersion, ExternalDisclosure, VersionFile, VersionKind
from .uploads import check_upload

logger = logging.getLogger(__name__)

# What an edit may change. A version's document and number are fixed at creation (numbers run per document).
DOCUMENT_FIELDS = (
    "doc_type",
    "title_mn",
    "title_en",
    "summary_mn",
    "summary_en",
    "project_stage",
    "target_stakeholders_mn",
    "target_stakeholders_en",
)
VERSION_FIELDS = ("kind", "disclosure_date", "comment_start", "comment_end", "changes_mn", "changes_en")
EXTERNAL_DISCLOSURE_FIELDS = ("venue", "disclosed_on", "url", "note")


def _full_text_search_available():
    return connection.vendor == "postgresql"


def document_search_index_update(*, document: Document) -> None:
    """Store the search vector of a document's titles and summaries (PostgreSQL only).

    The 'simple' configuration: PostgreSQL has no Mongolian dictionary, and
    stemming English alone would make the two languages behave differently.
    """
    if _full_text_search_available():
        Document.objects.filter(pk=document.pk).update(
            search_vector=SearchVector("title_mn", "title_en", "summary_mn", "summary_en", config="simple")
        )


@transaction.atomic
def document_create(
    *,
    doc_type: str,
    title_mn: str,
    project_stage: str,
    title_en: str = "",
    summary_mn: str = "",
    summary_en: str = "",
    target_stakeholders_mn: str = "",
    target_stakeholders_en: str = "",
) -> Document:
    """Create a document (it has no public version yet) and index its texts for search."""
    document = Document.objects.create(
        doc_type=doc_type,
        title_mn=title_mn,
        title_en=title_en,
        summary_mn=summary_mn,
        summary_en=summary_en,
        project_stage=project_stage,
        target_stakeholders_mn=target_stakeholders_mn,
        target_stakeholders_en=target_stakeholders_en,
    )
    document_search_index_update(document=document)
    return document


@transaction.atomic
def document_update(*, document: Document, data: dict) -> Document:
    """Change a document's type, stage and texts, and index the texts again for search."""
    document = Document.objects.select_for_update().get(pk=document.pk)
    if model_update(instance=document, fields=DOCUMENT_FIELDS, data=data):
        document_search_index_update(document=document)
    return document


def version_dates_check(*, kind: str, comment_start=None, comment_end=None) -> None:
    """Refuse a comment period that is half given, ends before it starts, or belongs to a final version.

    The admin form calls it to show the message before anything is saved;
    the services call it again for every other caller.
    """
    if (comment_start is None) != (comment_end is None):
        raise ApplicationError(_("Give both the start and the end of the comment period, or neither."))
    if comment_start and comment_end < comment_start:
        raise ApplicationError(_("The comment period cannot end before it starts."))
    if comment_start and kind == VersionKind.FINAL:
        raise ApplicationError(_("A final version has no comment period."))


def _refuse_if_published(version: DocumentVersion) -> None:
    if version.published_at is not None:
        raise ApplicationError(_("A published version cannot change; add a new version instead."))


def _delete_stored_file_on_commit(field_file) -> None:
    """Remove a stored file once the deletion of its row is committed.

    Not before: a rolled-back transaction would leave a row pointing at a
    missing file. A failure after commit leaves an orphan file, never a
    broken link.
    """
    name, storage = field_file.name, field_file.storage
    transaction.on_commit(lambda: storage.delete(name))


@transaction.atomic
def version_create(
    *,
    document: Document,
    kind: str,
    disclosure_date,
    comment_start=None,
    comment_end=None,
    changes_mn: str = "",
    changes_en: str = "",
) -> DocumentVersion:
    """Add the next numbered version of a document; it stays private until published."""
    version_dates_check(kind=kind, comment_start=comment_start, comment_end=comment_end)
    Document.objects.select_for_update().get(pk=document.pk)  # numbers are taken one at a time
    last = document.versions.aggregate(last=Max("number"))["last"] or 0
    return DocumentVersion.objects.create(
        document=document,
        kind=kind,
        number=last + 1,
        disclosure_date=disclosure_date,
        comment_start=comment_start,
        comment_end=comment_end,
        changes_mn=changes_mn,
        changes_en=changes_en,
    )


@transaction.atomic
def version_update(*, version: DocumentVersion, data: dict) -> DocumentVersion:
    """Change an unpublished version's kind, dates or description of changes.

    A published version is the public record of what was disclosed when:
    nothing of it changes (a correction is a new version), so a change to
    it is refused; data that changes nothing is accepted.
    """
    version = DocumentVersion.objects.select_for_update().get(pk=version.pk)
    if not any(name in data and getattr(version, name) != data[name] for name in VERSION_FIELDS):
        return version
    _refuse_if_published(version)
    merged = {name: data.get(name, getattr(version, name)) for name in ("kind", "comment_start", "comment_end")}
    version_dates_check(**merged)
    model_update(instance=version, fields=VERSION_FIELDS, data=data)
    return version


@transaction.atomic
def version_file_attach(*, version: DocumentVersion, language: str, upload) -> VersionFile:
    """Check an uploaded file by its content and store it as the version's file in one language.

    A refused file raises RefusedUpload before anything is stored. The text is
    extracted by a Celery task queued once the transaction has committed.
    """
    file_format = check_upload(upload)
    version = DocumentVersion.objects.select_for_update().get(pk=version.pk)
    _refuse_if_published(version)
    for replaced in version.files.filter(language=language):
        replaced.delete()
        _delete_stored_file_on_commit(replaced.file)
    version_file = VersionFile(
        version=version,
        language=language,
        original_name=(getattr(upload, "name", "") or "")[:255],
        size=upload.size,
        file_format=file_format,
        sha256=_sha256(upload),
    )
    version_file.file.save(f"{version.document.doc_type}-{language}.{file_format}", upload, save=False)
    stored_name = version_file.file.name
    # Django has no on-rollback hook: remove the stored file if the row is not written.
    try:
        version_file.save()
    except Exception:
        version_file.file.storage.delete(stored_name)
        raise
    from .tasks import version_file_extract_text_task

    transaction.on_commit(lambda: version_file_extract_text_task.delay(version_file.pk))
    return version_file


def _sha256(upload) -> str:
    """The checksum of an uploaded file's bytes, read in chunks; the file is left at its start."""
    digest = hashlib.sha256()
    upload.seek(0)
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    return digest.hexdigest()


@transaction.atomic
def version_file_delete(*, version_file: VersionFile) -> None:
    """Delete an unpublished version's file in one language, and the stored file after commit."""
    version = DocumentVersion.objects.select_for_update().get(pk=version_file.version_id)
    _refuse_if_published(version)
    version_file.delete()
    _delete_stored_file_on_commit(version_file.file)


def version_file_extract_text(*, version_file: VersionFile) -> VersionFile:
    """Extract and index the text of a stored file; a damaged file leaves the text empty."""
    with version_file.file.open("rb") as stored:
        data = stored.read()
    try:
        text = extract_text(data, version_file.file_format)
    except Exception:  # a file that passed the upload check but cannot be read: searchable by title only
        logger.warning("Text extraction failed for version file %s", version_file.pk, exc_info=True)
        text = ""
    version_file.extracted_text = text
    version_file.text_extracted_at = timezone.now()
    version_file.save(update_fields=["extracted_text", "text_extracted_at"])
    if _full_text_search_available():
        VersionFile.objects.filter(pk=version_file.pk).update(
            search_vector=SearchVector("extracted_text", config="simple")
        )
    return version_file


@transaction.atomic
def version_publish(*, version: DocumentVersion, actor) -> DocumentVersion:
    """Publish a version: it becomes public on its disclosure date (today if that has passed)."""
    version = DocumentVersion.objects.select_for_update().get(pk=version.pk)
    if version.published_at is not None:
        raise ApplicationError(_("This version is already published."))
    if not version.files.exists():
        raise ApplicationError(_("Attach at least one file before publishing this version."))
    version.published_at = timezone.now()
    version.published_by = actor
    version.save(update_fields=["published_at", "published_by"])
    return version


@transaction.atomic
def version_withdraw(*, version: DocumentVersion, actor, reason: str) -> DocumentVersion:
    """Withdraw a published version: it stays listed, marked withdrawn with the date; its files are no longer served."""
    version = DocumentVersion.objects.select_for_update().get(pk=version.pk)
    if version.published_at is None:
        raise ApplicationError(_("Only a published version can be withdrawn."))
    if version.withdrawn_at is not None:
        raise ApplicationError(_("This version is already withdrawn."))
    if not reason.strip():
        raise ApplicationError(_("Give the reason for withdrawing this version."))
    version.withdrawn_at = timezone.now()
    version.withdrawn_by = actor
    version.withdrawal_reason = reason.strip()
    version.save(update_fields=["withdrawn_at", "withdrawn_by", "withdrawal_reason"])
    return version


@transaction.atomic
def external_disclosure_add(
    *, version: DocumentVersion, venue: str, disclosed_on, url: str = "", note: str = ""
) -> ExternalDisclosure:
    """Record that a version was also disclosed elsewhere (a website, the PIU office, a library)."""
    return ExternalDisclosure.objects.create(
        version=version, venue=venue, disclosed_on=disclosed_on, url=url, note=note
    )


@transaction.atomic
def external_disclosure_update(*, disclosure: ExternalDisclosure, data: dict) -> ExternalDisclosure:
    """Correct where, when or with which link a version was disclosed elsewhere (also once published)."""
    disclosure = ExternalDisclosure.objects.select_for_update().get(pk=disclosure.pk)
    model_update(instance=disclosure, fields=EXTERNAL_DISCLOSURE_FIELDS, data=data)
    return disclosure


@transaction.atomic
def external_disclosure_delete(*, disclosure: ExternalDisclosure) -> None:
    """Remove a record of disclosure elsewhere that was entered by mistake."""
    disclosure.delete()


@transaction.atomic
def version_comment_submit(
    *,
    version: DocumentVersion,
    text: str,
    topic: str = "",
    author_name: str = "",
    author_contact: str = "",
    name_consent: bool = False,
    today=None,
) -> FeedbackItem:
    """Take a public comment on a version during its comment period, as a feedback item.

    The feedback item enters the stakeholders app's reasoned-response workflow;
    it waits for a moderator (PUBLIC_COMMENTS_PREMODERATED), then the document
    page shows it with its response.
    """
    today = today or timezone.localdate()
    if not version.is_open_for_comment(today):
        raise ApplicationError(_comment_refusal(version, today))
    return public_comment_create(
        source=FeedbackSource.DOCUMENT_COMMENT,
        subject=version,
        text=text,
        topic=topic,
        author_name=author_name,
        author_contact=author_contact,
        name_consent=name_consent,
    )


def _comment_refusal(version, today):
    if version.comment_period_closed(today):
        return _(
            "The comment period for this version closed on %(date)s, so comments can no longer be sent here. "
            "You can still give feedback through the hotline, e-mail or the feedback form."
        ) % {"date": written_date(version.comment_end)}
    if version.has_comment_period and today < version.comment_start:
        return _("The comment period for this version opens on %(date)s.") % {
            "date": written_date(version.comment_start)
        }
    return _("This version is not open for comments.")
