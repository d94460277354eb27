"""The timeline drawn to scale: the days of the central dispute on one UTC axis, a lane per
reference zone with its own clock, each record a point (a known time) or a span (a part of a
day, a whole day), the central dispute's statements numbered.

Drawn at build time as plain SVG in the page (templates/timeline_drawing.svg.j2, autoescaped):
no script draws it and nothing is fetched. The geometry is worked out here; the template only
places it. Each mark links to its entry in the list below, which stays complete without it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from generator.dataset.link import Dataset
from generator.render.date_labels import MONTHS, date_label, zone_abbreviation, zone_place
from generator.render.templates_env import fragment
from generator.schema.models import Event, Statement
from generator.schema.time_values import local_time, zone_info

HOUR = 8
"""Drawing units (CSS pixels) per hour at most: 24 hours are 192, so three days fit a desktop
column and scroll inside their box on a phone."""
MAX_WIDTH = 1600
"""A longer window (a shelf of a large timeline may cover months) is drawn at a smaller scale,
so no drawing is wider than this."""
MAX_RECORDS = 500
"""Records one drawing shows at most (as many as a timeline page lists before it is
shelved): a larger window is not drawn whole, its shelves are, so no page outgrows its
budget."""
RIGHT_MARGIN = 64
"""Room after the window's end for the last tick's label."""
MAX_ROWS = 6
"""Rows of marks per lane at most: past them, marks overlap in the last row."""
PAD = 8
AXIS = 34
"""Height of the UTC axis at the top."""
LANE_HEAD = 34
"""Height of a lane's name and local-day band."""
ROW = 16
"""Height of one row of marks; overlapping marks take the next row."""
LANE_GAP = 10
TICK_HOURS = (0, 6, 12, 18)
LABELLED = {0, 12}
"""Hours whose tick is labelled: midnight with the date, noon with "12:00"."""
OTHER = "UTC"
"""The lane of records in no reference zone, drawn on UTC's clock."""


@dataclass(frozen=True)
class Tick:
    x: float
    label: str
    major: bool
    """A day's start (a longer line, and the date)."""


@dataclass(frozen=True)
class Mark:
    record_id: str
    href: str
    """Where the mark leads: the record's entry on this page (`#id`), or on its shelf."""
    label: str
    """Plain text: the link's accessible name (the template escapes it)."""
    x: float
    width: float
    """0 for a known time (a point), else the span's width."""
    y: float
    actors: str
    key: int | None
    """The number of a central statement, shown beside its mark and in the legend."""
    count: int = 1
    """Records sharing this span (all known only to the same day, say): one bar, counted."""
    members: str = ""
    """Each sharing record's actors, '|' between records: the filter recounts the bar."""
    hrefs: str = ""
    """Each sharing record's address, ' ' between them: the filter leads the bar to the first
    one it still shows."""


@dataclass(frozen=True)
class Lane:
    name: str
    top: float
    height: float
    ticks: tuple[Tick, ...]
    marks: tuple[Mark, ...]


@dataclass(frozen=True)
class KeyMoment:
    number: int
    record_id: str
    label: str


@dataclass(frozen=True)
class Drawing:
    svg: str
    """The SVG element, or '' when nothing falls in the window."""
    period: str
    """The window in words, e.g. '26–30 July 2022 (UTC)'."""
    shown: int
    outside: int
    """Records on the timeline but outside the window: they are in the list only."""
    keys: tuple[KeyMoment, ...]


def timeline_drawing(
    dataset: Dataset,
    titles: Mapping[str, str],
    ids: Sequence[str] | None = None,
    href: Callable[[str], str] = lambda record_id: f"#{record_id}",
    limit: int = MAX_RECORDS,
) -> Drawing:
    """The drawing of the central dispute's days (or of the busiest days without one), or of
    the records `ids` (a shelf of a large timeline) over the time they cover. `titles` gives
    each record's plain-text name, `href` the address of its entry (on this page, by
    default). A window holding more than `limit` records is not drawn."""
    pool = list(dataset.timeline if ids is None else ids)
    start, end = _window(dataset) if ids is None else _covered(dataset, pool)
    hours = max((end - start).total_seconds() / 3600, 1.0)
    scale = min(HOUR, MAX_WIDTH / hours)
    width = hours * scale

    def x(instant: datetime) -> float:
        return round(PAD + (instant - start).total_seconds() / 3600 * scale, 1)

    zones = list(dataset.explainer.reference_zones)
    chosen = set(pool)
    numbered = {i: n for i, n in _central_statements(dataset).items() if i in chosen}
    numbered = {i: index + 1 for index, i in enumerate(sorted(numbered, key=numbered.__getitem__))}
    longest = max(timedelta(days=2), (end - start) / 4)
    inside = [i for i in pool if _overlaps(dataset, i, start, end, longest)]
    if len(inside) > limit:
        return Drawing("", _period(start, end), 0, len(pool), ())
    lanes: list[Lane] = []
    top = float(AXIS)
    shown = 0
    for lane_zone in [*zones, *([OTHER] if OTHER not in zones else [])]:
        members = [
            record_id
            for record_id in pool
            if _lane_of(_record(dataset, record_id), zones) == lane_zone
            and _overlaps(dataset, record_id, start, end, longest)
        ]
        if not members:
            continue
        rows: list[float] = []  # the right edge of the last mark in each row
        marks = []
        for group in _shared_spans(dataset, members, numbered):
            first = group[0]
            key = dataset.sort_keys[first]
            left, right = x(max(key.start, start)), x(min(key.end, end))
            span = 0.0 if key.start == key.end else max(right - left, 4.0)
            reach = left + max(span, 10.0) + (14 if first in numbered else 0)
            row = next((i for i, edge in enumerate(rows) if edge + 3 <= left), len(rows))
            if row == MAX_ROWS:
                row = MAX_ROWS - 1  # crowded: overlap in the last row rather than grow
            if row == len(rows):
                rows.append(reach)
            rows[row] = max(rows[row], reach)
            actors = sorted({a for i in group for a in entry_actors(_record(dataset, i))})
            label = titles[first] if len(group) == 1 else _shared_label(dataset, group)
            if first in numbered:  # the number shown beside the mark is part of its name
                label = f"{numbered[first]}: {label}"
            marks.append(
                Mark(
                    first,
                    href(first),
                    label,
                    left,
                    round(span, 1),
                    top + LANE_HEAD + row * ROW + ROW / 2,
                    " ".join(actors),
                    numbered.get(first),
                    len(group),
                    "|".join(" ".join(entry_actors(_record(dataset, i))) for i in group),
                    " ".join(href(i) for i in group),
                )
            )
        height = LANE_HEAD + len(rows) * ROW + 4
        places = sorted({zone_place(_record(dataset, i).when.zone or "UTC") for i in members})
        elsewhere = "On UTC" if OTHER in zones else "Elsewhere, on UTC"
        name = (
            f"{elsewhere}: {', '.join(places)}"
            if lane_zone == OTHER
            else f"{zone_place(lane_zone)} time ({zone_abbreviation(start, lane_zone)})"
        )
        ticks = _ticks(lane_zone, start, end, x, scale)
        lanes.append(Lane(name, top, height, ticks, tuple(marks)))
        top += height + LANE_GAP
        shown += sum(mark.count for mark in marks)
    period = _period(start, end)
    keys = tuple(
        KeyMoment(number, record_id, titles[record_id])
        for record_id, number in sorted(numbered.items(), key=lambda item: item[1])
    )
    if not lanes:
        return Drawing("", period, 0, len(pool), ())
    svg = fragment(
        "timeline_drawing.svg.j2",
        width=round(width + 2 * PAD + RIGHT_MARGIN),
        height=round(top),
        axis=_ticks("UTC", start, end, x, scale),
        lanes=lanes,
        shown=shown,
        period=period,
        right=round(width + PAD),
    ).replace("\n", "")
    return Drawing(svg, period, shown, len(pool) - shown, keys)


def _shared_spans(
    dataset: Dataset, members: list[str], numbered: dict[str, int]
) -> list[list[str]]:
    """The lane's records in order, those with the same span (not an instant, not numbered)
    together: eight records known only to one day are one bar, not eight."""
    groups: list[list[str]] = []
    where: dict[tuple[datetime, datetime], int] = {}
    for record_id in members:
        key = dataset.sort_keys[record_id]
        shared = key.start != key.end and record_id not in numbered
        span = (key.start, key.end)
        if shared and span in where:
            groups[where[span]].append(record_id)
            continue
        if shared:
            where[span] = len(groups)
        groups.append([record_id])
    return groups


def _shared_label(dataset: Dataset, group: list[str]) -> str:
    """The accessible name of a bar several records share: how many, and the time they share."""
    when = _record(dataset, group[0]).when
    known = f"the {when.part_of_day} of" if when.part_of_day else ""
    day = date_label(when.date)
    return f"{len(group)} entries known only to {known + ' ' if known else ''}{day}"


def _record(dataset: Dataset, record_id: str) -> Statement | Event:
    return dataset.statements.get(record_id) or dataset.events[record_id]


def entry_actors(record: Statement | Event) -> list[str]:
    """The actors a timeline entry involves, which the filter matches: a statement's speaker
    and whom they spoke for, an event's actors."""
    if isinstance(record, Statement):
        return sorted({record.speaker, *filter(None, [record.on_behalf_of])})
    return sorted(record.actors)


def _lane_of(record: Statement | Event, zones: list[str]) -> str:
    zone = record.when.zone or "UTC"
    return zone if zone in zones else OTHER


def _overlaps(
    dataset: Dataset, record_id: str, start: datetime, end: datetime, longest: timedelta
) -> bool:
    """Whether the record falls in the window, and is not so long (a month, a year) that its
    bar would cover the drawing: those are in the list only."""
    key = dataset.sort_keys[record_id]
    return key.start < end and key.end >= start and key.end - key.start <= longest


def _covered(dataset: Dataset, ids: list[str]) -> tuple[datetime, datetime]:
    """The time some records cover, from the first start to the last end, leaving out records
    known only to a month or a year when others are more precise."""
    keys = [dataset.sort_keys[i] for i in ids]
    short = [k for k in keys if k.end - k.start <= timedelta(days=2)] or keys
    return _quarter(min(k.start for k in short), down=True), _quarter(
        max(k.end for k in short), down=False
    )


def _central_statements(dataset: Dataset) -> dict[str, int]:
    """The central contradiction's statements, numbered in timeline order."""
    front = dataset.explainer.front
    central = front.central_contradiction if front else None
    if central is None or central not in dataset.contradictions:
        return {}
    ids = {i for side in dataset.contradictions[central].sides for i in side.statements}
    ordered = [record_id for record_id in dataset.timeline if record_id in ids]
    return {record_id: index + 1 for index, record_id in enumerate(ordered)}


def _window(dataset: Dataset) -> tuple[datetime, datetime]:
    """From the start of the first central statement's day to the end of the last one's, as
    the records of those local days cover them in UTC; without a central dispute, the three
    days with the most records. Whole UTC quarter-days."""
    days = sorted(
        {_record(dataset, record_id).when.date for record_id in _central_statements(dataset)}
    )
    if not days:
        counts: dict[str, int] = {}
        for record_id in dataset.timeline:
            day = _record(dataset, record_id).when.date
            if len(day) == 10:
                counts[day] = counts.get(day, 0) + 1
        busiest = sorted(counts, key=lambda day: (-counts[day], day))[:3]
        days = sorted(busiest)
    if not days:
        first = dataset.sort_keys[dataset.timeline[0]].start if dataset.timeline else None
        start = first or datetime(2000, 1, 1).astimezone()
        return _quarter(start, down=True), _quarter(start + timedelta(days=1), down=False)
    within = [
        dataset.sort_keys[record_id]
        for record_id in dataset.timeline
        if days[0] <= _record(dataset, record_id).when.date <= days[-1]
        and len(_record(dataset, record_id).when.date) == 10
    ]
    start = min(key.start for key in within)
    end = max(key.end for key in within)
    return _quarter(start, down=True), _quarter(end, down=False)


def _quarter(instant: datetime, *, down: bool) -> datetime:
    base = instant.replace(minute=0, second=0, microsecond=0)
    base = base.replace(hour=base.hour - base.hour % 6)
    return base if down or base == instant else base + timedelta(hours=6)


def _ticks(
    zone: str,
    start: datetime,
    end: datetime,
    x: Callable[[datetime], float],
    scale: float,
) -> tuple[Tick, ...]:
    """The lane's clock, as dense as the scale allows: with room, a line at each local midnight
    (labelled with the date) and at 06, 12 and 18 (noon labelled); with less, a line per day
    (labelled while labels fit); with less still, a line per month, labelled with the month."""
    day = 24 * scale
    hours: tuple[int, ...]
    if scale >= 4:
        hours, every_day = TICK_HOURS, True
    else:
        hours, every_day = (0,), day >= 3
    info = zone_info(zone)
    first, last = local_time(start, zone).date(), local_time(end, zone).date()
    ticks = []
    current = first
    while current <= last:
        month_start = current.day == 1
        if every_day or month_start:
            for hour in hours:
                instant = datetime(current.year, current.month, current.day, hour, tzinfo=info)
                instant = instant.astimezone(UTC)
                if not start <= instant <= end:
                    continue
                major = hour == 0 and (day >= 40 or month_start)
                if hour == 0 and day >= 40:
                    label = f"{current.day} {MONTHS[current.month - 1][:3]}"
                elif hour == 0 and month_start:
                    label = f"{MONTHS[current.month - 1][:3]} {current.year}"
                else:
                    label = "12:00" if hour in LABELLED and hour else ""
                ticks.append(Tick(x(instant), label, major))
        current += timedelta(days=1)
    return tuple(ticks)


def _period(start: datetime, end: datetime) -> str:
    last = end - timedelta(seconds=1)
    if (start.year, start.month) == (last.year, last.month):
        return f"{start.day}–{last.day} {MONTHS[start.month - 1]} {start.year} (UTC)"
    first = f"{start.day} {MONTHS[start.month - 1]}" + (
        f" {start.year}" if start.year != last.year else ""
    )
    return f"{first} – {last.day} {MONTHS[last.month - 1]} {last.year} (UTC)"
