"""The PIU officer's admin: bounded queries, role limits, confidentiality, actions through the services."""

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from grievances import services
from grievances.models import Attachment, EventType, Grievance
from grievances.tests.factories import case_in_state, register_grievance, user_with_role
from grievances.workflow import State
from smartgov import roles

pytestmark = pytest.mark.django_db
CHANGELIST = reverse("admin:grievances_grievance_changelist")
# session, user, the officer's permissions (user and group), assignee filter choices, the page's
# count, its rows, the action bar's assignee choices: fixed, whatever the number of cases.
CHANGELIST_QUERIES = 8


def _changelist_queries(client, **params):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(CHANGELIST, params)
    assert response.status_code == 200
    return len(queries)


def test_the_case_list_runs_the_same_queries_for_3_or_30_cases(officer_client):
    for _ in range(3):
        services.grievance_assign(grievance=register_grievance(), actor=None, assignee=officer_client.user)
    few = _changelist_queries(officer_client, deadline="overdue", q="draft")
    for _ in range(27):
        services.grievance_assign(grievance=register_grievance(), actor=None, assignee=officer_client.user)
    assert _changelist_queries(officer_client, deadline="overdue", q="draft") == few
    print("changelist queries:", few)
    assert few == CHANGELIST_QUERIES


def test_overdue_cases_are_highlighted(officer_client):
    register_grievance()  # received 2020, never acknowledged
    assert "overdue" in officer_client.get(CHANGELIST).content.decode()


def test_a_psc_member_lists_only_cases_assigned_to_them(client):
    member = user_with_role(roles.PSC_MEMBER)
    mine = services.grievance_assign(grievance=register_grievance(), actor=None, assignee=member)
    register_grievance()
    client.force_login(member)
    assert list(client.get(CHANGELIST).context["cl"].result_list) == [mine]


def test_a_psc_member_gets_404_on_a_case_not_assigned_to_them(client):
    # It used to redirect to the admin index with "doesn't exist"; 404 is the plain answer (role matrix).
    member = user_with_role(roles.PSC_MEMBER)
    mine = services.grievance_assign(grievance=register_grievance(), actor=None, assignee=member)
    other = register_grievance()
    client.force_login(member)
    assert client.get(reverse("admin:grievances_grievance_change", args=[mine.pk])).status_code == 200
    assert client.get(reverse("admin:grievances_grievance_change", args=[other.pk])).status_code == 404


def test_a_world_bank_viewer_gets_403_on_a_case_page(client):
    client.force_login(user_with_role(roles.WORLD_BANK_VIEWER))
    response = client.get(reverse("admin:grievances_grievance_change", args=[register_grievance().pk]))
    assert response.status_code == 403


def test_the_officer_sees_the_complainant_and_the_view_is_logged(officer_client):
    grievance = register_grievance(complainant={"name": "Test Person", "phone": "99112233"})
    response = officer_client.get(reverse("admin:grievances_grievance_change", args=[grievance.pk]))
    assert "99112233" in response.content.decode()
    event = grievance.events.get(event_type=EventType.COMPLAINANT_VIEWED)
    assert event.actor == officer_client.user


@pytest.mark.parametrize("role", [roles.SAFEGUARDS_SPECIALIST, roles.PSC_MEMBER])
def test_other_roles_never_see_the_complainant(client, role):
    user = user_with_role(role)
    grievance = register_grievance(complainant={"name": "Test Person", "phone": "99112233"})
    services.grievance_assign(grievance=grievance, actor=None, assignee=user)
    client.force_login(user)
    response = client.get(reverse("admin:grievances_grievance_change", args=[grievance.pk]))
    assert response.status_code == 200
    assert "99112233" not in response.content.decode()
    assert not grievance.events.filter(event_type=EventType.COMPLAINANT_VIEWED).exists()
    assert "99112233" not in client.get(CHANGELIST, {"q": "Test Person"}).content.decode()


def test_a_world_bank_viewer_has_no_access_to_cases(client):
    client.force_login(user_with_role(roles.WORLD_BANK_VIEWER))
    assert client.get(CHANGELIST).status_code == 403


def test_an_action_calls_the_service_and_shows_refusals_as_errors(officer_client):
    fresh, done = register_grievance(), case_in_state(State.IN_PROGRESS)
    response = officer_client.post(
        CHANGELIST,
        {"action": "acknowledge", "_selected_action": [fresh.pk, done.pk], "note": "Called back"},
        follow=True,
    )
    texts = [str(message) for message in response.context["messages"]]
    assert any(done.registered_no in text for text in texts)
    fresh.refresh_from_db()
    assert fresh.acknowledged_at is not None
    assert fresh.events.latest("id").note == "Called back"


def test_only_transitions_that_need_nothing_typed_are_list_actions(officer_client):
    # Marking unrelated needs the body typed and resolving the actions taken: the case page asks for them.
    choices = officer_client.get(CHANGELIST).context["action_form"].fields["action"].choices
    offered = [value for value, _label in choices if value]
    assert offered == [
        "acknowledge",
        "assign",
        "escalate",
        "information_received",
        "close_no_response",
        "reopen",
        "close",
        "export_personal_data",
    ]


def test_a_list_action_the_registry_does_not_offer_changes_nothing(officer_client):
    grievance = register_grievance()
    officer_client.post(
        CHANGELIST, {"action": "mark_unrelated", "_selected_action": [grievance.pk], "referred_to": "Tax office"}
    )
    grievance.refresh_from_db()
    assert (grievance.status, grievance.referred_to) == ("resolving", "")


def test_status_cannot_be_changed_in_the_form(officer_client):
    grievance = register_grievance()
    url = reverse("admin:grievances_grievance_change", args=[grievance.pk])
    form = officer_client.get(url).context["adminform"].form
    assert "status" not in form.fields and "stage" not in form.fields


def test_registering_in_the_admin_goes_through_the_service(officer_client):
    response = officer_client.post(
        reverse("admin:grievances_grievance_add"),
        {
            "received_at_0": "2020-07-31",
            "received_at_1": "10:00",
            "kind": "request",
            "channel": "hotline",
            "summary_mn": "Нээлттэй өгөгдлийн хуулийн төсөл хүссэн",
            "summary_en": "Request a draft law",
            "details": "",
            "location": "",
        },
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    grievance = Grievance.objects.get()
    assert grievance.registered_no == "f-2020/01"
    assert grievance.summary_en == "Request a draft law"
    assert list(grievance.events.values_list("event_type", flat=True)) == [
        EventType.REGISTERED,
        EventType.TRACKING_CODE_ISSUED,
    ]


def test_attachments_are_served_only_to_those_who_may_see_the_complainant(officer_client, client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    grievance = register_grievance()
    attachment = Attachment.objects.create(
        grievance=grievance,
        file=ContentFile(b"letter", name="letter.txt"),
        original_name="letter.txt",
        content_type="text/plain",
        size=6,
    )
    url = reverse("admin:grievances_grievance_attachment", args=[grievance.pk, attachment.pk])
    assert b"".join(officer_client.get(url).streaming_content) == b"letter"
    client.force_login(user_with_role(roles.SAFEGUARDS_SPECIALIST))
    assert client.get(url).status_code == 403


def test_a_bulk_assignment_to_someone_no_longer_offered_changes_nothing(officer_client):
    member = user_with_role(roles.PSC_MEMBER)
    grievance = services.grievance_assign(grievance=register_grievance(), actor=None, assignee=member)
    member.is_active = False
    member.save()
    response = officer_client.post(
        CHANGELIST, {"action": "assign", "_selected_action": [grievance.pk], "assignee": member.pk}, follow=True
    )
    grievance.refresh_from_db()
    assert grievance.assigned_to == member
    assert len([str(message) for message in response.context["messages"]]) == 1
