"""GOV.UK patterns on the public form in a real browser, with and without JavaScript, by keyboard.

Contact details revealed under the chosen way of answering; the phone rule;
"check your answers" with its change buttons; print; the filled tracking link.
"""

import pytest
from django.core.cache import cache

from grievances.models import Grievance
from grievances.tests.test_browser_public import focused, tab_to

pytestmark = pytest.mark.browser
PHONE_ERROR = "#phone-error"


@pytest.fixture(autouse=True)
def _clean():
    cache.clear()


def start(tab, language="en"):
    tab.goto(f"/{language}/grievances/new/")
    tab.check("#id_kind_0")
    tab.fill("#id_summary", "The soum centre road is closed.")
    tab.check("#id_consent")


def test_with_javascript_only_the_chosen_way_s_detail_shows_and_the_phone_rule_gives_one_error(page):
    start(page)
    assert page.is_hidden("#reveal-phone") and page.is_hidden("#reveal-email")
    page.check("#id_preferred_contact_2")  # by phone
    assert page.is_visible("#reveal-phone") and page.is_hidden("#reveal-email") and page.is_hidden("#reveal-letter")
    page.click("form[enctype] button[type=submit]")
    page.wait_for_selector("#error-summary")
    assert page.locator("#error-summary li").count() == 1
    assert page.locator(".error-message").count() == 1
    assert page.is_visible(PHONE_ERROR)
    page.click("#error-summary a[href='#id_phone']")
    assert focused(page, "#id_phone")


def test_without_javascript_every_contact_detail_shows_in_order_and_the_same_rule_holds(page_without_javascript):
    tab = page_without_javascript
    start(tab)
    for detail in ["#id_email", "#id_phone", "#id_address"]:
        assert tab.is_visible(detail)
    order = tab.evaluate("() => [...document.querySelectorAll('.contact-ways input')].map(input => input.id)")
    assert order.index("id_preferred_contact_1") < order.index("id_email") < order.index("id_preferred_contact_2")
    assert order.index("id_preferred_contact_2") < order.index("id_phone") < order.index("id_address")
    tab.check("#id_preferred_contact_2")
    with tab.expect_navigation():  # no script: the browser posts and loads the page with the errors
        tab.click("form[enctype] button[type=submit]")
    assert tab.locator("#error-summary li").count() == 1
    assert tab.locator(".error-message").count() == 1
    assert tab.is_visible(PHONE_ERROR)


def test_by_keyboard_check_change_send_print_and_track(page):
    start(page)
    page.fill("#id_location", "Khovd")
    tab_to(page, "form[enctype] button[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_selector("#check-answers")
    assert Grievance.objects.count() == 0
    tab_to(page, "#answer-location button")
    page.keyboard.press("Enter")
    page.wait_for_selector("#id_location")
    assert page.url.endswith("#id_location")
    assert page.input_value("#id_location") == "Khovd"
    page.fill("#id_location", "Uvs")
    tab_to(page, "form[enctype] button[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_selector("#check-answers")
    assert "Uvs" in page.inner_text("#answer-location")
    tab_to(page, "#send")
    page.keyboard.press("Enter")
    page.wait_for_selector("#tracking-code")
    assert Grievance.objects.get().location == "Uvs"
    page.evaluate("() => { window.print = () => { window.printed = true; }; }")
    tab_to(page, "#print-button")
    page.keyboard.press("Enter")
    assert page.evaluate("window.printed") is True
    number = page.inner_text("#registered-no")
    tab_to(page, "#track-link")
    page.keyboard.press("Enter")
    page.wait_for_selector("#id_registered_no")
    assert page.input_value("#id_registered_no") == number
    assert page.input_value("#id_code") == ""


def test_without_javascript_check_change_send_print_and_track(page_without_javascript):
    tab = page_without_javascript
    start(tab, "kk")
    with tab.expect_navigation():
        tab.click("form[enctype] button[type=submit]")
    with tab.expect_navigation():
        tab.click("#answer-summary button")
    assert tab.input_value("#id_summary") == "The soum centre road is closed."
    tab.fill("#id_summary", "The road is still closed.")
    with tab.expect_navigation():
        tab.click("form[enctype] button[type=submit]")
    tab.click("#send")
    tab.wait_for_selector("#tracking-code")
    assert Grievance.objects.get().message == "The road is still closed."
    assert tab.is_hidden("#print-button")
    assert tab.is_visible("#print-hint")
    tab.wait_for_load_state("load")  # the print stylesheet too
    tab.emulate_media(media="print")
    tab.wait_for_selector(".main-nav", state="hidden")
    assert tab.is_hidden(".main-nav") and tab.is_hidden("#track-link") and tab.is_hidden("#other-channels")
    assert tab.is_visible("#tracking-code") and tab.is_visible("#sent-copy")
    assert "The road is still closed." in tab.inner_text("#sent-summary")
    tab.emulate_media(media="screen")
    number = tab.inner_text("#registered-no")
    with tab.expect_navigation():
        tab.click("#track-link")
    assert tab.input_value("#id_registered_no") == number


def test_the_file_button_speaks_the_page_s_language_and_names_the_chosen_file(page, tmp_path):
    photo = tmp_path / "зураг.pdf"
    photo.write_bytes(b"%PDF-1.4")
    page.goto("/mn/grievances/new/")
    assert page.inner_text(".file-button") == "Файл сонгох"
    assert page.inner_text(".file-names") == "Файл сонгоогүй байна"
    tab_to(page, "#id_attachments")  # the real input keeps the keyboard focus
    page.set_input_files("#id_attachments", str(photo))
    assert page.inner_text(".file-names") == "Сонгосон: зураг.pdf"
