"""Tables as CSV or XLSX downloads, and the grievance log as a table (never any complainant identity).

The rows of the SEP dashboard download come from reporting.dashboard. The
grievance log has one row shape (grievance_log_rows), used by the dashboard's
log of a period and by the case list's export of its current filters.
"""

import csv
import io
import tempfile

from django.http import FileResponse, HttpResponse, StreamingHttpResponse
from django.utils import timezone, translation
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from openpyxl import Workbook

from grievances.models import AgeGroup, Channel, Gender, Kind, ResponseWay, Stage, Status

from .selectors import report_language

# Cases read from the database at a time by the log export (one query for them, one for their stages).
LOG_CHUNK = 2000
CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def grievance_log_header() -> list[str]:
    """The columns of the grievance log: SEP table 5, then the GRM report's columns for a case.

    Table 5's "grievance type and received channel" is two columns, and each
    level's "resolution and closure date" two, so a spreadsheet can filter on
    them. "Person(s)" says who complained only as gender and age group: the
    log is shared (the PIU, the steering committee, the World Bank) and
    leaves the admin, where every look at a complainant is recorded; a
    person's details are read on the case page.
    """
    return [
        _("Registered No."),
        _("Status"),
        _("Date received"),
        _("Person(s): gender and age group"),
        _("Type"),
        _("Channel"),
        _("Summary of issue"),
        _("1st level resolution"),
        _("1st level closure date"),
        _("2nd level resolution"),
        _("2nd level closure date"),
        _("Assigned PIU staff"),
        _("Stage"),
        _("Resolved date"),
        _("Period in working days"),
        _("Way of answer"),
        _("Summary of actions taken"),
    ]


def grievance_log_rows(cases, *, language: str):
    """Yield each case as a row of the log, texts in `language` (mn or en) with no other language in their place.

    The one row shape of every log export. `cases` come from
    grievances.selectors.grievance_log_for_export, which joins and prefetches
    what is read here. The public summary is the text; the message as
    received never is. Labels are looked up once, in the active language,
    not once a cell: at 100,000 rows that was most of the time.
    """
    labels = {
        name: {value: str(label) for value, label in choices}
        for name, choices in (
            ("status", Status.choices),
            ("kind", Kind.choices),
            ("channel", Channel.choices),
            ("stage", Stage.choices),
            ("way", ResponseWay.choices),
            ("gender", Gender.choices),
            ("age_group", AgeGroup.choices),
        )
    }
    sensitive = _("Sensitive case: only its number and date are reported.")
    for case in cases:
        if case.sensitive:  # SEA/SH: the number, the date and that it is sensitive, whoever exports
            yield _sensitive_row(case, sensitive)
            continue
        levels = {record.stage: record for record in case.log_levels}
        first, second = levels.get(Stage.LOCAL), levels.get(Stage.PIU)
        yield [
            case.registered_no,
            labels["status"].get(case.status, case.status),
            timezone.localdate(case.received_at),
            _person(case, labels),
            labels["kind"].get(case.kind, case.kind),
            labels["channel"].get(case.channel, case.channel),
            getattr(case, f"summary_{language}") or "",
            first.resolution if first else "",
            first.closed_on if first else None,
            second.resolution if second else "",
            second.closed_on if second else None,
            _staff_name(case.assigned_to),
            labels["stage"].get(case.stage, case.stage),
            case.resolved_on,
            case.working_days_to_resolve,
            labels["way"].get(case.response_way, case.response_way),
            getattr(case, f"actions_taken_{language}") or "",
        ]


def _sensitive_row(case, text) -> list:
    """A sensitive case's row of the log: its number, date and the word "sensitive" in the summary's column."""
    return [case.registered_no, "", timezone.localdate(case.received_at), "", "", "", text, *[""] * 10]


def _person(case, labels) -> str:
    """Gender and age group of the complainant as they gave them; never who they are."""
    parts = (labels["gender"].get(case.gender, ""), labels["age_group"].get(case.age_group, ""))
    return ", ".join(part for part in parts if part)


def _staff_name(user) -> str:
    return (user.get_full_name() or user.get_username()) if user is not None else ""


def grievance_log_response(*, cases, language: str, file_format: str, filename: str):
    """Answer a download of the log of `cases`: CSV streamed as it is read, XLSX written through a temporary file.

    The cases are read LOG_CHUNK at a time, so memory stays flat and the
    queries are a fixed number per chunk whatever the length of the list.
    """
    language = report_language(language)  # a Kazakh page gets the default language's texts
    with translation.override(language):
        header = [str(title) for title in grievance_log_header()]

    def rows():
        with translation.override(language):
            for row in grievance_log_rows(cases.iterator(chunk_size=LOG_CHUNK), language=language):
                yield [safe_cell(cell) for cell in row]

    if file_format == "xlsx":
        return _xlsx_file_response(header, rows(), filename)
    return _csv_streaming_response(header, rows(), filename)


class _Echo:
    """A file for csv.writer that hands back each line instead of keeping it."""

    def write(self, line):
        return line


def _csv_streaming_response(header, rows, filename):
    writer = csv.writer(_Echo())

    def lines():
        yield ("\ufeff" + writer.writerow(header)).encode("utf-8")  # the BOM tells Excel the file is UTF-8
        for row in rows:
            yield writer.writerow(row).encode("utf-8")

    response = StreamingHttpResponse(lines(), content_type=CONTENT_TYPES["csv"])
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response


def _xlsx_file_response(header, rows, filename):
    # An XLSX is a zip written at the end: write-only mode keeps the rows in openpyxl's own temporary file.
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet()
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    handle = tempfile.TemporaryFile()  # noqa: SIM115 (FileResponse closes it once sent)
    workbook.save(handle)
    handle.seek(0)
    return FileResponse(handle, as_attachment=True, filename=f"{filename}.xlsx", content_type=CONTENT_TYPES["xlsx"])


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
