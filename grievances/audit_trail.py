"""The audit log's entries for a case's history: each history entry written is also chained in the audit log.

The case's history (GrievanceEvent) can be edited by anonymisation, which
blanks notes and texts; the audit entry beside it cannot. So the entry keeps
what may stay for ever: the event, the case, who, when, the status and stage
moved, the names of the fields changed and the old and new values of the
structured ones (audit.values), never the note, texts or the complainant's
details. A view of the complainant records who saw which case.
"""

from audit.models import AuditAction
from audit.services import audit_entry_build, audit_record_many
from audit.values import changes_record

from .models import EventType, Grievance

ACTIONS = {
    EventType.COMPLAINANT_VIEWED: AuditAction.IDENTITY_VIEWED,
    EventType.EXPORTED: AuditAction.EXPORTED,
}


def _changes(event) -> dict:
    data = event.data or {}
    pairs = {name: tuple(pair) for name, pair in data.get("changes", {}).items()}
    if event.from_status and event.from_status != event.to_status:
        pairs.setdefault("status", (event.from_status, event.to_status))
    if event.from_stage is not None and event.from_stage != event.to_stage:
        pairs.setdefault("stage", (event.from_stage, event.to_stage))
    record = {"event": event.event_type, **(changes_record(Grievance, pairs) if pairs else {})}
    complainant_fields = data.get("complainant_fields") or []
    if complainant_fields:
        record["fields"] = sorted([*record.get("fields", []), *(f"complainant.{name}" for name in complainant_fields)])
    if data.get("via"):
        record["via"] = data["via"]
    return record


def grievance_event_audit_entry(event):
    """The audit entry of one history entry (not written yet)."""
    grievance = event.grievance
    return audit_entry_build(
        action=ACTIONS.get(event.event_type, AuditAction.CASE_CHANGED),
        actor=event.actor,
        object_type=Grievance._meta.label_lower,
        object_id=grievance.pk,
        summary=f"{grievance.registered_no}: {event.event_type}",
        changes=_changes(event),
        created_at=event.created_at,
    )


def grievance_events_audit(events) -> list:
    """Chain the audit entries of `events`, one INSERT for all of them."""
    return audit_record_many([grievance_event_audit_entry(event) for event in events])
