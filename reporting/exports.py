"""Tables as CSV or XLSX downloads, and the grievance log as a table (never any complainant identity).

The rows of the SEP dashboard download come from reporting.dashboard.
"""

import csv
import io

from django.http import HttpResponse
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from openpyxl import Workbook

from grievances.models import Channel, Kind, ResponseWay, Stage, Status

CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def grievance_log_table(rows):
    """Header and rows of the grievance log with labels instead of codes."""
    labels = {
        "kind": dict(Kind.choices),
        "channel": dict(Channel.choices),
        "status": dict(Status.choices),
        "stage": dict(Stage.choices),
        "way": dict(ResponseWay.choices),
    }
    header = [
        _("Registered No."),
        _("Date received"),
        _("Type"),
        _("Channel"),
        _("Summary of issue"),
        _("Status"),
        _("Stage"),
        _("Resolved date"),
        _("Period in working days"),
        _("Way of answer"),
        _("Summary of actions taken"),
    ]
    body = (
        [
            number,
            timezone.localtime(received).date(),
            labels["kind"].get(kind, kind),
            labels["channel"].get(channel, channel),
            summary or "",
            labels["status"].get(status, status),
            str(labels["stage"].get(stage, stage)),
            resolved_on,
            working_days,
            labels["way"].get(way, way or ""),
            actions or "",
        ]
        for number, received, kind, channel, summary, status, stage, resolved_on, working_days, way, actions in rows
    )
    return header, body


# A cell starting with one of these is run as a formula by spreadsheet programs (and written as one by openpyxl).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    """A cell as text a spreadsheet shows and never runs: formula-like text gets a leading apostrophe.

    Summaries and other texts come from citizens; "=HYPERLINK(...)" in one must
    stay text when a World Bank officer opens the download (OWASP: CSV injection).
    Numbers and dates are left as they are.
    """
    if isinstance(value, Promise):
        value = str(value)
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def table_response(*, header, rows, file_format, filename):
    """Answer a download of a table as CSV (UTF-8 with BOM, for Excel) or XLSX, every cell made safe."""
    rows = ([safe_cell(cell) for cell in row] for row in rows)
    if file_format == "xlsx":
        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet()
        sheet.append([str(cell) for cell in header])
        for row in rows:
            sheet.append(row)
        buffer = io.BytesIO()
        workbook.save(buffer)
        content = buffer.getvalue()
    else:
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(header)
        writer.writerows(rows)
        content = ("\ufeff" + buffer.getvalue()).encode("utf-8")
    response = HttpResponse(content, content_type=CONTENT_TYPES[file_format])
    response["Content-Disposition"] = f'attachment; filename="{filename}.{file_format}"'
    return response
