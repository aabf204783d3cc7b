import uuid
from datetime import timedelta

import pytest
from django.utils import timezone

from grievances import online, tracking
from grievances.models import Channel, Grievance
from smartgov.models import OutboxMessage

pytestmark = pytest.mark.django_db


def submit(token, **overrides):
    values = {"kind": "complaint", "summary": "The road was left open.", "submission_token": token}
    values.update(overrides)
    return online.grievance_submit_online(**values)


def test_a_submission_registers_a_website_case_storing_only_hashes_of_its_token_and_code():
    token = uuid.uuid4()
    submission = submit(token)
    grievance = Grievance.objects.get()
    assert not submission.is_repeat
    assert grievance.channel == Channel.WEBSITE
    assert submission.tracking_code == tracking.tracking_code_for_submission(token)
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


def test_a_repeat_after_the_confirmation_period_is_not_given_the_code():
    token = uuid.uuid4()
    first = submit(token)
    long_ago = timezone.now() - timedelta(seconds=online.CONFIRMATION_SECONDS + 1)
    Grievance.objects.filter(pk=first.grievance.pk).update(received_at=long_ago)
    repeat = submit(token)
    assert repeat.is_repeat
    assert repeat.tracking_code == ""
    assert Grievance.objects.count() == 1


def test_another_token_registers_another_case_with_another_code():
    first, second = submit(uuid.uuid4()), submit(uuid.uuid4())
    assert first.grievance != second.grievance
    assert first.tracking_code != second.tracking_code
