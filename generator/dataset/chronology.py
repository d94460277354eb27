"""True chronological order of statements and events across time zones.

Each record's `when` covers a UTC interval: an instant for a timed record, a part of a day, a
whole local day, month or year otherwise. Records sort by the middle of that interval (of its
first day, for a span), then by its start and end, then by kind and id, which is a total
order and agrees with UTC for exact times. A record known only to its day sorts at its day's
local noon, not its midnight: across the date line, 5 February in Beijing (which began at
16:00 UTC on 4 February) comes after 14:39 on 4 February in New York (19:39 UTC). A record
whose time is unknown may say it came `after` another; its interval then starts no earlier
than that record's, and it sorts just after it.
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
    """How many `after` links lead here, so a follower sorts after what it follows."""
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
    code: str
    message: str
    hint: str


def sort_keys(
    moments: Mapping[str, Moment],
) -> tuple[dict[str, SortKey], list[OrderProblem]]:
    """A sort key per record id; `after` links that loop or cannot hold are problems."""
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
    # Walk the chain of `after` links iteratively, then fill keys back from its far end.
    chain: list[str] = []
    cyclic = False
    current: str | None = record_id
    while current is not None and current not in keys:
        if current in chain:
            loop = " -> ".join([*chain[chain.index(current) :], current])
            problems.append(
                OrderProblem(
                    current,
                    "after-cycle",
                    f"'after' links go round in a circle: {loop}",
                    "remove one of the 'after' links",
                )
            )
            cyclic = True
            break
        chain.append(current)
        after = moments[current].when.after
        current = after if after in moments else None
    for item in reversed(chain):
        when, interval, rank = moments[item].when, moments[item].interval, moments[item].rank
        leader = keys.get(when.after) if when.after and not cyclic else None
        if leader is None:
            keys[item] = SortKey(_middle(when), 0, interval.start, interval.end, rank, item)
            continue
        ends_first = interval.end < leader.start or (
            interval.end == leader.start and interval.start < interval.end
        )
        if ends_first:
            problems.append(
                OrderProblem(
                    item,
                    "after-impossible",
                    f"this record's time ends before '{when.after}' begins, "
                    "so it cannot come after it",
                    "check the date, or remove 'after'",
                )
            )
        start = max(interval.start, leader.start)
        position = max(_middle(when), leader.position)
        keys[item] = SortKey(
            position, leader.depth + 1, start, max(interval.end, start), rank, item
        )
    return keys[record_id]


def _middle(when: When) -> datetime:
    """The middle of the time `when` gives (a span's first day, not the whole span: a
    two-day meeting sorts on its first day)."""
    interval = interval_of(when)
    return interval.start + (interval.end - interval.start) / 2


def chronological(keys: Mapping[str, SortKey]) -> list[str]:
    return [key.id for key in sorted(keys.values())]
