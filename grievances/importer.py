"""Import the PIU's existing grievance log from CSV (UTF-8) or XLSX.

Every row is checked first; if any row is wrong nothing is imported and each
bad row is reported with its number (the header is row 1, as in a spreadsheet).
Cases go through the same services as in the admin, so numbers, deadlines,
working-day periods and history are computed in one place.

Re-importing creates no duplicates: a row whose `registered_no` is already in
the log is skipped; a row without a number is skipped when a case with the same
received date, kind, channel and summary exists. An `assigned_to` that matches
no username is a row error (better to fix the file than to lose the assignment).
Unrelated cases keep the body they were referred to from the optional
`referred_to` column, or else from `actions_taken`.

Texts go into the columns of their language only. `summary` and
`actions_taken` are in the file's language (import_log's `language`); the
optional columns `summary_mn`, `summary_en`, `actions_taken_mn` and
`actions_taken_en` give a language's copy by name (a log kept in both
languages). A resolved case whose log has one language only is still imported:
the report lists it as lacking the other until an officer writes it.
"""

import csv
import io
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from smartgov.exceptions import ApplicationError

from . import services
from .models import Channel, Grievance, Kind, ResponseWay, Status
from .numbering import parse_registration_number

COLUMNS = [
    "registered_no",
    "received_date",
    "kind",
    "channel",
    "status",
    "person",
    "summary",
    "actions_taken",
    "resolved_date",
    "response_way",
    "assigned_to",
]
# Copies of the texts named with their language; `summary` and `actions_taken` are in the file's language.
TEXT_COPY_COLUMNS = ["summary_mn", "summary_en", "actions_taken_mn", "actions_taken_en"]
OPTIONAL_COLUMNS = ["referred_to", *TEXT_COPY_COLUMNS]
REQUIRED_VALUES = ["received_date", "kind", "channel", "status", "summary"]
# The longest value each column's field can store (the other texts have no limit).
MAX_LENGTHS = {"registered_no": 32, "person": 200, "referred_to": 255, "assigned_to": 150}
# Running numbers are stored as 32-bit integers.
MAX_SEQUENCE = 2_147_483_647
# Imported cases are given this time of day on their date of receipt.
RECEIVED_TIME = time(9, 0)


class ImportFailed(Exception):
    """The file cannot be imported; `errors` lists (row number, reason)."""

    def __init__(self, errors):
        super().__init__(errors)
        self.errors = errors


@dataclass
class Row:
    number: int
    values: dict
    errors: list = field(default_factory=list)
    cleaned: dict = field(default_factory=dict)


@dataclass
class ImportResult:
    created: int
    skipped: int


def read_rows(path: Path) -> list[Row]:
    """Read the header and data rows of a .csv or .xlsx file into dicts of stripped strings or dates."""
    path = Path(path)
    if path.suffix.lower() == ".xlsx":
        table = _read_xlsx(path)
    elif path.suffix.lower() == ".csv":
        table = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    else:
        raise ImportFailed([(0, _("Give a .csv (UTF-8) or .xlsx file."))])
    if not table:
        raise ImportFailed([(1, _("The file is empty."))])
    header = [str(cell or "").strip().lower() for cell in table[0]]
    missing = [column for column in COLUMNS if column not in header]
    if missing:
        raise ImportFailed([(1, _("Missing columns: %(columns)s.") % {"columns": ", ".join(missing)})])
    rows = []
    for number, cells in enumerate(table[1:], start=2):
        values = {
            column: _text(cells[index]) if index < len(cells) else ""
            for index, column in enumerate(header)
            if column in COLUMNS + OPTIONAL_COLUMNS
        }
        if any(values.values()):
            rows.append(Row(number=number, values=values))
    return rows


def _read_xlsx(path):
    from openpyxl import load_workbook

    workbook = load_workbook(path, read_only=True, data_only=True)
    try:
        return [list(row) for row in workbook.worksheets[0].iter_rows(values_only=True)]
    finally:
        workbook.close()


def _text(cell):
    if isinstance(cell, datetime):
        return cell.date()
    if isinstance(cell, date):
        return cell
    return "" if cell is None else str(cell).strip()


def _date(value, row, column):
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value)
    except ValueError:
        row.errors.append(
            _("%(column)s: “%(value)s” is not a date like 2020-07-31.") % {"column": column, "value": value}
        )
        return None


def _choice(value, choices, row, column):
    if value not in choices.values:
        row.errors.append(
            _("%(column)s: “%(value)s” is not one of %(choices)s.")
            % {"column": column, "value": value, "choices": ", ".join(choices.values)}
        )
    return value


def validate(rows: list[Row]) -> None:
    """Check every row and fill `cleaned`; collect reasons in `errors` rather than stopping at the first."""
    users = {user.get_username(): user for user in get_user_model().objects.filter(is_active=True)}
    seen_numbers = {}
    for row in rows:
        values = row.values
        for column in REQUIRED_VALUES:
            if not values.get(column):
                row.errors.append(_("%(column)s is required.") % {"column": column})
        _check_text(row)
        if row.errors:
            continue
        number = values.get("registered_no", "")
        parsed = parse_registration_number(number) if number else None
        if number and (parsed is None or parsed[1] > MAX_SEQUENCE):
            row.errors.append(_("registered_no: “%(value)s” is not a number like f-2020/03.") % {"value": number})
        elif number in seen_numbers:
            row.errors.append(
                _("registered_no %(value)s is also on row %(row)s.") % {"value": number, "row": seen_numbers[number]}
            )
        elif number:
            seen_numbers[number] = row.number
        received = _date(values["received_date"], row, "received_date")
        status = _choice(values["status"], Status, row, "status")
        _choice(values["kind"], Kind, row, "kind")
        _choice(values["channel"], Channel, row, "channel")
        resolved = _date(values["resolved_date"], row, "resolved_date") if values.get("resolved_date") else None
        response_way = values.get("response_way", "")
        if response_way:
            _choice(response_way, ResponseWay, row, "response_way")
        if status == Status.RESOLVED:
            _check_resolved(row, received, resolved, response_way)
        if status == Status.UNRELATED and not (values.get("referred_to") or values.get("actions_taken")):
            row.errors.append(_("An unrelated case needs the body it was referred to (referred_to or actions_taken)."))
        assignee = values.get("assigned_to", "")
        if assignee and assignee not in users:
            row.errors.append(_("assigned_to: there is no active user named “%(value)s”.") % {"value": assignee})
        if received and received > timezone.localdate():
            row.errors.append(_("received_date cannot be in the future."))
        if received and received < date.fromisoformat(settings.GRM_LAUNCH_DATE):
            row.errors.append(
                _("received_date cannot be before the grievance mechanism started (%(date)s).")
                % {"date": settings.GRM_LAUNCH_DATE}
            )
        row.cleaned = {"received": received, "resolved": resolved, "assignee": users.get(assignee)}


def _check_text(row):
    """Refuse what the database cannot store: NUL characters and values longer than their column."""
    for column, value in row.values.items():
        if not isinstance(value, str):
            continue
        if "\x00" in value:
            row.errors.append(
                _("%(column)s contains a NUL character, which cannot be stored; remove it.") % {"column": column}
            )
        limit = MAX_LENGTHS.get(column)
        if limit and len(value) > limit:
            row.errors.append(_("%(column)s is longer than %(limit)s characters.") % {"column": column, "limit": limit})


def _check_resolved(row, received, resolved, response_way):
    if resolved is None:
        row.errors.append(_("A resolved case needs resolved_date."))
    elif received and not received <= resolved <= timezone.localdate():
        row.errors.append(_("resolved_date must be between received_date and today."))
    if not row.values.get("actions_taken"):
        row.errors.append(_("A resolved case needs actions_taken."))
    if not response_way:
        row.errors.append(_("A resolved case needs response_way."))


def _copies(values, text, language):
    """The copies of one text a row gives, by column name: the plain column in the file's language, then named ones."""
    copies = {f"{text}_{language}": values.get(text, "")}
    for column in TEXT_COPY_COLUMNS:
        if column.startswith(f"{text}_") and values.get(column):
            copies[column] = values[column]
    return {column: value for column, value in copies.items() if value}


def _exists(row, language):
    values = row.values
    if values.get("registered_no"):
        return Grievance.objects.filter(registered_no=values["registered_no"]).exists()
    return Grievance.objects.filter(
        received_at__date=row.cleaned["received"],
        kind=values["kind"],
        channel=values["channel"],
        **{f"summary_{language}": values["summary"]},
    ).exists()


def _create(row, language):
    values, cleaned = row.values, row.cleaned
    received_at = timezone.make_aware(datetime.combine(cleaned["received"], RECEIVED_TIME))
    grievance = services.grievance_register(
        kind=values["kind"],
        channel=values["channel"],
        translations=_copies(values, "summary", language),
        received_at=received_at,
        complainant={"name": values.get("person", "")},
        registered_no=values.get("registered_no", ""),
    )
    if cleaned["assignee"] is not None:
        grievance = services.grievance_assign(grievance=grievance, actor=None, assignee=cleaned["assignee"])
    if values["status"] == Status.UNRELATED:
        return services.grievance_mark_unrelated(
            grievance=grievance,
            actor=None,
            referred_to=values.get("referred_to") or values["actions_taken"],
            at=received_at,
        )
    grievance = services.grievance_acknowledge(grievance=grievance, actor=None, at=received_at)
    if values["status"] == Status.RESOLVED:
        grievance = services.grievance_resolve(
            grievance=grievance,
            actor=None,
            response_way=values["response_way"],
            resolved_on=cleaned["resolved"],
            ask_complainant=False,  # a case from the old log: its complainant was never asked
            both_languages=False,  # the old log may be in one language: the report lists what a case lacks
            **_copies(values, "actions_taken", language),
        )
    return grievance


def import_log(path, *, language: str = "mn") -> ImportResult:
    """Validate the whole file, then import it in one transaction; raise ImportFailed on any bad row.

    `language` is the language the `summary` and `actions_taken` columns are written in (mn or en).
    """
    if language not in settings.MODELTRANSLATION_LANGUAGES:
        raise ImportFailed([(0, _("The texts of a log are in Mongolian or English."))])
    rows = read_rows(path)
    validate(rows)
    errors = [(row.number, reason) for row in rows for reason in row.errors]
    if errors:
        raise ImportFailed(errors)
    created = skipped = 0
    with transaction.atomic():
        for row in rows:
            if _exists(row, language):
                skipped += 1
                continue
            try:
                _create(row, language)
            except ApplicationError as error:
                # Rolls the whole import back: all rows or none.
                raise ImportFailed([(row.number, str(error.message))]) from error
            created += 1
    return ImportResult(created=created, skipped=skipped)
