"""What the pages need beyond the records themselves: where each record lives, what each is
called, what refers to it, and the role an actor held on a date. All derived, never stored."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from generator.dataset.link import Dataset
from generator.dataset.references import iter_refs
from generator.render.date_labels import date_label
from generator.schema.field_types import Record
from generator.schema.models import KINDS, SINGULAR, Actor
from generator.schema.record_parts import Annotation, Role, Stance
from generator.schema.time_values import parse_date


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


def backlinks(index: dict[str, tuple[str, Record]]) -> dict[str, list[tuple[str, str]]]:
    """For each id in `index` (see `records`), the (kind, id) of every other record that
    refers to it, in a total order."""
    found: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for record_id, (kind, record) in index.items():
        for _loc, target, _marker in iter_refs(record):
            if target != record_id:
                found[target].add((kind, record_id))
    order = {kind: index for index, kind in enumerate(KINDS)}
    return {
        target: sorted(sources, key=lambda item: (order[item[0]], item[1]))
        for target, sources in found.items()
    }


@dataclass(frozen=True)
class Relations:
    """Who said what, where and about which claim, indexed once per build: a record page looks
    its neighbours up here instead of scanning every record (which made rendering quadratic)."""

    said_by: dict[str, list[str]]
    """Actor id -> statements they spoke, in timeline order."""
    events_of_actor: dict[str, list[str]]
    """Actor id -> events they took part in, in timeline order."""
    said_at: dict[str, list[str]]
    """Event id -> statements made at it, in timeline order."""
    said_about: dict[str, list[str]]
    """Event id -> statements about it made at other times (`about`), in timeline order."""
    contradictions_of_speaker: dict[str, list[str]]
    """Actor id -> contradictions with one of their statements on a side, sorted."""
    stances_of: dict[str, list[tuple[str, Stance]]]
    """Statement id -> (claim id, stance), in claim order then stance order."""
    passages_of: dict[str, list[tuple[str, Annotation]]]
    """Statement id -> (article id, annotation) that report it, in article then passage order."""

    @classmethod
    def of(cls, dataset: Dataset) -> Relations:
        said_by: dict[str, list[str]] = defaultdict(list)
        events_of_actor: dict[str, list[str]] = defaultdict(list)
        said_at: dict[str, list[str]] = defaultdict(list)
        said_about: dict[str, list[str]] = defaultdict(list)
        for record_id in dataset.timeline:
            if record_id in dataset.statements:
                statement = dataset.statements[record_id]
                said_by[statement.speaker].append(record_id)
                if statement.event is not None:
                    said_at[statement.event].append(record_id)
                for event_id in statement.about:
                    said_about[event_id].append(record_id)
            else:
                for actor_id in dict.fromkeys(dataset.events[record_id].actors):
                    events_of_actor[actor_id].append(record_id)
        speakers: dict[str, set[str]] = defaultdict(set)
        for contradiction_id, contradiction in dataset.contradictions.items():
            for side in contradiction.sides:
                for statement_id in side.statements:
                    speakers[dataset.statements[statement_id].speaker].add(contradiction_id)
        stances_of: dict[str, list[tuple[str, Stance]]] = defaultdict(list)
        for claim_id, claim in dataset.claims.items():
            for stance in claim.stances:
                stances_of[stance.statement].append((claim_id, stance))
        passages_of: dict[str, list[tuple[str, Annotation]]] = defaultdict(list)
        for article_id, article in dataset.articles.items():
            for annotation in article.annotations:
                for statement_id in dict.fromkeys(annotation.statements):
                    passages_of[statement_id].append((article_id, annotation))
        return cls(
            dict(said_by),
            dict(events_of_actor),
            dict(said_at),
            dict(said_about),
            {actor: sorted(found) for actor, found in speakers.items()},
            dict(stances_of),
            dict(passages_of),
        )


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
