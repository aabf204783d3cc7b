"""The confirmation e-mail goes through the outbox: no lost mail and no error page when Redis is down."""

import time
from datetime import timedelta

import pytest
from django.core import mail
from django.core.mail import EmailMessage
from django.utils import timezone

from grievances.models import Grievance
from grievances.tests.public_helpers import form_data, public_setup  # noqa: F401
from smartgov import outbox
from smartgov.celery import app
from smartgov.models import OutboxMessage, OutboxStatus
from smartgov.tasks import outbox_flush_task

DEAD_BROKER = "redis://127.0.0.1:1/0"  # nothing listens on port 1


def _reset_broker_connections():
    app._pool = None
    app.amqp._producer_pool = None


@pytest.fixture
def broker_down():
    """Point Celery at a port where nothing answers, with tasks really sent (not run eagerly)."""
    previous_url, previous_eager = app.conf.broker_url, app.conf.task_always_eager
    app.conf.broker_url = DEAD_BROKER
    app.conf.task_always_eager = False
    _reset_broker_connections()
    yield
    app.conf.broker_url, app.conf.task_always_eager = previous_url, previous_eager
    _reset_broker_connections()


@pytest.mark.django_db
@pytest.mark.usefixtures("public_setup")
def test_sending_is_idempotent():
    message = OutboxMessage.objects.create(recipient="a@example.mn", subject="s", body="b")
    assert outbox.outbox_message_send(message_id=message.pk) is True
    assert outbox.outbox_message_send(message_id=message.pk) is False
    message.refresh_from_db()
    assert message.status == OutboxStatus.SENT and message.attempts == 1
    assert len(mail.outbox) == 1


@pytest.mark.django_db
@pytest.mark.usefixtures("public_setup")
def test_a_mail_server_error_is_retried_later_and_later_until_the_limit(settings, monkeypatch):
    settings.OUTBOX_MAX_ATTEMPTS = 2
    message = OutboxMessage.objects.create(recipient="a@example.mn", subject="s", body="b")

    def refuse(self, *args, **kwargs):
        raise OSError("connection refused")

    monkeypatch.setattr("django.core.mail.EmailMessage.send", refuse)
    assert outbox.outbox_flush() == 0
    message.refresh_from_db()
    assert message.status == OutboxStatus.PENDING and "connection refused" in message.last_error
    assert message.next_attempt_at > timezone.now()

    OutboxMessage.objects.filter(pk=message.pk).update(next_attempt_at=timezone.now() - timedelta(seconds=1))
    outbox.outbox_flush()
    message.refresh_from_db()
    assert message.status == OutboxStatus.FAILED and message.attempts == 2


@pytest.mark.django_db
@pytest.mark.usefixtures("public_setup")
def test_flushes_seconds_apart_during_a_short_outage_do_not_use_up_the_attempts(settings, monkeypatch):
    settings.OUTBOX_MAX_ATTEMPTS = 5
    message = OutboxMessage.objects.create(recipient="a@example.mn", subject="s", body="b")
    real_send = EmailMessage.send

    def refuse(self, *args, **kwargs):
        raise OSError("connection refused")

    monkeypatch.setattr(EmailMessage, "send", refuse)
    for _ in range(20):  # a burst of submissions queues a flush a second, beat one every 10 s
        outbox.outbox_flush()

    message.refresh_from_db()
    assert message.status == OutboxStatus.PENDING and message.attempts == 1
    monkeypatch.setattr(EmailMessage, "send", real_send)  # the mail server is back
    OutboxMessage.objects.filter(pk=message.pk).update(next_attempt_at=timezone.now() - timedelta(seconds=1))
    assert outbox.outbox_flush() == 1


@pytest.mark.worker
@pytest.mark.usefixtures("public_setup")
def test_with_the_broker_down_the_submission_succeeds_and_the_mail_goes_once_redis_is_back(
    transactional_db, client, request
):
    if not app.conf.broker_url.startswith("redis://"):
        pytest.skip("needs Redis: run through scripts/test with Redis on 127.0.0.1:6379")
    request.getfixturevalue("broker_down")
    response = client.post("/en/grievances/new/", form_data(email="bat@example.mn"))
    assert response.status_code == 302
    assert Grievance.objects.count() == 1
    message = OutboxMessage.objects.get()
    assert message.status == OutboxStatus.PENDING
    assert mail.outbox == []

    request.getfixturevalue("_restore_broker")
    request.getfixturevalue("redis_celery_worker")
    outbox_flush_task.delay()
    outbox_flush_task.delay()  # a second flush (or a late task) must not send it again
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and OutboxMessage.objects.filter(status=OutboxStatus.PENDING).exists():
        time.sleep(0.2)
    time.sleep(0.5)
    message.refresh_from_db()
    assert message.status == OutboxStatus.SENT
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["bat@example.mn"]


@pytest.fixture
def _restore_broker():
    """Undo broker_down before the real worker starts (fixtures requested later are set up later)."""
    from django.conf import settings

    app.conf.broker_url = settings.CELERY_BROKER_URL
    _reset_broker_connections()
