"""Calls to the complainant: the officer's task when a message cannot be written to them, done in the admin."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from grievances import services
from grievances.models import ContactTask, EventType, ResponseWay
from grievances.tests.factories import register_grievance, user_with_role
from smartgov import roles
from smartgov.exceptions import ApplicationError

pytestmark = pytest.mark.django_db
CHANGELIST = reverse("admin:grievances_grievance_changelist")


@pytest.fixture(autouse=True)
def _pages_in_english(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"


def _case_to_call(**complainant):
    values = {"name": "Bat", "phone": "7011 2233", "preferred_contact": ResponseWay.PHONE, "preferred_language": "kk"}
    return register_grievance(complainant={**values, **complainant})


def _complete_url(task):
    return reverse("admin:grievances_grievance_contact_task_complete", args=[task.grievance_id, task.pk])


def _notified(grievance):
    return list(grievance.events.filter(event_type=EventType.NOTIFIED).values_list("data", "note", "actor"))


def test_recording_the_call_writes_it_to_the_history_with_the_way_and_the_time():
    officer = user_with_role(roles.PIU_OFFICER)
    grievance = _case_to_call()
    task = grievance.contact_tasks.get()

    task = services.contact_task_complete(task=task, actor=officer, note="Told her the number; she will call back.")

    assert task.done_at is not None
    assert task.done_by == officer
    event = grievance.events.get(event_type=EventType.NOTIFIED)
    assert event.data == {"way": "phone", "message": "registered", "language": "kk", "contact_task": task.pk}
    assert (event.note, event.actor, event.created_at >= task.done_at) == (
        "Told her the number; she will call back.",
        officer,
        True,
    )


def test_a_call_is_recorded_only_with_what_was_said():
    task = _case_to_call().contact_tasks.get()
    with pytest.raises(ApplicationError):
        services.contact_task_complete(task=task, actor=None, note="  ")
    task.refresh_from_db()
    assert task.done_at is None


def test_a_call_is_recorded_once():
    task = _case_to_call().contact_tasks.get()
    services.contact_task_complete(task=task, actor=None, note="Called")
    with pytest.raises(ApplicationError):
        services.contact_task_complete(task=task, actor=None, note="Called again")
    assert len(_notified(task.grievance)) == 1


def test_the_case_page_lists_the_calls_and_records_one(officer_client):
    grievance = services.grievance_acknowledge(grievance=_case_to_call(), actor=None)
    registered, acknowledged = grievance.contact_tasks.order_by("pk")

    page = officer_client.get(reverse("admin:grievances_grievance_change", args=[grievance.pk])).content.decode()
    assert "Call the complainant" in page
    assert "Case acknowledged, and the date of the answer" in page
    assert page.count("Record the call") == 2
    assert _complete_url(acknowledged) in page

    response = officer_client.post(_complete_url(acknowledged), {f"call-{acknowledged.pk}-note": "Gave the deadline"})

    assert response.status_code == 302
    acknowledged.refresh_from_db()
    assert (acknowledged.done_by, acknowledged.note) == (officer_client.user, "Gave the deadline")
    [(data, note, actor)] = _notified(grievance)
    assert (data["way"], data["message"], note) == ("phone", "acknowledged", "Gave the deadline")
    assert actor == officer_client.user.pk
    page = officer_client.get(reverse("admin:grievances_grievance_change", args=[grievance.pk])).content.decode()
    assert page.count("Record the call") == 1
    assert "Gave the deadline" in page


def test_recording_a_call_without_a_note_changes_nothing(officer_client):
    task = _case_to_call().contact_tasks.get()
    response = officer_client.post(_complete_url(task), {f"call-{task.pk}-note": ""}, follow=True)
    assert "Write what you told the complainant and what they said." in response.content.decode()
    task.refresh_from_db()
    assert task.done_at is None
    assert _notified(task.grievance) == []


def test_recording_a_call_needs_the_csrf_token(officer_client):
    task = _case_to_call().contact_tasks.get()
    client = Client(enforce_csrf_checks=True)
    client.force_login(officer_client.user)
    assert client.post(_complete_url(task), {f"call-{task.pk}-note": "Called"}).status_code == 403
    task.refresh_from_db()
    assert task.done_at is None


def test_recording_a_call_is_a_post_and_only_for_cases_the_person_may_handle(client, officer_client):
    task = _case_to_call().contact_tasks.get()
    assert officer_client.get(_complete_url(task)).status_code == 405
    member = user_with_role(roles.PSC_MEMBER)  # sees only the cases assigned to them
    client.force_login(member)
    assert client.post(_complete_url(task), {f"call-{task.pk}-note": "Called"}).status_code == 404
    other = register_grievance()
    wrong_case = reverse("admin:grievances_grievance_contact_task_complete", args=[other.pk, task.pk])
    assert officer_client.post(wrong_case, {f"call-{task.pk}-note": "Called"}).status_code == 404
    task.refresh_from_db()
    assert task.done_at is None


def test_the_case_list_marks_cases_with_a_call_to_make_without_a_query_per_row(officer_client):
    to_call = _case_to_call()
    register_grievance(complainant={"email": "bat@example.mn"})

    with CaptureQueriesContext(connection) as few:
        page = officer_client.get(CHANGELIST).content.decode()
    assert page.count('class="contact-task-badge"') == 1
    for _ in range(5):
        _case_to_call()
    with CaptureQueriesContext(connection) as more:
        page = officer_client.get(CHANGELIST).content.decode()
    assert page.count('class="contact-task-badge"') == 6
    assert len(more) == len(few)

    for task in ContactTask.objects.all():
        services.contact_task_complete(task=task, actor=None, note="Called")
    assert 'class="contact-task-badge"' not in officer_client.get(CHANGELIST).content.decode()
    assert to_call.contact_tasks.filter(done_at__isnull=True).count() == 0


def test_anonymising_a_case_removes_its_calls_and_what_was_said():
    from grievances.personal_data import grievance_anonymise

    grievance = _case_to_call()
    services.contact_task_complete(task=grievance.contact_tasks.get(), actor=None, note="Her neighbour answered")
    grievance_anonymise(grievance_id=grievance.pk)
    assert not ContactTask.objects.exists()
    assert not grievance.events.filter(note__contains="neighbour").exists()
