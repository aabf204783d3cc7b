"""One hotline case from registration to appeal, in a real browser, with the real outbox and Celery worker.

The officer registers a hotline case with an e-mail address; the complainant
follows it with the code from the receipt; the officer asks for information,
which pauses the clock; the complainant answers on the tracking page and the
deadline moves by the working days waited; the officer resolves; the
complainant says "no" with a reason and the case goes to the next stage. Every
step sends exactly one message, and the tracking page tells each step in
Mongolian and English.
"""

import re
import time
from datetime import timedelta

import pytest
from django.conf import settings
from django.core import mail
from django.test import Client
from django.utils import timezone, translation
from django.utils.translation import gettext

from grievances.models import Grievance, Stage, State
from grievances.services import moved_due_date, working_days_waited
from grievances.tests.factories import user_with_role
from smartgov import roles
from smartgov.models import OutboxMessage, OutboxStatus
from smartgov.tasks import outbox_flush_task

pytestmark = [pytest.mark.browser, pytest.mark.worker]

EMAIL = "bat@example.mn"
CODE = re.compile(r"\b[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}\b")
# What the tracking page says of each step (templates/grievances/_timeline.html), in English.
TIMELINE = [
    "We received your feedback.",
    "We confirmed that we received your feedback and started to look into it.",
    "We asked you for more information:",
    "You added information to your case.",
    "We answered and marked your issue as resolved.",
]


def _staff_tab(browser, live_server, user):
    client = Client()
    client.force_login(user)
    context = browser.new_context(base_url=live_server.url)
    context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            },
            {"name": settings.LANGUAGE_COOKIE_NAME, "value": "en", "url": live_server.url},
        ]
    )
    return context.new_page()


def _complainant_subjects():
    """The complainant's messages so far, oldest first (recipients are encrypted: compared in Python)."""
    return [message.subject for message in OutboxMessage.objects.order_by("pk") if message.recipient == EMAIL]


def _case_page(tab, grievance):
    tab.goto(f"/admin/grievances/grievance/{grievance.pk}/change/")


def _transition(tab, grievance, action, **fields):
    _case_page(tab, grievance)
    for name, value in fields.items():
        selector = f"#id_{action}-{name}"
        if tab.locator(selector).evaluate("element => element.tagName") == "SELECT":
            tab.select_option(selector, value)
        else:
            tab.fill(selector, value)
    with tab.expect_navigation():
        tab.click(f"#workflow button[value={action}]")
    assert tab.locator(".messagelist .success").count() == 1, tab.inner_text(".messagelist")


def _track(tab, language, number, code):
    tab.goto(f"/{language}/grievances/track/")
    tab.fill("#id_registered_no", number)
    tab.fill("#id_code", code)
    tab.click("#lookup-title ~ form button[type=submit]")
    tab.wait_for_selector("#case-title")


def _step(expected_subject_start, action):
    """Run one step and check it wrote exactly one message to the complainant, the one expected."""
    before = _complainant_subjects()
    action()
    after = _complainant_subjects()
    assert len(after) == len(before) + 1, after[len(before) :]
    assert after[-1].startswith(expected_subject_start), after[-1]


def test_a_hotline_case_from_registration_to_appeal(browser, live_server, redis_celery_worker):
    officer = user_with_role(roles.PIU_OFFICER, email="officer@piu.mn")
    staff = _staff_tab(browser, live_server, officer)
    citizen = browser.new_context(base_url=live_server.url).new_page()
    today = timezone.localdate()

    # The officer registers the call; the receipt's code is shown once.
    def register():
        staff.goto("/admin/grievances/grievance/add/")
        staff.fill("#id_received_at_0", (today - timedelta(days=3)).isoformat())
        staff.fill("#id_received_at_1", "10:00")
        staff.select_option("#id_kind", "complaint")
        staff.select_option("#id_channel", "hotline")
        staff.fill("#id_message", "The road works have blocked the way to the clinic since Monday.")
        staff.fill("#id_summary_mn", "Замын ажлын улмаас эмнэлэг рүү орох зам хаагдсан")
        staff.fill("#id_summary_en", "Road works blocked the way to the clinic")
        staff.fill("#id_complainant_name", "Bat")
        staff.fill("#id_complainant_email", EMAIL)
        staff.select_option("#id_complainant_preferred_language", "en")
        with staff.expect_navigation():
            staff.click("input[name=_save]")

    _step("Receipt of your feedback", register)
    with staff.expect_navigation():
        staff.click(".messagelist .success a")  # the printable receipt, the one place the code is shown
    code = CODE.search(staff.inner_text("body")).group(0)
    grievance = Grievance.objects.get()
    assert grievance.channel == "hotline"

    # The complainant follows the case with the number and the code from the receipt.
    _track(citizen, "en", grievance.registered_no, code)

    _step("Your case", lambda: _transition(staff, grievance, "acknowledge"))
    before = _complainant_subjects()
    _transition(staff, grievance, "assign", assignee=str(officer.pk))
    assert _complainant_subjects() == before  # assigning tells the complainant nothing
    # Days pass and the deadline with them: the case is overdue.
    Grievance.objects.filter(pk=grievance.pk).update(due_on=today - timedelta(days=1))
    assert Grievance.objects.overdue(today).filter(pk=grievance.pk).exists()

    _step(
        "We need more information",
        lambda: _transition(staff, grievance, "request_information", message="Which road do you mean?"),
    )
    grievance.refresh_from_db()
    assert grievance.state == State.AWAITING_COMPLAINANT
    assert not Grievance.objects.overdue(today).filter(pk=grievance.pk).exists()
    staff.goto("/admin/grievances/grievance/?queue=overdue")
    assert grievance.registered_no not in staff.inner_text("#changelist")

    # The question waited a week and a half before the complainant answered on the tracking page.
    asked = today - timedelta(days=10)
    Grievance.objects.filter(pk=grievance.pk).update(awaiting_since=asked)
    paused = grievance.paused_due_on

    def reply():
        _track(citizen, "en", grievance.registered_no, code)
        assert citizen.inner_text("#question") == "Which road do you mean?"
        citizen.fill("#id_text", "The road from the soum centre to the clinic.")
        citizen.click("#reply button[type=submit]")
        citizen.wait_for_selector("#done")

    before = _complainant_subjects()
    reply()
    assert _complainant_subjects() == before  # the reply is acknowledged on the page; the officer gets the e-mail
    grievance.refresh_from_db()
    waited = working_days_waited(asked, today)
    assert waited >= 4  # ten calendar days: two weekends and, in late November, Republic Day
    assert grievance.state == State.IN_PROGRESS
    assert grievance.due_on == moved_due_date(paused, waited) > paused

    _step(
        "Our answer to your case",
        lambda: _transition(
            staff,
            grievance,
            "resolve",
            actions_taken_mn="Opened a detour to the clinic",
            actions_taken_en="Opened a detour to the clinic",
            response_way="email",
            public_answer_en="A detour to the clinic is open from today.",
        ),
    )

    def appeal():
        _track(citizen, "en", grievance.registered_no, code)
        assert "A detour to the clinic is open from today." in citizen.inner_text("main")
        citizen.check("#id_resolved_1")
        citizen.fill("#id_reason", "The detour is flooded.")
        citizen.click("#resolution button[type=submit]")
        citizen.wait_for_selector("#done")

    _step("Your case", appeal)
    grievance.refresh_from_db()
    assert (grievance.state, grievance.stage) == (State.IN_PROGRESS, Stage.PIU)
    assert grievance.due_on > today

    # The real worker sends every message once.
    outbox_flush_task.delay()
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and OutboxMessage.objects.filter(status=OutboxStatus.PENDING).exists():
        time.sleep(0.2)
    time.sleep(0.5)
    to_complainant = [message for message in mail.outbox if message.to == [EMAIL]]
    assert [message.subject for message in to_complainant] == _complainant_subjects()
    assert len(to_complainant) == 5
    to_officer = [message.subject for message in mail.outbox if message.to == ["officer@piu.mn"]]
    number = grievance.registered_no  # staff messages are in Mongolian, the PIU's language
    assert to_officer == [
        f"{number} дугаартай санал, гомдлын өргөдөл гаргагчаас шинэ мэдээлэл ирлээ",
        f"{number} дугаартай санал, гомдлыг өргөдөл гаргагч давж заалдлаа",
    ]

    # The tracking page tells every step, in English and in Mongolian.
    for language in ("en", "mn"):
        _track(citizen, language, grievance.registered_no, code)
        timeline = citizen.inner_text(".timeline")
        with translation.override(language):
            for sentence in TIMELINE:
                assert gettext(sentence) in timeline, (language, sentence)
            appealed = gettext(
                "You told us your issue was not resolved. Your case was taken to the next stage: %(stage)s."
            ) % {"stage": Stage.PIU.label}
            assert appealed in timeline
        if language == "mn":
            assert TIMELINE[0] not in timeline  # no English left on the Mongolian page
