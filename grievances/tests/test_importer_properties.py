"""The log importer over generated files (Hypothesis): it never crashes, and it imports all rows or none."""

import csv
import tempfile
from datetime import date, timedelta
from pathlib import Path

import pytest
from django.db import transaction
from django.utils import timezone, translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from grievances.importer import COLUMNS, OPTIONAL_COLUMNS, ImportFailed, import_log
from grievances.models import Channel, Grievance, Kind, ResponseWay, Status

pytestmark = pytest.mark.django_db
HEADER = COLUMNS + OPTIONAL_COLUMNS
LAUNCH = date(2015, 9, 15)
# What a spreadsheet cell can hold and the database can store: any text but NUL.
cell_text = st.text(alphabet=st.characters(blacklist_categories=["Cs"], blacklist_characters="\x00"))

codes = st.sampled_from(Kind.values + Channel.values + Status.values + ResponseWay.values)
iso_dates = st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)).map(date.isoformat)
numbers = st.builds(
    "{}-{}/{}".format,
    st.sampled_from(["f", "ф", "", "f f"]),
    st.integers(min_value=0, max_value=99999).map(str),
    st.integers(min_value=0, max_value=10**40).map(str),
)
anything = st.one_of(st.text(max_size=300), codes, iso_dates, numbers, st.just(""))


def _write(rows):
    """Write rows (dicts over HEADER) to a fresh CSV file; Hypothesis examples cannot share pytest's tmp_path."""
    with tempfile.NamedTemporaryFile("w", suffix=".csv", newline="", encoding="utf-8", delete=False) as handle:
        writer = csv.DictWriter(handle, fieldnames=HEADER)
        writer.writeheader()
        writer.writerows(rows)
    return Path(handle.name)


def _import_rolled_back(rows):
    """Import the rows inside a savepoint rolled back afterwards; return (outcome, cases created)."""
    path = _write(rows)
    try:
        with transaction.atomic(), translation.override("en"):
            before = Grievance.objects.count()
            try:
                outcome = import_log(path)
            except ImportFailed as failure:
                outcome = failure
            created = Grievance.objects.count() - before
            transaction.set_rollback(True)
    finally:
        path.unlink()
    return outcome, created


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rows=st.lists(st.fixed_dictionaries({column: anything for column in HEADER}), min_size=1, max_size=5))
def test_arbitrary_rows_never_crash_the_import_and_import_all_or_nothing(rows):
    outcome, created = _import_rolled_back(rows)
    if isinstance(outcome, ImportFailed):
        assert created == 0
        assert outcome.errors and all(isinstance(reason, str) and reason for _row, reason in outcome.errors)
    else:
        assert created == outcome.created
        assert outcome.created + outcome.skipped == sum(1 for row in rows if any(row.values()))


@st.composite
def valid_rows(draw):
    """Rows a PIU log could hold: each with its own number, a date since launch, the fields its status needs.

    Numbers stay within GRM_IMPORT_MAX_NUMBER_GAP (100) of the year's start, as a log's do.
    """
    count = draw(st.integers(min_value=1, max_value=6))
    sequences = draw(st.lists(st.integers(min_value=1, max_value=100), min_size=count, max_size=count, unique=True))
    today = timezone.localdate()
    rows = []
    for sequence in sequences:
        received = draw(st.dates(min_value=LAUNCH, max_value=today - timedelta(days=1)))
        status = draw(st.sampled_from(Status.values))
        row = dict.fromkeys(HEADER, "")
        row.update(
            registered_no=f"f-{received.year}/{sequence:02d}",
            received_date=received.isoformat(),
            kind=draw(st.sampled_from(Kind.values)),
            channel=draw(st.sampled_from(Channel.values)),
            status=status,
            person=draw(cell_text.map(str.strip).filter(lambda text: len(text) <= 200)),
            summary=draw(cell_text.filter(str.strip)),
        )
        if status == Status.RESOLVED:
            resolved = draw(st.dates(min_value=received, max_value=min(received + timedelta(days=90), today)))
            row.update(
                actions_taken=draw(cell_text.filter(str.strip)),
                resolved_date=resolved.isoformat(),
                response_way=draw(st.sampled_from(ResponseWay.values)),
            )
        elif status == Status.UNRELATED:
            row["referred_to"] = draw(cell_text.map(str.strip).filter(lambda text: 0 < len(text) <= 255))
        rows.append(row)
    return rows


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rows=valid_rows())
def test_valid_rows_always_import_every_row(rows):
    outcome, created = _import_rolled_back(rows)
    assert not isinstance(outcome, ImportFailed), outcome.errors
    assert (outcome.created, outcome.skipped, created) == (len(rows), 0, len(rows))


@st.composite
def spoiled_rows(draw):
    """Valid rows with one cell replaced by anything at all."""
    rows = draw(valid_rows())
    row = draw(st.sampled_from(rows))
    row[draw(st.sampled_from(HEADER))] = draw(anything)
    return rows


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rows=spoiled_rows())
def test_a_file_with_one_spoiled_cell_imports_every_row_or_none(rows):
    outcome, created = _import_rolled_back(rows)
    if isinstance(outcome, ImportFailed):
        assert created == 0
    else:
        assert created == outcome.created == len(rows) - outcome.skipped
