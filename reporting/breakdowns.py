"""Who complained and from where: the cases of a period by aimag, gender, age group and vulnerable group.

Every table counts the cases received in the period by one of those and by
type of feedback, all in one aggregate query over the cases (never the
complainants' table: the answers are kept on the case, who_and_where.py).
The exact counts are for staff (the SEP dashboard); every published table
(the statistics page, its downloads, and the half-year report, which is
disclosed once approved) goes through reporting.suppression first.
"""

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from grievances.models import AgeGroup, Disability, Gender, Grievance, Kind, VulnerableGroup, vulnerable_group_condition
from grievances.places import aimag_codes, aimag_name
from smartgov.periods import local_day_bounds

from .suppression import TOTAL, Table, suppress, threshold
from .tile_map import tile_map_svg

NOT_GIVEN = "not_given"
DISABILITY = "disability"
DIMENSIONS = ("aimag", "gender", "age_group", "vulnerable_group")
TITLES = {
    "aimag": gettext_lazy("Cases by aimag"),
    "gender": gettext_lazy("Cases by gender of the complainant"),
    "age_group": gettext_lazy("Cases by age group of the complainant"),
    "vulnerable_group": gettext_lazy("Cases by vulnerable group"),
}
ROW_HEADINGS = {
    "aimag": gettext_lazy("Aimag"),
    "gender": gettext_lazy("Gender"),
    "age_group": gettext_lazy("Age group"),
    "vulnerable_group": gettext_lazy("Group"),
}


def _row_conditions() -> dict[str, dict[str, Q]]:
    """The condition of each row of each table; "" (not answered) is its own row, so the rows add up."""
    return {
        "aimag": {**{code: Q(aimag=code) for code in aimag_codes()}, NOT_GIVEN: Q(aimag="")},
        "gender": {**{code: Q(gender=code) for code in Gender.values}, NOT_GIVEN: Q(gender="")},
        "age_group": {**{code: Q(age_group=code) for code in AgeGroup.values}, NOT_GIVEN: Q(age_group="")},
        # Overlapping groups: a person may be in several, so these rows do not add up to the cases received.
        "vulnerable_group": {
            DISABILITY: Q(disability=Disability.YES),
            **{code: vulnerable_group_condition(code) for code in VulnerableGroup.values},
        },
    }


def row_codes(dimension: str) -> list[str]:
    """The codes of a table's rows, in the tables' order."""
    return list(_row_conditions()[dimension])


def breakdown_counts(*, start: date, end: date) -> dict[str, dict[str, dict[str, int]]]:
    """Count the cases received in the period by each table's rows and by type, exactly, in one query.

    Returns {dimension: {row: {kind: count, ..., "total": count}}}.
    """
    low, high = local_day_bounds(start, end)
    conditions = _row_conditions()
    aggregates = {
        f"{dimension}|{row}|{kind}": Count("id", filter=condition & Q(kind=kind))
        for dimension, rows in conditions.items()
        for row, condition in rows.items()
        for kind in Kind.values
    }
    numbers = Grievance.objects.filter(received_at__gte=low, received_at__lt=high).aggregate(**aggregates)
    counts = {}
    for dimension, rows in conditions.items():
        counts[dimension] = {}
        for row in rows:
            cells = {kind: numbers[f"{dimension}|{row}|{kind}"] for kind in Kind.values}
            counts[dimension][row] = {**cells, TOTAL: sum(cells.values())}  # each case has one type
    return counts


def row_label(dimension: str, code: str) -> str:
    """A row's name in the active language."""
    if code == NOT_GIVEN:
        return _("Not given")
    if dimension == "aimag":
        return aimag_name(code)
    if code == DISABILITY:
        return _("Persons with a disability")
    choices = {"gender": Gender, "age_group": AgeGroup, "vulnerable_group": VulnerableGroup}[dimension]
    return str(choices(code).label)


@dataclass
class Breakdown:
    """One table as published: rows of (code, label, cells), each cell a number or None when hidden."""

    dimension: str
    title: str
    row_heading: str
    columns: list[tuple[str, str]]  # (code, label), the types then the total
    rows: list[dict]
    totals: dict | None  # the column totals, None for overlapping groups
    suppressed: bool


def _table(rows: dict[str, dict[str, int]], *, additive: bool) -> Table:
    """The suppression table of one breakdown: its cells, row totals and (when the rows add up) column totals."""
    counts = {(row, column): value for row, cells in rows.items() for column, value in cells.items()}
    known = set()
    if additive:
        for column in [*Kind.values, TOTAL]:
            counts[(TOTAL, column)] = sum(cells[column] for cells in rows.values())
            # The totals by type are published as they are (the statistics' overall figures): never hidden.
            known.add((TOTAL, column))
    return Table(counts=counts, known=known, column_sums=additive)


def breakdown_tables(counts: dict, *, suppressed: bool) -> list[Breakdown]:
    """Arrange breakdown_counts into the tables shown and downloaded, with small counts hidden when `suppressed`.

    Rows are in a fixed order (the aimags by code, Ulaanbaatar first), so the
    downloads of two periods line up.
    """
    columns = [*Kind.choices, (TOTAL, _("Total"))]
    tables = []
    for dimension in DIMENSIONS:
        rows = counts[dimension]
        additive = dimension != "vulnerable_group"
        table = _table(rows, additive=additive)
        if suppressed:
            # "Not given" is no place and no group: a small count of it names nobody.
            suppress(table, exempt_rows=frozenset({NOT_GIVEN}))
        published = [
            {
                "code": code,
                "label": row_label(dimension, code),
                "cells": {column: table.shown(code, column) for column, _label in columns},
            }
            for code in rows
        ]
        totals = {column: table.shown(TOTAL, column) for column, _label in columns} if additive else None
        tables.append(
            Breakdown(
                dimension=dimension,
                title=str(TITLES[dimension]),
                row_heading=str(ROW_HEADINGS[dimension]),
                columns=[(code, str(label)) for code, label in columns],
                rows=published,
                totals=totals,
                suppressed=suppressed,
            )
        )
    return tables


def breakdown_data(tables: list[Breakdown]) -> dict:
    """The tables as JSON-ready data: a hidden figure is the string "<N" (N the threshold), never a number."""
    hidden = f"<{threshold()}"

    def value(number):
        return hidden if number is None else number

    return {
        table.dimension: {
            "rows": [
                {"code": row["code"], "label": row["label"], **{k: value(v) for k, v in row["cells"].items()}}
                for row in table.rows
            ],
            **({"total": {k: value(v) for k, v in table.totals.items()}} if table.totals else {}),
        }
        for table in tables
    }


def printable_tables(published: dict, *, map_title: str) -> list[dict]:
    """breakdown_data's tables as rows to print (the report's PDF): labels in the active language, the map with aimags.

    Read back from the published data rather than counted again, so the PDF
    and the JSON of one report cannot differ.
    """
    columns = [*Kind.choices, (TOTAL, _("Total"))]
    hidden = f"<{threshold()}"
    printable = []
    for dimension, table in published.items():
        rows = [(row["label"], [row[code] for code, _label in columns]) for row in table["rows"]]
        figure = ""
        if dimension == "aimag":
            totals = {row["code"]: row[TOTAL] for row in table["rows"] if row["code"] != NOT_GIVEN}
            counts = {code: None if value == hidden else value for code, value in totals.items()}
            figure = tile_map_svg(title=map_title, counts=counts, hidden_label=hidden)
        printable.append(
            {
                "title": str(TITLES[dimension]),
                "row_heading": str(ROW_HEADINGS[dimension]),
                "columns": [str(label) for _code, label in columns],
                "rows": rows,
                "total": [table["total"][code] for code, _label in columns] if "total" in table else None,
                "figure": figure,
            }
        )
    return printable
