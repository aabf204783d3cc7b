"""Joining a consultation online: registering for an upcoming event and commenting while its window is open.

A registration records who is coming and the support they need (sign
language, easy-read documents, ...), so the PIU can prepare it; its name and
contact are optional, encrypted, and forgotten EVENT_REGISTRATION_RETENTION_DAYS
after the event. A comment sent on the event's page becomes a feedback item
on the event through the one door for public comments
(stakeholders.services.public_comment_create): it waits for a
moderator like a comment on a document, and gets the same reasoned response.
"""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from smartgov.exceptions import ApplicationError
from smartgov.written_dates import written_date

from .models import ConsultationEvent, EventRegistration, FeedbackItem, FeedbackSource
from .services import public_comment_create

ACCESSIBILITY_NEEDS = ("sign_language", "hearing_loop", "easy_read", "step_free_access", "accessibility_other")


@transaction.atomic
def event_registration_create(
    *,
    event: ConsultationEvent,
    consent: bool,
    name: str = "",
    organisation: str = "",
    organisation_type: str = "",
    contact: str = "",
    sign_language: bool = False,
    hearing_loop: bool = False,
    easy_read: bool = False,
    step_free_access: bool = False,
    accessibility_other: str = "",
) -> EventRegistration:
    """Register a person for an upcoming published event; nothing is kept without their consent."""
    event = ConsultationEvent.objects.select_for_update().get(pk=event.pk)
    if not event.takes_registrations:
        raise ApplicationError(_("This event no longer takes registrations."))
    if not consent:
        raise ApplicationError(_("Agree that we keep these details for the event, or register by phone."))
    return EventRegistration.objects.create(
        event=event,
        consent=True,
        name=name.strip(),
        organisation=organisation.strip(),
        organisation_type=organisation_type,
        contact=contact.strip(),
        sign_language=sign_language,
        hearing_loop=hearing_loop,
        easy_read=easy_read,
        step_free_access=step_free_access,
        accessibility_other=accessibility_other.strip(),
    )


@transaction.atomic
def event_comment_submit(
    *,
    event: ConsultationEvent,
    text: str,
    topic: str = "",
    author_name: str = "",
    author_contact: str = "",
    name_consent: bool = False,
    today=None,
) -> FeedbackItem:
    """Take a public comment on an event while its online feedback window is open, as a feedback item."""
    today = today or timezone.localdate()
    if not event.takes_comments(today):
        raise ApplicationError(_comment_refusal(event, today))
    return public_comment_create(
        source=FeedbackSource.EVENT,
        subject=event,
        text=text,
        topic=topic,
        author_name=author_name,
        author_contact=author_contact,
        name_consent=name_consent,
    )


def _comment_refusal(event, today):
    if event.comments_open_until and today > event.comments_open_until:
        return _("Comments on this event closed on %(date)s.") % {"date": written_date(event.comments_open_until)}
    if event.comments_open_from and today < event.comments_open_from:
        return _("Comments on this event open on %(date)s.") % {"date": written_date(event.comments_open_from)}
    return _("This event takes no comments online.")


@transaction.atomic
def event_registrations_forget_expired(*, today=None) -> int:
    """Remove registrants' names and contacts EVENT_REGISTRATION_RETENTION_DAYS after their event; return how many.

    The registration itself stays, with the organisation and the support asked
    for: the event's figures count it. Run daily by beat; safe to run again.
    """
    cutoff = (today or timezone.localdate()) - timedelta(days=settings.EVENT_REGISTRATION_RETENTION_DAYS)
    ended = Q(event__ends_on__lt=cutoff) | Q(event__ends_on__isnull=True, event__starts_on__lt=cutoff)
    expired = EventRegistration.objects.filter(ended).exclude(name="", contact="")
    return expired.update(name="", contact="", contact_index="")
