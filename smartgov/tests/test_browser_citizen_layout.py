"""Every citizen page on a phone and a desktop: a compact header, no sideways scroll, screenshots to look at.

The screenshots are not compared pixel by pixel: they go to SCREENSHOT_DIR
when it is set (README, "Screenshots of the citizen pages"), else to the
test's temporary folder, and the test asserts the layout rules.
"""

import os
from pathlib import Path

import pytest
from django.core.cache import cache

from smartgov.tests.citizen_pages import DESKTOP, PHONE, citizen_page_data, walk_citizen_pages

pytestmark = pytest.mark.browser

# The header may take at most this share of a phone's first screen (issue 19).
HEADER_SHARE = 0.15
SCREENSHOT_LANGUAGES = {"mn", "kk"}


@pytest.fixture
def screenshot_dir(tmp_path):
    folder = Path(os.environ.get("SCREENSHOT_DIR") or tmp_path / "screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def new_tab(browser, live_server, viewport, **options):
    context = browser.new_context(base_url=live_server.url, viewport=viewport, **options)
    return context, context.new_page()


def layout(tab):
    return tab.evaluate(
        """() => ({
            header: document.querySelector('.site-header').getBoundingClientRect().height,
            screen: window.innerHeight,
            scrollWidth: document.documentElement.scrollWidth,
            width: window.innerWidth,
            menuRows: new Set([...document.querySelectorAll('.main-nav li')]
                .filter(item => item.offsetParent !== null).map(item => item.offsetTop)).size,
        })"""
    )


@pytest.mark.parametrize("language", ["mn", "en", "kk"])
def test_on_a_phone_every_citizen_page_has_a_small_header_no_sideways_scroll_and_no_axe_violations(
    browser, live_server, transactional_db, axe_violations, screenshot_dir, language
):
    cache.clear()
    data = citizen_page_data()
    context, tab = new_tab(browser, live_server, PHONE)
    measured, violations = {}, {}

    def visit(name):
        measured[name] = layout(tab)
        violations[name] = axe_violations(tab)
        if language in SCREENSHOT_LANGUAGES:
            tab.screenshot(path=str(screenshot_dir / f"{language}-375-{name}.png"), full_page=True)

    walk_citizen_pages(tab, language, data, visit)
    context.close()
    assert len(measured) == 12
    too_tall = {name: m["header"] for name, m in measured.items() if m["header"] > HEADER_SHARE * m["screen"]}
    too_wide = {name: m["scrollWidth"] for name, m in measured.items() if m["scrollWidth"] > m["width"]}
    assert too_tall == {}
    assert too_wide == {}
    assert {name: found for name, found in violations.items() if found} == {}


@pytest.mark.parametrize("language", ["mn", "kk"])
def test_on_a_desktop_the_menu_is_one_line_on_every_citizen_page(
    browser, live_server, transactional_db, screenshot_dir, language
):
    cache.clear()
    data = citizen_page_data()
    context, tab = new_tab(browser, live_server, DESKTOP)
    rows = {}

    def visit(name):
        rows[name] = layout(tab)["menuRows"]
        tab.screenshot(path=str(screenshot_dir / f"{language}-1280-{name}.png"), full_page=True)

    walk_citizen_pages(tab, language, data, visit)
    context.close()
    assert {name: count for name, count in rows.items() if count != 1} == {}


@pytest.mark.parametrize("language", ["mn", "kk"])
def test_on_a_phone_the_menu_button_opens_the_menu_without_javascript(
    browser, live_server, transactional_db, screenshot_dir, language
):
    context, tab = new_tab(browser, live_server, PHONE, java_script_enabled=False)
    tab.goto(f"/{language}/")
    assert tab.is_hidden(".menu-nav") and tab.is_hidden(".main-nav")
    tab.focus(".menu summary")
    tab.keyboard.press("Enter")
    assert tab.is_visible(".menu-nav a[href$='/grievances/track/']")
    assert tab.is_visible(".menu-panel a[hreflang='en']")
    tab.screenshot(path=str(screenshot_dir / f"{language}-375-home-menu-open.png"))
    with tab.expect_navigation():
        tab.click(".menu-panel a[hreflang='en']")
    assert tab.locator("html").get_attribute("lang") == "en"
    context.close()
