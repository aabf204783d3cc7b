"""Feedback items as the public may see them."""

from django.contrib.contenttypes.models import ContentType

from ..models import ConsultationEvent, FeedbackItem


def feedback_for_subject(subject):
    """All feedback on one subject (an event, a document version), grouped-ready by topic."""
    return FeedbackItem.objects.for_subject(subject).order_by("topic", "received_at", "id")


def feedback_public_list():
    """Feedback the public may read: everything except input on events not yet published.

    Names are not filtered here: serializers and templates publish
    `public_author`, which is empty without the person's consent.
    """
    event_type = ContentType.objects.get_for_model(ConsultationEvent)
    unpublished_events = ConsultationEvent.objects.filter(is_published=False).values("pk")
    return (
        FeedbackItem.objects.exclude(subject_type=event_type, subject_id__in=unpublished_events)
        .select_related("subject_type")
        .order_by("-received_at", "id")
    )
