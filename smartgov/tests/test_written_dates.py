import re
from datetime import date, datetime
from zoneinfo import ZoneInfo

import polib
import pytest
from django.conf import settings
from django.template import Context, Template
from django.utils import translation

from smartgov.written_dates import written_date


@pytest.mark.parametrize(
    ("day", "language", "expected"),
    [
        (date(2026, 11, 30), "mn", "2026 оны 11 дүгээр сарын 30"),
        (date(2026, 12, 1), "mn", "2026 оны 12 дугаар сарын 1"),
        (date(2020, 7, 31), "mn", "2020 оны 7 дугаар сарын 31"),
        (date(2021, 4, 9), "mn", "2021 оны 4 дүгээр сарын 9"),
        (date(2026, 11, 30), "kk", "2026 жылғы 30 қараша"),
        (date(2026, 1, 5), "kk", "2026 жылғы 5 қаңтар"),
        (date(2026, 11, 30), "en", "30 November 2026"),
    ],
)
def test_each_language_writes_the_date_its_own_way(day, language, expected):
    assert written_date(day, language) == expected


def test_english_reports_can_put_the_month_first_as_the_piu_does():
    assert written_date(date(2020, 7, 31), "en", month_first=True) == "July 31, 2020"


def test_an_aware_datetime_is_written_as_its_local_day():
    # 23:30 UTC on 30 November is already 1 December in Ulaanbaatar (UTC+8).
    moment = datetime(2026, 11, 30, 23, 30, tzinfo=ZoneInfo("UTC"))
    assert written_date(moment, "en") == "1 December 2026"


def test_no_date_writes_nothing():
    assert written_date(None, "mn") == ""


def test_the_filter_follows_the_active_language():
    template = Template("{% load written_dates %}{{ day|written_date }}")
    with translation.override("kk"):
        assert template.render(Context({"day": date(2026, 3, 8)})) == "2026 жылғы 8 наурыз"
    with translation.override("mn"):
        assert template.render(Context({"day": date(2026, 3, 8)})) == "2026 оны 3 дугаар сарын 8"


@pytest.mark.parametrize(("language", "expected"), [("mn", "2026.11.03"), ("kk", "03.11.2026"), ("en", "3 Nov 2026")])
def test_the_short_form_is_the_numeric_one_each_language_writes_for_text_messages(language, expected):
    assert written_date(date(2026, 11, 3), language, short=True) == expected


# A date written out ends in the day's number (mn) or the month's name (kk), whose case ending a sentence cannot
# choose for every date: "1-аас" is wrong Mongolian for the 1st, "желтоқсан дейін" wrong Kazakh. So the catalogues
# put a date where it needs no ending ("... гэхэд", "... өдөр", "... күніне дейін", "X – Y"). Text messages, whose
# dates are the short numeric form (they name %(url)s), are not held to it.
DATE_WITH_AN_ENDING = {
    "mn": re.compile(r"%\((?:date|start|end)\)s-"),
    "kk": re.compile(r"%\((?:date|start|end)\)s (?:дейін|бастап|бері|кейін)"),
}


@pytest.mark.parametrize("language", ["mn", "kk"])
def test_no_translation_puts_a_case_ending_on_a_date_written_out(language):
    catalogue = polib.pofile(str(settings.BASE_DIR / "locale" / language / "LC_MESSAGES" / "django.po"))
    wrong = [
        entry.msgstr
        for entry in catalogue.translated_entries()
        if "%(url)s" not in entry.msgid and DATE_WITH_AN_ENDING[language].search(entry.msgstr)
    ]
    assert wrong == []
