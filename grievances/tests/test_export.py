"""One person's data on request: every case of theirs, their own data only, and the export logged."""

import json

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import translation

from grievances.models import EventType, Grievance
from grievances.tests.factories import register_grievance, user_with_role
from smartgov import roles

pytestmark = pytest.mark.django_db
CHANGELIST = reverse("admin:grievances_grievance_changelist")
PERSON = {"name": "Bat Dorj", "email": "bat@example.mn", "phone": "9911 2233", "address": "Khoroo 5"}


def _export(capsys, *args):
    call_command("export_personal_data", *args)
    return json.loads(capsys.readouterr().out)


@pytest.fixture
def cases():
    first = register_grievance(complainant=PERSON, details="The fence is broken")
    second = register_grievance(complainant={"name": "Bat", "phone": "+976 99112233"})
    other = register_grievance(complainant={"name": "Other", "email": "other@example.mn"})
    Grievance.objects.filter(pk=first.pk).update(internal_notes="Staff only: check the contractor")
    return first, second, other


def test_the_command_exports_every_case_found_by_email(cases, capsys):
    first, _second, _other = cases
    data = _export(capsys, "--email", "BAT@example.mn")
    assert [case["registered_no"] for case in data["cases"]] == [first.registered_no]
    exported = data["cases"][0]
    assert exported["complainant"]["email"] == "bat@example.mn"
    assert exported["complainant"]["address"] == "Khoroo 5"
    assert exported["details"] == "The fence is broken"
    assert exported["status"] == "resolving"


def test_the_command_finds_a_phone_however_it_was_written(cases, capsys):
    first, second, _other = cases
    data = _export(capsys, "--phone", "99112233")
    assert [case["registered_no"] for case in data["cases"]] == [first.registered_no, second.registered_no]


def test_staff_internal_notes_and_search_keys_are_not_exported(cases, capsys):
    text = json.dumps(_export(capsys, "--email", "bat@example.mn"))
    assert "Staff only" not in text
    assert "internal_notes" not in text and "email_index" not in text and "assigned_to" not in text


def test_each_exported_case_records_the_export_with_who_did_it(cases, capsys):
    first, second, other = cases
    officer = user_with_role(roles.PIU_OFFICER)
    _export(capsys, "--phone", "99112233", "--actor", officer.username)
    for case in (first, second):
        assert case.events.get(event_type=EventType.EXPORTED).actor == officer
    assert not other.events.filter(event_type=EventType.EXPORTED).exists()


def test_the_command_writes_to_a_file(cases, tmp_path):
    target = tmp_path / "person.json"
    call_command("export_personal_data", "--email", "bat@example.mn", "--output", str(target))
    assert len(json.loads(target.read_text(encoding="utf-8"))["cases"]) == 1


def test_the_command_needs_an_email_or_a_phone():
    with pytest.raises(CommandError):
        call_command("export_personal_data")


def test_an_unknown_actor_is_refused(cases):
    with translation.override("en"), pytest.raises(CommandError, match="no active user"):
        call_command("export_personal_data", "--email", "bat@example.mn", "--actor", "nobody")


def test_the_admin_action_downloads_the_persons_cases(cases, client):
    first, second, _other = cases
    officer = user_with_role(roles.PIU_OFFICER)
    client.force_login(officer)
    response = client.post(CHANGELIST, {"action": "export_personal_data", "_selected_action": [first.pk]})
    assert response["Content-Disposition"] == 'attachment; filename="personal-data.json"'
    data = json.loads(response.content)
    assert [case["registered_no"] for case in data["cases"]] == [first.registered_no, second.registered_no]
    assert first.events.get(event_type=EventType.EXPORTED).actor == officer


def test_the_admin_action_exports_an_anonymous_looking_case_on_its_own(client):
    named_only = register_grievance(complainant={"name": "Dorj"})
    register_grievance(complainant={"name": "Dorj"})
    client.force_login(user_with_role(roles.PIU_OFFICER))
    response = client.post(CHANGELIST, {"action": "export_personal_data", "_selected_action": [named_only.pk]})
    assert [case["registered_no"] for case in json.loads(response.content)["cases"]] == [named_only.registered_no]


def test_the_admin_action_refuses_cases_of_different_people(cases, client):
    first, _second, other = cases
    client.force_login(user_with_role(roles.PIU_OFFICER))
    response = client.post(
        CHANGELIST,
        {"action": "export_personal_data", "_selected_action": [first.pk, other.pk]},
        follow=True,
        headers={"accept-language": "en"},
    )
    assert "Select the cases of one person only" in response.content.decode()
    assert not Grievance.objects.filter(events__event_type=EventType.EXPORTED).exists()


def test_the_admin_action_is_only_offered_to_those_who_may_see_complainants(cases, client):
    client.force_login(user_with_role(roles.SAFEGUARDS_SPECIALIST))
    assert "export_personal_data" not in client.get(CHANGELIST).content.decode()
    first = cases[0]
    client.post(CHANGELIST, {"action": "export_personal_data", "_selected_action": [first.pk]})
    assert not first.events.filter(event_type=EventType.EXPORTED).exists()
