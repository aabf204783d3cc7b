"""Private tracking codes: made at submission, shown once, stored only as a hash.

A code is 12 characters from an alphabet without look-alikes (no 0/O, 1/I/L),
drawn from an HMAC the server alone can compute, about 58 bits: far beyond
guessing under the tracking rate limit, so a fast SHA-256 is enough (a slow
password hash would only cost the server).
"""

import hashlib
import hmac
import secrets

from django.utils.crypto import salted_hmac

from .models import Grievance
from .numbering import format_registration_number, parse_typed_number

ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 12
GROUP = 4
HASH_PREFIX = "sha256$"


def tracking_code_for_submission(submission_token, *, browser_key: str) -> str:
    """Return the code of the case a web-form submission registers: the same for every copy sent by one browser.

    It is derived from the form's random submission token and the browser's
    own secret (`browser_key`, the CSRF cookie's secret) with a key only the
    server has (an HMAC under SECRET_KEY). So the second request of a double
    click, which carries both, can show the code the first one registered
    without any state shared between them, while the same token replayed from
    another browser derives another code, which matches nothing. The digest's
    256 bits give the 12 characters without bias worth mentioning.
    """
    # A UUID has no line break, so the two parts cannot run into each other.
    message = f"{submission_token}\n{browser_key}"
    number = int.from_bytes(salted_hmac("grievances.tracking-code", message, algorithm="sha256").digest(), "big")
    characters = []
    for _ in range(CODE_LENGTH):
        number, index = divmod(number, len(ALPHABET))
        characters.append(ALPHABET[index])
    return _grouped("".join(characters))


def _grouped(raw: str) -> str:
    return "-".join(raw[i : i + GROUP] for i in range(0, CODE_LENGTH, GROUP))  # for reading aloud: ABCD-EFGH-JKMN


def tracking_code_random() -> str:
    """A new random code, for a case the officer registered (it has no browser to derive one from)."""
    return _grouped("".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH)))


def normalize_code(code: str) -> str:
    """Accept the code as people type it: any case, with or without dashes and spaces."""
    return "".join(ch for ch in (code or "").upper() if ch.isalnum())


def tracking_code_hash(code: str) -> str:
    return HASH_PREFIX + hashlib.sha256(normalize_code(code).encode()).hexdigest()


def tracking_code_matches(code: str, stored_hash: str) -> bool:
    return bool(stored_hash) and hmac.compare_digest(tracking_code_hash(code), stored_hash)


def normalize_registration_number(number: str) -> str:
    """Write a typed number the way it is stored (F-2026/1 and 2026/1 become f-2026/01); '' if it is not one.

    The prefix is the same for every case of the portal (GRM_REGISTRATION_PREFIX),
    so the year and the running number are what identify a case; people often
    leave the prefix out or type it in their keyboard's alphabet.
    """
    typed = parse_typed_number(number)
    return format_registration_number(*typed) if typed else ""


# What the tracking page shows of a case (public_case.py), loaded with the look-up so the page adds no query:
# the answer and the actions taken in every language, and whether the complainant left a name or contact.
TRACKING_PAGE_FIELDS = (
    "registered_no",
    "kind",
    "state",
    "status",
    "stage",
    "received_at",
    "acknowledged_at",
    "due_on",
    "resolved_on",
    "closed_at",
    "satisfaction_due_on",
    "referred_to",
    "public_answer_mn",
    "public_answer_en",
    "public_answer_kk",
    "actions_taken_mn",
    "actions_taken_en",
    "tracking_code_hash",
    "sensitive",  # the page of a sensitive case (SEA/SH) has the pathway's exit and no type
    "complainant__name",
    "complainant__email",
    "complainant__phone",
    "complainant__address",
)


def grievance_get_by_tracking(*, registered_no: str, code: str) -> Grievance | None:
    """Return the case only when the number and the code belong together; None otherwise.

    The hash is computed and compared even when no case has the number, so a
    wrong number and a wrong code take the same path.
    """
    number = normalize_registration_number(registered_no)
    grievance = (
        Grievance.objects.filter(registered_no=number).select_related("complainant").only(*TRACKING_PAGE_FIELDS).first()
        if number
        else None
    )
    matches = tracking_code_matches(code, grievance.tracking_code_hash if grievance else "")
    return grievance if grievance is not None and matches else None
