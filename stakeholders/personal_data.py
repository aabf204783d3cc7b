"""Personal data outside the grievance log: public commenters and stakeholders' representatives.

Registrants for consultation events too. Their names and contact details are encrypted at rest (smartgov.crypto); a
person is found by the blind index of their exact e-mail or phone number,
never by decrypting every row. grievances.personal_data gathers these with
the person's cases for an export; commenters' names and contacts are removed
after PUBLIC_COMMENT_RETENTION_DAYS. Representatives are a current register,
not a record with an end: a person who no longer represents a stakeholder is
removed from it, and nothing of them is kept.
"""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from smartgov.search_keys import email_search_key, phone_search_key

from .models import EventRegistration, FeedbackItem, Representative

# What the person wrote and gave about themselves, and the PIU's public answer; not staff's moderation notes.
EXPORTED_FEEDBACK_FIELDS = [
    "source",
    "topic",
    "text",
    "received_at",
    "author_name",
    "author_organisation",
    "author_contact",
    "name_consent",
    "moderation_state",
    "decision",
    "reason",
    "reflected_in",
    "responded_at",
]
EXPORTED_REPRESENTATIVE_FIELDS = ["name", "position", "email", "phone", "is_verified", "verified_on"]
EXPORTED_REGISTRATION_FIELDS = [
    "registered_at",
    "name",
    "organisation",
    "organisation_type",
    "contact",
    "sign_language",
    "hearing_loop",
    "easy_read",
    "step_free_access",
    "accessibility_other",
    "consent",
]


def feedback_of_person(*, email: str = "", phone: str = ""):
    """Comments and feedback whose author left this exact e-mail or phone number, oldest first."""
    return (
        FeedbackItem.objects.of_person(email=email, phone=phone)
        .select_related("subject_type")
        .order_by("received_at", "pk")
    )


def representatives_of_person(*, email: str = "", phone: str = ""):
    """Register entries of a representative with this exact e-mail or phone number."""
    condition = Q(pk__in=[])
    if key := email_search_key(email):
        condition |= Q(email_index=key)
    if key := phone_search_key(phone):
        condition |= Q(phone_index=key)
    return Representative.objects.filter(condition).select_related("stakeholder").order_by("pk")


def registrations_of_person(*, email: str = "", phone: str = ""):
    """Online registrations for events whose contact is this exact e-mail or phone number, oldest first."""
    return (
        EventRegistration.objects.of_person(email=email, phone=phone)
        .select_related("event")
        .order_by("registered_at", "pk")
    )


def registration_export_data(registration: EventRegistration) -> dict:
    """What the person gave when registering for an event, with the event's title and date."""
    data = {field: _value(getattr(registration, field)) for field in EXPORTED_REGISTRATION_FIELDS}
    data["event"] = f"{registration.event.title} ({registration.event.starts_on.isoformat()})"
    return data


def _value(value):
    return value.isoformat() if hasattr(value, "isoformat") else value


def feedback_export_data(item: FeedbackItem) -> dict:
    """What the person told us in one comment and what we answered, with what it was about."""
    data = {field: _value(getattr(item, field)) for field in EXPORTED_FEEDBACK_FIELDS}
    data["subject"] = f"{item.subject_type.model}:{item.subject_id}" if item.subject_type_id else ""
    return data


def representative_export_data(representative: Representative) -> dict:
    data = {field: _value(getattr(representative, field)) for field in EXPORTED_REPRESENTATIVE_FIELDS}
    data["stakeholder"] = representative.stakeholder.name
    return data


@transaction.atomic
def feedback_authors_forget_expired(*, now=None) -> int:
    """Forget the authors of feedback received before PUBLIC_COMMENT_RETENTION_DAYS; return how many items changed.

    The comments and the PIU's responses stay: they are the public record of
    the consultation. Run daily by beat; safe to run again.
    """
    cutoff = (now or timezone.now()) - timedelta(days=settings.PUBLIC_COMMENT_RETENTION_DAYS)
    expired = FeedbackItem.objects.filter(received_at__lt=cutoff).exclude(
        author_name="", author_contact="", name_consent=False
    )
    return expired.update(author_name="", author_contact="", author_contact_index="", name_consent=False)
