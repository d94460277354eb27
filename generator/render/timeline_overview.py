"""The timeline's overview: an SVG bar per day, drawn at build time, linking to that day.

No script draws it and nothing is fetched: it is plain SVG inside the page, with a title and
a description for screen readers and a text label on every bar.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

ROW_HEIGHT = 22
LABEL_WIDTH = 150
BAR_MAX = 260
COUNT_GAP = 6


@dataclass(frozen=True)
class Day:
    label: str
    anchor: str
    count: int


def overview_svg(days: list[Day]) -> str:
    """One horizontal bar per day group, its length proportional to the entries that day."""
    most = max((day.count for day in days), default=1)
    width = LABEL_WIDTH + BAR_MAX + 80
    height = ROW_HEIGHT * len(days) + 4
    total = sum(day.count for day in days)
    rows = []
    for index, day in enumerate(days):
        y = index * ROW_HEIGHT + 2
        bar = max(2, round(BAR_MAX * day.count / most))
        label = html.escape(day.label)
        noun = "entry" if day.count == 1 else "entries"
        rows.append(
            f'<a href="#{html.escape(day.anchor)}">'
            f'<text x="{LABEL_WIDTH - 8}" y="{y + 15}" text-anchor="end">{label}</text>'
            f'<rect x="{LABEL_WIDTH}" y="{y + 3}" width="{bar}" height="{ROW_HEIGHT - 6}" rx="2"/>'
            f'<text x="{LABEL_WIDTH + bar + COUNT_GAP}" y="{y + 15}">{day.count} {noun}</text></a>'
        )
    return (
        f'<svg class="timeline-overview" viewBox="0 0 {width} {height}" role="group" '
        f'aria-labelledby="overview-title overview-desc" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="overview-title">Entries per day</title>'
        f'<desc id="overview-desc">{total} events and statements over {len(days)} days; '
        f"each bar links to that day in the list below.</desc>" + "".join(rows) + "</svg>"
    )
