"""Changes to the decreed calendar (CalendarDay), announced to the deadlines counted on it.

A deadline is stored as a date, counted in working days when it was set. When
a decree makes a day a day off (or a weekend day a working day) after that,
the deadlines whose count runs over that day are one working day short (or
long). Each change here is saved in one transaction with the moves it causes:
`calendar_changed` is sent, inside it, with the days whose working status
actually changed, and each app that keeps deadlines moves its own
(grievances/deadline_shifts.py). Receivers return how many records they moved.
"""

from datetime import date

from django.db import transaction
from django.dispatch import Signal

from .models import CalendarDay
from .workdays import is_working_day

# Sent with days={date: is now a working day} and actor (who changed the calendar, or None).
calendar_changed = Signal()


@transaction.atomic
def calendar_day_save(*, day: CalendarDay, actor=None) -> int:
    """Save a new or changed calendar day; return how many records' deadlines moved with it."""
    stored = CalendarDay.objects.filter(pk=day.pk).values_list("date", flat=True).first() if day.pk else None
    before = {moved: is_working_day(moved) for moved in {day.date, stored} - {None}}
    day.save()
    return _announce(before, actor)


@transaction.atomic
def calendar_days_delete(*, days, actor=None) -> int:
    """Delete calendar days (their dates go back to the usual calendar); return how many records' deadlines moved."""
    days = list(days)
    before = {day.date: is_working_day(day.date) for day in days}
    CalendarDay.objects.filter(pk__in=[day.pk for day in days]).delete()
    return _announce(before, actor)


def _announce(before: dict[date, bool], actor) -> int:
    changed = {day: now for day, was in before.items() if (now := is_working_day(day)) != was}
    if not changed:
        return 0
    answers = calendar_changed.send(sender=CalendarDay, days=changed, actor=actor)
    return sum(moved for _receiver, moved in answers if isinstance(moved, int))
