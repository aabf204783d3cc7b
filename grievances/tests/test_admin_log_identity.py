"""Issue 15, hole 1: the admin's own log (LogEntry) never quotes a complainant's name.

Django writes a LogEntry for each save in the admin and quoted str() of the
complainant row the officer changed: then the person's name. The case's
History button, the admin home's "Recent actions" and any other reader of
that log must name the case, never the person, to roles without
grievances.view_complainant, and anonymisation must leave no name there.
"""

import importlib
import json

import pytest
from django.apps import apps
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import translation

from grievances import personal_data, services
from grievances.models import Complainant, Grievance
from grievances.tests.factories import register_grievance, user_with_role
from smartgov import roles

pytestmark = pytest.mark.django_db

OLD_NAME = "Oyunchimeg Batbayar"
NEW_NAME = "Oyunchimeg Dorjsuren"
clean_migration = importlib.import_module("grievances.migrations.0015_admin_log_without_identity")


def _change_form_data(response):
    """The values the case page's form and inline forms would post back unchanged."""
    data = {}
    forms = [response.context["adminform"].form]
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        forms += [formset.management_form, *formset.forms]
    for form in forms:
        for field in form:
            value = field.value()
            if value is None or value is False:
                continue
            data[field.html_name] = "on" if value is True else value
    return data


def _officer_renames_the_complainant(client, grievance):
    officer = user_with_role(roles.PIU_OFFICER)
    client.force_login(officer)
    url = reverse("admin:grievances_grievance_change", args=[grievance.pk])
    data = _change_form_data(client.get(url))
    (name_field,) = [key for key in data if key.startswith("complainant-") and key.endswith("-name")]
    data[name_field] = NEW_NAME
    response = client.post(url, data)
    assert response.status_code == 302, response.context and response.context["adminform"].form.errors
    assert Complainant.objects.get(grievance=grievance).name == NEW_NAME
    client.logout()


def _log_texts():
    return [
        f"{entry.object_repr} {entry.change_message} {entry.get_change_message()}" for entry in LogEntry.objects.all()
    ]


def test_a_complainant_is_shown_as_their_case_never_by_name():
    grievance = register_grievance(complainant={"name": OLD_NAME})
    with translation.override("en"):
        assert str(grievance.complainant) == f"complainant of {grievance.registered_no}"
    with translation.override("mn"):
        assert grievance.registered_no in str(grievance.complainant)
        assert OLD_NAME not in str(grievance.complainant)


def test_editing_the_complainant_in_the_admin_logs_the_change_without_the_name(client):
    grievance = register_grievance(complainant={"name": OLD_NAME})
    _officer_renames_the_complainant(client, grievance)
    entry = LogEntry.objects.get(object_id=str(grievance.pk), action_flag=CHANGE)
    assert json.loads(entry.change_message) == [
        {"changed": {"name": "complainant", "object": f"complainant of {grievance.registered_no}", "fields": ["Name"]}}
    ]
    assert not [text for text in _log_texts() if OLD_NAME in text or NEW_NAME in text]


@pytest.mark.parametrize("role", [roles.SAFEGUARDS_SPECIALIST, roles.PSC_MEMBER])
def test_roles_without_the_complainant_permission_read_no_name_after_an_edit(client, role):
    """The case page, its History, the admin home with "Recent actions" and the log itself, after an officer's edit."""
    user = user_with_role(role)
    grievance = register_grievance(complainant={"name": OLD_NAME})
    services.grievance_assign(grievance=grievance, actor=None, assignee=user)
    _officer_renames_the_complainant(client, grievance)

    client.force_login(user)
    pages = [
        reverse("admin:grievances_grievance_change", args=[grievance.pk]),
        reverse("admin:grievances_grievance_history", args=[grievance.pk]),
        reverse("admin:index"),
    ]
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200
        page = response.content.decode()
        assert OLD_NAME not in page and NEW_NAME not in page, url
    assert not [text for text in _log_texts() if OLD_NAME in text or NEW_NAME in text]


def test_recent_actions_name_a_complainant_row_by_its_case(client):
    """A log entry about a complainant row (any code logging one) reads as the case in "Recent actions".

    Here an officer who was logged changing one joins the PSC, a role that may not see complainants.
    """
    grievance = register_grievance(complainant={"name": OLD_NAME})
    officer = user_with_role(roles.PIU_OFFICER)
    LogEntry.objects.log_actions(officer.pk, [grievance.complainant], CHANGE, change_message=[{"changed": {}}])
    officer.groups.set([Group.objects.get(name=roles.PSC_MEMBER)])
    client.force_login(officer)
    page = client.get(reverse("admin:index")).content.decode()
    assert "recent-actions-module" in page
    assert OLD_NAME not in page
    assert grievance.registered_no in page


def _old_style_entries(grievance, user):
    """Log entries as Django wrote them while str(complainant) was the name."""
    types = ContentType.objects.get_for_models(Grievance, Complainant)
    case_entry = LogEntry.objects.create(
        user=user,
        content_type=types[Grievance],
        object_id=str(grievance.pk),
        object_repr=grievance.registered_no,
        action_flag=CHANGE,
        change_message=json.dumps(
            [{"changed": {"name": "complainant", "object": OLD_NAME, "fields": ["Name"]}}, {"changed": {"fields": []}}]
        ),
    )
    row_entry = LogEntry.objects.create(
        user=user,
        content_type=types[Complainant],
        object_id=str(grievance.complainant.pk),
        object_repr=OLD_NAME,
        action_flag=CHANGE,
        change_message=f"Changed name of {OLD_NAME}.",  # a plain-text message, as older Django versions wrote
    )
    return case_entry, row_entry


def test_the_migration_cleans_the_entries_written_before():
    grievance = register_grievance(complainant={"name": OLD_NAME})
    case_entry, row_entry = _old_style_entries(grievance, user_with_role(roles.PIU_OFFICER))
    untouched = LogEntry.objects.create(
        user=case_entry.user,
        content_type=case_entry.content_type,
        object_id="1",
        object_repr="f-2020/99",
        action_flag=1,
    )

    clean_migration.log_entries_without_identity(apps, None)

    label = f"complainant of {grievance.registered_no}"
    case_entry.refresh_from_db()
    row_entry.refresh_from_db()
    assert json.loads(case_entry.change_message)[0]["changed"]["object"] == label
    assert (row_entry.object_repr, row_entry.change_message) == (label, f"Changed name of {label}.")
    assert not [text for text in _log_texts() if OLD_NAME in text]
    assert LogEntry.objects.get(pk=untouched.pk).object_repr == "f-2020/99"


def test_anonymising_a_case_scrubs_its_admin_log_entries():
    grievance = register_grievance(complainant={"name": OLD_NAME})
    other = register_grievance(complainant={"name": OLD_NAME})
    _old_style_entries(grievance, user_with_role(roles.PIU_OFFICER))
    _other_case_entry, other_row_entry = _old_style_entries(other, user_with_role(roles.PIU_OFFICER))

    assert personal_data.grievance_anonymise(grievance_id=grievance.pk)

    texts = [text for text in _log_texts() if OLD_NAME in text]
    assert len(texts) == 2  # only the other case's two entries still name the person
    assert LogEntry.objects.get(pk=other_row_entry.pk).object_repr == OLD_NAME
