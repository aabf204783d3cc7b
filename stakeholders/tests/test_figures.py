from datetime import date, timedelta

import pytest
from django.utils import timezone

from stakeholders.models import EventKind, OrganisationType, ResponseDecision
from stakeholders.selectors import engagement_figures

from .factories import ConsultationEventFactory, ParticipationFactory, feedback_on, local_datetime

pytestmark = pytest.mark.django_db

H2_2021 = {"start": date(2021, 7, 1), "end": date(2021, 12, 31)}


def test_an_empty_period_has_zero_counts_and_no_share_or_median():
    figures = engagement_figures(**H2_2021)
    assert figures["consultation_meetings"] == 0
    assert figures["participants"] == {"total": 0, "female": 0, "male": 0, "other": 0}
    assert figures["participants_by_type"] == {"government": 0, "non_government": 0}
    assert figures["feedback_items"] == 0
    assert figures["response_share"] is None
    assert figures["median_days_to_response"] is None
    assert len(figures["events_by_month"]) == 6


def test_meetings_and_public_discussions_are_counted_separately_by_month():
    ConsultationEventFactory(starts_on=date(2021, 12, 17))
    ConsultationEventFactory(starts_on=date(2021, 11, 23))
    ConsultationEventFactory(starts_on=date(2021, 12, 1), kind=EventKind.PUBLIC_DISCUSSION)
    ConsultationEventFactory(starts_on=date(2022, 1, 5))
    figures = engagement_figures(**H2_2021)
    assert figures["consultation_meetings"] == 2
    assert figures["public_discussions"] == 1
    assert figures["events_by_month"][-2:] == [{"month": "2021-11", "events": 1}, {"month": "2021-12", "events": 2}]


def test_an_event_planned_for_later_in_the_period_is_not_counted_yet():
    today = timezone.localdate()
    ConsultationEventFactory(starts_on=today + timedelta(days=10))
    figures = engagement_figures(start=today - timedelta(days=30), end=today + timedelta(days=30))
    assert figures["consultation_meetings"] == 0


def test_participants_are_summed_by_gender_and_by_type():
    event = ConsultationEventFactory()
    ParticipationFactory(event=event, male=2, female=3, other=1)
    ParticipationFactory(event=event, organisation_type=OrganisationType.NON_GOVERNMENT, female=4)
    figures = engagement_figures(**H2_2021)
    assert figures["participants"] == {"total": 10, "female": 7, "male": 2, "other": 1}
    assert figures["participants_by_type"] == {"government": 6, "non_government": 4}


def test_share_of_responses_and_median_days_to_respond():
    event = ConsultationEventFactory()
    received = local_datetime(2021, 12, 17)
    for days in (1, 3, 10):
        feedback_on(
            event,
            decision=ResponseDecision.ACCEPTED,
            received_at=received,
            responded_at=received + timedelta(days=days),
        )
    feedback_on(event, received_at=received)
    figures = engagement_figures(**H2_2021)
    assert figures["feedback_items"] == 4
    assert figures["feedback_responded"] == 3
    assert figures["response_share"] == 0.75
    assert figures["median_days_to_response"] == 3.0


def test_the_median_of_an_even_count_is_the_mean_of_the_middle_two():
    received = local_datetime(2021, 12, 17)
    for days in (2, 4):
        feedback_on(
            None, decision=ResponseDecision.ACCEPTED, received_at=received, responded_at=received + timedelta(days=days)
        )
    assert engagement_figures(**H2_2021)["median_days_to_response"] == 3.0


def test_feedback_outside_the_period_is_not_counted():
    feedback_on(None, received_at=local_datetime(2022, 1, 1, hour=0))
    feedback_on(None, received_at=local_datetime(2021, 12, 31, hour=23))
    assert engagement_figures(**H2_2021)["feedback_items"] == 1
