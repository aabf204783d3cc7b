import pytest

from stakeholders import demo
from stakeholders.models import ConsultationEvent

pytestmark = pytest.mark.browser

LANGUAGES = ["mn", "en", "kk"]


class _Null:
    def write(self, text):
        pass


@pytest.fixture
def december_meeting(transactional_db):
    demo.load(stdout=_Null())
    return ConsultationEvent.objects.get(starts_on="2021-12-17")


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_consultations_list_has_no_axe_violations(page, axe_violations, december_meeting, language):
    page.goto(f"/{language}/consultations/")
    assert axe_violations(page) == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_event_page_has_no_axe_violations(page, axe_violations, december_meeting, language):
    page.goto(f"/{language}/consultations/{december_meeting.pk}/")
    assert axe_violations(page) == []


def test_the_event_page_works_without_javascript(page_without_javascript, december_meeting):
    tab = page_without_javascript
    tab.goto("/en/consultations/")
    with tab.expect_navigation():
        tab.click(f"a[href='/en/consultations/{december_meeting.pk}/']")
    assert tab.locator("h1").inner_text().startswith("Consultative meeting")
    assert tab.locator(".feedback-item").count() == 37


@pytest.fixture
def open_event(transactional_db):
    """An upcoming published event taking registrations and, this week, comments online."""
    from datetime import timedelta

    from django.utils import timezone

    from stakeholders.tests.factories import ConsultationEventFactory

    today = timezone.localdate()
    return ConsultationEventFactory(
        starts_on=today + timedelta(days=14),
        comments_open_from=today - timedelta(days=1),
        comments_open_until=today + timedelta(days=7),
        sign_language=True,
        easy_read=True,
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_forms_to_register_and_comment_have_no_axe_violations(page, axe_violations, open_event, language):
    page.goto(f"/{language}/consultations/{open_event.pk}/")
    assert page.locator("#register form").count() == 1 and page.locator("#comment form").count() == 1
    assert axe_violations(page) == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_forms_with_errors_have_no_axe_violations(page, axe_violations, open_event, language):
    page.goto(f"/{language}/consultations/{open_event.pk}/")
    with page.expect_navigation():
        page.click("#register button[type=submit]")  # no consent: the page comes back with the error
    assert page.locator("#register .error-summary").count() == 1
    assert axe_violations(page) == []


def test_a_person_registers_and_comments_without_javascript(page_without_javascript, open_event):
    from stakeholders.models import EventRegistration, FeedbackItem

    tab = page_without_javascript
    tab.goto(f"/kk/consultations/{open_event.pk}/")
    tab.fill("#id_organisation", "Баян-Өлгий аймағының жастар ұйымы")
    tab.check("#id_sign_language")
    tab.check("#id_consent")
    with tab.expect_navigation():
        tab.click("#register button[type=submit]")
    tab.fill("#id_text", "Іс-шараны қазақ тілінде де өткізіңіз.")
    with tab.expect_navigation():
        tab.click("#comment button[type=submit]")

    assert EventRegistration.objects.get().sign_language is True
    assert FeedbackItem.objects.get().text == "Іс-шараны қазақ тілінде де өткізіңіз."
