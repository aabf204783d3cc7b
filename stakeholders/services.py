"""Writes on stakeholder engagement records."""

from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from smartgov.exceptions import ApplicationError
from smartgov.services import model_update

from .models import FeedbackItem, ModerationState, ResponseDecision
from .moderation import public_comment_state
from .moderation_digest import feedback_moderation_digest_send

# What an edit of the point raised may change; the response has fields of its own.
FEEDBACK_FIELDS = (
    "source",
    "topic_mn",
    "topic_en",
    "text_mn",
    "text_en",
    "received_at",
    "author_name",
    "author_organisation",
    "author_contact",
    "name_consent",
)
RESPONSE_FIELDS = ("decision", "reason_mn", "reason_en", "reflected_in_mn", "reflected_in_en")


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
    from_public: bool = False,
) -> FeedbackItem:
    """Record one point of feedback; `subject` is what it is about (an event, a document version).

    `from_public`: a comment a citizen posted on the site, not a point staff
    recorded. It waits for a moderator (unless PUBLIC_COMMENTS_PREMODERATED is
    off), and the moderators are told, in this transaction, within the pace of
    the digest.
    """
    _feedback_text_check(texts=[text])
    item = FeedbackItem.objects.create(
        subject=subject,
        source=source,
        text=text.strip(),
        topic=topic,
        author_name=author_name,
        author_organisation=author_organisation,
        author_contact=author_contact,
        name_consent=name_consent,
        received_at=received_at or timezone.now(),
        moderation_state=public_comment_state() if from_public else ModerationState.PUBLISHED,
    )
    if item.is_awaiting_moderation:
        feedback_moderation_digest_send()
    return item


def public_comment_create(
    *,
    source: str,
    subject,
    text: str,
    topic: str = "",
    author_name: str = "",
    author_contact: str = "",
    name_consent: bool = False,
) -> FeedbackItem:
    """Record a comment a citizen posted on the site (a document, an event): it waits for a moderator.

    The name is published only when one was given and its publication agreed to.
    """
    name = author_name.strip()
    return feedback_item_create(
        source=source,
        subject=subject,
        text=text,
        topic=topic,
        author_name=name,
        author_contact=author_contact.strip(),
        name_consent=name_consent and bool(name),
        from_public=True,
    )


def _feedback_text_check(*, texts: Iterable[str | None]) -> None:
    if not any((text or "").strip() for text in texts):
        raise ApplicationError(_("Feedback cannot be empty."))


def feedback_response_check(*, decision: str, reasons: Iterable[str | None]) -> None:
    """Refuse a response that is not a known decision, or that is not "accepted" and gives no reason.

    The reason may be written in any of the languages. The admin form calls
    this to show the message before anything is saved; the services that
    record a response call it again for every other caller.
    """
    if decision not in ResponseDecision.values:
        raise ApplicationError(_("Choose how the feedback was considered."))
    if decision != ResponseDecision.ACCEPTED and not any((reason or "").strip() for reason in reasons):
        raise ApplicationError(_("Give the reason for this response."))


@transaction.atomic
def feedback_item_update(*, item: FeedbackItem, data: dict, actor) -> FeedbackItem:
    """Apply an edit of a feedback item; a changed response is checked and stamped with the actor and time.

    The admin edits the point raised and its response in both languages on
    one page; this keeps the response rule of `feedback_item_respond` for it.
    """
    item = FeedbackItem.objects.select_for_update().get(pk=item.pk)
    changed = model_update(instance=item, fields=(*FEEDBACK_FIELDS, *RESPONSE_FIELDS), data=data)
    _feedback_text_check(texts=[item.text_mn, item.text_en])
    if set(changed) & set(RESPONSE_FIELDS):
        feedback_response_check(decision=item.decision, reasons=[item.reason_mn, item.reason_en])
        item.responded_at = timezone.now()
        item.responded_by = actor
        item.save(update_fields=["responded_at", "responded_by"])
    return item


@transaction.atomic
def feedback_item_delete(*, item: FeedbackItem) -> None:
    """Delete a feedback item entered by mistake."""
    item.delete()


@transaction.atomic
def feedback_item_respond(
    *, item: FeedbackItem, decision: str, reason: str, reflected_in: str = "", actor=None, responded_at=None
):
    """Give the reasoned response to a feedback item; a decision other than accepted needs a reason.

    `reason` and `reflected_in` are written in the active language.
    `responded_at` is for recording a response given earlier (imported records); it defaults to now.
    """
    feedback_response_check(decision=decision, reasons=[reason])
    item = FeedbackItem.objects.select_for_update().get(pk=item.pk)
    item.decision = decision
    item.reason = reason.strip()
    item.reflected_in = reflected_in
    item.responded_at = responded_at or timezone.now()
    item.responded_by = actor
    item.save(update_fields=["decision", "reason", "reflected_in", "responded_at", "responded_by"])
    return item
