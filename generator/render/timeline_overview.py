"""The timeline's overview: an SVG bar per day, drawn at build time, linking to that day.

No script draws it and nothing is fetched: it is plain SVG inside the page
(templates/timeline_overview.svg.j2, autoescaped), with a title and a description for screen
readers and a text label on every bar. The geometry is worked out here.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.render.templates_env import fragment

ROW_HEIGHT = 22
LABEL_WIDTH = 150
BAR_MAX = 260
COUNT_GAP = 6


@dataclass(frozen=True)
class Day:
    label: str
    anchor: str
    count: int


@dataclass(frozen=True)
class Bar:
    day: Day
    top: int
    """The row's top edge."""
    length: int
    noun: str
    """`entry` or `entries`."""


def overview_svg(days: list[Day]) -> str:
    """One horizontal bar per day group, its length proportional to the entries that day."""
    most = max((day.count for day in days), default=1)
    bars = [
        Bar(
            day,
            index * ROW_HEIGHT + 2,
            max(2, round(BAR_MAX * day.count / most)),
            "entry" if day.count == 1 else "entries",
        )
        for index, day in enumerate(days)
    ]
    return fragment(
        "timeline_overview.svg.j2",
        bars=bars,
        width=LABEL_WIDTH + BAR_MAX + 80,
        height=ROW_HEIGHT * len(days) + 4,
        total=sum(day.count for day in days),
        days=len(days),
        label_width=LABEL_WIDTH,
        row_height=ROW_HEIGHT,
        count_gap=COUNT_GAP,
    ).replace("\n", "")
