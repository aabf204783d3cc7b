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
