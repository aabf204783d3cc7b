"""Attaching evidence to a consultation event, publishing it, and serving it to whoever may see it.

Files go through the public form's upload checks (grievances.uploads:
images or PDF, checked by content, pictures stripped of their metadata),
so a photograph's GPS position never reaches storage.
"""

from django.db import transaction
from django.http import FileResponse

from grievances.uploads import check_upload
from smartgov.services import model_update

from .models import ConsultationEvent, EventEvidence

# What an edit may change: a wrong file is deleted and attached again.
EVIDENCE_FIELDS = ("kind", "caption_mn", "caption_en", "is_published")


@transaction.atomic
def event_evidence_attach(
    *, event: ConsultationEvent, kind: str, upload, caption_mn: str = "", caption_en: str = "", actor=None
) -> EventEvidence:
    """Check a file by its content and store it as evidence of the event, unpublished.

    A refused file raises RefusedUpload before anything is stored.
    """
    checked = check_upload(upload)
    evidence = EventEvidence(
        event=event,
        kind=kind,
        caption_mn=caption_mn.strip(),
        caption_en=caption_en.strip(),
        original_name=checked.name,
        content_type=checked.content_type,
        size=checked.size,
        uploaded_by=actor,
    )
    checked.upload.seek(0)
    evidence.file.save(checked.name, checked.upload, save=False)
    stored_name = evidence.file.name
    try:  # Django has no on-rollback hook: remove the stored file if the row is not written
        evidence.save()
    except Exception:
        evidence.file.storage.delete(stored_name)
        raise
    return evidence


@transaction.atomic
def event_evidence_update(*, evidence: EventEvidence, data: dict) -> EventEvidence:
    """Change what the evidence is, its captions, and whether the public may see it; the file never changes."""
    evidence = EventEvidence.objects.select_for_update().get(pk=evidence.pk)
    model_update(instance=evidence, fields=EVIDENCE_FIELDS, data=data)
    return evidence


@transaction.atomic
def event_evidence_delete(*, evidence: EventEvidence) -> None:
    """Delete evidence and, once that is committed, its stored file."""
    name, storage = evidence.file.name, evidence.file.storage
    evidence.delete()
    transaction.on_commit(lambda: storage.delete(name))


def evidence_response(evidence: EventEvidence) -> FileResponse:
    """The file, for the browser to show (a picture or PDF) under its checked name and type."""
    return FileResponse(evidence.file.open("rb"), content_type=evidence.content_type, filename=evidence.download_name)
