"""The tile-grid map of Mongolia: one equal square per aimag, laid out in the country's shape, as SVG.

No map data: the positions are grievances.places.TILES. Every tile carries
its aimag's name and its number as text, so the map reads without colour;
the page puts the same figures in a table beside it.
"""

from django.utils.html import escape
from django.utils.safestring import mark_safe

from grievances.places import TILES, aimag_name

TILE = 96
GAP = 4
# Light to dark blue by share of the largest count; the text is dark on the light tiles and white on the dark.
SHADES = ["#e8eef7", "#c5d5ec", "#8fb0db", "#3f6fb0", "#1d4f91"]
HIDDEN_FILL = "#f2f2f2"


def _shade(value: int, largest: int) -> str:
    if not value:
        return "#ffffff"
    return SHADES[min(len(SHADES) - 1, (len(SHADES) * value - 1) // largest)]


def tile_map_svg(*, title: str, counts: dict[str, int | None], hidden_label: str) -> str:
    """Return the map: `counts` by aimag code, None for a hidden count (shown as `hidden_label`, e.g. "<3")."""
    columns = max(column for column, _row in TILES.values()) + 1
    rows = max(row for _column, row in TILES.values()) + 1
    width, height = columns * (TILE + GAP), rows * (TILE + GAP)
    largest = max((value or 0 for value in counts.values()), default=0) or 1
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" class="tile-map" viewBox="0 0 {width} {height}" '
        f'font-family="DejaVu Sans, sans-serif">',
        f"<title>{escape(title)}</title>",
    ]
    for code, (column, row) in TILES.items():
        value = counts.get(code, 0)
        x, y = column * (TILE + GAP), row * (TILE + GAP)
        fill = HIDDEN_FILL if value is None else _shade(value, largest)
        dark = fill in SHADES[3:]
        text = "#ffffff" if dark else "#1a1a1a"
        shown = hidden_label if value is None else str(value)
        parts.append(
            f'<rect x="{x}" y="{y}" width="{TILE}" height="{TILE}" fill="{fill}" stroke="#5a6b80" stroke-width="1"/>'
            f'<text x="{x + TILE / 2}" y="{y + 34}" text-anchor="middle" font-size="12" fill="{text}">'
            f"{escape(aimag_name(code))}</text>"
            f'<text x="{x + TILE / 2}" y="{y + 66}" text-anchor="middle" font-size="22" font-weight="bold" '
            f'fill="{text}">{escape(shown)}</text>'
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every text is escaped above
