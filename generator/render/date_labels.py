"""Dates and times as readers see them: precision kept, local time first, the other capital next.

"July 2022", "28 July 2022", "28 July 2022, 14:12 EDT (21:12 MSK)": we never show more
precision than the record has, and a time always names its zone.
"""

from __future__ import annotations

from datetime import UTC, datetime

from generator.schema.field_types import When
from generator.schema.time_values import local_time, parse_date, parse_time, zone_info

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
    name = local_time(instant, zone).tzname() or zone
    return f"UTC{name}" if name[:1] in "+-" else name


def instant_of(when: When) -> datetime | None:
    """The UTC instant of a timed `when`, or None when it has no time."""
    if when.time is None or when.zone is None:
        return None
    day = parse_date(when.date).first_day()
    local = datetime.combine(day, parse_time(when.time), tzinfo=zone_info(when.zone))
    return local.astimezone(UTC)


def time_label(when: When, zones: tuple[str, ...]) -> str:
    """The local time with its zone and its equivalent elsewhere, or '' without a time.

    `zones` are the explainer's reference zones: a time in one of them is also shown in the
    others, a time in UTC in each of them, and a time anywhere else in UTC."""
    instant = instant_of(when)
    if instant is None or when.zone is None:
        return ""
    approx = _APPROX_WORDS.get(when.approx or "", "")
    local = f"{approx}{when.time} {zone_abbreviation(instant, when.zone)}"
    if when.zone in zones:
        others = [z for z in zones if z != when.zone]
    elif when.zone in ("UTC", "Etc/UTC"):
        others = [z for z in zones if z not in ("UTC", "Etc/UTC")]
    else:
        others = ["UTC"]
    if not others:
        return local
    converted = ", ".join(
        f"{local_time(instant, z):%H:%M} {zone_abbreviation(instant, z)}" for z in others
    )
    return f"{local} ({converted})"


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


def day_heading(when: When) -> str:
    """The heading a timeline entry is grouped under: its own local date, at its precision."""
    return date_label(when.date)
