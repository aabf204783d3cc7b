"""The outbox's delivery scheduling: one flush task for messages committed close together."""

import time

import pytest
from django.core import mail
from django.core.cache import cache
from django.db import transaction

from smartgov import outbox
from smartgov.celery import app
from smartgov.models import OutboxMessage, OutboxStatus
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
    """What is published is recorded instead of sent."""
    sent = []
    monkeypatch.setattr(outbox_flush_task, "apply_async", lambda **options: sent.append(("flush", options)))
    monkeypatch.setattr(outbox_message_send_task, "delay", lambda message_id: sent.append(("send", message_id)))
    cache.delete(outbox.FLUSH_SCHEDULED_KEY)
    yield sent
    cache.delete(outbox.FLUSH_SCHEDULED_KEY)


def test_messages_committed_close_together_share_one_flush_at_the_end_of_the_window(tasks_sent, settings):
    settings.OUTBOX_COALESCE_SECONDS = 1

    results = [outbox.outbox_message_enqueue(message_id=number) for number in (1, 2, 3)]

    assert results == [True, True, True]
    assert tasks_sent == [("flush", {"countdown": 1})]


def test_once_the_window_is_over_the_next_message_schedules_another_flush(tasks_sent, settings):
    settings.OUTBOX_COALESCE_SECONDS = 1
    outbox.outbox_message_enqueue(message_id=1)

    cache.delete(outbox.FLUSH_SCHEDULED_KEY)  # the mark expires when the flush is due
    outbox.outbox_message_enqueue(message_id=2)

    assert tasks_sent == [("flush", {"countdown": 1}), ("flush", {"countdown": 1})]


def test_a_window_of_zero_sends_each_message_with_its_own_task(tasks_sent, settings):
    settings.OUTBOX_COALESCE_SECONDS = 0

    outbox.outbox_message_enqueue(message_id=1)
    outbox.outbox_message_enqueue(message_id=2)

    assert tasks_sent == [("send", 1), ("send", 2)]


@pytest.mark.usefixtures("tasks_published")
def test_a_flush_that_cannot_be_queued_leaves_the_next_message_free_to_try_again(monkeypatch, settings):
    settings.OUTBOX_COALESCE_SECONDS = 1
    cache.delete(outbox.FLUSH_SCHEDULED_KEY)
    attempts = []

    def broker_down(**options):
        attempts.append(options)
        raise ConnectionError("broker unreachable")

    monkeypatch.setattr(outbox_flush_task, "apply_async", broker_down)

    assert outbox.outbox_message_enqueue(message_id=1) is False
    assert outbox.outbox_message_enqueue(message_id=2) is False
    assert len(attempts) == 2
    assert cache.get(outbox.FLUSH_SCHEDULED_KEY) is None


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
def test_a_real_worker_sends_messages_committed_together_each_once(redis_celery_worker, settings):
    settings.OUTBOX_COALESCE_SECONDS = 1
    cache.delete(outbox.FLUSH_SCHEDULED_KEY)
    for number in range(3):
        with transaction.atomic():
            outbox.outbox_message_create(recipient=f"w{number}@example.mn", subject="s", body="b")

    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and OutboxMessage.objects.filter(status=OutboxStatus.PENDING).exists():
        time.sleep(0.2)
    time.sleep(1.5)  # a late or second flush must not send anything again

    assert set(OutboxMessage.objects.values_list("status", flat=True)) == {OutboxStatus.SENT}
    assert sorted(message.to[0] for message in mail.outbox) == ["w0@example.mn", "w1@example.mn", "w2@example.mn"]
