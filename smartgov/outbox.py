"""The e-mail outbox: write a message with the change, send it after commit, retry until sent."""

import logging
import time

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


# Set in the cache while a flush task is queued and has not looked for messages yet; see outbox_message_enqueue.
FLUSH_QUEUED_KEY = "outbox:flush-queued"
# A mark whose task was lost (a broker restart with the cache elsewhere) lapses after this; beat covers the gap.
FLUSH_QUEUED_MARK_SECONDS = 30


def outbox_message_enqueue(*, message_id: int) -> bool:
    """Have the message sent soon; return False (and leave the row pending) when that cannot be arranged.

    With OUTBOX_COALESCE_SECONDS (and a cache shared by the web and worker
    processes), messages share flush tasks: a message queues a flush only when
    the cache holds no mark of one queued already. The flush waits that many
    seconds, removes the mark, then looks for pending messages, so a message
    that found the mark was committed before that look and is sent by it. A
    burst of submissions then costs the worker about one task per window, not
    one per e-mail. The wait is in the task rather than a countdown on it: a
    worker holding ETA tasks crashed when Redis restarted (kombu restoring them
    on a closed connection, seen in bench/load). Without coalescing, or with
    tasks run in-process, each message gets its own task.

    Never raises: the change the message reports is already committed, and a
    citizen must not see an error page because Redis is down. The periodic
    flush sends what stays pending.
    """
    from .celery import app
    from .tasks import outbox_flush_task, outbox_message_send_task

    try:
        if not settings.OUTBOX_COALESCE_SECONDS or app.conf.task_always_eager:
            outbox_message_send_task.delay(message_id)
        elif cache.add(FLUSH_QUEUED_KEY, message_id, timeout=FLUSH_QUEUED_MARK_SECONDS):
            try:
                outbox_flush_task.delay(wait_seconds=settings.OUTBOX_COALESCE_SECONDS)
            except Exception:
                cache.delete(FLUSH_QUEUED_KEY)  # let the next message try to queue it again
                raise
    except Exception:  # the broker's and the cache's errors vary by transport (kombu, redis, OSError)
        logger.warning("Could not queue outbox message %s; the periodic flush will send it.", message_id, exc_info=True)
        return False
    return True


def outbox_flush_queued(*, wait_seconds: float = 0) -> int:
    """The queued flush: wait for more messages, remove the mark, then send what is pending."""
    time.sleep(wait_seconds)
    try:
        cache.delete(FLUSH_QUEUED_KEY)
    except Exception:  # a cache that is down holds no mark to remove
        logger.warning("Could not remove the outbox flush mark.", exc_info=True)
    return outbox_flush()


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
