"""Resolving in the English admin in a real browser: each box holds its language, a refusal keeps what was typed."""

import pytest
from django.conf import settings

from grievances.models import Grievance
from grievances.tests.factories import case_in_state, user_with_role
from grievances.tests.test_browser_admin_transitions import _sign_in
from grievances.workflow import State
from smartgov import roles

pytestmark = pytest.mark.browser

TYPED = {
    "actions_taken_mn": "Тойруу зам нээсэн",
    "actions_taken_en": "Opened a detour to the clinic",
    "public_answer_mn": "Өнөөдрөөс эмнэлэг рүү тойруу зам нээлттэй.",
    "public_answer_en": "A detour to the clinic is open from today.",
}


def test_resolving_in_the_english_admin_keeps_each_language_in_its_box_and_the_text_after_a_refusal(
    page, live_server, axe_source
):
    officer = user_with_role(roles.PIU_OFFICER)
    # Registered by phone: the officer wrote the Mongolian summary only.
    grievance = case_in_state(State.IN_PROGRESS, translations={"summary_mn": "Эмнэлэг рүү орох зам хаагдсан"})
    page.set_viewport_size({"width": 1280, "height": 800})
    _sign_in(page, live_server, officer)
    page.context.add_cookies([{"name": settings.LANGUAGE_COOKIE_NAME, "value": "en", "url": live_server.url}])
    page.goto(f"/admin/grievances/grievance/{grievance.pk}/change/")

    for name, language in (("summary_mn", "mn"), ("summary_en", "en"), ("public_answer_kk", "kk")):
        assert page.get_attribute(f"#id_resolve-{name}", "lang") == language
    assert page.inner_text("label[for=id_resolve-summary_en]").startswith("public summary — English")
    assert page.input_value("#id_resolve-summary_mn") == "Эмнэлэг рүү орох зам хаагдсан"
    assert page.input_value("#id_resolve-summary_en") == ""  # never the Mongolian text as a fallback
    for name, text in TYPED.items():
        page.fill(f"#id_resolve-{name}", text)
    page.select_option("#id_resolve-response_way", "email")
    with page.expect_navigation():
        page.click("#workflow button[value=resolve]")

    # Refused: the reason sits next to the English summary's box, and everything typed is still there.
    error = page.locator("#id_resolve-summary_en_error")
    assert error.inner_text() == "Write the public summary in English before resolving the case."
    for name, text in TYPED.items():
        assert page.input_value(f"#id_resolve-{name}") == text
    page.evaluate(axe_source)
    violations = page.evaluate(
        "() => axe.run({include: ['#workflow']}, {runOnly: {type: 'tag', values: "
        "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}}).then(r => r.violations.map(v => v.id))"
    )
    assert violations == []

    page.fill("#id_resolve-summary_en", "Road works blocked the way to the clinic")
    page.select_option("#id_resolve-response_way", "email")
    with page.expect_navigation():
        page.click("#workflow button[value=resolve]")
    assert page.locator(".messagelist .success").count() == 1
    grievance = Grievance.objects.get(pk=grievance.pk)
    stored = {name: getattr(grievance, name) for name in (*TYPED, "summary_mn", "summary_en", "public_answer_kk")}
    assert stored == {
        **TYPED,
        "summary_mn": "Эмнэлэг рүү орох зам хаагдсан",
        "summary_en": "Road works blocked the way to the clinic",
        "public_answer_kk": "",
    }
