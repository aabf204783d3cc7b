"""Reads on stakeholder engagement records."""

from .models import FeedbackItem


def feedback_for_subject(subject):
    """All feedback on one subject (an event, a document version), grouped-ready by topic."""
    return FeedbackItem.objects.for_subject(subject).order_by("topic", "received_at", "id")
