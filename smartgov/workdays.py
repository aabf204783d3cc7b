"""Working-day arithmetic, counted the way the PIU counts in its published reports.

Both the first and the last day count when they are working days. Saturdays,
Sundays and Mongolian public holidays (from the `holidays` package, lunar dates
included) are not working days; CalendarDay rows override both for decrees.
A case registered on a Sunday and answered on Monday took 1 working day.
"""

from datetime import date, timedelta
from functools import lru_cache

import holidays
from django.db import connection


@lru_cache(maxsize=64)
def _public_holidays(year):
    return frozenset(holidays.country_holidays("MN", years=[year]).keys())


def _overrides(start, end):
    """The decreed days between start and end: {date: is a working day}.

    In SQL rather than through the ORM: every registration asks (its acknowledgement deadline), and building
    the query cost more than running it. SQLite hands back dates as text and booleans as integers.
    """
    from .models import CalendarDay

    quote = connection.ops.quote_name
    table = quote(CalendarDay._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {quote('date')}, is_working_day FROM {table} WHERE {quote('date')} BETWEEN %s AND %s",  # noqa: S608
            [start.isoformat(), end.isoformat()],
        )
        rows = cursor.fetchall()
    return {day if isinstance(day, date) else date.fromisoformat(day): bool(working) for day, working in rows}


def _is_working(day, overrides):
    if day in overrides:
        return overrides[day]
    return day.weekday() < 5 and day not in _public_holidays(day.year)


def is_working_day(day: date) -> bool:
    """Tell whether the PIU works on this day."""
    return _is_working(day, _overrides(day, day))


def working_days_between(start: date, end: date) -> int:
    """Count working days from start to end, both included; 0 if end is before start."""
    if end < start:
        return 0
    overrides = _overrides(start, end)
    return sum(1 for offset in range((end - start).days + 1) if _is_working(start + timedelta(days=offset), overrides))


def working_days_counter(first: date, last: date):
    """Return a working_days_between for many spans within [first, last], reading the calendar's changes once.

    A report counting the working days of each of hundreds of items would
    otherwise query the calendar once per item.
    """
    overrides = _overrides(first, last)

    def count(start: date, end: date) -> int:
        if end < start:
            return 0
        return sum(
            1 for offset in range((end - start).days + 1) if _is_working(start + timedelta(days=offset), overrides)
        )

    return count


def add_working_days(start: date, days: int) -> date:
    """Return the date of the days-th working day counted from start (start included).

    It is the due date of a deadline of `days` working days: a case received on
    that date and answered by the returned date took at most `days` working days.
    """
    if days < 1:
        return start
    # Generous look-ahead window: even Tsagaan Sar and Naadam never cost more than double.
    horizon = start + timedelta(days=days * 3 + 20)
    overrides = _overrides(start, horizon)
    day, counted = start, 0
    while True:
        if _is_working(day, overrides):
            counted += 1
            if counted == days:
                return day
        day += timedelta(days=1)
        if day > horizon:
            horizon = day + timedelta(days=days * 3 + 20)
            overrides.update(_overrides(day, horizon))
