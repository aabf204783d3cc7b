"""The outbox's delivery: a process queues at most a flush a second; a flush tries every pending message."""

import math
import time

import pytest
from django.core import mail
from django.db import connection, transaction

from smartgov import outbox, sms
from smartgov.celery import app
from smartgov.models import OutboxChannel, OutboxMessage, OutboxStatus
from smartgov.sms.backends import BaseBackend
from smartgov.tasks import outbox_flush_task, outbox_message_send_task


@pytest.fixture
def tasks_published():
    """Tasks are published to a broker, not run in-process."""
    previous = app.conf.task_always_eager
    app.conf.task_always_eager = False
    yield
    app.conf.task_always_eager = previous


@pytest.fixture
def tasks_sent(tasks_published, monkeypatch):
    """What is published is recorded instead of sent; this process has queued no flush yet."""
    sent = []
    monkeypatch.setattr(outbox, "_flush_queued_at", -math.inf)
    monkeypatch.setattr(outbox_flush_task, "delay", lambda: sent.append("flush"))
    monkeypatch.setattr(outbox_message_send_task, "delay", lambda message_id: sent.append(("send", message_id)))
    return sent


def test_messages_within_the_window_share_one_flush(tasks_sent, settings):
    settings.OUTBOX_COALESCE_SECONDS = 1

    results = [outbox.outbox_message_enqueue(message_id=number) for number in (1, 2, 3)]

    assert results == [True, True, True]
    assert tasks_sent == ["flush"]


def test_after_the_window_the_next_message_queues_another_flush(tasks_sent, settings, monkeypatch):
    settings.OUTBOX_COALESCE_SECONDS = 1
    outbox.outbox_message_enqueue(message_id=1)

    monkeypatch.setattr(outbox, "_flush_queued_at", time.monotonic() - 1.5)
    outbox.outbox_message_enqueue(message_id=2)
    outbox.outbox_message_enqueue(message_id=3)

    assert tasks_sent == ["flush", "flush"]


def test_without_coalescing_each_message_has_its_own_task(tasks_sent, settings):
    settings.OUTBOX_COALESCE_SECONDS = 0

    outbox.outbox_message_enqueue(message_id=1)
    outbox.outbox_message_enqueue(message_id=2)

    assert tasks_sent == [("send", 1), ("send", 2)]


@pytest.mark.usefixtures("tasks_published")
def test_a_flush_that_cannot_be_queued_leaves_the_next_message_free_to_try_again(monkeypatch, settings):
    settings.OUTBOX_COALESCE_SECONDS = 1
    monkeypatch.setattr(outbox, "_flush_queued_at", -math.inf)
    attempts = []

    def broker_down():
        attempts.append("flush")
        raise ConnectionError("broker unreachable")

    monkeypatch.setattr(outbox_flush_task, "delay", broker_down)

    assert outbox.outbox_message_enqueue(message_id=1) is False
    assert outbox.outbox_message_enqueue(message_id=2) is False
    assert attempts == ["flush", "flush"]


@pytest.mark.django_db
def test_a_flush_tries_every_pending_message_once_in_batches(settings):
    messages = [OutboxMessage.objects.create(recipient=f"p{n}@example.mn", subject="s", body="b") for n in range(5)]
    OutboxMessage.objects.filter(pk=messages[2].pk).update(status=OutboxStatus.SENT)

    assert outbox.outbox_flush(batch=2) == 4

    assert sorted(message.to[0] for message in mail.outbox) == [
        "p0@example.mn",
        "p1@example.mn",
        "p3@example.mn",
        "p4@example.mn",
    ]
    assert not OutboxMessage.objects.filter(status=OutboxStatus.PENDING).exists()


@pytest.mark.worker
def test_a_real_worker_sends_every_message_once_including_those_left_to_a_later_flush(
    redis_celery_worker, settings, monkeypatch
):
    settings.OUTBOX_COALESCE_SECONDS = 1
    monkeypatch.setattr(outbox, "_flush_queued_at", -math.inf)

    def commit_message(number):
        with transaction.atomic():
            outbox.outbox_message_create(recipient=f"w{number}@example.mn", subject="s", body="b")

    for number in range(3):  # the first queues a flush; the next two are left to a later one
        commit_message(number)
    time.sleep(1.2)
    commit_message(3)  # a new window: its flush sends whatever is still pending

    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and OutboxMessage.objects.filter(status=OutboxStatus.PENDING).exists():
        time.sleep(0.2)
    time.sleep(1)  # a late flush must not send anything again

    assert set(OutboxMessage.objects.values_list("status", flat=True)) == {OutboxStatus.SENT}
    expected = [f"w{number}@example.mn" for number in range(4)]
    assert sorted(message.to[0] for message in mail.outbox) == expected


class GatewayDown(BaseBackend):
    """An SMS backend whose gateway refuses every message."""

    def send(self, message):
        raise sms.SmsError("The SMS gateway answered 503 Service Unavailable.")


@pytest.mark.django_db
def test_an_sms_is_written_with_the_change_and_sent_after_commit(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        message = outbox.outbox_message_create(
            channel=OutboxChannel.SMS, recipient="99112233", body="Case f-2020/03 received.", reference="grievance:1"
        )
        assert sms.outbox == []  # nothing leaves before the commit

    message.refresh_from_db()
    assert message.status == OutboxStatus.SENT
    assert [(text.recipient, text.text) for text in sms.outbox] == [("99112233", "Case f-2020/03 received.")]
    assert mail.outbox == []


@pytest.mark.django_db
def test_an_sms_recipient_and_text_are_encrypted_at_rest():
    message = outbox.outbox_message_create(channel=OutboxChannel.SMS, recipient="99112233", body="Case f-2020/03")
    with connection.cursor() as cursor:
        cursor.execute("SELECT recipient, body FROM smartgov_outboxmessage WHERE id = %s", [message.pk])
        recipient, body = cursor.fetchone()
    assert recipient.startswith("enc1:") and "99112233" not in recipient
    assert body.startswith("enc1:") and "f-2020" not in body


@pytest.mark.django_db
def test_an_sms_the_gateway_refuses_is_retried_later_and_sent_once_it_answers(settings):
    settings.SMS_BACKEND = f"{__name__}.GatewayDown"
    settings.OUTBOX_RETRY_SECONDS = 60
    message = outbox.outbox_message_create(channel=OutboxChannel.SMS, recipient="99112233", body="Case f-2020/03")

    assert outbox.outbox_flush() == 0
    message.refresh_from_db()
    assert (message.status, message.attempts) == (OutboxStatus.PENDING, 1)
    assert "503" in message.last_error
    assert message.next_attempt_at is not None
    assert outbox.outbox_flush() == 0  # waiting out the delay: not tried again at once

    settings.SMS_BACKEND = "smartgov.sms.backends.LocmemBackend"
    OutboxMessage.objects.filter(pk=message.pk).update(next_attempt_at=None)
    assert outbox.outbox_flush() == 1
    assert outbox.outbox_flush() == 0
    assert [text.recipient for text in sms.outbox] == ["99112233"]
