import uuid

import pytest
from django.utils import timezone

from grievances import tracking
from grievances.tests.factories import register_grievance
from grievances.tests.public_helpers import public_setup  # noqa: F401

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("public_setup")]

TRACK_URL = "/en/grievances/track/"


def new_code():
    return tracking.tracking_code_for_submission(uuid.uuid4(), browser_key="a browser")


def case_with_code(**overrides):
    grievance = register_grievance(**overrides)
    code = new_code()
    grievance.tracking_code_hash = tracking.tracking_code_hash(code)
    grievance.save(update_fields=["tracking_code_hash"])
    return grievance, code


def test_codes_are_readable_and_only_their_hash_matches():
    code = new_code()
    assert len(code) == 14 and code.count("-") == 2
    assert not set(code.replace("-", "")) & set("0O1IL")
    assert tracking.tracking_code_matches(code.lower().replace("-", " "), tracking.tracking_code_hash(code))
    assert not tracking.tracking_code_matches(new_code(), tracking.tracking_code_hash(code))
    assert not tracking.tracking_code_matches(code, "")


def test_a_submission_s_code_comes_from_its_token_the_browser_s_key_and_the_server_key(settings):
    token = "6f1c3f5e-0b7a-4f43-9a55-1d2a6b0f7c11"
    code = tracking.tracking_code_for_submission(token, browser_key="browser-a")
    assert tracking.tracking_code_for_submission(token, browser_key="browser-a") == code
    assert len(code) == 14 and code.count("-") == 2
    assert set(code.replace("-", "")) <= set(tracking.ALPHABET)
    assert (
        tracking.tracking_code_for_submission("0b7a6f1c-3f5e-4f43-9a55-1d2a6b0f7c11", browser_key="browser-a") != code
    )
    assert tracking.tracking_code_for_submission(token, browser_key="browser-b") != code
    settings.SECRET_KEY = "another-server-key-entirely"
    assert tracking.tracking_code_for_submission(token, browser_key="browser-a") != code


def test_number_and_code_show_status_stage_dates_and_public_answer_but_not_internal_notes(client):
    grievance, code = case_with_code()
    grievance.public_answer_en = "We have repaired the road."
    grievance.internal_notes = "Contractor is the director's cousin"
    grievance.resolved_on = timezone.localdate()
    grievance.save()
    response = client.post(TRACK_URL, {"registered_no": grievance.registered_no, "code": code})
    html = response.content.decode()
    assert response.status_code == 200
    assert "We have repaired the road." in html
    assert "Resolving" in html
    assert "Stage 1: registration and acknowledgement" in html
    assert "2020-07-31" in html
    assert "director's cousin" not in html
    assert "Contractor" not in html


def test_the_number_may_be_typed_loosely(client):
    grievance, code = case_with_code()
    typed = grievance.registered_no.upper().replace("/0", "/")
    response = client.post(TRACK_URL, {"registered_no": f" {typed} ", "code": code.lower()})
    assert response.context["grievance"] == grievance


def test_a_wrong_code_and_an_unknown_number_get_the_same_message(client):
    grievance, code = case_with_code()
    wrong_code = client.post(TRACK_URL, {"registered_no": grievance.registered_no, "code": "AAAA-BBBB-CCCC"})
    unknown = client.post(TRACK_URL, {"registered_no": "f-2020/99", "code": code})
    message = "We could not find a case with this registration number and tracking code."
    assert message in wrong_code.content.decode()
    assert message in unknown.content.decode()
    assert grievance.summary not in wrong_code.content.decode()


def test_a_case_without_a_tracking_code_cannot_be_tracked(client):
    grievance = register_grievance()
    response = client.post(TRACK_URL, {"registered_no": grievance.registered_no, "code": "ANYTHING"})
    assert response.context["not_found"]


def test_repeated_failures_are_rate_limited_with_a_translated_429(client, settings):
    settings.GRM_TRACKING_FAILURE_RATE_LIMIT = "3/h"
    grievance, code = case_with_code()
    for _attempt in range(3):
        client.post(TRACK_URL, {"registered_no": grievance.registered_no, "code": "WRONG"})
    response = client.post("/kk/grievances/track/", {"registered_no": grievance.registered_no, "code": code})
    assert response.status_code == 429
    assert "grievance" not in response.context
    assert "Қосылымнан сәтсіз әрекет тым көп" in response.content.decode()


def test_successful_lookups_do_not_count_towards_the_limit(client, settings):
    settings.GRM_TRACKING_FAILURE_RATE_LIMIT = "2/h"
    grievance, code = case_with_code()
    for _attempt in range(4):
        response = client.post(TRACK_URL, {"registered_no": grievance.registered_no, "code": code})
    assert response.status_code == 200
    assert response.context["grievance"] == grievance


def test_html_in_the_answer_is_shown_as_text(client):
    grievance, code = case_with_code()
    grievance.public_answer_en = '<img src=x onerror="alert(1)">'
    grievance.save()
    html = client.post(TRACK_URL, {"registered_no": grievance.registered_no, "code": code}).content.decode()
    assert "<img src=x" not in html
    assert "&lt;img src=x" in html


def test_tracking_page_is_never_cached(client):
    assert "no-store" in client.get(TRACK_URL)["Cache-Control"]


@pytest.mark.parametrize(
    "typed", ["{year}/{sequence}", "F-{year}/{sequence}", "ф-{year}/{sequence}", " {year} / 0{sequence} "]
)
def test_the_number_is_found_with_or_without_its_prefix(client, typed):
    grievance, code = case_with_code()
    year, sequence = grievance.registered_no.split("-")[1].split("/")
    number = typed.format(year=year, sequence=int(sequence))
    response = client.post(TRACK_URL, {"registered_no": number, "code": code})
    assert response.context["grievance"].pk == grievance.pk


def test_after_a_look_up_the_code_box_is_empty(client):
    grievance, code = case_with_code()
    found = client.post(TRACK_URL, {"registered_no": grievance.registered_no, "code": code}).content.decode()
    missed = client.post(TRACK_URL, {"registered_no": grievance.registered_no, "code": "AAAA-BBBB-CCCC"})
    for html in (found, missed.content.decode()):
        box = html.split('id="id_code"')[0].rsplit("<input", 1)[1] + html.split('id="id_code"')[1].split(">", 1)[0]
        assert "value=" not in box
    assert "AAAA-BBBB-CCCC" not in missed.content.decode()
