"""The confirmation page's number and private code, kept in the complainant's browser until it is shown.

The POST that registers a case hands them to the confirmation page in a
cookie encrypted with a key kept for values given to browsers: never in the
URL, never in a server-side session (the code is stored nowhere but as a
hash), out of reach of scripts (HttpOnly) and sent to the confirmation page
only. There is one cookie per language, each with the path of that language's
confirmation page, so the page's language links keep the confirmation. Both
requests of a double click set the same values, so whichever answer the
browser keeps shows the right code, and the form needs no session at all.
"""

import json

from django.conf import settings
from django.urls import reverse
from django.utils import translation

from smartgov import crypto

from .online import CONFIRMATION_SECONDS, OnlineSubmission

COOKIE_NAME = "grievance_confirmation"


def confirmation_cookie_name(language: str) -> str:
    """Return the name of the cookie that carries the confirmation to `language`'s confirmation page."""
    return f"{COOKIE_NAME}_{language}"


def confirmation_cookie_set(response, *, submission: OnlineSubmission, data: dict):
    """Give the browser what the confirmation page shows about this submission (`data`: the form's cleaned data).

    A response holds one cookie per name, and each path needs its own cookie: hence one name per language.
    """
    confirmation = {
        "registered_no": submission.grievance.registered_no,
        "tracking_code": submission.tracking_code,
        "emailed": bool(data.get("email")),
        "anonymous": not any(data.get(field) for field in ("name", "phone", "email", "address")),
        "sensitive": bool(data.get("sensitive")),
    }
    value = crypto.encrypt_for_client(json.dumps(confirmation))
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            path = reverse("grievances:done")
        response.set_cookie(
            confirmation_cookie_name(language),
            value,
            path=path,  # that language's confirmation page only
            secure=settings.SESSION_COOKIE_SECURE,
            httponly=True,
            samesite="Strict",
        )
    return response


def confirmation_cookie_get(request) -> dict | None:
    """The confirmation the browser brought back, or None when it has none, an altered one or an expired one."""
    value = request.COOKIES.get(confirmation_cookie_name(translation.get_language()))
    plain = crypto.decrypt_from_client(value, max_age=CONFIRMATION_SECONDS) if value else None
    if not plain:
        return None
    try:
        confirmation = json.loads(plain)
    except ValueError:
        return None
    return confirmation if isinstance(confirmation, dict) else None
