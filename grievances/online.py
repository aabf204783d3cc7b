"""Feedback sent through the public web form: register it, attach files, confirm by e-mail."""

from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import translation

from smartgov.outbox import outbox_message_create

from . import tracking, uploads
from .models import Channel, Grievance
from .services import grievance_register


@dataclass
class OnlineSubmission:
    grievance: Grievance
    tracking_code: str  # empty when this was a repeat of an earlier submission (a double click)

    @property
    def is_repeat(self):
        return not self.tracking_code


@transaction.atomic
def grievance_submit_online(
    *,
    kind: str,
    summary: str,
    location: str = "",
    complainant: dict | None = None,
    attachments: list | None = None,
    submission_token,
    language: str = "mn",
) -> OnlineSubmission:
    """Register feedback from the website form with a fresh tracking code, once per submission token.

    The form carries a token made when it was shown, so a double click or a
    resent POST finds the case the first one registered instead of making a
    second. Only the code's hash is stored. When an e-mail was given, the
    confirmation goes to the outbox in this same transaction.
    """
    existing = Grievance.objects.filter(submission_token=submission_token).first()
    if existing is not None:
        return OnlineSubmission(existing, "")
    code = tracking.tracking_code_create()
    try:
        with transaction.atomic():
            grievance = grievance_register(
                kind=kind,
                channel=Channel.WEBSITE,
                summary=summary,
                location=location,
                complainant=complainant or {},
                submission_token=submission_token,
            )
    except IntegrityError:
        # The same token was registered by a request running at the same time.
        return OnlineSubmission(Grievance.objects.get(submission_token=submission_token), "")
    grievance.tracking_code_hash = tracking.tracking_code_hash(code)
    grievance.save(update_fields=["tracking_code_hash"])
    for checked in attachments or []:
        uploads.attachment_store(grievance=grievance, checked=checked)
    email = (complainant or {}).get("email")
    if email:
        grievance_confirmation_queue(grievance=grievance, email=email, language=language)
    return OnlineSubmission(grievance, code)


def grievance_confirmation_queue(*, grievance: Grievance, email: str, language: str):
    """Put the confirmation e-mail in the outbox, written in the language the person used.

    The tracking code is deliberately not in the mail: the outbox keeps message
    text in the database, and the code is stored nowhere but as a hash.
    """
    with translation.override(language):
        context = {"grievance": grievance, "deadlines": settings.GRM_DEADLINES, "contact": settings.GRM_CONTACT}
        subject = render_to_string("grievances/email/confirmation_subject.txt", context)
        body = render_to_string("grievances/email/confirmation_body.txt", context)
    return outbox_message_create(recipient=email, subject=subject, body=body, reference=f"grievance:{grievance.pk}")
