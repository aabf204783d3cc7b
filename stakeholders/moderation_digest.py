"""Tell moderators that public comments are waiting: one digest at most per PUBLIC_COMMENT_DIGEST_MINUTES.

A digest, not a message per comment: a burst of comments (or of spam from many
addresses, each under the rate limit) must not become a burst of e-mail to the
PIU, and one message saying "7 comments wait" with a link serves better than 7.
The first comment after a quiet spell is announced at once (its own transaction
sends the digest); comments arriving within the window after a digest are
announced by the next one, which beat's feedback_moderation_digest_task sends
when the window has passed, so none waits unannounced longer than the window
and a minute.
"""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import connection, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.http import urlencode

from smartgov.outbox import outbox_message_create

from .models import FeedbackItem, ModerationDigest, ModerationState
from .moderation import MODERATE_PERMISSION

# Any constant number: PostgreSQL's advisory lock that lets one process at a time decide on a digest.
DIGEST_LOCK = 7_150_015


def moderator_emails() -> list[str]:
    """Addresses of active users given the moderation permission (by role or directly), else the PIU's address.

    Superusers are left out unless they were given it: the technical account
    should not receive the PIU's daily work.
    """
    users = get_user_model().objects.with_perm(
        MODERATE_PERMISSION, include_superusers=False, backend="django.contrib.auth.backends.ModelBackend"
    )
    users = users.exclude(email="")
    emails = sorted({user.email for user in users})
    return emails or [address for address in [settings.GRM_CONTACT["email"]] if address]


def moderation_queue_url() -> str:
    changelist = reverse("admin:stakeholders_feedbackitem_changelist")
    return f"{settings.PUBLIC_BASE_URL}{changelist}?{urlencode({'moderation': ModerationState.PENDING})}"


def _lock():
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [DIGEST_LOCK])


@transaction.atomic
def feedback_moderation_digest_send(*, now=None) -> ModerationDigest | None:
    """Write the digest to every moderator if comments arrived since the last one and the window has passed.

    Returns the digest recorded, or None when there was nothing new or the
    last digest is too recent. Two processes deciding at once take turns
    (an advisory lock), so the window holds under concurrency too.
    """
    now = now or timezone.now()
    _lock()
    last = ModerationDigest.objects.order_by("-sent_at", "-id").first()
    if last is not None and now - last.sent_at < timedelta(minutes=settings.PUBLIC_COMMENT_DIGEST_MINUTES):
        return None
    waiting = FeedbackItem.objects.awaiting_moderation()
    if last is not None and not waiting.filter(received_at__gt=last.sent_at).exists():
        return None
    count = waiting.count()
    if not count:
        return None
    recipients = moderator_emails()
    digest = ModerationDigest.objects.create(sent_at=now, waiting=count, recipients=len(recipients))
    with translation.override(settings.LANGUAGE_CODE):  # staff read the admin in Mongolian
        context = {"count": count, "queue_url": moderation_queue_url()}
        subject = render_to_string("stakeholders/email/moderation_digest_subject.txt", context)
        body = render_to_string("stakeholders/email/moderation_digest_body.txt", context)
    for recipient in recipients:
        outbox_message_create(
            recipient=recipient, subject=subject, body=body, reference=f"feedback-moderation:{digest.pk}"
        )
    return digest
