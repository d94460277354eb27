"""True chronological order of statements and events across time zones.

Each record's `when` covers a UTC interval: an instant for a timed record, a part of a day, a
whole local day, month or year otherwise. Records sort by the middle of that interval (of its
first day, for a span), then by its start and end, then by kind and id, which is a total
order and agrees with UTC for exact times. A record known only to its day sorts at its day's
local noon, not its midnight: across the date line, 5 February in Beijing (which began at
16:00 UTC on 4 February) comes after 14:39 on 4 February in New York (19:39 UTC). A record
whose time is unknown may say it came `after` another; its interval then starts no earlier
than that record's, and it sorts just after it. Or it may say it came `before` another: its
interval then ends no later than that record's, and it sorts just before it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from generator.schema.field_types import When
from generator.schema.time_values import Interval, interval_of


@dataclass(frozen=True, order=True)
class SortKey:
    position: datetime
    """The middle of the interval, raised to the position of any record this one follows."""
    depth: int
    """How many `after` links lead here (less how many `before` links), so a follower sorts
    after what it follows and a precursor before what it precedes."""
    start: datetime
    """Start of the interval, raised to the start of any record this one follows."""
    end: datetime
    rank: int
    """0 for an event, 1 for a statement: an event comes before what was said at it."""
    id: str


@dataclass(frozen=True)
class Moment:
    """What ordering needs to know of a statement or event."""

    when: When
    interval: Interval
    rank: int


@dataclass(frozen=True)
class OrderProblem:
    record_id: str
    link: str
    """The field at fault: `after` or `before`."""
    code: str
    message: str
    hint: str


_CODES = {
    "after": ("after-cycle", "after-impossible"),
    "before": ("before-cycle", "before-impossible"),
}
"""Each link's problem codes: a loop, a link the dates contradict."""


def _link(when: When) -> tuple[str, str] | None:
    """The order link a record gives, as (field, target id), if any."""
    if when.after:
        return "after", when.after
    if when.before:
        return "before", when.before
    return None


def sort_keys(
    moments: Mapping[str, Moment],
) -> tuple[dict[str, SortKey], list[OrderProblem]]:
    """A sort key per record id; `after` and `before` links that loop or cannot hold are
    problems."""
    keys: dict[str, SortKey] = {}
    problems: list[OrderProblem] = []
    for record_id in sorted(moments):
        _resolve(record_id, moments, keys, problems)
    return keys, problems


def _resolve(
    record_id: str,
    moments: Mapping[str, Moment],
    keys: dict[str, SortKey],
    problems: list[OrderProblem],
) -> SortKey:
    # Walk the chain of order links iteratively, then fill keys back from its far end.
    chain: list[str] = []
    cyclic = False
    current: str | None = record_id
    while current is not None and current not in keys:
        if current in chain:
            members = chain[chain.index(current) :]
            loop = " -> ".join([*members, current])
            fields = sorted({(_link(moments[m].when) or ("after", ""))[0] for m in members})
            field = (_link(moments[current].when) or ("after", ""))[0]
            named = " and ".join(f"'{f}'" for f in fields)
            problems.append(
                OrderProblem(
                    current,
                    field,
                    _CODES[field][0],
                    f"{named} links go round in a circle: {loop}",
                    f"remove one of the {named} links"
                    if len(fields) == 1
                    else "one link is enough to order two records: remove one of them",
                )
            )
            cyclic = True
            break
        chain.append(current)
        link = _link(moments[current].when)
        current = link[1] if link and link[1] in moments else None
    for item in reversed(chain):
        keys[item] = _key(item, moments[item], keys, None if cyclic else problems)
    return keys[record_id]


def _key(
    item: str, moment: Moment, keys: Mapping[str, SortKey], problems: list[OrderProblem] | None
) -> SortKey:
    """The record's key, given the keys of the record it follows or precedes (None when its
    links go round in a circle: it then sorts by its own time)."""
    when, interval, rank = moment.when, moment.interval, moment.rank
    link = _link(when)
    other = keys.get(link[1]) if link and problems is not None else None
    if link is None or other is None or problems is None:
        return SortKey(_middle(when), 0, interval.start, interval.end, rank, item)
    field, target = link
    if field == "after":
        impossible = interval.end < other.start or (
            interval.end == other.start and interval.start < interval.end
        )
        start = max(interval.start, other.start)
        position = max(_middle(when), other.position)
        key = SortKey(position, other.depth + 1, start, max(interval.end, start), rank, item)
        limit = "ends before"
    else:
        impossible = interval.start > other.end or (
            interval.start == other.end and interval.start < interval.end
        )
        end = min(interval.end, other.end)
        position = min(_middle(when), other.position)
        key = SortKey(position, other.depth - 1, min(interval.start, end), end, rank, item)
        limit = "starts after"
    if impossible:
        problems.append(
            OrderProblem(
                item,
                field,
                _CODES[field][1],
                f"this record's time {limit} '{target}' {'begins' if field == 'after' else 'ends'}"
                f", so it cannot come {field} it",
                f"check the date, or remove '{field}'",
            )
        )
    return key


def _middle(when: When) -> datetime:
    """The middle of the time `when` gives (a span's first day, not the whole span: a
    two-day meeting sorts on its first day)."""
    interval = interval_of(when)
    return interval.start + (interval.end - interval.start) / 2


def chronological(keys: Mapping[str, SortKey]) -> list[str]:
    return [key.id for key in sorted(keys.values())]
