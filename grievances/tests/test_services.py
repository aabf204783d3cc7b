"""Deadlines, dates and stage records set by the transition services."""

from datetime import date

import pytest
from django.utils import timezone

from grievances import services
from grievances.models import EventType, Grievance, Stage
from grievances.tests.factories import case_in_state, local_datetime, register_grievance
from grievances.workflow import InvalidTransition, State
from smartgov.workdays import add_working_days

pytestmark = pytest.mark.django_db


def test_acknowledging_sets_the_thirty_working_day_resolution_deadline():
    grievance = register_grievance(received_at=local_datetime(2020, 11, 25))
    grievance = services.grievance_acknowledge(grievance=grievance, actor=None, at=local_datetime(2020, 11, 25, 11))
    assert grievance.due_on == add_working_days(date(2020, 11, 25), 30)


def test_escalating_to_the_steering_committee_gives_ten_working_days_and_closes_the_stage_left():
    grievance = case_in_state(State.IN_PROGRESS)
    grievance = services.grievance_escalate(grievance=grievance, actor=None, stage=Stage.STEERING_COMMITTEE)
    today = timezone.localdate()
    assert grievance.due_on == add_working_days(today, 10)
    assert grievance.stage_resolutions.get(stage=Stage.LOCAL).closed_on == today


def test_a_case_at_a_court_has_no_deadline():
    grievance = case_in_state(State.IN_PROGRESS)
    grievance = services.grievance_escalate(grievance=grievance, actor=None, stage=Stage.HIGHER_AUTHORITY)
    assert grievance.due_on is None


def test_resolving_counts_both_ends_as_the_piu_reports_do():
    grievance = register_grievance(received_at=local_datetime(2020, 11, 25))
    grievance = services.grievance_acknowledge(grievance=grievance, actor=None, at=local_datetime(2020, 11, 25, 11))
    grievance = services.grievance_resolve(
        grievance=grievance, actor=None, actions_taken="Sent", response_way="email", resolved_on=date(2020, 12, 10)
    )
    assert (grievance.resolved_on, grievance.working_days_to_resolve, grievance.due_on) == (
        date(2020, 12, 10),
        11,
        None,
    )
    assert grievance.stage_resolutions.get(stage=Stage.LOCAL).resolution == "Sent"


@pytest.mark.parametrize(
    ("actions_taken", "response_way", "resolved_on"),
    [("", "email", None), ("Sent", "", None), ("Sent", "pigeon", None), ("Sent", "email", date(2020, 7, 30))],
)
def test_resolving_without_what_the_report_needs_is_refused(actions_taken, response_way, resolved_on):
    grievance = case_in_state(State.IN_PROGRESS)
    with pytest.raises(InvalidTransition):
        services.grievance_resolve(
            grievance=grievance,
            actor=None,
            actions_taken=actions_taken,
            response_way=response_way,
            resolved_on=resolved_on,
        )
    assert Grievance.objects.get().status == "resolving"


def test_reopening_clears_the_resolution_and_starts_a_new_deadline():
    grievance = services.grievance_reopen(grievance=case_in_state(State.CLOSED), actor=None)
    assert (grievance.closed_at, grievance.resolved_on, grievance.working_days_to_resolve) == (None, None, None)
    assert grievance.due_on == add_working_days(timezone.localdate(), 30)


def test_marking_unrelated_needs_the_body_it_was_referred_to():
    with pytest.raises(InvalidTransition):
        services.grievance_mark_unrelated(grievance=register_grievance(), actor=None, referred_to="  ")


def test_a_step_dated_before_receipt_is_refused():
    grievance = register_grievance(received_at=local_datetime(2020, 8, 2))
    with pytest.raises(InvalidTransition):
        services.grievance_acknowledge(grievance=grievance, actor=None, at=local_datetime(2020, 8, 1))


def test_overdue_and_due_soon_are_queryset_filters():
    today = timezone.localdate()
    late = register_grievance(received_at=local_datetime(2020, 7, 31))
    fresh = register_grievance(received_at=timezone.now())
    assert list(Grievance.objects.overdue(today)) == [late]
    assert fresh in Grievance.objects.due_soon(today, days=5)
    assert late not in Grievance.objects.due_soon(today)
    assert Grievance.objects.with_is_overdue(today).get(pk=late.pk).is_overdue


def test_viewing_a_complainant_is_logged():
    grievance = register_grievance()
    services.grievance_complainant_viewed(grievance=grievance, actor=None)
    assert grievance.events.filter(event_type=EventType.COMPLAINANT_VIEWED).count() == 1
