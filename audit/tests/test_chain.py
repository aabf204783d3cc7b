"""The chain: audit_verify passes an untouched log and names an entry changed behind its back; writers never fork."""

import re
import threading

import pytest
from django.core.management import ManagementUtility, call_command
from django.core.management import base as command_base
from django.db import DatabaseError, close_old_connections, connection, transaction

from audit import chain
from audit.models import AuditAction, AuditChainHead, AuditEntry
from audit.services import audit_record
from grievances import services
from grievances.tests.factories import UserFactory, register_grievance

pytestmark = pytest.mark.django_db
ON_POSTGRESQL = connection.vendor == "postgresql"
needs_postgresql = pytest.mark.skipif(
    not ON_POSTGRESQL, reason="the append-only trigger and row locks are PostgreSQL's; SQLite has neither"
)


def _entries(count=5):
    user = UserFactory()
    for number in range(count):
        audit_record(action=AuditAction.CHANGED, actor=user, object_type="test.thing", object_id=number)
    return list(AuditEntry.objects.order_by("id"))


def _audit_verify(capsys, monkeypatch):
    """Run the command as manage.py does; its exit status (0 when it ends normally) and what it printed.

    manage.py closes the database connections when a command ends: not the test's own.
    """
    monkeypatch.setattr(command_base.connections, "close_all", lambda: None)
    try:
        ManagementUtility(["manage.py", "audit_verify"]).execute()
        status = 0
    except SystemExit as exit_:
        status = exit_.code
    printed = capsys.readouterr()
    return status, printed.out + printed.err


def _tamper(sql, params):
    """Change entries as a database superuser would: switch the trigger off, run `sql`, switch it on again."""
    with connection.cursor() as cursor:
        if ON_POSTGRESQL:
            cursor.execute("ALTER TABLE audit_auditentry DISABLE TRIGGER audit_entry_append_only")
        cursor.execute(sql, params)
        if ON_POSTGRESQL:
            cursor.execute("ALTER TABLE audit_auditentry ENABLE TRIGGER audit_entry_append_only")


def test_each_entry_names_the_hash_of_the_one_before():
    entries = _entries(3)
    assert entries[0].previous_hash == chain.GENESIS_HASH
    assert [entry.previous_hash for entry in entries[1:]] == [entry.hash for entry in entries[:-1]]
    assert AuditChainHead.objects.get().last_hash == entries[-1].hash


def test_an_untouched_chain_verifies_and_the_command_exits_0(capsys, monkeypatch):
    register_grievance(complainant={"name": "Test Person"})
    _entries(4)
    status, printed = _audit_verify(capsys, monkeypatch)
    assert status == 0
    assert re.search(rf"\b{AuditEntry.objects.count()}\b", printed)  # the entries checked, in the active language


def test_an_entry_changed_with_raw_sql_is_named_and_the_command_exits_1(capsys, monkeypatch):
    entries = _entries(5)
    _tamper("UPDATE audit_auditentry SET summary = %s WHERE id = %s", ["nothing happened", entries[2].pk])
    status, printed = _audit_verify(capsys, monkeypatch)
    assert status == 1
    assert re.search(rf"\b{entries[2].pk}\b", printed)  # named, in the active language
    assert chain.verify().broken_id == entries[2].pk


def test_an_entry_rewritten_with_a_matching_hash_breaks_the_link_after_it():
    entries = _entries(4)
    forged = entries[1]
    forged.summary = "forged"
    forged_hash = chain.entry_hash(forged.previous_hash, forged)
    _tamper("UPDATE audit_auditentry SET summary = %s, hash = %s WHERE id = %s", ["forged", forged_hash, forged.pk])
    assert chain.verify().broken_id == entries[2].pk


def test_an_entry_deleted_from_the_middle_or_the_end_is_found():
    entries = _entries(4)
    _tamper("DELETE FROM audit_auditentry WHERE id = %s", [entries[-1].pk])
    assert chain.verify().broken_id == entries[-1].pk  # the head still names it
    _tamper("DELETE FROM audit_auditentry WHERE id = %s", [entries[1].pk])
    assert chain.verify().broken_id == entries[2].pk


def test_call_command_raises_with_return_code_1_on_a_broken_chain():
    entries = _entries(2)
    _tamper("UPDATE audit_auditentry SET object_id = %s WHERE id = %s", ["99", entries[0].pk])
    with pytest.raises(Exception) as raised:
        call_command("audit_verify")
    assert raised.value.returncode == 1
    assert str(entries[0].pk) in str(raised.value)


@needs_postgresql
@pytest.mark.parametrize(
    "sql", ["UPDATE audit_auditentry SET summary = 'x' WHERE id = %s", "DELETE FROM audit_auditentry WHERE id = %s"]
)
def test_the_database_refuses_to_update_or_delete_an_entry(sql):
    entry = _entries(1)[0]
    refused = pytest.raises(DatabaseError, match="cannot be changed or deleted")
    with refused, transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(sql, [entry.pk])
    assert AuditEntry.objects.get(pk=entry.pk).summary == entry.summary


@needs_postgresql
def test_the_orm_cannot_delete_entries_either():
    _entries(2)
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditEntry.objects.all().delete()
    assert AuditEntry.objects.count() == 2


def test_deleting_a_user_leaves_their_entries_as_they_were():
    entry = _entries(1)[0]
    entry.actor.delete()
    assert chain.verify().intact
    assert AuditEntry.objects.get(pk=entry.pk).actor_username == entry.actor_username


def test_entries_kept_by_deferred_are_chained_when_the_block_ends_and_dropped_on_error():
    _entries(1)
    with transaction.atomic(), chain.deferred():
        audit_record(action=AuditAction.CHANGED, object_type="test.thing", object_id="a")
        assert AuditEntry.objects.count() == 1  # kept, not written yet
    assert AuditEntry.objects.count() == 2
    with pytest.raises(RuntimeError), transaction.atomic(), chain.deferred():
        audit_record(action=AuditAction.CHANGED, object_type="test.thing", object_id="b")
        raise RuntimeError
    assert AuditEntry.objects.count() == 2
    assert chain.verify().intact


WRITERS, ENTRIES_EACH = 4, 15


@needs_postgresql
@pytest.mark.django_db(transaction=True)
def test_concurrent_writers_keep_one_chain():
    """Writers on their own connections, each holding its transaction open a moment, never fork the chain."""
    start = threading.Barrier(WRITERS)
    errors = []

    def write(writer):
        try:
            start.wait()
            for number in range(ENTRIES_EACH):
                with transaction.atomic():
                    audit_record(action=AuditAction.CHANGED, object_type="test.writer", object_id=f"{writer}-{number}")
                    connection.cursor().execute("SELECT pg_sleep(0.002)")
        except Exception as error:  # reported below: an exception in a thread would pass silently
            errors.append(error)
        finally:
            close_old_connections()
            connection.close()

    threads = [threading.Thread(target=write, args=(writer,)) for writer in range(WRITERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    verdict = chain.verify()
    assert verdict.intact and verdict.checked == WRITERS * ENTRIES_EACH
    assert AuditEntry.objects.values("previous_hash").distinct().count() == WRITERS * ENTRIES_EACH  # no fork
    assert AuditChainHead.objects.get().length == WRITERS * ENTRIES_EACH


@pytest.mark.django_db(transaction=True)
def test_a_case_change_and_its_audit_entry_are_undone_together():
    case = register_grievance()
    before = AuditEntry.objects.count()
    with pytest.raises(RuntimeError), transaction.atomic():
        services.grievance_complainant_viewed(grievance=case, actor=UserFactory())
        raise RuntimeError
    assert AuditEntry.objects.count() == before
    assert chain.verify().intact
