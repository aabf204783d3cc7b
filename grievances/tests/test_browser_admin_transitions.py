"""The workflow panel of the admin case page in a real browser: axe-clean, keyboard only, without JavaScript."""

import pytest
from django.conf import settings
from django.test import Client

from grievances.models import EventType
from grievances.tests.factories import register_grievance, user_with_role
from smartgov import roles

pytestmark = pytest.mark.browser


def _sign_in(tab, live_server, user):
    """Give the browser tab a signed-in staff session."""
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    tab.context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": live_server.url}])


@pytest.fixture
def officer():
    return user_with_role(roles.PIU_OFFICER)


@pytest.mark.parametrize("language", ["mn", "en"])
def test_the_workflow_panel_has_no_axe_violations(page, live_server, axe_source, officer, language):
    grievance = register_grievance()
    _sign_in(page, live_server, officer)
    page.context.add_cookies([{"name": settings.LANGUAGE_COOKIE_NAME, "value": language, "url": live_server.url}])
    page.goto(f"/admin/grievances/grievance/{grievance.pk}/change/")
    page.evaluate(axe_source)
    violations = page.evaluate(
        "() => axe.run({include: ['#workflow']}, {runOnly: {type: 'tag', values: "
        "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}}).then(r => r.violations.map(v => v.id))"
    )
    assert violations == []


def test_the_officer_acknowledges_with_the_keyboard_and_without_javascript(
    page_without_javascript, live_server, officer
):
    tab = page_without_javascript
    grievance = register_grievance()
    _sign_in(tab, live_server, officer)
    tab.goto(f"/admin/grievances/grievance/{grievance.pk}/change/")
    tab.focus("#id_acknowledge-note")
    tab.keyboard.type("Called back")
    tab.keyboard.press("Tab")
    assert tab.evaluate("document.activeElement.value") == "acknowledge"
    with tab.expect_navigation():
        tab.keyboard.press("Enter")
    assert tab.url.endswith(f"/admin/grievances/grievance/{grievance.pk}/change/")
    assert tab.locator(".messagelist .success").count() == 1
    event = grievance.events.get(event_type=EventType.ACKNOWLEDGED)
    assert (event.actor, event.note) == (officer, "Called back")
