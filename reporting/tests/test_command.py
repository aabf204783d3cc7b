import json
import subprocess
from datetime import date
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from grievances.models import Channel, Kind, Status
from reporting.tests.factories import case

pytestmark = pytest.mark.django_db

COUNTS_KEYS = {"total", "by_channel", "by_kind"}
EARLIER_BLOCK_KEYS = {
    "start",
    "end",
    "received",
    "unrelated",
    "addressed",
    "resolving",
    "resolved",
    "resolved_within_deadline",
}
BLOCK_KEYS = EARLIER_BLOCK_KEYS | {"appealed", "satisfaction", "median_working_days_waiting"}
CASE_KEYS = {
    "stage",
    "is_overdue",
    "registered_no",
    "received_date",
    "sensitive",  # a sensitive case (SEA/SH) is listed by number and date only, its other values empty
    "kind",
    "channel",
    "summary",
    "actions_taken",
    "status",
    "resolved_date",
    "working_days",
    "response_way",
}


def run_json(*args):
    out = StringIO()
    call_command("grm_report", *args, stdout=out)
    return json.loads(out.getvalue())


def test_json_has_the_shape_of_the_issue(log_2020h2):
    data = run_json("--start", "2020-06-25", "--end", "2020-12-31", "--format", "json")

    assert set(data) == {
        "period",
        "new_period",
        "previous_period",
        "since_launch",
        "addressed_cases",
        "outreach_events",
        "who_and_where",
    }
    assert data["period"] == {"start": "2020-06-25", "end": "2020-12-31"}
    for block in ("new_period", "previous_period", "since_launch"):
        assert set(data[block]) == BLOCK_KEYS
        for group in ("unrelated", "addressed", "resolving", "resolved"):
            assert set(data[block][group]) == COUNTS_KEYS
            assert set(data[block][group]["by_channel"]) == set(Channel.values)
            assert set(data[block][group]["by_kind"]) == set(Kind.values)
    assert len(data["addressed_cases"]) == 6
    assert all(set(row) == CASE_KEYS for row in data["addressed_cases"])


def test_json_blocks_have_appeals_answers_and_the_median_wait(complainant_answers_2020h2):
    data = run_json("--start", "2020-06-25", "--end", "2020-12-31", "--format", "json")

    assert {name: data[name]["appealed"] for name in ("new_period", "previous_period", "since_launch")} == {
        "new_period": 2,
        "previous_period": 1,
        "since_launch": 3,
    }
    assert data["new_period"]["satisfaction"] == {"asked": 4, "answered": 2, "resolved_yes": 1}
    assert data["since_launch"]["satisfaction"] == {"asked": 6, "answered": 4, "resolved_yes": 2}
    assert data["new_period"]["median_working_days_waiting"] == 5.0
    assert data["previous_period"]["median_working_days_waiting"] == 2.0
    # The keys the report had before are all there, with the same shape.
    assert set(data["new_period"]) > EARLIER_BLOCK_KEYS
    assert set(data["new_period"]["resolved"]) == COUNTS_KEYS


def test_json_never_contains_the_complainants_identity():
    case(
        received_on=date(2020, 7, 1),
        status=Status.RESOLVED,
        resolved_on=date(2020, 7, 2),
        complainant={"name": "Батбаяр Дорж", "email": "batbayar@example.mn", "phone": "+976 9911 2233"},
    )
    out = StringIO()
    call_command("grm_report", "--start", "2020-06-25", "--end", "2020-12-31", stdout=out)

    assert "Батбаяр" not in out.getvalue()
    assert "batbayar@example.mn" not in out.getvalue()
    assert "9911" not in out.getvalue()


def test_pdf_format_writes_the_file(log_2020h2, tmp_path):
    output = tmp_path / "report.pdf"
    call_command(
        "grm_report",
        "--start",
        "2020-06-25",
        "--end",
        "2020-12-31",
        "--format",
        "pdf",
        "--language",
        "mn",
        "--output",
        str(output),
    )

    text = subprocess.run(["pdftotext", str(output), "-"], capture_output=True, text=True, check=True).stdout
    assert "f-2020/07" in text


@pytest.mark.parametrize(
    ("start", "end"),
    [("2020-13-01", "2020-12-31"), ("2020-12-31", "2020-06-25"), ("2010-01-01", "2010-06-30")],
)
def test_bad_dates_stop_the_command_with_a_message(start, end):
    with pytest.raises(CommandError):
        call_command("grm_report", "--start", start, "--end", end)


def test_pdf_format_needs_an_output_file():
    with pytest.raises(CommandError, match="--output"):
        call_command("grm_report", "--start", "2020-06-25", "--end", "2020-12-31", "--format", "pdf")


# --- texts missing in the report's language ----------------------------------------------------


def _cases_lacking_their_english_summary():
    complete = case(received_on=date(2020, 7, 1), status=Status.RESOLVED, resolved_on=date(2020, 7, 2))
    lacking = case(received_on=date(2020, 7, 3), translations={"summary_mn": "Зам хаагдсан"})
    return complete, lacking


def test_a_case_lacking_its_english_summary_is_named_in_a_warning_and_the_report_is_still_made():
    complete, lacking = _cases_lacking_their_english_summary()
    out, err = StringIO(), StringIO()
    call_command(
        "grm_report", "--start", "2020-06-25", "--end", "2020-12-31", "--language", "en", stdout=out, stderr=err
    )

    assert lacking.registered_no in err.getvalue()
    assert complete.registered_no not in err.getvalue()
    cases = json.loads(out.getvalue())["addressed_cases"]
    assert [row["summary"] for row in cases] == ["Request a draft law on open data", ""]


def test_the_mongolian_report_does_not_warn_of_a_missing_english_summary():
    _cases_lacking_their_english_summary()
    err = StringIO()
    call_command(
        "grm_report", "--start", "2020-06-25", "--end", "2020-12-31", "--language", "mn", stdout=StringIO(), stderr=err
    )

    assert err.getvalue() == ""


def test_strict_refuses_to_generate_and_names_the_case(tmp_path):
    _complete, lacking = _cases_lacking_their_english_summary()
    output = tmp_path / "report.pdf"
    with pytest.raises(CommandError, match=lacking.registered_no):
        call_command(
            "grm_report",
            *("--start", "2020-06-25", "--end", "2020-12-31", "--language", "en", "--strict"),
            *("--format", "pdf", "--output", str(output)),
        )
    assert not output.exists()
