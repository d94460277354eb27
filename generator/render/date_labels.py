"""Dates and times as readers see them: precision kept, local time first, then the
explainer's other reference zones.

"July 2022", "28 July 2022", "28 July 2022, 14:12 EDT (20:12 CEST)": we never show more
precision than the record has, and a time always names its zone.
"""

from __future__ import annotations

import functools
from datetime import UTC, datetime, timedelta

from generator.schema.field_types import When
from generator.schema.time_values import (
    all_zone_names,
    interval_of,
    local_time,
    parse_date,
    parse_time,
    zone_info,
)
from generator.schema.vocabulary import PARTS_OF_DAY

MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


_APPROX_WORDS = {"about": "about ", "after": "after ", "before": "before "}


def date_label(text: str) -> str:
    """`2022-07-28` -> `28 July 2022`; `2022-07` -> `July 2022`; `2022` -> `2022`."""
    day = parse_date(text)
    if day.day and day.month:
        return f"{day.day} {MONTHS[day.month - 1]} {day.year}"
    if day.month:
        return f"{MONTHS[day.month - 1]} {day.year}"
    return str(day.year)


def zone_abbreviation(instant: datetime, zone: str) -> str:
    """The zone's abbreviation at `instant` ("EDT", "MSK"), or its UTC offset ("UTC+8") when
    the abbreviation names other offsets elsewhere: "CST" is Chicago's UTC-6 and China's UTC+8,
    "IST" India's, Ireland's and Israel's."""
    local = local_time(instant, zone)
    name = local.tzname() or zone
    if name[:1] in "+-":
        return f"UTC{name}"
    if len(_offsets_named(instant.year).get(name, ())) > 1:
        return _offset_label(local.utcoffset())
    return name


def _offset_label(offset: timedelta | None) -> str:
    minutes = int((offset or timedelta(0)).total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours}" + (f":{rest:02d}" if rest else "")


@functools.cache
def _offsets_named(year: int) -> dict[str, frozenset[timedelta]]:
    """Each abbreviation in use in `year` (in January or July, anywhere) and its offsets."""
    found: dict[str, set[timedelta]] = {}
    for zone in sorted(all_zone_names()):
        for month in (1, 7):
            local = datetime(year, month, 15, 12, tzinfo=UTC).astimezone(zone_info(zone))
            name, offset = local.tzname(), local.utcoffset()
            if name and offset is not None and name[:1] not in "+-":
                found.setdefault(name, set()).add(offset)
    return {name: frozenset(offsets) for name, offsets in found.items()}


def instant_of(when: When) -> datetime | None:
    """The UTC instant of a timed `when`, or None when it has no time."""
    if when.time is None or when.zone is None:
        return None
    day = parse_date(when.date).first_day()
    local = datetime.combine(day, parse_time(when.time), tzinfo=zone_info(when.zone))
    return local.astimezone(UTC)


def _others(zone: str, zones: tuple[str, ...]) -> list[str]:
    if zone in zones:
        return [z for z in zones if z != zone]
    if zone in ("UTC", "Etc/UTC"):
        return [z for z in zones if z not in ("UTC", "Etc/UTC")]
    return ["UTC"]


def _part_label(when: When, zones: tuple[str, ...]) -> str:
    """A part of the day with the hours it covers, locally and in the other zones."""
    assert when.part_of_day is not None and when.zone is not None
    span = interval_of(when)

    def hours(zone: str) -> str:
        start, end = local_time(span.start, zone), local_time(span.end, zone)
        last = (
            "24:00"
            if end.date() > start.date() and end.hour == 0 and end.minute == 0
            else (f"{end:%H:%M}")
        )
        return f"{start:%H:%M}–{last} {zone_abbreviation(span.start, zone)}"

    others = _others(when.zone, zones)
    converted = f" ({', '.join(hours(z) for z in others)})" if others else ""
    return f"{PARTS_OF_DAY.label(when.part_of_day)}, {hours(when.zone)}{converted}"


def time_label(when: When, zones: tuple[str, ...]) -> str:
    """The local time with its zone and its equivalent elsewhere, or '' without a time.

    `zones` are the explainer's reference zones: a time in one of them is also shown in the
    others, a time in UTC in each of them, and a time anywhere else in UTC."""
    if when.part_of_day is not None:
        return _part_label(when, zones)
    instant = instant_of(when)
    if instant is None or when.zone is None:
        return ""
    approx = _APPROX_WORDS.get(when.approx or "", "")
    local = f"{approx}{when.time} {zone_abbreviation(instant, when.zone)}"
    others = _others(when.zone, zones)
    if not others:
        return local
    day = parse_date(when.date).first_day()

    def elsewhere(zone: str) -> str:
        there = local_time(instant, zone)
        # Across the date line the other clock is on another day: say which.
        date_there = "" if there.date() == day else f" on {there.day} {MONTHS[there.month - 1]}"
        return f"{there:%H:%M} {zone_abbreviation(instant, zone)}{date_there}"

    return f"{local} ({', '.join(elsewhere(zone) for zone in others)})"


def when_label(when: When, zones: tuple[str, ...]) -> str:
    """The full reader-facing label: date, then time if known (see time_label)."""
    label = date_label(when.date)
    clock = time_label(when, zones)
    return f"{label}, {clock}" if clock else label


def entry_time(when: When, zones: tuple[str, ...]) -> str:
    """What a timeline entry shows under its day heading: the time, or that it is not known."""
    clock = time_label(when, zones)
    if clock:
        return clock
    precision = parse_date(when.date).precision
    return {"day": "time not known", "month": "day not known", "year": "month not known"}[precision]


def zone_place(zone: str) -> str:
    """A zone as a place readers know: `Asia/Shanghai` -> `Shanghai`, `UTC` -> `UTC`."""
    return zone.split("/")[-1].replace("_", " ")


def day_heading(when: When) -> str:
    """The heading a timeline entry is grouped under: its own local date, at its precision."""
    return date_label(when.date)
