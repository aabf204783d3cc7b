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

from grievances.models import Channel, Kind, ResponseWay, Status
from smartgov.context_processors import DEFAULT_PROJECT_NAME

from .charts import bar_chart_svg
from .selectors import BLOCKS, grm_report_data

# WeasyPrint logs every layout step at INFO; keep the worker's log readable.
logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)


def _labelled(counts, labels):
    """List (label, number) for the codes with at least one case, as the report prints them."""
    return [(labels[code], number) for code, number in counts.items() if number]


def _summary_rows(data):
    channels, kinds = dict(Channel.choices), dict(Kind.choices)
    titles = {"new_period": _("New period"), "previous_period": _("Previous period"), "since_launch": _("Total")}
    return [
        {
            "title": titles[name],
            "block": data[name],
            "unrelated_channels": _labelled(data[name]["unrelated"]["by_channel"], channels),
            "resolved_channels": _labelled(data[name]["resolved"]["by_channel"], channels),
            "resolved_kinds": _labelled(data[name]["resolved"]["by_kind"], kinds),
            "resolving_channels": _labelled(data[name]["resolving"]["by_channel"], channels),
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


def _page_counter_css():
    """Turn the translated "Page %(page)s of %(pages)s" into a CSS content value with counters."""
    sentence = _("Page %(page)s of %(pages)s").replace("\\", "").replace('"', "")
    css = '"' + sentence + '"'
    return css.replace("%(page)s", '" counter(page) "').replace("%(pages)s", '" counter(pages) "')


def grm_report_context(*, start: date, end: date) -> dict:
    data = grm_report_data(start=start, end=end, language=translation.get_language())
    labels = {"kind": dict(Kind.choices), "channel": dict(Channel.choices)}
    labels["status"], labels["way"] = dict(Status.choices), dict(ResponseWay.choices)
    cases = [
        {
            **row,
            "kind_label": labels["kind"].get(row["kind"], row["kind"]),
            "channel_label": labels["channel"].get(row["channel"], row["channel"]),
            "status_label": labels["status"].get(row["status"], row["status"]),
            "way_label": labels["way"].get(row["response_way"], ""),
        }
        for row in data["addressed_cases"]
    ]
    since = data["since_launch"]
    return {
        "data": data,
        "project_name": settings.PROJECT_NAME or DEFAULT_PROJECT_NAME,
        "summary_rows": _summary_rows(data),
        "charts": _charts(data["new_period"]),
        "cases": cases,
        "channels_used": sum(
            1
            for code in Channel.values
            if since["unrelated"]["by_channel"][code] + since["addressed"]["by_channel"][code]
        ),
        "resolved_share": round(100 * since["resolved"]["total"] / since["addressed"]["total"])
        if since["addressed"]["total"]
        else 0,
        "page_counter": _page_counter_css(),
    }


def render_grm_report_pdf(*, start: date, end: date, language: str) -> bytes:
    """Render the report of a period in one language (labels and case texts) and return the PDF bytes."""
    from weasyprint import HTML

    with translation.override(language):
        html = render_to_string("pdf/grm_report.html", grm_report_context(start=start, end=end))
    return HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf()
