"""The public feedback pages in a real browser: keyboard only, without JavaScript, in every language, axe-clean."""

import pytest
from django.core.cache import cache
from django.db import connection

from grievances import tracking
from grievances.models import Attachment, Channel, Grievance
from grievances.tests.public_helpers import PDF_BYTES

pytestmark = pytest.mark.browser

LANGUAGES = ["mn", "en", "kk"]


@pytest.fixture(autouse=True)
def _clean(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    cache.clear()


def focused(tab, selector):
    return tab.evaluate("s => document.activeElement && document.activeElement.matches(s)", selector)


def tab_to(tab, selector, limit=60):
    """Press Tab until the element matching `selector` has focus, as a keyboard user would."""
    for _press in range(limit):
        tab.keyboard.press("Tab")
        if focused(tab, selector):
            return
    raise AssertionError(f"{selector} was not reached with the Tab key")


def fill_with_keyboard(tab, attachment_path):
    tab_to(tab, "input[name=kind]")
    tab.keyboard.press("Space")  # the first option: a complaint
    tab_to(tab, "#id_summary")
    tab.keyboard.type("Замын засварын нүх хаалтгүй орхигдсон.")
    tab_to(tab, "#id_location")
    tab.keyboard.type("Баян-Өлгий, Цэнгэл сум")
    tab_to(tab, "#id_attachments")
    tab.set_input_files("#id_attachments", str(attachment_path))  # the file chooser itself is the OS's
    tab_to(tab, "#id_consent")
    tab.keyboard.press("Space")
    tab_to(tab, "button[type=submit]")
    tab.keyboard.press("Enter")
    tab.wait_for_selector("#check-answers")  # nothing is registered before the answers are checked
    tab_to(tab, "#send")
    tab.keyboard.press("Enter")
    tab.wait_for_url("**/grievances/new/done/")


def track(tab, language, number, code):
    tab.goto(f"/{language}/grievances/track/")
    tab.fill("#id_registered_no", number)
    tab.fill("#id_code", code)
    tab.click("button[type=submit]")


def test_keyboard_only_in_mongolian_with_an_attachment_then_tracking(page, tmp_path):
    attachment = tmp_path / "zurag.pdf"
    attachment.write_bytes(PDF_BYTES)
    page.goto("/mn/grievances/new/")
    fill_with_keyboard(page, attachment)
    number = page.inner_text("#registered-no")
    code = page.inner_text("#tracking-code")
    grievance = Grievance.objects.get(registered_no=number)
    assert grievance.channel == Channel.WEBSITE
    assert Attachment.objects.get(grievance=grievance).content_type == "application/pdf"

    page.goto("/mn/grievances/track/")
    tab_to(page, "#id_registered_no")
    page.keyboard.type(number)
    tab_to(page, "#id_code")
    page.keyboard.type(code)
    page.keyboard.press("Enter")
    page.wait_for_selector("#case-title")
    assert number in page.inner_text("#case-title")


def test_errors_focus_the_summary_whose_links_move_to_the_field(page):
    page.goto("/en/grievances/new/")
    tab_to(page, "button[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_selector("#error-summary")
    assert focused(page, "#error-summary")
    tab_to(page, "#error-summary a[href='#id_summary']")
    page.keyboard.press("Enter")
    assert focused(page, "#id_summary")


def test_without_javascript_a_grievance_is_filed_and_tracked(page_without_javascript, tmp_path):
    tab = page_without_javascript
    photo = tmp_path / "photo.pdf"
    photo.write_bytes(PDF_BYTES)
    tab.goto("/mn/grievances/new/")
    tab.check("#id_kind_1")
    tab.fill("#id_summary", "Баримт бичгийн хуулбар хүсье.")
    tab.set_input_files("#id_attachments", str(photo))
    with tab.expect_navigation():
        tab.click("button[type=submit]")  # consent missing: the file must be kept
    assert tab.locator("input[name=keep_attachment]").count() == 1
    tab.check("#id_consent")
    tab.click("button[type=submit]")
    tab.wait_for_selector("#check-answers")
    assert "zurag.pdf" not in tab.inner_text("#check-answers")
    assert "photo.pdf" in tab.inner_text("#answer-attachments")  # the kept file, by name
    tab.click("#send")
    tab.wait_for_url("**/grievances/new/done/")
    number, code = tab.inner_text("#registered-no"), tab.inner_text("#tracking-code")
    assert Attachment.objects.get().grievance.registered_no == number
    track(tab, "mn", number, code)
    assert number in tab.inner_text("#case-title")


def test_the_same_form_sent_twice_at_once_makes_one_case(page):
    if connection.vendor != "postgresql":
        pytest.skip("two requests writing at once need PostgreSQL; SQLite's test database serialises them")
    """What a double click does on browsers that send both POSTs (Chromium itself sends one)."""
    page.goto("/en/grievances/new/")
    page.check("#id_kind_2")
    page.fill("#id_summary", "When does the service centre open?")
    page.check("#id_consent")
    statuses = page.evaluate(
        """async () => {
            const form = document.querySelector("form[enctype]");
            const sent = () => { const data = new FormData(form); data.append("step", "send"); return data; };
            const send = () => fetch(form.action, {method: "POST", body: sent()});
            const responses = await Promise.all([send(), send()]);
            return responses.map(response => response.status);
        }"""
    )
    assert statuses == [200, 200]  # both followed the redirect to the confirmation
    assert Grievance.objects.count() == 1
    page.goto("/en/grievances/new/done/")
    grievance = Grievance.objects.get()
    assert page.inner_text("#registered-no") == grievance.registered_no
    assert tracking.tracking_code_matches(page.inner_text("#tracking-code"), grievance.tracking_code_hash)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_public_feedback_page_has_no_axe_violations_and_works_in(page, axe_violations, language):
    """One walk per language: the form empty and with errors, confirmation, tracking, easy read."""
    checked = {}

    def check(name):
        assert page.locator("html").get_attribute("lang") == language
        checked[name] = axe_violations(page)

    page.goto(f"/{language}/")
    check("home")
    page.goto(f"/{language}/grievances/new/")
    check("form")
    page.click("button[type=submit]")
    page.wait_for_selector("#error-summary")
    check("form with errors")
    page.check("#id_kind_3")
    page.fill("#id_summary", f"A suggestion written in {language}.")
    page.check("#id_consent")
    page.click("button[type=submit]")
    page.wait_for_selector("#check-answers")
    check("check your answers")
    page.click("#send")
    page.wait_for_url("**/grievances/new/done/")
    check("confirmation")
    number, code = page.inner_text("#registered-no"), page.inner_text("#tracking-code")
    page.goto(f"/{language}/grievances/track/")
    check("tracking")
    track(page, language, number, "AAAA-BBBB-CCCC")
    page.wait_for_selector("#error-summary")
    check("tracking, not found")
    track(page, language, number, code)
    page.wait_for_selector("#case-title")
    check("tracking, found")
    page.goto(f"/{language}/grievances/how-it-works/")
    check("easy read")
    assert Grievance.objects.get().complainant.preferred_language == language
    assert {name: found for name, found in checked.items() if found} == {}
