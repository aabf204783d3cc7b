"""The officer's desk on the admin home: each queue's count matches the cases its link lists, for each role."""

from datetime import date

import pytest
from django.urls import reverse
from django.utils import timezone

from grievances import complainant_side, services
from grievances.models import Grievance, due_soon_condition
from grievances.queues import QUEUES
from grievances.tests.factories import case_in_state, register_grievance, user_with_role
from grievances.workflow import State
from smartgov import roles

pytestmark = pytest.mark.django_db
INDEX = reverse("admin:index")
CHANGELIST = reverse("admin:grievances_grievance_changelist")
# session, user, the user's permissions (user and group), the queues' counts (one aggregate), the
# calendar's decree days (for "due within 3 working days"), the recent actions: fixed, whatever the cases.
DESK_QUERIES = 7


@pytest.fixture
def psc_member():
    return user_with_role(roles.PSC_MEMBER)


@pytest.fixture
def cases(psc_member):
    """One case or more in each queue; two of them assigned to a PSC member."""
    now = timezone.now()
    late = services.grievance_assign(grievance=register_grievance(), actor=None, assignee=psc_member)
    soon = register_grievance(received_at=now)  # acknowledgement due in 2 working days
    working = services.grievance_acknowledge(grievance=register_grievance(received_at=now), actor=None)
    working = services.grievance_assign(grievance=working, actor=None, assignee=psc_member)
    replied = case_in_state(State.IN_PROGRESS, received_at=now)
    replied = complainant_side.grievance_complainant_reply(grievance=replied, text="The kiosk is still broken")
    waiting = case_in_state(State.AWAITING_COMPLAINANT, received_at=now)
    case_in_state(State.RESOLVED, received_at=now)
    case_in_state(State.CLOSED)
    return {"late": late, "soon": soon, "working": working, "replied": replied, "waiting": waiting}


def _desk(client):
    response = client.get(INDEX)
    assert response.status_code == 200
    return response, {queue["key"]: queue for queue in response.context["desk"]}


def _listed(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return set(response.context["cl"].result_list)


def test_each_queue_counts_the_cases_its_link_lists_for_the_officer(officer_client, cases):
    expected = {
        "overdue": {"late"},
        "due_soon": {"soon"},
        "awaiting_complainant": {"waiting"},
        "new": {"late", "soon"},
        "replies": {"replied"},
        "unassigned": {"soon", "replied", "waiting"},
    }
    response, desk = _desk(officer_client)

    for key, names in expected.items():
        assert desk[key]["count"] == len(names), key
        assert _listed(officer_client, desk[key]["url"]) == {cases[name] for name in names}, key
        assert f'href="{desk[key]["url"]}"' in response.content.decode()


def test_a_psc_member_s_queues_count_only_the_cases_assigned_to_them(client, psc_member, cases):
    client.force_login(psc_member)
    expected = {"overdue": {"late"}, "new": {"late"}, "replies": set()}
    # The reply came on a case not assigned to them: it is not theirs to see.
    assert cases["replied"].assigned_to is None

    _response, desk = _desk(client)

    for key, names in expected.items():
        assert desk[key]["count"] == len(names), key
        assert _listed(client, desk[key]["url"]) == {cases[name] for name in names}, key
    assert {key: queue["count"] for key, queue in desk.items() if key not in expected} == {
        "due_soon": 0,
        "awaiting_complainant": 0,
        "unassigned": 0,
    }


def test_a_new_reply_on_a_case_assigned_to_a_psc_member_is_in_their_replies_queue(client, psc_member, cases):
    services.grievance_assign(grievance=cases["replied"], actor=None, assignee=psc_member)
    client.force_login(psc_member)

    _response, desk = _desk(client)

    assert desk["replies"]["count"] == 1
    assert _listed(client, desk["replies"]["url"]) == {cases["replied"]}


def test_the_desk_lists_every_queue_as_a_link_with_its_count_as_text(officer_client, cases):
    page = officer_client.get(INDEX).content.decode()

    assert '<h2 id="desk-heading">' in page
    for queue in QUEUES:
        assert f'<li class="desk-{queue.key}"><a href="{CHANGELIST}?queue={queue.key}">' in page


def test_due_soon_counts_three_working_days_from_today():
    friday, monday, tuesday, wednesday = date(2026, 11, 27), date(2026, 11, 30), date(2026, 12, 1), date(2026, 12, 2)
    due_on = {}
    for day in (friday, monday, tuesday, wednesday):
        grievance = register_grievance(received_at=timezone.now())
        Grievance.objects.filter(pk=grievance.pk).update(due_on=day)
        due_on[day] = grievance

    found = set(Grievance.objects.filter(due_soon_condition(friday)))

    assert found == {due_on[friday], due_on[monday], due_on[tuesday]}  # the weekend does not count


@pytest.mark.parametrize("role", [roles.SAFEGUARDS_SPECIALIST, roles.WORLD_BANK_VIEWER])
def test_people_who_work_no_cases_see_the_plain_application_list(client, role, cases):
    client.force_login(user_with_role(role))

    response = client.get(INDEX)

    assert response.status_code == 200
    assert response.context["desk"] is None
    assert 'id="desk"' not in response.content.decode()


def test_the_applications_are_listed_in_order_of_use(officer_client):
    app_list = officer_client.get(INDEX).context["app_list"]

    labels = [app["app_label"] for app in app_list]
    assert labels[0] == "grievances"
    assert labels.index("disclosure") > labels.index("stakeholders") > labels.index("reporting")
    assert app_list[0]["models"][0]["object_name"] == "Grievance"


def test_the_desk_runs_the_same_queries_for_few_or_many_cases(officer_client, django_assert_num_queries):
    register_grievance()
    with django_assert_num_queries(DESK_QUERIES):
        officer_client.get(INDEX)
    for _ in range(20):
        register_grievance(received_at=timezone.now())
    with django_assert_num_queries(DESK_QUERIES):
        officer_client.get(INDEX)
