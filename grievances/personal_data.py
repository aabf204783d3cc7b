"""Complainants' personal data: find a person's cases, export them on request, anonymise after retention.

The name and contact details are encrypted at rest (smartgov.crypto); a person
is found by the blind index of their e-mail or phone (or whole name), never by
decrypting every row. The export also gathers the person's public comments and
their entries as a stakeholder's representative (stakeholders.personal_data).
"""

import logging

from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from smartgov.models import OutboxMessage
from stakeholders import personal_data as stakeholder_data

from . import admin_log, history
from .models import (
    Complainant,
    ContactTask,
    EventType,
    Grievance,
    GrievanceEvent,
    email_search_key,
    name_search_key,
    phone_search_key,
)
from .services import grievance_event_record

logger = logging.getLogger(__name__)

# What the person told us about themselves; the blind indexes are derived, not theirs.
EXPORTED_COMPLAINANT_FIELDS = [
    "name",
    "email",
    "phone",
    "address",
    "vulnerable_groups",
    "preferred_language",
    "preferred_contact",
]
# Case fields the person may see: what they sent, where it stands and what they were answered.
# Staff's internal notes and the assignee are not theirs to receive.
EXPORTED_CASE_FIELDS = [
    "registered_no",
    "kind",
    "channel",
    "received_at",
    "message",
    "message_language",
    "summary",
    "details",
    "aimag",
    "location",
    "gender",
    "age_group",
    "disability",
    "vulnerable_groups",
    "status",
    "stage",
    "referred_to",
    "acknowledged_at",
    "due_on",
    "actions_taken",
    "public_answer",
    "response_way",
    "resolved_on",
    "closed_at",
]


# --- Reads ---------------------------------------------------------------------


def contact_match(*, email: str = "", phone: str = "", prefix: str = "") -> Q:
    """A filter matching the exact e-mail or phone through the blind indexes; matches nothing when both are empty.

    `prefix` is the path to Complainant from the queried model, e.g. "complainant__".
    """
    condition = Q(pk__in=[])
    email_key, phone_key = email_search_key(email), phone_search_key(phone)
    if email_key:
        condition |= Q(**{f"{prefix}email_index": email_key})
    if phone_key:
        condition |= Q(**{f"{prefix}phone_index": phone_key})
    return condition


def identity_match(*, term: str, prefix: str = "") -> Q:
    """A filter matching a search term as the complainant's whole e-mail, phone or name (blind indexes).

    The name is encrypted, so it is found by its whole value (case, spaces and
    punctuation ignored), never by part.
    """
    condition = contact_match(email=term, phone=term, prefix=prefix)
    if name_key := name_search_key(term):
        condition |= Q(**{f"{prefix}name_index": name_key})
    return condition


def grievances_of_person(*, email: str = "", phone: str = ""):
    """Every case whose complainant gave this e-mail or this phone number, oldest first."""
    return (
        Grievance.objects.filter(contact_match(email=email, phone=phone, prefix="complainant__"))
        .select_related("complainant")
        .prefetch_related("attachments")
        .order_by("received_at", "pk")
    )


def _value(value):
    return value.isoformat() if hasattr(value, "isoformat") else value


def _case_data(grievance):
    data = {field: _value(getattr(grievance, field)) for field in EXPORTED_CASE_FIELDS}
    data["status_label"] = str(grievance.get_status_display())
    complainant = getattr(grievance, "complainant", None)
    data["complainant"] = (
        {field: getattr(complainant, field) for field in EXPORTED_COMPLAINANT_FIELDS} if complainant else {}
    )
    data["attachments"] = [
        {"name": item.original_name, "content_type": item.content_type, "size": item.size}
        for item in grievance.attachments.all()
    ]
    return data


# --- Writes --------------------------------------------------------------------


@transaction.atomic
def personal_data_export(*, actor=None, email: str = "", phone: str = "", grievances=None) -> dict:
    """Gather everything held about one person and log the export on each of their cases.

    The person is found by exact e-mail or phone: their cases, their public
    comments, their entries as a stakeholder's representative and their
    online registrations for consultation events. `grievances`
    adds cases chosen by hand (the admin action), for a complainant who gave neither.
    A member of staff (`actor`) exports only the cases they may see: the
    person's sensitive cases (SEA/SH) stay with the focal point.
    """
    found = grievances_of_person(email=email, phone=phone)
    if actor is not None:
        found = found.filter(pk__in=Grievance.objects.visible_to(actor).values("pk"))
    cases = {case.pk: case for case in found}
    for case in grievances or []:
        cases.setdefault(case.pk, case)
    ordered = sorted(cases.values(), key=lambda case: (case.received_at, case.pk))
    for case in ordered:
        grievance_event_record(grievance=case, event_type=EventType.EXPORTED, actor=actor)
    return {
        "exported_at": timezone.now().isoformat(),
        "request": {"email": email, "phone": phone},
        "cases": [_case_data(case) for case in ordered],
        "comments": [
            stakeholder_data.feedback_export_data(item)
            for item in stakeholder_data.feedback_of_person(email=email, phone=phone)
        ],
        "stakeholder_representatives": [
            stakeholder_data.representative_export_data(person)
            for person in stakeholder_data.representatives_of_person(email=email, phone=phone)
        ],
        "event_registrations": [
            stakeholder_data.registration_export_data(registration)
            for registration in stakeholder_data.registrations_of_person(email=email, phone=phone)
        ],
    }


def _delete_files(paths):
    for path in paths:
        try:
            default_storage.delete(path)
        except OSError:  # already gone, or storage unreachable: the row is gone either way
            logger.warning("Could not delete anonymised attachment %s.", path, exc_info=True)


@transaction.atomic
def grievance_anonymise(*, grievance_id: int, actor=None) -> bool:
    """Remove who raised a case and what could identify them; keep what the reports count.

    Kept: number, dates, kind, channel, aimag and soum or district, the
    gender, age group, disability and vulnerable groups the person chose to
    give (counted by the published figures, which suppress small counts so
    that no one is recognised from them), status, stage, the public
    summaries and actions taken (the half-yearly report lists them). Removed:
    the complainant's message as received, their details and search keys,
    attachments (files too, after commit), the admin's log entries of the case
    rewritten to name no one (admin_log.py), details, internal notes, the answer
    addressed to the person, the notes of the history and the old and new
    values of those texts in it, the calls to the complainant (their notes),
    and the tracking code.
    Returns False if the case was already anonymised.
    """
    grievance = Grievance.objects.select_for_update().filter(pk=grievance_id, anonymised_at__isnull=True).first()
    if grievance is None:
        return False
    complainant, _created = Complainant.objects.get_or_create(grievance=grievance)
    admin_log.log_entries_scrub(grievance=grievance, name=complainant.name)  # before the name is blanked
    for field in EXPORTED_COMPLAINANT_FIELDS:
        setattr(complainant, field, "")
    complainant.save()  # also clears the blind indexes
    # Referral letters are addressed to the complainant by name: they go with the attachments.
    paths = [path for path in grievance.attachments.values_list("file", flat=True) if path]
    attachments = len(paths)
    paths += [path for path in grievance.referral_letters.values_list("file", flat=True) if path]
    grievance.attachments.all().delete()
    grievance.referral_letters.all().delete()
    transaction.on_commit(lambda: _delete_files(paths))
    GrievanceEvent.objects.filter(grievance=grievance).exclude(note="").update(note="")
    ContactTask.objects.filter(grievance=grievance).delete()  # their notes say what was told on the phone
    OutboxMessage.objects.filter(reference=f"grievance:{grievance.pk}").delete()
    cleared = [
        "message",
        "details",
        "internal_notes",
        "public_answer",
        "public_answer_mn",
        "public_answer_en",
        "public_answer_kk",
    ]
    history.forget(grievance=grievance, fields=cleared)
    for field in cleared:
        setattr(grievance, field, "")
    grievance.tracking_code_hash = ""
    grievance.anonymised_at = timezone.now()
    grievance.save(update_fields=[*cleared, "tracking_code_hash", "anonymised_at", "updated_at"])
    grievance_event_record(
        grievance=grievance,
        event_type=EventType.ANONYMISED,
        actor=actor,
        data={"attachments_deleted": attachments, "referral_letters_deleted": len(paths) - attachments},
    )
    return True


def grievances_anonymise_expired(*, now=None) -> int:
    """Anonymise every closed case past the retention period, one transaction each; return how many.

    One case per transaction, so a failure leaves the others done and the next
    daily run picks up what is left.
    """
    now = now or timezone.now()
    expired = list(Grievance.objects.retention_expired(now).values_list("pk", flat=True))
    return sum(grievance_anonymise(grievance_id=pk) for pk in expired)
