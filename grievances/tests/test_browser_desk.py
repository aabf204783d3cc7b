"""The officer's desk and case list in a real browser at 1280 × 800, in Mongolian and English."""

import pytest
from django.utils import timezone

from grievances import complainant_side, services
from grievances.tests.factories import case_in_state, register_grievance, user_with_role
from grievances.workflow import State
from smartgov import roles
from smartgov.tests.staff_browser import sign_in

pytestmark = pytest.mark.browser
CHANGELIST = "/admin/grievances/grievance/"
LONG_SUMMARY = {
    "summary_en": "Herders in the remote bag cannot reach the online services because of the poor mobile signal "
    "and the closed soum service centre",
    "summary_mn": "Алслагдсан багийн малчид гар утасны сүлжээ муу, сумын үйлчилгээний төв хаалттай тул цахим "
    "үйлчилгээнд хандаж чадахгүй байна",
}


@pytest.fixture
def officer():
    return user_with_role(roles.PIU_OFFICER)


@pytest.fixture
def cases(officer):
    """A case in every queue, with long summaries, a long state name, both badges and an assignee."""
    now = timezone.now()
    late = register_grievance(summary=LONG_SUMMARY["summary_en"], translations=LONG_SUMMARY)
    soon = register_grievance(received_at=now, summary=LONG_SUMMARY["summary_en"], translations=LONG_SUMMARY)
    waiting = case_in_state(State.AWAITING_COMPLAINANT, received_at=now, summary="Which road?")
    replied = case_in_state(
        State.IN_PROGRESS,
        received_at=now,
        complainant={"name": "Bat", "phone": "7011 2233", "preferred_contact": "phone"},
    )
    replied = complainant_side.grievance_complainant_reply(grievance=replied, text="Still closed")
    replied = services.grievance_assign(grievance=replied, actor=None, assignee=officer)
    return {"late": late, "soon": soon, "waiting": waiting, "replied": replied}


@pytest.mark.parametrize("language", ["mn", "en"])
def test_every_column_of_the_case_list_is_visible_without_scrolling_sideways(
    page, live_server, officer, cases, language
):
    sign_in(page, live_server, officer, language)

    page.goto(CHANGELIST)

    assert page.evaluate("document.documentElement.lang") == language
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280
    table, container = page.evaluate(
        "() => { const t = document.querySelector('#result_list');"
        " return [t.getBoundingClientRect().width, t.parentElement.clientWidth]; }"
    )
    assert table <= container
    headers = page.evaluate(
        "() => [...document.querySelectorAll('#result_list thead th')].map(th => {"
        " const r = th.getBoundingClientRect(); return [th.className, r.left, r.right, r.width]; })"
    )
    assert len(headers) == 6  # the selection box and five columns
    for name, left, right, width in headers:
        assert left >= 0 and right <= 1280 and width > 0, name
    assert page.locator("#result_list .case-overdue").first.is_visible()


@pytest.mark.parametrize("language", ["mn", "en"])
def test_the_desk_shows_the_counts_of_the_database(page, live_server, officer, cases, language):
    expected = {"overdue": 1, "due_soon": 1, "awaiting_complainant": 1, "new": 2, "replies": 1, "unassigned": 3}
    sign_in(page, live_server, officer, language)

    page.goto("/admin/")

    shown = {key: int(page.inner_text(f"#desk .desk-{key} .desk-count")) for key in expected}
    assert shown == expected
    with page.expect_navigation():
        page.click("#desk .desk-new a")
    listed = {text.split()[0] for text in page.locator("#result_list tbody .field-number a").all_inner_texts()}
    assert listed == {cases["late"].registered_no, cases["soon"].registered_no}


def test_the_desk_has_no_axe_violations(page, live_server, officer, cases, axe_source):
    for language in ("mn", "en"):
        sign_in(page, live_server, officer, language)
        page.goto("/admin/")
        page.evaluate(axe_source)
        violations = page.evaluate(
            "() => axe.run({include: [['#desk'], ['.language-switch']]}, {runOnly: {type: 'tag', values: "
            "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}}).then(r => r.violations.map(v => v.id))"
        )
        assert violations == [], language


def test_the_language_switch_changes_the_admin_language_without_javascript(
    page_without_javascript, live_server, officer, cases
):
    tab = page_without_javascript
    sign_in(tab, live_server, officer, "en")
    tab.goto(f"{CHANGELIST}?queue=new")
    assert tab.evaluate("document.documentElement.lang") == "en"
    assert "New, not yet acknowledged" in tab.inner_text("#changelist-filter")

    with tab.expect_navigation():
        tab.click(".language-switch button[value=mn]")

    assert tab.url.endswith(f"{CHANGELIST}?queue=new")  # back on the same list, filters kept
    assert tab.evaluate("document.documentElement.lang") == "mn"
    assert "Шинэ, хүлээн авснаа мэдэгдээгүй" in tab.inner_text("#changelist-filter")
    assert tab.get_attribute(".language-switch button[value=mn]", "aria-current") == "true"

    with tab.expect_navigation():
        tab.click(".language-switch button[value=en]")
    assert tab.evaluate("document.documentElement.lang") == "en"
