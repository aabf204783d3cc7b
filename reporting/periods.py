"""Report periods: parsing, the launch date and when a half-year report is due (the bounds are smartgov.periods)."""

from datetime import date, timedelta

from django.conf import settings
from django.utils.translation import gettext as _

from smartgov.dates import LATEST_DATE
from smartgov.exceptions import ApplicationError
from smartgov.periods import half_of, half_year
from smartgov.workdays import is_working_day

CATCH_UP_DAYS = 14
# The last day a report period may end on: beyond it the period's day bounds would overflow `date`,
# and no report is asked for a century ahead.
LATEST_PERIOD_END = LATEST_DATE


def launch_date() -> date:
    """The day the project's GRM started: the start of "since launch" (settings.GRM_LAUNCH_DATE)."""
    return date.fromisoformat(settings.GRM_LAUNCH_DATE)


def parse_period(start, end) -> tuple[date, date]:
    """Turn two ISO dates into a period, or raise ApplicationError with a message a user understands."""
    if not start or not end:
        raise ApplicationError(_("Give both a start and an end date, like 2020-06-25 and 2020-12-31."))
    try:
        start_date = start if isinstance(start, date) else date.fromisoformat(str(start))
        end_date = end if isinstance(end, date) else date.fromisoformat(str(end))
    except ValueError:
        raise ApplicationError(_("Dates must be written as YYYY-MM-DD, like 2020-06-25.")) from None
    if end_date < start_date:
        raise ApplicationError(_("The end date must not be before the start date."))
    if end_date > LATEST_PERIOD_END:
        raise ApplicationError(_("The period cannot end after %(date)s.") % {"date": LATEST_PERIOD_END.isoformat()})
    if start_date < launch_date():
        raise ApplicationError(
            _("The period cannot start before the GRM was launched on %(date)s.") % {"date": launch_date().isoformat()}
        )
    return start_date, end_date


def half_year_containing(day: date) -> tuple[date, date]:
    """Return the half year (1 January–30 June or 1 July–31 December) of a day, starting no earlier than launch."""
    start, end = half_year(day.year, half_of(day))
    return max(start, launch_date()), end


def last_completed_half_year(today: date) -> tuple[date, date]:
    """Return the latest half year that ended before today."""
    start, _end = half_year_containing(today)
    return half_year_containing(start - timedelta(days=1))


def first_working_day_after(day: date) -> date:
    candidate = day + timedelta(days=1)
    while not is_working_day(candidate):
        candidate += timedelta(days=1)
    return candidate


def half_year_report_due(today: date) -> tuple[date, date] | None:
    """Return the half year whose report is due today, or None.

    A report falls due on the first working day after 30 June or 31 December;
    the following two weeks still count, so a day the worker was down is
    caught up. The caller checks whether a record already exists.
    """
    start, end = last_completed_half_year(today)
    first = first_working_day_after(end)
    if not first <= today < first + timedelta(days=CATCH_UP_DAYS):
        return None
    return start, end
