import pytest
from django.core.management import call_command
from django.test import Client

from stakeholders import demo, selectors
from stakeholders.models import ConsultationEvent, FeedbackItem, Stakeholder

pytestmark = pytest.mark.django_db


@pytest.fixture
def december_meeting():
    demo.load(stdout=_Null())
    return ConsultationEvent.objects.get(starts_on="2021-12-17")


class _Null:
    def write(self, text):
        pass


def test_the_register_holds_the_seps_table_2(december_meeting):
    assert Stakeholder.objects.count() == 23
    world_bank = Stakeholder.objects.get(name_en="World Bank")
    assert (world_bank.interest, world_bank.influence) == ("high", "high")


def test_the_december_meeting_has_32_government_and_15_non_government_participants(december_meeting):
    summary = selectors.event_participation_summary(december_meeting)
    by_type = {row["organisation_type"]: row["total"] for row in summary["rows"]}
    assert by_type == {"government": 32, "non_government": 15}
    assert december_meeting.participations.count() == 20


def test_every_annex_b_point_has_a_response(december_meeting):
    items = selectors.feedback_for_subject(december_meeting)
    assert items.count() == 37
    assert not items.filter(decision="").exists()
    assert set(items.values_list("topic_en", flat=True)) == {
        "Digital literacy",
        "Engagement process",
        "Adoption of the new legal framework and its implementation",
        "Employment and SMEs",
        "People with disabilities",
        "SMEs",
        "Capacity building of civil servants",
        "E-Mongolia",
    }


def test_the_public_page_shows_the_december_meeting_in_full(december_meeting):
    html = Client().get(f"/en/consultations/{december_meeting.pk}/").content.decode()
    assert "Brief presentation on the Smart Government II project" in html
    assert (
        '<tr class="participation-government"><th scope="row">Government</th><td>0</td><td>0</td><td>32</td><td>32</td>'
        in html
    )
    assert "<td>15</td></tr>" in html
    assert html.count('class="feedback-item"') == 37
    assert html.count("Response:") == 37
    assert "not given yet" not in html
    assert "Personal case: a qualified ICT engineer" in html


def test_the_mongolian_page_shows_the_mongolian_texts(december_meeting):
    html = Client().get(f"/mn/consultations/{december_meeting.pk}/").content.decode()
    assert "Цахим бичиг үсэг" in html
    assert "Хүлээн авсан" in html


def test_loading_twice_adds_nothing(december_meeting, settings):
    counts = (Stakeholder.objects.count(), ConsultationEvent.objects.count(), FeedbackItem.objects.count())
    demo.load(stdout=_Null())
    assert (Stakeholder.objects.count(), ConsultationEvent.objects.count(), FeedbackItem.objects.count()) == counts


def test_load_demo_command_includes_the_consultations(settings):
    settings.DEBUG = True
    call_command("load_demo", stdout=_Null())
    assert ConsultationEvent.objects.count() == 3  # the December meeting, the briefing, the 2020 ICT Expo
