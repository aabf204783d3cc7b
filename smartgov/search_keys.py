"""Blind indexes of personal data: how an encrypted e-mail, phone number or name is found by exact value.

Each function normalises the value first, so the same address, number or
name written differently (case, spaces, dashes, +976) gets the same key, then
takes its keyed HMAC (smartgov.crypto.blind_index). A key reveals equality and
nothing else: an encrypted value can be found by its whole value, never by part.
"""

import unicodedata

from .crypto import blind_index


def email_search_key(value: str) -> str:
    """The blind index of an e-mail address (case and spaces ignored)."""
    return blind_index(value or "")


def phone_search_key(value: str) -> str:
    """The blind index of a phone number: digits only, without Mongolia's +976 country code.

    So "9911 2233", "9911-2233" and "+976 99112233" are the same number.
    """
    digits = "".join(character for character in (value or "") if character.isdigit())
    if len(digits) > 8 and digits.startswith("976"):
        digits = digits[3:]
    return blind_index(digits)


def name_search_key(value: str) -> str:
    """The blind index of a person's name: letters and digits only, case ignored.

    So "Б. Сарангэрэл", "б.сарангэрэл" and "Bat-Erdene" / "bat erdene" match;
    "Сарангэрэл" alone does not match "Б. Сарангэрэл": the whole name is needed.
    """
    normalised = unicodedata.normalize("NFKC", value or "").casefold()
    return blind_index("".join(character for character in normalised if character.isalnum()))


def contact_search_key(value: str) -> str:
    """The blind index of a contact given in one "phone or e-mail" field: as an e-mail if it has an @, else a phone."""
    value = (value or "").strip()
    return email_search_key(value) if "@" in value else phone_search_key(value)
