"""Commenters' and representatives' personal data: encrypted at rest, exported on request, rotated, forgotten."""

import io
from datetime import timedelta

import pytest
from cryptography.fernet import Fernet
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from disclosure.tests.factories import make_version
from grievances.models import Complainant
from grievances.personal_data import personal_data_export
from grievances.tests.factories import register_grievance
from smartgov.crypto import PREFIX
from smartgov.search_keys import contact_search_key, phone_search_key
from stakeholders.models import FeedbackItem, Representative
from stakeholders.personal_data import feedback_authors_forget_expired
from stakeholders.tasks import feedback_authors_forget_expired_task

from .factories import ConsultationEventFactory, StakeholderFactory, feedback_on, public_comment

pytestmark = pytest.mark.django_db


def _raw(table, columns, pk):
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {', '.join(columns)} FROM {table} WHERE id = %s", [pk])  # noqa: S608 (fixed names)
        return cursor.fetchone()


def _representative(**fields):
    values = {"name": "Ганболд", "email": "ganbold@ngo.mn", "phone": "+976 8811-2233", **fields}
    return Representative.objects.create(stakeholder=StakeholderFactory(), **values)


def _comment(**fields):
    values = {"text": "Add the hotline hours", "author_name": "Сараа Цэнд", "author_contact": "saraa@example.mn"}
    return public_comment(make_version(comment_days=(-1, 3)), **{**values, **fields})


def test_the_database_holds_no_commenter_name_or_contact_in_plain_text():
    item = _comment()
    name, contact, contact_index = _raw(
        "stakeholders_feedbackitem", ["author_name", "author_contact", "author_contact_index"], item.pk
    )
    assert name.startswith(PREFIX) and contact.startswith(PREFIX)
    assert "Сараа" not in name and "saraa" not in contact.lower()
    assert contact_index == contact_search_key("SARAA@example.mn ")
    assert (item.author_name, item.author_contact) == ("Сараа Цэнд", "saraa@example.mn")


def test_the_database_holds_no_representative_email_or_phone_in_plain_text():
    person = _representative()
    email, phone, email_index, phone_index = _raw(
        "stakeholders_representative", ["email", "phone", "email_index", "phone_index"], person.pk
    )
    assert email.startswith(PREFIX) and phone.startswith(PREFIX)
    assert "ganbold" not in email and "8811" not in phone
    assert phone_index == phone_search_key("88112233") and len(email_index) == 64
    person.refresh_from_db()
    assert (person.email, person.phone) == ("ganbold@ngo.mn", "+976 8811-2233")


def test_a_contact_written_in_one_field_is_keyed_as_an_email_or_a_phone():
    assert contact_search_key("99 11 22 33") == phone_search_key("+97699112233")
    assert contact_search_key("Bat@Example.mn") == contact_search_key("bat@example.mn") != phone_search_key("")


def test_the_export_finds_the_persons_comments_and_register_entries_by_email_or_phone():
    register_grievance(complainant={"email": "saraa@example.mn"})
    _comment(text="By e-mail")
    feedback_on(ConsultationEventFactory(), text="By phone", author_contact="9911-2233")
    _comment(text="Someone else", author_contact="other@example.mn")
    _representative(name="Сараа Цэнд", email="Saraa@example.mn", phone="")
    _representative(name="Other person", email="other@example.mn")
    data = personal_data_export(email="saraa@example.mn", phone="99112233")
    assert len(data["cases"]) == 1
    assert [comment["text"] for comment in data["comments"]] == ["By e-mail", "By phone"]
    assert data["comments"][0]["author_name"] == "Сараа Цэнд"
    assert data["comments"][0]["subject"].startswith("documentversion:")
    assert [person["name"] for person in data["stakeholder_representatives"]] == ["Сараа Цэнд"]
    assert data["stakeholder_representatives"][0]["email"] == "Saraa@example.mn"


def test_the_export_of_someone_unknown_is_empty():
    _comment()
    data = personal_data_export(email="nobody@example.mn")
    assert data["comments"] == data["stakeholder_representatives"] == data["cases"] == []


def test_key_rotation_re_encrypts_names_and_contacts_of_complainants_commenters_and_representatives(settings):
    old, new = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    settings.FIELD_ENCRYPTION_KEYS = [old]
    grievance = register_grievance(complainant={"name": "Батын Дорж"})
    item, person = _comment(), _representative()
    rows = [
        ("grievances_complainant", ["name"], grievance.complainant.pk),
        ("stakeholders_feedbackitem", ["author_name", "author_contact"], item.pk),
        ("stakeholders_representative", ["email", "phone"], person.pk),
    ]
    before = [_raw(*row) for row in rows]
    settings.FIELD_ENCRYPTION_KEYS = [new, old]
    call_command("reencrypt_personal_data", stdout=io.StringIO())
    settings.FIELD_ENCRYPTION_KEYS = [new]  # the old key is gone: every value must read under the new one
    for row, old_values in zip(rows, before, strict=True):
        values = _raw(*row)
        assert values != old_values
        for value in values:
            Fernet(new.encode()).decrypt(value[len(PREFIX) :].encode())
    assert FeedbackItem.objects.get(pk=item.pk).author_name == "Сараа Цэнд"
    assert Representative.objects.get(pk=person.pk).phone == "+976 8811-2233"
    assert Complainant.objects.get(pk=grievance.complainant.pk).name == "Батын Дорж"


def test_commenters_are_forgotten_after_the_retention_period_and_their_comments_stay(settings):
    settings.PUBLIC_COMMENT_RETENTION_DAYS = 365
    old = _comment(received_at=timezone.now() - timedelta(days=400), name_consent=True)
    recent = _comment()
    assert feedback_authors_forget_expired_task() == 1
    old.refresh_from_db()
    assert (old.author_name, old.author_contact, old.author_contact_index, old.name_consent) == ("", "", "", False)
    assert old.text == "Add the hotline hours"
    assert FeedbackItem.objects.get(pk=recent.pk).author_name == "Сараа Цэнд"
    assert feedback_authors_forget_expired() == 0  # safe to run again
    assert (
        personal_data_export(email="saraa@example.mn")["comments"][0]["received_at"] == recent.received_at.isoformat()
    )
