"""The referral register, marking a case unrelated with a body or with text, and the referral letter."""

import subprocess

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from grievances import services
from grievances.models import EventType, ReferralBody, ReferralLetter, Status
from grievances.referrals import GRS_URL, referral_letter_create
from grievances.tasks import referral_letter_create_task
from grievances.tests.factories import case_in_state, register_grievance, user_with_role
from grievances.workflow import InvalidTransition, State
from smartgov import roles

pytestmark = pytest.mark.django_db

ELEVEN_ELEVEN_MN = "Засгийн газрын 11-11 төв"


def _eleven_eleven():
    return ReferralBody.objects.get(name_mn=ELEVEN_ELEVEN_MN)


def _acknowledged(language="", name="Батбаярын Оюунчимэг"):
    grievance = register_grievance(complainant={"name": name, "preferred_language": language})
    return services.grievance_acknowledge(grievance=grievance, actor=None)


def _referred_to_eleven_eleven(language):
    return services.grievance_mark_unrelated(
        grievance=_acknowledged(language), actor=None, referral_body=_eleven_eleven()
    )


def _pdf_text(content, tmp_path):
    path = tmp_path / "letter.pdf"
    path.write_bytes(content)
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True, text=True).stdout


def _joined(text):
    """The text without spaces and line breaks: a long address is wrapped over two lines."""
    return "".join(text.split())


# --- the register -----------------------------------------------------------------------------


def test_the_register_is_seeded_with_the_11_11_centre_in_both_languages():
    body = _eleven_eleven()
    assert body.name_en.startswith("Government 11-11 Centre")
    assert "https://www.11-11.mn" in body.contact_mn and "11-11" in body.contact_en
    assert body.is_active
    assert ReferralBody.objects.active().count() >= 3


def test_the_officer_adds_a_body_in_the_admin_in_mongolian_and_english(officer_client):
    response = officer_client.post(
        reverse("admin:grievances_referralbody_add"),
        {
            "name_mn": "Татварын хэлтэс",
            "name_en": "Tax office",
            "contact_mn": "Утас 1800-1288",
            "contact_en": "Phone 1800-1288",
            "address_mn": "",
            "address_en": "",
            "is_active": "on",
            "ordering": "40",
        },
    )
    assert response.status_code == 302
    body = ReferralBody.objects.get(name_en="Tax office")
    assert body.name_mn == "Татварын хэлтэс"


def test_a_body_is_never_deleted_only_made_inactive(officer_client):
    url = reverse("admin:grievances_referralbody_delete", args=[_eleven_eleven().pk])
    assert officer_client.get(url).status_code == 403


def test_other_roles_cannot_change_the_register(client):
    client.force_login(user_with_role(roles.SAFEGUARDS_SPECIALIST))
    assert client.get(reverse("admin:grievances_referralbody_changelist")).status_code == 403


# --- marking unrelated ------------------------------------------------------------------------


def test_a_picked_body_names_the_case_in_the_complainant_s_language():
    body = _eleven_eleven()
    english = services.grievance_mark_unrelated(grievance=_acknowledged("en"), actor=None, referral_body=body)
    mongolian = services.grievance_mark_unrelated(grievance=_acknowledged("mn"), actor=None, referral_body=body)
    kazakh = services.grievance_mark_unrelated(grievance=_acknowledged("kk"), actor=None, referral_body=body)
    assert english.referred_to == body.name_en and english.referral_body == body
    assert mongolian.referred_to == ELEVEN_ELEVEN_MN
    assert kazakh.referred_to == ELEVEN_ELEVEN_MN  # the register is kept in mn and en


def test_the_history_names_the_picked_body_not_its_number():
    from django.utils import translation

    from grievances import history

    grievance = _referred_to_eleven_eleven("en")
    marked = grievance.events.get(event_type=EventType.MARKED_UNRELATED)
    with translation.override("en"):
        described, name = history.describe(marked), str(_eleven_eleven())
    assert f"referral body: – → {name}" in described
    assert f"→ {_eleven_eleven().pk}" not in described


def test_typed_text_names_the_body_more_precisely():
    grievance = services.grievance_mark_unrelated(
        grievance=_acknowledged("en"), actor=None, referral_body=_eleven_eleven(), referred_to="11-11, land desk"
    )
    assert grievance.referred_to == "11-11, land desk"
    assert grievance.referral_body == _eleven_eleven()


def test_text_alone_is_enough_and_leaves_no_body():
    grievance = services.grievance_mark_unrelated(grievance=_acknowledged(), actor=None, referred_to="Tax office")
    assert grievance.referred_to == "Tax office" and grievance.referral_body is None


def test_neither_body_nor_text_is_refused_with_today_s_message():
    grievance = _acknowledged()
    with pytest.raises(InvalidTransition) as refused:
        services.grievance_mark_unrelated(grievance=grievance, actor=None, referred_to="  ")
    assert refused.value.field == "referred_to"
    # The refusal every door gives today, in the site's default language.
    assert str(refused.value.message) == "Төсөлд хамааралгүй өргөдөл, гомдлыг аль байгууллагад шилжүүлснийг бичнэ үү."
    grievance.refresh_from_db()
    assert grievance.state == State.IN_PROGRESS


def test_an_inactive_body_is_refused():
    body = _eleven_eleven()
    body.is_active = False
    body.save()
    with pytest.raises(InvalidTransition) as refused:
        services.grievance_mark_unrelated(grievance=_acknowledged(), actor=None, referral_body=body)
    assert refused.value.field == "referral_body"


def test_the_case_panel_offers_the_active_bodies_and_marks_with_one(officer_client):
    inactive = ReferralBody.objects.create(name_mn="Хуучин", name_en="Old office", is_active=False)
    grievance = _acknowledged("en")
    page = officer_client.get(reverse("admin:grievances_grievance_change", args=[grievance.pk])).content.decode()
    assert ELEVEN_ELEVEN_MN in page or _eleven_eleven().name_en in page
    assert "Old office" not in page and inactive.name_mn not in page
    url = reverse("admin:grievances_grievance_transition", args=[grievance.pk, "mark_unrelated"])
    response = officer_client.post(url, {"mark_unrelated-referral_body": _eleven_eleven().pk})
    assert response.status_code == 302
    grievance.refresh_from_db()
    assert grievance.state == State.UNRELATED
    assert grievance.referral_body == _eleven_eleven() and grievance.referred_to == _eleven_eleven().name_en


def test_the_case_panel_marks_with_text_only(officer_client):
    grievance = _acknowledged()
    url = reverse("admin:grievances_grievance_transition", args=[grievance.pk, "mark_unrelated"])
    officer_client.post(url, {"mark_unrelated-referred_to": "Tax office"})
    grievance.refresh_from_db()
    assert grievance.status == Status.UNRELATED and grievance.referred_to == "Tax office"


def _api(user):
    api = APIClient(HTTP_ACCEPT_LANGUAGE="en")
    api.force_authenticate(user)
    return api


def test_the_api_marks_with_a_body_and_shows_it():
    officer = user_with_role(roles.PIU_OFFICER)
    grievance = _acknowledged("mn")
    body = _eleven_eleven()
    response = _api(officer).post(
        f"/api/grievances/{grievance.pk}/mark-unrelated/", {"referral_body": body.pk}, format="json"
    )
    assert response.status_code == 200, response.content
    assert response.json()["referral_body"] == body.pk
    assert response.json()["referred_to"] == ELEVEN_ELEVEN_MN


def test_the_api_marks_with_text_only_and_refuses_neither():
    api = _api(user_with_role(roles.PIU_OFFICER))
    grievance = _acknowledged()
    refused = api.post(f"/api/grievances/{grievance.pk}/mark-unrelated/", {}, format="json")
    assert refused.status_code == 400 and "referred_to" in refused.json()
    response = api.post(f"/api/grievances/{grievance.pk}/mark-unrelated/", {"referred_to": "Tax office"}, format="json")
    assert response.status_code == 200 and response.json()["referral_body"] is None


def test_the_api_refuses_a_body_not_in_the_register():
    api = _api(user_with_role(roles.PIU_OFFICER))
    grievance = _acknowledged()
    response = api.post(f"/api/grievances/{grievance.pk}/mark-unrelated/", {"referral_body": 99999}, format="json")
    assert response.status_code == 400 and "referral_body" in response.json()


# --- the letter -------------------------------------------------------------------------------


def test_marking_unrelated_queues_the_letter_after_commit(django_capture_on_commit_callbacks):
    grievance = _acknowledged("en")
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        services.grievance_mark_unrelated(grievance=grievance, actor=None, referral_body=_eleven_eleven())
    assert callbacks  # the letter's task, queued only once the marking commits
    letter = ReferralLetter.objects.get(grievance=grievance)
    assert letter.language == "en"
    assert letter.event.event_type == EventType.MARKED_UNRELATED


def test_the_mongolian_letter_names_the_body_its_contact_and_the_grs(tmp_path):
    grievance = _referred_to_eleven_eleven("mn")
    letter = referral_letter_create(grievance_id=grievance.pk)
    text = _pdf_text(letter.file.read(), tmp_path)
    assert letter.language == "mn"
    assert ELEVEN_ELEVEN_MN in text
    assert "https://www.11-11.mn" in text
    assert "Батбаярын Оюунчимэг" in text  # the addressee
    assert GRS_URL in _joined(text)
    assert "Дэлхийн банкны Гомдол шийдвэрлэх" in text


def test_the_english_letter_names_the_body_and_the_grs(tmp_path):
    grievance = _referred_to_eleven_eleven("en")
    text = _pdf_text(referral_letter_create(grievance_id=grievance.pk).file.read(), tmp_path)
    assert "Government 11-11 Centre" in text
    assert "Grievance Redress Service" in text and GRS_URL in _joined(text)


def test_a_kazakh_speaker_gets_the_letter_in_mongolian():
    grievance = _referred_to_eleven_eleven("kk")
    assert referral_letter_create(grievance_id=grievance.pk).language == "mn"


def test_the_letter_carries_no_contact_details_of_the_complainant(tmp_path):
    grievance = register_grievance(
        complainant={"name": "Dorj", "email": "dorj@example.mn", "phone": "99112233", "preferred_language": "en"}
    )
    grievance = services.grievance_acknowledge(grievance=grievance, actor=None)
    grievance = services.grievance_mark_unrelated(grievance=grievance, actor=None, referred_to="Tax office")
    text = _pdf_text(referral_letter_create(grievance_id=grievance.pk).file.read(), tmp_path)
    assert "Dorj" in text and "Tax office" in text
    assert "dorj@example.mn" not in text and "99112233" not in text
    assert grievance.summary not in text


def test_the_task_is_idempotent_and_skips_a_reopened_case():
    grievance = case_in_state(State.UNRELATED)
    referral_letter_create_task.delay(grievance.pk)
    referral_letter_create_task.delay(grievance.pk)
    assert ReferralLetter.objects.filter(grievance=grievance).count() == 1
    reopened = services.grievance_reopen(grievance=grievance, actor=None)
    referral_letter_create_task.delay(reopened.pk)
    assert ReferralLetter.objects.filter(grievance=grievance).count() == 1


def test_a_case_marked_unrelated_again_gets_a_second_letter():
    grievance = case_in_state(State.UNRELATED)
    referral_letter_create(grievance_id=grievance.pk)
    grievance = services.grievance_reopen(grievance=grievance, actor=None)
    grievance = services.grievance_mark_unrelated(grievance=grievance, actor=None, referral_body=_eleven_eleven())
    referral_letter_create(grievance_id=grievance.pk)
    assert ReferralLetter.objects.filter(grievance=grievance).count() == 2


def test_the_letter_is_downloaded_from_the_case_page_by_those_who_see_the_complainant(officer_client, client):
    grievance = case_in_state(State.UNRELATED)
    letter = referral_letter_create(grievance_id=grievance.pk)
    url = reverse("admin:grievances_grievance_referral_letter", args=[grievance.pk, letter.pk])
    page = officer_client.get(reverse("admin:grievances_grievance_change", args=[grievance.pk])).content.decode()
    assert url in page
    response = officer_client.get(url)
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    client.force_login(user_with_role(roles.SAFEGUARDS_SPECIALIST))
    assert client.get(url).status_code == 403


def test_the_unrelated_message_says_how_to_reach_the_body_in_the_complainant_s_language():
    from smartgov.models import OutboxMessage

    grievance = register_grievance(complainant={"email": "bat@example.mn", "preferred_language": "en"})
    grievance = services.grievance_acknowledge(grievance=grievance, actor=None)
    body = _eleven_eleven()
    services.grievance_mark_unrelated(grievance=grievance, actor=None, referral_body=body)
    message = OutboxMessage.objects.order_by("pk").last()
    assert body.name_en in message.body
    assert body.contact_en in message.body
