"""Mongolian date and time formats, as the PIU writes them: 2026 оны 11 сарын 30, 14:05.

Django's own Mongolian formats name the months in words and use a 12-hour
clock with "a.m."/"p.m.", which Mongolian documents never do: months are
numbered and the clock has 24 hours. Formats not set here (numbers) come from
Django's Mongolian module. Cyrillic letters are not format characters, so
they need no escaping.
"""

DATE_FORMAT = "Y оны n сарын j"
TIME_FORMAT = "H:i"
DATETIME_FORMAT = "Y оны n сарын j, H:i"
YEAR_MONTH_FORMAT = "Y оны n сар"
MONTH_DAY_FORMAT = "n сарын j"
SHORT_DATE_FORMAT = "Y-m-d"
SHORT_DATETIME_FORMAT = "Y-m-d H:i"
FIRST_DAY_OF_WEEK = 1  # Monday

# What a person may type in a date or time box: ISO first (the admin's calendar writes it), then the
# dotted form of Mongolian letters (2026.11.30).
DATE_INPUT_FORMATS = ["%Y-%m-%d", "%Y.%m.%d", "%Y/%m/%d"]
TIME_INPUT_FORMATS = ["%H:%M:%S", "%H:%M:%S.%f", "%H:%M"]
DATETIME_INPUT_FORMATS = [
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M:%S.%f",
    "%Y-%m-%d %H:%M",
    "%Y.%m.%d %H:%M:%S",
    "%Y.%m.%d %H:%M",
    "%Y-%m-%d",
    "%Y.%m.%d",
]
