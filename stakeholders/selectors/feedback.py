"""Feedback items as the public may see them."""

from django.contrib.contenttypes.models import ContentType

from ..models import ConsultationEvent, FeedbackItem


def feedback_for_subject(subject):
    """Feedback on one subject (an event, a document version) as the public sees it, grouped-ready by topic.

    Comments waiting for moderation are left out; removed ones are in, for the
    page to show as removed by the moderator, with the reason.
    """
    return FeedbackItem.objects.for_subject(subject).public().order_by("topic", "received_at", "id")


def feedback_public_list():
    """Feedback the public may read: all but input on unpublished events and comments awaiting moderation.

    Names are not filtered here: serializers and templates publish
    `public_author`, which is empty without the person's consent. Removed
    items are listed; the serializer gives their reason instead of their text.
    """
    event_type = ContentType.objects.get_for_model(ConsultationEvent)
    unpublished_events = ConsultationEvent.objects.filter(is_published=False).values("pk")
    return (
        FeedbackItem.objects.public()
        .exclude(subject_type=event_type, subject_id__in=unpublished_events)
        .select_related("subject_type")
        .order_by("-received_at", "id")
    )
