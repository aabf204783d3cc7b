"""The public statistics page, its CSV and JSON downloads and their data dictionary: read-only, no session."""

import csv
import io

from django.conf import settings
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from grievances.models import Channel, Kind, Status
from grievances.places import aimag_codes, aimag_name

from .breakdowns import DIMENSIONS, NOT_GIVEN, TITLES, row_codes, row_label
from .charts import bar_chart_svg
from .statistics import CSV_HEADER, chosen_half_year, half_years, public_statistics, statistics_json, statistics_rows
from .suppression import TOTAL
from .tile_map import tile_map_svg

STATUS_LABELS = {
    "resolving": Status.RESOLVING.label,
    "resolved": Status.RESOLVED.label,
    "unrelated": Status.UNRELATED.label,
}


def _statistics_for(request):
    today = timezone.localdate()
    period = chosen_half_year(request.GET.get("half"), today)
    if period is None:
        raise Http404
    return period, public_statistics(period, today=today)


def _sections(figures):
    """The overall figures by type, channel and status: each a chart of the half year and a table of both scopes."""
    half, since = figures["half_year"], figures["since_launch"]
    sections = []
    for name, title, heading, choices in (
        ("by_kind", _("Cases received by type"), _("Type"), Kind.choices),
        ("by_channel", _("Cases received by channel"), _("Channel"), Channel.choices),
        ("by_status", _("Cases by status"), _("Status"), list(STATUS_LABELS.items())),
    ):
        rows = [(label, half[name][code], since[name][code]) for code, label in choices]
        chart = bar_chart_svg(title=title, bars=[(label, number) for label, number, _since in rows])
        sections.append({"id": name, "title": title, "heading": heading, "rows": rows, "chart": chart})
    return sections


def _map(statistics):
    """The tile map of the cases received by aimag in the half year (hidden counts as "<3"), or None."""
    for table in statistics["breakdowns"]:
        if table.dimension == "aimag":
            totals = {row["code"]: row["cells"][TOTAL] for row in table.rows if row["code"] != NOT_GIVEN}
            return tile_map_svg(
                title=_("Cases received by aimag"),
                counts=totals,
                hidden_label=_("<%(threshold)s") % {"threshold": statistics["threshold"]},
            )
    return None


@require_GET
def statistics_page(request):
    """Show the half year's figures, charts with their tables, and (once it has ended) who and where."""
    period, statistics = _statistics_for(request)
    context = {
        "statistics": statistics,
        "period": period,
        "half_years": half_years(timezone.localdate()),
        "sections": _sections(statistics["figures"]),
        "tile_map": _map(statistics),
        "licence": {"name": settings.STATISTICS_LICENCE_NAME, "url": settings.STATISTICS_LICENCE_URL},
    }
    return render(request, "reporting/statistics.html", context)


@require_GET
def statistics_download(request, file_format):
    """The same figures as open data: JSON, or CSV in one long table (see the data dictionary)."""
    if file_format not in ("json", "csv"):
        raise Http404
    period, statistics = _statistics_for(request)
    data = statistics_json(statistics)
    filename = f"grm-statistics-{period.key}.{file_format}"
    if file_format == "json":
        response = JsonResponse(data, json_dumps_params={"ensure_ascii": False, "indent": 2})
    else:
        buffer = io.StringIO()
        csv.writer(buffer).writerows(statistics_rows(data))
        response = HttpResponse(buffer.getvalue().encode("utf-8-sig"), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Access-Control-Allow-Origin"] = "*"  # open data: any site may read it
    return response


@require_GET
def statistics_dictionary(request):
    """Say what each column, measure and code of the downloads means, in the page's language."""
    codes = [
        (_("Types of feedback (by_kind, and the kind column)"), [*Kind.choices, (TOTAL, _("Total"))]),
        (_("Channels (by_channel)"), Channel.choices),
        (_("Status (by_status)"), list(STATUS_LABELS.items())),
        (
            _("Satisfaction (satisfaction)"),
            [
                ("asked", _("Complainants asked whether their issue was resolved")),
                ("answered", _("Complainants who answered yes or no")),
                ("resolved_yes", _("Complainants who answered that their issue was resolved")),
            ],
        ),
        (_("Aimags (by_aimag), ISO 3166-2:MN codes"), [(code, aimag_name(code)) for code in aimag_codes()]),
    ]
    for dimension in DIMENSIONS[1:]:
        codes.append(
            (f"{TITLES[dimension]} (by_{dimension})", [(c, row_label(dimension, c)) for c in row_codes(dimension)])
        )
    context = {
        "columns": CSV_HEADER,
        "codes": codes,
        "licence": {"name": settings.STATISTICS_LICENCE_NAME, "url": settings.STATISTICS_LICENCE_URL},
        "threshold": settings.STATISTICS_SUPPRESSION_THRESHOLD,
    }
    return render(request, "reporting/statistics_dictionary.html", context)
