"""An accessible horizontal bar chart as inline SVG, for outcome pages.

The chart is a picture of a table that sits next to it on the page: the SVG
has ``role="img"``, a ``<title>`` and a ``<desc>`` that reads out every bar,
and says where the table is. Nothing is loaded from anywhere: the SVG is part
of the page. Colours meet 3:1 against white (bars) and 4.5:1 (text).
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

WIDTH = 420  # narrow enough that the text stays readable on a phone
BAR_AREA = 310  # the longest bar; the rest is room for its value
ROW = 46  # label line, then the bar
BAR_HEIGHT = 18
BAR_COLOUR = "#1d70b8"
TEXT_COLOUR = "#0b0c0c"


@dataclass(frozen=True)
class Bar:
    label: str  # plain text, escaped here
    value: float  # the bar's length, relative to the largest
    text: str  # what is written beside the bar, such as "35 (24%)"


def bar_chart(chart_id: str, title: str, bars: list[Bar], table_note: str) -> str:
    """A <figure> with a caption and an SVG bar chart. ``chart_id`` must be unique on the page."""
    largest = max((b.value for b in bars), default=0) or 1
    height = ROW * len(bars) + 4
    rows = []
    for i, bar in enumerate(bars):
        top = i * ROW
        length = round(BAR_AREA * bar.value / largest, 1)
        rows.append(
            f'<text x="0" y="{top + 16}" font-size="15" fill="{TEXT_COLOUR}">{escape(bar.label)}</text>'
            f'<rect x="0" y="{top + 22}" width="{length}" height="{BAR_HEIGHT}" fill="{BAR_COLOUR}"></rect>'
            f'<text x="{length + 8}" y="{top + 36}" font-size="15" fill="{TEXT_COLOUR}">{escape(bar.text)}</text>'
        )
    description = "; ".join(f"{b.label}: {b.text}" for b in bars) + f". {table_note}"
    return (
        f'<figure class="consultation-chart" id="{escape(chart_id)}">'
        f"<figcaption>{escape(title)}</figcaption>"
        f'<svg role="img" aria-labelledby="{escape(chart_id)}-title {escape(chart_id)}-desc" '
        f'viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" style="max-width: 100%; height: auto" '
        'xmlns="http://www.w3.org/2000/svg">'
        f'<title id="{escape(chart_id)}-title">Bar chart: {escape(title)}</title>'
        f'<desc id="{escape(chart_id)}-desc">{escape(description)}</desc>' + "".join(rows) + "</svg></figure>\n"
    )
