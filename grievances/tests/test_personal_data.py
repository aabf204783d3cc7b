"""Complainants' contact details: encrypted at rest, found by exact e-mail or phone, kept on record in step."""

import pytest
from django.db import connection
from django.urls import reverse
from rest_framework.test import APIClient

from grievances.models import Complainant, phone_search_key
from grievances.tests.factories import register_grievance, user_with_role
from smartgov import roles
from smartgov.crypto import PREFIX
from smartgov.models import OutboxMessage

pytestmark = pytest.mark.django_db
CHANGELIST = reverse("admin:grievances_grievance_changelist")
PERSON = {"name": "Bat Dorj", "email": "Bat.Dorj@example.mn", "phone": "9911 2233", "address": "Khoroo 5, Ulaanbaatar"}


def _raw_complainant(grievance):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT email, phone, address, email_index, phone_index "
            "FROM grievances_complainant WHERE grievance_id = %s",
            [grievance.pk],
        )
        return cursor.fetchone()


def _client(role):
    client = APIClient()
    user = user_with_role(role)
    client.force_authenticate(user)
    return client


def test_the_database_holds_no_contact_detail_in_plain_text():
    grievance = register_grievance(complainant=PERSON)
    email, phone, address, email_index, phone_index = _raw_complainant(grievance)
    for stored, plain in [(email, PERSON["email"]), (phone, PERSON["phone"]), (address, PERSON["address"])]:
        assert stored.startswith(PREFIX)
        assert plain.lower() not in stored.lower()
    assert "example" not in email_index and "9911" not in phone_index
    assert len(email_index) == len(phone_index) == 64


def test_code_reads_the_contact_details_in_plain_text():
    grievance = register_grievance(complainant=PERSON)
    complainant = Complainant.objects.get(grievance=grievance)
    assert (complainant.email, complainant.phone, complainant.address) == (
        PERSON["email"],
        PERSON["phone"],
        PERSON["address"],
    )


def test_the_search_keys_follow_a_change_of_contact_details():
    complainant = register_grievance(complainant=PERSON).complainant
    complainant.phone = "8800 1122"
    complainant.save(update_fields=["phone"])
    complainant.refresh_from_db()
    assert complainant.phone_index == phone_search_key("88001122")
    complainant.email = ""
    complainant.save()
    assert Complainant.objects.get(pk=complainant.pk).email_index == ""


def test_a_phone_is_the_same_number_with_spaces_dashes_or_the_country_code():
    assert phone_search_key("+976 9911-2233") == phone_search_key("99112233") != phone_search_key("99112234")
    assert phone_search_key("") == phone_search_key("no digits") == ""


def test_a_contact_detail_written_before_encryption_is_still_read():
    grievance = register_grievance()
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE grievances_complainant SET email = 'old@example.mn' WHERE grievance_id = %s", [grievance.pk]
        )
    assert Complainant.objects.get(grievance=grievance).email == "old@example.mn"


def test_the_admin_finds_a_case_by_the_exact_email_or_phone(client):
    mine = register_grievance(complainant=PERSON)
    register_grievance(complainant={"email": "other@example.mn", "phone": "88887777"})
    client.force_login(user_with_role(roles.PIU_OFFICER))
    for term in ["bat.dorj@example.mn", " BAT.DORJ@EXAMPLE.MN", "99112233", "+976 9911 2233"]:
        assert list(client.get(CHANGELIST, {"q": term}).context["cl"].result_list) == [mine], term
    assert list(client.get(CHANGELIST, {"q": "Bat Dorj"}).context["cl"].result_list) == [mine]
    assert list(client.get(CHANGELIST, {"q": "example.mn"}).context["cl"].result_list) == []


def test_the_admin_search_by_contact_is_not_open_to_roles_that_may_not_see_complainants(client):
    register_grievance(complainant=PERSON)
    client.force_login(user_with_role(roles.SAFEGUARDS_SPECIALIST))
    assert list(client.get(CHANGELIST, {"q": "99112233"}).context["cl"].result_list) == []


def test_the_api_filters_by_the_exact_email_or_phone():
    mine = register_grievance(complainant=PERSON)
    register_grievance(complainant={"email": "other@example.mn"})
    officer = _client(roles.PIU_OFFICER)
    for params in [{"email": "bat.dorj@example.mn"}, {"phone": "99112233"}]:
        assert [case["id"] for case in officer.get("/api/grievances/", params).json()["results"]] == [mine.pk]


def test_the_api_contact_filter_answers_nothing_to_roles_that_may_not_see_complainants():
    register_grievance(complainant=PERSON)
    specialist = _client(roles.SAFEGUARDS_SPECIALIST)
    assert specialist.get("/api/grievances/", {"phone": "99112233"}).json()["results"] == []


def test_outbox_messages_keep_recipient_and_text_encrypted():
    message = OutboxMessage.objects.create(recipient="bat@example.mn", subject="Received", body="Dear Bat Dorj")
    with connection.cursor() as cursor:
        cursor.execute("SELECT recipient, body FROM smartgov_outboxmessage WHERE id = %s", [message.pk])
        recipient, body = cursor.fetchone()
    assert "bat@example.mn" not in recipient and "Bat Dorj" not in body
    message.refresh_from_db()
    assert (message.recipient, message.body) == ("bat@example.mn", "Dear Bat Dorj")


def test_the_admin_complainant_form_still_checks_the_email(client):
    from django.forms import modelform_factory

    form = modelform_factory(Complainant, fields=["email", "phone"])(data={"email": "not an address", "phone": "1"})
    assert not form.is_valid()
    assert "email" in form.errors


def test_the_migration_encrypts_contact_details_written_before_encryption():
    from importlib import import_module

    from django.apps import apps

    migration = import_module("grievances.migrations.0004_encrypt_existing_contact_details")
    grievance = register_grievance()
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE grievances_complainant SET email = 'old@example.mn', phone = '9911 2233', address = 'Khoroo 5' "
            "WHERE grievance_id = %s",
            [grievance.pk],
        )
    migration.encrypt_contact_details(apps, None)
    email, phone, address, email_index, phone_index = _raw_complainant(grievance)
    assert all(value.startswith(PREFIX) for value in (email, phone, address))
    assert phone_index == phone_search_key("99112233")
    assert Complainant.objects.get(grievance=grievance).address == "Khoroo 5"
