"""History entries keep what changed: old and new values, for transitions and for staff edits."""

import pytest
from django.urls import reverse
from django.utils import translation

from grievances import history, selectors, services
from grievances.models import EventType, Grievance, GrievanceEvent, State
from grievances.tests.factories import case_in_state, local_datetime, register_grievance, user_with_role
from smartgov import roles
from smartgov.exceptions import ApplicationError

pytestmark = pytest.mark.django_db


def _case_page(grievance):
    return reverse("admin:grievances_grievance_change", args=[grievance.pk])


def test_an_escalation_records_the_old_and_new_stage_state_and_deadline():
    grievance = case_in_state(State.IN_PROGRESS)
    old_due = grievance.due_on.isoformat()
    grievance = services.grievance_escalate(grievance=grievance, actor=None, stage=3)
    changes = grievance.events.latest("id").data["changes"]
    assert changes["stage"] == [1, 3]
    assert changes["due_on"][0] == old_due and changes["due_on"][1] == grievance.due_on.isoformat()
    assert "state" not in changes  # escalating keeps the case in progress


def test_closing_records_the_state_and_the_closing_time():
    grievance = services.grievance_close(grievance=case_in_state(State.RESOLVED), actor=None)
    changes = grievance.events.latest("id").data["changes"]
    assert changes["state"] == ["resolved", "closed"]
    assert changes["closed_at"] == [None, grievance.closed_at.isoformat()]


def test_assigning_records_the_people_by_user_name():
    member = user_with_role(roles.PSC_MEMBER)
    grievance = services.grievance_assign(grievance=register_grievance(), actor=None, assignee=member)
    event = grievance.events.latest("id")
    assert event.data["changes"] == {"assigned_to": [None, member.username]}
    assert event.data["assigned_to"] == member.username


def test_a_staff_edit_keeps_old_and_new_values_of_what_changed_only():
    officer = user_with_role(roles.PIU_OFFICER)
    grievance = register_grievance(location="Khan-Uul")
    services.grievance_update(
        grievance=grievance, actor=officer, data={"location": "Bayanzurkh", "kind": grievance.kind}
    )
    event = grievance.events.latest("id")
    assert (event.event_type, event.actor) == (EventType.UPDATED, officer)
    assert event.data == {"fields": ["location"], "changes": {"location": ["Khan-Uul", "Bayanzurkh"]}}


def test_an_edit_that_changes_nothing_writes_no_history():
    grievance = register_grievance(location="Khan-Uul")
    services.grievance_update(grievance=grievance, actor=None, data={"location": "Khan-Uul"})
    assert grievance.events.count() == 1


def test_workflow_columns_cannot_be_edited_around_the_transitions():
    grievance = register_grievance()
    with pytest.raises(ApplicationError):
        services.grievance_update(grievance=grievance, actor=None, data={"state": "closed", "location": "x"})
    grievance.refresh_from_db()
    assert (grievance.state, grievance.location, grievance.events.count()) == (State.REGISTERED, "", 1)


def test_editing_the_case_page_goes_through_the_service_with_both_languages(officer_client):
    # In Mongolian whatever language an earlier test left active.
    grievance = register_grievance(translations={"summary_mn": "Нээлттэй өгөгдөл"})
    url = reverse("admin:grievances_grievance_change", args=[grievance.pk])
    page = officer_client.get(url).context
    form = page["adminform"].form
    data = {name: form.initial.get(name) or "" for name in form.fields}
    for inline in page["inline_admin_formsets"]:
        formset = inline.formset
        data.update({f"{formset.prefix}-{key}": value for key, value in formset.management_form.initial.items()})
        for inline_form in formset.forms:
            data.update({inline_form.add_prefix(name): value or "" for name, value in inline_form.initial.items()})
            data[inline_form.add_prefix("id")] = inline_form.instance.pk
    data["summary_en"] = "Open data"
    response = officer_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    grievance = Grievance.objects.get(pk=grievance.pk)
    assert (grievance.summary_mn, grievance.summary_en) == ("Нээлттэй өгөгдөл", "Open data")
    event = grievance.events.filter(event_type=EventType.UPDATED).get()
    assert list(event.data["changes"]) == ["summary_en"]
    assert event.data["changes"]["summary_en"][1] == "Open data" and not event.data["changes"]["summary_en"][0]
    assert event.actor == officer_client.user


def test_a_change_of_the_complainant_s_details_names_the_fields_but_keeps_no_value(officer_client):
    grievance = register_grievance(complainant={"name": "Bat", "email": "bat@example.mn"})
    services.complainant_update(
        complainant=grievance.complainant, actor=officer_client.user, data={"email": "bold@example.mn", "name": "Bat"}
    )
    grievance.complainant.refresh_from_db()
    assert grievance.complainant.email == "bold@example.mn"
    event = grievance.events.latest("id")
    assert event.data == {"complainant_fields": ["email"]}
    assert "example.mn" not in str(event.data) + event.note


def test_the_case_page_history_says_what_changed(officer_client):
    grievance = services.grievance_escalate(grievance=case_in_state(State.IN_PROGRESS), actor=None, stage=3)
    page = officer_client.get(reverse("admin:grievances_grievance_change", args=[grievance.pk])).content.decode()
    assert "шат: Stage 1: registration and acknowledgement → Stage 3: Project Steering Committee" not in page
    assert "шат: 1-р шат: бүртгэх, хүлээн авснаа мэдэгдэх → 3-р шат: Төслийн удирдах хороо" in page


def test_a_plain_name_of_a_translated_text_is_refused_so_no_language_is_written_by_chance():
    grievance = register_grievance()
    with pytest.raises(ApplicationError):
        services.grievance_update(grievance=grievance, actor=None, data={"actions_taken": "Answered"})
    grievance.refresh_from_db()
    assert not grievance.actions_taken_mn and not grievance.actions_taken_en


def test_registering_in_one_language_leaves_the_other_empty():
    grievance = services.grievance_register(
        kind="request",
        channel="hotline",
        translations={"summary_mn": "Нээлттэй өгөгдөл", "summary_en": ""},
    )
    grievance.refresh_from_db()
    assert (grievance.summary_mn, grievance.summary_en) == ("Нээлттэй өгөгдөл", "")


# --- the history as staff read it (selectors.grievance_history, history.entry, the case page) ---------------


def _history_section(page):
    """The case page's history section only, so the codes of the form's own fields do not count."""
    start = page.index('id="case-history"')
    return page[start : page.index("</section>", start)]


def _registered_long_ago():
    grievance = register_grievance()
    grievance.events.update(created_at=local_datetime(2025, 1, 2))
    return grievance


def _viewed(grievance, actor, times, day):
    for _ in range(times):
        services.grievance_complainant_viewed(grievance=grievance, actor=actor)
    GrievanceEvent.objects.filter(
        grievance=grievance, event_type=EventType.COMPLAINANT_VIEWED, created_at__gt=local_datetime(2026, 1, 1, 0)
    ).update(created_at=local_datetime(*day))


def test_five_views_by_one_person_on_one_day_are_one_line_saying_5():
    grievance = _registered_long_ago()
    officer = user_with_role(roles.PIU_OFFICER, username="officer")
    _viewed(grievance, officer, 5, (2025, 3, 4))
    with translation.override("en"):
        lines = [history.entry(event) for event in selectors.grievance_history(grievance=grievance)]
    assert [line["what"] for line in lines] == ["Registered", "Details viewed by officer, 5 times on 2025-03-04"]
    assert grievance.events.filter(event_type=EventType.COMPLAINANT_VIEWED).count() == 5  # the access log stays


def test_views_on_other_days_or_by_other_people_are_lines_of_their_own():
    grievance = _registered_long_ago()
    officer = user_with_role(roles.PIU_OFFICER, username="officer")
    other = user_with_role(roles.PIU_OFFICER, username="other", first_name="Saraa", last_name="Bat")
    _viewed(grievance, officer, 2, (2025, 3, 4))
    _viewed(grievance, other, 1, (2025, 3, 4, 11))
    _viewed(grievance, officer, 1, (2025, 3, 5))
    with translation.override("en"):
        lines = [history.entry(event)["what"] for event in selectors.grievance_history(grievance=grievance)]
    assert lines == [
        "Registered",
        "Details viewed by officer, 2 times on 2025-03-04",
        "Details viewed by Saraa Bat, 1 time on 2025-03-04",
        "Details viewed by officer, 1 time on 2025-03-05",
    ]


def test_the_history_is_read_in_one_query_however_many_views(django_assert_num_queries):
    grievance = _registered_long_ago()
    _viewed(grievance, user_with_role(roles.PIU_OFFICER), 30, (2025, 3, 4))
    with django_assert_num_queries(1):
        events = selectors.grievance_history(grievance=grievance)
        assert [event.actor for event in events]  # the actor comes joined
    assert [event.times for event in events] == [1, 30]


def test_the_case_page_history_shows_labels_and_names_not_codes_in_english(officer_client):
    officer_client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    officer_client.user.first_name, officer_client.user.last_name = "Saraa", "Bat"
    officer_client.user.save()
    grievance = services.grievance_escalate(
        grievance=case_in_state(State.IN_PROGRESS), actor=officer_client.user, stage=3
    )
    section = _history_section(officer_client.get(_case_page(grievance)).content.decode())
    assert "<td>Escalated</td>" in section
    assert "<td>Saraa Bat</td>" in section
    assert section.count("<td>Resolving</td>") == 1  # said where it began, not repeated on each line
    assert "<td>Stage 1: registration and acknowledgement → Stage 3: Project Steering Committee</td>" in section
    assert "resolving" not in section and "escalated" not in section
    assert "<td>1</td>" not in section and "<td>3</td>" not in section and "→ 3<" not in section


def test_the_case_page_history_shows_labels_not_codes_in_mongolian(officer_client):
    officer_client.defaults["HTTP_ACCEPT_LANGUAGE"] = "mn"
    grievance = case_in_state(State.RESOLVED)
    section = _history_section(officer_client.get(_case_page(grievance)).content.decode())
    assert ">Түүх</h2>" in section
    assert "<td>Дараагийн шатанд шилжүүлсэн</td>" not in section  # not escalated: no such line
    assert "<td>Хүлээн авснаа мэдэгдсэн</td>" in section  # Acknowledged
    assert "<td>Шийдвэрлэж байгаа → Шийдвэрлэсэн</td>" in section  # status: Resolving → Resolved
    assert "<td>1-р шат: бүртгэх, хүлээн авснаа мэдэгдэх</td>" in section
    assert "resolving" not in section and "resolved" not in section


def test_the_case_page_folds_the_views_in_mongolian(officer_client):
    officer_client.defaults["HTTP_ACCEPT_LANGUAGE"] = "mn"
    grievance = _registered_long_ago()
    _viewed(grievance, officer_client.user, 5, (2025, 3, 4))
    section = _history_section(officer_client.get(_case_page(grievance)).content.decode())
    name = officer_client.user.username
    assert f"2025-03-04 өдөр {name} өргөдөл гаргагчийн мэдээллийг 5 удаа үзсэн" in section
    assert section.count("өргөдөл гаргагчийн мэдээллийг") == 2  # those five, and this showing of the page


def test_a_psc_member_sees_the_history_of_a_case_assigned_to_them(client):
    member = user_with_role(roles.PSC_MEMBER)
    grievance = services.grievance_assign(grievance=register_grievance(), actor=None, assignee=member)
    client.force_login(member)
    section = _history_section(client.get(_case_page(grievance)).content.decode())
    assert section.count("<tr>") == 3  # the heading, registered, assigned
