"""A hotline case with its complainant and a scanned letter, registered in one save with the keyboard only.

Chromium at 1280 x 800, the admin in English. Every field is reached with Tab
and filled by typing or with the arrow keys; the one exception is the file:
headless Chromium opens no file dialog a keyboard could drive, so the file is
handed to the focused file input with set_input_files, as the dialog would.
"""

import re
from datetime import timedelta

import pytest
from django.conf import settings as django_settings
from django.test import Client
from django.utils import timezone

from grievances.models import Grievance
from grievances.tests.factories import user_with_role
from grievances.tests.public_helpers import PDF_BYTES
from smartgov import roles

pytestmark = pytest.mark.browser
CODE = re.compile(r"\b[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}\b")
# The form's controls in the order of the page; Tab must reach them in this order (the date and time boxes
# each have the admin's shortcuts after them: "Today" and the calendar, "Now" and the clock).
FIELDS = [
    "id_kind",
    "id_channel",
    "id_received_at_0",
    "id_received_at_1",
    "id_complainant_name",
    "id_complainant_phone",
    "id_complainant_email",
    "id_complainant_address",
    "id_complainant_preferred_contact",
    "id_complainant_preferred_language",
    "id_complainant_vulnerable_groups",
    "id_aimag",
    "id_gender",
    "id_age_group",
    "id_disability",
    *(f"id_vulnerable_groups_{number}" for number in range(6)),
    "id_location",
    "id_message",
    "id_message_language",
    "id_attachments",
    "id_summary_mn",
    "id_summary_en",
    "id_details",
]
MESSAGE = "Hello, this is Bat from Tsengel. The road to the clinic has been closed by the works for a week."


@pytest.fixture
def tab(browser, live_server, transactional_db, settings):
    """A 1280 x 800 tab signed in as a PIU officer (no second factor: STAFF_REQUIRE_2FA is off), in English."""
    settings.STAFF_REQUIRE_2FA = False
    officer = user_with_role(roles.PIU_OFFICER)
    client = Client()
    client.force_login(officer)
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 800})
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
    yield context.new_page()
    context.close()


def _focused(tab):
    return tab.evaluate("document.activeElement.id || document.activeElement.name || document.activeElement.tagName")


def _tab_to(tab, element_id, most=3):
    """Press Tab until `element_id` has the focus, passing at most `most` other stops (the date shortcuts)."""
    for _ in range(most + 1):
        tab.keyboard.press("Tab")
        if _focused(tab) == element_id:
            return
    raise AssertionError(f"Tab did not reach {element_id}; the focus is on {_focused(tab)}")


def _choose(tab, presses):
    """Move through a focused select with the arrow keys."""
    for key in presses.split():
        tab.keyboard.press(key)


def test_a_hotline_case_with_its_complainant_and_a_scanned_letter_in_one_save(tab, tmp_path):
    letter = tmp_path / "letter.pdf"
    letter.write_bytes(PDF_BYTES)
    yesterday = timezone.localdate() - timedelta(days=1)

    tab.goto("/admin/grievances/grievance/add/")
    # The page opens with the focus on its first field (the admin's change_form.js) and every control
    # comes in the order of the page.
    assert _focused(tab) == "id_kind"
    assert tab.eval_on_selector("#id_received_at_0", "box => box.value") == timezone.localdate().isoformat()
    tops = tab.evaluate("ids => ids.map(id => document.getElementById(id).getBoundingClientRect().top)", FIELDS)
    assert tops == sorted(tops)

    _choose(tab, "ArrowDown")  # Complaint
    _tab_to(tab, "id_channel", most=0)
    _choose(tab, "ArrowDown")  # Hotline / telephone
    _tab_to(tab, "id_received_at_0", most=0)
    tab.keyboard.press("Control+A")
    tab.keyboard.type(yesterday.isoformat())
    _tab_to(tab, "id_received_at_1")
    tab.keyboard.press("Control+A")
    tab.keyboard.type("16:45")
    _tab_to(tab, "id_complainant_name")
    tab.keyboard.type("Bat Dorj")
    _tab_to(tab, "id_complainant_phone", most=0)
    tab.keyboard.type("9911 2233")
    _tab_to(tab, "id_complainant_email", most=0)
    tab.keyboard.type("bat@example.mn")
    _tab_to(tab, "id_complainant_address", most=0)
    tab.keyboard.type("Bayan-Ölgii, Tsengel soum, 3rd bag")
    _tab_to(tab, "id_complainant_preferred_contact", most=0)
    _choose(tab, "ArrowDown ArrowDown")  # Phone call
    _tab_to(tab, "id_complainant_preferred_language", most=0)
    _choose(tab, "ArrowDown ArrowDown")  # English
    _tab_to(tab, "id_complainant_vulnerable_groups", most=0)
    tab.keyboard.type("herder")
    _tab_to(tab, "id_aimag", most=0)
    tab.keyboard.type("Bayan-")  # a list's type-ahead: Bayan-Ölgiy
    _tab_to(tab, "id_gender", most=0)
    _choose(tab, "ArrowDown ArrowDown")  # Male
    _tab_to(tab, "id_age_group", most=0)
    _choose(tab, "ArrowDown ArrowDown ArrowDown")  # 35 to 59
    _tab_to(tab, "id_disability", most=0)
    _choose(tab, "ArrowDown ArrowDown")  # No
    _tab_to(tab, "id_vulnerable_groups_0", most=0)
    tab.keyboard.press("Space")  # Herder household
    _tab_to(tab, "id_location", most=5)
    tab.keyboard.type("Tsengel soum")
    _tab_to(tab, "id_message", most=0)
    tab.keyboard.type(MESSAGE)
    _tab_to(tab, "id_message_language", most=0)
    assert tab.eval_on_selector("#id_message_language", "select => select.value") == "en"  # the admin's language
    _tab_to(tab, "id_attachments", most=0)
    tab.set_input_files("#id_attachments", str(letter))  # the OS file dialog: the one step not by keyboard
    _tab_to(tab, "id_summary_mn", most=0)
    tab.keyboard.type("Замын ажлын улмаас эмнэлэг рүү очих зам хаагдсан")
    _tab_to(tab, "id_summary_en", most=0)
    tab.keyboard.type("Road works closed the way to the clinic")
    _tab_to(tab, "id_details", most=0)
    tab.keyboard.type("Called from the soum centre.")
    _tab_to(tab, "_save", most=0)
    with tab.expect_navigation():
        tab.keyboard.press("Enter")

    grievance = Grievance.objects.get()
    success = tab.inner_text(".messagelist .success")
    assert grievance.registered_no in success
    # To the receipt with the keyboard: the skip link, then the first link of the page's content.
    tab.keyboard.press("Tab")
    with tab.expect_navigation():
        tab.keyboard.press("Enter")
    tab.keyboard.press("Tab")
    assert tab.evaluate("document.activeElement.textContent") == "Print the receipt"
    with tab.expect_navigation():
        tab.keyboard.press("Enter")
    receipt = tab.inner_text("body")
    assert grievance.registered_no in receipt and CODE.search(receipt)

    assert (grievance.kind, grievance.channel) == ("complaint", "hotline")
    received = timezone.localtime(grievance.received_at)
    assert (received.date(), received.strftime("%H:%M")) == (yesterday, "16:45")
    assert (grievance.message, grievance.message_language) == (MESSAGE, "en")
    assert (grievance.summary_mn, grievance.summary_en) == (
        "Замын ажлын улмаас эмнэлэг рүү очих зам хаагдсан",
        "Road works closed the way to the clinic",
    )
    complainant = grievance.complainant
    assert (complainant.name, complainant.phone, complainant.email) == ("Bat Dorj", "9911 2233", "bat@example.mn")
    assert (complainant.preferred_contact, complainant.preferred_language) == ("phone", "en")
    assert complainant.vulnerable_groups == "herder"
    assert (grievance.aimag, grievance.location, grievance.gender, grievance.age_group, grievance.disability) == (
        "MN-071",
        "Tsengel soum",
        "male",
        "35_59",
        "no",
    )
    assert grievance.vulnerable_groups == ",herder,"
    [scan] = grievance.attachments.all()
    assert (scan.original_name, scan.content_type) == ("letter.pdf", "application/pdf")
    assert scan.file.read() == PDF_BYTES


@pytest.mark.parametrize("language", ["mn", "en"])
def test_the_registration_page_has_no_axe_violations_before_or_after_an_error(tab, live_server, axe_source, language):
    tab.context.add_cookies([{"name": django_settings.LANGUAGE_COOKIE_NAME, "value": language, "url": live_server.url}])
    tab.goto("/admin/grievances/grievance/add/")

    def violations():
        tab.evaluate(axe_source)
        return tab.evaluate(
            "() => axe.run({include: ['#grievance_form']}, {runOnly: {type: 'tag', values: "
            "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}}).then(r => r.violations.map(v => [v.id, v.nodes.length]))"
        )

    assert violations() == []
    tab.fill("#id_received_at_0", (timezone.localdate() + timedelta(days=1)).isoformat())
    with tab.expect_navigation():
        tab.click("input[name=_save]")
    assert tab.locator(".error-summary li").count() == 4  # type, channel, date, message
    assert violations() == []
