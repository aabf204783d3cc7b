"""Messages to the complainant: one per event, in their language, through the outbox, recorded in the history."""

import ast
import re
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.core import mail
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext
from django.utils.translation.template import templatize

from grievances import notifications, services
from grievances.models import ContactTask, EventType, Message, ResponseWay, Stage
from grievances.tests.factories import register_grievance
from smartgov import sms
from smartgov.models import OutboxChannel, OutboxMessage, OutboxStatus
from smartgov.tasks import outbox_flush_task
from smartgov.written_dates import written_date

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
        actions_taken_mn="Sent the draft law",
        actions_taken_en="Sent the draft law",
        response_way=ResponseWay.EMAIL,
        public_answer_en="The draft law is attached to this answer.",
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


def test_a_complainant_without_an_e_mail_or_a_mobile_is_sent_nothing_and_nothing_is_recorded():
    # A landline cannot take a text, and no way of answer was chosen: there is nobody to write to.
    grievance = _whole_cycle(register_grievance(complainant={"name": "Bat", "phone": "7011 2233"}))
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


def test_assigning_sends_nothing():
    grievance = services.grievance_acknowledge(grievance=_case("en"), actor=None)
    count = OutboxMessage.objects.count()
    services.grievance_assign(grievance=grievance, actor=None, assignee=None)
    assert OutboxMessage.objects.count() == count


STAGE_CHANGED = {
    "en": ("Your case {number} has moved to another stage", "Stage 2: assessment and resolution by the PIU"),
    "mn": ("Таны {number} дугаартай санал, гомдол өөр шатанд шилжлээ", "2-р шат: ТХН-ээс хянан шийдвэрлэх"),
    "kk": ("Сіздің {number} нөмірлі өтінішіңіз басқа кезеңге өтті", "2-кезең: ЖІБ қарап шешуі"),
}


@pytest.mark.parametrize("language", ["en", "mn", "kk"])
def test_an_escalation_tells_the_new_stage_and_its_deadline(language):
    grievance = services.grievance_acknowledge(grievance=_case(language), actor=None)
    grievance = services.grievance_escalate(grievance=grievance, actor=None, stage=2)
    message = OutboxMessage.objects.order_by("pk").last()
    subject, stage = STAGE_CHANGED[language]
    assert message.subject == subject.format(number=grievance.registered_no)
    assert stage in message.body
    assert written_date(grievance.due_on, language) in message.body  # e-mails write dates as the language does
    assert f"/{language}/grievances/track/" in message.body
    assert _notified(grievance)[-1] == "stage_changed"


def _flush_through_the_worker():
    """Queue a flush for the real worker and wait until nothing is pending, then a little more."""
    outbox_flush_task.delay()
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and OutboxMessage.objects.filter(status=OutboxStatus.PENDING).exists():
        time.sleep(0.2)
    time.sleep(0.5)  # a late flush must not send anything twice


@pytest.mark.worker
def test_the_real_worker_delivers_one_message_per_step_in_the_chosen_language(transactional_db, redis_celery_worker):
    grievance = _whole_cycle(_case("mn"))
    _flush_through_the_worker()
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


# --- The way the complainant chose --------------------------------------------------------


def _sms_case(language="en", phone="+976 9911-2233", **complainant):
    values = {"name": "Bat", "phone": phone, "preferred_contact": ResponseWay.PHONE, "preferred_language": language}
    return register_grievance(complainant={**values, **complainant})


def _ways(grievance):
    return [event.data["way"] for event in grievance.events.filter(event_type=EventType.NOTIFIED)]


def test_a_complainant_who_chose_e_mail_is_written_to():
    grievance = register_grievance(
        complainant={"email": "bat@example.mn", "phone": "99112233", "preferred_contact": ResponseWay.EMAIL}
    )
    message = OutboxMessage.objects.get()
    assert (message.channel, message.recipient) == (OutboxChannel.EMAIL, "bat@example.mn")
    assert _ways(grievance) == ["email"]


def test_a_complainant_who_chose_phone_and_left_a_mobile_gets_an_sms_even_with_an_e_mail():
    grievance = _sms_case(email="bat@example.mn")
    message = OutboxMessage.objects.get()
    assert (message.channel, message.recipient, message.subject) == (OutboxChannel.SMS, "99112233", "")
    assert _ways(grievance) == ["sms"]
    assert not ContactTask.objects.exists()


def test_a_complainant_who_chose_phone_with_a_landline_and_an_e_mail_is_written_to():
    grievance = _sms_case(phone="7011 2233", email="bat@example.mn")
    assert OutboxMessage.objects.get().channel == OutboxChannel.EMAIL
    assert _ways(grievance) == ["email"]


def test_a_complainant_who_chose_phone_with_only_a_landline_is_called_by_the_officer():
    grievance = services.grievance_acknowledge(grievance=_sms_case(phone="7011 2233"), actor=None)
    assert OutboxMessage.objects.count() == 0
    assert list(grievance.contact_tasks.values_list("message", "way", "language", "done_at")) == [
        ("registered", "phone", "en", None),
        ("acknowledged", "phone", "en", None),
    ]
    assert _ways(grievance) == []  # written to the history when the call is made


@pytest.mark.parametrize("chosen", [ResponseWay.IN_PERSON])
def test_a_complainant_who_chose_in_person_is_always_told_in_person(chosen):
    grievance = register_grievance(
        complainant={"email": "bat@example.mn", "phone": "99112233", "preferred_contact": chosen}
    )
    assert OutboxMessage.objects.count() == 0
    assert list(grievance.contact_tasks.values_list("message", "way")) == [("registered", "in_person")]


def test_a_complainant_who_asked_for_a_meeting_and_left_nothing_to_write_to_is_met():
    grievance = register_grievance(complainant={"name": "Bat", "preferred_contact": ResponseWay.MEETING})
    assert list(grievance.contact_tasks.values_list("way", flat=True)) == ["in_person"]


def test_a_complainant_who_chose_a_letter_and_left_only_a_mobile_is_sent_nothing():
    grievance = register_grievance(complainant={"phone": "99112233", "preferred_contact": ResponseWay.LETTER})
    assert OutboxMessage.objects.count() == 0
    assert not grievance.contact_tasks.exists()


@pytest.mark.parametrize(
    ("phone", "mobile"),
    [
        ("99112233", "99112233"),
        ("9911 2233", "99112233"),
        ("+976 8811-2233", "88112233"),
        ("97688112233", "88112233"),
        ("7011 2233", ""),  # Ulaanbaatar landline
        ("5511 2233", ""),
        ("9911 223", ""),
        ("+7 9911 2233", ""),
        ("", ""),
    ],
)
def test_only_mongolian_mobile_numbers_get_sms(phone, mobile):
    assert notifications.mobile_number(phone) == mobile


# What each SMS says, word for word, in each language (registration number f-2020/01, deadline 2020-09-14).
SMS_TEXTS = {
    "en": {
        "registered": "Feedback f-2020/01 received. Follow it: {url}",
        "acknowledged": "Case f-2020/01 is being looked into, answer by {due}: {url}",
    },
    "mn": {
        "registered": "Таны f-2020/01 дугаартай санал, гомдлыг хүлээн авлаа. Явц: {url}",
        "acknowledged": "f-2020/01 дугаартай гомдлыг шалгаж байна, {due} гэхэд хариулна: {url}",
    },
    "kk": {
        "registered": "f-2020/01 өтінішіңіз қабылданды. Бақылау: {url}",
        "acknowledged": "f-2020/01 өтініш қаралуда, {due} дейін жауап береміз: {url}",
    },
}


@pytest.mark.parametrize("language", ["en", "mn", "kk"])
def test_the_sms_is_in_the_complainant_s_language_with_the_number_and_the_tracking_link(language, settings):
    settings.PUBLIC_BASE_URL = "https://grm.smart.gov.mn"
    grievance = services.grievance_acknowledge(grievance=_sms_case(language), actor=None)
    url = f"https://grm.smart.gov.mn/{language}/grievances/track/"
    texts = list(OutboxMessage.objects.order_by("pk").values_list("body", flat=True))
    expected = SMS_TEXTS[language]
    assert texts == [
        expected["registered"].format(url=url),
        expected["acknowledged"].format(url=url, due=written_date(grievance.due_on, language, short=True)),
    ]
    event = grievance.events.filter(event_type=EventType.NOTIFIED).latest("id")
    assert (event.data["way"], event.data["language"]) == ("sms", language)


def _segments(text):
    """SMS segments: 160/153 characters in the GSM alphabet, 70/67 in UCS-2 (Cyrillic)."""
    if all(ord(character) < 128 for character in text):
        return 1 if len(text) <= 160 else -(-len(text) // 153)
    return 1 if len(text) <= 70 else -(-len(text) // 67)


MESSAGE_NAMES = [
    "registered",
    "acknowledged",
    "stage_changed",
    "information_requested",
    "information_reminder",
    "resolved",
    "appealed",
    "unrelated",
    "closed",
]


@pytest.mark.parametrize("language", ["en", "mn", "kk"])
def test_every_sms_fits_in_two_segments_and_carries_the_number_and_the_link_not_the_code(language, settings):
    settings.PUBLIC_BASE_URL = "https://grm.smart.gov.mn"
    grievance = services.grievance_acknowledge(grievance=_sms_case(language), actor=None)
    grievance.referred_to = "Bayanzurkh land office, 7011 2233"
    grievance.stage = 3
    for name in MESSAGE_NAMES:
        message = getattr(notifications, f"grievance_{name}_notify")(grievance=grievance)
        text = message.body
        assert _segments(text) <= 2, (name, len(text), text)
        assert grievance.registered_no in text
        assert f"https://grm.smart.gov.mn/{language}/grievances/track/" in text
        with translation.override(language):
            assert gettext("tracking code") not in text
    assert _notified(grievance)[2:] == MESSAGE_NAMES


@pytest.mark.parametrize("language", ["en", "mn", "kk"])
def test_a_long_name_of_the_body_referred_to_is_cut_to_keep_the_sms_within_three_segments(language, settings):
    settings.PUBLIC_BASE_URL = "https://grm.smart.gov.mn"
    grievance = _sms_case(language)
    grievance.referred_to = "Governor's Office of Bayanzurkh district, land affairs department, 7011 2233 " * 3
    text = notifications.grievance_unrelated_notify(grievance=grievance).body
    assert _segments(text) <= 3
    assert "Governor's Office of Bayanzurkh district" in text


@pytest.mark.parametrize("language", ["en", "mn", "kk"])
def test_the_receipt_sms_carries_the_code_within_two_segments(language, settings):
    settings.PUBLIC_BASE_URL = "https://grm.smart.gov.mn"
    grievance = _sms_case(language)
    message = notifications.grievance_receipt_notify(grievance=grievance, code="ABCD-EFGH-JKMN")
    assert "ABCD-EFGH-JKMN" in message.body and grievance.registered_no in message.body
    assert _segments(message.body) <= 2, (len(message.body), message.body)
    assert message.erase_after_send


def test_each_message_has_its_sms_text_and_its_name():
    # The receipt carries the tracking code: it has its own test above.
    assert set(MESSAGE_NAMES) | {"receipt"} == set(Message.values)
    for name in MESSAGE_NAMES:
        assert callable(getattr(notifications, f"grievance_{name}_notify"))


def test_sms_are_sent_after_commit_through_the_outbox(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        grievance = _sms_case("en")
    assert [(text.recipient, text.text.split(" received")[0]) for text in sms.outbox] == [
        ("99112233", f"Feedback {grievance.registered_no}")
    ]
    assert OutboxMessage.objects.get().status == OutboxStatus.SENT
    assert mail.outbox == []


@pytest.mark.worker
def test_the_real_worker_sends_one_sms_per_step(transactional_db, redis_celery_worker):
    grievance = _whole_cycle(_sms_case("mn"))
    _flush_through_the_worker()
    assert OutboxMessage.objects.filter(status=OutboxStatus.SENT, channel=OutboxChannel.SMS).count() == 4
    assert mail.outbox == []
    assert {text.recipient for text in sms.outbox} == {"99112233"}
    assert sorted(text.text for text in sms.outbox) == sorted(OutboxMessage.objects.values_list("body", flat=True))
    assert f"Таны {grievance.registered_no} дугаартай санал, гомдлыг хүлээн авлаа." in [
        text.text.split(" Явц:")[0] for text in sms.outbox
    ]
    assert _ways(grievance) == ["sms"] * 4


# --- The e-mail templates are complete in every language -------------------------------------


def _template_messages():
    """The translatable texts of every template the complainant receives (staff messages are Mongolian only)."""
    folder = Path(settings.BASE_DIR) / "templates" / "grievances"
    paths = [*folder.glob("email/*.txt"), *folder.glob("sms/*.txt")]
    found = set()
    for path in paths:
        if "_staff" in path.name:
            continue
        source = templatize(path.read_text(encoding="utf-8"))
        found |= {ast.literal_eval(text) for text in re.findall(r"n?gettext\((u'(?:[^'\\\\]|\\\\.)*')", source)}
    return sorted(found)


@pytest.mark.parametrize("language", ["mn", "kk"])
def test_every_message_to_the_complainant_is_translated(language):
    texts = _template_messages()
    assert len(texts) > 40
    with translation.override("en"):
        english_stages = [str(label) for label in Stage.labels]
    with translation.override(language):
        untranslated = [text for text in texts if gettext(text) == text]
        stages = [str(label) for label in Stage.labels]
    assert untranslated == []
    assert not set(stages) & set(english_stages)


def test_a_complainant_who_chose_no_way_and_left_only_a_mobile_gets_an_sms():
    grievance = register_grievance(complainant={"name": "Bat", "phone": "9911 2233", "preferred_language": "mn"})
    assert notifications.contact_way(grievance.complainant) == "sms"


def test_a_kazakh_answer_given_when_resolving_reaches_the_kazakh_speaker():
    grievance = services.grievance_acknowledge(grievance=_case("kk"), actor=None)
    services.grievance_resolve(
        grievance=grievance,
        actor=None,
        actions_taken_mn="Sent the draft law",
        actions_taken_en="Sent the draft law",
        response_way=ResponseWay.EMAIL,
        public_answer_en="The draft law is attached.",
        public_answer_kk="Заң жобасы қоса беріледі.",
    )
    resolution = OutboxMessage.objects.order_by("pk").last()
    assert "Заң жобасы қоса беріледі." in resolution.body
    assert "The draft law is attached." not in resolution.body


@pytest.mark.parametrize(
    ("language", "answers", "shown", "note"),
    [
        ("en", {"public_answer_en": "Road fixed.", "public_answer_mn": "Зам засагдсан."}, "Road fixed.", None),
        ("mn", {"public_answer_en": "Road fixed.", "public_answer_mn": "Зам засагдсан."}, "Зам засагдсан.", None),
        ("en", {"public_answer_mn": "Зам засагдсан."}, "Зам засагдсан.", "Language of the answer: Mongolian."),
        ("mn", {"public_answer_en": "Road fixed."}, "Road fixed.", "Хариултын хэл: Англи."),
    ],
)
def test_the_resolution_gives_the_answer_in_the_complainant_s_language_or_says_which_language_it_is_in(
    language, answers, shown, note
):
    grievance = services.grievance_acknowledge(grievance=_case(language), actor=None)
    services.grievance_resolve(
        grievance=grievance,
        actor=None,
        actions_taken_mn="Засвар хийсэн",
        actions_taken_en="Repaired the road",
        response_way=ResponseWay.EMAIL,
        **answers,
    )
    body = OutboxMessage.objects.order_by("pk").last().body
    assert shown in body
    assert [text for text in ("Road fixed.", "Зам засагдсан.") if text in body] == [shown]
    if note:
        assert note in body
    else:
        assert "Language of the answer" not in body and "Хариултын хэл" not in body
