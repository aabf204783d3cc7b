"""Lay out the interest/influence grid as SVG shapes; the template only draws them.

The grid must be readable without colour: every cell carries its position in
words, its engagement approach, a count and the names, and the approach is also
shown by a fill pattern explained in a legend.
"""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .models import Level

CELL_WIDTH = 300
CELL_HEIGHT = 200
LEFT = 110
TOP = 20
LINE_HEIGHT = 16
NAMES_PER_CELL = 7
NAME_LENGTH = 40

APPROACHES = {
    "manage": (gettext_lazy("Manage closely"), "grid-crosshatch"),
    "satisfy": (gettext_lazy("Keep satisfied"), "grid-diagonal"),
    "inform": (gettext_lazy("Keep informed"), "grid-dots"),
    "monitor": (gettext_lazy("Monitor"), "grid-plain"),
}


def engagement_approach(interest, influence):
    """Name the usual approach for a cell: high influence needs satisfying, high interest informing."""
    if influence == Level.HIGH and interest == Level.HIGH:
        return "manage"
    if influence == Level.HIGH:
        return "satisfy"
    if interest == Level.HIGH:
        return "inform"
    return "monitor"


def _shorten(name):
    return name if len(name) <= NAME_LENGTH else name[: NAME_LENGTH - 1].rstrip() + "…"


def grid_layout(rows):
    """Turn the rows of `stakeholder_grid()` into positioned cells, axis labels and legend entries."""
    levels = dict(Level.choices)
    cells = []
    for row_index, row in enumerate(rows):
        for column_index, cell in enumerate(row["cells"]):
            x, y = LEFT + column_index * CELL_WIDTH, TOP + row_index * CELL_HEIGHT
            approach, pattern = APPROACHES[engagement_approach(cell["interest"], cell["influence"])]
            names = [_shorten(item["name"]) for item in cell["stakeholders"][:NAMES_PER_CELL]]
            hidden = len(cell["stakeholders"]) - len(names)
            if hidden > 0:
                names.append(_("and %(count)s more") % {"count": hidden})
            heading = _("Interest: %(interest)s, influence: %(influence)s") % {
                "interest": levels[cell["interest"]].lower(),
                "influence": levels[cell["influence"]].lower(),
            }
            cells.append(
                {
                    "x": x,
                    "y": y,
                    "text_x": x + 10,
                    "heading": heading,
                    "heading_y": y + 22,
                    "approach": f"{approach} ({len(cell['stakeholders'])})",
                    "approach_y": y + 40,
                    "pattern": pattern,
                    "names": [{"text": name, "y": y + 62 + index * LINE_HEIGHT} for index, name in enumerate(names)],
                }
            )
    return {
        "width": LEFT + 3 * CELL_WIDTH + 10,
        "height": TOP + 3 * CELL_HEIGHT + 60,
        "cell_width": CELL_WIDTH,
        "cell_height": CELL_HEIGHT,
        "cells": cells,
        "row_labels": [
            {"text": levels[row["influence"]], "x": LEFT - 10, "y": TOP + index * CELL_HEIGHT + CELL_HEIGHT // 2}
            for index, row in enumerate(rows)
        ],
        "column_labels": [
            {
                "text": levels[cell["interest"]],
                "x": LEFT + index * CELL_WIDTH + CELL_WIDTH // 2,
                "y": TOP + 3 * CELL_HEIGHT + 22,
            }
            for index, cell in enumerate(rows[0]["cells"])
        ],
        "x_axis": {"x": LEFT + 3 * CELL_WIDTH // 2, "y": TOP + 3 * CELL_HEIGHT + 48},
        "y_axis": {"x": 24, "y": TOP + 3 * CELL_HEIGHT // 2},
        "legend": [{"label": label, "pattern": pattern} for label, pattern in APPROACHES.values()],
    }
