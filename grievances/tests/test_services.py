"""Deadlines, dates and stage records set by the transition services."""

from datetime import date

import pytest
from django.utils import timezone, translation

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
        grievance=grievance,
        actor=None,
        actions_taken_mn="Sent",
        actions_taken_en="Sent",
        response_way="email",
        resolved_on=date(2020, 12, 10),
    )
    assert (grievance.resolved_on, grievance.working_days_to_resolve, grievance.due_on) == (
        date(2020, 12, 10),
        11,
        None,
    )
    assert grievance.stage_resolutions.get(stage=Stage.LOCAL).resolution == "Sent"


@pytest.mark.parametrize(
    ("actions_taken_en", "response_way", "resolved_on"),
    [("", "email", None), ("Sent", "", None), ("Sent", "pigeon", None), ("Sent", "email", date(2020, 7, 30))],
)
def test_resolving_without_what_the_report_needs_is_refused(actions_taken_en, response_way, resolved_on):
    grievance = case_in_state(State.IN_PROGRESS)
    with pytest.raises(InvalidTransition):
        services.grievance_resolve(
            grievance=grievance,
            actor=None,
            actions_taken_mn="Илгээсэн",
            actions_taken_en=actions_taken_en,
            response_way=response_way,
            resolved_on=resolved_on,
        )
    assert Grievance.objects.get().status == "resolving"


# --- texts kept per language: each copy in its own column ------------------------------------------


def _in_progress(**translations):
    return case_in_state(State.IN_PROGRESS, translations=translations)


@pytest.mark.parametrize(
    ("stored", "typed", "field"),
    [
        ({}, {"actions_taken_mn": "Илгээсэн", "actions_taken_en": "Sent"}, "summary_mn"),
        ({"summary_mn": "Зам"}, {"actions_taken_mn": "Илгээсэн", "actions_taken_en": "Sent"}, "summary_en"),
        ({"summary_en": "Road"}, {"summary_en": "Road", "actions_taken_en": "Sent"}, "summary_mn"),
        ({"summary_mn": "Зам", "summary_en": "Road"}, {"actions_taken_en": "Sent"}, "actions_taken_mn"),
        ({"summary_mn": "Зам", "summary_en": "Road"}, {"actions_taken_mn": "Илгээсэн"}, "actions_taken_en"),
        (
            {"summary_mn": "Зам", "summary_en": "Road"},
            {"actions_taken_mn": "Илгээсэн", "actions_taken_en": " "},
            "actions_taken_en",
        ),
    ],
)
def test_a_case_is_resolved_only_with_its_summary_and_actions_in_both_report_languages(stored, typed, field):
    grievance = _in_progress(**stored)
    with pytest.raises(InvalidTransition) as refusal:
        services.grievance_resolve(grievance=grievance, actor=None, response_way="email", **typed)
    assert refusal.value.field == field
    assert Grievance.objects.get().status == "resolving"


def test_the_texts_already_on_the_case_count_and_a_blank_box_keeps_them():
    grievance = _in_progress(summary_mn="Зам хаагдсан", summary_en="Road closed")
    Grievance.objects.filter(pk=grievance.pk).update(actions_taken_mn="Тойруу зам нээсэн")
    grievance = services.grievance_resolve(
        grievance=grievance, actor=None, response_way="email", summary_mn="", actions_taken_en="Opened a detour"
    )
    assert (grievance.summary_mn, grievance.summary_en) == ("Зам хаагдсан", "Road closed")
    assert (grievance.actions_taken_mn, grievance.actions_taken_en) == ("Тойруу зам нээсэн", "Opened a detour")


def test_resolving_writes_each_text_in_its_own_language_whatever_language_is_active():
    grievance = _in_progress()
    with translation.override("en"):
        grievance = services.grievance_resolve(
            grievance=grievance,
            actor=None,
            response_way="email",
            summary_mn="Зам хаагдсан",
            summary_en="Road closed",
            actions_taken_mn="Тойруу зам нээсэн",
            actions_taken_en="Opened a detour",
            public_answer_mn="Тойруу зам нээлттэй.",
        )
    grievance = Grievance.objects.get(pk=grievance.pk)
    assert (grievance.summary_mn, grievance.summary_en) == ("Зам хаагдсан", "Road closed")
    assert (grievance.actions_taken_mn, grievance.actions_taken_en) == ("Тойруу зам нээсэн", "Opened a detour")
    assert (grievance.public_answer_mn, grievance.public_answer_en or "") == ("Тойруу зам нээлттэй.", "")
    assert grievance.events.get(event_type=EventType.RESOLVED).data["changes"]["summary_en"] == [None, "Road closed"]


def test_a_case_from_the_old_log_is_resolved_in_the_one_language_of_its_log():
    grievance = _in_progress(summary_en="Request a draft law")
    grievance = services.grievance_resolve(
        grievance=grievance, actor=None, response_way="email", actions_taken_en="Sent", both_languages=False
    )
    assert (grievance.status, grievance.actions_taken_en, grievance.actions_taken_mn or "") == ("resolved", "Sent", "")


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
