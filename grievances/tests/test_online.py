import uuid
from datetime import timedelta

import pytest
from django.utils import timezone

from grievances import online, tracking
from grievances.models import Channel, Grievance
from smartgov.models import OutboxMessage

pytestmark = pytest.mark.django_db


BROWSER = "csrf-secret-of-the-complainant-s-browser"


def submit(token, **overrides):
    values = {
        "kind": "complaint",
        "message": "The road was left open.",
        "submission_token": token,
        "browser_key": BROWSER,
    }
    values.update(overrides)
    return online.grievance_submit_online(**values)


def test_a_submission_registers_a_website_case_storing_only_hashes_of_its_token_and_code():
    token = uuid.uuid4()
    submission = submit(token)
    grievance = Grievance.objects.get()
    assert not submission.is_repeat
    assert grievance.channel == Channel.WEBSITE
    assert submission.tracking_code == tracking.tracking_code_for_submission(token, browser_key=BROWSER)
    assert tracking.tracking_code_matches(submission.tracking_code, grievance.tracking_code_hash)
    assert grievance.submission_token == online.submission_key(token) != token


def test_a_repeat_of_a_submission_finds_the_case_and_gets_the_same_code():
    token = uuid.uuid4()
    first = submit(token, complainant={"email": "bat@example.mn"})
    repeat = submit(token, complainant={"email": "bat@example.mn"})
    assert repeat.is_repeat
    assert repeat.grievance == first.grievance
    assert repeat.tracking_code == first.tracking_code
    assert Grievance.objects.count() == 1
    assert OutboxMessage.objects.count() == 1


def test_the_same_token_from_another_browser_gets_no_code_and_no_second_case():
    token = uuid.uuid4()
    first = submit(token, complainant={"email": "bat@example.mn"})
    replay = submit(token, browser_key="csrf-secret-of-another-browser", message="Replayed.")
    assert replay.is_repeat
    assert replay.tracking_code == ""
    assert replay.grievance == first.grievance
    assert Grievance.objects.count() == 1
    assert OutboxMessage.objects.count() == 1


def test_a_repeat_within_minutes_gets_the_code_again():
    token = uuid.uuid4()
    first = submit(token)
    minutes_ago = timezone.now() - timedelta(seconds=online.REPEAT_CONFIRMATION_SECONDS - 60)
    Grievance.objects.filter(pk=first.grievance.pk).update(received_at=minutes_ago)
    assert submit(token).tracking_code == first.tracking_code


def test_a_repeat_after_the_repeat_period_is_not_given_the_code():
    token = uuid.uuid4()
    first = submit(token)
    long_ago = timezone.now() - timedelta(seconds=online.REPEAT_CONFIRMATION_SECONDS + 1)
    Grievance.objects.filter(pk=first.grievance.pk).update(received_at=long_ago)
    repeat = submit(token)
    assert repeat.is_repeat
    assert repeat.tracking_code == ""
    assert Grievance.objects.count() == 1


def test_another_token_registers_another_case_with_another_code():
    first, second = submit(uuid.uuid4()), submit(uuid.uuid4())
    assert first.grievance != second.grievance
    assert first.tracking_code != second.tracking_code
