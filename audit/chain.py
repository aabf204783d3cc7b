"""The hash chain: append entries one writer at a time, and check that none was changed since.

hash = sha256(previous hash + canonical JSON of the entry's own fields). The
writer locks the one-row chain head (SELECT ... FOR UPDATE) in the caller's
transaction, so the entry is written with the change it records, and a second
writer waits for the first to commit: ids follow the chain and it never forks.
The lock lasts until the caller's transaction ends: a long transaction that
writes many entries gathers them with `deferred()` and appends them last.
"""

import hashlib
import json
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import UTC

from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext

from .models import AuditChainHead, AuditEntry

GENESIS_HASH = "0" * 64
HEAD_ID = 1

_pending: ContextVar[list | None] = ContextVar("audit_pending", default=None)


def entry_payload(entry: AuditEntry) -> dict:
    """The fields the hash covers: everything but the id (the chain's order is the ids') and the hashes."""
    return {
        "created_at": entry.created_at.astimezone(UTC).isoformat(timespec="microseconds"),
        "actor": entry.actor_id,
        "actor_username": entry.actor_username,
        "action": entry.action,
        "object_type": entry.object_type,
        "object_id": entry.object_id,
        "summary": entry.summary,
        "changes": entry.changes,
    }


def canonical_json(payload: dict) -> str:
    """One text for one payload, however the database hands the JSON back (keys sorted, no spaces)."""
    return json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def entry_hash(previous_hash: str, entry: AuditEntry) -> str:
    return hashlib.sha256((previous_hash + canonical_json(entry_payload(entry))).encode()).hexdigest()


def _head_locked() -> str:
    """The chain's last hash, its head row locked until the transaction ends (made on first use: a flushed test
    database has none).

    In SQL rather than through the ORM, like the head's update in append(): every registration runs both,
    and building the queries cost more than running them.
    """
    table = connection.ops.quote_name(AuditChainHead._meta.db_table)
    lock = " FOR UPDATE" if connection.features.has_select_for_update else ""
    select = f"SELECT last_hash FROM {table} WHERE id = %s{lock}"  # noqa: S608 - the table name is the model's
    with connection.cursor() as cursor:
        cursor.execute(select, [HEAD_ID])
        row = cursor.fetchone()
        if row is None:
            AuditChainHead.objects.bulk_create([AuditChainHead(pk=HEAD_ID)], ignore_conflicts=True)
            cursor.execute(select, [HEAD_ID])
            row = cursor.fetchone()
    return row[0]


def _head_move(*, last_entry_id: int, last_hash: str, added: int) -> None:
    table = connection.ops.quote_name(AuditChainHead._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {table} SET last_entry_id = %s, last_hash = %s, length = length + %s WHERE id = %s",  # noqa: S608
            [last_entry_id, last_hash, added, HEAD_ID],
        )


def append(entries: list[AuditEntry]) -> list[AuditEntry]:
    """Chain and insert `entries`, in one INSERT whatever their number; three queries in all.

    Inside `deferred()` they are kept and appended when the block ends.
    """
    if not entries:
        return entries
    pending = _pending.get()
    if pending is not None:
        pending.extend(entries)
        return entries
    now = timezone.now()
    # Inside the caller's transaction no savepoint is needed: an error undoes the caller's change too.
    with transaction.atomic(savepoint=False):
        previous = _head_locked() or GENESIS_HASH
        for entry in entries:
            entry.created_at = entry.created_at or now
            entry.previous_hash = previous
            entry.hash = previous = entry_hash(previous, entry)
        created = AuditEntry.objects.bulk_create(entries)
        _head_move(last_entry_id=created[-1].pk, last_hash=previous, added=len(created))
    return created


@contextmanager
def deferred():
    """Keep the entries written inside the block and append them when it ends, so the head is locked only then.

    For long transactions (the log import): taken at their first entry, the
    lock would hold every other writer, the public form included, until the
    end. An exception in the block drops the kept entries with the change.
    """
    if _pending.get() is not None:  # already deferred by an outer block
        yield
        return
    token = _pending.set([])
    try:
        yield
        entries = _pending.get()
    finally:
        _pending.reset(token)
    append(entries)


@dataclass(frozen=True)
class Verdict:
    """What audit_verify found: the entries checked, and the first broken one (None when the chain is whole)."""

    checked: int
    last_hash: str
    broken_id: int | None = None
    reason: str = ""

    @property
    def intact(self) -> bool:
        return self.broken_id is None


def verify(chunk_size: int = 2000) -> Verdict:
    """Walk the chain in id order, recomputing each hash; stop at the first entry that does not match.

    An entry is broken when its own fields no longer give its hash (it was
    changed) or when it does not name the hash before it (an entry before it
    was removed or replaced). Last, the head must name the final entry, or
    entries were removed from the end.
    """
    previous, checked, last_id = GENESIS_HASH, 0, None
    for entry in AuditEntry.objects.order_by("id").iterator(chunk_size=chunk_size):
        if entry.previous_hash != previous:
            return Verdict(checked, previous, entry.pk, gettext("it does not follow the entry before it"))
        if entry_hash(previous, entry) != entry.hash:
            return Verdict(checked, previous, entry.pk, gettext("it was changed after it was written"))
        previous, last_id, checked = entry.hash, entry.pk, checked + 1
    head = AuditChainHead.objects.filter(pk=HEAD_ID).first()
    if (
        head is not None
        and head.last_entry_id is not None
        and (head.last_entry_id, head.last_hash) != (last_id, previous)
    ):
        return Verdict(checked, previous, head.last_entry_id, gettext("it is missing: the chain ends before it"))
    return Verdict(checked, previous)
