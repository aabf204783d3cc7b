"""The SEP semi-annual report as PDF in Mongolian and English, rendered like the GRM report (reporting.weasy)."""

from datetime import date

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

from disclosure.models import VersionKind
from grievances.models import Kind
from stakeholders.models import EventFormat, EventKind

from .cover import report_cover, report_date
from .models import PressMaterialType
from .pdf import page_counter_css
from .sep_report import sep_report_data
from .weasy import html_to_pdf, htmls_to_pdfs


def _labelled_rows(data):
    """Give each row of the data the labels and written dates it is printed with, in the active language."""
    kinds, formats = dict(EventKind.choices), dict(EventFormat.choices)
    events = [
        {
            **event,
            "kind_label": kinds.get(event["kind"], event["kind"]),
            "format_label": formats.get(event["format"], ""),
            "date_text": report_date(event["starts_on"]),
        }
        for event in data["events"]
    ]
    version_kinds = dict(VersionKind.choices)
    documents = [
        {
            **row,
            "kind_label": version_kinds.get(row["kind"], row["kind"]),
            "date_text": report_date(row["disclosed_on"]),
        }
        for row in data["disclosure"]["documents_disclosed"]
    ]
    comment_periods = [
        {**row, "start_text": report_date(row["comment_start"]), "end_text": report_date(row["comment_end"])}
        for row in data["disclosure"]["comment_periods"]
    ]
    press_types = dict(PressMaterialType.choices)
    press = [
        {**row, "type_label": press_types.get(row["type"], row["type"]), "date_text": report_date(row["published_on"])}
        for row in data["press"]["items"]
    ]
    grievance_kinds = [(label, data["grievances"]["by_kind"].get(code, 0)) for code, label in Kind.choices]
    return {
        "events": events,
        "documents": documents,
        "comment_periods": comment_periods,
        "press_items": press,
        "grievance_kinds": grievance_kinds,
    }


def sep_report_html(*, start: date, end: date, language: str) -> str:
    """Return the SEP report of a period as HTML in one language."""
    with translation.override(language):
        data = sep_report_data(start=start, end=end)
        context = {
            "data": data,
            "cover": report_cover(start=start, end=end),
            "page_counter": page_counter_css(),
            "stage2_days": settings.GRM_DEADLINES["stage2"],
            **_labelled_rows(data),
        }
        return render_to_string("pdf/sep_report.html", context)


def render_sep_report_pdf(*, start: date, end: date, language: str) -> bytes:
    return html_to_pdf(sep_report_html(start=start, end=end, language=language), str(settings.BASE_DIR))


def render_sep_report_pdfs(*, start: date, end: date, languages: list[str]) -> dict[str, bytes]:
    """Render the SEP report in several languages at the same time (one process each); PDF bytes by language."""
    htmls = {language: sep_report_html(start=start, end=end, language=language) for language in languages}
    return htmls_to_pdfs(htmls, str(settings.BASE_DIR))
