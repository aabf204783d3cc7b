"""The grievance state machine: the states, the registry of transitions, and who may make each.

The registry (TRANSITIONS) is the only place that knows the rules. Each entry
names its source states, its target state, the permission it needs, the
service that performs it, the input it takes, the history event it writes and
the notifications it queues. The admin case panel and bulk actions
(admin_transitions.py), the API actions and their OpenAPI entries
(api/views.py) and the state x action tests are all generated from it, so a
new transition is one entry here plus one service in services.py.

States are stored on the case (models.State); the database ties each one to
the dates it implies (models.STATE_CONSTRAINTS):

    registered    resolving, stage 1, not yet acknowledged
    in_progress   resolving and acknowledged, at stage 1 to 4
    resolved      resolved, not closed
    unrelated     unrelated (referred elsewhere), not closed
    closed        resolved or unrelated, and closed
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from importlib import import_module

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from smartgov.exceptions import ApplicationError
from smartgov.workdays import add_working_days

from .languages import COPY_LABELS, language_of
from .models import OPEN_STATES, SENSITIVE_PERMISSION, EventType, ReferralBody, ResponseWay, Stage, State

__all__ = ["OPEN_STATES", "State"]


class InvalidTransition(ApplicationError):
    """A transition was asked for in a state or by a person that does not allow it."""


class Action(models.TextChoices):
    """The names of the registered transitions (the keys of TRANSITIONS)."""

    ACKNOWLEDGE = "acknowledge", _("Acknowledge")
    MARK_UNRELATED = "mark_unrelated", _("Mark unrelated")
    ASSIGN = "assign", _("Assign")
    ESCALATE = "escalate", _("Escalate")
    RESOLVE = "resolve", _("Resolve")
    REQUEST_INFORMATION = "request_information", _("Request information")
    INFORMATION_RECEIVED = "information_received", _("Information received")
    CONFIRM_RESOLVED = "confirm_resolved", _("Confirm resolved")
    APPEAL = "appeal", _("Appeal")
    CLOSE_NO_RESPONSE = "close_no_response", _("Close: no answer from the complainant")
    REOPEN = "reopen", _("Reopen")
    CLOSE = "close", _("Close")


TRIAGE = "grievances.triage_grievance"
RESOLVE = "grievances.resolve_grievance"


@dataclass(frozen=True)
class Input:
    """One value a transition takes from the person making it, besides the optional note.

    `kind` is text, long_text, choice, user, date or record; each front end
    turns it into its own field (a Django form field, a DRF serializer field).
    A record is a row picked from `queryset()` (a register staff keep, such as
    the referral bodies), read afresh by every form and request. Text
    the service must have is still optional here: the service refuses it
    blank with its own message, so every front end says the same thing.
    `choices(grievance)` lists the values offered for that case (grievance is
    None for the bulk action bar and the API, which offer every value).
    `language` is set on a text kept per language (summary_en, ...): the box
    says which language it holds and is marked with it (languages.py).
    """

    name: str
    label: str
    kind: str = "text"
    required: bool = False
    max_length: int | None = None
    choices: Callable | None = None
    coerce: Callable = str
    initial: Callable | None = None
    help_text: str = ""
    queryset: Callable | None = None
    language: str = ""

    @property
    def is_typed(self):
        """Tell whether a person types this value (a bulk action cannot ask for it)."""
        return self.kind in ("text", "long_text")


@dataclass(frozen=True)
class Transition:
    """One registered transition; see the module docstring."""

    name: str
    label: str
    sources: frozenset
    # None: the case stays in the state it was in (assigning, escalating).
    target: State | None
    permission: str
    # False: a person with the permission may act only on cases assigned to them (PSC members).
    needs_all_cases: bool
    # The service that performs it: a name in grievances.services, or the function itself.
    service: str | Callable
    event: str
    inputs: tuple = ()
    # Names of functions in grievances.notifications, each called with the changed case.
    notifications: tuple = ()
    help_text: str = ""
    # Whether the transition is offered at all for this case (escalation needs a higher stage).
    offered: Callable = field(default=lambda grievance: True)
    # Who makes it: "staff" through the admin and the API (generated from this registry), or "complainant"
    # through the tracking page, where the number and code are the right to act and `permission` is unused.
    door: str = "staff"

    @property
    def needs_typed_input(self):
        return any(item.is_typed and item.required for item in self.inputs)

    @property
    def bulk(self):
        """Offered as an admin list action: only when it needs nothing typed (a note is optional)."""
        return not any(item.is_typed for item in self.inputs)

    @property
    def url_path(self):
        return self.name.replace("_", "-")

    def perform(self, *, grievance, actor, **arguments):
        """Call the transition's service."""
        service = self.service
        if isinstance(service, str):
            service = getattr(import_module("grievances.services"), service)
        return service(grievance=grievance, actor=actor, **arguments)


def no_response_closable_from(grievance) -> date | None:
    """The first day a case left unanswered may be closed: GRM_INFORMATION_REMINDER_DAYS after the reminder."""
    if grievance.reminded_on is None:
        return None
    return add_working_days(grievance.reminded_on + timedelta(days=1), settings.GRM_INFORMATION_REMINDER_DAYS)


def _higher_stages(grievance):
    stages = [stage for stage in Stage if stage > Stage.LOCAL]
    if grievance is not None:
        stages = [stage for stage in stages if stage > grievance.stage]
    return [(stage.value, stage.label) for stage in stages]


def _assignee_initial(grievance):
    return grievance.assigned_to_id


def _stored_copy(name):
    """Prefill with the case's own copy of that language, never another language's text shown as a fallback.

    A form sends back what it shows: a fallback would be saved as this language's text.
    """
    return lambda grievance: getattr(grievance, name) or ""


def _text_copy(name, help_text=""):
    """The input of one language's copy of a text the PIU writes (summary_mn, public_answer_kk, ...)."""
    return Input(
        name,
        COPY_LABELS[name],
        kind="long_text",
        initial=_stored_copy(name),
        help_text=help_text,
        language=language_of(name),
    )


ASSIGNEE = Input("assignee", _("assign to"), kind="user", initial=_assignee_initial)
STAGE = Input("stage", _("escalate to"), kind="choice", required=True, choices=_higher_stages, coerce=int)
REFERRAL_BODY = Input(
    "referral_body",
    _("referred to (register)"),
    kind="record",
    queryset=lambda: ReferralBody.objects.active(),
    help_text=_("The complainant is sent a letter naming the body and how to reach it."),
)
REFERRED_TO = Input(
    "referred_to",
    _("referred to"),
    max_length=255,
    help_text=_("When the body is not in the register, or to name it more precisely."),
)
SUMMARY_HELP = _(
    "A short description of the issue for the report, with no name, address or other detail that could identify anyone."
)
ACTIONS_TAKEN_HELP = _("Listed in the GRM report, and shown to the complainant when no answer is written for them.")
SUMMARY_MN = _text_copy("summary_mn", SUMMARY_HELP)
SUMMARY_EN = _text_copy("summary_en", SUMMARY_HELP)
ACTIONS_TAKEN_MN = _text_copy("actions_taken_mn", ACTIONS_TAKEN_HELP)
ACTIONS_TAKEN_EN = _text_copy("actions_taken_en", ACTIONS_TAKEN_HELP)
ANSWER_HELP = _(
    "Shown to the complainant on the tracking page and sent to them when they chose this language; without one, "
    "they get the answer in another language with a note saying so."
)
PUBLIC_ANSWER_MN = _text_copy("public_answer_mn", ANSWER_HELP)
PUBLIC_ANSWER_EN = _text_copy("public_answer_en", ANSWER_HELP)
PUBLIC_ANSWER_KK = _text_copy("public_answer_kk", ANSWER_HELP)
RESPONSE_WAY = Input(
    "response_way",
    _("way of answer"),
    kind="choice",
    choices=lambda grievance: ResponseWay.choices,
    initial=lambda grievance: grievance.response_way,
)
RESOLVED_ON = Input("resolved_on", _("resolved on"), kind="date", help_text=_("Today when left empty."))

ANSWERED_ON = Input(
    "answered_on", _("answered on"), kind="date", help_text=_("The day the answer arrived; today when left empty.")
)
MESSAGE = Input(
    "message",
    _("question to the complainant"),
    kind="long_text",
    help_text=_("Sent to the complainant and shown on the tracking page. The deadline is paused until they answer."),
)
REASON = Input("reason", _("why the issue is not resolved"), kind="long_text")

TRANSITIONS: dict[str, Transition] = {}


def register(transition: Transition) -> Transition:
    """Add a transition to the registry (also used by tests for a throw-away one)."""
    TRANSITIONS[transition.name] = transition
    return transition


def unregister(name: str) -> None:
    TRANSITIONS.pop(name, None)


for _transition in (
    Transition(
        Action.ACKNOWLEDGE,
        Action.ACKNOWLEDGE.label,
        frozenset({State.REGISTERED}),
        State.IN_PROGRESS,
        TRIAGE,
        True,
        "grievance_acknowledge",
        EventType.ACKNOWLEDGED,
        notifications=("acknowledged",),
    ),
    Transition(
        Action.MARK_UNRELATED,
        Action.MARK_UNRELATED.label,
        frozenset({State.REGISTERED, State.IN_PROGRESS}),
        State.UNRELATED,
        TRIAGE,
        True,
        "grievance_mark_unrelated",
        EventType.MARKED_UNRELATED,
        inputs=(REFERRAL_BODY, REFERRED_TO),
        notifications=("unrelated",),
    ),
    Transition(
        Action.ASSIGN,
        Action.ASSIGN.label,
        frozenset({State.REGISTERED, State.IN_PROGRESS, State.AWAITING_COMPLAINANT}),
        None,
        TRIAGE,
        True,
        "grievance_assign",
        EventType.ASSIGNED,
        inputs=(ASSIGNEE,),
    ),
    Transition(
        Action.ESCALATE,
        Action.ESCALATE.label,
        frozenset({State.IN_PROGRESS}),
        None,
        RESOLVE,
        False,
        "grievance_escalate",
        EventType.ESCALATED,
        inputs=(STAGE,),
        notifications=("stage_changed",),
        offered=lambda grievance: bool(_higher_stages(grievance)),
    ),
    Transition(
        Action.RESOLVE,
        Action.RESOLVE.label,
        frozenset({State.IN_PROGRESS}),
        State.RESOLVED,
        RESOLVE,
        False,
        "grievance_resolve",
        EventType.RESOLVED,
        inputs=(
            SUMMARY_MN,
            SUMMARY_EN,
            ACTIONS_TAKEN_MN,
            ACTIONS_TAKEN_EN,
            RESPONSE_WAY,
            RESOLVED_ON,
            PUBLIC_ANSWER_MN,
            PUBLIC_ANSWER_EN,
            PUBLIC_ANSWER_KK,
        ),
        notifications=("resolved",),
        help_text=_(
            "The public summary and the actions taken are needed in Mongolian and in English, written here or "
            "already on the case: the half-yearly report is published in both languages and lists both texts. "
            "Each box holds one language; a text written here replaces that language's copy on the case."
        ),
    ),
    Transition(
        Action.REQUEST_INFORMATION,
        Action.REQUEST_INFORMATION.label,
        frozenset({State.IN_PROGRESS}),
        State.AWAITING_COMPLAINANT,
        RESOLVE,
        False,
        "grievance_request_information",
        EventType.INFORMATION_REQUESTED,
        inputs=(MESSAGE,),
        notifications=("information_requested",),
    ),
    Transition(
        Action.INFORMATION_RECEIVED,
        Action.INFORMATION_RECEIVED.label,
        frozenset({State.AWAITING_COMPLAINANT}),
        State.IN_PROGRESS,
        RESOLVE,
        False,
        "grievance_information_receive",
        EventType.INFORMATION_RECEIVED,
        inputs=(ANSWERED_ON,),
        help_text=_("When the complainant answered by phone, letter or in person: write what they said in the note."),
    ),
    Transition(
        Action.CLOSE_NO_RESPONSE,
        Action.CLOSE_NO_RESPONSE.label,
        frozenset({State.AWAITING_COMPLAINANT}),
        State.CLOSED,
        TRIAGE,
        True,
        "grievance_close_no_response",
        EventType.CLOSED_NO_RESPONSE,
        notifications=("closed",),
        offered=lambda grievance: (
            no_response_closable_from(grievance) is not None
            and no_response_closable_from(grievance) <= timezone.localdate()
        ),
        help_text=_("Offered once the complainant was reminded and the same period has passed again."),
    ),
    Transition(
        Action.CONFIRM_RESOLVED,
        Action.CONFIRM_RESOLVED.label,
        frozenset({State.RESOLVED}),
        State.CLOSED,
        TRIAGE,
        True,
        "grievance_resolution_confirm",
        EventType.CONFIRMED_RESOLVED,
        notifications=("closed",),
        door="complainant",
    ),
    Transition(
        Action.APPEAL,
        Action.APPEAL.label,
        frozenset({State.RESOLVED}),
        State.IN_PROGRESS,
        TRIAGE,
        True,
        "grievance_appeal",
        EventType.APPEALED,
        inputs=(REASON,),
        notifications=("appealed",),
        offered=lambda grievance: grievance.stage < Stage.HIGHER_AUTHORITY,
        door="complainant",
    ),
    Transition(
        Action.REOPEN,
        Action.REOPEN.label,
        frozenset({State.RESOLVED, State.UNRELATED, State.CLOSED}),
        State.IN_PROGRESS,
        TRIAGE,
        True,
        "grievance_reopen",
        EventType.REOPENED,
    ),
    Transition(
        Action.CLOSE,
        Action.CLOSE.label,
        frozenset({State.RESOLVED, State.UNRELATED}),
        State.CLOSED,
        TRIAGE,
        True,
        "grievance_close",
        EventType.CLOSED,
        notifications=("closed",),
    ),
):
    register(_transition)


def transition_get(name: str) -> Transition | None:
    return TRANSITIONS.get(name)


def staff_transitions() -> list[Transition]:
    """The transitions staff make, in registry order: the admin and the API are generated from these."""
    return [transition for transition in TRANSITIONS.values() if transition.door == "staff"]


def staff_transition_get(name: str) -> Transition | None:
    transition = TRANSITIONS.get(name)
    return transition if transition is not None and transition.door == "staff" else None


def state_of(grievance) -> State:
    """Name the state a case is in (stored on the case)."""
    return State(grievance.state)


def can_handle(actor, grievance) -> bool:
    """Tell whether the person may see the case at all (all cases, or the ones assigned to them).

    A sensitive case only with the focal point's permission (models.GrievanceQuerySet.visible_to).
    """
    if grievance.sensitive:
        return actor.has_perm(SENSITIVE_PERMISSION)
    if actor.has_perm("grievances.view_all_grievances"):
        return True
    return grievance.assigned_to_id is not None and grievance.assigned_to_id == actor.pk


def may_handle(actor, grievance) -> bool:
    """Tell whether the person works the case (may make any staff transition on it), not only reads it."""
    return any(may_act(transition.name, grievance, actor) for transition in staff_transitions())


def check(action: str, grievance, actor) -> None:
    """Raise InvalidTransition unless `actor` may make `action` on the case in its current state.

    `actor=None` is the system itself (import command, tasks): only the state is checked.
    """
    transition = TRANSITIONS[action]
    state = state_of(grievance)
    if state not in transition.sources:
        raise InvalidTransition(
            gettext("“%(action)s” cannot be done on case %(number)s while it is “%(state)s”.")
            % {"number": grievance.registered_no, "action": transition.label, "state": state.label}
        )
    if actor is not None and not may_act(action, grievance, actor):
        raise InvalidTransition(refusal_message(action, grievance))


def may_act(action: str, grievance, actor) -> bool:
    """Tell whether the person holds the right to make `action` on this case, whatever state it is in."""
    transition = TRANSITIONS[action]
    if transition.door != "staff":
        return False  # the complainant's own answers are given on the tracking page, not for them
    allowed = actor.is_active and actor.has_perm(transition.permission) and can_handle(actor, grievance)
    if allowed and transition.needs_all_cases and not grievance.sensitive:
        # The focal point handles every sensitive case as the officer handles the others.
        allowed = actor.has_perm("grievances.view_all_grievances")
    return allowed


def refusal_message(action: str, grievance) -> str:
    return gettext("You may not “%(action)s” case %(number)s.") % {
        "number": grievance.registered_no,
        "action": TRANSITIONS[action].label,
    }


def done_message(action: str, grievance) -> str:
    """What every front end says when a transition was made."""
    return gettext("Case %(number)s: “%(action)s” done.") % {
        "number": grievance.registered_no,
        "action": TRANSITIONS[action].label,
    }


def allowed_actions(grievance, actor) -> list[str]:
    """List the names of the transitions the person may make on the case now (for buttons and the API)."""
    allowed = []
    for name in (transition.name for transition in staff_transitions()):
        try:
            check(name, grievance, actor)
        except InvalidTransition:
            continue
        allowed.append(name)
    return allowed


def due_date(grievance, start: date) -> date | None:
    """Return the deadline of the case's current step, counted in working days from `start`.

    Acknowledgement within GRM_DEADLINES["acknowledge"] days of receipt; resolution
    within "stage2" days at stages 1 and 2 and "stage3" days at the Steering
    Committee; stage 4 (higher authority, courts) and finished cases have none.
    """
    deadlines = settings.GRM_DEADLINES
    if grievance.state not in OPEN_STATES or grievance.state == State.AWAITING_COMPLAINANT:
        return None
    if grievance.state == State.REGISTERED:
        return add_working_days(start, deadlines["acknowledge"])
    if grievance.stage in (Stage.LOCAL, Stage.PIU):
        return add_working_days(start, deadlines["stage2"])
    if grievance.stage == Stage.STEERING_COMMITTEE:
        return add_working_days(start, deadlines["stage3"])
    return None
