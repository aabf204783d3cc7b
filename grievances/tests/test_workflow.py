"""Every (state, transition) pair: allowed ones reach the expected state, the others change nothing."""

import pytest
from django.forms.models import model_to_dict

from grievances import services
from grievances.models import Grievance, Stage, Status
from grievances.tests.factories import case_in_state, register_grievance, user_with_role
from grievances.workflow import TRANSITIONS, Action, InvalidTransition, State, allowed_actions, state_of
from smartgov import roles

pytestmark = pytest.mark.django_db

# What the GRM procedure allows from each state (written out here, independently of workflow.py).
ALLOWED = {
    State.REGISTERED: {Action.ACKNOWLEDGE, Action.MARK_UNRELATED, Action.ASSIGN},
    State.IN_PROGRESS: {
        Action.MARK_UNRELATED,
        Action.ASSIGN,
        Action.ESCALATE,
        Action.RESOLVE,
        Action.REQUEST_INFORMATION,
    },
    State.AWAITING_COMPLAINANT: {Action.ASSIGN, Action.INFORMATION_RECEIVED, Action.CLOSE_NO_RESPONSE},
    State.RESOLVED: {Action.REOPEN, Action.CLOSE},
    State.UNRELATED: {Action.REOPEN, Action.CLOSE},
    State.CLOSED: {Action.REOPEN},
}
# What the complainant may answer from each state, on the tracking page (the system makes these, actor=None).
ALLOWED_TO_THE_COMPLAINANT = {State.RESOLVED: {Action.CONFIRM_RESOLVED, Action.APPEAL}}
COMPLAINANT_ACTIONS = {Action.CONFIRM_RESOLVED, Action.APPEAL}
# The state each transition leads to (assign keeps the state it starts from).
TARGET = {
    Action.ACKNOWLEDGE: State.IN_PROGRESS,
    Action.MARK_UNRELATED: State.UNRELATED,
    Action.ESCALATE: State.IN_PROGRESS,
    Action.RESOLVE: State.RESOLVED,
    Action.REQUEST_INFORMATION: State.AWAITING_COMPLAINANT,
    Action.INFORMATION_RECEIVED: State.IN_PROGRESS,
    Action.CONFIRM_RESOLVED: State.CLOSED,
    Action.CLOSE_NO_RESPONSE: State.CLOSED,
    Action.APPEAL: State.IN_PROGRESS,
    Action.REOPEN: State.IN_PROGRESS,
    Action.CLOSE: State.CLOSED,
}


def _run(action, grievance, actor, assignee=None):
    arguments = {
        Action.ACKNOWLEDGE: {},
        Action.MARK_UNRELATED: {"referred_to": "Land office"},
        Action.ASSIGN: {"assignee": assignee},
        Action.ESCALATE: {"stage": Stage.PIU},
        Action.RESOLVE: {"actions_taken_mn": "Хариулсан", "actions_taken_en": "Answered", "response_way": "phone"},
        Action.REQUEST_INFORMATION: {"message": "Which road?"},
        Action.INFORMATION_RECEIVED: {},
        Action.CONFIRM_RESOLVED: {},
        Action.CLOSE_NO_RESPONSE: {},
        Action.APPEAL: {"reason": "The road is still closed"},
        Action.REOPEN: {},
        Action.CLOSE: {},
    }[action]
    return TRANSITIONS[action].perform(grievance=grievance, actor=actor, **arguments)


def _snapshot(grievance):
    grievance.refresh_from_db()
    return model_to_dict(grievance), grievance.events.count(), grievance.stage_resolutions.count()


@pytest.mark.parametrize("state", list(State))
@pytest.mark.parametrize("action", list(Action))
def test_every_transition_from_every_state(state, action):
    officer = user_with_role(roles.PIU_OFFICER)
    grievance = case_in_state(state, long_unanswered=True)
    before = _snapshot(grievance)
    if action in ALLOWED_TO_THE_COMPLAINANT.get(state, set()):
        changed = _run(action, grievance, None)
        assert state_of(changed) == TARGET[action]
        assert changed.events.filter(actor=None).latest("id").event_type == TRANSITIONS[action].event
    elif action in ALLOWED[state]:
        changed = _run(action, grievance, officer, assignee=officer)
        assert state_of(changed) == TARGET.get(action, state)
        assert changed.events.latest("id").actor == officer
        assert changed.events.count() == before[1] + 1
    else:
        with pytest.raises(InvalidTransition):
            _run(action, grievance, officer, assignee=officer)
        assert _snapshot(grievance) == before


def test_allowed_actions_lists_the_table_for_the_officer():
    officer = user_with_role(roles.PIU_OFFICER)
    assert set(allowed_actions(case_in_state(State.IN_PROGRESS), officer)) == ALLOWED[State.IN_PROGRESS]


def test_a_history_entry_records_from_and_to():
    grievance = case_in_state(State.IN_PROGRESS)
    grievance = services.grievance_escalate(grievance=grievance, actor=None, stage=Stage.STEERING_COMMITTEE, note="PSC")
    event = grievance.events.latest("id")
    assert (event.from_stage, event.to_stage, event.from_status, event.to_status, event.note) == (
        1,
        3,
        Status.RESOLVING,
        Status.RESOLVING,
        "PSC",
    )


def test_escalating_to_a_lower_or_same_stage_is_refused_and_changes_nothing():
    grievance = services.grievance_escalate(grievance=case_in_state(State.IN_PROGRESS), actor=None, stage=Stage.PIU)
    before = _snapshot(grievance)
    with pytest.raises(InvalidTransition):
        services.grievance_escalate(grievance=grievance, actor=None, stage=Stage.PIU)
    assert _snapshot(grievance) == before


@pytest.mark.parametrize("role", [roles.SAFEGUARDS_SPECIALIST, roles.WORLD_BANK_VIEWER, roles.PSC_MEMBER])
def test_only_the_piu_officer_triages(role):
    grievance = register_grievance()
    with pytest.raises(InvalidTransition):
        services.grievance_acknowledge(grievance=grievance, actor=user_with_role(role))
    grievance.refresh_from_db()
    assert grievance.acknowledged_at is None


def test_a_psc_member_resolves_only_the_cases_assigned_to_them():
    member, other = user_with_role(roles.PSC_MEMBER), user_with_role(roles.PSC_MEMBER)
    mine = services.grievance_assign(grievance=case_in_state(State.IN_PROGRESS), actor=None, assignee=member)
    theirs = services.grievance_assign(grievance=case_in_state(State.IN_PROGRESS), actor=None, assignee=other)
    services.grievance_resolve(
        grievance=mine, actor=member, actions_taken_mn="Met", actions_taken_en="Met", response_way="meeting"
    )
    with pytest.raises(InvalidTransition):
        services.grievance_resolve(
            grievance=theirs, actor=member, actions_taken_mn="Met", actions_taken_en="Met", response_way="meeting"
        )
    assert set(Grievance.objects.values_list("status", flat=True)) == {Status.RESOLVED, Status.RESOLVING}


def test_nobody_without_grievance_permissions_can_be_assigned():
    with pytest.raises(InvalidTransition):
        services.grievance_assign(
            grievance=register_grievance(), actor=None, assignee=user_with_role(roles.WORLD_BANK_VIEWER)
        )


@pytest.mark.parametrize("action", sorted(COMPLAINANT_ACTIONS))
def test_staff_cannot_give_the_complainant_s_answers(action):
    grievance = case_in_state(State.RESOLVED)
    before = _snapshot(grievance)
    with pytest.raises(InvalidTransition):
        _run(action, grievance, user_with_role(roles.PIU_OFFICER))
    assert _snapshot(grievance) == before
