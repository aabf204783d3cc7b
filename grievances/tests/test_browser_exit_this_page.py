"""The sensitive pathway's "Exit this page" in a real browser: by keyboard and by mouse, with JavaScript on and off.

The neutral site is a page of the live server here (the tests have no
internet). With JavaScript the control leaves with location.replace(): the
pathway page is not left in the history, and going back returns to the page
before it. Without JavaScript it is a plain link, which still leaves at once.
"""

import pytest
from django.core.cache import cache

from grievances.models import Grievance, SupportService

pytestmark = pytest.mark.browser

NEUTRAL_PATH = "/en/grievances/how-it-works/?neutral"
BEFORE_PATH = "/en/"
SUPPORT_PATH = "/en/grievances/safe/"
BUTTON = ".exit-this-page-button"
SHIFT_HINT = ".exit-this-page-hint"


@pytest.fixture(autouse=True)
def _neutral_site(settings, live_server, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.EXIT_THIS_PAGE_URL = live_server.url + NEUTRAL_PATH
    cache.clear()


@pytest.fixture
def services_offered(transactional_db):
    SupportService.objects.create(
        name_mn="Тусламжийн утас 108",
        name_en="Helpline 108",
        name_kk="Көмек желісі 108",
        offers_mn="Нууцлалтай зөвлөгөө",
        offers_en="Confidential advice",
        offers_kk="Құпия кеңес",
        phone="108",
        hours_mn="24 цаг",
        hours_en="24 hours",
    )


def _focused(tab, selector):
    return tab.evaluate("s => document.activeElement && document.activeElement.matches(s)", selector)


def _tab_to(tab, selector, limit=40):
    for _press in range(limit):
        tab.keyboard.press("Tab")
        if _focused(tab, selector):
            return
    raise AssertionError(f"{selector} was not reached with the Tab key")


def _open_pathway(tab, path=SUPPORT_PATH):
    """Open a page before the pathway, then the pathway page; return the history's length on it."""
    tab.goto(BEFORE_PATH)
    tab.goto(path)
    return tab.evaluate("history.length")


def _assert_left_without_trace(tab, length_on_pathway):
    tab.wait_for_url(f"**{NEUTRAL_PATH}")
    assert tab.evaluate("history.length") == length_on_pathway  # replaced, not added
    tab.go_back()
    tab.wait_for_load_state()
    assert tab.url.endswith(BEFORE_PATH)  # back goes to the page before the pathway, not to it


def _assert_left(tab):
    tab.wait_for_url(f"**{NEUTRAL_PATH}")
    assert "Exit this page" not in tab.content()


# --- JavaScript on -------------------------------------------------------------------------------


def test_with_javascript_the_mouse_leaves_without_a_trace_in_the_history(page, services_offered):
    length = _open_pathway(page)
    page.click(BUTTON)
    _assert_left_without_trace(page, length)


def test_with_javascript_tab_and_enter_leave_without_a_trace(page, services_offered):
    length = _open_pathway(page)
    _tab_to(page, BUTTON)
    assert page.evaluate("document.activeElement.textContent").strip().endswith("Exit this page")
    page.keyboard.press("Enter")
    _assert_left_without_trace(page, length)


def test_with_javascript_shift_three_times_leaves_without_a_trace(page, services_offered):
    length = _open_pathway(page)
    assert page.is_visible(SHIFT_HINT)  # "Or press the Shift key 3 times": true here
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    assert page.url.endswith(SUPPORT_PATH)  # twice is not enough
    page.keyboard.press("Shift")
    _assert_left_without_trace(page, length)


def test_shift_with_another_key_between_does_not_leave(page, services_offered):
    _open_pathway(page)
    page.keyboard.press("Shift")
    page.keyboard.press("Shift+A")
    page.keyboard.press("Shift")
    page.wait_for_timeout(300)
    assert page.url.endswith(SUPPORT_PATH)


def test_on_the_form_ticking_the_box_shows_the_control_which_then_leaves(page):
    length = _open_pathway(page, "/en/grievances/new/")
    assert not page.is_visible(BUTTON)
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    assert page.url.endswith("/en/grievances/new/")  # no exit before the pathway is chosen
    _tab_to(page, "#id_sensitive")
    page.keyboard.press("Space")
    assert page.is_visible(BUTTON)
    page.click(BUTTON)
    _assert_left_without_trace(page, length)


def test_the_confirmation_of_a_sensitive_case_has_the_control(page, services_offered):
    page.goto("/en/grievances/new/?safe=1")
    page.check("input[name=kind][value=complaint]")
    page.fill("#id_summary", "Something happened at the work camp.")
    page.check("#id_referral_consent_1")
    page.check("#id_consent")
    page.click("form button[type=submit]")
    page.wait_for_selector("#check-answers")
    assert page.is_visible(BUTTON)  # the check-your-answers page is part of the pathway too
    page.click("#send")
    page.wait_for_url("**/grievances/new/done/")
    assert Grievance.objects.get().sensitive
    assert "Helpline 108" in page.inner_text("#sensitive-confirmation")
    length = page.evaluate("history.length")
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    page.wait_for_url(f"**{NEUTRAL_PATH}")
    assert page.evaluate("history.length") == length


# --- JavaScript off ------------------------------------------------------------------------------


def test_without_javascript_the_mouse_leaves(page_without_javascript, services_offered):
    tab = page_without_javascript
    tab.goto(SUPPORT_PATH)
    assert not tab.is_visible(SHIFT_HINT)  # the Shift keys do nothing without the script: no hint that they would
    tab.click(BUTTON)
    _assert_left(tab)


def test_without_javascript_tab_and_enter_leave(page_without_javascript, services_offered):
    tab = page_without_javascript
    tab.goto(SUPPORT_PATH)
    _tab_to(tab, BUTTON)
    tab.keyboard.press("Enter")
    _assert_left(tab)


def test_without_javascript_the_form_from_the_safe_entry_shows_the_control(page_without_javascript):
    tab = page_without_javascript
    tab.goto("/en/grievances/safe/")
    with tab.expect_navigation():
        tab.click("a[href$='?safe=1']")
    assert tab.url.endswith("/en/grievances/new/?safe=1")
    assert tab.is_visible(BUTTON)
    assert tab.is_checked("#id_sensitive")
    tab.click(BUTTON)
    _assert_left(tab)


# --- accessibility -------------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["mn", "en", "kk"])
@pytest.mark.parametrize("path", ["grievances/safe/", "grievances/new/?safe=1"])
def test_the_pathway_pages_have_no_axe_violations(page, axe_violations, services_offered, language, path):
    page.goto(f"/{language}/{path}")
    assert axe_violations(page) == []


@pytest.mark.parametrize("language", ["mn", "kk"])
def test_the_sensitive_confirmation_has_no_axe_violations(page, axe_violations, services_offered, language):
    page.goto(f"/{language}/grievances/new/?safe=1")
    page.check("input[name=kind][value=complaint]")
    page.fill("#id_summary", "Something happened.")
    page.check("#id_consent")
    page.click("form button[type=submit]")
    page.wait_for_selector("#check-answers")
    assert axe_violations(page) == []  # the check-your-answers page, with its exit control
    page.click("#send")
    page.wait_for_url("**/grievances/new/done/")
    assert axe_violations(page) == []
