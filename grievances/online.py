"""Feedback sent through the public web form: register it, attach files, confirm by e-mail."""

import hashlib
import uuid
from dataclasses import dataclass
from datetime import timedelta

from django.db import IntegrityError
from django.utils import timezone

from . import tracking
from .models import Channel, Grievance
from .services import grievance_register

# How long after a submission the browser that sent it may reload its confirmation (number and code).
CONFIRMATION_SECONDS = 8 * 60 * 60
# How long after a submission a repeat of it from the same browser (a double click, a POST sent again whose
# first answer never arrived) is given the code again. Short: a repeat is seconds behind the first request,
# and a later one still has the confirmation the first answer left in the browser.
REPEAT_CONFIRMATION_SECONDS = 15 * 60


@dataclass
class OnlineSubmission:
    grievance: Grievance
    tracking_code: str  # empty for a repeat from another browser or too late to be shown the code again
    is_repeat: bool = False  # an earlier request with the same submission token registered the case


def submission_key(submission_token) -> uuid.UUID:
    """Return what is stored for a form's submission token: its SHA-256, cut to a UUID.

    The token (with the browser's key) gives the tracking code
    (tracking.tracking_code_for_submission), so it is kept nowhere; its hash
    still finds the case a repeat refers to.
    """
    return uuid.UUID(bytes=hashlib.sha256(f"submission:{submission_token}".encode()).digest()[:16])


def grievance_submit_online(
    *,
    kind: str,
    message: str,
    location: str = "",
    profile: dict | None = None,
    complainant: dict | None = None,
    attachments: list | None = None,
    submission_token,
    browser_key: str,
    language: str = "mn",
    sensitive: bool = False,
    referral_consent: str = "",
) -> OnlineSubmission:
    """Register feedback from the website form once per submission token, with its tracking code.

    The form carries a random token made when it was shown, and the case's
    code is derived from it and from `browser_key`, a secret the sending
    browser keeps (its CSRF cookie). So a double click or a resent POST from
    that browser finds the case the first one registered and gets the same
    code back, without any state shared between the requests, while the token
    replayed from anywhere else gets neither the code nor a second case. Only
    hashes of the token and of the code are stored. The case, its files and,
    when an e-mail was given, the confirmation in the outbox
    (notifications.grievance_registered_notify) are written in one
    transaction, grievance_register's: no outer one here, so that it needs no
    savepoint (two statements fewer on every submission).
    """
    key = submission_key(submission_token)
    # The confirmation (sent by grievance_register) is written in the language chosen, else the page's.
    complainant = {"preferred_language": language, **{k: v for k, v in (complainant or {}).items() if v}}
    code = tracking.tracking_code_for_submission(submission_token, browser_key=browser_key)
    try:
        # No look-up first: a repeat is rare, and the unique token catches it. The clash rolls grievance_register's
        # transaction back (the running number too; a savepoint when a caller's transaction surrounds it).
        grievance = grievance_register(
            kind=kind,
            channel=Channel.WEBSITE,
            message=message,
            message_language=language,
            location=location,
            profile=profile,
            complainant=complainant or {},
            submission_token=key,
            tracking_code_hash=tracking.tracking_code_hash(code),
            sensitive=sensitive,
            referral_consent=referral_consent,
            attachments=attachments,
        )
    except IntegrityError:
        # The same token was registered by an earlier request (a double click, a POST sent again).
        existing = Grievance.objects.filter(submission_token=key).first()
        if existing is None:
            raise
        return _repeat(existing, code)
    return OnlineSubmission(grievance, code)


def _repeat(grievance, code):
    """The case an earlier copy of this submission registered; its code only to the same browser, soon after.

    A code derived with another browser's key does not match the stored hash:
    whoever replays a token they found gets nothing to show.
    """
    recent = grievance.received_at >= timezone.now() - timedelta(seconds=REPEAT_CONFIRMATION_SECONDS)
    shown = recent and tracking.tracking_code_matches(code, grievance.tracking_code_hash)
    return OnlineSubmission(grievance, code if shown else "", is_repeat=True)
