"""True chronological order of statements and events across time zones.

Each record's `when` covers a UTC interval: an instant for a timed record, a whole local day,
month or year otherwise. Records sort by the start of that interval, then by its end, then by
kind and id, which is a total order and agrees with UTC: a record that ends before another
begins always comes first, and at a tie an event comes before the statements made at it.
A record whose time is unknown may say it came `after` another; its interval then starts no
earlier than that record's, and it sorts just after it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from generator.schema.field_types import When
from generator.schema.time_values import Interval


@dataclass(frozen=True, order=True)
class SortKey:
    start: datetime
    """Start of the interval, raised to the start of any record this one follows."""
    depth: int
    """How many `after` links lead here, so a follower sorts after what it follows."""
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
            keys[item] = SortKey(interval.start, 0, interval.end, rank, item)
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
        keys[item] = SortKey(start, leader.depth + 1, max(interval.end, start), rank, item)
    return keys[record_id]


def chronological(keys: Mapping[str, SortKey]) -> list[str]:
    return [key.id for key in sorted(keys.values())]
