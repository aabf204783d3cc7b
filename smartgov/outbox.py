"""The e-mail outbox: write a message with the change, send it after commit, retry until sent."""

import logging

from django.conf import settings
from django.core.cache import cache
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


# Set while a flush task is scheduled; see outbox_message_enqueue.
FLUSH_SCHEDULED_KEY = "outbox:flush-scheduled"


def outbox_message_enqueue(*, message_id: int) -> bool:
    """Have the message sent soon; return False (and leave the row pending) when that cannot be arranged.

    With a real worker, messages committed close together share one flush task:
    the first of a window of OUTBOX_COALESCE_SECONDS marks it in the cache and
    schedules a flush for the end of the window; the others find the mark and
    are sent by that flush. The mark expires no later than the flush starts, so
    a message that found it was committed before the flush looks for pending
    messages. A burst of submissions then costs the worker one task a second,
    not one per e-mail. With tasks run in-process (no broker) or a window of 0,
    each message is sent by its own task.

    Never raises: the change the message reports is already committed, and a
    citizen must not see an error page because Redis is down. The periodic
    flush sends what stays pending.
    """
    from .celery import app
    from .tasks import outbox_flush_task, outbox_message_send_task

    window = settings.OUTBOX_COALESCE_SECONDS
    try:
        if app.conf.task_always_eager or not window:
            outbox_message_send_task.delay(message_id)
        elif cache.add(FLUSH_SCHEDULED_KEY, message_id, timeout=window):
            try:
                outbox_flush_task.apply_async(countdown=window)
            except Exception:
                cache.delete(FLUSH_SCHEDULED_KEY)  # let the next message try to schedule it again
                raise
    except Exception:  # the broker's and the cache's errors vary by transport (kombu, redis, OSError)
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


def outbox_flush(*, batch: int = 100) -> int:
    """Try each message pending when called once, oldest first, `batch` at a time; return how many were sent."""
    sent, after = 0, 0
    while True:
        pending = list(
            OutboxMessage.objects.filter(status=OutboxStatus.PENDING, pk__gt=after)
            .order_by("pk")
            .values_list("pk", flat=True)[:batch]
        )
        sent += sum(outbox_message_send(message_id=pk) for pk in pending)
        if len(pending) < batch:
            return sent
        after = pending[-1]
