import pytest

from smartgov.exceptions import ApplicationError
from stakeholders import selectors, services
from stakeholders.models import FeedbackSource, ResponseDecision

pytestmark = pytest.mark.django_db


def test_a_refusal_without_a_reason_is_rejected_and_nothing_changes():
    item = services.feedback_item_create(source=FeedbackSource.OTHER_CHANNEL, text="Add sign language")
    with pytest.raises(ApplicationError):
        services.feedback_item_respond(item=item, decision=ResponseDecision.NOT_ACCEPTED, reason=" ")
    item.refresh_from_db()
    assert item.decision == ""


def test_feedback_is_found_by_its_subject():
    from django.contrib.auth.models import Group

    subject = Group.objects.create(name="any model can be a subject")
    item = services.feedback_item_create(source=FeedbackSource.EVENT, text="More rural meetings", subject=subject)
    services.feedback_item_create(source=FeedbackSource.EVENT, text="Elsewhere")
    assert list(selectors.feedback_for_subject(subject)) == [item]


def test_a_name_is_published_only_with_consent():
    item = services.feedback_item_create(source=FeedbackSource.EVENT, text="x", author_name="Bat")
    assert item.public_author == ""
    item.name_consent = True
    assert item.public_author == "Bat"


def test_an_edited_refusal_without_a_reason_in_any_language_is_rejected_and_nothing_changes():
    item = services.feedback_item_create(source=FeedbackSource.OTHER_CHANNEL, text="Add sign language")
    data = {"decision": ResponseDecision.NOT_ACCEPTED, "reason_mn": " ", "reason_en": None, "topic_en": "Access"}
    with pytest.raises(ApplicationError):
        services.feedback_item_update(item=item, data=data, actor=None)
    item.refresh_from_db()
    assert (item.decision, item.topic_en or "", item.responded_at) == ("", "", None)


def test_an_edited_response_is_stamped_with_who_gave_it_and_when():
    from .factories import safeguards_specialist

    specialist = safeguards_specialist()
    item = services.feedback_item_create(source=FeedbackSource.OTHER_CHANNEL, text="Add sign language")
    data = {"decision": ResponseDecision.PARTLY_ACCEPTED, "reason_en": "At the aimag meetings only."}
    item = services.feedback_item_update(item=item, data=data, actor=specialist)
    assert item.responded_by == specialist and item.responded_at is not None
    assert item.reason_en == "At the aimag meetings only."


def test_editing_the_point_raised_does_not_count_as_a_response():
    item = services.feedback_item_create(source=FeedbackSource.OTHER_CHANNEL, text="Add sign language")
    item = services.feedback_item_update(item=item, data={"topic_en": "Accessibility"}, actor=None)
    assert item.topic_en == "Accessibility" and item.responded_at is None


def test_an_edit_cannot_empty_the_feedback():
    item = services.feedback_item_create(source=FeedbackSource.OTHER_CHANNEL, text="Add sign language")
    with pytest.raises(ApplicationError):
        services.feedback_item_update(item=item, data={"text_mn": "", "text_en": ""}, actor=None)
