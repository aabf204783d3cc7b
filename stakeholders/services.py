"""Writes on stakeholder engagement records."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from smartgov.exceptions import ApplicationError

from .models import FeedbackItem, ResponseDecision


@transaction.atomic
def feedback_item_create(
    *,
    source: str,
    text: str,
    subject=None,
    topic: str = "",
    author_name: str = "",
    author_organisation: str = "",
    author_contact: str = "",
    name_consent: bool = False,
    received_at=None,
) -> FeedbackItem:
    """Record one point of feedback; `subject` is what it is about (an event, a document version)."""
    if not text.strip():
        raise ApplicationError(_("Feedback cannot be empty."))
    return FeedbackItem.objects.create(
        subject=subject,
        source=source,
        text=text.strip(),
        topic=topic,
        author_name=author_name,
        author_organisation=author_organisation,
        author_contact=author_contact,
        name_consent=name_consent,
        received_at=received_at or timezone.now(),
    )


@transaction.atomic
def feedback_item_respond(
    *, item: FeedbackItem, decision: str, reason: str, reflected_in: str = "", actor=None, responded_at=None
):
    """Give the reasoned response to a feedback item; a decision other than accepted needs a reason.

    `responded_at` is for recording a response given earlier (imported records); it defaults to now.
    """
    if decision not in ResponseDecision.values:
        raise ApplicationError(_("Choose how the feedback was considered."))
    if decision != ResponseDecision.ACCEPTED and not reason.strip():
        raise ApplicationError(_("Give the reason for this response."))
    item = FeedbackItem.objects.select_for_update().get(pk=item.pk)
    item.decision = decision
    item.reason = reason.strip()
    item.reflected_in = reflected_in
    item.responded_at = responded_at or timezone.now()
    item.responded_by = actor
    item.save(update_fields=["decision", "reason", "reflected_in", "responded_at", "responded_by"])
    return item
