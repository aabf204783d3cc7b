"""Staff API: permissions by role, filters, transitions, clear 400s that change nothing, fixed query counts."""

from datetime import date

import pytest
from django.core.management import call_command
from django.forms.models import model_to_dict
from rest_framework.test import APIClient

from grievances import services
from grievances.models import Grievance
from grievances.tests.factories import case_in_state, local_datetime, register_grievance, user_with_role
from grievances.workflow import State
from smartgov import roles

pytestmark = pytest.mark.django_db
LIST = "/api/grievances/"


def _client(role):
    client = APIClient()
    user = user_with_role(role)
    client.force_authenticate(user)
    client.user = user
    return client


@pytest.fixture
def officer():
    return _client(roles.PIU_OFFICER)


def test_anonymous_and_world_bank_viewers_are_refused():
    register_grievance()
    assert APIClient().get(LIST).status_code == 403
    assert _client(roles.WORLD_BANK_VIEWER).get(LIST).status_code == 403


def test_the_officer_sees_complainants_and_the_safeguards_specialist_does_not(officer):
    register_grievance(complainant={"name": "Test Person"})
    assert officer.get(LIST).json()["results"][0]["complainant"]["name"] == "Test Person"
    case = _client(roles.SAFEGUARDS_SPECIALIST).get(LIST).json()["results"][0]
    assert "complainant" not in case


def test_a_psc_member_reads_only_the_cases_assigned_to_them():
    member = _client(roles.PSC_MEMBER)
    mine = services.grievance_assign(grievance=register_grievance(), actor=None, assignee=member.user)
    other = register_grievance()
    assert [case["registered_no"] for case in member.get(LIST).json()["results"]] == [mine.registered_no]
    assert member.get(f"{LIST}{other.pk}/").status_code == 404


def test_filters_by_status_period_and_overdue(officer):
    register_grievance(received_at=local_datetime(2020, 7, 31))
    case_in_state(State.UNRELATED, received_at=local_datetime(2020, 12, 1))
    numbers = lambda **params: [case["registered_no"] for case in officer.get(LIST, params).json()["results"]]  # noqa: E731
    assert numbers(status="unrelated") == ["f-2020/02"]
    assert numbers(received_from="2020-08-01", received_to="2020-12-01") == ["f-2020/02"]
    assert numbers(overdue="true") == ["f-2020/01"]
    assert numbers(overdue="false") == ["f-2020/02"]


def test_a_bad_filter_value_is_a_clear_400(officer):
    response = officer.get(LIST, {"channel": "pigeon", "received_from": "yesterday"})
    assert response.status_code == 400
    assert set(response.json()) == {"channel", "received_from"}


def test_a_far_off_period_is_a_clear_400_not_an_overflow(officer):
    response = officer.get(LIST, {"received_from": "0001-01-01", "received_to": "9999-12-31"})
    assert response.status_code == 400
    assert set(response.json()) == {"received_from", "received_to"}


@pytest.mark.parametrize("rows", [2, 20])
def test_the_list_runs_a_fixed_number_of_queries(officer, rows, django_assert_num_queries):
    for _ in range(rows):
        services.grievance_assign(grievance=register_grievance(), actor=None, assignee=officer.user)
    officer.get(LIST)  # warm the permission cache of the user object
    # count, page (with assignee and complainant joined)
    with django_assert_num_queries(2):
        response = officer.get(LIST, {"page_size": 50})
    assert response.json()["count"] == rows


def test_resolving_through_the_api(officer):
    grievance = case_in_state(State.IN_PROGRESS, received_at=local_datetime(2020, 11, 25))
    response = officer.post(
        f"{LIST}{grievance.pk}/resolve/",
        {
            "actions_taken_mn": "Бодлогын баримт бичгийг илгээсэн",
            "actions_taken_en": "Sent the policy",
            "response_way": "email",
            "resolved_on": "2020-12-10",
        },
        format="json",
    )
    assert response.status_code == 200, response.json()
    assert (response.json()["status"], response.json()["working_days_to_resolve"]) == ("resolved", 11)
    assert (response.json()["actions_taken_mn"], response.json()["actions_taken_en"]) == (
        "Бодлогын баримт бичгийг илгээсэн",
        "Sent the policy",
    )


def test_the_api_names_each_language_s_copy_and_never_shows_one_in_place_of_another(officer):
    grievance = case_in_state(State.IN_PROGRESS, translations={"summary_mn": "Зам хаагдсан"})
    case = officer.get(f"{LIST}{grievance.pk}/", HTTP_ACCEPT_LANGUAGE="en").json()
    assert (case["summary_mn"], case["summary_en"]) == ("Зам хаагдсан", "")
    assert "summary" not in case and "actions_taken" not in case and "public_answer" not in case


def test_resolving_through_the_api_without_an_english_summary_names_that_field(officer):
    grievance = case_in_state(State.IN_PROGRESS, translations={"summary_mn": "Зам хаагдсан"})
    response = officer.post(
        f"{LIST}{grievance.pk}/resolve/",
        {"actions_taken_mn": "Уулзсан", "actions_taken_en": "Met them", "response_way": "meeting"},
        format="json",
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 400
    assert response.json() == {"summary_en": ["Write the public summary in English before resolving the case."]}
    response = officer.post(
        f"{LIST}{grievance.pk}/resolve/",
        {
            "summary_en": "Road closed",
            "actions_taken_mn": "Уулзсан",
            "actions_taken_en": "Met them",
            "response_way": "meeting",
        },
        format="json",
    )
    assert response.status_code == 200, response.json()
    assert (response.json()["summary_mn"], response.json()["summary_en"]) == ("Зам хаагдсан", "Road closed")


@pytest.mark.parametrize(
    ("endpoint", "payload", "field"),
    [
        (
            "resolve",
            {"actions_taken_mn": "Илгээсэн", "actions_taken_en": "", "response_way": "email"},
            "actions_taken_en",
        ),
        (
            "resolve",
            {"actions_taken_mn": "Илгээсэн", "actions_taken_en": "Sent", "response_way": "pigeon"},
            "response_way",
        ),
        ("escalate", {"stage": 9}, "stage"),
        ("mark-unrelated", {}, "referred_to"),
        ("assign", {"assignee": "nobody"}, "assignee"),
        ("acknowledge", {}, "detail"),  # already acknowledged: the workflow refuses
        ("escalate", {"stage": 1}, "stage"),
    ],
)
def test_bad_transition_input_is_a_clear_400_and_changes_nothing(officer, endpoint, payload, field):
    grievance = case_in_state(State.IN_PROGRESS)
    before = model_to_dict(Grievance.objects.get(pk=grievance.pk)), grievance.events.count()
    response = officer.post(f"{LIST}{grievance.pk}/{endpoint}/", payload, format="json")
    assert response.status_code == 400
    assert field in response.json()
    assert (model_to_dict(Grievance.objects.get(pk=grievance.pk)), grievance.events.count()) == before


def test_a_refused_escalation_explains_why(officer):
    grievance = services.grievance_escalate(grievance=case_in_state(State.IN_PROGRESS), actor=None, stage=3)
    response = officer.post(f"{LIST}{grievance.pk}/escalate/", {"stage": 2}, format="json")
    assert response.status_code == 400
    assert "дээд шатанд" in response.json()["detail"][0]  # translated: Mongolian is the default


def test_a_psc_member_cannot_triage_through_the_api():
    member = _client(roles.PSC_MEMBER)
    grievance = services.grievance_assign(grievance=register_grievance(), actor=None, assignee=member.user)
    response = member.post(f"{LIST}{grievance.pk}/acknowledge/", {}, format="json")
    assert response.status_code == 403  # lacking the right is not bad input (it was a 400)
    assert grievance.registered_no in response.json()["detail"]
    grievance.refresh_from_db()
    assert grievance.acknowledged_at is None


def test_a_transition_without_the_right_is_403_whatever_the_state_of_the_case():
    specialist = _client(roles.SAFEGUARDS_SPECIALIST)
    resolved = case_in_state(State.RESOLVED)
    assert specialist.post(f"{LIST}{resolved.pk}/acknowledge/", {}, format="json").status_code == 403
    assert specialist.post(f"{LIST}{resolved.pk}/close/", {}, format="json").status_code == 403


def test_assigning_and_escalating_through_the_api(officer):
    grievance = case_in_state(State.IN_PROGRESS)
    member = user_with_role(roles.PSC_MEMBER)
    assert (
        officer.post(f"{LIST}{grievance.pk}/assign/", {"assignee": member.username}, format="json").status_code == 200
    )
    response = officer.post(f"{LIST}{grievance.pk}/escalate/", {"stage": 3, "note": "PSC meeting"}, format="json")
    assert (response.json()["stage"], response.json()["assigned_to"]) == (3, member.username)
    assert date.fromisoformat(response.json()["due_on"]) > date.today()


def test_the_openapi_schema_generates_without_warnings(tmp_path):
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(tmp_path / "schema.yaml"))
    assert "/api/grievances/{id}/resolve/" in (tmp_path / "schema.yaml").read_text()
