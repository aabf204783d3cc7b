"""The consultation event's admin page in a browser at 1280 px: the page keeps its width, the counts stay in sight."""

import pytest

from smartgov.tests.staff_browser import sign_in
from stakeholders.tests.factories import (
    AgendaItemFactory,
    ConsultationEventFactory,
    ParticipationFactory,
    feedback_on,
    safeguards_specialist,
)

pytestmark = pytest.mark.browser

LONG = "Төслийн хэрэгжилтийн үе шатанд мөрдөх байгаль орчин, нийгмийн баримт бичгийн төслийн товч танилцуулга"


@pytest.fixture
def event(transactional_db):
    event = ConsultationEventFactory()
    AgendaItemFactory(event=event, title_mn=LONG, title_en="Brief introduction of the draft E&S documents")
    for _number in range(3):
        ParticipationFactory(event=event, male=2, female=3)
    feedback_on(event, text=LONG, text_en="Hold meetings in the aimag centres too.", topic=LONG)
    return event


def test_the_event_page_keeps_the_page_s_width_and_the_counts_beside_the_names(page, live_server, event):
    sign_in(page, live_server, safeguards_specialist(), "mn")
    page.goto(f"{live_server.url}/admin/stakeholders/consultationevent/{event.pk}/change/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280
    group = page.locator("#participations-group").bounding_box()
    women = page.locator("#id_participations-0-female").bounding_box()
    assert women["x"] + women["width"] <= group["x"] + group["width"]  # in sight without scrolling the table
    for texts in ("#agenda_items-group", "#stakeholders-feedbackitem-subject_type-subject_id-group"):
        box = page.locator(texts).bounding_box()
        assert box["x"] + box["width"] <= 1280
