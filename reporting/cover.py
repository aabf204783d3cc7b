"""What the half-yearly reports share: the cover, dates as the PIU writes them, the unfinished-period warning.

The PIU's own reports (seeds/grm-half-year-report-2020h2) write dates out:
`July 31, 2020` in English, `2020 оны 7 дугаар сарын 31` in Mongolian
(smartgov.written_dates); both the GRM report and the SEP report use these.
"""

from datetime import date

from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from smartgov.context_processors import DEFAULT_PROJECT_NAME
from smartgov.written_dates import written_date

DEFAULT_PIU_NAME = _("Project Implementation Unit, Cabinet Secretariat of Mongolia")


def report_date(value) -> str:
    """A date in the report's (active) language as the PIU writes it; "" for none.

    Accepts a date or an ISO date string (the report data is JSON-ready).
    """
    if not value:
        return ""
    day = date.fromisoformat(value) if isinstance(value, str) else value
    return written_date(day, translation.get_language(), month_first=True)


def report_cover(*, start: date, end: date, today: date | None = None) -> dict:
    """The cover's texts and the period's state: the project, the PIU, the period, and whether it has ended.

    `period_unfinished` is True while the period's last day has not passed: the
    figures are then provisional, and the report says so on its cover.
    """
    today = today or timezone.localdate()
    return {
        "project_name": settings.PROJECT_NAME or DEFAULT_PROJECT_NAME,
        "piu_name": settings.PIU_NAME or DEFAULT_PIU_NAME,
        "period_start": report_date(start),
        "period_end": report_date(end),
        "generated_on": report_date(today),
        "period_unfinished": end >= today,
    }
