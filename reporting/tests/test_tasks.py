import hashlib
from datetime import date

import pytest

from reporting import tasks
from reporting.models import ReportRecord
from reporting.periods import half_year_report_due
from reporting.services import report_generate
from reporting.tests.factories import UserFactory


@pytest.mark.django_db
def test_generating_stores_both_languages_with_their_checksums(log_2020h2):
    user = UserFactory()

    records = report_generate(start=date(2020, 6, 25), end=date(2020, 12, 31), generated_by=user)

    assert sorted(record.language for record in records) == ["en", "mn"]
    for record in records:
        content = record.file.read()
        assert content.startswith(b"%PDF")
        assert record.sha256 == hashlib.sha256(content).hexdigest()
        assert record.generated_by == user


@pytest.mark.django_db
def test_regenerating_a_period_keeps_the_earlier_records():
    tasks.report_generate_task.delay("2020-06-25", "2020-12-31")
    tasks.report_generate_task.delay("2020-06-25", "2020-12-31")

    assert ReportRecord.objects.for_period(date(2020, 6, 25), date(2020, 12, 31)).count() == 4


@pytest.mark.parametrize(
    ("today", "due"),
    [
        (date(2020, 12, 31), None),
        (date(2021, 1, 1), None),  # New Year's Day
        (date(2021, 1, 4), (date(2020, 7, 1), date(2020, 12, 31))),  # first working day (Monday)
        (date(2021, 1, 5), (date(2020, 7, 1), date(2020, 12, 31))),  # a missed day is caught up
        (date(2021, 1, 17), (date(2020, 7, 1), date(2020, 12, 31))),
        (date(2021, 1, 18), None),  # two weeks later nothing is generated any more
        (date(2021, 7, 1), (date(2021, 1, 1), date(2021, 6, 30))),  # Thursday after 30 June
    ],
)
def test_half_year_report_falls_due_on_the_first_working_day_after_the_half_year(db, today, due):
    assert half_year_report_due(today) == due


@pytest.mark.django_db
def test_daily_check_generates_once_on_the_first_working_day():
    from unittest import mock

    with mock.patch("reporting.tasks.timezone.localdate", return_value=date(2021, 1, 4)):
        first = tasks.report_half_year_check_task()
        second = tasks.report_half_year_check_task()

    assert len(first) == 2 and second is None
    assert set(ReportRecord.objects.values_list("period_start", "period_end")) == {
        (date(2020, 7, 1), date(2020, 12, 31))
    }


@pytest.mark.django_db
def test_daily_check_does_nothing_on_other_days():
    from unittest import mock

    with mock.patch("reporting.tasks.timezone.localdate", return_value=date(2020, 12, 30)):
        assert tasks.report_half_year_check_task() is None
    assert not ReportRecord.objects.exists()


def test_beat_runs_the_daily_check(settings):
    entry = settings.CELERY_BEAT_SCHEDULE["grm-half-year-report"]
    assert entry["task"] == "reporting.tasks.report_half_year_check_task"


@pytest.mark.worker
def test_report_task_runs_on_a_real_worker_and_stores_two_files(redis_celery_worker, log_2020h2):
    result = tasks.report_generate_task.delay("2020-06-25", "2020-12-31")
    record_ids = result.get(timeout=120)

    records = ReportRecord.objects.filter(pk__in=record_ids)
    assert sorted(records.values_list("language", flat=True)) == ["en", "mn"]
    assert all(record.file.size > 1000 for record in records)
