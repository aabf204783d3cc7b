"""Two beats started by mistake send nothing twice: every periodic task is safe to run twice, and at once."""

from datetime import date, timedelta
from importlib import import_module
from unittest import mock

import pytest
from django.db import connection, connections
from django.utils import timezone

from grievances.models import Grievance, GrievanceEvent, State
from grievances.tests.factories import case_in_state
from reporting import tasks as reporting_tasks
from reporting.models import ReportRecord
from smartgov import sms
from smartgov.models import OutboxMessage, OutboxStatus
from smartgov.singleton import lock_key, only_one
from smartgov.tasks import outbox_flush_task

pytestmark = pytest.mark.django_db

REPORT_DAY = date(2021, 1, 4)  # the first working day after the second half of 2020


def _run_every_beat_task(settings):
    for entry in settings.CELERY_BEAT_SCHEDULE.values():
        module, name = entry["task"].rsplit(".", 1)
        task = getattr(import_module(module), name)
        if task is reporting_tasks.report_half_year_check_task:
            # The patch changes django.utils.timezone itself: only around the one task that needs that day.
            with mock.patch("reporting.tasks.timezone.localdate", return_value=REPORT_DAY):
                task.apply(throw=True)
        else:
            task.apply(throw=True)
    # What the tasks wrote to the outbox goes at the next periodic flush, a few seconds later.
    outbox_flush_task.apply(throw=True)


def _what_was_done(mailoutbox):
    return {
        "outbox": OutboxMessage.objects.count(),
        "messages sent": len(mailoutbox) + len(sms.outbox),
        "outbox sent": OutboxMessage.objects.filter(status=OutboxStatus.SENT).count(),
        "history entries": GrievanceEvent.objects.count(),
        "reports": ReportRecord.objects.count(),
    }


def test_every_beat_task_run_a_second_time_sends_and_writes_nothing_more(settings, mailoutbox):
    settings.GRM_INFORMATION_REMINDER_DAYS = 1
    waiting = case_in_state(State.AWAITING_COMPLAINANT, complainant={"name": "Бат", "email": "bat@example.mn"})
    Grievance.objects.filter(pk=waiting.pk).update(awaiting_since=timezone.localdate() - timedelta(days=14))
    resolved = case_in_state(State.RESOLVED, complainant={"name": "Сараа", "email": "saraa@example.mn"})
    Grievance.objects.filter(pk=resolved.pk).update(satisfaction_due_on=timezone.localdate() - timedelta(days=1))
    before = _what_was_done(mailoutbox)

    _run_every_beat_task(settings)
    once = _what_was_done(mailoutbox)
    _run_every_beat_task(settings)

    assert once["reports"] == 2 and once["history entries"] > before["history entries"]  # the tasks did work
    assert once["messages sent"] > before["messages sent"] and once["outbox sent"] == once["outbox"]
    assert _what_was_done(mailoutbox) == once


@pytest.mark.skipif(connection.vendor != "postgresql", reason="advisory locks are PostgreSQL's")
def test_a_report_check_finding_another_at_work_on_the_same_half_year_does_nothing():
    other = connections.create_connection("default")  # the other beat's worker, in its own session
    try:
        with other.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_lock(%s)", [lock_key("reporting.half-year-report:2020-12-31")])
        with mock.patch("reporting.tasks.timezone.localdate", return_value=REPORT_DAY):
            assert reporting_tasks.report_half_year_check_task() is None
        assert not ReportRecord.objects.exists()
    finally:
        other.close()

    with mock.patch("reporting.tasks.timezone.localdate", return_value=REPORT_DAY):
        assert len(reporting_tasks.report_half_year_check_task()) == 2


@pytest.mark.skipif(connection.vendor != "postgresql", reason="advisory locks are PostgreSQL's")
def test_only_one_lets_one_session_in_and_frees_the_lock_after():
    other = connections.create_connection("default")
    try:
        with only_one("smartgov.test-lock") as first, other.cursor() as cursor:
            cursor.execute("SELECT pg_try_advisory_lock(%s)", [lock_key("smartgov.test-lock")])
            assert first is True and cursor.fetchone()[0] is False
        with other.cursor() as cursor:
            cursor.execute("SELECT pg_try_advisory_lock(%s)", [lock_key("smartgov.test-lock")])
            assert cursor.fetchone()[0] is True
    finally:
        other.close()
