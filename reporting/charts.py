"""Bar charts drawn on the server as SVG, for the PDFs and the dashboard (no JavaScript)."""

from django.utils.html import escape
from django.utils.safestring import mark_safe

LABEL_WIDTH = 190
BAR_AREA = 300
ROW_HEIGHT = 22
BAR_HEIGHT = 14
COLOUR = "#1d4f91"


def bar_chart_svg(*, title: str, bars: list[tuple[str, int]], label_width: int = LABEL_WIDTH) -> str:
    """Return an inline SVG horizontal bar chart; the title is its accessible name.

    Every bar carries its number as text, so the chart reads without colour
    and the figures survive pdftotext.
    """
    largest = max((value for _label, value in bars), default=0) or 1
    width = label_width + BAR_AREA + 50
    height = ROW_HEIGHT * len(bars) + 30
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" font-family="DejaVu Sans, sans-serif" font-size="11">',
        f"<title>{escape(title)}</title>",
        f'<text x="0" y="14" font-weight="bold" font-size="12">{escape(title)}</text>',
    ]
    for index, (label, value) in enumerate(bars):
        y = 24 + index * ROW_HEIGHT
        bar = round(BAR_AREA * value / largest)
        parts.append(f'<text x="{label_width - 6}" y="{y + 11}" text-anchor="end">{escape(label)}</text>')
        parts.append(f'<rect x="{label_width}" y="{y}" width="{bar}" height="{BAR_HEIGHT}" fill="{COLOUR}"/>')
        parts.append(f'<text x="{label_width + bar + 4}" y="{y + 11}">{value}</text>')
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every label is escaped above
