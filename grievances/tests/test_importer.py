"""Import of the existing log: the 2020 H2 figures, all-or-nothing validation, no duplicates."""

import csv
from datetime import date, datetime

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone, translation

from grievances.importer import COLUMNS
from grievances.models import Grievance, Status
from grievances.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english_messages():
    """The command speaks the active language (Mongolian by default); these tests read English."""
    with translation.override("en"):
        yield


REPORT_2020_H2 = [
    ("f-2020/03", "2020-07-31", "request", "facebook", "2020-07-31", "email", 1),
    ("f-2020/04", "2020-08-02", "request", "facebook", "2020-08-03", "email", 1),
    ("f-2020/05", "2020-08-14", "clarification", "facebook", "2020-08-14", "facebook", 1),
    ("f-2020/06", "2020-09-24", "request", "facebook", "2020-09-27", "meeting", 2),
    ("f-2020/07", "2020-10-10", "clarification", "in_person", "2020-10-12", "phone", 1),
    ("f-2020/10", "2020-11-25", "clarification", "website", "2020-12-10", "email", 11),
]


def _row(**values):
    row = dict.fromkeys(COLUMNS, "")
    row.update(
        {
            "received_date": "2020-07-31",
            "kind": "request",
            "channel": "facebook",
            "status": "resolving",
            "summary": "Request a draft law on Open data",
        }
    )
    row.update(values)
    return row


def _write_csv(path, rows):
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
    return path


def _report_rows():
    return [
        _row(
            registered_no=number,
            received_date=received,
            kind=kind,
            channel=channel,
            status="resolved",
            person="",
            summary=f"Case {number}",
            actions_taken="Answered",
            resolved_date=resolved,
            response_way=way,
        )
        for number, received, kind, channel, resolved, way, _days in REPORT_2020_H2
    ]


def test_the_six_addressed_cases_of_the_2020_h2_report_get_the_periods_it_prints(tmp_path, capsys):
    call_command("import_grievance_log", str(_write_csv(tmp_path / "log.csv", _report_rows())))
    periods = dict(Grievance.objects.values_list("registered_no", "working_days_to_resolve"))
    assert periods == {number: days for number, *_rest, days in REPORT_2020_H2}
    assert "6" in capsys.readouterr().out


def test_the_same_log_as_xlsx_imports_the_same(tmp_path):
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(COLUMNS)
    for row in _report_rows():
        values = [row[column] for column in COLUMNS]
        values[1], values[8] = date.fromisoformat(values[1]), date.fromisoformat(values[8])  # real date cells
        sheet.append(values)
    workbook.save(tmp_path / "log.xlsx")
    call_command("import_grievance_log", str(tmp_path / "log.xlsx"))
    assert Grievance.objects.get(registered_no="f-2020/10").working_days_to_resolve == 11


def test_importing_twice_creates_no_duplicates(tmp_path, capsys):
    path = _write_csv(tmp_path / "log.csv", [*_report_rows(), _row(summary="Without a number")])
    call_command("import_grievance_log", str(path))
    call_command("import_grievance_log", str(path))
    assert Grievance.objects.count() == 7
    assert "Created 0 cases" in capsys.readouterr().out


def test_a_bad_row_stops_the_whole_import_and_every_bad_row_is_named(tmp_path, capsys):
    rows = [
        _row(registered_no="f-2020/03"),
        _row(kind="praise"),
        _row(status="resolved", resolved_date="31/07/2020"),
        _row(assigned_to="nobody"),
        _row(registered_no="f-2020/03"),
    ]
    with pytest.raises(CommandError):
        call_command("import_grievance_log", str(_write_csv(tmp_path / "log.csv", rows)))
    errors = capsys.readouterr().err
    assert "Row 3: kind" in errors
    assert "Row 4: resolved_date" in errors
    assert "Row 5: assigned_to" in errors
    assert "Row 6: registered_no f-2020/03 is also on row 2" in errors
    assert "Row 2" not in errors
    assert not Grievance.objects.exists()


def test_a_missing_column_is_reported(tmp_path, capsys):
    (tmp_path / "log.csv").write_text("registered_no,summary\nf-2020/03,x\n", encoding="utf-8")
    with pytest.raises(CommandError):
        call_command("import_grievance_log", str(tmp_path / "log.csv"))
    assert "Missing columns" in capsys.readouterr().err


def test_person_and_assignee_and_unrelated_body_are_kept(tmp_path):
    officer = UserFactory(username="officer")
    from django.contrib.auth.models import Permission

    officer.user_permissions.add(Permission.objects.get(codename="view_grievance"))
    rows = [
        _row(registered_no="f-2020/01", person="A. Citizen", assigned_to="officer"),
        _row(registered_no="f-2020/02", status="unrelated", actions_taken="Referred to the tax office"),
    ]
    call_command("import_grievance_log", str(_write_csv(tmp_path / "log.csv", rows)))
    first, second = Grievance.objects.order_by("registered_no").select_related("complainant", "assigned_to")
    assert (first.complainant.name, first.assigned_to, first.status) == ("A. Citizen", officer, Status.RESOLVING)
    assert (second.status, second.referred_to) == (Status.UNRELATED, "Referred to the tax office")


def test_imported_resolved_cases_do_not_ask_their_complainants_or_close_by_themselves(tmp_path):
    from grievances.complainant_side import grievances_close_unanswered

    call_command("import_grievance_log", str(_write_csv(tmp_path / "log.csv", _report_rows())))
    assert not Grievance.objects.filter(satisfaction_due_on__isnull=False).exists()
    assert grievances_close_unanswered(today=date(2099, 1, 1)) == 0


def test_a_case_of_today_imported_before_the_usual_receipt_time_is_received_now(tmp_path, monkeypatch):
    """Imported cases are received at 09:00; one of today imported at 07:30 cannot be received in the future."""
    early = timezone.make_aware(datetime(2026, 3, 2, 7, 30))
    monkeypatch.setattr(timezone, "now", lambda: early)
    call_command("import_grievance_log", str(_write_csv(tmp_path / "log.csv", [_row(received_date="2026-03-02")])))
    case = Grievance.objects.get()
    assert case.received_at == early
    assert case.acknowledged_at == early


def test_a_case_of_an_earlier_day_is_received_at_nine(tmp_path):
    call_command("import_grievance_log", str(_write_csv(tmp_path / "log.csv", [_row(received_date="2020-07-31")])))
    received = timezone.localtime(Grievance.objects.get().received_at)
    assert (received.date(), received.hour, received.minute) == (date(2020, 7, 31), 9, 0)
