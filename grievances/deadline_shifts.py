"""Open cases' deadlines follow the decreed calendar (smartgov/calendar_changes.py).

A deadline counts working days from a start that lies at or before today, so
a changed day from today on falls inside the count of every deadline on or
after it: a new day off moves such a deadline to the next working day, a new
working day to the one before. A day before today is left alone: whether it
fell inside a count depends on where that count started. The "was it
resolved?" question's days start tomorrow, so today does not move them.
Each moved case gets a history entry with the old and new dates.
"""

from datetime import timedelta
from functools import cache

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext

from smartgov.workdays import is_working_day

from . import history
from .models import EventType, Grievance
from .services import grievance_event_record

# The stored deadlines of an open case: the current step's, the one kept while waiting for the
# complainant, and the day the "was your issue resolved?" question closes.
DEADLINES = ("due_on", "paused_due_on", "satisfaction_due_on")


def _moved(deadline, *, working: bool, is_working):
    """The next working day after the deadline (a day off was added inside its count), or the one before."""
    step = timedelta(days=-1 if working else 1)
    day = deadline + step
    while not is_working(day):
        day += step
    return day


def deadlines_follow_calendar(sender, *, days, actor=None, **kwargs) -> int:
    """Receiver of calendar_changed: move the open deadlines each changed day falls within; return the cases moved."""
    today = timezone.localdate()
    is_working = cache(is_working_day)  # the calendar as it now is, each day read once
    moved_cases = set()
    for day, working in sorted(days.items()):
        if day < today:
            continue
        counted = [name for name in DEADLINES if name != "satisfaction_due_on" or day > today]
        inside = Q()
        for name in counted:
            inside |= Q(**{f"{name}__gte": day})
        for case in Grievance.objects.select_for_update().filter(inside).order_by("pk"):
            before = history.snapshot(case, fields=counted)
            for name in counted:
                deadline = getattr(case, name)
                if deadline is not None and (deadline > day if working else deadline >= day):
                    setattr(case, name, _moved(deadline, working=working, is_working=is_working))
            changes = history.changes(before, case)
            if not changes:
                continue
            case.save(update_fields=[*changes, "updated_at"])
            note = (
                gettext("The calendar changed: %(day)s is now a working day.")
                if working
                else gettext("The calendar changed: %(day)s is now a day off.")
            ) % {"day": day.isoformat()}
            grievance_event_record(
                grievance=case,
                event_type=EventType.UPDATED,
                actor=actor,
                note=note,
                data={"fields": sorted(changes), "changes": history.as_json(changes), "calendar_day": day.isoformat()},
            )
            moved_cases.add(case.pk)
    return len(moved_cases)
