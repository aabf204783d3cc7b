"""Small-count suppression: no published count under the threshold, and none recoverable from the totals."""

import random
from datetime import timedelta
from fractions import Fraction

import pytest

from grievances.models import Grievance, Kind
from grievances.places import aimag_codes
from grievances.tests.factories import local_datetime
from reporting.breakdowns import breakdown_counts, breakdown_tables
from reporting.suppression import TOTAL, Table, recoverable, suppress


def _log_of_500_cases_across_22_places(seed):
    """500 cases, most in a few aimags and a handful in the others, as a real log is: many small counts."""
    rng = random.Random(seed)
    places = list(aimag_codes())
    weights = [rng.random() ** 3 for _ in places]
    cases = []
    for number in range(1, 501):
        cases.append(
            Grievance(
                registered_no=f"f-2024/{number:03d}",
                registration_year=2024,
                registration_sequence=number,
                kind=rng.choices(Kind.values, [5, 2, 2, 1])[0],
                channel="hotline",
                received_at=local_datetime(2024, 1, 2) + timedelta(hours=8 * number),
                due_on=local_datetime(2024, 7, 1).date(),
                aimag=rng.choices(places, weights)[0] if number % 10 else "",
                gender=rng.choice(["female", "male", "other", ""]),
                age_group=rng.choice(["under_18", "18_34", "35_59", "60_plus", ""]),
                disability=rng.choice(["yes", "no", "", "", ""]),
                vulnerable_groups=rng.choice(["", "", ",herder,", ",herder,remote_or_ger_area,", ",ethnic_minority,"]),
            )
        )
    Grievance.objects.bulk_create(cases)


def _published(table):
    """What a reader of the table sees: every figure, None where hidden."""
    return {entry: (None if entry in table.hidden else value) for entry, value in table.counts.items()}


def _lines(table):
    """Each published sum: the entries of a row (its cells and total), or of a column when column sums are published."""
    lines = {}
    for row, column in table.counts:
        lines.setdefault(("row", row), []).append((row, column))
        if table.column_sums:
            lines.setdefault(("column", column), []).append((row, column))
    return lines


def _recover_by_subtraction(table, entry):
    """The attacker: for each published total of the entry's row or column, the total minus the visible figures."""
    seen = _published(table)
    for (kind, name), entries in _lines(table).items():
        if entry not in entries:
            continue
        total_entry = (name, TOTAL) if kind == "row" else (TOTAL, name)
        unknown = [e for e in entries if seen[e] is None and e != total_entry]
        if seen[total_entry] is None or unknown != [entry]:
            continue
        return seen[total_entry] - sum(seen[e] for e in entries if e not in (entry, total_entry))
    return None


def _determined_by_any_combination(table, entry):
    """Whether some linear combination of the published sums gives the entry: exact elimination over fractions."""
    seen = _published(table)
    unknowns = sorted(table.hidden)
    rows = []
    for (kind, name), entries in _lines(table).items():
        total_entry = (name, TOTAL) if kind == "row" else (TOTAL, name)
        rows.append([Fraction(-1 if e == total_entry else 1) if e in entries else Fraction(0) for e in unknowns])

    def rank(matrix):
        matrix, found = [row[:] for row in matrix], 0
        for column in range(len(unknowns)):
            pivot = next((i for i in range(found, len(matrix)) if matrix[i][column] != 0), None)
            if pivot is None:
                continue
            matrix[found], matrix[pivot] = matrix[pivot], matrix[found]
            for i in range(len(matrix)):
                if i != found and matrix[i][column] != 0:
                    factor = matrix[i][column] / matrix[found][column]
                    matrix[i] = [a - factor * b for a, b in zip(matrix[i], matrix[found], strict=True)]
            found += 1
        return found

    unit = [Fraction(1 if e == entry else 0) for e in unknowns]
    assert all(seen[e] is None for e in unknowns)
    return rank(rows + [unit]) == rank(rows)


def _suppression_tables(counts):
    """The tables as the statistics publish them, with their hidden figures (breakdowns._table then suppress)."""
    from reporting.breakdowns import _table

    return {
        dimension: suppress(_table(rows, additive=dimension != "vulnerable_group"))
        for dimension, rows in counts.items()
    }


@pytest.mark.django_db
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_no_hidden_count_of_500_cases_across_22_places_can_be_recovered_from_the_totals(seed):
    _log_of_500_cases_across_22_places(seed)
    counts = breakdown_counts(start=local_datetime(2024, 1, 1).date(), end=local_datetime(2024, 6, 30).date())
    assert sum(cells[TOTAL] for cells in counts["aimag"].values()) == 500

    for dimension, table in _suppression_tables(counts).items():
        small = {e for e, value in table.counts.items() if 0 < value < 3 and e not in table.known}
        assert small <= table.hidden, dimension
        assert small or dimension != "aimag", "the log must have small counts by place for the test to mean anything"
        for entry in table.hidden:
            assert _recover_by_subtraction(table, entry) is None, (dimension, entry)
            assert not _determined_by_any_combination(table, entry), (dimension, entry)


def test_a_lonely_small_count_gets_a_partner_in_its_row_and_column():
    counts = {("a", "x"): 1, ("a", "y"): 5, ("b", "x"): 4, ("b", "y"): 6}
    for row in "ab":
        counts[(row, TOTAL)] = counts[(row, "x")] + counts[(row, "y")]
    for column in ["x", "y", TOTAL]:
        counts[(TOTAL, column)] = counts[("a", column)] + counts[("b", column)]
    table = suppress(Table(counts=counts, known={(TOTAL, c) for c in ["x", "y", TOTAL]}), limit=3)

    assert table.hidden == {("a", "x"), ("a", "y"), ("b", "x"), ("b", "y")}
    assert recoverable(table) == set()


def test_a_bridge_between_two_protected_blocks_is_put_on_a_cycle():
    """Four hidden figures in a square protect each other; one more joining two squares would be computable."""
    table = Table(counts={("a", "x"): 1, ("a", "y"): 1, ("b", "x"): 1, ("b", "y"): 1}, column_sums=True)
    table.hidden = {("a", "x"), ("a", "y"), ("b", "x"), ("b", "y")}
    assert recoverable(table) == set()
    table.hidden = {("a", "x"), ("a", "y"), ("b", "x")}
    assert recoverable(table) == {("a", "x"), ("a", "y"), ("b", "x")}


def test_zero_is_shown_and_not_used_to_protect_when_another_figure_will_do():
    counts = {("a", "x"): 1, ("a", "y"): 0, ("a", "z"): 7, ("a", TOTAL): 8}
    table = suppress(Table(counts=counts, column_sums=False), limit=3)
    assert table.hidden == {("a", "x"), ("a", "z")}


@pytest.mark.django_db
def test_the_published_tables_hide_small_counts_and_the_staff_tables_do_not():
    _log_of_500_cases_across_22_places(4)
    counts = breakdown_counts(start=local_datetime(2024, 1, 1).date(), end=local_datetime(2024, 6, 30).date())
    published = {table.dimension: table for table in breakdown_tables(counts, suppressed=True)}
    exact = {table.dimension: table for table in breakdown_tables(counts, suppressed=False)}

    for dimension, table in published.items():
        rows = [row for row in table.rows if row["code"] != "not_given"]
        shown = [value for row in rows for value in row["cells"].values() if value is not None]
        assert all(value == 0 or value >= 3 for value in shown), dimension
    assert any(value is None for row in published["aimag"].rows for value in row["cells"].values())
    assert all(value is not None for row in exact["aimag"].rows for value in row["cells"].values())


def test_a_zero_hidden_as_a_partner_does_not_leave_its_line_total_of_0_in_view():
    """The one complaint of the period came from "b"; "a" had no case: its 0s hidden alone would read as 0."""
    counts = {("a", "x"): 0, ("a", "y"): 0, ("b", "x"): 1, ("b", "y"): 5}
    for row in "ab":
        counts[(row, TOTAL)] = counts[(row, "x")] + counts[(row, "y")]
    for column in ["x", "y", TOTAL]:
        counts[(TOTAL, column)] = counts[("a", column)] + counts[("b", column)]
    table = suppress(Table(counts=counts, known={(TOTAL, c) for c in ["x", "y", TOTAL]}), limit=3)

    assert ("b", "x") in table.hidden
    for row in "ab":
        hidden_in_row = {entry for entry in table.hidden if entry[0] == row}
        if hidden_in_row and all(counts[entry] == 0 for entry in hidden_in_row):
            assert (row, TOTAL) in table.hidden
    assert recoverable(table) == set()


def test_not_given_is_no_place_and_is_not_hidden_for_being_small():
    counts = {("not_given", "x"): 1, ("not_given", TOTAL): 1}
    table = suppress(Table(counts=counts, column_sums=False), limit=3, exempt_rows=frozenset({"not_given"}))
    assert table.hidden == set()
