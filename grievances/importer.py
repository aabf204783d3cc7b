"""Import the PIU's existing grievance log from CSV (UTF-8) or XLSX.

Every row is checked first; if any row is wrong nothing is imported and each
bad row is reported with its number (the header is row 1, as in a spreadsheet).
Cases go through the same services as in the admin, so numbers, deadlines,
working-day periods and history are computed in one place.

Re-importing creates no duplicates: a row whose `registered_no` is already in
the log for a case received the same day is skipped (another case under that
number is a row error); a row without a number is skipped when a case with the
same received date, kind, channel and summary exists. A number must be of the
year it was received and may not run far past the year's counter
(check_numbers). The numbers are taken in short transactions before the long
one that creates the cases, so an import never holds up the public form.
A file that cannot be read (not UTF-8, a damaged XLSX, a cell past the CSV
limit) is reported by its row, like a bad value. An `assigned_to` that matches
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
from django.db import DatabaseError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from audit import chain as audit_chain
from smartgov.exceptions import ApplicationError

from . import numbering, services
from .models import Channel, Grievance, Kind, RegistrationCounter, ResponseWay, Status
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
# The longest value each column's field can store; any other cell at most MAX_CELL_CHARS (a log's texts are short).
MAX_LENGTHS = {"registered_no": 32, "person": 200, "referred_to": 255, "assigned_to": 150}
MAX_CELL_CHARS = 100_000
# Running numbers are stored as 32-bit integers.
MAX_SEQUENCE = 2_147_483_647
# Imported cases are given this time of day on their date of receipt (or now, for a case of today imported
# before it: a receipt time in the future would be refused by the acknowledgement that follows).
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
        table = _read_csv(path)
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


def _read_csv(path):
    """The CSV's rows; a byte that is not UTF-8 or a row the csv module refuses is named by its row."""
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        row = raw[: error.start].count(b"\n") + 1  # the line; the same as the row unless a cell spans lines
        message = _("This row is not in UTF-8. Save the file as “CSV UTF-8” and import it again.")
        raise ImportFailed([(row, message)]) from None
    table = []
    try:
        table.extend(csv.reader(io.StringIO(text)))
    except csv.Error as error:
        if "field larger than field limit" in str(error):
            message = _("A cell of this row is longer than %(limit)s characters.") % {"limit": csv.field_size_limit()}
        else:
            message = _("This row cannot be read as CSV (%(error)s).") % {"error": error}
        raise ImportFailed([(len(table) + 1, message)]) from None
    return table


def _read_xlsx(path):
    """The first sheet's rows; a damaged workbook is an error of the file (row 0), not a traceback."""
    from openpyxl import load_workbook

    table = []
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
        try:
            table.extend(list(row) for row in workbook.worksheets[0].iter_rows(values_only=True))
        finally:
            workbook.close()
    except (FileNotFoundError, PermissionError, IsADirectoryError):
        raise  # no file to read: the command says so
    except Exception as error:  # noqa: BLE001 - openpyxl, zipfile and XML parsers each raise their own
        row = len(table) + 1 if table else 0
        message = _("The XLSX file is damaged and cannot be read (%(error)s). Save it again from the spreadsheet.")
        raise ImportFailed([(row, message % {"error": type(error).__name__})]) from None
    return table


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
        elif parsed in seen_numbers:  # f-2020/3 and f-2020/03 are one number
            row.errors.append(
                _("registered_no %(value)s is also on row %(row)s.") % {"value": number, "row": seen_numbers[parsed]}
            )
        elif parsed:
            seen_numbers[parsed] = row.number
        received = _date(values["received_date"], row, "received_date")
        if parsed and received and parsed[0] != received.year:
            row.errors.append(
                _("registered_no %(value)s is a number of %(year)s, but received_date is in %(received_year)s.")
                % {"value": number, "year": parsed[0], "received_year": received.year}
            )
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
        row.cleaned = {"received": received, "resolved": resolved, "assignee": users.get(assignee), "number": parsed}
    check_numbers([row for row in rows if not row.errors and row.cleaned["number"]])


def check_numbers(rows: list[Row]) -> None:
    """Check the rows' numbers against the log: a number in use by another case, or far past the year's counter.

    A row whose number the log already has for a case received the same day is
    the same case imported before: it is marked `exists` and skipped. Any other
    case under that number is an error, whatever the spelling (f-2020/3 or
    f-2020/03). A new number may skip at most GRM_IMPORT_MAX_NUMBER_GAP numbers
    past the highest one of its year (the counter, or a lower number of the
    file): a typing slip such as f-2026/2147483647 would otherwise use up the
    year's numbers and refuse every later registration.
    """
    years = {row.cleaned["number"][0] for row in rows}
    taken = {
        (case.registration_year, case.registration_sequence): case
        for case in Grievance.objects.filter(
            registration_year__in=years, registration_sequence__in={row.cleaned["number"][1] for row in rows}
        ).only("registered_no", "registration_year", "registration_sequence", "received_at")
    }
    last = dict(RegistrationCounter.objects.filter(year__in=years).values_list("year", "last_number"))
    new = []
    for row in rows:
        case = taken.get(row.cleaned["number"])
        if case is None:
            new.append(row)
        elif case.registered_no == row.values["registered_no"] and _received_on(case) == row.cleaned["received"]:
            row.cleaned["exists"] = True
        else:
            row.errors.append(
                _("registered_no %(value)s is already the number of another case, %(number)s received on %(date)s.")
                % {"value": row.values["registered_no"], "number": case.registered_no, "date": _received_on(case)}
            )
    limit = settings.GRM_IMPORT_MAX_NUMBER_GAP
    for row in sorted(new, key=lambda row: row.cleaned["number"]):
        year, sequence = row.cleaned["number"]
        highest = last.get(year, 0)
        if sequence - highest - 1 > limit:
            row.errors.append(
                _(
                    "registered_no %(value)s skips %(skipped)s numbers after %(highest)s, the highest of %(year)s "
                    "so far; at most %(limit)s may be skipped (GRM_IMPORT_MAX_NUMBER_GAP). Check the number."
                )
                % {
                    "value": row.values["registered_no"],
                    "skipped": sequence - highest - 1,
                    "highest": highest,
                    "year": year,
                    "limit": limit,
                }
            )
        else:
            last[year] = max(highest, sequence)


def _received_on(case):
    return timezone.localdate(case.received_at)


def _check_text(row):
    """Refuse what the database cannot store: NUL characters and values longer than their column."""
    for column, value in row.values.items():
        if not isinstance(value, str):
            continue
        if "\x00" in value:
            row.errors.append(
                _("%(column)s contains a NUL character, which cannot be stored; remove it.") % {"column": column}
            )
        limit = MAX_LENGTHS.get(column, MAX_CELL_CHARS)
        if len(value) > limit:
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


def _new_rows(rows: list[Row], language: str) -> list[Row]:
    """The rows to create: not in the log already, nor (rows without a number) earlier in the file."""
    new, seen = [], set()
    for row in rows:
        if row.cleaned.get("exists"):
            continue
        if not row.cleaned["number"]:
            values = row.values
            key = (row.cleaned["received"], values["kind"], values["channel"], values["summary"])
            if (
                key in seen
                or Grievance.objects.filter(
                    received_at__date=key[0], kind=key[1], channel=key[2], **{f"summary_{language}": key[3]}
                ).exists()
            ):
                continue
            seen.add(key)
        new.append(row)
    return new


def _reserve_numbers(rows: list[Row]) -> list[numbering.Reservation]:
    """Take the numbers of the rows to create, each year's in a short transaction (numbering.numbers_reserve).

    The counter goes past the highest number the file brings for the year, and
    the rows without a number get the ones after it.
    """
    reservations = []
    for year in sorted({row.cleaned["received"].year for row in rows}):
        given = [row.cleaned["number"][1] for row in rows if row.cleaned["number"] and row.cleaned["number"][0] == year]
        unnumbered = [row for row in rows if not row.cleaned["number"] and row.cleaned["received"].year == year]
        reservation = numbering.numbers_reserve(year, given_up_to=max(given, default=0), count=len(unnumbered))
        for row, sequence in zip(unnumbered, reservation.taken, strict=True):
            row.cleaned["registered_no"] = numbering.format_registration_number(year, sequence)
        reservations.append(reservation)
    return reservations


def _create(row, language):
    values, cleaned = row.values, row.cleaned
    received_at = min(timezone.make_aware(datetime.combine(cleaned["received"], RECEIVED_TIME)), timezone.now())
    grievance = services.grievance_register(
        kind=values["kind"],
        channel=values["channel"],
        translations=_copies(values, "summary", language),
        received_at=received_at,
        complainant={"name": values.get("person", "")},
        registered_no=cleaned.get("registered_no") or values["registered_no"],
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

    `language` is the language the `summary` and `actions_taken` columns are written in (mn or en). The
    numbers are taken first, each year's in a short transaction of its own: the
    cases' transaction, however long, never holds the lock on the year's
    counter, so the public form goes on registering meanwhile. Call it outside
    any transaction (as the command does), or that lock lasts as long as the caller's.
    A row the database refuses after all (a number taken meanwhile) is named
    like any other bad row, and the numbers taken are given back when no case took one since.
    """
    if language not in settings.MODELTRANSLATION_LANGUAGES:
        raise ImportFailed([(0, _("The texts of a log are in Mongolian or English."))])
    rows = read_rows(path)
    validate(rows)
    errors = [(row.number, reason) for row in rows for reason in row.errors]
    if errors:
        raise ImportFailed(errors)
    new = _new_rows(rows, language)
    reservations = _reserve_numbers(new)
    row = None
    try:
        # All rows or none. The audit entries are chained at the end: the chain's lock, taken at the
        # first row, would hold the public form's registrations for the whole import.
        with transaction.atomic(), audit_chain.deferred():
            for row in new:
                _create(row, language)
    except (ApplicationError, DatabaseError) as error:
        for reservation in reversed(reservations):
            numbering.numbers_give_back(reservation)
        raise ImportFailed([(row.number if row else 0, _refusal(error))]) from error
    return ImportResult(created=len(new), skipped=len(rows) - len(new))


def _refusal(error) -> str:
    if isinstance(error, ApplicationError):
        return str(error.message)
    return _("The database refused this row: %(error)s") % {"error": str(error).strip().splitlines()[0]}
