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
    few = _changelist_queries(officer_client, queue="overdue", q="draft")
    for _ in range(27):
        services.grievance_assign(grievance=register_grievance(), actor=None, assignee=officer_client.user)
    assert _changelist_queries(officer_client, queue="overdue", q="draft") == few
    print("changelist queries:", few)
    assert few == CHANGELIST_QUERIES + 1  # + the complainants named with the word searched (grievances.search)


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
            "message": "I would like the draft law on open data.",
            "message_language": "en",
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


@pytest.mark.parametrize(
    ("action", "field", "message"),
    [
        ("assign", "assignee", "assign to: choose a person, or “Nobody”."),
        ("escalate", "stage", "escalate to: choose one."),
    ],
)
def test_a_bulk_action_left_on_the_bar_s_blank_start_changes_nothing_and_says_to_choose(
    officer_client, action, field, message
):
    member = user_with_role(roles.PSC_MEMBER)
    grievance = services.grievance_assign(
        grievance=services.grievance_acknowledge(grievance=register_grievance(), actor=None),
        actor=None,
        assignee=member,
    )
    before = (grievance.assigned_to_id, grievance.stage, grievance.events.count())
    response = officer_client.post(
        CHANGELIST,
        {"action": action, "_selected_action": [grievance.pk], field: ""},
        follow=True,
        HTTP_ACCEPT_LANGUAGE="en",
    )
    grievance.refresh_from_db()
    assert (grievance.assigned_to_id, grievance.stage, grievance.events.count()) == before
    assert [str(shown) for shown in response.context["messages"]] == [message]


def test_a_bulk_assignment_to_nobody_is_chosen_and_takes_the_cases_from_whoever_had_them(officer_client):
    member = user_with_role(roles.PSC_MEMBER)
    grievance = services.grievance_assign(grievance=register_grievance(), actor=None, assignee=member)
    page = " ".join(officer_client.get(CHANGELIST).content.decode().split())
    assert '<option value="" selected>---------</option> <option value="nobody">' in page  # the bar starts on neither
    officer_client.post(CHANGELIST, {"action": "assign", "_selected_action": [grievance.pk], "assignee": "nobody"})
    grievance.refresh_from_db()
    assert grievance.assigned_to is None


# --- the History button: the case's own history ------------------------------------------------------------

# Session, user, the user's and their groups' permissions, the case, its history (one query, views folded).
HISTORY_PAGE_QUERIES = 6


def _history_page(grievance):
    return reverse("admin:grievances_grievance_history", args=[grievance.pk])


def test_the_history_button_shows_the_case_s_events_with_labels(officer_client):
    officer_client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    grievance = services.grievance_escalate(grievance=case_in_state(State.IN_PROGRESS), actor=None, stage=3)
    page = officer_client.get(_history_page(grievance)).content.decode()
    assert f"History of case {grievance.registered_no}" in page
    for line in ("<td>Registered</td>", "<td>Acknowledged</td>", "<td>Escalated</td>"):
        assert line in page
    assert "Stage 1: registration and acknowledgement → Stage 3: Project Steering Committee" in page
    assert "doesn’t have a change history" not in page


def test_the_history_button_speaks_mongolian(officer_client):
    officer_client.defaults["HTTP_ACCEPT_LANGUAGE"] = "mn"
    grievance = case_in_state(State.IN_PROGRESS)
    page = officer_client.get(_history_page(grievance)).content.decode()
    assert f"{grievance.registered_no} дугаартай өргөдөл, гомдлын түүх" in page
    assert "<td>Хүлээн авснаа мэдэгдсэн</td>" in page


def test_the_history_button_folds_the_views(officer_client):
    grievance = register_grievance()
    for _ in range(5):
        services.grievance_complainant_viewed(grievance=grievance, actor=officer_client.user)
    page = officer_client.get(_history_page(grievance), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert page.count("Details viewed by") == 1
    assert f"Details viewed by {officer_client.user.username}, 5 times on" in page


def test_a_psc_member_gets_404_on_the_history_of_a_case_not_assigned_to_them(client):
    member = user_with_role(roles.PSC_MEMBER)
    mine = services.grievance_assign(grievance=register_grievance(), actor=None, assignee=member)
    other = register_grievance()
    client.force_login(member)
    assert client.get(_history_page(mine)).status_code == 200
    assert client.get(_history_page(other)).status_code == 404


def test_a_world_bank_viewer_gets_403_on_a_case_s_history(client):
    client.force_login(user_with_role(roles.WORLD_BANK_VIEWER))
    assert client.get(_history_page(register_grievance())).status_code == 403


@pytest.mark.parametrize("views", [0, 20])
def test_the_history_page_runs_the_same_queries_however_many_views(officer_client, django_assert_num_queries, views):
    grievance = case_in_state(State.IN_PROGRESS)
    for _ in range(views):
        services.grievance_complainant_viewed(grievance=grievance, actor=officer_client.user)
    officer_client.get(_history_page(grievance))  # fills Django's content-type cache
    with django_assert_num_queries(HISTORY_PAGE_QUERIES):
        assert officer_client.get(_history_page(grievance)).status_code == 200


# --- bulk messages -----------------------------------------------------------------------------------------


def _bulk(client, action, grievances):
    response = client.post(
        CHANGELIST,
        {"action": action, "_selected_action": [grievance.pk for grievance in grievances]},
        follow=True,
        HTTP_ACCEPT_LANGUAGE="en",
    )
    return [str(message) for message in response.context["messages"]]


def test_one_case_done_in_bulk_says_it_as_the_case_page_does(officer_client):
    grievance = register_grievance()
    assert _bulk(officer_client, "acknowledge", [grievance]) == [f"Case {grievance.registered_no}: “Acknowledge” done."]


def test_several_cases_done_in_bulk_are_one_message_naming_them(officer_client):
    first, second = register_grievance(), register_grievance()
    numbers = ", ".join(sorted([first.registered_no, second.registered_no]))
    messages = _bulk(officer_client, "acknowledge", [first, second])
    assert len(messages) == 1
    assert messages[0].startswith("“Acknowledge” done on 2 cases: ")
    assert ", ".join(sorted(messages[0].removeprefix("“Acknowledge” done on 2 cases: ").rstrip(".").split(", "))) == (
        numbers
    )


def test_a_refusal_in_bulk_names_the_case_once(officer_client):
    fresh, done = register_grievance(), case_in_state(State.IN_PROGRESS)
    messages = _bulk(officer_client, "acknowledge", [fresh, done])
    refusal = f"“Acknowledge” cannot be done on case {done.registered_no} while it is “Being resolved”."
    assert sorted(messages) == sorted([refusal, f"Case {fresh.registered_no}: “Acknowledge” done."])
    assert all(message.count(done.registered_no) <= 1 for message in messages)


def test_the_bulk_summary_has_mongolian_plural_forms(officer_client):
    first, second = register_grievance(), register_grievance()
    response = officer_client.post(
        CHANGELIST,
        {"action": "acknowledge", "_selected_action": [first.pk, second.pk]},
        follow=True,
        HTTP_ACCEPT_LANGUAGE="mn",
    )
    (message,) = [str(message) for message in response.context["messages"]]
    assert message.startswith("2 өргөдөл, гомдолд «")
    assert "» үйлдлийг хийлээ: " in message
