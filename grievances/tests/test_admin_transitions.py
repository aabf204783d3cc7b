"""The workflow panel of the admin case page: the buttons offered, the transitions they make, the refusals."""

import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django.utils.formats import date_format

from grievances import services
from grievances.models import EventType, Grievance, Stage, Status
from grievances.tests.factories import case_in_state, register_grievance, user_with_role
from grievances.workflow import Action, State
from smartgov import roles

pytestmark = pytest.mark.django_db
BUTTON = re.compile(r'<button type="submit" name="action" value="(\w+)">')


def _case_page(grievance):
    return reverse("admin:grievances_grievance_change", args=[grievance.pk])


def _transition_url(grievance, action):
    return reverse("admin:grievances_grievance_transition", args=[grievance.pk, action])


def _buttons(response):
    assert response.status_code == 200
    return BUTTON.findall(response.content.decode())


def _messages(response):
    return [str(message) for message in response.context["messages"]]


def _snapshot(grievance):
    """What a refused transition must leave as it was."""
    fresh = Grievance.objects.get(pk=grievance.pk)
    fields = (
        "status",
        "stage",
        "assigned_to_id",
        "acknowledged_at",
        "closed_at",
        "due_on",
        "referred_to",
        "summary_mn",
        "summary_en",
        "actions_taken_mn",
        "actions_taken_en",
        "resolved_on",
    )
    return [getattr(fresh, name) for name in fields] + [
        fresh.events.exclude(event_type=EventType.COMPLAINANT_VIEWED).count()
    ]


@pytest.fixture(autouse=True)
def _pages_in_english(client):
    """Read the messages in English; the Mongolian ones are checked by the translation test."""
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"


@pytest.fixture
def psc_member():
    return user_with_role(roles.PSC_MEMBER)


@pytest.mark.parametrize(
    ("state", "buttons"),
    [
        (State.REGISTERED, ["acknowledge", "mark_unrelated", "assign"]),
        (State.IN_PROGRESS, ["mark_unrelated", "assign", "escalate", "resolve", "request_information"]),
        (State.AWAITING_COMPLAINANT, ["assign", "information_received"]),
        (State.RESOLVED, ["reopen", "close"]),
        (State.UNRELATED, ["reopen", "close"]),
        (State.CLOSED, ["reopen"]),
    ],
)
def test_the_officer_sees_exactly_the_buttons_the_state_allows(officer_client, state, buttons):
    grievance = case_in_state(state)
    response = officer_client.get(_case_page(grievance))
    assert _buttons(response) == buttons
    assert str(state.label) in response.content.decode()


def test_the_panel_shows_the_deadline_and_that_it_has_passed(officer_client):
    grievance = register_grievance()  # received in 2020, never acknowledged
    page = officer_client.get(_case_page(grievance)).content.decode()
    with translation.override("en"):
        assert date_format(grievance.due_on) in page
    assert '<strong class="overdue">(overdue)</strong>' in page


def test_every_field_of_the_panel_has_a_label(officer_client):
    page = officer_client.get(_case_page(case_in_state(State.IN_PROGRESS))).content.decode()
    panel = page[page.index('<section id="workflow"') : page.index("</section>")]
    field_ids = re.findall(r'<(?:input|select|textarea)[^>]*\bid="([^"]+)"', panel)
    assert field_ids, "the panel has fields"
    for field_id in field_ids:
        assert f'<label for="{field_id}">' in panel


def test_escalation_offers_only_the_stages_above_the_current_one(officer_client):
    grievance = services.grievance_escalate(grievance=case_in_state(State.IN_PROGRESS), actor=None, stage=Stage.PIU)
    form = next(
        item["form"]
        for item in officer_client.get(_case_page(grievance)).context["workflow"]["transitions"]
        if item["action"] == "escalate"
    )
    assert [value for value, _label in form.fields["stage"].choices] == [3, 4]


def test_a_case_at_the_last_stage_offers_no_escalation(officer_client):
    grievance = services.grievance_escalate(
        grievance=case_in_state(State.IN_PROGRESS), actor=None, stage=Stage.HIGHER_AUTHORITY
    )
    assert "escalate" not in _buttons(officer_client.get(_case_page(grievance)))


def test_a_psc_member_gets_the_buttons_of_their_role_on_their_case(client, psc_member):
    grievance = services.grievance_assign(grievance=case_in_state(State.IN_PROGRESS), actor=None, assignee=psc_member)
    client.force_login(psc_member)
    assert _buttons(client.get(_case_page(grievance))) == ["escalate", "resolve", "request_information"]


def test_a_safeguards_specialist_reads_the_state_but_gets_no_buttons(client):
    client.force_login(user_with_role(roles.SAFEGUARDS_SPECIALIST))
    response = client.get(_case_page(register_grievance()))
    assert _buttons(response) == []
    assert "There is no step you may take on this case now." in response.content.decode()


def _with_actions_taken(grievance):
    Grievance.objects.filter(pk=grievance.pk).update(
        actions_taken_mn="Хуулийн төслийг илгээсэн", actions_taken_en="Sent the draft law", response_way="email"
    )
    return grievance


@pytest.mark.parametrize(
    ("state", "action", "data", "event_type", "expected"),
    [
        (State.REGISTERED, "acknowledge", {}, EventType.ACKNOWLEDGED, {"status": Status.RESOLVING}),
        (
            State.REGISTERED,
            "mark_unrelated",
            {"mark_unrelated-referred_to": "Tax office"},
            EventType.MARKED_UNRELATED,
            {"status": Status.UNRELATED, "referred_to": "Tax office"},
        ),
        (State.IN_PROGRESS, "escalate", {"escalate-stage": "3"}, EventType.ESCALATED, {"stage": 3}),
        (
            State.IN_PROGRESS,
            "resolve",
            {"resolve-response_way": "phone", "resolve-actions_taken_en": "Called the complainant"},
            EventType.RESOLVED,
            {
                "status": Status.RESOLVED,
                "response_way": "phone",
                "actions_taken_en": "Called the complainant",
                "actions_taken_mn": "Хуулийн төслийг илгээсэн",  # kept: nothing was typed in its box
            },
        ),
        (State.CLOSED, "reopen", {}, EventType.REOPENED, {"status": Status.RESOLVING, "closed_at": None}),
        (State.RESOLVED, "close", {}, EventType.CLOSED, {"status": Status.RESOLVED}),
    ],
)
def test_each_transition_through_the_page_calls_its_service(officer_client, state, action, data, event_type, expected):
    grievance = _with_actions_taken(case_in_state(state))
    response = officer_client.post(
        _transition_url(grievance, action), {f"{action}-note": "From the case page", **data}, follow=True
    )
    assert response.redirect_chain == [(_case_page(grievance), 302)]
    assert _messages(response) == [f"Case {grievance.registered_no}: “{Action(action).label}” done."]
    grievance.refresh_from_db()
    assert {name: getattr(grievance, name) for name in expected} == expected
    event = grievance.events.exclude(event_type=EventType.COMPLAINANT_VIEWED).latest("id")
    assert (event.event_type, event.actor, event.note) == (event_type, officer_client.user, "From the case page")


def test_assigning_through_the_page_gives_the_case_to_the_chosen_person(officer_client, psc_member):
    grievance = register_grievance()
    response = officer_client.post(
        _transition_url(grievance, "assign"), {"assign-assignee": psc_member.pk}, follow=True
    )
    assert _messages(response) == [f"Case {grievance.registered_no}: “Assign” done."]
    grievance.refresh_from_db()
    assert grievance.assigned_to == psc_member
    assert grievance.events.filter(event_type=EventType.ASSIGNED, actor=officer_client.user).exists()


def test_the_assignee_choices_are_the_active_people_who_may_handle_cases(officer_client, psc_member):
    user_with_role(roles.WORLD_BANK_VIEWER, username="viewer")
    user_with_role(roles.PSC_MEMBER, username="former-member", is_active=False)
    response = officer_client.get(_case_page(register_grievance()))
    form = next(item["form"] for item in response.context["workflow"]["transitions"] if item["action"] == "assign")
    assert set(form.fields["assignee"].queryset) == {officer_client.user, psc_member}


def _panel(response):
    page = response.content.decode()
    return page[page.index('<section id="workflow"') : page.index("</section>")]


def test_the_resolve_form_is_prefilled_with_each_language_s_saved_copy(officer_client):
    grievance = _with_actions_taken(case_in_state(State.IN_PROGRESS))
    panel = _panel(officer_client.get(_case_page(grievance)))
    assert re.search(r'<textarea name="resolve-actions_taken_en"[^>]*>\s*Sent the draft law</textarea>', panel)
    assert re.search(r'<textarea name="resolve-actions_taken_mn"[^>]*>\s*Хуулийн төслийг илгээсэн</textarea>', panel)
    assert re.search(r'<textarea name="resolve-summary_mn"[^>]*>\s*Нээлттэй өгөгдлийн тухай', panel)


@pytest.mark.parametrize(
    ("name", "language", "label"),
    [
        ("summary_mn", "mn", "public summary — Mongolian"),
        ("summary_en", "en", "public summary — English"),
        ("actions_taken_mn", "mn", "summary of actions taken — Mongolian"),
        ("actions_taken_en", "en", "summary of actions taken — English"),
        ("public_answer_mn", "mn", "answer to the complainant — Mongolian"),
        ("public_answer_en", "en", "answer to the complainant — English"),
        ("public_answer_kk", "kk", "answer to the complainant — Kazakh"),
    ],
)
def test_each_text_box_of_the_panel_and_of_the_case_form_says_its_language(officer_client, name, language, label):
    page = officer_client.get(_case_page(case_in_state(State.IN_PROGRESS))).content.decode()
    for box in (f"resolve-{name}", name):  # the panel's box, then the case form's
        assert re.search(rf'<textarea name="{box}"[^>]*\blang="{language}"', page), box
        assert re.search(rf'<label for="id_{box}"[^>]*>{label}:?</label>', page, re.IGNORECASE), box


def test_the_texts_of_the_panel_and_of_the_case_form_have_their_own_ids_and_labels(officer_client):
    page = officer_client.get(_case_page(case_in_state(State.IN_PROGRESS))).content.decode()
    ids = re.findall(r'\bid="([^"]+)"', page)
    assert len(ids) == len(set(ids)), "every id on the page is unique"
    # The case form has each text in each language (modeltranslation); the panel has its own boxes.
    for name in ("actions_taken_mn", "actions_taken_en", "resolve-actions_taken_mn", "resolve-actions_taken_en"):
        assert re.search(rf'<textarea name="{name}"[^>]* id="id_{name}"', page)
        assert f'<label for="id_{name}"' in page


def test_resolving_in_the_english_admin_stores_each_typed_text_in_its_own_language(officer_client):
    # A web case: the complainant's message only, no public summary yet.
    grievance = case_in_state(State.IN_PROGRESS, translations={}, message="Миний нэр Бат. Зам хаагдсан.")
    typed = {
        "summary_mn": "Замын ажлын улмаас эмнэлэг рүү орох зам хаагдсан",
        "summary_en": "Road works blocked the way to the clinic",
        "actions_taken_mn": "Тойруу зам нээсэн",
        "actions_taken_en": "Opened a detour",
        "public_answer_mn": "Өнөөдрөөс тойруу зам нээлттэй.",
        "public_answer_en": "A detour is open from today.",
        "public_answer_kk": "Бүгіннен бастап айналма жол ашық.",
    }
    data = {f"resolve-{name}": value for name, value in typed.items()}
    response = officer_client.post(
        _transition_url(grievance, "resolve"), {**data, "resolve-response_way": "email"}, follow=True
    )
    assert _messages(response) == [f"Case {grievance.registered_no}: “Resolve” done."]
    grievance = Grievance.objects.get(pk=grievance.pk)
    assert {name: getattr(grievance, name) for name in typed} == typed
    assert grievance.message == "Миний нэр Бат. Зам хаагдсан."


def test_a_text_typed_in_one_language_s_box_is_never_written_into_another_language(officer_client):
    grievance = case_in_state(State.IN_PROGRESS)
    response = officer_client.post(
        _transition_url(grievance, "resolve"),
        {
            "resolve-actions_taken_mn": "Тойруу зам нээсэн",
            "resolve-actions_taken_en": "Opened a detour",
            "resolve-public_answer_mn": "Өнөөдрөөс тойруу зам нээлттэй.",
            "resolve-response_way": "email",
        },
        follow=True,
    )
    assert _messages(response) == [f"Case {grievance.registered_no}: “Resolve” done."]
    grievance = Grievance.objects.get(pk=grievance.pk)
    assert (grievance.public_answer_mn, grievance.public_answer_en or "", grievance.public_answer_kk) == (
        "Өнөөдрөөс тойруу зам нээлттэй.",
        "",
        "",
    )


def test_resolving_through_the_panel_stores_the_actions_taken_typed_there(officer_client):
    # The officer typed the summary in the panel without saving the case form first.
    grievance = _with_actions_taken(case_in_state(State.IN_PROGRESS))
    response = officer_client.post(
        _transition_url(grievance, "resolve"),
        {"resolve-actions_taken_en": "  Met the complainant and fixed the fence  ", "resolve-response_way": "meeting"},
        follow=True,
    )
    assert _messages(response) == [f"Case {grievance.registered_no}: “Resolve” done."]
    grievance.refresh_from_db()
    assert (grievance.status, grievance.actions_taken_en, grievance.response_way) == (
        Status.RESOLVED,
        "Met the complainant and fixed the fence",
        "meeting",
    )
    # The stage's record (SEP table 5) keeps one text: the Mongolian one.
    assert grievance.stage_resolutions.get(stage=grievance.stage).resolution == grievance.actions_taken_mn


@pytest.mark.parametrize("actions_taken_en", [None, "", "   \n "])
def test_resolving_without_the_english_actions_taken_is_refused_with_the_services_message(
    officer_client, actions_taken_en
):
    grievance = case_in_state(State.IN_PROGRESS)
    before = _snapshot(grievance)
    data = {"resolve-response_way": "email", "resolve-actions_taken_mn": "Уулзсан"}
    if actions_taken_en is not None:
        data["resolve-actions_taken_en"] = actions_taken_en
    response = officer_client.post(_transition_url(grievance, "resolve"), data, follow=True)
    assert _messages(response) == ["Write the actions taken in English before resolving the case."]
    assert 'id="id_resolve-actions_taken_en_error"' in _panel(response)
    assert _snapshot(grievance) == before


def test_resolving_without_an_english_summary_is_refused_next_to_that_field_keeping_what_was_typed(officer_client):
    grievance = case_in_state(State.IN_PROGRESS, translations={"summary_mn": "Зам хаагдсан"})
    before = _snapshot(grievance)
    typed = {
        "resolve-summary_mn": "Зам хаагдсан",  # as the browser sends it back, prefilled
        "resolve-summary_en": "",
        "resolve-actions_taken_mn": "Тойруу зам нээсэн",
        "resolve-actions_taken_en": "Opened a detour",
        "resolve-public_answer_en": "A detour is open from today.",
        "resolve-response_way": "email",
    }
    response = officer_client.post(_transition_url(grievance, "resolve"), typed, follow=True)
    assert _messages(response) == ["Write the public summary in English before resolving the case."]
    assert _snapshot(grievance) == before
    panel = _panel(response)
    error = panel.index('id="id_resolve-summary_en_error"')
    assert panel.index('<label for="id_resolve-summary_en"') < error < panel.index('name="resolve-summary_en"')
    for text in ("Зам хаагдсан", "Тойруу зам нээсэн", "Opened a detour", "A detour is open from today."):
        assert f"{text}</textarea>" in panel


def test_a_transition_the_state_no_longer_allows_is_refused(officer_client):
    # The page was opened before someone else acknowledged the case.
    grievance = case_in_state(State.IN_PROGRESS)
    before = _snapshot(grievance)
    response = officer_client.post(_transition_url(grievance, "acknowledge"), follow=True)
    assert _messages(response) == [
        f"“Acknowledge” cannot be done on case {grievance.registered_no} while it is “Being resolved”."
    ]
    assert _snapshot(grievance) == before


def test_marking_unrelated_without_the_body_is_refused(officer_client):
    grievance = register_grievance()
    before = _snapshot(grievance)
    response = officer_client.post(_transition_url(grievance, "mark_unrelated"), follow=True)
    assert _messages(response) == ["Say which body the unrelated case was referred to."]
    assert _snapshot(grievance) == before


def test_a_stage_that_is_not_offered_is_refused_as_bad_input(officer_client):
    grievance = services.grievance_escalate(grievance=case_in_state(State.IN_PROGRESS), actor=None, stage=Stage.PIU)
    before = _snapshot(grievance)
    response = officer_client.post(_transition_url(grievance, "escalate"), {"escalate-stage": "1"}, follow=True)
    [message] = _messages(response)
    assert message.startswith("escalate to: Select a valid choice.")
    assert _snapshot(grievance) == before


def test_a_psc_member_cannot_act_on_a_case_not_assigned_to_them(client, psc_member):
    grievance = case_in_state(State.IN_PROGRESS)
    before = _snapshot(grievance)
    client.force_login(psc_member)
    response = client.post(_transition_url(grievance, "escalate"), {"escalate-stage": "3", "escalate-note": "Not mine"})
    assert response.status_code == 404
    assert _snapshot(grievance) == before


def test_a_psc_member_is_refused_a_transition_of_the_officer(client, psc_member):
    grievance = services.grievance_assign(grievance=register_grievance(), actor=None, assignee=psc_member)
    before = _snapshot(grievance)
    client.force_login(psc_member)
    assert client.post(_transition_url(grievance, "acknowledge")).status_code == 403
    assert _snapshot(grievance) == before


def test_a_psc_member_is_told_when_their_case_is_already_resolved(client, psc_member):
    grievance = services.grievance_assign(grievance=case_in_state(State.IN_PROGRESS), actor=None, assignee=psc_member)
    grievance = services.grievance_resolve(
        grievance=grievance, actor=None, actions_taken_mn="Met", actions_taken_en="Met", response_way="meeting"
    )
    before = _snapshot(grievance)
    client.force_login(psc_member)
    response = client.post(_transition_url(grievance, "resolve"), {"resolve-response_way": "email"}, follow=True)
    assert _messages(response) == [
        f"“Resolve” cannot be done on case {grievance.registered_no} while it is “Resolved”."
    ]
    assert _snapshot(grievance) == before


@pytest.mark.parametrize("role", [roles.WORLD_BANK_VIEWER, roles.SAFEGUARDS_SPECIALIST])
def test_roles_without_the_right_get_403(client, role):
    grievance = register_grievance()
    before = _snapshot(grievance)
    client.force_login(user_with_role(role))
    assert client.post(_transition_url(grievance, "acknowledge")).status_code == 403
    assert _snapshot(grievance) == before


def test_anonymous_visitors_are_sent_to_sign_in(client):
    grievance = register_grievance()
    response = client.post(_transition_url(grievance, "acknowledge"))
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")
    assert grievance.events.count() == 1


def test_get_is_not_allowed(officer_client):
    grievance = register_grievance()
    assert officer_client.get(_transition_url(grievance, "acknowledge")).status_code == 405
    assert grievance.events.count() == 1


def test_an_unknown_action_or_case_is_404(officer_client):
    grievance = register_grievance()
    assert officer_client.post(_transition_url(grievance, "delete")).status_code == 404
    assert (
        officer_client.post(reverse("admin:grievances_grievance_transition", args=[0, "acknowledge"])).status_code
        == 404
    )


def test_a_post_without_the_csrf_token_is_refused(officer_client):
    grievance = register_grievance()
    client = Client(enforce_csrf_checks=True)
    client.force_login(officer_client.user)
    assert client.post(_transition_url(grievance, "acknowledge")).status_code == 403
    assert grievance.events.count() == 1


# Session, user, the user's and their groups' permissions, the case, the complainant_viewed event, the case again
# for the change form, its stage resolutions, attachments, referral letters, events and complainant, the assignee
# choices, the active referral bodies offered by "mark unrelated", and its calls to the complainant (the "Call the
# complainant" section, one query with who made them).
CASE_PAGE_QUERIES = 15
# Session, user, permissions (2), the case, then the service: savepoint, the case locked, the working days,
# savepoint, the stage resolution looked up, savepoint, inserted, two releases, the case saved, its event, the
# complainant looked up for the resolution message (none: no e-mail), the calendar for the "was it resolved?"
# period, release.
TRANSITION_QUERIES = 19


@pytest.mark.parametrize("handlers_and_events", [0, 10])
def test_the_case_page_runs_the_same_queries_however_many_handlers_and_events(
    officer_client, django_assert_num_queries, handlers_and_events
):
    grievance = register_grievance()
    for number in range(handlers_and_events):
        user_with_role(roles.PSC_MEMBER, username=f"member{number}")
        services.grievance_assign(grievance=grievance, actor=officer_client.user, assignee=None)
    # The first page of a process also fills Django's content-type cache: count the pages after it.
    officer_client.get(_case_page(grievance))
    with django_assert_num_queries(CASE_PAGE_QUERIES):
        response = officer_client.get(_case_page(grievance))
    assert response.status_code == 200


def test_a_transition_runs_a_fixed_number_of_queries(officer_client, django_assert_num_queries):
    grievance = case_in_state(State.IN_PROGRESS)
    with django_assert_num_queries(TRANSITION_QUERIES):
        response = officer_client.post(
            _transition_url(grievance, "resolve"),
            {
                "resolve-actions_taken_mn": "Утсаар ярьсан",
                "resolve-actions_taken_en": "Called the complainant",
                "resolve-response_way": "phone",
            },
        )
    assert response.status_code == 302
    grievance.refresh_from_db()
    assert grievance.status == Status.RESOLVED


def test_the_panel_speaks_mongolian_by_default(officer_client):
    # No Accept-Language header and no language cookie: the site's default language.
    del officer_client.defaults["HTTP_ACCEPT_LANGUAGE"]
    page = officer_client.get(_case_page(register_grievance())).content.decode()
    assert "Шийдвэрлэлтийн явцын үйлдэл" in page  # the panel's heading, "Workflow actions"
    assert "Хариуцагч томилох" in page  # the Assign button


def test_the_resolve_form_never_prefills_the_other_language_s_text(officer_client):
    grievance = case_in_state(State.IN_PROGRESS)
    Grievance.objects.filter(pk=grievance.pk).update(actions_taken_mn="Хариу илгээв", actions_taken_en="")
    panel = _panel(officer_client.get(_case_page(grievance)))  # in English
    assert re.search(r'<textarea name="resolve-actions_taken_en"[^>]*>\s*</textarea>', panel)
    assert panel.count("Хариу илгээв") == 1
    assert re.search(r'<textarea name="resolve-actions_taken_mn"[^>]*>\s*Хариу илгээв</textarea>', panel)


def test_a_refused_resolve_keeps_what_was_typed_and_says_why_next_to_the_field(officer_client):
    grievance = case_in_state(State.IN_PROGRESS)
    typed = {
        "resolve-actions_taken_mn": "Сумын албанд уулзсан",
        "resolve-actions_taken_en": "Met the complainant at the soum office",
        "resolve-public_answer_en": "The fence will be moved next week.",
        "resolve-response_way": "",
    }
    response = officer_client.post(_transition_url(grievance, "resolve"), typed, follow=True)
    assert _messages(response) == ["Choose the way the answer was given to the complainant."]
    panel = response.content.decode()
    panel = panel[panel.index('<section id="workflow"') : panel.index("</section>")]
    assert "Met the complainant at the soum office</textarea>" in panel
    assert "The fence will be moved next week.</textarea>" in panel
    assert 'id="id_resolve-response_way_error"' in panel
    # Shown once: the next visit is the page as it is.
    again = officer_client.get(_case_page(grievance)).content.decode()
    assert "Met the complainant at the soum office" not in again


def test_a_form_error_also_keeps_the_typed_values(officer_client):
    grievance = services.grievance_escalate(grievance=case_in_state(State.IN_PROGRESS), actor=None, stage=Stage.PIU)
    response = officer_client.post(
        _transition_url(grievance, "escalate"), {"escalate-stage": "1", "escalate-note": "Board meeting"}, follow=True
    )
    panel = response.content.decode()
    panel = panel[panel.index('<section id="workflow"') : panel.index("</section>")]
    assert 'value="Board meeting"' in panel
    assert 'id="id_escalate-stage_error"' in panel
