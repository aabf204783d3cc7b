"""Writes on the audit log. Every entry goes through chain.append, which links it to the one before."""

from . import chain
from .models import AuditAction, AuditEntry


def audit_entry_build(
    *,
    action: str,
    actor=None,
    object_type: str = "",
    object_id="",
    summary: str = "",
    changes: dict | None = None,
    created_at=None,
) -> AuditEntry:
    """An entry not yet written; `actor` may be None or anonymous (the system, a citizen)."""
    user = actor if actor is not None and actor.is_authenticated else None
    return AuditEntry(
        action=action,
        actor=user,
        actor_username=user.get_username() if user is not None else "",
        object_type=object_type,
        object_id="" if object_id in (None, "") else str(object_id),
        summary=summary[:300],
        changes=changes or {},
        created_at=created_at,
    )


def audit_record(**fields) -> AuditEntry:
    """Write one entry (see audit_entry_build) at the end of the chain, in the caller's transaction."""
    return chain.append([audit_entry_build(**fields)])[0]


def audit_record_many(entries: list[AuditEntry]) -> list[AuditEntry]:
    """Write several built entries with one INSERT (a page of cases viewed through the API)."""
    return chain.append(list(entries))


def audit_export(*, actor, name: str, summary: str = "", details: dict | None = None, record=None) -> AuditEntry:
    """Record that `actor` downloaded an export: `name` says which ("grievance_log", "report", ...).

    `details` are the export's parameters (period, format), never its content;
    `record` is the stored object handed out, when there is one.
    """
    return audit_record(
        action=AuditAction.EXPORTED,
        actor=actor,
        object_type=record._meta.label_lower if record is not None else "",
        object_id=record.pk if record is not None else "",
        summary=summary or name,
        changes={"export": name, **(details or {})},
    )
