"""The transition registry behind every door: the case panel, the list's bulk actions and the API agree.

The table is generated from workflow.TRANSITIONS, so a new entry is covered
here without editing this file (beyond a sample value for a new kind of input).
"""

import importlib

import pytest
from django.db import transaction
from django.urls import clear_url_caches, reverse
from rest_framework.test import APIClient

from grievances import services, workflow
from grievances.models import EventType, Grievance, State
from grievances.tests.factories import case_in_state, user_with_role
from smartgov import roles

pytestmark = pytest.mark.django_db
CHANGELIST = reverse("admin:grievances_grievance_changelist")

# A value for every input the registry's transitions take (the officer stands in for the assignee).
SAMPLES = {
    "referral_body": None,  # picked from the register: left out, the typed body stands
    "referred_to": "Tax office",
    "assignee": "officer",
    "stage": 2,
    "summary_mn": "Нээлттэй өгөгдлийн тухай хуулийн төслийг хүссэн",
    "summary_en": "Request a draft law on open data",
    "actions_taken_mn": "Хуулийн төслийг илгээсэн",
    "actions_taken_en": "Sent the draft law",
    "response_way": "email",
    "resolved_on": None,
    "answered_on": None,
    "public_answer_mn": "Хуулийн төслийг хавсаргав.",
    "public_answer_en": "Here is the draft law.",
    "public_answer_kk": "Заң жобасы қоса беріледі.",
    "message": "Which road do you mean?",
}
DOORS = ("panel", "bulk", "api")


def _inputs(transition, officer, door):
    values = {"note": "Through the " + door}
    for item in transition.inputs:
        value = SAMPLES[item.name]
        if value == "officer":
            value = officer.username if door == "api" else officer.pk
        if value is not None:
            values[item.name] = value
    return values


def _through(door, transition, grievance, officer, client, api):
    """Make the transition through one door; return (state after, the message shown, with the number masked)."""
    values = _inputs(transition, officer, door)
    if door == "panel":
        url = reverse("admin:grievances_grievance_transition", args=[grievance.pk, transition.name])
        response = client.post(url, {f"{transition.name}-{key}": value for key, value in values.items()}, follow=True)
        [message] = [str(message) for message in response.context["messages"]]
    elif door == "bulk":
        data = {"action": transition.name, "_selected_action": [grievance.pk], **values}
        response = client.post(CHANGELIST, data, follow=True)
        [message] = [str(message) for message in response.context["messages"]]
    else:
        response = api.post(f"/api/grievances/{grievance.pk}/{transition.url_path}/", values, format="json")
        if response.status_code == 200:
            message = workflow.done_message(transition.name, grievance)
        else:
            assert response.status_code == 400, response.content
            [message] = next(iter(response.json().values()))
    grievance.refresh_from_db()
    return grievance.state, grievance.stage, message.replace(grievance.registered_no, "{number}")


@pytest.fixture
def officer():
    return user_with_role(roles.PIU_OFFICER)


@pytest.fixture
def doors(client, officer):
    client.force_login(officer)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    api = APIClient(HTTP_ACCEPT_LANGUAGE="en")
    api.force_authenticate(officer)
    return client, api


def test_every_input_of_the_registry_has_a_sample_value():
    names = {item.name for transition in workflow.staff_transitions() for item in transition.inputs}
    assert names <= set(SAMPLES)


@pytest.mark.parametrize("state", list(State))
@pytest.mark.parametrize("name", [transition.name for transition in workflow.staff_transitions()])
def test_every_door_gives_the_same_outcome_and_message(state, name, officer, doors):
    transition = workflow.TRANSITIONS[name]
    client, api = doors
    offered = [door for door in DOORS if door != "bulk" or transition.bulk]
    outcomes = {
        door: _through(door, transition, case_in_state(state, long_unanswered=True), officer, client, api)
        for door in offered
    }
    assert len(set(outcomes.values())) == 1, outcomes
    state_after, _stage, message = outcomes["panel"]
    if state in transition.sources:
        assert state_after == (transition.target or state)
        assert message == workflow.done_message(name, Grievance(registered_no="{number}"))
    else:
        assert state_after == state
        assert "cannot be" in message


def test_transitions_that_need_typed_input_are_not_bulk_actions():
    assert {transition.name for transition in workflow.staff_transitions() if not transition.bulk} == {
        "mark_unrelated",
        "resolve",
        "request_information",
    }


# --- a throw-away transition, registered by the test alone --------------------------


def _reload_api():
    """Rebuild the API routes from the registry, as a process does when it starts."""
    from grievances.api import urls, views

    views.transition_endpoints_install(views.GrievanceViewSet)
    importlib.reload(urls)
    importlib.reload(importlib.import_module("smartgov.urls"))
    clear_url_caches()


@transaction.atomic
def grievance_flag(*, grievance, actor, reason="", note=""):
    """Flag a case for review: the one service the throw-away transition needs."""
    return services.transition_run("flag", grievance, actor, note, lambda case: {"reason": reason})


@pytest.fixture
def flag_transition():
    transition = workflow.register(
        workflow.Transition(
            "flag",
            "Flag for review",
            frozenset({State.IN_PROGRESS}),
            None,
            workflow.TRIAGE,
            True,
            grievance_flag,
            EventType.UPDATED,
            inputs=(workflow.Input("reason", "reason for review"),),
        )
    )
    _reload_api()
    yield transition
    workflow.unregister("flag")
    _reload_api()


def test_a_new_registry_entry_appears_in_the_panel_the_api_and_the_schema(flag_transition, officer, doors):
    client, api = doors
    grievance = case_in_state(State.IN_PROGRESS)
    page = client.get(reverse("admin:grievances_grievance_change", args=[grievance.pk])).content.decode()
    assert '<button type="submit" name="action" value="flag">Flag for review</button>' in page
    assert 'name="flag-reason"' in page

    url = reverse("admin:grievances_grievance_transition", args=[grievance.pk, "flag"])
    response = client.post(url, {"flag-reason": "Looks like a duplicate"}, follow=True)
    assert [str(message) for message in response.context["messages"]] == [
        f"Case {grievance.registered_no}: “Flag for review” done."
    ]
    response = api.post(f"/api/grievances/{grievance.pk}/flag/", {"reason": "Second look"}, format="json")
    assert response.status_code == 200, response.content
    reasons = [event.data["reason"] for event in grievance.events.filter(event_type=EventType.UPDATED)]
    assert reasons == ["Looks like a duplicate", "Second look"]

    schema = api.get("/api/schema/", {"format": "json"}).json()
    operation = schema["paths"]["/api/grievances/{id}/flag/"]["post"]
    body = operation["requestBody"]["content"]["application/json"]["schema"]["$ref"].rsplit("/", 1)[-1]
    assert set(schema["components"]["schemas"][body]["properties"]) == {"reason", "note"}


def test_a_new_registry_entry_is_refused_outside_its_source_states(flag_transition, doors):
    client, api = doors
    grievance = case_in_state(State.RESOLVED)
    response = api.post(f"/api/grievances/{grievance.pk}/flag/", {}, format="json")
    assert response.status_code == 400
    assert response.json()["detail"] == [
        f"“Flag for review” cannot be done on case {grievance.registered_no} while it is “Resolved”."
    ]
