"""The SEP dashboard as one list of tables: the screen, its CSV and its XLSX are all drawn from it.

The screen and the exports used to pick figures on their own and drifted (the
downloads lacked figures the screen showed). Now a figure reaches any of them
only by being a row here.
"""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from grievances.models import Kind

from .breakdowns import NOT_GIVEN, breakdown_tables
from .charts import bar_chart_svg
from .models import PressMaterialType
from .suppression import TOTAL
from .tile_map import tile_map_svg


@dataclass(frozen=True)
class DashboardTable:
    """One table of the dashboard: rows of (label, values), one value for each of `columns`.

    `total` is a last row that sums the others (shown apart, left out of the
    chart); `chart` is the title of the bar chart of the first column, or "".
    """

    title: str
    label_heading: str
    columns: tuple[str, ...]
    rows: list[tuple[str, tuple]]
    total: tuple[str, tuple] | None = None
    chart: str = ""
    figure: str = ""  # a picture drawn beforehand, such as the tile map of the cases by aimag

    @property
    def all_rows(self) -> list[tuple[str, tuple]]:
        return [*self.rows, *([self.total] if self.total else [])]

    def chart_svg(self) -> str:
        return bar_chart_svg(title=self.chart, bars=[(label, values[0]) for label, values in self.rows])


def dashboard_tables(figures: dict) -> list[DashboardTable]:
    """Arrange the figures of sep_dashboard_figures into the tables the dashboard shows and exports."""
    engagement, grievances, press = figures["engagement"], figures["grievances"], figures["press"]
    return [
        _consultation(engagement),
        _participants(engagement),
        _one_column(
            title=_("Engagement activities per month"),
            label_heading=_("Month"),
            column=_("Activities"),
            figures=[(item["month"], item["events"]) for item in engagement["events_by_month"]],
            chart=_("Engagement activities per month"),
        ),
        _grievances(grievances),
        _grievances_by_kind(grievances["by_kind"]),
        _one_column(
            title=_("Press materials by type"),
            label_heading=_("Type"),
            figures=[(dict(PressMaterialType.choices)[code], number) for code, number in press["by_type"].items()],
            total=press["total"],
            chart=_("Press materials by type"),
        ),
        *who_and_where_tables(figures["who_and_where"]),
    ]


def who_and_where_tables(counts: dict) -> list[DashboardTable]:
    """The cases by aimag, gender, age group and vulnerable group, exact: the dashboard is for staff only.

    Exact counts never name anyone (they come from the case's own fields, not
    the complainants' table); what is published (the statistics page, the
    disclosed report) hides the small ones instead (reporting.suppression).
    """
    tables = []
    for table in breakdown_tables(counts, suppressed=False):
        figure = ""
        if table.dimension == "aimag":
            totals = {row["code"]: row["cells"][TOTAL] for row in table.rows if row["code"] != NOT_GIVEN}
            figure = tile_map_svg(title=_("Cases received by aimag"), counts=totals, hidden_label="")
        tables.append(
            DashboardTable(
                title=table.title,
                label_heading=table.row_heading,
                columns=tuple(label for _code, label in table.columns),
                rows=[(row["label"], tuple(row["cells"].values())) for row in table.rows],
                total=(_("Total"), tuple(table.totals.values())) if table.totals else None,
                figure=figure,
            )
        )
    return tables


def _one_column(*, title, figures, label_heading=None, column=None, total=None, chart=""):
    """A table of (label, number) figures, headed "Indicator" and "Number" unless told otherwise."""
    return DashboardTable(
        title=title,
        label_heading=label_heading or _("Indicator"),
        columns=(column or _("Number"),),
        rows=[(label, (value,)) for label, value in figures],
        total=None if total is None else (_("Total"), (total,)),
        chart=chart,
    )


def _percent(share):
    """A share (0 to 1) as a whole percentage; None stays None (shown as a dash)."""
    return None if share is None else round(share * 100)


def _consultation(engagement):
    return _one_column(
        title=_("Consultation and engagement"),
        column=_("Value"),
        figures=[
            (_("Consultation meetings"), engagement["consultation_meetings"]),
            (_("Public discussions"), engagement["public_discussions"]),
            (_("Feedback items"), engagement["feedback_items"]),
            (_("Feedback items with a response"), engagement["feedback_responded"]),
            (_("Share of feedback items with a response, %"), _percent(engagement["response_share"])),
            (_("Median days to a response"), engagement["median_days_to_response"]),
        ],
    )


def _participants(engagement):
    by_sex, by_type = engagement["participants"], engagement["participants_by_type"]
    return _one_column(
        title=_("Participants"),
        label_heading=_("Participants"),
        figures=[
            (_("Women"), by_sex["female"]),
            (_("Men"), by_sex["male"]),
            (_("Other or not disclosed"), by_sex["other"]),
            (_("Government"), by_type["government"]),
            (_("Non-government"), by_type["non_government"]),
        ],
        total=by_sex["total"],
    )


def _grievances(grievances):
    return _one_column(
        title=_("Grievances"),
        figures=[
            (_("Received"), grievances["received"]),
            (_("Resolved"), grievances["resolved"]),
            (_("Resolved within the deadline"), grievances["resolved_within_deadline"]),
            (_("Appeals (the complainant said the issue was not resolved)"), grievances["appealed"]),
            (
                _("Share of complainants who said the issue was resolved, of those who answered, %"),
                _percent(grievances["resolved_yes_share"]),
            ),
            (_("Median working days waiting for the complainant"), grievances["median_working_days_waiting"]),
        ],
    )


def _grievances_by_kind(by_kind):
    kinds = dict(Kind.choices)
    return DashboardTable(
        title=_("Grievances by type"),
        label_heading=_("Type"),
        columns=(_("Received"), _("Resolved"), _("Resolved within the deadline")),
        rows=[
            (kinds[code], (row["received"], row["resolved"], row["within_deadline"])) for code, row in by_kind.items()
        ],
        chart=_("Grievances received by type"),
    )


def dashboard_export(tables: list[DashboardTable]) -> tuple[list, list]:
    """Return the header and rows of the dashboard download: one row per row on the screen.

    A row is (table title, label, values...). A table with several value
    columns is preceded by a row naming them, as on the screen.
    """
    header = [_("Section"), _("Indicator"), _("Value")]
    rows = []
    for table in tables:
        if len(table.columns) > 1:
            rows.append([table.title, table.label_heading, *table.columns])
        rows += [[table.title, label, *values] for label, values in table.all_rows]
    return header, rows
