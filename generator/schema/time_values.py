"""Partial dates, local times with IANA zones, and the UTC interval each one covers.

A date may be known to the year, month or day; a time needs a day and a zone. We keep what
the record says (local date, time, zone) and compute UTC from it, never the reverse, so the
site can show "14:12 EDT / 21:12 MSK" and still order records truly across zones.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from generator.schema.vocabulary import PART_OF_DAY_HOURS

if TYPE_CHECKING:  # field_types validates with this module, so only type checkers import it
    from generator.schema.field_types import When

# ASCII digits only, and the whole text: `$` would allow a final line break, `\d` any script's
# digits, and the published schema refuses both.
DATE_PATTERN = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", re.ASCII)
TIME_PATTERN = re.compile(r"([01]\d|2[0-3]):([0-5]\d)", re.ASCII)
EARLIEST_YEAR, LATEST_YEAR = 1900, 2100


@dataclass(frozen=True)
class PartialDate:
    """A calendar date known to the year, the month or the day."""

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def precision(self) -> str:
        return "day" if self.day else "month" if self.month else "year"

    def first_day(self) -> date:
        return date(self.year, self.month or 1, self.day or 1)

    def day_after_last(self) -> date:
        """The first day after the period this date covers."""
        if self.day:
            return self.first_day() + timedelta(days=1)
        if self.month:
            return date(self.year + (self.month == 12), self.month % 12 + 1, 1)
        return date(self.year + 1, 1, 1)

    def __str__(self) -> str:
        text = f"{self.year:04d}"
        if self.month:
            text += f"-{self.month:02d}"
        if self.day:
            text += f"-{self.day:02d}"
        return text


def parse_date(text: str) -> PartialDate:
    """Parse `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; raise ValueError with a reader-facing reason."""
    match = DATE_PATTERN.fullmatch(text)
    if not match:
        raise ValueError(f"'{text}' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = (int(part) if part else None for part in match.groups())
    assert year is not None
    if not EARLIEST_YEAR <= year <= LATEST_YEAR:
        raise ValueError(f"the year {year} is outside {EARLIEST_YEAR}-{LATEST_YEAR}")
    if month is not None and not 1 <= month <= 12:
        raise ValueError(f"'{text}' has no month {month}")
    if day is not None:
        try:
            date(year, month or 1, day)
        except ValueError:
            raise ValueError(f"'{text}' is not a day of the calendar") from None
    return PartialDate(year, month, day)


def parse_time(text: str) -> time:
    match = TIME_PATTERN.fullmatch(text)
    if not match:
        raise ValueError(f"'{text}' is not a 24-hour time of the form HH:MM")
    return time(int(match.group(1)), int(match.group(2)))


def zone_info(name: str) -> ZoneInfo:
    """The IANA zone `name`; raise ValueError naming the closest zone when it is unknown."""
    # ZoneInfo accepts file paths such as '../x'; only names from the IANA list are data.
    if name in all_zone_names():
        try:
            return ZoneInfo(name)
        except ZoneInfoNotFoundError:  # pragma: no cover - listed zones always load
            pass
    raise ValueError(f"'{name}' is not an IANA time zone name such as 'Europe/Paris'")


@functools.cache
def all_zone_names() -> frozenset[str]:
    """Every IANA zone name this machine knows (the pinned tzdata package guarantees them)."""
    return frozenset(available_timezones())


@dataclass(frozen=True, order=True)
class Interval:
    """The UTC span a record's time covers: an instant when start == end."""

    start: datetime
    end: datetime


def utc_interval(
    day: PartialDate, at: time | None, zone: str | None, hours: tuple[int, int] | None = None
) -> Interval:
    """The UTC interval for a local date (and optional time, or the `hours` of a part of the
    day) in `zone` (UTC when absent)."""
    tz = zone_info(zone) if zone else UTC
    if at is not None:
        instant = datetime.combine(day.first_day(), at, tzinfo=tz).astimezone(UTC)
        return Interval(instant, instant)
    if hours is not None:
        first = datetime.combine(day.first_day(), time(0), tzinfo=tz)
        start = (first + timedelta(hours=hours[0])).astimezone(UTC)
        end = (first + timedelta(hours=hours[1])).astimezone(UTC)
        return Interval(start, end)
    start = datetime.combine(day.first_day(), time(0), tzinfo=tz).astimezone(UTC)
    end = datetime.combine(day.day_after_last(), time(0), tzinfo=tz).astimezone(UTC)
    return Interval(start, end)


def interval_of(when: When, until: When | None = None) -> Interval:
    """The UTC interval of `when`, stretched to the end of `until` for a span."""
    start = _interval(when)
    if until is None:
        return start
    end = _interval(until)
    return Interval(start.start, max(start.end, end.end))


def _interval(when: When) -> Interval:
    hours = PART_OF_DAY_HOURS[when.part_of_day] if when.part_of_day else None
    at = parse_time(when.time) if when.time else None
    return utc_interval(parse_date(when.date), at, when.zone, hours)


def local_time(instant: datetime, zone: str) -> datetime:
    """`instant` as wall-clock time in `zone` (for showing it in the other reference zones)."""
    return instant.astimezone(zone_info(zone))
