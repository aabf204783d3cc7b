"""Writes on the grievance log. Every state change goes through a function here."""

from datetime import date, datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from smartgov.exceptions import ApplicationError
from smartgov.workdays import add_working_days, working_days_between

from . import workflow
from .models import Complainant, EventType, Grievance, GrievanceEvent, ResponseWay, Stage, StageResolution, Status
from .numbering import parse_registration_number, reserve_given_number, take_next_number
from .workflow import Action, InvalidTransition

# What a caller may give about the complainant; the blind indexes are derived by Complainant.save().
COMPLAINANT_FIELDS = [
    field.name for field in Complainant._meta.get_fields() if field.name not in {"id", "grievance"} and field.editable
]


def grievance_event_record(*, grievance, event_type, actor=None, note="", data=None, from_status="", from_stage=None):
    """Write one history entry describing the case as it is now."""
    return GrievanceEvent.objects.create(
        grievance=grievance,
        event_type=event_type,
        actor=actor if actor is not None and actor.is_authenticated else None,
        from_status=from_status,
        to_status=grievance.status,
        from_stage=from_stage,
        to_stage=grievance.stage,
        note=note,
        data=data or {},
    )


@transaction.atomic
def grievance_register(
    *,
    kind: str,
    channel: str,
    summary: str,
    received_at: datetime | None = None,
    details: str = "",
    location: str = "",
    complainant: dict | None = None,
    actor=None,
    registered_no: str = "",
    submission_token=None,
    tracking_code_hash: str = "",
) -> Grievance:
    """Register a grievance from any channel and give it its registration number.

    The number is taken inside this transaction (see numbering.take_next_number).
    A number from an existing log (`registered_no`) is kept as given and
    reserved so that it is never given again. The acknowledgement deadline is
    counted in working days from the day of receipt. A case from the web form
    comes with the hash of its tracking code (see online.py).
    """
    received_at = received_at or timezone.now()
    year = timezone.localtime(received_at).year
    # Before the number: from there on concurrent registrations wait for this transaction to end.
    due_on = add_working_days(timezone.localdate(received_at), settings.GRM_DEADLINES["acknowledge"])
    if registered_no:
        parsed = parse_registration_number(registered_no)
        if parsed is None:
            raise ApplicationError(
                _("“%(number)s” is not a registration number like f-2020/03.") % {"number": registered_no}
            )
        year, sequence = parsed
        if Grievance.objects.filter(registered_no=registered_no).exists():
            raise ApplicationError(_("Registration number %(number)s is already used.") % {"number": registered_no})
        reserve_given_number(year, sequence)
    else:
        sequence, registered_no = take_next_number(year)

    grievance = Grievance.objects.create(
        registered_no=registered_no,
        registration_year=year,
        registration_sequence=sequence,
        kind=kind,
        channel=channel,
        received_at=received_at,
        summary=summary,
        details=details,
        location=location,
        status=Status.RESOLVING,
        due_on=due_on,
        submission_token=submission_token,
        tracking_code_hash=tracking_code_hash,
    )
    complainant = {key: value for key, value in (complainant or {}).items() if key in COMPLAINANT_FIELDS and value}
    Complainant.objects.create(grievance=grievance, **complainant)
    grievance_event_record(grievance=grievance, event_type=EventType.REGISTERED, actor=actor, data={"channel": channel})
    return grievance


# --- Transitions -------------------------------------------------------------
# Each one locks the case, checks the state table in workflow.py, changes the
# state and dates, saves only what changed and writes one history entry.


def _lock(grievance, action, actor):
    locked = Grievance.objects.select_for_update().get(pk=grievance.pk)
    workflow.check(action, locked, actor)
    return locked


def _moment(at, grievance):
    """Check when a step happened: not before the case was received, not in the future."""
    now = timezone.now()
    at = at or now
    if at > now or at < grievance.received_at:
        raise InvalidTransition(
            _("The date must be between the day the case was received and today."),
        )
    return at


def _save(grievance, *, event_type, actor, note, fields, before, data=None):
    grievance.save(update_fields=[*fields, "updated_at"])
    grievance_event_record(
        grievance=grievance,
        event_type=event_type,
        actor=actor,
        note=note,
        data=data,
        from_status=before[0],
        from_stage=before[1],
    )
    return grievance


@transaction.atomic
def grievance_acknowledge(*, grievance: Grievance, actor, note: str = "", at: datetime | None = None) -> Grievance:
    """Acknowledge receipt; the resolution deadline now runs from the acknowledgement."""
    grievance = _lock(grievance, Action.ACKNOWLEDGE, actor)
    before = (grievance.status, grievance.stage)
    grievance.acknowledged_at = _moment(at, grievance)
    grievance.due_on = workflow.due_date(grievance, timezone.localdate(grievance.acknowledged_at))
    return _save(
        grievance,
        event_type=EventType.ACKNOWLEDGED,
        actor=actor,
        note=note,
        fields=["acknowledged_at", "due_on"],
        before=before,
    )


@transaction.atomic
def grievance_mark_unrelated(
    *, grievance: Grievance, actor, referred_to: str, note: str = "", at: datetime | None = None
) -> Grievance:
    """Record that the case is not linked to the project and the body it was referred to."""
    grievance = _lock(grievance, Action.MARK_UNRELATED, actor)
    referred_to = (referred_to or "").strip()
    if not referred_to:
        raise InvalidTransition(_("Say which body the unrelated case was referred to."))
    before = (grievance.status, grievance.stage)
    if grievance.acknowledged_at is None:
        grievance.acknowledged_at = _moment(at, grievance)
    grievance.status = Status.UNRELATED
    grievance.referred_to = referred_to
    grievance.due_on = None
    return _save(
        grievance,
        event_type=EventType.MARKED_UNRELATED,
        actor=actor,
        note=note,
        fields=["status", "referred_to", "acknowledged_at", "due_on"],
        before=before,
        data={"referred_to": referred_to},
    )


@transaction.atomic
def grievance_assign(*, grievance: Grievance, actor, assignee, note: str = "") -> Grievance:
    """Give the case to a member of staff (or to nobody, with assignee=None)."""
    grievance = _lock(grievance, Action.ASSIGN, actor)
    if assignee is not None and not (assignee.is_active and assignee.has_perm("grievances.view_grievance")):
        raise InvalidTransition(
            _("%(user)s cannot handle grievances and cannot be assigned.") % {"user": assignee.get_username()}
        )
    before = (grievance.status, grievance.stage)
    grievance.assigned_to = assignee
    return _save(
        grievance,
        event_type=EventType.ASSIGNED,
        actor=actor,
        note=note,
        fields=["assigned_to"],
        before=before,
        data={"assigned_to": assignee.get_username() if assignee else ""},
    )


@transaction.atomic
def grievance_escalate(
    *, grievance: Grievance, actor, stage: int, note: str = "", at: datetime | None = None
) -> Grievance:
    """Move the case up to a higher GRM stage; the new stage's deadline runs from today.

    The stage it leaves gets its closure date (and the note as its resolution).
    """
    grievance = _lock(grievance, Action.ESCALATE, actor)
    if stage not in Stage.values or stage <= grievance.stage:
        raise InvalidTransition(
            _("Case %(number)s is at stage %(stage)s; it can only be escalated to a higher stage.")
            % {"number": grievance.registered_no, "stage": grievance.stage}
        )
    before = (grievance.status, grievance.stage)
    day = timezone.localdate(_moment(at, grievance))
    StageResolution.objects.update_or_create(
        grievance=grievance, stage=grievance.stage, defaults={"resolution": note, "closed_on": day}
    )
    grievance.stage = stage
    grievance.due_on = workflow.due_date(grievance, day)
    return _save(
        grievance, event_type=EventType.ESCALATED, actor=actor, note=note, fields=["stage", "due_on"], before=before
    )


@transaction.atomic
def grievance_resolve(
    *,
    grievance: Grievance,
    actor,
    actions_taken: str,
    response_way: str,
    resolved_on: date | None = None,
    public_answer: str = "",
    note: str = "",
) -> Grievance:
    """Record the actions taken and the answer given; count the period in working days.

    The period counts the day of receipt and the day of resolution when they are
    working days, as the PIU's reports do.
    """
    grievance = _lock(grievance, Action.RESOLVE, actor)
    actions_taken = (actions_taken or "").strip()
    received_on = timezone.localdate(grievance.received_at)
    resolved_on = resolved_on or timezone.localdate()
    if not actions_taken:
        raise InvalidTransition(_("Write the actions taken before resolving the case."))
    if response_way not in ResponseWay.values:
        raise InvalidTransition(_("Choose the way the answer was given to the complainant."))
    if not received_on <= resolved_on <= timezone.localdate():
        raise InvalidTransition(_("The date must be between the day the case was received and today."))
    before = (grievance.status, grievance.stage)
    grievance.status = Status.RESOLVED
    grievance.actions_taken = actions_taken
    grievance.response_way = response_way
    if public_answer:
        grievance.public_answer = public_answer
    grievance.resolved_on = resolved_on
    grievance.working_days_to_resolve = working_days_between(received_on, resolved_on)
    grievance.due_on = None
    StageResolution.objects.update_or_create(
        grievance=grievance, stage=grievance.stage, defaults={"resolution": actions_taken, "resolved_on": resolved_on}
    )
    return _save(
        grievance,
        event_type=EventType.RESOLVED,
        actor=actor,
        note=note,
        fields=[
            "status",
            "actions_taken",
            "response_way",
            "public_answer",
            "resolved_on",
            "working_days_to_resolve",
            "due_on",
        ],
        before=before,
        data={"response_way": response_way, "working_days": grievance.working_days_to_resolve},
    )


@transaction.atomic
def grievance_reopen(*, grievance: Grievance, actor, note: str = "") -> Grievance:
    """Take a resolved, unrelated or closed case up again at the stage it reached."""
    grievance = _lock(grievance, Action.REOPEN, actor)
    before = (grievance.status, grievance.stage)
    grievance.status = Status.RESOLVING
    grievance.closed_at = None
    grievance.resolved_on = None
    grievance.working_days_to_resolve = None
    grievance.due_on = workflow.due_date(grievance, timezone.localdate())
    return _save(
        grievance,
        event_type=EventType.REOPENED,
        actor=actor,
        note=note,
        fields=["status", "closed_at", "resolved_on", "working_days_to_resolve", "due_on"],
        before=before,
    )


@transaction.atomic
def grievance_close(*, grievance: Grievance, actor, note: str = "", at: datetime | None = None) -> Grievance:
    """Close a resolved or unrelated case; its current stage gets its closure date."""
    grievance = _lock(grievance, Action.CLOSE, actor)
    before = (grievance.status, grievance.stage)
    grievance.closed_at = _moment(at, grievance)
    StageResolution.objects.update_or_create(
        grievance=grievance, stage=grievance.stage, defaults={"closed_on": timezone.localdate(grievance.closed_at)}
    )
    return _save(grievance, event_type=EventType.CLOSED, actor=actor, note=note, fields=["closed_at"], before=before)


# --- Other writes --------------------------------------------------------------


@transaction.atomic
def grievance_update(*, grievance: Grievance, actor, changed_fields: list[str]) -> Grievance:
    """Record that staff edited descriptive fields of a case (the admin saves the fields)."""
    grievance_event_record(
        grievance=grievance, event_type=EventType.UPDATED, actor=actor, data={"fields": sorted(changed_fields)}
    )
    return grievance


def grievance_complainant_viewed(*, grievance: Grievance, actor) -> GrievanceEvent:
    """Log that a member of staff was shown the complainant's identity and contact details."""
    return grievance_event_record(grievance=grievance, event_type=EventType.COMPLAINANT_VIEWED, actor=actor)
