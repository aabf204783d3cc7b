"""Referral letters: tell the complainant of an unrelated case which body can deal with it and how to reach it.

Marking a case unrelated (services.grievance_mark_unrelated) queues
referral_letter_create_task after commit; the task renders the letter with
WeasyPrint and keeps it on the case (ReferralLetter). Rendering takes about a
second, so it never runs in a web request. The letter names the complainant
only as its addressee: no contact details, no text of the complaint.
"""

import logging

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from reporting.weasy import html_to_pdf
from smartgov.context_processors import DEFAULT_PROJECT_NAME

from .models import Complainant, EventType, Grievance, ReferralLetter, Status

logger = logging.getLogger(__name__)

GRS_URL = "https://www.worldbank.org/en/projects-operations/products-and-services/grievance-redress-service"
INSPECTION_PANEL_URL = "https://www.inspectionpanel.org"


def letter_language(grievance: Grievance) -> str:
    """The language of the complainant's letter: theirs when it is Mongolian or English, else Mongolian.

    The register is kept in Mongolian and English only, so a Kazakh-speaking
    complainant is written to in Mongolian, the language of the country's offices.
    """
    try:
        language = grievance.complainant.preferred_language
    except Complainant.DoesNotExist:
        language = ""
    return language if language in settings.MODELTRANSLATION_LANGUAGES else settings.MODELTRANSLATION_DEFAULT_LANGUAGE


def _in_language(body, field: str, language: str) -> str:
    """A text of a body in one language, else in the other one the register keeps."""
    languages = [language, *(code for code in settings.MODELTRANSLATION_LANGUAGES if code != language)]
    return next((value for code in languages if (value := getattr(body, f"{field}_{code}", ""))), "")


def referral_body_name(body, language: str) -> str:
    return _in_language(body, "name", language) if body is not None else ""


def referral_letter_queue(*, grievance_id: int) -> None:
    """Queue the letter's task; never raise (the case is already marked unrelated when this runs)."""
    from .tasks import referral_letter_create_task

    try:
        referral_letter_create_task.delay(grievance_id)
    except Exception:  # the broker's errors vary by transport (kombu, redis, OSError)
        logger.warning("Could not queue the referral letter of case %s.", grievance_id, exc_info=True)


def referral_letter_context(grievance: Grievance, language: str) -> dict:
    body = grievance.referral_body
    try:
        addressee = grievance.complainant.name
    except Complainant.DoesNotExist:
        addressee = ""
    return {
        "grievance": grievance,
        "addressee": addressee,
        "received_on": timezone.localdate(grievance.received_at),
        "today": timezone.localdate(),
        "body_name": grievance.referred_to,
        "body_contact": _in_language(body, "contact", language) if body is not None else "",
        "body_address": _in_language(body, "address", language) if body is not None else "",
        "contact": settings.GRM_CONTACT,
        "project_name": settings.PROJECT_NAME or DEFAULT_PROJECT_NAME,
        "grs_url": GRS_URL,
        "inspection_panel_url": INSPECTION_PANEL_URL,
    }


def referral_letter_render(grievance: Grievance, language: str) -> bytes:
    """Render the letter of an unrelated case in one language and return the PDF bytes."""
    with translation.override(language):
        html = render_to_string("grievances/referral_letter.html", referral_letter_context(grievance, language))
    return html_to_pdf(html, str(settings.BASE_DIR))


def referral_letter_create(*, grievance_id: int) -> ReferralLetter | None:
    """Write the letter of the case's latest marking as unrelated, once; return it (None when not due).

    Idempotent: a marking that has its letter gets no second one, and a case
    reopened before the task ran gets none. The PDF is rendered before the
    transaction opens, so the row is not held for the time WeasyPrint takes.
    """
    grievance = Grievance.objects.select_related("referral_body", "complainant").filter(pk=grievance_id).first()
    if grievance is None or grievance.status != Status.UNRELATED:
        return None
    event = grievance.events.filter(event_type=EventType.MARKED_UNRELATED).order_by("-id").first()
    if event is None or ReferralLetter.objects.filter(event=event).exists():
        return None
    language = letter_language(grievance)
    content = referral_letter_render(grievance, language)
    letter = ReferralLetter(grievance=grievance, event=event, language=language)
    letter.file.save(f"referral-letter-{event.pk}-{language}.pdf", ContentFile(content), save=False)
    try:
        with transaction.atomic():
            letter.save()
    except IntegrityError:  # another run of the task wrote it meanwhile
        letter.file.delete(save=False)
        return ReferralLetter.objects.get(event=event)
    return letter
