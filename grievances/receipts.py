"""The receipt of a case: its tracking code, shown once to the officer, and the receipt e-mail to the complainant.

Every case is trackable, whatever its channel: a case the officer registers
(hotline, letter, in person, Facebook, e-mail) gets a tracking code
(complainant_side.grievance_tracking_code_issue) which the officer hands over,
posts or reads out from a printable receipt.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from smartgov.context_processors import DEFAULT_PROJECT_NAME

from . import notifications
from .complainant_side import grievance_tracking_code_issue
from .models import Grievance

# How long the officer can print the receipt with the code after issuing it.
RECEIPT_CODE_SECONDS = 30 * 60


def receipt_language(grievance: Grievance) -> str:
    """The complainant's language (mn, en or kk), else the site's default: the one the messages use."""
    return notifications.complainant_language(notifications.complainant_of(grievance))


def receipt_context(grievance: Grievance, code: str | None) -> dict:
    """What the receipt and its e-mail say, in the active language."""
    return {
        "grievance": grievance,
        "code": code,
        "received_on": timezone.localdate(grievance.received_at),
        "tracking_url": settings.PUBLIC_BASE_URL + reverse("grievances:track"),
        "deadlines": settings.GRM_DEADLINES,
        "contact": settings.GRM_CONTACT,
        "project_name": settings.PROJECT_NAME or DEFAULT_PROJECT_NAME,
    }


@transaction.atomic
def grievance_receipt_issue(*, grievance: Grievance, actor) -> tuple[Grievance, str]:
    """Give the case a new tracking code and send the receipt with it the complainant's way.

    Return the case and the code. Only the code's hash is stored on the case;
    the message that carries it (notifications.grievance_receipt_notify) has
    its text blanked by the outbox once sent.
    """
    grievance, code = grievance_tracking_code_issue(grievance=grievance, actor=actor)
    notifications.grievance_receipt_notify(grievance=grievance, code=code)
    return grievance, code


def _cache_key(request, grievance_pk: int) -> str:
    raw = f"{request.session.session_key}:{grievance_pk}".encode()
    return "grievances:receipt-code:" + hashlib.sha256(raw).hexdigest()


def receipt_code_keep(request, grievance_pk: int, code: str) -> None:
    """Keep a new tracking code for the receipt page: for this staff session only, for at most 30 minutes.

    Why not the database: the code is a key to the case's timeline and forms,
    so only its hash is stored, and Django's sessions are rows of the
    database. The code goes to the cache instead (memory; Redis shared by the
    web workers in production), under a key derived from the session key, so
    another session (another browser, or the same officer after signing in
    again) never finds it, and it disappears after RECEIPT_CODE_SECONDS, long
    enough to print the receipt or read it out on the phone. It is never
    logged. A lost code is replaced by issuing a new one.
    """
    if not request.session.session_key:
        request.session.save()
    until = timezone.now().timestamp() + RECEIPT_CODE_SECONDS
    cache.set(_cache_key(request, grievance_pk), {"code": code, "until": until}, RECEIPT_CODE_SECONDS)


def receipt_code_get(request, grievance_pk: int) -> str | None:
    """The code kept for this session's receipt of the case, or None when there is none or its time is up."""
    if not request.session.session_key:
        return None
    kept = cache.get(_cache_key(request, grievance_pk))
    if not kept or timezone.now().timestamp() >= kept["until"]:
        return None
    return kept["code"]
