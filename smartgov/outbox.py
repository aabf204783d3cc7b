"""The outbox of e-mail and SMS: write a message with the change, send it after commit, retry until sent."""

import logging
import math
import time
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone

from . import sms
from .models import OutboxChannel, OutboxMessage, OutboxStatus

logger = logging.getLogger(__name__)


# No savepoint inside the caller's transaction (two statements fewer): nothing here catches an error to go on,
# and an error undoes the caller's change with the message, as it must. Called bare, it is a transaction of its own.
@transaction.atomic(savepoint=False)
def outbox_message_create(
    *,
    recipient: str,
    body: str,
    subject: str = "",
    reference: str = "",
    channel: str = OutboxChannel.EMAIL,
    erase_after_send: bool = False,
) -> OutboxMessage:
    """Store a message to send and queue its delivery once the surrounding transaction commits.

    `channel` is email (to an address, with a subject) or sms (to a phone number, the body only).
    `erase_after_send`: the text (encrypted at rest like every body) is blanked
    once sent or given up, for a message that carries a secret such as a tracking code.
    """
    message = OutboxMessage.objects.create(
        channel=channel,
        recipient=recipient,
        subject=" ".join(subject.split()),
        body=body,
        reference=reference,
        erase_after_send=erase_after_send,
    )
    transaction.on_commit(lambda: outbox_message_enqueue(message_id=message.pk))
    return message


# When this process last queued a flush (time.monotonic()); see outbox_message_enqueue.
_flush_queued_at = -math.inf


def outbox_message_enqueue(*, message_id: int) -> bool:
    """Have the message sent soon; return False (and leave the row pending) when that cannot be arranged.

    With OUTBOX_COALESCE_SECONDS, a process queues at most one flush task per
    that many seconds, and the flush sends every pending message: under a
    burst of submissions the worker runs a task or so a second per process
    instead of one per e-mail. A message whose process queued a flush a moment
    ago is sent by the next flush any process queues, or at the latest by the
    periodic flush (OUTBOX_FLUSH_SECONDS). No task is queued with a countdown:
    a worker holding ETA tasks crashed when Redis restarted (kombu restoring
    them on a closed connection, seen in bench/load). With 0, or with tasks
    run in-process, each message gets its own task.

    Never raises: the change the message reports is already committed, and a
    citizen must not see an error page because Redis is down. The periodic
    flush sends what stays pending.
    """
    global _flush_queued_at
    from .celery import app
    from .tasks import outbox_flush_task, outbox_message_send_task

    window, now = settings.OUTBOX_COALESCE_SECONDS, time.monotonic()
    try:
        if not window or app.conf.task_always_eager:
            outbox_message_send_task.delay(message_id)
        elif now - _flush_queued_at >= window:
            outbox_flush_task.delay()
            _flush_queued_at = now
    except Exception:  # the broker's errors vary by transport (kombu, redis, OSError)
        logger.warning("Could not queue outbox message %s; the periodic flush will send it.", message_id, exc_info=True)
        return False
    return True


def _due(now):
    """Pending messages not waiting out the delay after a failed attempt."""
    return OutboxMessage.objects.filter(
        Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now), status=OutboxStatus.PENDING
    )


def retry_delay_seconds(attempts: int) -> int:
    """How long to wait after the `attempts`-th failure: OUTBOX_RETRY_SECONDS, doubled after each one."""
    return settings.OUTBOX_RETRY_SECONDS * 2 ** (attempts - 1)


def outbox_message_send(*, message_id: int) -> bool:
    """Send one due message and record it as sent; return True only if this call sent it.

    The row is locked with SKIP LOCKED, so two workers never send the same
    message, and a message already sent is left alone: delivery happens once.
    A failure is recorded with the time of the next attempt, later after each
    failure, so that flushes a few seconds apart do not use up the attempts
    during a short mail-server outage.
    """
    with transaction.atomic():
        now = timezone.now()
        message = _locked_if_due(message_id, now)
        if message is None:
            return False
        message.attempts += 1
        try:
            _deliver(message)
        except Exception as error:  # SMTP, gateway and network errors: record and let a later flush retry
            message.last_error = f"{type(error).__name__}: {error}"[:2000]
            if message.attempts >= settings.OUTBOX_MAX_ATTEMPTS:
                message.status = OutboxStatus.FAILED
                _erase_if_asked(message)
            else:
                message.next_attempt_at = now + timedelta(seconds=retry_delay_seconds(message.attempts))
            message.save(update_fields=["attempts", "last_error", "status", "next_attempt_at", *_erased(message)])
            logger.warning("Outbox message %s not sent (attempt %s).", message_id, message.attempts, exc_info=True)
            return False
        message.status = OutboxStatus.SENT
        message.sent_at = timezone.now()
        message.last_error = ""
        _erase_if_asked(message)
        if message.erase_after_send:
            message.save(update_fields=["attempts", "last_error", "status", "sent_at", *_erased(message)])
        else:
            _record_sent(message)
    return True


# The worker runs these two for every message it sends: written in SQL, they cost half the CPU of the ORM's
# query building (bench/README.md, issue 18); the statements and row locks are the same.


def _locked_if_due(message_id, now):
    """The message if it is due, its row locked until the transaction ends; None if not due or locked elsewhere."""
    table = connection.ops.quote_name(OutboxMessage._meta.db_table)
    lock = " FOR UPDATE SKIP LOCKED" if connection.features.has_select_for_update_skip_locked else ""
    found = list(
        OutboxMessage.objects.raw(
            f"SELECT * FROM {table} WHERE id = %s AND status = %s "  # noqa: S608 - the table name is the model's
            f"AND (next_attempt_at IS NULL OR next_attempt_at <= %s){lock}",
            [message_id, OutboxStatus.PENDING, _as_db_time(now)],
        )
    )
    return found[0] if found else None


def _record_sent(message):
    table = connection.ops.quote_name(OutboxMessage._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {table} SET attempts = %s, last_error = '', status = %s, sent_at = %s WHERE id = %s",  # noqa: S608
            [message.attempts, message.status, _as_db_time(message.sent_at), message.pk],
        )


def _as_db_time(moment):
    """A datetime as the database stores it (SQLite keeps text in UTC, PostgreSQL a timestamp)."""
    return OutboxMessage._meta.get_field("sent_at").get_db_prep_value(moment, connection)


ERASED_BODY = "–"


def _erase_if_asked(message):
    if message.erase_after_send:
        message.body = ERASED_BODY


def _erased(message):
    """The body among the fields to save only when it was blanked: an unchanged body is not encrypted again."""
    return ["body"] if message.erase_after_send and message.body == ERASED_BODY else []


def _deliver(message: OutboxMessage) -> None:
    """Hand the message to the e-mail or the SMS backend its channel names; raise when it did not go."""
    if message.channel == OutboxChannel.SMS:
        sms.send_sms(recipient=message.recipient, text=message.body)
    else:
        EmailMessage(message.subject, message.body, to=[message.recipient]).send()


def outbox_flush(*, batch: int = 100) -> int:
    """Try each message due when called once, oldest first, `batch` at a time; return how many were sent."""
    sent, after, now = 0, 0, timezone.now()
    while True:
        due = list(_due(now).filter(pk__gt=after).order_by("pk").values_list("pk", flat=True)[:batch])
        sent += sum(outbox_message_send(message_id=pk) for pk in due)
        if len(due) < batch:
            return sent
        after = due[-1]
