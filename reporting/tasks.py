"""Celery tasks of the reporting app: thin wrappers around services."""

from datetime import date

from celery import shared_task
from django.contrib.auth import get_user_model
from django.utils import timezone

from smartgov.singleton import only_one

from . import services
from .models import ReportKind, ReportRecord
from .periods import half_year_report_due


@shared_task(bind=True, max_retries=3, default_retry_delay=300)
def report_generate_task(self, start: str, end: str, user_id: int | None = None):
    """Generate both language versions of the GRM report of a period; return the new record ids."""
    user = get_user_model().objects.filter(pk=user_id).first() if user_id else None
    try:
        records = services.report_generate(
            start=date.fromisoformat(start), end=date.fromisoformat(end), generated_by=user
        )
    except OSError as error:  # storage hiccup: try again later
        raise self.retry(exc=error) from error
    return [record.pk for record in records]


@shared_task
def report_half_year_check_task():
    """Run daily by beat: generate the last half year's report on the first working day after it ends.

    Idempotent: nothing happens when a record of that half year exists, so a
    missed day is caught up the next day and a second run does nothing. Two
    runs at once (two beats) take turns on a lock: the second finds it held.
    """
    due = half_year_report_due(timezone.localdate())
    if due is None:
        return None
    with only_one(f"reporting.half-year-report:{due[1]}") as mine:
        if not mine or ReportRecord.objects.of_kind(ReportKind.GRM).filter(period_end=due[1]).exists():
            return None
        start, end = due
        return [record.pk for record in services.report_generate(start=start, end=end)]


@shared_task(bind=True, max_retries=3, default_retry_delay=300)
def sep_report_generate_task(self, start: str, end: str, user_id: int | None = None):
    """Generate both language versions of the SEP semi-annual report of a period; return the new record ids."""
    user = get_user_model().objects.filter(pk=user_id).first() if user_id else None
    try:
        records = services.sep_report_generate(
            start=date.fromisoformat(start), end=date.fromisoformat(end), generated_by=user
        )
    except OSError as error:  # storage hiccup: try again later
        raise self.retry(exc=error) from error
    return [record.pk for record in records]


@shared_task
def sep_report_half_year_check_task():
    """Run daily by beat: generate the SEP semi-annual report when the GRM report falls due (same rule, idempotent).

    Two runs at once (two beats) take turns on a lock, as for the GRM report.
    """
    due = half_year_report_due(timezone.localdate())
    if due is None:
        return None
    with only_one(f"reporting.sep-report:{due[1]}") as mine:
        if not mine or ReportRecord.objects.of_kind(ReportKind.SEP).filter(period_end=due[1]).exists():
            return None
        start, end = due
        return [record.pk for record in services.sep_report_generate(start=start, end=end)]
