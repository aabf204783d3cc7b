"""Writes on the grievance log. Every state change goes through a function here."""

from datetime import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from smartgov.exceptions import ApplicationError
from smartgov.workdays import add_working_days

from .models import Complainant, EventType, Grievance, GrievanceEvent, Status
from .numbering import parse_registration_number, reserve_given_number, take_next_number

COMPLAINANT_FIELDS = [field.name for field in Complainant._meta.get_fields() if field.name not in {"id", "grievance"}]


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
) -> Grievance:
    """Register a grievance from any channel and give it its registration number.

    The number is taken inside this transaction (see numbering.take_next_number).
    A number from an existing log (`registered_no`) is kept as given and
    reserved so that it is never given again. The acknowledgement deadline is
    counted in working days from the day of receipt.
    """
    received_at = received_at or timezone.now()
    year = timezone.localtime(received_at).year
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
        due_on=add_working_days(timezone.localdate(received_at), settings.GRM_DEADLINES["acknowledge"]),
        submission_token=submission_token,
    )
    complainant = {key: value for key, value in (complainant or {}).items() if key in COMPLAINANT_FIELDS and value}
    Complainant.objects.create(grievance=grievance, **complainant)
    grievance_event_record(grievance=grievance, event_type=EventType.REGISTERED, actor=actor, data={"channel": channel})
    return grievance
