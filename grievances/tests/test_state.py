"""The stored state: what the migration filled in, what the database refuses, and the one "open" rule."""

import importlib

import pytest
from django.db import IntegrityError, connection, transaction
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from grievances import services
from grievances.models import OPEN_STATES, Grievance, Stage, State
from grievances.tests.factories import case_in_state, register_grievance

pytestmark = pytest.mark.django_db
state_migration = importlib.import_module("grievances.migrations.0005_grievance_state")


def _every_case_the_old_code_could_make():
    """One case for each combination of status, stage, acknowledgement and closure the services reach."""
    # Waiting for the complainant came after the state was stored: the old columns never described it.
    cases = [case_in_state(state) for state in State if state != State.AWAITING_COMPLAINANT]
    for stage in (Stage.PIU, Stage.STEERING_COMMITTEE, Stage.HIGHER_AUTHORITY):
        cases.append(services.grievance_escalate(grievance=case_in_state(State.IN_PROGRESS), actor=None, stage=stage))
    for closed in (False, True):
        # Marked unrelated straight from registration (acknowledged by the same step), then maybe closed.
        case = services.grievance_mark_unrelated(grievance=register_grievance(), actor=None, referred_to="Tax office")
        cases.append(services.grievance_close(grievance=case, actor=None) if closed else case)
    cases.append(services.grievance_reopen(grievance=case_in_state(State.CLOSED), actor=None))
    cases.append(services.grievance_reopen(grievance=case_in_state(State.UNRELATED), actor=None))
    return cases


def test_the_migration_derives_the_state_the_services_store_on_every_combination():
    cases = _every_case_the_old_code_could_make()
    assert {case.state for case in cases} == set(State.values) - {State.AWAITING_COMPLAINANT}
    for case in cases:
        case.refresh_from_db()
        derived = state_migration.state_from_columns(
            status=case.status, acknowledged_at=case.acknowledged_at, closed_at=case.closed_at
        )
        assert derived == case.state, case.registered_no


def test_migrating_a_log_of_the_old_shape_fills_each_row_with_its_state(transactional_db):
    """Go back to the schema without `state`, write rows as the old code did, and migrate forward."""
    before = [("grievances", "0004_encrypt_existing_contact_details")]
    after = MigrationExecutor(connection).loader.graph.leaf_nodes("grievances")
    executor = MigrationExecutor(connection)
    executor.migrate(before)
    old_apps = executor.loader.project_state(before).apps
    OldGrievance = old_apps.get_model("grievances", "Grievance")
    now = timezone.now()
    # (status, acknowledged, closed) as the old services left them, and the state each must get.
    combinations = {
        ("resolving", False, False): "registered",
        ("resolving", True, False): "in_progress",
        ("resolved", True, False): "resolved",
        ("unrelated", True, False): "unrelated",
        ("resolved", True, True): "closed",
        ("unrelated", True, True): "closed",
    }
    for number, (status, acknowledged, closed) in enumerate(combinations, start=1):
        OldGrievance.objects.create(
            registered_no=f"f-2020/{number:02}",
            registration_year=2020,
            registration_sequence=number,
            kind="request",
            channel="hotline",
            received_at=now,
            summary="Old row",
            status=status,
            acknowledged_at=now if acknowledged else None,
            closed_at=now if closed else None,
            due_on=now.date() if status == "resolving" else None,
        )
    executor = MigrationExecutor(connection)
    executor.migrate(after)
    found = {
        (case.status, case.acknowledged_at is not None, case.closed_at is not None): case.state
        for case in Grievance.objects.all()
    }
    assert found == combinations


def _raw_update(grievance, sql, *params):
    with pytest.raises(IntegrityError), transaction.atomic(), connection.cursor() as cursor:
        # The SET clauses are the test's own literals.
        cursor.execute(f"UPDATE grievances_grievance SET {sql} WHERE id = %s", [*params, grievance.pk])  # noqa: S608


def test_a_raw_update_closing_a_case_without_a_closing_date_is_refused():
    _raw_update(case_in_state(State.RESOLVED), "state = 'closed'")


def test_a_raw_update_setting_a_closing_date_on_an_open_case_is_refused():
    _raw_update(case_in_state(State.IN_PROGRESS), "closed_at = %s", timezone.now())


def test_a_raw_update_leaving_a_deadline_on_a_resolved_case_is_refused():
    _raw_update(case_in_state(State.RESOLVED), "due_on = %s", timezone.localdate())


def test_a_raw_update_moving_back_to_registered_while_acknowledged_is_refused():
    _raw_update(case_in_state(State.IN_PROGRESS), "state = 'registered'")


def test_a_raw_update_giving_a_state_that_contradicts_the_status_is_refused():
    _raw_update(case_in_state(State.UNRELATED), "state = 'resolved'")


def test_a_raw_update_with_an_unknown_state_is_refused():
    _raw_update(case_in_state(State.IN_PROGRESS), "state = 'lost'")


def test_open_overdue_and_the_overdue_annotation_agree():
    cases = _every_case_the_old_code_could_make()
    today = timezone.localdate()
    cases.append(case_in_state(State.AWAITING_COMPLAINANT))  # open, with its clock paused: never overdue
    open_ones = {case.pk for case in cases if case.state in OPEN_STATES}
    assert set(Grievance.objects.open().values_list("pk", flat=True)) == open_ones
    overdue = set(Grievance.objects.overdue(today).values_list("pk", flat=True))
    annotated = set(Grievance.objects.with_is_overdue(today).filter(is_overdue=True).values_list("pk", flat=True))
    assert overdue == annotated
    assert overdue and overdue <= open_ones  # the cases were received in 2020: every open one with a deadline
    assert cases[-1].pk not in overdue
