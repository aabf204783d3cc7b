import pytest

pytestmark = pytest.mark.browser

LANGUAGES = ["mn", "en", "kk"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_home_page_has_no_axe_violations(page, axe_violations, language):
    page.goto(f"/{language}/")
    assert axe_violations(page) == []


def test_skip_link_is_the_first_stop_and_moves_focus_to_main(page):
    page.goto("/en/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('href')") == "#main"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_language_switch_works_without_javascript(page_without_javascript):
    tab = page_without_javascript
    tab.goto("/en/")
    with tab.expect_navigation():
        tab.click("a[hreflang='mn']")
    assert tab.locator("html").get_attribute("lang") == "mn"


def test_home_page_fits_a_320px_screen(browser, live_server, transactional_db):
    context = browser.new_context(base_url=live_server.url, viewport={"width": 320, "height": 640})
    tab = context.new_page()
    tab.goto("/mn/")
    assert tab.evaluate("document.documentElement.scrollWidth") <= 320
    context.close()
