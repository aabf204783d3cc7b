"""The public statistics in a real browser: axe-core clean in every language, readable without JavaScript."""

import pytest

from grievances.tests.factories import local_datetime, register_grievance

pytestmark = pytest.mark.browser
LANGUAGES = ["mn", "en", "kk"]


@pytest.fixture
def half_year_of_cases(transactional_db):
    """Cases from several aimags in the first half of 2024, a half year that has ended: every table is shown."""
    places = ["MN-1"] * 6 + ["MN-071"] * 2 + ["MN-061"] * 4 + [""] * 3
    for number, aimag in enumerate(places):
        register_grievance(
            received_at=local_datetime(2024, 2, 1 + number),
            profile={"aimag": aimag, "gender": "female" if number % 2 else "male", "vulnerable_groups": ",herder,"},
        )


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_statistics_page_has_no_axe_violations(page, axe_violations, half_year_of_cases, language):
    page.goto(f"/{language}/grievances/statistics/?half=2024-H1")
    assert page.locator("svg.tile-map").is_visible()
    assert axe_violations(page) == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_data_dictionary_has_no_axe_violations(page, axe_violations, language):
    page.goto(f"/{language}/grievances/statistics/data-dictionary/")
    assert axe_violations(page) == []


def test_another_half_year_is_chosen_without_javascript(page_without_javascript, half_year_of_cases):
    tab = page_without_javascript
    tab.goto("/en/grievances/statistics/?half=2024-H1")
    tab.select_option("#id_half", "2023-H2")
    with tab.expect_navigation():
        tab.click(".period-form button[type=submit]")
    assert "half=2023-H2" in tab.url
    assert "Cases received" in tab.inner_text("main")


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_half_years_fit_the_drop_down_on_a_phone(page, half_year_of_cases, language):
    """Each half year's dates are read whole at 375 px: the list is no wider than the form without being cut."""
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(f"/{language}/grievances/statistics/?half=2024-H1")
    natural, room = page.evaluate(
        """() => {
            const select = document.querySelector('#id_half');
            select.style.maxWidth = 'none';
            return [select.getBoundingClientRect().width, select.form.getBoundingClientRect().width];
        }"""
    )
    assert natural <= room
