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
    tab.click(f"a[href='/en/consultations/{december_meeting.pk}/']")
    assert tab.locator("h1").inner_text().startswith("Consultative meeting")
    assert tab.locator(".feedback-item").count() == 37
