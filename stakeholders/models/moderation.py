"""Moderation of public comments: the states a comment goes through, why one is removed, and the digests to moderators.

A comment the public posts (on a disclosed document, or on any subject that
takes public comments) waits for a moderator when PUBLIC_COMMENTS_PREMODERATED
is on, and is published at once when it is off. A moderator publishes it or
removes it with a reason; a removed comment stays listed publicly as "removed
by the moderator" with that reason, so that moderation itself is visible.
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ModerationState(models.TextChoices):
    PENDING = "pending", _("Waiting for moderation")
    PUBLISHED = "published", _("Published")
    REMOVED = "removed", _("Removed by the moderator")


class RemovalReason(models.TextChoices):
    """Why a moderator removed a comment; the label is shown publicly in the reader's language."""

    SPAM = "spam", _("Advertising or spam")
    ABUSIVE = "abusive", _("Abusive or offensive language")
    PERSONAL_DATA = "personal_data", _("Personal information about someone")
    OFF_TOPIC = "off_topic", _("Not about this subject")
    OTHER = "other", _("Another reason, explained in the note")


class ModerationDigest(models.Model):
    """One notice to the moderators that public comments are waiting; the latest one paces the next.

    Moderators get at most one notice per PUBLIC_COMMENT_DIGEST_MINUTES,
    whatever the number of comments: a burst of spam must not become a burst
    of e-mail. A notice says how many comments wait and links to them; it
    quotes nothing of them (they may hold abuse or someone's personal data).
    """

    sent_at = models.DateTimeField(_("sent at"), default=timezone.now, db_index=True)
    waiting = models.PositiveIntegerField(_("comments waiting"))
    recipients = models.PositiveSmallIntegerField(_("recipients"))

    class Meta:
        verbose_name = _("moderation notice")
        verbose_name_plural = _("moderation notices")
        ordering = ["-sent_at", "-id"]

    def __str__(self):
        return f"{self.sent_at:%Y-%m-%d %H:%M}: {self.waiting}"
