"""The importer checks numbers against the log and names the row of every problem, unreadable files included."""

import csv
import zipfile

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone, translation

from grievances import numbering
from grievances.importer import COLUMNS, ImportFailed, import_log
from grievances.models import Grievance, RegistrationCounter
from grievances.tests.factories import register_grievance

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english_messages():
    with translation.override("en"):
        yield


def row(**values):
    cells = dict.fromkeys(COLUMNS, "")
    cells.update(received_date="2020-07-31", kind="request", channel="facebook", status="resolving", summary="A road")
    cells.update(values)
    return cells


def write_csv(path, rows, encoding="utf-8"):
    with path.open("w", newline="", encoding=encoding) as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
    return path


def errors_of(path):
    with pytest.raises(ImportFailed) as failure:
        import_log(path)
    return failure.value.errors


# --- numbers -------------------------------------------------------------------------------


def test_a_number_far_past_the_year_s_counter_is_a_row_error_and_the_counter_is_untouched(tmp_path):
    today = timezone.localdate()
    register_grievance(received_at=timezone.now())  # the year's counter at 1
    path = write_csv(tmp_path / "log.csv", [row(registered_no=f"f-{today.year}/2147483647", received_date=today)])
    [(number, reason)] = errors_of(path)
    assert number == 2
    assert "skips 2147483645 numbers after 1" in reason
    assert RegistrationCounter.objects.get(year=today.year).last_number == 1
    assert register_grievance(received_at=timezone.now()).registration_sequence == 2  # the form goes on numbering


def test_numbers_may_run_on_within_the_allowed_gap(tmp_path, settings):
    settings.GRM_IMPORT_MAX_NUMBER_GAP = 3
    rows = [row(registered_no="f-2020/04"), row(registered_no="f-2020/07", summary="Another")]
    assert import_log(write_csv(tmp_path / "log.csv", rows)).created == 2
    assert RegistrationCounter.objects.get(year=2020).last_number == 7
    errors = errors_of(write_csv(tmp_path / "more.csv", [row(registered_no="f-2020/12", summary="Far")]))
    assert errors == [
        (
            2,
            "registered_no f-2020/12 skips 4 numbers after 7, the highest of 2020 so far; at most 3 may be "
            "skipped (GRM_IMPORT_MAX_NUMBER_GAP). Check the number.",
        )
    ]


def test_a_number_of_another_year_than_the_received_date_is_a_row_error(tmp_path):
    errors = errors_of(write_csv(tmp_path / "log.csv", [row(registered_no="f-2019/03")]))
    assert errors == [(2, "registered_no f-2019/03 is a number of 2019, but received_date is in 2020.")]


def test_a_number_another_case_holds_is_a_row_error_however_it_is_written(tmp_path):
    import_log(write_csv(tmp_path / "first.csv", [row(registered_no="f-2020/05"), row(registered_no="f-2020/06")]))
    path = write_csv(
        tmp_path / "log.csv",
        [row(registered_no="f-2020/5"), row(registered_no="f-2020/06", received_date="2020-08-01")],
    )
    errors = errors_of(path)
    assert errors == [
        (2, "registered_no f-2020/5 is already the number of another case, f-2020/05 received on 2020-07-31."),
        (3, "registered_no f-2020/06 is already the number of another case, f-2020/06 received on 2020-07-31."),
    ]
    assert Grievance.objects.count() == 2


def test_a_row_imported_before_is_skipped(tmp_path):
    path = write_csv(tmp_path / "log.csv", [row(registered_no="f-2020/05")])
    import_log(path)
    result = import_log(path)
    assert (result.created, result.skipped) == (0, 1)


def test_one_number_written_two_ways_in_the_file_is_named(tmp_path):
    errors = errors_of(write_csv(tmp_path / "log.csv", [row(registered_no="f-2020/5"), row(registered_no="f-2020/05")]))
    assert errors == [(3, "registered_no f-2020/05 is also on row 2.")]


def test_rows_without_a_number_are_numbered_after_the_file_s_highest(tmp_path):
    rows = [row(summary="No number yet"), row(registered_no="f-2020/02"), row(summary="Neither")]
    import_log(write_csv(tmp_path / "log.csv", rows))
    numbers = dict(Grievance.objects.values_list("summary", "registered_no"))
    assert numbers == {"No number yet": "f-2020/03", "A road": "f-2020/02", "Neither": "f-2020/04"}


def test_a_row_the_database_refuses_is_named_and_its_numbers_are_given_back(tmp_path, monkeypatch):
    from grievances import importer
    from smartgov.exceptions import ApplicationError

    real_create = importer._create

    def refuse_the_second(row, language):
        if row.number == 3:
            raise ApplicationError("Refused for the test.")
        return real_create(row, language)

    monkeypatch.setattr(importer, "_create", refuse_the_second)
    errors = errors_of(write_csv(tmp_path / "log.csv", [row(registered_no="f-2020/01"), row(summary="No number")]))
    assert errors == [(3, "Refused for the test.")]
    assert not Grievance.objects.exists()
    assert RegistrationCounter.objects.get(year=2020).last_number == 0


def test_numbers_taken_for_a_failed_import_stay_taken_once_another_case_took_one():
    reservation = numbering.numbers_reserve(2020, given_up_to=5, count=2)
    assert (reservation.before, reservation.after, list(reservation.taken)) == (0, 7, [6, 7])
    numbering.take_next_number(2020)
    assert numbering.numbers_give_back(reservation) is False
    assert RegistrationCounter.objects.get(year=2020).last_number == 8


# --- files that cannot be read -----------------------------------------------------------


def test_a_csv_not_in_utf8_names_the_row(tmp_path, capsys):
    path = write_csv(tmp_path / "log.csv", [row(), row(summary="Café Zürich")], encoding="latin-1")
    with pytest.raises(CommandError):
        call_command("import_grievance_log", str(path))
    assert "Row 3: This row is not in UTF-8. Save the file as “CSV UTF-8”" in capsys.readouterr().err


def test_a_cell_past_the_csv_limit_names_the_row(tmp_path):
    path = write_csv(tmp_path / "log.csv", [row(), row(), row(summary="x" * 200_000)])
    assert errors_of(path) == [(4, "A cell of this row is longer than 131072 characters.")]


def test_a_long_cell_within_the_csv_limit_is_a_row_error_not_a_crash(tmp_path):
    errors = errors_of(write_csv(tmp_path / "log.csv", [row(summary="x" * 120_000)]))
    assert errors == [(2, "summary is longer than 100000 characters.")]


def _workbook(path):
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.active.append(COLUMNS)
    workbook.active.append(list(row().values()))
    workbook.save(path)
    return path


def _damaged_sheet(path):
    """A real workbook whose sheet's XML is cut in half."""
    good = _workbook(path.with_name("good.xlsx"))
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(path, "w") as damaged:
        for item in source.infolist():
            data = source.read(item.filename)
            damaged.writestr(item, data[: len(data) // 2] if item.filename == "xl/worksheets/sheet1.xml" else data)
    return path


def _no_workbook_part(path):
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
    return path


def _not_a_zip(path):
    path.write_bytes(b"registered_no,received_date\n")
    return path


@pytest.mark.parametrize("damage", [_damaged_sheet, _no_workbook_part, _not_a_zip])
def test_a_damaged_xlsx_is_reported_without_a_traceback(tmp_path, capsys, damage):
    path = damage(tmp_path / "log.xlsx")
    with pytest.raises(CommandError) as failure:
        call_command("import_grievance_log", str(path))
    assert str(failure.value) == "The file has errors; nothing was imported."
    errors = capsys.readouterr().err
    assert "The XLSX file is damaged and cannot be read" in errors
    assert "Row 0" not in errors


def test_a_good_xlsx_still_imports(tmp_path):
    assert import_log(_workbook(tmp_path / "log.xlsx")).created == 1
