"""Open cases' deadlines follow the decreed calendar (smartgov/calendar_changes.py).

A deadline is the last of so many working days counted from a start at or
before today. The days before today are left as they were counted (whether a
past day fell inside a count depends on where that count started), so a
deadline is counted again from today: as many working days as the old
calendar had from today to the deadline, on the new one. A new day off inside
that span moves the deadline a working day later, a new working day a working
day earlier, and several changed days at once (a bulk delete, a day whose
date was edited) move it by what they add up to. The "was it resolved?"
question's days start the day after the resolution, so its count starts
there when that is after today. Each moved case gets a history entry with the
old and new dates.
"""

from datetime import date, timedelta

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext

from smartgov.workdays import add_working_days, working_days_counter

from . import history
from .models import EventType, Grievance
from .services import grievance_event_record

# The stored deadlines of an open case: the current step's, the one kept while waiting for the
# complainant, and the day the "was your issue resolved?" question closes.
DEADLINES = ("due_on", "paused_due_on", "satisfaction_due_on")


def recounted(deadline: date, start: date, changed: dict[date, bool], count) -> date:
    """The deadline counted again on the new calendar from `start`: as many working days as the old one had.

    `changed` gives the days whose status changed and what they are now (True: a working day); every other
    day is as it was. `count` counts working days on the new calendar (smartgov.workdays.working_days_counter).
    """
    if deadline < start:
        return deadline
    now = count(start, deadline)
    before = now + sum(-1 if working else 1 for day, working in changed.items() if start <= day <= deadline)
    return add_working_days(start, before) if before > 0 else deadline


def _count_start(case, name: str, today: date) -> date:
    if name == "satisfaction_due_on" and case.resolved_on is not None:
        return max(today, case.resolved_on + timedelta(days=1))
    return today


def deadlines_follow_calendar(sender, *, days, actor=None, **kwargs) -> int:
    """Receiver of calendar_changed: count again the open deadlines the changed days fall in; return the cases moved."""
    today = timezone.localdate()
    changed = {day: working for day, working in days.items() if day >= today}
    if not changed:
        return 0
    inside = Q()
    for name in DEADLINES:
        inside |= Q(**{f"{name}__gte": min(changed)})
    cases = list(Grievance.objects.select_for_update().filter(inside).order_by("pk"))
    deadlines = [deadline for case in cases for name in DEADLINES if (deadline := getattr(case, name)) is not None]
    if not deadlines:
        return 0
    count = working_days_counter(today, max(deadlines))  # the calendar read once for every case
    moved = 0
    for case in cases:
        before = history.snapshot(case, fields=DEADLINES)
        for name in DEADLINES:
            deadline = getattr(case, name)
            if deadline is not None:
                setattr(case, name, recounted(deadline, _count_start(case, name, today), changed, count))
        changes = history.changes(before, case)
        if not changes:
            continue
        case.save(update_fields=[*changes, "updated_at"])
        grievance_event_record(
            grievance=case,
            event_type=EventType.UPDATED,
            actor=actor,
            note=_why(changed),
            data={
                "fields": sorted(changes),
                "changes": history.as_json(changes),
                "calendar_days": sorted(day.isoformat() for day in changed),
            },
        )
        moved += 1
    return moved


def _why(changed: dict[date, bool]) -> str:
    offs = ", ".join(day.isoformat() for day, working in sorted(changed.items()) if not working)
    workings = ", ".join(day.isoformat() for day, working in sorted(changed.items()) if working)
    parts = []
    if offs:
        parts.append(gettext("The calendar changed: %(day)s is now a day off.") % {"day": offs})
    if workings:
        parts.append(gettext("The calendar changed: %(day)s is now a working day.") % {"day": workings})
    return " ".join(parts)
