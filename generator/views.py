"""What the pages need beyond the records themselves: where each record lives, what each is
called, what refers to it, and the role an actor held on a date. All derived, never stored."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from .dates import date_label
from .fields import Record
from .link import Dataset
from .models import KINDS, SINGULAR, Actor, Role
from .refs import iter_refs
from .when import parse_date

PAGE_PER_RECORD = ("actors", "events", "statements", "sources", "articles")
"""Kinds with a page per record; claims and contradictions are sections of one page each."""


@dataclass(frozen=True, order=True)
class Place:
    """Where a record is shown: a page, and an anchor on it for records without their own."""

    page: str
    anchor: str | None = None


def place_of(kind: str, record_id: str) -> Place:
    if kind in PAGE_PER_RECORD:
        return Place(f"{kind}/{record_id}.md")
    return Place(f"{kind}.md", record_id)


def records(dataset: Dataset) -> dict[str, tuple[str, Record]]:
    """Every record by id, with its kind."""
    return {
        record_id: (kind, record)
        for kind in KINDS
        for record_id, record in getattr(dataset, kind).items()
    }


def title_of(dataset: Dataset, kind: str, record_id: str) -> str:
    """The plain-text name of a record wherever it is mentioned."""
    record = getattr(dataset, kind)[record_id]
    if kind == "actors":
        return str(record.name)
    if kind == "statements":
        speaker = dataset.actors[record.speaker].name
        return f"{speaker}, {date_label(record.when.date)}: {record.summary}"
    if kind == "sources":
        return f"{record.publisher}: {record.title}" if record.title else str(record.publisher)
    if kind == "claims":
        return str(record.proposition)
    if kind == "glossary":
        return str(record.term)
    return str(record.title)


def backlinks(dataset: Dataset) -> dict[str, list[tuple[str, str]]]:
    """For each id, the (kind, id) of every other record that refers to it, in a total order."""
    found: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for record_id, (kind, record) in records(dataset).items():
        for _loc, target, _marker in iter_refs(record):
            if target != record_id:
                found[target].add((kind, record_id))
    order = {kind: index for index, kind in enumerate(KINDS)}
    return {
        target: sorted(sources, key=lambda item: (order[item[0]], item[1]))
        for target, sources in found.items()
    }


def role_at(actor: Actor, date: str) -> Role | None:
    """The first role the actor held on `date` (roles without dates hold at any date)."""
    day = parse_date(date).first_day()
    for role in actor.roles:
        starts = parse_date(role.start).first_day() if role.start else None
        ends = parse_date(role.end).day_after_last() if role.end else None
        if (starts is None or starts <= day) and (ends is None or day < ends):
            return role
    return None


def kind_label(kind: str) -> str:
    return SINGULAR[kind]
