"""Mongolia's 21 aimags and the capital: their ISO 3166-2:MN codes, names and places on the tile map.

The codes and the English names come from pycountry's copy of ISO 3166-2,
not from a hand-typed list, so a code is never mistyped and a renamed or new
subdivision shows up when pycountry is upgraded (a test then asks for its
names and tile). pycountry has no Mongolian or Kazakh names, and its English
ones are ISO romanisations ("Ömnögovĭ Province"): the Mongolian and Kazakh
names are the table below, keyed by code rather than by pycountry's English
spelling in the message catalogues, because a changed romanisation in a new
pycountry release would silently leave a catalogue entry untranslated, while
a code never changes.
"""

from functools import cache

import pycountry
from django.utils.functional import lazy
from django.utils.translation import get_language

# The names people write: Mongolian Cyrillic; Kazakh uses the same names in its own alphabet (the capital
# is Ұланбатыр in Kazakh).
MONGOLIAN_NAMES = {
    "MN-1": "Улаанбаатар",
    "MN-035": "Орхон",
    "MN-037": "Дархан-Уул",
    "MN-039": "Хэнтий",
    "MN-041": "Хөвсгөл",
    "MN-043": "Ховд",
    "MN-046": "Увс",
    "MN-047": "Төв",
    "MN-049": "Сэлэнгэ",
    "MN-051": "Сүхбаатар",
    "MN-053": "Өмнөговь",
    "MN-055": "Өвөрхангай",
    "MN-057": "Завхан",
    "MN-059": "Дундговь",
    "MN-061": "Дорнод",
    "MN-063": "Дорноговь",
    "MN-064": "Говьсүмбэр",
    "MN-065": "Говь-Алтай",
    "MN-067": "Булган",
    "MN-069": "Баянхонгор",
    "MN-071": "Баян-Өлгий",
    "MN-073": "Архангай",
}
KAZAKH_NAMES = {**MONGOLIAN_NAMES, "MN-1": "Ұланбатыр", "MN-071": "Баян-Өлгей"}

# The tile map: each aimag one equal square at (column, row), row 0 in the north, laid out roughly as the
# country lies: Bayan-Ölgii and Uvs in the far west, Dornod in the far east, Ömnögovi in the south, the
# capital in the centre with Töv around it (below it here) and Darkhan-Uul and Selenge to the north.
TILES = {
    "MN-046": (1, 0),  # Uvs
    "MN-041": (3, 0),  # Khövsgöl
    "MN-067": (4, 0),  # Bulgan
    "MN-037": (5, 0),  # Darkhan-Uul
    "MN-049": (6, 0),  # Selenge
    "MN-071": (0, 1),  # Bayan-Ölgii
    "MN-043": (1, 1),  # Khovd
    "MN-057": (2, 1),  # Zavkhan
    "MN-073": (3, 1),  # Arkhangai
    "MN-035": (4, 1),  # Orkhon
    "MN-1": (5, 1),  # Ulaanbaatar
    "MN-039": (6, 1),  # Khentii
    "MN-061": (7, 1),  # Dornod
    "MN-065": (2, 2),  # Govi-Altai
    "MN-069": (3, 2),  # Bayankhongor
    "MN-055": (4, 2),  # Övörkhangai
    "MN-047": (5, 2),  # Töv
    "MN-064": (6, 2),  # Govisümber
    "MN-051": (7, 2),  # Sükhbaatar
    "MN-053": (4, 3),  # Ömnögovi
    "MN-059": (5, 3),  # Dundgovi
    "MN-063": (6, 3),  # Dornogovi
}


@cache
def aimag_codes() -> tuple[str, ...]:
    """The 22 ISO 3166-2:MN codes: Ulaanbaatar first, then the aimags in code order."""
    codes = [subdivision.code for subdivision in pycountry.subdivisions.get(country_code="MN")]
    return tuple(sorted(codes, key=lambda code: (len(code), code)))


@cache
def _english_names() -> dict[str, str]:
    return {
        subdivision.code: subdivision.name.removesuffix(" Province")
        for subdivision in pycountry.subdivisions.get(country_code="MN")
    }


def aimag_name(code: str, language: str | None = None) -> str:
    """The aimag's name in `language` (the active one when None): Mongolian, Kazakh, else pycountry's English."""
    language = language or get_language() or "mn"
    if language == "mn":
        return MONGOLIAN_NAMES.get(code, code)
    if language == "kk":
        return KAZAKH_NAMES.get(code, code)
    return _english_names().get(code, code)


aimag_name_lazy = lazy(aimag_name, str)


def aimag_choices() -> list[tuple[str, str]]:
    """(code, name) for a choice field; names follow the language active when they are shown."""
    return [(code, aimag_name_lazy(code)) for code in aimag_codes()]


def aimags_in_name_order(language: str | None = None) -> list[str]:
    """The codes sorted by their name in `language`: how a reader looks for their aimag in a list."""
    return sorted(aimag_codes(), key=lambda code: aimag_name(code, language))
