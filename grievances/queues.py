"""The officer's work queues: the desk on the admin home and the case list's "work queue" filter.

Each queue is one condition (a Q object) on the cases, defined once here: the
desk counts all of them in one aggregate query (selectors.grievance_queue_counts)
and the list filter applies the same condition, so a count and the list its
link opens never disagree.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .models import State, due_soon_condition, open_condition, overdue_condition


@dataclass(frozen=True)
class Queue:
    key: str  # the value of the list filter (?queue=<key>)
    label: str
    condition: Callable[[date], Q]  # today -> the cases in the queue


QUEUES = (
    Queue("overdue", _("Overdue"), overdue_condition),
    Queue("due_soon", _("Due within 3 working days"), due_soon_condition),
    Queue(
        "awaiting_complainant",
        _("Waiting for the complainant"),
        lambda today: Q(state=State.AWAITING_COMPLAINANT),
    ),
    Queue("new", _("New, not yet acknowledged"), lambda today: Q(state=State.REGISTERED)),
    Queue("replies", _("New replies from complainants"), lambda today: Q(has_unread_reply=True)),
    Queue("unassigned", _("Open and not assigned to anyone"), lambda today: open_condition() & Q(assigned_to=None)),
)
QUEUES_BY_KEY = {queue.key: queue for queue in QUEUES}

# The parameter of the case list's filter; the desk's links use it.
PARAMETER = "queue"


def handles_cases(user) -> bool:
    """Tell whether the person works cases (may make a transition on some), so their admin home is the desk.

    Readers of the log (the safeguards specialist) and people without any right
    to the cases keep the plain list of applications.
    """
    return user.has_perm("grievances.view_grievance") and (
        user.has_perm("grievances.triage_grievance") or user.has_perm("grievances.resolve_grievance")
    )
