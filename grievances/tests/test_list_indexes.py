"""The indexes that keep the case list fast at a million cases (migration 0012), and the queries they serve."""

import pytest
from django.db import connection
from django.utils import timezone

from grievances import queues
from grievances.admin import GrievanceAdmin
from grievances.models import Complainant, Grievance
from grievances.personal_data import identity_match
from grievances.tests.factories import register_grievance

pytestmark = pytest.mark.django_db

TRIGRAM_INDEXES = {"grievance_summary_mn_trgm", "grievance_summary_en_trgm"}
SORT_INDEXES = {
    "grievance_received",
    "grievance_due_received",
    "grievance_due_latest",
    "grievance_unread_reply",
    "grievance_awaiting_queue",
    "grievance_unassigned_queue",
}


def _indexes(table):
    with connection.cursor() as cursor:
        return set(connection.introspection.get_constraints(cursor, table))


def _plan(queryset):
    """The plan PostgreSQL chooses when it must use an index if any fits (a test table is tiny)."""
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_sort = off")
    return queryset.explain()


@pytest.fixture
def postgresql():
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL's trigram indexes and plans; SQLite, the embedded default, searches without them")


def test_the_list_sorts_have_their_indexes():
    assert _indexes("grievances_grievance") >= SORT_INDEXES


def test_the_migration_created_the_trigram_indexes(postgresql):
    assert _indexes("grievances_grievance") >= TRIGRAM_INDEXES


def test_a_word_of_the_summary_is_looked_up_in_its_trigram_index(postgresql):
    register_grievance(summary="Slow internet", translations={"summary_en": "Slow internet"})
    plan = _plan(Grievance.objects.filter(summary_en__icontains="internet").order_by())
    assert "grievance_summary_en_trgm" in plan


def test_a_name_is_looked_up_in_its_blind_index(postgresql):
    register_grievance(complainant={"name": "Bat Dorj"})
    plan = _plan(Complainant.objects.filter(identity_match(term="Bat Dorj")).values("grievance_id"))
    assert "complainant_name_index" in plan


@pytest.mark.parametrize(
    ("ordering", "index"),
    [
        (["-received_at", "-id"], "grievance_received"),
        (["due_on", "-received_at", "-id"], "grievance_due_received"),
        (["-due_on", "-received_at", "-id"], "grievance_due_latest"),
    ],
)
def test_each_sort_of_the_list_reads_an_index_in_its_order(postgresql, ordering, index):
    register_grievance()
    plan = _plan(Grievance.objects.order_by(*ordering)[:50])
    assert index in plan
    assert "Sort" not in plan


@pytest.mark.parametrize(
    ("queue", "index"),
    [("awaiting_complainant", "grievance_awaiting_queue"), ("unassigned", "grievance_unassigned_queue")],
)
def test_a_desk_queue_reads_its_own_index_in_the_desks_order(postgresql, queue, index):
    register_grievance()
    condition = queues.QUEUES_BY_KEY[queue].condition(timezone.localdate())
    plan = _plan(Grievance.objects.filter(condition).order_by(*GrievanceAdmin.ordering, "-id")[:50])
    assert index in plan
    assert "Sort" not in plan
