"""The half-yearly GRM report as a PDF, rendered with WeasyPrint from a Django template.

Rendering takes seconds for a large period: call it from Celery or the
management command, never in a web request.
"""

import logging
from datetime import date

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from grievances.models import Channel, Kind, ResponseWay, Status
from smartgov.context_processors import DEFAULT_PROJECT_NAME

from .breakdowns import printable_tables
from .charts import bar_chart_svg
from .cover import report_cover, report_date
from .selectors import BLOCKS, grm_report_data, report_language
from .weasy import html_to_pdf, htmls_to_pdfs

# WeasyPrint logs every layout step at INFO; keep the worker's log readable.
logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)

# The addressed-cases table is cut into tables of this many rows, each with its
# header, so that WeasyPrint never breaks one table across hundreds of pages
# (its table layout slows down with the number of pages a table spans).
CASES_PER_TABLE = 200


def _labelled(counts, labels):
    """List (label, number) for the codes with at least one case, as the report prints them."""
    return [(labels[code], number) for code, number in counts.items() if number]


def _percent(part, whole):
    """The part as a whole percentage of the whole, or None when the whole is 0."""
    return round(100 * part / whole) if whole else None


def _summary_rows(data):
    channels, kinds = dict(Channel.choices), dict(Kind.choices)
    titles = {"new_period": _("New period"), "previous_period": _("Previous period"), "since_launch": _("Total")}
    return [
        {
            "title": titles[name],
            "block": data[name],
            # The summary table writes its periods short, as the PIU's report does: 2020.06.25.
            "start_text": data[name]["start"].replace("-", "."),
            "end_text": data[name]["end"].replace("-", "."),
            "unrelated_channels": _labelled(data[name]["unrelated"]["by_channel"], channels),
            "resolved_channels": _labelled(data[name]["resolved"]["by_channel"], channels),
            "resolved_kinds": _labelled(data[name]["resolved"]["by_kind"], kinds),
            "resolving_channels": _labelled(data[name]["resolving"]["by_channel"], channels),
            "resolved_yes_share": _percent(
                data[name]["satisfaction"]["resolved_yes"], data[name]["satisfaction"]["answered"]
            ),
        }
        for name in BLOCKS
    ]


def _charts(block):
    received_by_channel = [
        (label, block["unrelated"]["by_channel"][code] + block["addressed"]["by_channel"][code])
        for code, label in Channel.choices
    ]
    received_by_kind = [
        (label, block["unrelated"]["by_kind"][code] + block["addressed"]["by_kind"][code])
        for code, label in Kind.choices
    ]
    return [
        bar_chart_svg(title=_("Cases received by channel"), bars=received_by_channel),
        bar_chart_svg(title=_("Cases received by type"), bars=received_by_kind),
    ]


def page_counter_css():
    """Turn the translated "Page %(page)s of %(pages)s" into a CSS content value with counters."""
    sentence = _("Page %(page)s of %(pages)s").replace("\\", "").replace('"', "")
    css = '"' + sentence + '"'
    return css.replace("%(page)s", '" counter(page) "').replace("%(pages)s", '" counter(pages) "')


def _status_text(row, labels):
    """The last column of the cases table: status, date, period and way as one short paragraph."""
    lines = [str(labels["status"].get(row["status"], row["status"]))]
    if row["status"] == Status.RESOLVING:
        lines.append(_("Stage %(stage)s") % {"stage": row["stage"]})
        if row["is_overdue"] is not None:  # stage 4 has no deadline
            lines.append(_("Overdue") if row["is_overdue"] else _("Within its deadline"))
    if row["resolved_date"]:
        lines.append(_("Date: %(date)s") % {"date": report_date(row["resolved_date"])})
        days = row["working_days"] or 0
        lines.append(ngettext("Period: %(days)s working day", "Period: %(days)s working days", days) % {"days": days})
    if row["response_way"]:
        lines.append(_("Way: %(way)s") % {"way": labels["way"].get(row["response_way"], row["response_way"])})
    return " · ".join(lines)


def _missing_texts(language):
    """What a cell says for a text the case lacks in the report's language: a note, never another language's text."""
    if language == "mn":
        return {
            "summary": _("(no Mongolian summary yet)"),
            "actions_taken": _("(no Mongolian summary of actions taken yet)"),
        }
    return {"summary": _("(no English summary yet)"), "actions_taken": _("(no English summary of actions taken yet)")}


def _case_rows(cases, language):
    """The addressed-cases table's five cells per case.

    Several of the report's columns share a cell: WeasyPrint's time grows with
    the number of cells, and a half year can hold thousands of cases. A text
    the case lacks in the report's language shows a note saying so (an open
    case has no actions taken yet: its cell stays empty).
    """
    labels = {"kind": dict(Kind.choices), "channel": dict(Channel.choices)}
    labels["status"], labels["way"] = dict(Status.choices), dict(ResponseWay.choices)
    missing = _missing_texts(language)
    return [
        _sensitive_case_cells(number, row)
        if row.get("sensitive")
        else {
            **row,
            "summary": row["summary"] or missing["summary"],
            "actions_taken": row["actions_taken"]
            or (missing["actions_taken"] if row["status"] == Status.RESOLVED else ""),
            "reference_text": f"{number}. {row['registered_no']} · {report_date(row['received_date'])}",
            "kind_channel_text": "{} · {}".format(
                labels["kind"].get(row["kind"], row["kind"]), labels["channel"].get(row["channel"], row["channel"])
            ),
            "status_text": _status_text(row, labels),
        }
        for number, row in enumerate(cases, start=1)
    ]


def _sensitive_case_cells(number, row):
    """A sensitive case (SEA/SH) in the table: number, date and "sensitive", nothing of what it is about."""
    return {
        **row,
        "reference_text": f"{number}. {row['registered_no']} · {row['received_date']}",
        "kind_channel_text": "",
        "summary": _("Sensitive case: only its number and date are reported."),
        "actions_taken": "",
        "status_text": "",
    }


def _outreach_rows(events):
    """The "Other" section: each outreach event with its written dates and the people it reached."""
    return [
        {
            **event,
            "dates_text": report_date(event["starts_on"])
            if event["ends_on"] == event["starts_on"]
            else _("%(start)s to %(end)s")
            % {"start": report_date(event["starts_on"]), "end": report_date(event["ends_on"])},
            "people_reached_text": f"{event['people_reached']:,}" if event["people_reached"] is not None else "",
        }
        for event in events
    ]


def _chunks(rows, size=CASES_PER_TABLE):
    return [rows[index : index + size] for index in range(0, len(rows), size)]


def grm_report_context(*, start: date, end: date) -> dict:
    language = report_language(translation.get_language())
    data = grm_report_data(start=start, end=end, language=language)
    since = data["since_launch"]
    return {
        "data": data,
        "cover": report_cover(start=start, end=end),
        "launch_text": report_date(since["start"]),
        "outreach_rows": _outreach_rows(data["outreach_events"]),
        "project_name": settings.PROJECT_NAME or DEFAULT_PROJECT_NAME,
        "summary_rows": _summary_rows(data),
        "charts": _charts(data["new_period"]),
        "case_chunks": _chunks(_case_rows(data["addressed_cases"], language)),
        "channels_used": sum(
            1
            for code in Channel.values
            if since["unrelated"]["by_channel"][code] + since["addressed"]["by_channel"][code]
        ),
        "resolved_share": round(100 * since["resolved"]["total"] / since["addressed"]["total"])
        if since["addressed"]["total"]
        else 0,
        "page_counter": page_counter_css(),
        "stage2_days": settings.GRM_DEADLINES["stage2"],
        "who_and_where": printable_tables(data["who_and_where"], map_title=_("Cases received by aimag")),
        "suppression_threshold": settings.STATISTICS_SUPPRESSION_THRESHOLD,
    }


def grm_report_html(*, start: date, end: date, language: str) -> str:
    """Return the report of a period as HTML in one language (labels and case texts)."""
    with translation.override(language):
        return render_to_string("pdf/grm_report.html", grm_report_context(start=start, end=end))


def render_grm_report_pdf(*, start: date, end: date, language: str) -> bytes:
    """Render the report of a period in one language and return the PDF bytes."""
    return html_to_pdf(grm_report_html(start=start, end=end, language=language), str(settings.BASE_DIR))


def render_grm_report_pdfs(*, start: date, end: date, languages: list[str]) -> dict[str, bytes]:
    """Render the report in several languages at the same time (one process each); return PDF bytes by language."""
    htmls = {language: grm_report_html(start=start, end=end, language=language) for language in languages}
    return htmls_to_pdfs(htmls, str(settings.BASE_DIR))
