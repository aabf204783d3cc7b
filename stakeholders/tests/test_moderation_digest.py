"""Moderators are told that comments wait: a digest by the outbox, at most one per PUBLIC_COMMENT_DIGEST_MINUTES."""

from datetime import timedelta

import pytest
from django.utils import timezone

from disclosure.tests.factories import make_version
from grievances.tests.factories import user_with_role
from smartgov import roles
from smartgov.models import OutboxMessage
from stakeholders.models import FeedbackItem, ModerationDigest
from stakeholders.moderation_digest import feedback_moderation_digest_send
from stakeholders.tasks import feedback_moderation_digest_task

from .factories import ConsultationEventFactory, feedback_on, moderator, public_comment

pytestmark = pytest.mark.django_db


@pytest.fixture
def version():
    return make_version(comment_days=(-1, 3))


def _digest_mail():
    return list(OutboxMessage.objects.filter(reference__startswith="feedback-moderation:").order_by("pk"))


def test_the_first_comment_tells_every_moderator_at_once(version, settings):
    settings.PUBLIC_BASE_URL = "https://grm.example.mn"
    moderator("first", "first@smart.gov.mn")
    moderator("second", "second@smart.gov.mn")
    officer = user_with_role(roles.PIU_OFFICER)
    officer.email = "officer@smart.gov.mn"
    officer.save()
    public_comment(version, text="Something only the admin shows")
    mail = _digest_mail()
    assert sorted(message.recipient for message in mail) == ["first@smart.gov.mn", "second@smart.gov.mn"]
    body = mail[0].body
    assert "https://grm.example.mn/admin/stakeholders/feedbackitem/?moderation=pending" in body
    assert "Something only the admin shows" not in body  # the text is read in the admin


def test_comments_within_the_window_make_no_more_mail_until_it_has_passed(version, settings):
    settings.PUBLIC_COMMENT_DIGEST_MINUTES = 30
    moderator()
    for _ in range(5):
        public_comment(version)
    assert len(_digest_mail()) == 1
    assert feedback_moderation_digest_send(now=timezone.now() + timedelta(minutes=29)) is None
    later = feedback_moderation_digest_send(now=timezone.now() + timedelta(minutes=31))
    assert later is not None and later.waiting == 5
    assert len(_digest_mail()) == 2


def _age(*, digests_by: timedelta, comments_by: timedelta):
    ModerationDigest.objects.update(sent_at=timezone.now() - digests_by)
    FeedbackItem.objects.update(received_at=timezone.now() - comments_by)


def test_the_beat_task_sends_nothing_when_no_comment_arrived_since_the_last_digest(version):
    moderator()
    public_comment(version)
    _age(digests_by=timedelta(hours=2), comments_by=timedelta(hours=3))
    assert feedback_moderation_digest_task() is None
    assert len(_digest_mail()) == 1


def test_the_beat_task_announces_a_comment_that_arrived_within_the_window(version):
    moderator()
    public_comment(version)
    public_comment(version)  # within the window: not announced yet
    assert len(_digest_mail()) == 1
    _age(digests_by=timedelta(hours=1), comments_by=timedelta(minutes=50))
    assert feedback_moderation_digest_task() is not None
    assert len(_digest_mail()) == 2


def test_nothing_is_sent_for_feedback_staff_record_or_with_premoderation_off(version, settings):
    moderator()
    feedback_on(ConsultationEventFactory())
    settings.PUBLIC_COMMENTS_PREMODERATED = False
    public_comment(version)
    assert _digest_mail() == [] and not ModerationDigest.objects.exists()


def test_without_a_moderator_with_an_address_the_piu_address_is_told(version, settings):
    settings.GRM_CONTACT = {**settings.GRM_CONTACT, "email": "grm@smart.gov.mn"}
    moderator(email="")
    public_comment(version)
    assert [message.recipient for message in _digest_mail()] == ["grm@smart.gov.mn"]
