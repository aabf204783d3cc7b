"""The outbox's delivery: a process queues at most a flush a second; a flush tries every pending message."""

import math
import time

import pytest
from django.core import mail
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
