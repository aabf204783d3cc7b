"""Writes on the grievance log. Every state change goes through a function here."""

from datetime import date, datetime, timedelta
from functools import partial

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from smartgov.exceptions import ApplicationError
from smartgov.workdays import add_working_days, working_days_between

from . import audit_trail, history, notifications, referrals, uploads, workflow
from .languages import REPORT_LANGUAGES, REPORT_TEXTS
from .models import (
    SENSITIVE_PERMISSION,
    TRANSLATED_TEXTS,
    Complainant,
    ContactTask,
    EventType,
    Grievance,
    GrievanceEvent,
    ReferralBody,
    ReferralConsent,
    ResponseWay,
    Satisfaction,
    Stage,
    StageResolution,
    Status,
)
from .numbering import parse_registration_number, reserve_given_number, take_next_number
from .who_and_where import PROFILE_FIELDS
from .workflow import Action, InvalidTransition

# The per-language columns of the texts kept in Mongolian and English (translation.py).
TRANSLATED_COPIES = frozenset(
    f"{name}_{language}" for name in TRANSLATED_TEXTS for language in settings.MODELTRANSLATION_LANGUAGES
)

# What a caller may give about the complainant; the blind indexes are derived by Complainant.save().
COMPLAINANT_FIELDS = [
    field.name for field in Complainant._meta.get_fields() if field.name not in {"id", "grievance"} and field.editable
]


def grievance_event_record(*, grievance, event_type, actor=None, note="", data=None, from_status="", from_stage=None):
    """Write one history entry describing the case as it is now, and its audit entry in the same transaction."""
    with transaction.atomic(savepoint=False):
        event = GrievanceEvent.objects.create(
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
        audit_trail.grievance_events_audit([event])
    return event


def _translated_texts(translations):
    """Keep only the translated copies of the texts staff enter (summary_mn, summary_en, ...) that are filled in."""
    return {name: value for name, value in (translations or {}).items() if name in TRANSLATED_COPIES and value}


@transaction.atomic
def grievance_register(
    *,
    kind: str,
    channel: str,
    message: str = "",
    message_language: str = "",
    received_at: datetime | None = None,
    details: str = "",
    location: str = "",
    profile: dict | None = None,
    complainant: dict | None = None,
    actor=None,
    registered_no: str = "",
    submission_token=None,
    tracking_code_hash: str = "",
    translations: dict | None = None,
    attachments: list | None = None,
    confirm: bool = True,
    sensitive: bool = False,
    referral_consent: str = "",
) -> Grievance:
    """Register a grievance from any channel and give it its registration number.

    The number is taken inside this transaction (see numbering.take_next_number).
    A number from an existing log (`registered_no`) is kept as given and
    reserved so that it is never given again. The acknowledgement deadline is
    counted in working days from the day of receipt. A case from the web form
    comes with the hash of its tracking code (see online.py). `translations`
    gives the texts kept per language as the officer typed them, each named
    with its language (summary_mn, summary_en, ...): the public summaries,
    which the report shows. There is no plain `summary`: it would be written in
    whichever language is active. `message` is what the complainant wrote or
    said, kept as received with its language, and never shown in a report.
    `attachments` are files that passed the upload checks (uploads.CheckedFile),
    stored with the case in this transaction: a file that cannot be stored
    leaves no case behind. A complainant with an e-mail address is sent
    the confirmation (notifications.py), in this transaction's outbox, unless
    `confirm` is False: the admin sends the receipt instead (receipts.py).
    `profile` gives who the complainant is and where the case comes from, as
    they chose to say (who_and_where.PROFILE_FIELDS: aimag, gender, age group,
    disability, vulnerable groups); other keys are ignored.
    """
    translations = _translated_texts(translations)
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

    grievance = Grievance(
        registered_no=registered_no,
        registration_year=year,
        registration_sequence=sequence,
        kind=kind,
        channel=channel,
        received_at=received_at,
        message=message,
        message_language=message_language,
        details=details,
        location=location,
        **{name: value for name, value in (profile or {}).items() if name in PROFILE_FIELDS and value},
        status=Status.RESOLVING,
        due_on=due_on,
        submission_token=submission_token,
        tracking_code_hash=tracking_code_hash,
        sensitive=sensitive,
        referral_consent=referral_consent or ReferralConsent.NOT_ASKED,
    )
    # Every language's copy of a text the caller gave is set, so a language left empty stays empty
    # instead of holding the text written in another one.
    for text in TRANSLATED_TEXTS:
        if any(name.startswith(f"{text}_") for name in translations):
            for language in settings.MODELTRANSLATION_LANGUAGES:
                setattr(grievance, f"{text}_{language}", translations.get(f"{text}_{language}", ""))
    grievance.save(force_insert=True)
    complainant = {key: value for key, value in (complainant or {}).items() if key in COMPLAINANT_FIELDS and value}
    Complainant.objects.create(grievance=grievance, **complainant)
    for checked in attachments or []:
        uploads.attachment_store(grievance=grievance, checked=checked)
    registered = {"channel": channel, **({"sensitive": True} if sensitive else {})}
    grievance_event_record(grievance=grievance, event_type=EventType.REGISTERED, actor=actor, data=registered)
    if sensitive:
        notifications.grievance_sensitive_staff_notify(grievance=grievance)
    if confirm:
        notifications.grievance_registered_notify(grievance=grievance)
    return grievance


# --- Transitions -------------------------------------------------------------
# Each one runs in the same order (transition_run): lock the case, check the
# registry in workflow.py, set the target state, let the service change its
# fields, save only what changed, write one history entry with the old and new
# values, and queue the transition's notifications in the same transaction
# (the outbox sends them after commit).


def _stage_record(case, **values):
    """Write what happened at the case's current stage (its StageResolution row, SEP table 5)."""
    StageResolution.objects.update_or_create(grievance=case, stage=case.stage, defaults=values)


def _moment(at, grievance):
    """Check when a step happened: not before the case was received, not in the future."""
    now = timezone.now()
    at = at or now
    if at > now or at < grievance.received_at:
        raise InvalidTransition(
            _("The date must be between the day the case was received and today."),
        )
    return at


def transition_run(action, grievance, actor, note, change):
    """Make one registered transition; `change(locked_case)` sets its fields and returns the event's extra data.

    Every transition service calls this, so each follows the same order: lock
    the row, check the registry, set the target state, change, save with
    update_fields, record the old and new values, queue the notifications.
    `change` raises InvalidTransition to refuse its input; nothing is saved then.
    """
    # Inside the service's own atomic block this adds no savepoint; called bare, it still runs in a transaction.
    with transaction.atomic(savepoint=False):
        return _transition_run(action, grievance, actor, note, change)


def _transition_run(action, grievance, actor, note, change):
    transition = workflow.TRANSITIONS[action]
    locked = Grievance.objects.select_for_update().get(pk=grievance.pk)
    workflow.check(action, locked, actor)
    before = history.snapshot(locked)
    if transition.target is not None:
        locked.state = transition.target
    data = change(locked) or {}
    changes = history.changes(before, locked)
    locked.save(update_fields=[*changes, "updated_at"])
    grievance_event_record(
        grievance=locked,
        event_type=transition.event,
        actor=actor,
        note=note,
        data={**data, "changes": history.as_json(changes)},
        from_status=before["status"],
        from_stage=before["stage"],
    )
    for name in transition.notifications:
        getattr(notifications, f"grievance_{name}_notify")(grievance=locked)
    return locked


@transaction.atomic
def grievance_acknowledge(*, grievance: Grievance, actor, note: str = "", at: datetime | None = None) -> Grievance:
    """Acknowledge receipt; the resolution deadline now runs from the acknowledgement."""

    def change(case):
        case.acknowledged_at = _moment(at, case)
        case.due_on = workflow.due_date(case, timezone.localdate(case.acknowledged_at))

    return transition_run(Action.ACKNOWLEDGE, grievance, actor, note, change)


@transaction.atomic
def grievance_mark_unrelated(
    *,
    grievance: Grievance,
    actor,
    referral_body: ReferralBody | None = None,
    referred_to: str = "",
    note: str = "",
    at: datetime | None = None,
) -> Grievance:
    """Record that the case is not linked to the project and where it was referred; queue the referral letter.

    The officer picks a body of the register, writes where the case went, or
    both (the text then names it more precisely). A body alone is written into
    `referred_to` under its name in the complainant's language, so the case
    reads the way the letter does. The letter is rendered by a task after
    commit (referrals.py), never in the request.
    """
    referred_to = (referred_to or "").strip()

    def change(case):
        if not referred_to and referral_body is None:
            raise InvalidTransition(_("Say which body the unrelated case was referred to."), field="referred_to")
        if referral_body is not None and not referral_body.is_active:
            raise InvalidTransition(
                _("%(body)s is no longer offered in the register.") % {"body": referral_body}, field="referral_body"
            )
        if case.acknowledged_at is None:
            case.acknowledged_at = _moment(at, case)
        case.status = Status.UNRELATED
        case.referral_body = referral_body
        case.referred_to = referred_to or referrals.referral_body_name(referral_body, referrals.letter_language(case))
        case.due_on = None
        return {"referred_to": case.referred_to}

    case = transition_run(Action.MARK_UNRELATED, grievance, actor, note, change)
    transaction.on_commit(partial(referrals.referral_letter_queue, grievance_id=case.pk))
    return case


@transaction.atomic
def grievance_assign(*, grievance: Grievance, actor, assignee, note: str = "") -> Grievance:
    """Give the case to a member of staff (or to nobody, with assignee=None)."""

    def change(case):
        if assignee is not None and not (
            assignee.is_active
            and assignee.is_staff
            and assignee.has_perm("grievances.view_grievance")
            and (not case.sensitive or assignee.has_perm(SENSITIVE_PERMISSION))
        ):
            raise InvalidTransition(
                _("%(user)s cannot handle grievances and cannot be assigned.") % {"user": assignee.get_username()},
                field="assignee",
            )
        case.assigned_to = assignee
        return {"assigned_to": assignee.get_username() if assignee else ""}

    return transition_run(Action.ASSIGN, grievance, actor, note, change)


@transaction.atomic
def grievance_escalate(
    *, grievance: Grievance, actor, stage: int, note: str = "", at: datetime | None = None
) -> Grievance:
    """Move the case up to a higher GRM stage; the new stage's deadline runs from today.

    The stage it leaves gets its closure date (and the note as its resolution).
    """

    def change(case):
        if stage not in Stage.values or stage <= case.stage:
            raise InvalidTransition(
                _("Case %(number)s is at stage %(stage)s; it can only be escalated to a higher stage.")
                % {"number": case.registered_no, "stage": case.stage}
            )
        day = timezone.localdate(_moment(at, case))
        _stage_record(case, resolution=note, closed_on=day)
        case.stage = stage
        case.due_on = workflow.due_date(case, day)

    return transition_run(Action.ESCALATE, grievance, actor, note, change)


# What a resolution needs, in this order: summary_mn, summary_en, actions_taken_mn, actions_taken_en.
RESOLUTION_COPIES = tuple(f"{text}_{language}" for text in REPORT_TEXTS for language in REPORT_LANGUAGES)


def _missing_copy_message(name):
    """What the refusal says when the case lacks one language's copy of a report text."""
    return {
        "summary_mn": _("Write the public summary in Mongolian before resolving the case."),
        "summary_en": _("Write the public summary in English before resolving the case."),
        "actions_taken_mn": _("Write the actions taken in Mongolian before resolving the case."),
        "actions_taken_en": _("Write the actions taken in English before resolving the case."),
    }[name]


def _resolution_texts(case, typed: dict, *, both_languages: bool):
    """Put each typed copy into its own language's column; refuse a resolution lacking a report text.

    A copy left blank keeps what the case has. The report is published in
    Mongolian and English and prints both the summary and the actions taken, so
    both are needed in both languages; a case from the old log, kept in the one
    language it was written in (both_languages=False), needs its actions taken
    in one of them, and the report lists what it lacks.
    """
    for name, value in typed.items():
        if value:
            setattr(case, name, value)
    if not both_languages:
        if not (case.actions_taken_mn or case.actions_taken_en):
            raise InvalidTransition(_("Write the actions taken before resolving the case."), field="actions_taken_mn")
        return
    for name in RESOLUTION_COPIES:
        if not (getattr(case, name) or "").strip():
            raise InvalidTransition(_missing_copy_message(name), field=name)


@transaction.atomic
def grievance_resolve(
    *,
    grievance: Grievance,
    actor,
    response_way: str,
    resolved_on: date | None = None,
    summary_mn: str = "",
    summary_en: str = "",
    actions_taken_mn: str = "",
    actions_taken_en: str = "",
    public_answer_mn: str = "",
    public_answer_en: str = "",
    public_answer_kk: str = "",
    note: str = "",
    ask_complainant: bool = True,
    both_languages: bool = True,
) -> Grievance:
    """Record the actions taken and the answer given; count the period in working days.

    Every text is named with its language (summary_mn, actions_taken_en, ...)
    and goes into that language's column only: a text is never written through
    its plain name, which would land in whichever language the page is in. A
    text left blank keeps the case's copy; the case needs its public summary
    and actions taken in Mongolian and English (see _resolution_texts). The
    period counts the day of receipt and the day of resolution when they are
    working days, as the PIU's reports do. The complainant is asked "was your
    issue resolved?" unless `ask_complainant` is False (cases imported from the
    old log, whose complainants were never asked).
    """
    typed = {
        "summary_mn": summary_mn,
        "summary_en": summary_en,
        "actions_taken_mn": actions_taken_mn,
        "actions_taken_en": actions_taken_en,
        "public_answer_mn": public_answer_mn,
        "public_answer_en": public_answer_en,
        "public_answer_kk": public_answer_kk,
    }
    typed = {name: (value or "").strip() for name, value in typed.items()}

    def change(case):
        received_on = timezone.localdate(case.received_at)
        day = resolved_on or timezone.localdate()
        _resolution_texts(case, typed, both_languages=both_languages)
        if response_way not in ResponseWay.values:
            raise InvalidTransition(_("Choose the way the answer was given to the complainant."), field="response_way")
        if not received_on <= day <= timezone.localdate():
            raise InvalidTransition(
                _("The date must be between the day the case was received and today."), field="resolved_on"
            )
        case.status = Status.RESOLVED
        case.response_way = response_way
        case.resolved_on = day
        case.working_days_to_resolve = working_days_between(received_on, day)
        case.due_on = None
        # "Was your issue resolved?" stays open this long (tasks close the case after it).
        case.satisfaction = ""
        case.satisfaction_due_on = (
            add_working_days(timezone.localdate() + timedelta(days=1), settings.GRM_SATISFACTION_DAYS)
            if ask_complainant
            else None
        )
        # The stage's record (SEP table 5) has one text: the PIU's working language first.
        _stage_record(case, resolution=case.actions_taken_mn or case.actions_taken_en, resolved_on=day)
        return {"response_way": response_way, "working_days": case.working_days_to_resolve}

    return transition_run(Action.RESOLVE, grievance, actor, note, change)


@transaction.atomic
def grievance_reopen(*, grievance: Grievance, actor, note: str = "") -> Grievance:
    """Take a resolved, unrelated or closed case up again at the stage it reached."""

    def change(case):
        if case.anonymised_at is not None:
            raise InvalidTransition(
                _("Case %(number)s was anonymised after the retention period and cannot be reopened.")
                % {"number": case.registered_no}
            )
        _clear_resolution(case)
        case.closed_at = None
        case.satisfaction = ""  # asked again when it is resolved again
        case.satisfaction_due_on = None
        case.due_on = workflow.due_date(case, timezone.localdate())

    return transition_run(Action.REOPEN, grievance, actor, note, change)


@transaction.atomic
def grievance_close(*, grievance: Grievance, actor, note: str = "", at: datetime | None = None) -> Grievance:
    """Close a resolved or unrelated case; its current stage gets its closure date."""

    def change(case):
        case.closed_at = _moment(at, case)
        case.satisfaction_due_on = None
        _stage_record(case, closed_on=timezone.localdate(case.closed_at))

    return transition_run(Action.CLOSE, grievance, actor, note, change)


# --- The paused clock: waiting for the complainant ------------------------------


def moved_due_date(due_on: date | None, waited_working_days: int) -> date | None:
    """Move a deadline later by the working days the PIU waited for the complainant."""
    if due_on is None or waited_working_days < 1:
        return due_on
    return add_working_days(due_on + timedelta(days=1), waited_working_days)


def working_days_waited(since: date, answered_on: date) -> int:
    """Count the working days of a wait: the day the request was sent counts, the day of the answer does not.

    So an answer the same day moves nothing, and a request sent on a Friday and
    answered on the Monday after costs one working day.
    """
    return working_days_between(since, answered_on - timedelta(days=1))


@transaction.atomic
def grievance_request_information(*, grievance: Grievance, actor, message: str, note: str = "") -> Grievance:
    """Ask the complainant for information and pause the case's clock until they answer.

    The deadline is kept aside (paused_due_on) and the case has none while it
    waits, so it is never overdue; the answer moves it later by the working days
    waited (grievance_information_receive).
    """
    message = (message or "").strip()

    def change(case):
        if not message:
            raise InvalidTransition(_("Write the question to the complainant."), field="message")
        case.awaiting_since = timezone.localdate()
        case.paused_due_on = case.due_on
        case.due_on = None
        case.reminded_on = None
        return {"message": message}

    return transition_run(Action.REQUEST_INFORMATION, grievance, actor, note, change)


@transaction.atomic
def grievance_information_receive(
    *, grievance: Grievance, actor, note: str = "", answered_on: date | None = None
) -> Grievance:
    """Record the complainant's answer and restart the clock, its deadline later by the working days waited."""

    def change(case):
        day = answered_on or timezone.localdate()
        if day < case.awaiting_since or day > timezone.localdate():
            raise InvalidTransition(_("The date must be between the day the question was sent and today."))
        waited = working_days_waited(case.awaiting_since, day)
        case.due_on = moved_due_date(case.paused_due_on, waited)
        case.working_days_waited += waited
        case.awaiting_since = case.paused_due_on = case.reminded_on = None
        return {"waited_working_days": waited}

    return transition_run(Action.INFORMATION_RECEIVED, grievance, actor, note, change)


@transaction.atomic
def grievance_close_no_response(*, grievance: Grievance, actor, note: str = "") -> Grievance:
    """Close a case whose complainant never answered the question, once reminded and the period passed again.

    The case counts as resolved on the day it is closed (the report lists it
    with its period); the history says why, and the complainant is told.
    """

    def change(case):
        closable_from = workflow.no_response_closable_from(case)
        today = timezone.localdate()
        if closable_from is None or closable_from > today:
            raise InvalidTransition(
                _("Case %(number)s can be closed without an answer only after a reminder and %(days)s working days.")
                % {"number": case.registered_no, "days": settings.GRM_INFORMATION_REMINDER_DAYS}
            )
        waited = working_days_waited(case.awaiting_since, today)
        case.status = Status.RESOLVED
        case.resolved_on = today
        case.working_days_to_resolve = working_days_between(timezone.localdate(case.received_at), today)
        case.working_days_waited += waited
        case.closed_at = timezone.now()
        case.due_on = None
        case.awaiting_since = case.paused_due_on = case.reminded_on = None
        _stage_record(case, resolved_on=today, closed_on=today)
        return {"waited_working_days": waited}

    return transition_run(Action.CLOSE_NO_RESPONSE, grievance, actor, note, change)


# --- The complainant's answer to the resolution ----------------------------------


def _clear_resolution(case):
    """Take the case's resolution back (reopened, appealed): its date, its count and the way the answer was given.

    The history entry keeps the old values; the report then shows the case as open, not answered.
    """
    case.status = Status.RESOLVING
    case.resolved_on = None
    case.working_days_to_resolve = None
    case.response_way = ""


def _closed_with_answer(satisfaction):
    """The change that closes a resolved case and records what the complainant answered (or that they did not)."""

    def change(case):
        case.closed_at = timezone.now()
        case.satisfaction = satisfaction
        case.satisfaction_due_on = None
        _stage_record(case, closed_on=timezone.localdate(case.closed_at))

    return change


@transaction.atomic
def grievance_resolution_confirm(*, grievance: Grievance, actor=None, note: str = "") -> Grievance:
    """Close the case: the complainant said the issue is resolved."""
    return transition_run(Action.CONFIRM_RESOLVED, grievance, actor, note, _closed_with_answer(Satisfaction.RESOLVED))


@transaction.atomic
def grievance_appeal(*, grievance: Grievance, actor=None, reason: str, note: str = "") -> Grievance:
    """Take the case to the next GRM stage: the complainant said the issue is not resolved, and why.

    The new stage's deadline runs from today; the stage left keeps its
    resolution. At stage 4 there is no next stage inside the mechanism: the
    tracking page explains the World Bank's routes instead.
    """
    reason = (reason or "").strip()

    def change(case):
        if not reason:
            raise InvalidTransition(_("Tell us why the issue is not resolved."), field="reason")
        if case.stage >= Stage.HIGHER_AUTHORITY:
            raise InvalidTransition(_("The case is at the last stage of the mechanism and cannot go further."))
        _stage_record(case, closed_on=timezone.localdate())
        _clear_resolution(case)
        case.satisfaction = Satisfaction.NOT_RESOLVED
        case.satisfaction_due_on = None
        case.stage += 1
        case.due_on = workflow.due_date(case, timezone.localdate())
        return {"reason": reason}

    # The reason is the complainant's own words: kept in the note, which anonymisation clears.
    return transition_run(Action.APPEAL, grievance, actor, reason, change)


@transaction.atomic
def grievance_close_unanswered(*, grievance: Grievance) -> Grievance:
    """Close a resolved case whose complainant did not say within the period whether it was resolved."""
    note = _("The complainant did not say within the period whether the issue was resolved.")
    close = _closed_with_answer(Satisfaction.NO_ANSWER)

    def change(case):
        # Checked again under the lock: the case may have been resolved again, with a new period, since.
        if case.satisfaction_due_on is None or case.satisfaction_due_on >= timezone.localdate():
            raise InvalidTransition(_("The complainant can still answer whether the issue was resolved."))
        close(case)

    return transition_run(Action.CLOSE, grievance, None, note, change)


# --- Other writes --------------------------------------------------------------

# Fields staff may edit on the case page; the workflow's own columns change only through transitions.
# The translated texts only by their per-language columns: a plain name would write whichever language is active.
EDITABLE_FIELDS = frozenset(
    {"kind", "channel", "details", "location", "response_way", "internal_notes", "public_answer_kk"}
    | set(PROFILE_FIELDS)
    | TRANSLATED_COPIES
)


@transaction.atomic
def grievance_update(*, grievance: Grievance, actor, data: dict) -> Grievance:
    """Edit descriptive fields of a case and record the old and new values in its history.

    HackSoft's model_update shape: the caller passes the validated values it
    has; only those that differ from the stored ones are saved and recorded.
    Workflow columns are refused: they change only through a transition.
    """
    refused = set(data) - EDITABLE_FIELDS
    if refused:
        raise ApplicationError(
            _("These fields change only through a workflow step: %(fields)s.") % {"fields": ", ".join(sorted(refused))}
        )
    locked = Grievance.objects.select_for_update().get(pk=grievance.pk)
    before = history.snapshot(locked, fields=data)
    for name, value in data.items():
        setattr(locked, name, value)
    changes = history.changes(before, locked)
    if not changes:
        return locked
    locked.save(update_fields=[*changes, "updated_at"])
    grievance_event_record(
        grievance=locked,
        event_type=EventType.UPDATED,
        actor=actor,
        data={"fields": sorted(changes), "changes": history.as_json(changes)},
    )
    return locked


@transaction.atomic
def complainant_update(*, complainant: Complainant, actor, data: dict) -> Complainant:
    """Change a complainant's details; the history names the fields changed, never their values.

    The values are personal data, kept encrypted in their own table; copying
    them into the history would keep them past anonymisation.
    """
    refused = set(data) - set(COMPLAINANT_FIELDS)
    if refused:
        raise ApplicationError(
            _("These fields cannot be changed here: %(fields)s.") % {"fields": ", ".join(sorted(refused))}
        )
    locked = Complainant.objects.select_for_update().get(pk=complainant.pk)
    changed = sorted(name for name, value in data.items() if getattr(locked, name) != value)
    if not changed:
        return locked
    for name in changed:
        setattr(locked, name, data[name])
    locked.save(update_fields=changed)
    grievance_event_record(
        grievance=locked.grievance, event_type=EventType.UPDATED, actor=actor, data={"complainant_fields": changed}
    )
    return locked


@transaction.atomic
def contact_task_complete(*, task: ContactTask, actor, note: str) -> ContactTask:
    """Record that the officer gave the complainant the message by phone or in person, and what was said.

    The history gets the `notified` entry an e-mail or SMS gets when it is
    written, with the way (phone or in person) and the time the call was made.
    """
    note = (note or "").strip()
    if not note:
        raise ApplicationError(_("Write what you told the complainant and what they said."))
    locked = ContactTask.objects.select_for_update().select_related("grievance").get(pk=task.pk)
    if locked.done_at is not None:
        raise ApplicationError(_("This call was already recorded."))
    locked.done_at = timezone.now()
    locked.done_by = actor
    locked.note = note
    locked.save(update_fields=["done_at", "done_by", "note"])
    grievance_event_record(
        grievance=locked.grievance,
        event_type=EventType.NOTIFIED,
        actor=actor,
        note=note,
        data={"way": locked.way, "message": locked.message, "language": locked.language, "contact_task": locked.pk},
    )
    return locked


def grievance_complainant_viewed(*, grievance: Grievance, actor, via: str = "") -> GrievanceEvent:
    """Log that a member of staff was shown the complainant's identity and contact details.

    `via` names the door when it is not the case page ("attachments", "referral_letters"; the API logs
    a page of cases at once, access_log.py).
    """
    return grievance_event_record(
        grievance=grievance, event_type=EventType.COMPLAINANT_VIEWED, actor=actor, data={"via": via} if via else None
    )
