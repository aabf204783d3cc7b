"""The complainant's side of a case: the paused clock, replies, reminders, the "was it resolved?" question, codes."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from grievances import complainant_side, services, tracking
from grievances.models import EventType, Grievance, Satisfaction, Stage, State
from grievances.services import moved_due_date, working_days_waited
from grievances.tests.factories import case_in_state, local_datetime, register_grievance, user_with_role
from grievances.workflow import InvalidTransition
from smartgov import roles
from smartgov.exceptions import ApplicationError
from smartgov.models import CalendarDay, OutboxMessage

pytestmark = pytest.mark.django_db


# --- the arithmetic of the pause ----------------------------------------------------


@pytest.mark.parametrize(
    ("asked", "answered", "waited"),
    [
        (date(2024, 3, 4), date(2024, 3, 4), 0),  # answered the same day: nothing moves
        (date(2024, 3, 4), date(2024, 3, 5), 1),  # Monday to Tuesday: the Monday counts
        (date(2024, 3, 15), date(2024, 3, 18), 1),  # Friday to Monday: the weekend does not
        (date(2024, 3, 11), date(2024, 3, 18), 5),  # a whole week
        (date(2024, 3, 4), date(2024, 3, 11), 4),  # a week with Women's Day, 8 March
        (date(2024, 3, 9), date(2024, 3, 11), 0),  # asked on a Saturday, answered on the Monday
        (date(2024, 7, 9), date(2024, 7, 17), 2),  # Naadam, 10-15 July 2024, is not counted
        (date(2024, 2, 9), date(2024, 2, 14), 2),  # Tsagaan Sar 2024, Saturday 10 to Monday 12 February
    ],
)
def test_the_working_days_waited_count_the_day_asked_and_not_the_day_answered(asked, answered, waited):
    assert working_days_waited(asked, answered) == waited


def test_a_decree_day_off_is_not_counted_and_a_decreed_working_saturday_is():
    CalendarDay.objects.create(date=date(2024, 3, 12), is_working_day=False, reason="Decree: extra day off")
    CalendarDay.objects.create(date=date(2024, 3, 16), is_working_day=True, reason="Decree: working Saturday")
    # Monday 11 to Monday 18: Mon, Wed, Thu, Fri and the working Saturday.
    assert working_days_waited(date(2024, 3, 11), date(2024, 3, 18)) == 5


@pytest.mark.parametrize(
    ("due_on", "waited", "moved"),
    [
        (date(2024, 3, 8), 0, date(2024, 3, 8)),
        (date(2024, 3, 15), 1, date(2024, 3, 18)),  # Friday + 1 working day: the Monday
        (date(2024, 7, 10), 2, date(2024, 7, 17)),  # over Naadam
        (None, 3, None),  # stage 4 has no deadline to move
    ],
)
def test_a_deadline_moves_later_by_the_working_days_waited(due_on, waited, moved):
    assert moved_due_date(due_on, waited) == moved


# --- the paused clock on a case ----------------------------------------------------------


def _waiting_since(day):
    grievance = case_in_state(State.AWAITING_COMPLAINANT)
    Grievance.objects.filter(pk=grievance.pk).update(awaiting_since=day)
    return Grievance.objects.get(pk=grievance.pk)


def test_asking_pauses_the_clock_so_the_case_is_never_overdue():
    grievance = register_grievance()  # received and acknowledged in 2020: long overdue
    grievance = services.grievance_acknowledge(grievance=grievance, actor=None, at=local_datetime(2020, 8, 3))
    assert Grievance.objects.overdue(timezone.localdate()).filter(pk=grievance.pk).exists()
    due = grievance.due_on
    grievance = services.grievance_request_information(grievance=grievance, actor=None, message="Which road?")
    assert (grievance.state, grievance.due_on, grievance.paused_due_on) == (State.AWAITING_COMPLAINANT, None, due)
    assert not Grievance.objects.overdue(timezone.localdate()).filter(pk=grievance.pk).exists()
    assert grievance.events.latest("id").data["message"] == "Which road?"


def test_a_question_cannot_be_empty():
    grievance = case_in_state(State.IN_PROGRESS)
    with pytest.raises(InvalidTransition):
        services.grievance_request_information(grievance=grievance, actor=None, message="  ")
    grievance.refresh_from_db()
    assert grievance.state == State.IN_PROGRESS


def test_the_answer_moves_the_deadline_by_the_working_days_waited():
    today = timezone.localdate()
    asked = today - timedelta(days=14)
    grievance = _waiting_since(asked)
    paused = grievance.paused_due_on
    grievance = services.grievance_information_receive(grievance=grievance, actor=None)
    waited = working_days_waited(asked, today)
    assert waited >= 8
    assert grievance.state == State.IN_PROGRESS
    assert grievance.due_on == moved_due_date(paused, waited)
    assert grievance.working_days_waited == waited
    assert grievance.events.latest("id").data["waited_working_days"] == waited
    assert grievance.awaiting_since is None and grievance.paused_due_on is None


def test_the_complainant_s_reply_restarts_the_clock_and_tells_the_officer():
    officer = user_with_role(roles.PIU_OFFICER, email="officer@piu.mn")
    grievance = services.grievance_assign(grievance=case_in_state(State.IN_PROGRESS), actor=None, assignee=officer)
    grievance = services.grievance_request_information(grievance=grievance, actor=None, message="Which road?")
    grievance = complainant_side.grievance_complainant_reply(grievance=grievance, text="The road to the clinic.")
    assert grievance.state == State.IN_PROGRESS and grievance.has_unread_reply
    reply = grievance.events.get(event_type=EventType.COMPLAINANT_REPLIED)
    assert (reply.note, reply.actor) == ("The road to the clinic.", None)
    assert grievance.events.filter(event_type=EventType.INFORMATION_RECEIVED).count() == 1
    [to_officer] = [message for message in OutboxMessage.objects.all() if message.recipient == "officer@piu.mn"]
    assert grievance.registered_no in to_officer.subject
    assert "clinic" not in to_officer.body  # staff read the reply in the admin, not in their mailbox


def test_a_reply_to_an_open_case_not_waiting_adds_information_only():
    grievance = complainant_side.grievance_complainant_reply(grievance=case_in_state(State.IN_PROGRESS), text="Also X")
    assert grievance.state == State.IN_PROGRESS
    assert not grievance.events.filter(event_type=EventType.INFORMATION_RECEIVED).exists()


@pytest.mark.parametrize("text", ["", "   "])
def test_an_empty_reply_is_refused(text):
    grievance = case_in_state(State.AWAITING_COMPLAINANT)
    with pytest.raises(ApplicationError):
        complainant_side.grievance_complainant_reply(grievance=grievance, text=text)
    assert Grievance.objects.get(pk=grievance.pk).state == State.AWAITING_COMPLAINANT


def test_a_closed_case_takes_no_reply():
    with pytest.raises(ApplicationError):
        complainant_side.grievance_complainant_reply(grievance=case_in_state(State.CLOSED), text="Hello")


def test_an_unanswered_question_reminds_the_complainant_once(settings):
    settings.GRM_INFORMATION_REMINDER_DAYS = 3
    today = timezone.localdate()
    late = _waiting_since(today - timedelta(days=10))
    recent = _waiting_since(today)
    assert complainant_side.grievances_remind_unanswered() == 1
    assert complainant_side.grievances_remind_unanswered() == 0
    late.refresh_from_db()
    assert late.reminded_on == today
    assert late.events.filter(event_type=EventType.REMINDED).count() == 1
    assert not recent.events.filter(event_type=EventType.REMINDED).exists()


# --- "was it resolved?" ------------------------------------------------------------------------


def test_resolving_opens_the_question_for_the_set_number_of_working_days(settings):
    settings.GRM_SATISFACTION_DAYS = 5
    grievance = case_in_state(State.RESOLVED)
    tomorrow = timezone.localdate() + timedelta(days=1)
    from smartgov.workdays import add_working_days

    assert grievance.satisfaction_due_on == add_working_days(tomorrow, 5)
    assert grievance.satisfaction == ""


def test_yes_closes_the_case_and_records_satisfaction():
    grievance = services.grievance_resolution_confirm(grievance=case_in_state(State.RESOLVED))
    assert (grievance.state, grievance.satisfaction) == (State.CLOSED, Satisfaction.RESOLVED)
    assert grievance.closed_at is not None


def test_no_with_a_reason_takes_the_case_to_the_next_stage_with_a_new_deadline():
    grievance = services.grievance_appeal(grievance=case_in_state(State.RESOLVED), reason="The road is still closed")
    assert (grievance.state, grievance.stage, grievance.satisfaction) == (
        State.IN_PROGRESS,
        Stage.PIU,
        Satisfaction.NOT_RESOLVED,
    )
    assert grievance.due_on > timezone.localdate()
    assert grievance.resolved_on is None and grievance.working_days_to_resolve is None
    event = grievance.events.get(event_type=EventType.APPEALED)
    assert (event.from_stage, event.to_stage, event.note) == (1, 2, "The road is still closed")
    assert grievance.stage_resolutions.get(stage=1).closed_on == timezone.localdate()


def test_no_without_a_reason_is_refused():
    grievance = case_in_state(State.RESOLVED)
    with pytest.raises(InvalidTransition):
        services.grievance_appeal(grievance=grievance, reason=" ")
    assert Grievance.objects.get(pk=grievance.pk).state == State.RESOLVED


def test_there_is_no_appeal_within_the_mechanism_at_stage_4():
    grievance = services.grievance_escalate(
        grievance=case_in_state(State.IN_PROGRESS), actor=None, stage=Stage.HIGHER_AUTHORITY
    )
    grievance = services.grievance_resolve(
        grievance=grievance, actor=None, actions_taken_mn="Court", actions_taken_en="Court", response_way="letter"
    )
    with pytest.raises(InvalidTransition):
        services.grievance_appeal(grievance=grievance, reason="Still not resolved")


def test_the_question_left_unanswered_closes_the_case_after_its_period():
    today = timezone.localdate()
    expired = case_in_state(State.RESOLVED)
    Grievance.objects.filter(pk=expired.pk).update(satisfaction_due_on=today - timedelta(days=1))
    running = case_in_state(State.RESOLVED)
    assert complainant_side.grievances_close_unanswered() == 1
    expired.refresh_from_db()
    running.refresh_from_db()
    assert (expired.state, expired.satisfaction) == (State.CLOSED, Satisfaction.NO_ANSWER)
    assert expired.events.latest("id").event_type == EventType.CLOSED
    assert running.state == State.RESOLVED
    assert complainant_side.grievances_close_unanswered() == 0


def test_the_daily_task_reminds_and_closes(settings):
    from grievances.tasks import grievance_complainant_clock_task

    settings.GRM_INFORMATION_REMINDER_DAYS = 1
    _waiting_since(timezone.localdate() - timedelta(days=7))
    expired = case_in_state(State.RESOLVED)
    Grievance.objects.filter(pk=expired.pk).update(satisfaction_due_on=timezone.localdate() - timedelta(days=1))
    assert grievance_complainant_clock_task.delay().get() == {"reminded": 1, "closed": 1}


# --- tracking codes for every channel ------------------------------------------------------------


def test_an_officer_registered_case_gets_a_code_and_a_new_one_replaces_it():
    officer = user_with_role(roles.PIU_OFFICER)
    grievance = register_grievance(channel="hotline")
    grievance, first = complainant_side.grievance_tracking_code_issue(grievance=grievance, actor=officer)
    assert tracking.grievance_get_by_tracking(registered_no=grievance.registered_no, code=first) == grievance
    grievance, second = complainant_side.grievance_tracking_code_issue(grievance=grievance, actor=officer)
    assert second != first
    assert tracking.grievance_get_by_tracking(registered_no=grievance.registered_no, code=first) is None
    assert tracking.grievance_get_by_tracking(registered_no=grievance.registered_no, code=second) == grievance
    issued = [event.data for event in grievance.events.filter(event_type=EventType.TRACKING_CODE_ISSUED)]
    assert issued == [{"replaced": False}, {"replaced": True}]
    assert first.replace("-", "") not in str(issued) and second.replace("-", "") not in str(issued)


# --- closing a case the complainant never answered -----------------------------------------------


def test_a_case_left_unanswered_is_closed_only_after_a_reminder_and_the_period_again(settings):
    settings.GRM_INFORMATION_REMINDER_DAYS = 3
    officer = user_with_role(roles.PIU_OFFICER)
    today = timezone.localdate()
    grievance = _waiting_since(today - timedelta(days=30))
    with pytest.raises(InvalidTransition):  # never reminded
        services.grievance_close_no_response(grievance=grievance, actor=officer)
    assert complainant_side.grievances_remind_unanswered() == 1
    with pytest.raises(InvalidTransition):  # reminded today: the period runs again
        services.grievance_close_no_response(grievance=grievance, actor=officer)
    Grievance.objects.filter(pk=grievance.pk).update(reminded_on=today - timedelta(days=10))
    grievance = services.grievance_close_no_response(grievance=Grievance.objects.get(pk=grievance.pk), actor=officer)
    assert (grievance.state, grievance.status, grievance.resolved_on) == (State.CLOSED, "resolved", today)
    assert grievance.working_days_waited == working_days_waited(today - timedelta(days=30), today)
    assert grievance.events.latest("id").event_type in (EventType.CLOSED_NO_RESPONSE, EventType.NOTIFIED)
    assert grievance.events.filter(event_type=EventType.CLOSED_NO_RESPONSE, actor=officer).count() == 1


def test_the_case_page_offers_the_no_answer_closure_only_when_it_is_due(officer_client, settings):
    from django.urls import reverse

    settings.GRM_INFORMATION_REMINDER_DAYS = 3
    grievance = _waiting_since(timezone.localdate() - timedelta(days=30))
    url = reverse("admin:grievances_grievance_change", args=[grievance.pk])
    assert 'value="close_no_response"' not in officer_client.get(url).content.decode()
    Grievance.objects.filter(pk=grievance.pk).update(reminded_on=timezone.localdate() - timedelta(days=10))
    assert 'value="close_no_response"' in officer_client.get(url).content.decode()


def test_a_case_resolved_again_since_the_list_was_read_is_not_closed():
    grievance = case_in_state(State.RESOLVED)  # its question is open until after today
    with pytest.raises(InvalidTransition):
        services.grievance_close_unanswered(grievance=grievance)
    assert Grievance.objects.get(pk=grievance.pk).state == State.RESOLVED


def test_an_answer_that_came_by_letter_is_counted_up_to_the_day_it_arrived(officer_client):
    from django.urls import reverse

    today = timezone.localdate()
    asked, arrived = today - timedelta(days=20), today - timedelta(days=6)
    grievance = _waiting_since(asked)
    paused = grievance.paused_due_on
    url = reverse("admin:grievances_grievance_transition", args=[grievance.pk, "information_received"])
    officer_client.post(
        url, {"information_received-answered_on": arrived.isoformat(), "information_received-note": "A letter"}
    )
    grievance.refresh_from_db()
    assert grievance.state == State.IN_PROGRESS
    assert grievance.working_days_waited == working_days_waited(asked, arrived) < working_days_waited(asked, today)
    assert grievance.due_on == moved_due_date(paused, working_days_waited(asked, arrived))


def test_a_reopened_case_forgets_the_old_answer_and_is_asked_again():
    grievance = services.grievance_resolution_confirm(grievance=case_in_state(State.RESOLVED))
    grievance = services.grievance_reopen(grievance=grievance, actor=None)
    assert (grievance.satisfaction, grievance.satisfaction_due_on) == ("", None)
