"""The tracking page in a browser: axe-clean in every state and language, answered by keyboard without JavaScript."""

import pytest
from django.core.cache import cache

from grievances.models import EventType, Grievance, Satisfaction, Stage, State
from grievances.tests.factories import case_in_state
from grievances.tests.test_browser_public import focused, tab_to
from grievances.tracking import tracking_code_hash

pytestmark = pytest.mark.browser

CODE = "ABCD-EFGH-JKMN"
STATES = [State.REGISTERED, State.AWAITING_COMPLAINANT, State.RESOLVED, State.CLOSED, State.UNRELATED]


@pytest.fixture(autouse=True)
def _clean(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    cache.clear()


def tracked(state):
    grievance = case_in_state(state)
    Grievance.objects.filter(pk=grievance.pk).update(tracking_code_hash=tracking_code_hash(CODE))
    return grievance


def open_case(tab, language, grievance):
    tab.goto(f"/{language}/grievances/track/")
    tab.fill("#id_registered_no", grievance.registered_no)
    tab.fill("#id_code", CODE)
    tab.click("#lookup-title ~ form button[type=submit]")
    tab.wait_for_selector("#case-title")


def type_and_send(tab, field, text, form):
    """Tab to the field, type, tab to the form's button and press Enter; wait for the thank-you."""
    tab_to(tab, field)
    tab.keyboard.type(text)
    tab_to(tab, f"{form} button[type=submit]")
    tab.keyboard.press("Enter")
    tab.wait_for_selector("#done")


@pytest.mark.parametrize("language", ["mn", "en", "kk"])
def test_the_tracking_page_has_no_axe_violations_in_any_state_in(page, axe_violations, language):
    found = {}
    for state in STATES:
        open_case(page, language, tracked(state))
        assert page.locator("html").get_attribute("lang") == language
        found[state] = axe_violations(page)
    assert {state: violations for state, violations in found.items() if violations} == {}


def test_a_reply_is_sent_by_keyboard_without_javascript(page_without_javascript):
    tab = page_without_javascript
    grievance = tracked(State.AWAITING_COMPLAINANT)
    open_case(tab, "mn", grievance)
    assert tab.inner_text("#question") == "Which road?"
    type_and_send(tab, "#id_text", "Сургуулийн хажуугийн гүүр.", "#reply")
    grievance.refresh_from_db()
    assert grievance.state == State.IN_PROGRESS
    assert grievance.events.get(event_type=EventType.COMPLAINANT_REPLIED).note == "Сургуулийн хажуугийн гүүр."
    assert "Та хэрэгтээ мэдээлэл нэмсэн." in tab.inner_text(".timeline")


def test_not_resolved_with_a_reason_is_sent_by_keyboard_without_javascript(page_without_javascript):
    tab = page_without_javascript
    grievance = tracked(State.RESOLVED)
    open_case(tab, "kk", grievance)
    tab_to(tab, "input[name=resolved]")
    tab.keyboard.press("ArrowDown")  # from "yes" to "no", as a keyboard user moves in a radio group
    assert focused(tab, "input[name=resolved][value=no]")
    type_and_send(tab, "#id_reason", "Шұңқыр әлі де бар.", "#resolution")
    grievance.refresh_from_db()
    assert (grievance.state, grievance.stage, grievance.satisfaction) == (
        State.IN_PROGRESS,
        Stage.PIU,
        Satisfaction.NOT_RESOLVED,
    )


def test_resolved_is_confirmed_by_keyboard_without_javascript_and_a_missing_reason_is_explained(
    page_without_javascript,
):
    tab = page_without_javascript
    grievance = tracked(State.RESOLVED)
    open_case(tab, "en", grievance)
    tab.check("input[name=resolved][value=no]")
    tab.click("#resolution button[type=submit]")  # no reason: refused, the choice kept
    tab.wait_for_selector("#error-summary")
    assert tab.is_checked("input[name=resolved][value=no]")
    tab_to(tab, "input[name=resolved]")
    tab.keyboard.press("ArrowUp")  # back to "yes"
    assert focused(tab, "input[name=resolved][value=yes]")
    tab_to(tab, "#resolution button[type=submit]")
    tab.keyboard.press("Enter")
    tab.wait_for_selector("#done")
    grievance.refresh_from_db()
    assert (grievance.state, grievance.satisfaction) == (State.CLOSED, Satisfaction.RESOLVED)
