import pytest

from stakeholders.models import FeedbackItem, Level, ResponseDecision

from .factories import ConsultationEventFactory, StakeholderFactory, feedback_on, safeguards_specialist

pytestmark = pytest.mark.django_db


@pytest.fixture
def client(client):
    """The admin in English, whatever the default language."""
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


def test_the_grid_page_draws_the_register_with_a_table_and_the_gaps(client):
    StakeholderFactory(name_en="Ministry of Finance", interest=Level.MEDIUM, influence=Level.HIGH)
    client.force_login(safeguards_specialist())
    response = client.get("/admin/stakeholders/stakeholder/grid/")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<svg xmlns="http://www.w3.org/2000/svg"' in html and 'role="img"' in html
    assert html.count("Ministry of Finance") == 2  # once in the drawing, once in the table
    assert "Manage closely" in html and "Keep satisfied" in html
    assert "Herders" in html.split("Vulnerable groups no stakeholder represents yet")[1]


def test_the_grid_page_needs_the_register_permission(client):
    from .factories import UserFactory

    client.force_login(UserFactory())
    assert client.get("/admin/stakeholders/stakeholder/grid/").status_code == 403


def test_the_safeguards_specialist_can_search_and_filter_the_register(client):
    StakeholderFactory(name_en="Association of the Deaf")
    client.force_login(safeguards_specialist())
    response = client.get("/admin/stakeholders/stakeholder/", {"q": "Deaf", "interest__exact": "high"})
    assert response.status_code == 200
    assert "Association of the Deaf" in response.content.decode()


def test_an_admin_refusal_without_a_reason_is_rejected_and_nothing_is_saved(client):
    item = feedback_on(ConsultationEventFactory())
    client.force_login(safeguards_specialist())
    url = f"/admin/stakeholders/feedbackitem/{item.pk}/change/"
    data = {
        "source": item.source,
        "topic_mn": "",
        "topic_en": "",
        "text_mn": item.text,
        "text_en": "",
        "received_at_0": "2021-12-17",
        "received_at_1": "10:00:00",
        "author_name": "",
        "author_organisation": "",
        "author_contact": "",
        "decision": ResponseDecision.NOT_ACCEPTED,
        "reason_mn": "",
        "reason_en": "",
        "reflected_in_mn": "",
        "reflected_in_en": "",
    }
    response = client.post(url, data)
    assert response.status_code == 200
    assert "Give the reason for this response." in response.content.decode()
    assert FeedbackItem.objects.get(pk=item.pk).decision == ""
    data["reason_en"] = "Outside the project components."
    assert client.post(url, data).status_code == 302
    item.refresh_from_db()
    assert item.decision == ResponseDecision.NOT_ACCEPTED and item.responded_at is not None
