"""The e-mail outbox: write a message with the change, send it after commit, retry until sent."""

import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.utils import timezone

from .models import OutboxMessage, OutboxStatus

logger = logging.getLogger(__name__)


@transaction.atomic
def outbox_message_create(*, recipient: str, subject: str, body: str, reference: str = "") -> OutboxMessage:
    """Store a message to send and queue its delivery once the surrounding transaction commits."""
    message = OutboxMessage.objects.create(
        recipient=recipient, subject=" ".join(subject.split()), body=body, reference=reference
    )
    transaction.on_commit(lambda: outbox_message_enqueue(message_id=message.pk))
    return message


def outbox_message_enqueue(*, message_id: int) -> bool:
    """Queue the delivery task; return False (and leave the row pending) when the broker is unreachable.

    Never raises: the change the message reports is already committed, and a
    citizen must not see an error page because Redis is down. The periodic
    flush sends what stays pending.
    """
    from .tasks import outbox_message_send_task

    try:
        outbox_message_send_task.delay(message_id)
    except Exception:  # the broker's errors vary by transport (kombu, redis, OSError)
        logger.warning("Could not queue outbox message %s; the periodic flush will send it.", message_id, exc_info=True)
        return False
    return True


def outbox_message_send(*, message_id: int) -> bool:
    """Send one pending message and record it as sent; return True only if this call sent it.

    The row is locked with SKIP LOCKED, so two workers never send the same
    message, and a message already sent is left alone: delivery happens once.
    """
    with transaction.atomic():
        message = (
            OutboxMessage.objects.select_for_update(skip_locked=True)
            .filter(pk=message_id, status=OutboxStatus.PENDING)
            .first()
        )
        if message is None:
            return False
        message.attempts += 1
        try:
            EmailMessage(message.subject, message.body, to=[message.recipient]).send()
        except Exception as error:  # SMTP and network errors: record and let the flush retry
            message.last_error = f"{type(error).__name__}: {error}"[:2000]
            if message.attempts >= settings.OUTBOX_MAX_ATTEMPTS:
                message.status = OutboxStatus.FAILED
            message.save(update_fields=["attempts", "last_error", "status"])
            logger.warning("Outbox message %s not sent (attempt %s).", message_id, message.attempts, exc_info=True)
            return False
        message.status = OutboxStatus.SENT
        message.sent_at = timezone.now()
        message.last_error = ""
        message.save(update_fields=["attempts", "last_error", "status", "sent_at"])
    return True


def outbox_flush(*, limit: int = 100) -> int:
    """Send up to `limit` pending messages, oldest first; return how many were sent."""
    pending = OutboxMessage.objects.filter(status=OutboxStatus.PENDING).values_list("pk", flat=True)[:limit]
    return sum(outbox_message_send(message_id=pk) for pk in list(pending))
