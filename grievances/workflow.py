"""The grievance state machine: the states, which transition leads where, and who may make it.

This is the only place that knows the rules; the services in services.py ask
`check()` before changing a case, so the admin, the API, the importer and the
tasks all follow the same table.

States (derived from status, stage, acknowledged_at and closed_at):

    registered    resolving, stage 1, not yet acknowledged
    in_progress   resolving and acknowledged, at stage 1 to 4
    resolved      resolved, not closed
    unrelated     unrelated (referred elsewhere), not closed
    closed        resolved or unrelated, and closed
"""

from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from smartgov.exceptions import ApplicationError
from smartgov.workdays import add_working_days

from .models import Stage, Status


class InvalidTransition(ApplicationError):
    """A transition was asked for in a state or by a person that does not allow it."""


class State(models.TextChoices):
    REGISTERED = "registered", _("Registered, not yet acknowledged")
    IN_PROGRESS = "in_progress", _("Being resolved")
    RESOLVED = "resolved", _("Resolved")
    UNRELATED = "unrelated", _("Unrelated")
    CLOSED = "closed", _("Closed")


class Action(models.TextChoices):
    ACKNOWLEDGE = "acknowledge", _("Acknowledge")
    MARK_UNRELATED = "mark_unrelated", _("Mark unrelated")
    ASSIGN = "assign", _("Assign")
    ESCALATE = "escalate", _("Escalate")
    RESOLVE = "resolve", _("Resolve")
    REOPEN = "reopen", _("Reopen")
    CLOSE = "close", _("Close")


TRIAGE = "grievances.triage_grievance"
RESOLVE = "grievances.resolve_grievance"


@dataclass(frozen=True)
class Transition:
    sources: frozenset
    permission: str
    # False: a person with the permission may act only on cases assigned to them (PSC members).
    needs_all_cases: bool


TRANSITIONS = {
    Action.ACKNOWLEDGE: Transition(frozenset({State.REGISTERED}), TRIAGE, True),
    Action.MARK_UNRELATED: Transition(frozenset({State.REGISTERED, State.IN_PROGRESS}), TRIAGE, True),
    Action.ASSIGN: Transition(frozenset({State.REGISTERED, State.IN_PROGRESS}), TRIAGE, True),
    Action.ESCALATE: Transition(frozenset({State.IN_PROGRESS}), RESOLVE, False),
    Action.RESOLVE: Transition(frozenset({State.IN_PROGRESS}), RESOLVE, False),
    Action.REOPEN: Transition(frozenset({State.RESOLVED, State.UNRELATED, State.CLOSED}), TRIAGE, True),
    Action.CLOSE: Transition(frozenset({State.RESOLVED, State.UNRELATED}), TRIAGE, True),
}


def state_of(grievance) -> State:
    """Name the state a case is in."""
    if grievance.closed_at is not None:
        return State.CLOSED
    if grievance.status == Status.RESOLVED:
        return State.RESOLVED
    if grievance.status == Status.UNRELATED:
        return State.UNRELATED
    if grievance.acknowledged_at is None:
        return State.REGISTERED
    return State.IN_PROGRESS


def can_handle(actor, grievance) -> bool:
    """Tell whether the person may see the case at all (all cases, or the ones assigned to them)."""
    if actor.has_perm("grievances.view_all_grievances"):
        return True
    return grievance.assigned_to_id is not None and grievance.assigned_to_id == actor.pk


def check(action: Action, grievance, actor) -> None:
    """Raise InvalidTransition unless `actor` may make `action` on the case in its current state.

    `actor=None` is the system itself (import command, tasks): only the state is checked.
    """
    transition = TRANSITIONS[action]
    state = state_of(grievance)
    if state not in transition.sources:
        raise InvalidTransition(
            gettext("Case %(number)s cannot be “%(action)s” while it is “%(state)s”.")
            % {"number": grievance.registered_no, "action": action.label, "state": state.label}
        )
    if actor is not None and not may_act(action, grievance, actor):
        raise InvalidTransition(refusal_message(action, grievance))


def may_act(action: Action, grievance, actor) -> bool:
    """Tell whether the person holds the right to make `action` on this case, whatever state it is in."""
    transition = TRANSITIONS[action]
    allowed = actor.is_active and actor.has_perm(transition.permission) and can_handle(actor, grievance)
    if allowed and transition.needs_all_cases:
        allowed = actor.has_perm("grievances.view_all_grievances")
    return allowed


def refusal_message(action: Action, grievance) -> str:
    return gettext("You may not “%(action)s” case %(number)s.") % {
        "number": grievance.registered_no,
        "action": action.label,
    }


def allowed_actions(grievance, actor) -> list[Action]:
    """List the actions the person may make on the case now (for buttons and the API)."""
    allowed = []
    for action in TRANSITIONS:
        try:
            check(action, grievance, actor)
        except InvalidTransition:
            continue
        allowed.append(action)
    return allowed


def due_date(grievance, start: date) -> date | None:
    """Return the deadline of the case's current step, counted in working days from `start`.

    Acknowledgement within GRM_DEADLINES["acknowledge"] days of receipt; resolution
    within "stage2" days at stages 1 and 2 and "stage3" days at the Steering
    Committee; stage 4 (higher authority, courts) and finished cases have none.
    """
    deadlines = settings.GRM_DEADLINES
    if grievance.status != Status.RESOLVING or grievance.closed_at is not None:
        return None
    if grievance.acknowledged_at is None:
        return add_working_days(start, deadlines["acknowledge"])
    if grievance.stage in (Stage.LOCAL, Stage.PIU):
        return add_working_days(start, deadlines["stage2"])
    if grievance.stage == Stage.STEERING_COMMITTEE:
        return add_working_days(start, deadlines["stage3"])
    return None
