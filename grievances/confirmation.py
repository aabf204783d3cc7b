"""The confirmation page's number and private code, kept in the complainant's browser until it is shown.

The POST that registers a case hands them to the confirmation page in a
cookie encrypted with the server's keys: never in the URL, never in a
server-side session (the code is stored nowhere but as a hash), out of reach
of scripts (HttpOnly) and sent to that page only. Both requests of a double
click set the same values, so whichever answer the browser keeps shows the
right code, and the form needs no session at all.
"""

import json

from django.conf import settings
from django.urls import reverse

from smartgov import crypto

from .online import CONFIRMATION_SECONDS, OnlineSubmission

COOKIE_NAME = "grievance_confirmation"


def confirmation_cookie_set(response, *, submission: OnlineSubmission, data: dict):
    """Give the browser what the confirmation page shows about this submission (`data`: the form's cleaned data)."""
    confirmation = {
        "registered_no": submission.grievance.registered_no,
        "tracking_code": submission.tracking_code,
        "emailed": bool(data.get("email")),
        "anonymous": not any(data.get(field) for field in ("name", "phone", "email", "address")),
    }
    response.set_cookie(
        COOKIE_NAME,
        crypto.encrypt_for_client(json.dumps(confirmation)),
        path=reverse("grievances:done"),  # this language's confirmation page only
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Strict",
    )
    return response


def confirmation_cookie_get(request) -> dict | None:
    """The confirmation the browser brought back, or None when it has none, an altered one or an expired one."""
    value = request.COOKIES.get(COOKIE_NAME)
    plain = crypto.decrypt_from_client(value, max_age=CONFIRMATION_SECONDS) if value else None
    return json.loads(plain) if plain else None
