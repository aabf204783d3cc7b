"""The PIU office's address and opening hours, as the public pages show them in the reader's language.

The address is a setting per language (GRM_OFFICE["address"]): Mongolian,
English and Kazakh write place names differently, and a translation file is
the wrong place for a fact the PIU may change. A language without its own
address gets the Mongolian one, as letters in Mongolia are addressed.
"""

from django.conf import settings
from django.utils import translation


def piu_office(language=None) -> dict:
    """Return {"address", "opens", "closes"} for `language` (the active one by default)."""
    office = settings.GRM_OFFICE
    language = (language or translation.get_language() or "mn").split("-")[0]
    addresses = office["address"]
    return {
        "address": addresses.get(language) or addresses.get("mn", ""),
        "opens": office["opens"],
        "closes": office["closes"],
    }
