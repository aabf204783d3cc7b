"""Messages to the complainant: one per event, in their language, through the outbox, recorded in the history."""

import time

import pytest
from django.core import mail
from django.db import transaction

from grievances import services
from grievances.models import EventType, ResponseWay
from grievances.tests.factories import register_grievance
from smartgov.models import OutboxMessage, OutboxStatus
from smartgov.tasks import outbox_flush_task

pytestmark = pytest.mark.django_db

# The subject of each message in each language, with the case number in it.
SUBJECTS = {
    "en": {
        "registered": "We have received your feedback: {number}",
        "acknowledged": "Your case {number} is being looked into",
        "resolved": "Our answer to your case {number}",
        "closed": "Your case {number} is closed",
        "unrelated": "Your case {number} was referred to another body",
    },
    "mn": {
        "registered": "Таны санал, гомдлыг хүлээн авлаа: {number}",
        "acknowledged": "Таны {number} дугаартай санал, гомдлыг шалгаж байна",
        "resolved": "Таны {number} дугаартай санал, гомдлын хариу",
        "closed": "Таны {number} дугаартай санал, гомдлыг хаалаа",
        "unrelated": "Таны {number} дугаартай санал, гомдлыг өөр байгууллагад шилжүүллээ",
    },
}


def _case(language="en", email="bat@example.mn"):
    return register_grievance(complainant={"name": "Bat", "email": email, "preferred_language": language})


def _whole_cycle(grievance):
    grievance = services.grievance_acknowledge(grievance=grievance, actor=None)
    grievance = services.grievance_resolve(
        grievance=grievance,
        actor=None,
        actions_taken="Sent the draft law",
        response_way=ResponseWay.EMAIL,
        public_answer="The draft law is attached to this answer.",
    )
    return services.grievance_close(grievance=grievance, actor=None)


def _notified(grievance):
    return [event.data["message"] for event in grievance.events.filter(event_type=EventType.NOTIFIED)]


@pytest.mark.parametrize("language", ["en", "mn"])
def test_each_step_writes_one_message_in_the_complainant_s_language(language):
    grievance = _whole_cycle(_case(language))
    messages = list(OutboxMessage.objects.order_by("pk"))
    expected = ["registered", "acknowledged", "resolved", "closed"]
    assert [message.subject for message in messages] == [
        SUBJECTS[language][name].format(number=grievance.registered_no) for name in expected
    ]
    assert _notified(grievance) == expected
    assert {message.recipient for message in messages} == {"bat@example.mn"}


def test_the_resolution_message_carries_the_answer_and_the_tracking_address():
    grievance = _whole_cycle(_case("en"))
    body = OutboxMessage.objects.get(subject__startswith="Our answer").body
    assert "The draft law is attached to this answer." in body
    assert "/en/grievances/track/" in body
    assert grievance.registered_no in body


def test_a_kazakh_speaker_gets_kazakh_and_the_answer_in_the_language_the_piu_wrote():
    grievance = _whole_cycle(_case("kk"))
    subjects = list(OutboxMessage.objects.order_by("pk").values_list("subject", flat=True))
    assert subjects[0] == f"Өтінішіңіз қабылданды: {grievance.registered_no}"
    resolved = OutboxMessage.objects.order_by("pk")[2].body
    assert "The draft law is attached to this answer." in resolved  # no Kazakh answer: the one written
    assert "/kk/grievances/track/" in resolved


def test_the_unrelated_message_names_the_body_the_case_was_referred_to():
    grievance = services.grievance_mark_unrelated(
        grievance=_case("en"), actor=None, referred_to="Land office of Bayanzurkh"
    )
    message = OutboxMessage.objects.order_by("pk").last()
    assert message.subject == f"Your case {grievance.registered_no} was referred to another body"
    assert "Land office of Bayanzurkh" in message.body
    assert _notified(grievance) == ["registered", "unrelated"]


def test_the_history_names_the_way_the_language_and_the_message():
    grievance = services.grievance_acknowledge(grievance=_case("mn"), actor=None)
    event = grievance.events.filter(event_type=EventType.NOTIFIED).latest("id")
    message = OutboxMessage.objects.get(pk=event.data["outbox_message"])
    assert (event.data["way"], event.data["language"], event.data["message"]) == ("email", "mn", "acknowledged")
    assert message.subject.startswith("Таны")


def test_a_complainant_without_an_e_mail_is_sent_nothing_and_nothing_is_recorded():
    grievance = _whole_cycle(register_grievance(complainant={"name": "Bat", "phone": "99112233"}))
    assert OutboxMessage.objects.count() == 0
    assert _notified(grievance) == []


def test_a_transition_rolled_back_leaves_no_message():
    grievance = _case("en")
    with pytest.raises(RuntimeError), transaction.atomic():
        services.grievance_acknowledge(grievance=grievance, actor=None)
        raise RuntimeError("the surrounding work failed")
    assert list(OutboxMessage.objects.values_list("subject", flat=True)) == [
        f"We have received your feedback: {grievance.registered_no}"
    ]
    assert _notified(grievance) == ["registered"]


def test_steps_without_a_message_send_none():
    grievance = services.grievance_acknowledge(grievance=_case("en"), actor=None)
    count = OutboxMessage.objects.count()
    services.grievance_escalate(grievance=grievance, actor=None, stage=2)
    services.grievance_assign(grievance=grievance, actor=None, assignee=None)
    assert OutboxMessage.objects.count() == count


@pytest.mark.worker
def test_the_real_worker_delivers_one_message_per_step_in_the_chosen_language(transactional_db, redis_celery_worker):
    grievance = _whole_cycle(_case("mn"))
    outbox_flush_task.delay()
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and OutboxMessage.objects.filter(status=OutboxStatus.PENDING).exists():
        time.sleep(0.2)
    time.sleep(0.5)  # a late flush must not send anything twice
    assert OutboxMessage.objects.filter(status=OutboxStatus.SENT).count() == 4
    assert sorted(message.subject for message in mail.outbox) == sorted(
        SUBJECTS["mn"][name].format(number=grievance.registered_no)
        for name in ("registered", "acknowledged", "resolved", "closed")
    )
    assert {tuple(message.to) for message in mail.outbox} == {("bat@example.mn",)}
    [resolution] = [
        message for message in mail.outbox if message.subject.startswith("Таны") and "хариу" in message.subject
    ]
    assert "The draft law is attached to this answer." in resolution.body
    assert _notified(grievance) == ["registered", "acknowledged", "resolved", "closed"]
