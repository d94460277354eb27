"""Link the loaded records into one Dataset: ids, references, cross-record rules, chronology.

Runs only once every file has loaded and validated on its own, so no check here sees a
half-read dataset or depends on discovery order.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from .chronology import Moment, SortKey, chronological, interval_of, sort_keys
from .common_words import common_forms, explainer_languages
from .diagnostics import Diagnostic, did_you_mean
from .explain import format_loc
from .fields import Record
from .load import Loaded
from .models import (
    KINDS,
    SINGULAR,
    Actor,
    Article,
    Claim,
    Contradiction,
    Event,
    Source,
    Statement,
    Term,
)
from .passages import closest_passage, find_occurrences, locate, paragraph_spans
from .refs import iter_refs
from .when import parse_date
from .yamlio import Loc


@dataclass(frozen=True)
class Dataset:
    """Every record by kind and id, with the chronological order of statements and events."""

    actors: dict[str, Actor] = field(default_factory=dict)
    sources: dict[str, Source] = field(default_factory=dict)
    events: dict[str, Event] = field(default_factory=dict)
    statements: dict[str, Statement] = field(default_factory=dict)
    claims: dict[str, Claim] = field(default_factory=dict)
    contradictions: dict[str, Contradiction] = field(default_factory=dict)
    articles: dict[str, Article] = field(default_factory=dict)
    glossary: dict[str, Term] = field(default_factory=dict)
    timeline: tuple[str, ...] = ()
    """Ids of statements and events in true chronological order."""
    sort_keys: dict[str, SortKey] = field(default_factory=dict)
    """The key each statement and event sorts by (UTC start, `after` depth, UTC end, kind, id)."""

    def counts(self) -> dict[str, int]:
        return {kind: len(getattr(self, kind)) for kind in KINDS}


def link(loaded: list[Loaded]) -> tuple[Dataset | None, list[Diagnostic]]:
    """Build the Dataset, or return every problem that prevents it."""
    ordered = sorted(loaded, key=lambda item: (item.origin.shown_path, item.id))
    index, problems = _index(ordered)
    for item in ordered:
        problems.extend(_reference_problems(item, index))
    if problems:
        # Rules below follow references; with a broken one they would only add noise.
        return None, problems
    by_kind: dict[str, dict[str, Record]] = {kind: {} for kind in KINDS}
    for item in ordered:
        by_kind[item.kind][item.id] = item.record
    for item in ordered:
        problems.extend(_rule_problems(item, by_kind))
    languages = explainer_languages(item.record for item in ordered)
    for item in ordered:
        if isinstance(item.record, Term):
            problems.extend(_common_word_problems(item, item.record, languages))
    moments = _moments(by_kind)
    keys, order_problems = sort_keys(moments)
    for problem in order_problems:
        origin = index[problem.record_id]
        problems.append(_at(origin, ("when", "after"), problem.code, problem.message, problem.hint))
    if problems:
        return None, problems
    dataset = Dataset(
        **{kind: dict(sorted(records.items())) for kind, records in by_kind.items()},  # type: ignore[arg-type]
        timeline=tuple(chronological(keys)),
        sort_keys=keys,
    )
    return dataset, []


def _index(ordered: list[Loaded]) -> tuple[dict[str, Loaded], list[Diagnostic]]:
    index: dict[str, Loaded] = {}
    problems: list[Diagnostic] = []
    for item in ordered:
        first = index.get(item.id)
        if first is None:
            index[item.id] = item
            continue
        problems.append(
            Diagnostic(
                item.origin.shown_path,
                0,
                0,
                "duplicate-id",
                "",
                f"the id '{item.id}' is already used by {first.origin.shown_path}",
                "ids are unique across all kinds; rename one of the two files",
            )
        )
    return index, problems


def _reference_problems(item: Loaded, index: dict[str, Loaded]) -> Iterator[Diagnostic]:
    for loc, target, marker in iter_refs(item.record):
        found = index.get(target)
        expected = " or ".join(SINGULAR[kind] for kind in marker.kinds)
        if found is None:
            code = (
                f"unknown-{SINGULAR[marker.kinds[0]]}" if len(marker.kinds) == 1 else "unknown-ref"
            )
            candidates = [key for key, value in index.items() if value.kind in marker.kinds]
            hint = did_you_mean(target, candidates) or (
                f"no such file under data/{marker.kinds[0]}/; add it or correct the id"
            )
            yield _at(item, loc, code, f"no {expected} '{target}'", hint)
        elif found.kind not in marker.kinds:
            yield _at(
                item,
                loc,
                "wrong-kind",
                f"'{target}' is {_article(SINGULAR[found.kind])}, not {_article(expected)}",
                f"use the id of {_article(expected)} here",
            )
        elif target == item.id:
            yield _at(item, loc, "self-reference", "a record cannot refer to itself", "")


def _rule_problems(item: Loaded, by_kind: dict[str, dict[str, Record]]) -> Iterator[Diagnostic]:
    record = item.record
    if isinstance(record, Source) and (record.url is None) == (record.url_missing is None):
        yield _at(
            item,
            ("url",),
            "url-or-reason",
            "give either 'url' or, when no address was found, 'url_missing'",
            "never invent an address: say why it is missing instead",
        )
    if isinstance(record, Actor):
        for index, role in enumerate(record.roles):
            if (
                role.start
                and role.end
                and parse_date(role.end).day_after_last() <= parse_date(role.start).first_day()
            ):
                yield _at(
                    item, ("roles", index, "to"), "bad-range", "the role ends before it starts", ""
                )
    if (
        isinstance(record, Event)
        and record.until is not None
        and interval_of(record.until).end <= interval_of(record.when).start
    ):
        yield _at(item, ("until", "date"), "bad-range", "'until' is before 'when'", "")
    if isinstance(record, Statement):
        yield from _statement_rules(item, record, by_kind)
    if isinstance(record, Contradiction):
        yield from _contradiction_rules(item, record)
    if isinstance(record, Article):
        yield from _article_rules(item, record)


def _statement_rules(
    item: Loaded, record: Statement, by_kind: dict[str, dict[str, Record]]
) -> Iterator[Diagnostic]:
    if record.words is None and not record.translations and record.fidelity != "paraphrase":
        yield _at(
            item,
            ("fidelity",),
            "words-missing",
            f"fidelity '{record.fidelity}' needs the words, in the original or in translation",
            "add 'words:' (or 'translations:' when the original is not available), "
            "or set 'fidelity: paraphrase'",
        )
    for index, translation in enumerate(record.translations):
        if record.words is not None and translation.lang == record.words.lang:
            yield _at(
                item,
                ("translations", index, "lang"),
                "same-language",
                f"a translation into '{translation.lang}', the language of the words",
                "a second version in the same language belongs in 'reported_in' excerpts",
            )
    if record.event is not None:
        event = by_kind["events"][record.event]
        assert isinstance(event, Event)
        said = interval_of(record.when)
        happened = interval_of(event.when, event.until)
        if (
            said.end < happened.start
            or said.start > happened.end
            or (said.end == happened.start and said.start < said.end)
        ):
            yield _at(
                item,
                ("when", "date"),
                "date-outside-event",
                f"the statement's date does not fall within its event '{record.event}'",
                "correct the date, or the event",
            )


def _contradiction_rules(item: Loaded, record: Contradiction) -> Iterator[Diagnostic]:
    for index, side in enumerate(record.sides):
        if not side.statements and not side.sources:
            yield _at(
                item,
                ("sides", index),
                "empty-side",
                "a side names no statement and no source",
                "add 'statements:' or 'sources:' to this side",
            )
    if record.status == "resolved" and (
        record.settled_by is None or not (record.settled_by.events or record.settled_by.sources)
    ):
        yield _at(
            item,
            ("status",),
            "unsettled",
            "a resolved contradiction must name the events or sources that settle it",
            "add 'settled_by:' with 'events:' or 'sources:' and a 'note:'",
        )


def _article_rules(item: Loaded, record: Article) -> Iterator[Diagnostic]:
    placed: list[tuple[int, int, int]] = []
    paragraphs = paragraph_spans(record.text)
    for index, annotation in enumerate(record.annotations):
        start = locate(record.text, annotation.passage, annotation.occurrence)
        if start is None:
            continue
        end = start + len(annotation.passage)
        if not any(p_start <= start and end <= p_end for p_start, p_end in paragraphs):
            yield _at(
                item,
                ("annotations", index, "passage"),
                "passage-spans-paragraphs",
                "the passage runs across a paragraph break",
                "annotate each paragraph's part separately",
            )
        for other_start, other_end, other_index in placed:
            if start < other_end and other_start < end:
                yield _at(
                    item,
                    ("annotations", index, "passage"),
                    "overlapping-passages",
                    f"the passage overlaps annotation {other_index + 1}'s passage",
                    "shorten one of them so that each stretch of text has one note",
                )
        placed.append((start, end, index))
    for index, annotation in enumerate(record.annotations):
        found = find_occurrences(record.text, annotation.passage)
        if not found:
            closest = closest_passage(record.text, annotation.passage)
            yield _at(
                item,
                ("annotations", index, "passage"),
                "passage-not-found",
                "the passage does not occur verbatim in the article's text",
                f"the closest passage is: {closest!r}" if closest else "copy the passage exactly",
            )
        elif annotation.occurrence > len(found):
            yield _at(
                item,
                ("annotations", index, "occurrence"),
                "passage-not-found",
                f"the passage occurs {len(found)} time(s), not {annotation.occurrence}",
                f"use an occurrence from 1 to {len(found)}",
            )


def _common_word_problems(
    item: Loaded, term: Term, languages: frozenset[str]
) -> Iterator[Diagnostic]:
    for loc, form in common_forms(term, languages):
        yield _at(
            item,
            loc,
            "common-word",
            f"'{form}' is a common word: it would be marked wherever it occurs on the site",
            "use a more specific form, or set 'mark_common_words: true' if that is intended",
        )


def _moments(by_kind: dict[str, dict[str, Record]]) -> dict[str, Moment]:
    moments: dict[str, Moment] = {}
    for record_id, event in by_kind["events"].items():
        assert isinstance(event, Event)
        moments[record_id] = Moment(event.when, interval_of(event.when, event.until), 0)
    for record_id, statement in by_kind["statements"].items():
        assert isinstance(statement, Statement)
        moments[record_id] = Moment(statement.when, interval_of(statement.when), 1)
    return moments


def _at(item: Loaded, loc: Loc, code: str, message: str, hint: str) -> Diagnostic:
    line, col = item.origin.positions.find(loc)
    return Diagnostic(item.origin.shown_path, line, col, code, format_loc(loc), message, hint)


def _article(noun: str) -> str:
    return ("an " if noun[0] in "aeiou" else "a ") + noun
