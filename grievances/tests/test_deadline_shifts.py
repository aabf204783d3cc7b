"""A decree changing the calendar moves the open deadlines whose count runs over the changed day."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from grievances import services, workflow
from grievances.models import EventType, Grievance
from grievances.tests.factories import case_in_state, register_grievance
from smartgov.calendar_changes import calendar_day_save, calendar_days_delete
from smartgov.models import CalendarDay
from smartgov.workdays import add_working_days, is_working_day

pytestmark = pytest.mark.django_db


def _working_day_inside(start, end):
    """A working day from start to end (both included), the latest one."""
    day = end
    while not is_working_day(day):
        day -= timedelta(days=1)
    assert day >= start
    return day


def _acknowledged_today():
    case = services.grievance_acknowledge(grievance=register_grievance(), actor=None)
    return Grievance.objects.get(pk=case.pk)


def test_a_day_off_decreed_inside_an_open_count_moves_its_deadline_to_the_next_working_day(django_user_model):
    officer = django_user_model.objects.create(username="piu")
    case = _acknowledged_today()
    today, before = timezone.localdate(), case.due_on
    day_off = _working_day_inside(today + timedelta(days=1), before - timedelta(days=1))
    old = register_grievance()  # received in 2020: its acknowledgement deadline is long past, and stays
    old_due = old.due_on

    moved = calendar_day_save(day=CalendarDay(date=day_off, is_working_day=False, reason="Decree 12"), actor=officer)

    case.refresh_from_db()
    old.refresh_from_db()
    assert moved == 1
    assert case.due_on == workflow.due_date(case, today) > before  # counted again on the new calendar
    assert old.due_on == old_due < today
    entry = case.events.latest("id")
    assert (entry.event_type, entry.actor) == (EventType.UPDATED, officer)
    assert entry.data["changes"] == {"due_on": [before.isoformat(), case.due_on.isoformat()]}
    assert entry.data["calendar_days"] == [day_off.isoformat()]


def test_taking_the_day_off_back_moves_the_deadline_back():
    case = _acknowledged_today()
    today, before = timezone.localdate(), case.due_on
    day = CalendarDay(date=_working_day_inside(today + timedelta(days=1), before - timedelta(days=1)))
    calendar_day_save(day=day)
    calendar_days_delete(days=[day])
    case.refresh_from_db()
    assert case.due_on == before
    assert case.events.filter(event_type=EventType.UPDATED).count() == 2


def test_a_weekend_day_decreed_a_working_day_brings_the_deadline_earlier():
    case = _acknowledged_today()
    today, before = timezone.localdate(), case.due_on
    saturday = today + timedelta(days=(5 - today.weekday()) % 7 or 7)
    assert saturday < before  # thirty working days always span a Saturday
    calendar_day_save(day=CalendarDay(date=saturday, is_working_day=True))
    case.refresh_from_db()
    assert case.due_on == workflow.due_date(case, today) < before


def test_the_deadline_day_itself_made_a_day_off_moves_to_the_next_working_day():
    case = register_grievance(received_at=timezone.now())
    received = timezone.localdate(case.received_at)
    before = case.due_on
    calendar_day_save(day=CalendarDay(date=before, is_working_day=False))
    case.refresh_from_db()
    assert case.due_on == add_working_days(received, 2) > before


def test_a_past_day_a_finished_case_and_a_saved_day_that_changes_nothing_move_nothing():
    case = _acknowledged_today()
    finished = case_in_state(workflow.State.CLOSED)
    before = case.due_on
    today = timezone.localdate()
    yesterday = today - timedelta(days=1)
    assert calendar_day_save(day=CalendarDay(date=yesterday, is_working_day=not is_working_day(yesterday))) == 0
    weekday = _working_day_inside(today + timedelta(days=1), before - timedelta(days=1))
    assert calendar_day_save(day=CalendarDay(date=weekday, is_working_day=True, reason="already one")) == 0
    case.refresh_from_db()
    assert case.due_on == before and finished.due_on is None
    assert not case.events.filter(event_type=EventType.UPDATED).exists()


def test_the_officer_adding_a_day_off_in_the_admin_is_told_how_many_cases_moved(officer_client):
    case = _acknowledged_today()
    today = timezone.localdate()
    day_off = _working_day_inside(today + timedelta(days=1), case.due_on - timedelta(days=1))
    response = officer_client.post(
        reverse("admin:smartgov_calendarday_add"),
        {"date": day_off.isoformat(), "reason": "Decree 12"},
        follow=True,
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 200
    moved = [str(message) for message in response.context["messages"] if "moved with the calendar" in str(message)]
    assert len(moved) == 1 and moved[0].startswith("The deadlines of ")
    case.refresh_from_db()
    assert case.due_on == workflow.due_date(case, today)


def test_several_days_changed_at_once_move_the_deadline_by_what_they_add_up_to():
    """A bulk delete of two days off inside the count gives both working days back: the deadline as first counted."""
    case = _acknowledged_today()
    today, first = timezone.localdate(), case.due_on
    later = _working_day_inside(today + timedelta(days=1), first - timedelta(days=1))
    earlier = _working_day_inside(today + timedelta(days=1), later - timedelta(days=1))
    days = [CalendarDay(date=earlier), CalendarDay(date=later)]
    for day in days:
        calendar_day_save(day=day)
    case.refresh_from_db()
    assert case.due_on == workflow.due_date(case, today) > first
    calendar_days_delete(days=CalendarDay.objects.filter(pk__in=[day.pk for day in days]))
    case.refresh_from_db()
    assert case.due_on == first


def test_a_day_off_whose_date_is_edited_moves_the_deadline_as_the_calendar_now_counts():
    """A decreed day off moved from inside the count to the last working day before the deadline: still one day."""
    case = _acknowledged_today()
    today, first = timezone.localdate(), case.due_on
    just_before = _working_day_inside(today + timedelta(days=1), first - timedelta(days=1))
    inside = _working_day_inside(today + timedelta(days=1), just_before - timedelta(days=1))
    day = CalendarDay(date=inside)
    calendar_day_save(day=day)
    once = Grievance.objects.get(pk=case.pk).due_on
    day.date = just_before
    calendar_day_save(day=day)
    case.refresh_from_db()
    assert case.due_on == workflow.due_date(case, today) == once > first


def test_two_days_off_taken_back_at_once_next_to_the_deadline_give_it_back_as_first_counted():
    case = _acknowledged_today()
    today, first = timezone.localdate(), case.due_on
    days = [CalendarDay(date=first)]
    calendar_day_save(day=days[0])
    moved = Grievance.objects.get(pk=case.pk).due_on
    days.append(CalendarDay(date=moved))  # the deadline's new day, made a day off too
    calendar_day_save(day=days[1])
    assert Grievance.objects.get(pk=case.pk).due_on == workflow.due_date(case, today)
    calendar_days_delete(days=CalendarDay.objects.filter(pk__in=[day.pk for day in days]))
    case.refresh_from_db()
    assert case.due_on == first


def test_a_paused_deadline_and_the_resolved_question_s_move_too():
    waiting = services.grievance_request_information(grievance=_acknowledged_today(), actor=None, message="Which road?")
    resolved = case_in_state(workflow.State.RESOLVED)
    paused, asked = waiting.paused_due_on, resolved.satisfaction_due_on
    tomorrow = timezone.localdate() + timedelta(days=1)
    day_off = _working_day_inside(tomorrow, min(paused, asked) - timedelta(days=1))
    calendar_day_save(day=CalendarDay(date=day_off))
    waiting.refresh_from_db()
    resolved.refresh_from_db()
    # Each one working day later: the next working day after it (a deadline is a working day, counted as the first).
    assert waiting.paused_due_on == add_working_days(paused, 2)
    assert resolved.satisfaction_due_on == add_working_days(asked, 2)
