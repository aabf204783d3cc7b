"""Writes of moderation: a public comment waits, then a moderator publishes it or removes it with a reason.

Who may moderate is the `stakeholders.moderate_feedbackitem` permission (the
safeguards specialist's role has it). The admin's actions and change page call
these functions; nothing else changes an item's moderation state.
"""

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from smartgov.exceptions import ApplicationError

from .models import FeedbackItem, ModerationState, RemovalReason

MODERATE_PERMISSION = "stakeholders.moderate_feedbackitem"
MODERATION_FIELDS = ["moderation_state", "moderated_at", "moderated_by", "removal_reason", "removal_note"]


def public_comment_state() -> str:
    """The state a public comment starts in: waiting for moderation, unless the setting publishes it at once."""
    return ModerationState.PENDING if settings.PUBLIC_COMMENTS_PREMODERATED else ModerationState.PUBLISHED


def _moderator_check(actor) -> None:
    if actor is None or not actor.has_perm(MODERATE_PERMISSION):
        raise ApplicationError(_("Only moderators can publish or remove comments."))


def removal_check(*, reason: str, note: str) -> None:
    """Refuse a removal without a known reason, or "another reason" without a note saying which.

    The admin form calls it to show the message before anything is saved.
    """
    if reason not in RemovalReason.values:
        raise ApplicationError(_("Choose why the comment is removed: the public sees the reason."))
    if reason == RemovalReason.OTHER and not note.strip():
        raise ApplicationError(_("Write the reason in the note: it is shown in place of the comment."))


def _moderate(item: FeedbackItem, *, actor, state: str, reason: str = "", note: str = "") -> FeedbackItem:
    item.moderation_state = state
    item.moderated_at = timezone.now()
    item.moderated_by = actor
    item.removal_reason = reason
    item.removal_note = note.strip()
    item.save(update_fields=MODERATION_FIELDS)
    return item


@transaction.atomic
def feedback_item_approve(*, item: FeedbackItem, actor) -> FeedbackItem:
    """Publish a comment waiting for moderation, or put back one that was removed."""
    _moderator_check(actor)
    item = FeedbackItem.objects.select_for_update().get(pk=item.pk)
    if item.moderation_state == ModerationState.PUBLISHED:
        raise ApplicationError(_("This comment is already published."))
    return _moderate(item, actor=actor, state=ModerationState.PUBLISHED)


@transaction.atomic
def feedback_item_remove(*, item: FeedbackItem, actor, reason: str, note: str = "") -> FeedbackItem:
    """Take a comment off the public pages; they show "removed by the moderator" with the reason instead.

    The text stays in the database for staff: removal is a public decision
    that can be reviewed and undone (feedback_item_approve), not a deletion.
    A removed comment's reason may be changed by removing it again.
    """
    _moderator_check(actor)
    removal_check(reason=reason, note=note)
    item = FeedbackItem.objects.select_for_update().get(pk=item.pk)
    return _moderate(item, actor=actor, state=ModerationState.REMOVED, reason=reason, note=note)
