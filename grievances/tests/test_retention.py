"""Closed cases past the retention period are anonymised; the report figures do not move."""

from datetime import date

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection
from django.utils import timezone

from grievances import services
from grievances.models import Attachment, Complainant, EventType, Grievance, State
from grievances.personal_data import grievance_anonymise, grievances_anonymise_expired
from grievances.tasks import grievance_anonymise_expired_task
from grievances.tests.factories import local_datetime, register_grievance
from grievances.workflow import InvalidTransition
from reporting.selectors import grm_report_data
from smartgov.models import OutboxMessage

pytestmark = pytest.mark.django_db
PERSON = {"name": "Bat Dorj", "email": "bat@example.mn", "phone": "99112233", "address": "Khoroo 5"}


def closed_case(closed_on=(2020, 8, 4), **overrides):
    """A case received on 31 July 2020, resolved, answered and closed, with identity everywhere it can be."""
    grievance = register_grievance(
        complainant=PERSON,
        details="I, Bat Dorj, live next to the site.",
        message="Bat Dorj here: the road by my house is closed.",
        **overrides,
    )
    grievance = services.grievance_acknowledge(grievance=grievance, actor=None, at=local_datetime(2020, 8, 1))
    grievance = services.grievance_resolve(
        grievance=grievance,
        actor=None,
        actions_taken_mn="Sent the draft law",
        actions_taken_en="Sent the draft law",
        response_way="email",
        resolved_on=date(2020, 8, 3),
        public_answer_en="Dear Bat Dorj, here is the draft law.",
        note="Called Bat on 99112233",
    )
    grievance = services.grievance_close(grievance=grievance, actor=None, at=local_datetime(*closed_on))
    Grievance.objects.filter(pk=grievance.pk).update(internal_notes="Bat is the neighbour of the contractor.")
    Attachment.objects.create(
        grievance=grievance,
        file=ContentFile(b"%PDF-1.4 id card", name="id.pdf"),
        original_name="id.pdf",
        content_type="application/pdf",
        size=16,
    )
    OutboxMessage.objects.create(
        recipient="bat@example.mn", subject="s", body="b", reference=f"grievance:{grievance.pk}"
    )
    return Grievance.objects.get(pk=grievance.pk)


def test_an_expired_closed_case_loses_every_trace_of_the_person(django_capture_on_commit_callbacks):
    grievance = closed_case()
    path = grievance.attachments.get().file.name
    with django_capture_on_commit_callbacks(execute=True):
        assert grievances_anonymise_expired() == 1
    grievance.refresh_from_db()
    complainant = Complainant.objects.get(grievance=grievance)
    assert [complainant.name, complainant.email, complainant.phone, complainant.address] == ["", "", "", ""]
    assert complainant.email_index == complainant.phone_index == ""
    assert grievance.details == grievance.internal_notes == grievance.tracking_code_hash == ""
    assert grievance.public_answer_mn == grievance.public_answer_en == ""
    assert not grievance.events.exclude(note="").exists()
    assert not grievance.attachments.exists() and not default_storage.exists(path)
    assert not OutboxMessage.objects.exists()
    assert grievance.anonymised_at is not None
    assert grievance.events.filter(event_type=EventType.ANONYMISED).count() == 1


def test_no_column_of_an_anonymised_case_still_holds_the_name():
    grievance = closed_case()
    grievances_anonymise_expired()
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM grievances_grievance WHERE id = %s", [grievance.pk])
        row = " ".join(str(value) for value in cursor.fetchone())
    assert "Bat" not in row


def test_no_history_entry_of_an_anonymised_case_still_holds_the_name():
    grievance = closed_case()
    services.grievance_update(grievance=grievance, actor=None, data={"internal_notes": "Bat called twice."})
    with connection.cursor() as cursor:
        cursor.execute("SELECT data FROM grievances_grievanceevent WHERE grievance_id = %s", [grievance.pk])
        assert any("Bat" in str(row) for row in cursor.fetchall()), "the history held the texts before"
    grievances_anonymise_expired()
    with connection.cursor() as cursor:
        cursor.execute("SELECT data, note FROM grievances_grievanceevent WHERE grievance_id = %s", [grievance.pk])
        rows = " ".join(str(row) for row in cursor.fetchall())
    assert "Bat" not in rows
    assert "public_answer" in rows  # the entry still says the answer changed, not what it said


def test_what_the_reports_count_is_kept():
    grievance = closed_case()
    grievances_anonymise_expired()
    kept = Grievance.objects.get(pk=grievance.pk)
    assert (kept.registered_no, kept.summary, kept.actions_taken, kept.status) == (
        grievance.registered_no,
        grievance.summary,
        grievance.actions_taken,
        grievance.status,
    )
    assert (kept.working_days_to_resolve, kept.closed_at, kept.location) == (
        grievance.working_days_to_resolve,
        grievance.closed_at,
        grievance.location,
    )


def test_the_half_year_report_is_the_same_before_and_after_anonymisation():
    closed_case()
    closed_case(kind="complaint", channel="email")
    register_grievance(complainant=PERSON, received_at=local_datetime(2020, 9, 1))  # still open
    before = grm_report_data(start=date(2020, 7, 1), end=date(2020, 12, 31), language="en")
    assert grievances_anonymise_expired() == 2
    assert grm_report_data(start=date(2020, 7, 1), end=date(2020, 12, 31), language="en") == before


def test_cases_closed_within_the_retention_period_or_still_open_are_left_alone():
    recent = closed_case(closed_on=(2020, 8, 4))
    open_case = register_grievance(complainant=PERSON)
    now = recent.closed_at + timezone.timedelta(days=settings.GRM_RETENTION_DAYS - 1)
    assert grievances_anonymise_expired(now=now) == 0
    assert Complainant.objects.get(grievance=recent).email == "bat@example.mn"
    assert Complainant.objects.get(grievance=open_case).email == "bat@example.mn"


def test_the_retention_period_comes_from_the_setting(settings):
    grievance = closed_case()
    settings.GRM_RETENTION_DAYS = 100 * 365
    assert grievances_anonymise_expired() == 0
    settings.GRM_RETENTION_DAYS = 30
    assert grievances_anonymise_expired() == 1
    assert Complainant.objects.get(grievance=grievance).name == ""


def test_anonymising_twice_changes_nothing_more():
    grievance = closed_case()
    assert grievance_anonymise(grievance_id=grievance.pk) is True
    first = Grievance.objects.get(pk=grievance.pk).anonymised_at
    assert grievance_anonymise(grievance_id=grievance.pk) is False
    assert grievances_anonymise_expired() == 0
    assert Grievance.objects.get(pk=grievance.pk).anonymised_at == first
    assert grievance.events.filter(event_type=EventType.ANONYMISED).count() == 1


def test_the_daily_task_anonymises_expired_cases():
    grievance = closed_case()
    grievance_anonymise_expired_task.delay()
    assert Complainant.objects.get(grievance=grievance).name == ""


def test_the_task_is_on_the_daily_schedule():
    entry = settings.CELERY_BEAT_SCHEDULE["grm-anonymise-expired"]
    assert entry["task"] == "grievances.tasks.grievance_anonymise_expired_task"


def test_an_anonymised_case_cannot_be_reopened():
    grievance = closed_case()
    grievances_anonymise_expired()
    with pytest.raises(InvalidTransition):
        services.grievance_reopen(grievance=grievance, actor=None)
    grievance.refresh_from_db()
    assert grievance.state == State.CLOSED


def test_referral_letters_naming_the_person_are_deleted_with_their_files(django_capture_on_commit_callbacks):
    from grievances.models import ReferralLetter

    grievance = closed_case()
    letter = ReferralLetter.objects.create(
        grievance=grievance,
        event=grievance.events.first(),
        language="mn",
        file=ContentFile(b"%PDF-1.4 Dear Bat Dorj", name="referral.pdf"),
    )
    path = letter.file.name
    with django_capture_on_commit_callbacks(execute=True):
        assert grievances_anonymise_expired() == 1
    assert not ReferralLetter.objects.filter(grievance=grievance).exists()
    assert not default_storage.exists(path)
