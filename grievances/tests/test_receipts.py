"""Receipts for every channel: the officer registers a case, gets its tracking code once, prints the receipt."""

import re
from datetime import timedelta

import pytest
from django.contrib.sessions.models import Session
from django.core import mail
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from grievances.models import EventType, Grievance, GrievanceEvent
from grievances.tests.factories import register_grievance, user_with_role
from grievances.tracking import tracking_code_matches
from smartgov import roles
from smartgov.models import OutboxMessage
from smartgov.outbox import outbox_message_send

pytestmark = pytest.mark.django_db
CODE = re.compile(r"\b[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}\b")


def _register(client, **complainant):
    data = {
        "received_at_0": "2020-07-31",
        "received_at_1": "10:00",
        "kind": "complaint",
        "channel": "hotline",
        "summary_mn": "Цахим үйлчилгээ ажиллахгүй байна",
        "summary_en": "The e-service does not work",
        "message": "Цахим үйлчилгээ ажиллахгүй байна",
        "message_language": "mn",
        "details": "",
        "location": "",
        **{f"complainant_{name}": value for name, value in complainant.items()},
    }
    response = client.post(reverse("admin:grievances_grievance_add"), data, follow=True)
    assert response.status_code == 200
    [message] = [str(message) for message in response.context["messages"] if "receipt" in str(message).lower()]
    assert not CODE.search(message)  # messages travel in a cookie: the code is read on the receipt page
    grievance = Grievance.objects.get()
    return grievance, CODE.search(_receipt(client, grievance).content.decode()).group(), message


def _receipt(client, grievance):
    return client.get(reverse("admin:grievances_grievance_receipt", args=[grievance.pk]))


def test_registering_gives_a_working_code_and_a_link_to_the_receipt(officer_client):
    grievance, code, message = _register(officer_client, name="Дорж", email="dorj@example.mn")
    assert tracking_code_matches(code, grievance.tracking_code_hash)
    assert reverse("admin:grievances_grievance_receipt", args=[grievance.pk]) in message
    assert grievance.complainant.name == "Дорж" and grievance.complainant.email == "dorj@example.mn"
    assert grievance.events.filter(event_type=EventType.TRACKING_CODE_ISSUED).count() == 1


def test_the_code_is_on_the_receipt_only_not_on_the_case_page(officer_client):
    grievance, code, _message = _register(officer_client)
    page = officer_client.get(reverse("admin:grievances_grievance_change", args=[grievance.pk]))
    assert code not in page.content.decode()


def test_the_receipt_shows_the_number_code_tracking_address_deadlines_and_hotline(officer_client, settings):
    settings.GRM_CONTACT = {**settings.GRM_CONTACT, "hotline": "7000-1111"}
    grievance, code, _message = _register(officer_client, preferred_language="en")
    page = _receipt(officer_client, grievance).content.decode()
    assert grievance.registered_no in page and code in page
    assert settings.PUBLIC_BASE_URL + "/en/grievances/track/" in page
    assert f"Within {settings.GRM_DEADLINES['acknowledge']} working days" in page
    assert f"within {settings.GRM_DEADLINES['stage2']} working days" in page
    assert "7000-1111" in page
    assert '<html lang="en">' in page


def test_the_receipt_is_in_mongolian_by_default(officer_client):
    grievance, code, _message = _register(officer_client)
    page = _receipt(officer_client, grievance).content.decode()
    assert '<html lang="mn">' in page
    assert "Таны нууц хянах код" in page and code in page
    assert "/mn/grievances/track/" in page


def test_the_receipt_speaks_kazakh_to_a_kazakh_speaker(officer_client):
    grievance, _code, _message = _register(officer_client, preferred_language="kk")
    page = _receipt(officer_client, grievance).content.decode()
    assert '<html lang="kk">' in page and "/kk/grievances/track/" in page
    assert "Құпия бақылау кодыңыз" in page


@pytest.mark.parametrize("role", [roles.SAFEGUARDS_SPECIALIST, roles.PSC_MEMBER, roles.WORLD_BANK_VIEWER])
def test_only_the_officer_sees_the_receipt(client, role):
    client.force_login(user_with_role(role))
    assert _receipt(client, register_grievance()).status_code == 403


def test_another_session_of_the_same_officer_gets_no_code(officer_client):
    grievance, code, _message = _register(officer_client)
    other = Client()
    other.force_login(officer_client.user)
    page = _receipt(other, grievance).content.decode()
    assert code not in page
    assert "30" in page  # the note saying why the code is not there


def test_the_code_is_gone_after_30_minutes(officer_client, monkeypatch):
    grievance, code, _message = _register(officer_client)
    assert code in _receipt(officer_client, grievance).content.decode()
    later = timezone.now() + timedelta(minutes=30, seconds=1)
    monkeypatch.setattr(timezone, "now", lambda: later)
    assert code not in _receipt(officer_client, grievance).content.decode()


def test_the_code_is_kept_nowhere_in_the_database_but_the_outbox_until_sent(officer_client):
    grievance, code, _message = _register(officer_client, email="dorj@example.mn")
    _receipt(officer_client, grievance)
    receipt = OutboxMessage.objects.get()
    with connection.cursor() as cursor:
        cursor.execute("SELECT body FROM smartgov_outboxmessage WHERE id = %s", [receipt.pk])
        stored = cursor.fetchone()[0]
    assert stored.startswith("enc1:") and code not in stored  # encrypted at rest while it waits
    assert code not in str(list(GrievanceEvent.objects.values_list("data", "note")))
    assert code not in "".join(str(session.get_decoded()) for session in Session.objects.all())
    assert outbox_message_send(message_id=receipt.pk)
    assert code in mail.outbox[0].body
    receipt.refresh_from_db()
    assert code not in receipt.body  # blanked once sent


def test_a_new_code_replaces_the_old_one(officer_client):
    grievance, old_code, _message = _register(officer_client)
    url = reverse("admin:grievances_grievance_tracking_code", args=[grievance.pk])
    confirmation = officer_client.get(url).content.decode()
    assert "<form" in confirmation
    response = officer_client.post(url, follow=True)
    [message] = [str(message) for message in response.context["messages"]]
    assert not CODE.search(message)
    new_code = CODE.search(_receipt(officer_client, grievance).content.decode()).group()
    grievance.refresh_from_db()
    assert new_code != old_code
    assert tracking_code_matches(new_code, grievance.tracking_code_hash)
    assert not tracking_code_matches(old_code, grievance.tracking_code_hash)
    issued = grievance.events.filter(event_type=EventType.TRACKING_CODE_ISSUED).order_by("id")
    assert [event.data["replaced"] for event in issued] == [False, True]
    assert new_code in _receipt(officer_client, grievance).content.decode()


def test_a_new_code_needs_a_post_with_the_csrf_token(officer_client):
    grievance = register_grievance()
    officer_client.handler.enforce_csrf_checks = True
    response = officer_client.post(reverse("admin:grievances_grievance_tracking_code", args=[grievance.pk]))
    assert response.status_code == 403
    grievance.refresh_from_db()
    assert grievance.tracking_code_hash == ""


def test_the_confirmation_says_the_old_code_stops_working(officer_client):
    officer_client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    grievance = register_grievance()
    page = officer_client.get(reverse("admin:grievances_grievance_tracking_code", args=[grievance.pk])).content
    assert b"The old code stops working" in page


def test_other_roles_cannot_issue_a_new_code(client):
    grievance = register_grievance()
    client.force_login(user_with_role(roles.SAFEGUARDS_SPECIALIST))
    response = client.post(reverse("admin:grievances_grievance_tracking_code", args=[grievance.pk]))
    assert response.status_code == 403


def test_the_receipt_is_e_mailed_with_the_code_in_the_complainant_s_language(officer_client):
    grievance, code, _message = _register(officer_client, email="dorj@example.mn", preferred_language="mn")
    receipt = OutboxMessage.objects.get(subject__contains="баримт")
    assert receipt.recipient == "dorj@example.mn"
    assert grievance.registered_no in receipt.body and "/mn/grievances/track/" in receipt.body
    assert "Дараа нь юу болох вэ" in receipt.body
    assert code in receipt.body and receipt.erase_after_send
    notified = grievance.events.filter(event_type=EventType.NOTIFIED, data__message="receipt").get()
    assert notified.data["language"] == "mn"


def test_the_receipt_e_mail_speaks_english_and_kazakh(officer_client):
    _grievance, code, _message = _register(officer_client, email="anna@example.com", preferred_language="en")
    english = OutboxMessage.objects.get(subject__startswith="Receipt")
    assert f"Your private tracking code is {code}." in english.body
    Grievance.objects.all().delete()
    OutboxMessage.objects.all().delete()
    _register(officer_client, email="aigerim@example.kz", preferred_language="kk")
    kazakh = OutboxMessage.objects.get(subject__contains="қабылдау түбіртегі")
    assert "/kk/grievances/track/" in kazakh.body


def test_a_complainant_who_left_only_a_mobile_gets_the_receipt_by_sms(officer_client):
    grievance, code, _message = _register(officer_client, phone="9911 2233")
    receipt = OutboxMessage.objects.get()
    assert (receipt.channel, receipt.recipient) == ("sms", "99112233")
    assert code in receipt.body and grievance.registered_no in receipt.body


def test_no_receipt_is_sent_to_a_complainant_with_no_address_or_mobile(officer_client):
    _register(officer_client, name="Bat")
    assert not OutboxMessage.objects.exists()


def test_a_case_registered_by_the_officer_sends_the_complainant_one_message(officer_client):
    response = officer_client.post(
        reverse("admin:grievances_grievance_add"),
        {
            "received_at_0": "2020-07-31",
            "received_at_1": "10:00",
            "kind": "complaint",
            "channel": "hotline",
            "summary_mn": "Замын ажил",
            "summary_en": "",
            "message": "Замын ажил дуусаагүй байна",
            "message_language": "mn",
            "details": "",
            "location": "",
            "complainant_name": "Bat",
            "complainant_email": "bat@example.mn",
            "complainant_phone": "",
            "complainant_preferred_language": "en",
        },
    )
    assert response.status_code == 302
    grievance = Grievance.objects.get()
    assert OutboxMessage.objects.count() == 1
    assert [event.data["message"] for event in grievance.events.filter(event_type=EventType.NOTIFIED)] == ["receipt"]
