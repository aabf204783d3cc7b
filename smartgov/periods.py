"""Local days and half years: one definition for the grievance filters, the GRM report and the SEP dashboard.

A day is a day in Ulaanbaatar (settings.TIME_ZONE), whatever time zone the
server runs in. A range of days, both included, becomes the instants
[midnight starting the first day, midnight after the last day): one index range
scan on a timestamp column serves it, and no instant near midnight falls
between two days.
"""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings

H1 = "H1"  # January–June
H2 = "H2"  # July–December
HALVES = (H1, H2)


def start_of_local_day(day: date) -> datetime:
    """Return the instant a day begins in the portal's time zone."""
    return datetime.combine(day, time.min, tzinfo=ZoneInfo(settings.TIME_ZONE))


def local_day_bounds(start: date | None, end: date | None) -> tuple[datetime | None, datetime | None]:
    """Return [low, high) instants covering the local days from start to end, both included.

    A missing start or end leaves that side open (None), as filters on
    "received from" or "received to" alone need.
    """
    low = start_of_local_day(start) if start else None
    high = start_of_local_day(end + timedelta(days=1)) if end else None
    return low, high


def half_of(day: date) -> str:
    """Return H1 for a day from January to June, H2 for one from July to December."""
    return H1 if day.month <= 6 else H2


def half_year(year: int, half: str) -> tuple[date, date]:
    """Return the first and last day of a half year, the periods the GRM report counts in."""
    if half == H1:
        return date(year, 1, 1), date(year, 6, 30)
    if half == H2:
        return date(year, 7, 1), date(year, 12, 31)
    raise ValueError(f"half must be {H1} or {H2}, not {half!r}")
