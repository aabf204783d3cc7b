"""The public GRM statistics of a half year: the report's figures, and who and where with small counts hidden.

The overall figures are the half-year report's own (selectors.grm_period_
figures, the numbers `grm_report --format json` prints), for the half year
and since launch; they count no place or group, so they are published as
they are. The tables by aimag, gender, age group and vulnerable group are
published only for half years that have ended, with small counts hidden
(suppression.py): a table that changes every day would tell, by its
difference from yesterday's, where today's complainant lives. They are not
published since launch either, because since launch minus the half years
before would give back what each half year hides.
"""

from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from grievances.models import Channel, Grievance, Kind, Status
from smartgov.aggregates import Median
from smartgov.periods import H1, H2, half_of, half_year, local_day_bounds

from .breakdowns import breakdown_counts, breakdown_data, breakdown_tables
from .periods import launch_date
from .selectors import grm_period_figures, report_blocks
from .suppression import threshold

# The blocks of the report the page shows: the half year, and launch to the end of it.
SCOPES = {"half_year": "new_period", "since_launch": "since_launch"}


@dataclass(frozen=True)
class HalfYear:
    year: int
    half: str  # smartgov.periods.H1 or H2

    @property
    def key(self) -> str:
        return f"{self.year}-{self.half}"

    @property
    def bounds(self) -> tuple[date, date]:
        start, end = half_year(self.year, self.half)
        return max(start, launch_date()), end

    @classmethod
    def of(cls, day: date) -> "HalfYear":
        return cls(day.year, half_of(day))

    @classmethod
    def parse(cls, key: str | None) -> "HalfYear | None":
        """The half year written as 2026-H1, or None when `key` is not one."""
        try:
            year, half = (key or "").split("-")
            parsed = cls(int(year), half)
        except ValueError:
            return None
        return parsed if half in (H1, H2) else None


def half_years(today: date) -> list[HalfYear]:
    """Every half year from the launch to today's, newest first."""
    found, current = [], HalfYear.of(launch_date())
    last = HalfYear.of(today)
    while (current.year, current.half) <= (last.year, last.half):
        found.append(current)
        current = HalfYear(current.year, H2) if current.half == H1 else HalfYear(current.year + 1, H1)
    return found[::-1]


def chosen_half_year(key: str | None, today: date) -> HalfYear | None:
    """The half year asked for; the latest ended one (or the first, before one has ended) when none is.

    None for a half year outside launch..today: there is nothing to show.
    """
    available = half_years(today)
    if not key:
        ended = [item for item in available if item.bounds[1] < today]
        return ended[0] if ended else available[-1]
    chosen = HalfYear.parse(key)
    return chosen if chosen in available else None


def _median_days_to_resolve(blocks: dict[str, tuple[date, date]]) -> dict[str, float | None]:
    """The median working days to resolution of the cases received in each block and resolved, in one query."""
    aggregates = {}
    for name, (start, end) in blocks.items():
        low, high = local_day_bounds(start, end)
        condition = Q(received_at__gte=low, received_at__lt=high, working_days_to_resolve__isnull=False)
        aggregates[name] = Median("working_days_to_resolve", filter=condition & Q(status=Status.RESOLVED))
    low, high = local_day_bounds(launch_date(), max(end for _start, end in blocks.values()))
    return Grievance.objects.filter(received_at__gte=low, received_at__lt=high).aggregate(**aggregates)


def _overall(block: dict, median) -> dict:
    """One scope's figures in the statistics' shape, from a block of grm_period_figures."""

    def received_by(dimension, codes):
        return {code: block["unrelated"][dimension][code] + block["addressed"][dimension][code] for code in codes}

    return {
        "start": block["start"],
        "end": block["end"],
        "received": block["received"],
        "by_kind": received_by("by_kind", Kind.values),
        "by_channel": received_by("by_channel", Channel.values),
        "by_status": {group: block[group]["total"] for group in ("resolving", "resolved", "unrelated")},
        "resolved_within_deadline": block["resolved_within_deadline"],
        "median_working_days_to_resolve": median,
        "appealed": block["appealed"],
        "satisfaction": dict(block["satisfaction"]),
    }


def public_statistics(period: HalfYear, *, today: date | None = None) -> dict:
    """Gather the statistics of a half year (four queries): figures for it and since launch, and the tables.

    `breakdowns` is the list of published tables (suppression applied), empty
    while the half year has not ended.
    """
    today = today or timezone.localdate()
    start, end = period.bounds
    figures = grm_period_figures(start=start, end=end)
    blocks = report_blocks(start=start, end=end)
    medians = _median_days_to_resolve({scope: blocks[block] for scope, block in SCOPES.items()})
    ended = end < today
    tables = breakdown_tables(breakdown_counts(start=start, end=end), suppressed=True) if ended else []
    return {
        "period": {"half_year": period.key, "start": start, "end": end, "ended": ended},
        "figures": {scope: _overall(figures[block], medians[scope]) for scope, block in SCOPES.items()},
        "breakdowns": tables,
        "threshold": threshold(),
    }


def statistics_json(statistics: dict) -> dict:
    """The statistics as the JSON download: dates as ISO strings, hidden figures as "<3", the licence stated."""
    period = statistics["period"]
    return {
        "licence": {"name": settings.STATISTICS_LICENCE_NAME, "url": settings.STATISTICS_LICENCE_URL},
        "suppression_threshold": statistics["threshold"],
        "period": {
            "half_year": period["half_year"],
            "start": period["start"].isoformat(),
            "end": period["end"].isoformat(),
            "ended": period["ended"],
        },
        **statistics["figures"],
        "breakdowns": breakdown_data(statistics["breakdowns"]),
    }


CSV_HEADER = ["half_year", "period_start", "period_end", "scope", "measure", "category", "kind", "value"]


def statistics_rows(data: dict):
    """Yield the JSON download's figures as rows of one long table, CSV_HEADER first (the data dictionary's shape).

    `data` is statistics_json's; hidden figures stay "<3", a median with no
    resolved case is empty.
    """
    yield CSV_HEADER
    period = data["period"]
    lead = [period["half_year"], period["start"], period["end"]]
    for scope in SCOPES:
        figures = data[scope]
        for measure in ("received", "resolved_within_deadline", "median_working_days_to_resolve", "appealed"):
            value = figures[measure]
            yield [*lead, scope, measure, "", "", "" if value is None else value]
        for measure in ("by_kind", "by_channel", "by_status", "satisfaction"):
            for category, value in figures[measure].items():
                yield [*lead, scope, measure, category, "", value]
    for dimension, table in data["breakdowns"].items():
        for row in [*table["rows"], *([{"code": "total", **table["total"]}] if "total" in table else [])]:
            for kind, value in row.items():
                if kind not in ("code", "label"):
                    yield [*lead, "half_year", f"by_{dimension}", row["code"], kind, value]
