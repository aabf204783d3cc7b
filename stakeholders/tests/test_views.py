from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from stakeholders.models import ResponseDecision

from .factories import (
    AgendaItemFactory,
    ConsultationEventFactory,
    ParticipationFactory,
    StakeholderFactory,
    feedback_on,
)

pytestmark = pytest.mark.django_db


def test_the_list_shows_past_and_upcoming_events_with_how_to_take_part():
    ConsultationEventFactory(title_en="December meeting")
    ConsultationEventFactory(
        title_en="Herders' focus group",
        starts_on=timezone.localdate() + timedelta(days=14),
        how_to_take_part_en="Register by phone.",
        sign_language=True,
    )
    html = _get("/en/consultations/")
    upcoming, past = html.split("Past events")
    assert "Herders&#x27; focus group" in upcoming and "Register by phone." in upcoming
    assert "Sign language interpretation" in upcoming
    assert "December meeting" in past


def test_unpublished_events_are_not_shown(client):
    event = ConsultationEventFactory(title_en="Draft record", is_published=False)
    assert "Draft record" not in _get("/en/consultations/")
    assert client.get(f"/en/consultations/{event.pk}/").status_code == 404


def test_the_event_page_shows_agenda_participation_and_responses_by_topic():
    event = ConsultationEventFactory()
    AgendaItemFactory(event=event, title_en="Questions, answers and suggestions")
    ParticipationFactory(event=event, organisation_en="Cabinet Secretariat", female=2, male=1)
    feedback_on(event, topic_en="Digital literacy", text_en="Train herders.", decision=ResponseDecision.ACCEPTED)
    feedback_on(event, topic_en="E-Mongolia", text_en="Digitise the archives.")
    html = _get(event.get_absolute_url().replace("/mn/", "/en/"))
    assert "Questions, answers and suggestions" in html
    assert "Cabinet Secretariat" in html
    assert html.index("Digital literacy") < html.index("Train herders.") < html.index("E-Mongolia")
    assert "Response: Accepted" in html
    assert "not given yet" in html


def test_a_name_is_shown_only_with_consent():
    event = ConsultationEventFactory()
    feedback_on(event, author_name="Dorjiin Bat", author_contact="99112233")
    feedback_on(event, author_name="Saraa Tsend", name_consent=True)
    StakeholderFactory().representatives.create(name="Gantulga Representative", phone="88000000")
    pages = _get("/en/consultations/") + _get(f"/en/consultations/{event.pk}/")
    assert "Dorjiin Bat" not in pages and "99112233" not in pages
    assert "Gantulga Representative" not in pages
    assert "Saraa Tsend" in pages


def test_the_event_list_takes_a_fixed_number_of_queries(client, django_assert_num_queries):
    for _ in range(5):
        ParticipationFactory(event=ConsultationEventFactory(), male=1)
    with django_assert_num_queries(2):
        assert client.get("/en/consultations/").status_code == 200


def test_the_event_page_takes_a_fixed_number_of_queries(client, django_assert_num_queries):
    event = ConsultationEventFactory()
    for _ in range(3):
        AgendaItemFactory(event=event)
        ParticipationFactory(event=event, male=1)
        feedback_on(event, decision=ResponseDecision.NOT_ACCEPTED)
    client.get(event.get_absolute_url())
    # event, agenda, materials, participation rows, summary, registrations, feedback, published evidence
    with django_assert_num_queries(8):
        assert client.get(event.get_absolute_url()).status_code == 200


def test_the_menu_links_to_the_consultations():
    with translation.override("mn"):
        assert reverse("stakeholders:event_list") == "/mn/consultations/"


def _get(url):
    from django.test import Client

    response = Client().get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_kazakh_pages_mark_the_mongolian_text_they_fall_back_to():
    event = ConsultationEventFactory(title_mn="Зөвлөлдөх уулзалт")
    assert '<h1 lang="mn">Зөвлөлдөх уулзалт</h1>' in _get(f"/kk/consultations/{event.pk}/")
    assert "<h1>Consultation" in _get(f"/en/consultations/{event.pk}/")
