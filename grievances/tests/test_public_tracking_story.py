"""The tracking page tells the story of a case and takes the complainant's answers (reply, "was it resolved?")."""

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile

from grievances import complainant_side, selectors, services, tracking
from grievances.models import Attachment, EventType, Grievance, Satisfaction, Stage, State
from grievances.tests.factories import case_in_state, user_with_role
from grievances.tests.public_helpers import pdf, public_setup  # noqa: F401
from smartgov import roles
from smartgov.written_dates import written_date

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("public_setup")]

CODE = "ABCD-EFGH-JKMN"
LANGUAGES = ["mn", "en", "kk"]


def tracked(state, **overrides):
    """A case in `state` whose tracking code is CODE."""
    grievance = case_in_state(state, **overrides)
    Grievance.objects.filter(pk=grievance.pk).update(tracking_code_hash=tracking.tracking_code_hash(CODE))
    return Grievance.objects.get(pk=grievance.pk)


def open_page(client, grievance, language="en", **data):
    body = {"registered_no": grievance.registered_no, "code": CODE, **data}
    return client.post(f"/{language}/grievances/track/", body)


def html_of(response):
    return response.content.decode()


# --- what the page says in each state -------------------------------------------------------

NEXT_STEP = {
    State.REGISTERED: {
        "mn": "Бид таны санал хүсэлтийг хүлээн авснаа баталгаажуулж",
        "en": "We will confirm that we received your feedback",
        "kk": "Біз сіздің кері байланысыңызды алғанымызды растап",
    },
    State.IN_PROGRESS: {
        "mn": "Төслийн баг таны хэргийг судалж",
        "en": "The project team is looking into your case",
        "kk": "Жоба тобы сіздің ісіңізді қарап",
    },
    State.AWAITING_COMPLAINANT: {
        "mn": "Бид асуултын хариуг тань хүлээж байна",
        "en": "We are waiting for your answer to our question.",
        "kk": "Біз сұрағымызға жауабыңызды күтіп отырмыз",
    },
    State.RESOLVED: {
        "mn": "Таны асуудал шийдэгдсэн эсэхийг",
        "en": "whether your issue was resolved",
        "kk": "Мәселеңіз шешілген-шешілмегенін",
    },
    State.UNRELATED: {
        "mn": "Таны санал хүсэлт төсөлтэй холбоогүй",
        "en": "Your feedback is not about the project",
        "kk": "Сіздің кері байланысыңыз жобаға қатысты емес",
    },
    State.CLOSED: {
        "mn": "Хэрэг хаагдсан.",
        "en": "The case is closed.",
        "kk": "Іс жабылды.",
    },
}


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("state", list(NEXT_STEP))
def test_every_state_says_what_happens_next_in_the_page_language(client, state, language):
    grievance = tracked(state)
    html = html_of(open_page(client, grievance, language))
    assert NEXT_STEP[state][language] in html
    assert ('id="reply"' in html) == grievance.is_open
    assert ('id="resolution"' in html) == (state == State.RESOLVED)
    assert 'id="world-bank"' in html


def test_a_registered_case_gives_the_acknowledgement_deadline(client):
    grievance = tracked(State.REGISTERED)
    html = html_of(open_page(client, grievance, "mn"))
    assert written_date(grievance.due_on, "mn") in html
    assert "Бид таны санал хүсэлтийг хүлээн авлаа." in html  # the timeline's first entry


def test_a_resolved_case_asks_until_when_the_question_is_open(client):
    grievance = tracked(State.RESOLVED)
    html = html_of(open_page(client, grievance))
    assert written_date(grievance.satisfaction_due_on, "en") in html
    assert "Was your issue resolved?" in html


def test_while_awaiting_the_page_shows_the_question_above_the_reply_form(client):
    grievance = tracked(State.AWAITING_COMPLAINANT)
    html = html_of(open_page(client, grievance, "mn"))
    assert 'class="reply awaited"' in html
    assert '<blockquote class="question" id="question">Which road?</blockquote>' in html
    assert "Бидэнд танаас нэмэлт мэдээлэл хэрэгтэй байна" in html


def test_an_unrelated_case_names_the_body_it_was_referred_to(client):
    grievance = tracked(State.UNRELATED)
    html = html_of(open_page(client, grievance, "mn"))
    assert '<dd id="referred-to">Tax office</dd>' in html
    assert "There is no answer yet" not in html and "Хариу хараахан өгөөгүй" not in html


# --- the answer in the page's language ------------------------------------------------------


def _answered(**answers):
    grievance = tracked(State.RESOLVED)
    Grievance.objects.filter(pk=grievance.pk).update(**answers)
    return grievance


@pytest.mark.parametrize(
    ("answers", "language", "shown", "shown_in", "note"),
    [
        ({"public_answer_mn": "Зам засагдсан.", "public_answer_en": "Road fixed."}, "mn", "Зам засагдсан.", "mn", ""),
        ({"public_answer_mn": "Зам засагдсан.", "public_answer_en": "Road fixed."}, "en", "Road fixed.", "en", ""),
        ({"public_answer_mn": "Зам засагдсан.", "public_answer_kk": "Жол жөнделді."}, "kk", "Жол жөнделді.", "kk", ""),
        ({"public_answer_mn": "Зам засагдсан."}, "en", "Зам засагдсан.", "mn", "Language of the answer: Mongolian."),
        ({"public_answer_mn": "Зам засагдсан."}, "kk", "Зам засагдсан.", "mn", "Жауаптың тілі: Моңғол."),
        ({"public_answer_en": "Road fixed."}, "mn", "Road fixed.", "en", "Хариултын хэл: Англи."),
        ({"public_answer_kk": "Жол жөнделді."}, "en", "Жол жөнделді.", "kk", "Language of the answer: Kazakh."),
    ],
)
def test_the_answer_is_in_the_page_language_or_says_which_language_it_is_in(
    client, answers, language, shown, shown_in, note
):
    grievance = _answered(actions_taken_mn="", actions_taken_en="", **answers)
    html = html_of(open_page(client, grievance, language))
    assert f'<div class="answer" id="answer" lang="{shown_in}">{shown}</div>' in html
    if note:
        assert note in html
    else:
        assert 'id="answer-note"' not in html


@pytest.mark.parametrize("state", [State.RESOLVED, State.CLOSED])
def test_a_finished_case_without_an_answer_shows_the_actions_taken_never_no_answer_yet(client, state):
    grievance = tracked(state)
    Grievance.objects.filter(pk=grievance.pk).update(
        public_answer_mn="", public_answer_en="", actions_taken_mn="", actions_taken_en="Sent the draft law"
    )
    for language, no_answer in (("en", "There is no answer yet"), ("mn", "Хариу хараахан")):
        html = html_of(open_page(client, grievance, language))
        assert '<div class="answer" id="answer" lang="en">Sent the draft law</div>' in html
        assert no_answer not in html
    assert "Төслийн баг тусдаа хариу бичээгүй" in html


# --- the timeline ---------------------------------------------------------------------------


def _full_story():
    """A case that went through every public step and several staff-side ones."""
    officer = user_with_role(roles.PIU_OFFICER)
    grievance = tracked(State.IN_PROGRESS)
    grievance = services.grievance_assign(grievance=grievance, actor=None, assignee=officer, note="Staff note A")
    grievance = services.grievance_request_information(
        grievance=grievance, actor=officer, message="Which bridge?", note="Staff note B"
    )
    grievance = complainant_side.grievance_complainant_reply(grievance=grievance, text="The wooden one, said secret")
    grievance = services.grievance_escalate(grievance=grievance, actor=officer, stage=Stage.PIU, note="Staff note C")
    grievance = services.grievance_resolve(
        grievance=grievance,
        actor=officer,
        actions_taken_mn="Repaired",
        actions_taken_en="Repaired",
        response_way="email",
        note="Staff note D",
    )
    grievance = services.grievance_appeal(grievance=grievance, reason="Still broken, private reason")
    services.grievance_update(grievance=grievance, actor=officer, data={"internal_notes": "Internal remark E"})
    services.grievance_complainant_viewed(grievance=grievance, actor=officer)
    services.grievance_event_record(grievance=grievance, event_type=EventType.NOTIFIED, data={"way": "email"})
    return Grievance.objects.get(pk=grievance.pk), officer


def test_the_timeline_tells_the_public_steps_in_order_in_one_query(django_assert_num_queries):
    grievance, _officer = _full_story()
    with django_assert_num_queries(1):
        timeline = selectors.grievance_public_timeline(grievance=grievance)
    assert [event.event_type for event in timeline] == [
        EventType.REGISTERED,
        EventType.ACKNOWLEDGED,
        EventType.INFORMATION_REQUESTED,
        EventType.COMPLAINANT_REPLIED,
        EventType.ESCALATED,
        EventType.RESOLVED,
        EventType.APPEALED,
    ]
    assert timeline[2].question == "Which bridge?"


def test_the_page_never_shows_notes_the_assignee_the_reply_or_staff_side_events(client):
    grievance, officer = _full_story()
    html = html_of(open_page(client, grievance))
    assert "Which bridge?" in html
    assert "You added information to your case." in html
    assert "You told us your issue was not resolved." in html
    assert "Stage 3: Project Steering Committee" in html
    for secret in ("Staff note", "Internal remark", "said secret", "private reason", officer.username):
        assert secret not in html
    for staff_event in ("Complainant notified", "Complainant details viewed", "Assigned", "Updated"):
        assert staff_event not in html


def test_an_officer_recorded_answer_is_in_the_timeline_but_a_page_reply_is_told_once(client):
    officer = user_with_role(roles.PIU_OFFICER)
    grievance = tracked(State.AWAITING_COMPLAINANT)
    services.grievance_information_receive(grievance=grievance, actor=officer, note="Said it on the phone")
    html = html_of(open_page(client, grievance))
    assert "We recorded the information you gave us." in html
    assert "Said it on the phone" not in html


def test_unrelated_closed_and_reopened_steps_are_told(client):
    grievance = tracked(State.UNRELATED)
    grievance = services.grievance_close(grievance=grievance, actor=None)
    grievance = services.grievance_reopen(grievance=grievance, actor=None)
    html = html_of(open_page(client, grievance, "mn"))
    assert "Таны санал хүсэлт төсөлтэй холбоогүй болохыг тогтоож дараах байгууллагад шилжүүлсэн: Tax office." in html
    assert "Хэрэг хаагдсан." in html
    assert "Хэргийг дахин нээж, дахин судалж байна." in html


def test_the_tracking_page_costs_a_fixed_number_of_queries(client, django_assert_num_queries):
    grievance, _officer = _full_story()
    open_page(client, grievance)  # warm the session-free caches (translations, templates)
    with django_assert_num_queries(2):  # the case with its complainant, the timeline
        response = open_page(client, grievance)
    assert response.status_code == 200


# --- anonymous filers and the World Bank's routes -------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_anonymous_filer_is_told_the_grs_takes_no_anonymous_complaints(client, language):
    anonymous = tracked(State.IN_PROGRESS)
    named = tracked(State.IN_PROGRESS, complainant={"name": "Bat"})
    assert 'id="anonymous-grs"' in html_of(open_page(client, anonymous, language))
    assert 'id="anonymous-grs"' not in html_of(open_page(client, named, language))


def test_the_public_form_tells_anonymous_filers_about_the_grs(client):
    html = html_of(client.get("/mn/grievances/new/"))
    assert "нэрээ нууцалсан гомдлыг хүлээн авдаггүй" in html


def test_the_world_bank_routes_are_always_offered_with_their_addresses(client):
    html = html_of(open_page(client, tracked(State.REGISTERED)))
    assert '<details class="world-bank" id="world-bank"' in html
    assert "https://www.worldbank.org/en/projects-operations/products-and-services/grievance-redress-service" in html
    assert "https://www.inspectionpanel.org" in html


@pytest.mark.parametrize("language", LANGUAGES)
def test_at_stage_4_the_world_bank_routes_replace_the_appeal(client, language):
    grievance = tracked(State.IN_PROGRESS)
    grievance = services.grievance_escalate(grievance=grievance, actor=None, stage=Stage.HIGHER_AUTHORITY)
    services.grievance_resolve(
        grievance=grievance,
        actor=None,
        actions_taken_mn="Court ruled",
        actions_taken_en="Court ruled",
        response_way="letter",
    )
    html = html_of(open_page(client, grievance, language))
    assert 'class="world-bank prominent"' in html
    assert 'value="no"' not in html
    assert 'name="resolved" value="yes"' in html


# --- "was your issue resolved?" -------------------------------------------------------------


def test_yes_closes_the_case_and_says_so(client):
    grievance = tracked(State.RESOLVED)
    response = open_page(client, grievance, "mn", action="resolution", resolved="yes")
    grievance.refresh_from_db()
    assert (grievance.state, grievance.satisfaction) == (State.CLOSED, Satisfaction.RESOLVED)
    html = html_of(response)
    assert "Баярлалаа. Таны асуудал шийдэгдсэн гэж хэлсэн тул хэргийг хаалаа." in html
    assert 'id="resolution"' not in html


def test_no_with_a_reason_takes_the_case_to_the_next_stage(client):
    grievance = tracked(State.RESOLVED)
    response = open_page(client, grievance, action="resolution", resolved="no", reason="The hole is still there.")
    grievance.refresh_from_db()
    assert (grievance.state, grievance.stage, grievance.satisfaction) == (
        State.IN_PROGRESS,
        Stage.PIU,
        Satisfaction.NOT_RESOLVED,
    )
    html = html_of(response)
    assert "Your case has been taken to the next stage: Stage 2" in html
    assert "The hole is still there." not in html  # the reason is the complainant's own words


@pytest.mark.parametrize(("language", "message"), [("en", "Tell us why the issue is not resolved."), ("mn", None)])
def test_no_without_a_reason_changes_nothing_and_says_why(client, language, message):
    grievance = tracked(State.RESOLVED)
    response = open_page(client, grievance, language, action="resolution", resolved="no", reason="  ")
    grievance.refresh_from_db()
    assert grievance.state == State.RESOLVED
    html = html_of(response)
    assert 'id="reason-error"' in html and 'href="#id_reason"' in html
    if message:
        assert message in html
    assert 'value="no" checked' in html  # the choice made is kept


def test_no_is_refused_at_stage_4(client):
    grievance = tracked(State.IN_PROGRESS)
    grievance = services.grievance_escalate(grievance=grievance, actor=None, stage=Stage.HIGHER_AUTHORITY)
    services.grievance_resolve(
        grievance=grievance,
        actor=None,
        actions_taken_mn="Court ruled",
        actions_taken_en="Court ruled",
        response_way="letter",
    )
    open_page(client, grievance, action="resolution", resolved="no", reason="Not fair")
    grievance.refresh_from_db()
    assert (grievance.state, grievance.stage) == (State.RESOLVED, Stage.HIGHER_AUTHORITY)


def test_an_answer_sent_again_after_the_case_closed_changes_nothing(client):
    grievance = tracked(State.RESOLVED)
    open_page(client, grievance, action="resolution", resolved="yes")
    response = open_page(client, grievance, action="resolution", resolved="no", reason="Changed my mind")
    grievance.refresh_from_db()
    assert grievance.state == State.CLOSED
    assert "Your case is no longer waiting for this answer" in html_of(response)


# --- adding information ---------------------------------------------------------------------


def test_a_reply_is_added_restarts_the_clock_and_is_thanked_for(client):
    grievance = tracked(State.AWAITING_COMPLAINANT)
    response = open_page(client, grievance, "kk", action="reply", text="The bridge near the school.")
    grievance.refresh_from_db()
    assert grievance.state == State.IN_PROGRESS
    assert grievance.events.filter(event_type=EventType.COMPLAINANT_REPLIED).get().note == (
        "The bridge near the school."
    )
    html = html_of(response)
    assert 'id="done"' in html
    assert "The bridge near the school." not in html  # never shown back


def test_a_reply_with_a_file_stores_it(client):
    grievance = tracked(State.IN_PROGRESS)
    body = {"registered_no": grievance.registered_no, "code": CODE, "action": "reply", "text": "", "attachments": pdf()}
    response = client.post("/en/grievances/track/", body)
    assert 'id="done"' in html_of(response)
    assert Attachment.objects.get(grievance=grievance).content_type == "application/pdf"


def test_an_empty_reply_is_refused_in_the_page_language(client):
    grievance = tracked(State.IN_PROGRESS)
    response = open_page(client, grievance, "mn", action="reply", text="   ")
    assert not grievance.events.filter(event_type=EventType.COMPLAINANT_REPLIED).exists()
    html = html_of(response)
    assert 'href="#id_text"' in html and 'id="text-error"' in html
    assert 'id="done"' not in html


def test_a_refused_file_keeps_the_text_and_the_accepted_file(client):
    grievance = tracked(State.IN_PROGRESS)
    body = {
        "registered_no": grievance.registered_no,
        "code": CODE,
        "action": "reply",
        "text": "Here is the letter.",
        "attachments": [pdf("good.pdf"), _not_a_pdf()],
    }
    html = html_of(client.post("/en/grievances/track/", body))
    assert "Here is the letter.</textarea>" in html
    assert 'name="keep_attachment"' in html and "good.pdf" in html
    assert not grievance.events.filter(event_type=EventType.COMPLAINANT_REPLIED).exists()


def _not_a_pdf():
    return SimpleUploadedFile("virus.pdf", b"MZ\x90\x00 a program", content_type="application/pdf")


def test_a_reply_sent_twice_is_added_once(client):
    grievance = tracked(State.IN_PROGRESS)
    token = "6f1c3f5e-0b7a-4f43-9a55-1d2a6b0f7c11"
    for _attempt in range(2):
        response = open_page(client, grievance, action="reply", text="Once", submission_token=token)
        assert 'id="done"' in html_of(response)
    assert grievance.events.filter(event_type=EventType.COMPLAINANT_REPLIED).count() == 1


def test_a_closed_case_takes_no_reply(client):
    grievance = tracked(State.CLOSED)
    response = open_page(client, grievance, action="reply", text="Hello")
    assert 'id="reply"' not in html_of(response)
    assert not grievance.events.filter(event_type=EventType.COMPLAINANT_REPLIED).exists()


# --- a wrong number or code gets nothing ----------------------------------------------------


@pytest.mark.parametrize(
    "answer",
    [
        {"action": "resolution", "resolved": "yes"},
        {"action": "resolution", "resolved": "no", "reason": "Not fixed"},
        {"action": "reply", "text": "Let me in"},
    ],
)
def test_a_wrong_code_on_an_answer_changes_nothing_and_counts_as_a_failure(client, settings, answer):
    settings.GRM_TRACKING_FAILURE_RATE_LIMIT = "2/h"
    grievance = tracked(State.RESOLVED)
    before = list(grievance.events.values_list("id", flat=True))
    body = {"registered_no": grievance.registered_no, "code": "AAAA-BBBB-CCCC", **answer}
    for _attempt in range(2):
        response = client.post("/en/grievances/track/", body)
        assert response.context["not_found"] and "grievance" not in response.context
    grievance.refresh_from_db()
    assert grievance.state == State.RESOLVED
    assert list(grievance.events.values_list("id", flat=True)) == before
    assert open_page(client, grievance, **answer).status_code == 429  # the right code now waits too
    cache.clear()


def test_a_reply_is_not_lost_when_the_cache_is_down(client, monkeypatch):
    def down(*args, **kwargs):
        raise ConnectionError("Redis is down")

    monkeypatch.setattr(cache, "add", down)
    grievance = tracked(State.IN_PROGRESS)
    token = "6f1c3f5e-0b7a-4f43-9a55-1d2a6b0f7c12"
    response = open_page(client, grievance, action="reply", text="Still there", submission_token=token)
    assert 'id="done"' in html_of(response)
    assert grievance.events.filter(event_type=EventType.COMPLAINANT_REPLIED).count() == 1


def test_a_refused_reply_can_be_sent_again_once_corrected(client):
    grievance = tracked(State.IN_PROGRESS)
    token = "6f1c3f5e-0b7a-4f43-9a55-1d2a6b0f7c13"
    open_page(client, grievance, action="reply", text="  ", submission_token=token)  # empty: refused
    response = open_page(client, grievance, action="reply", text="Now with text", submission_token=token)
    assert 'id="done"' in html_of(response)
    assert grievance.events.get(event_type=EventType.COMPLAINANT_REPLIED).note == "Now with text"


def test_a_resolved_case_never_asked_gets_no_question(client):
    # Resolved without opening the question, as cases imported from the old log are.
    grievance = tracked(State.RESOLVED)
    Grievance.objects.filter(pk=grievance.pk).update(satisfaction_due_on=None)
    html = html_of(open_page(client, grievance))
    assert 'id="resolution"' not in html
    response = open_page(client, grievance, action="resolution", resolved="yes")
    assert Grievance.objects.get(pk=grievance.pk).state == State.RESOLVED
    assert 'id="done"' not in html_of(response)


def test_replies_beyond_the_limit_are_refused_and_keep_what_was_typed(client, settings):
    settings.GRM_REPLY_RATE_LIMIT = "2/h"
    grievance = tracked(State.IN_PROGRESS)
    for number in range(2):
        assert 'id="done"' in html_of(open_page(client, grievance, action="reply", text=f"Reply {number}"))
    response = open_page(client, grievance, action="reply", text="One too many")
    assert response.status_code == 429
    assert "One too many" in html_of(response)
    assert grievance.events.filter(event_type=EventType.COMPLAINANT_REPLIED).count() == 2
