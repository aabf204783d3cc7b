"""Write a date the way each language writes it, in one place for pages, e-mails and PDFs.

Django's locale formats cannot do it: Mongolian puts an ordinal suffix after
the month number whose vowel follows the number's spoken form (11 дүгээр,
12 дугаар), and Kazakh declines the year (2026 жылғы). So the three written
forms are built here:

- mn: ``2026 оны 11 дүгээр сарын 30`` (as the PIU writes letters and reports)
- kk: ``2026 жылғы 30 қараша``
- en: ``30 November 2026``; the PIU's English reports write ``July 31, 2020``,
  which ``month_first=True`` gives.
"""

from datetime import date, datetime

from django.utils import timezone, translation

# Ordinal suffix of each month number in Mongolian, by vowel harmony of the spoken numeral
# (нэг, хоёр, гурав, дөрөв, тав, зургаа, долоо, найм, ес, арав, арван нэг, арван хоёр).
MONGOLIAN_MONTH_ORDINALS = {
    1: "дүгээр", 2: "дугаар", 3: "дугаар", 4: "дүгээр", 5: "дугаар", 6: "дугаар",
    7: "дугаар", 8: "дугаар", 9: "дүгээр", 10: "дугаар", 11: "дүгээр", 12: "дугаар",
}  # fmt: skip

KAZAKH_MONTHS = (
    "қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым",
    "шілде", "тамыз", "қыркүйек", "қазан", "қараша", "желтоқсан",
)  # fmt: skip

ENGLISH_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


def _as_date(value):
    if isinstance(value, datetime):
        return timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return value


def written_date(value, language=None, *, month_first=False, short=False):
    """Return the date written out in ``language`` (the active language by default); "" for no date.

    ``short`` gives the numeric form each language also writes (mn ``2026.11.30``,
    kk ``30.11.2026``, en ``30 Nov 2026``), for text messages, whose length is counted.
    """
    if value in (None, ""):
        return ""
    day = _as_date(value)
    if not isinstance(day, date):
        return str(value)
    language = (language or translation.get_language() or "en").split("-")[0]
    if short:
        return _short(day, language)
    if language == "mn":
        return f"{day.year} оны {day.month} {MONGOLIAN_MONTH_ORDINALS[day.month]} сарын {day.day}"
    if language == "kk":
        return f"{day.year} жылғы {day.day} {KAZAKH_MONTHS[day.month - 1]}"
    if month_first:
        return f"{ENGLISH_MONTHS[day.month - 1]} {day.day}, {day.year}"
    return f"{day.day} {ENGLISH_MONTHS[day.month - 1]} {day.year}"


def _short(day, language):
    if language == "mn":
        return f"{day.year}.{day.month:02d}.{day.day:02d}"
    if language == "kk":
        return f"{day.day:02d}.{day.month:02d}.{day.year}"
    return f"{day.day} {ENGLISH_MONTHS[day.month - 1][:3]} {day.year}"
