"""Link the loaded records into one Dataset: ids, references, cross-record rules, chronology.

Runs only once every file has loaded and validated on its own, so no check here sees a
half-read dataset or depends on discovery order.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import partial

from generator.dataset.chronology import Moment, SortKey, chronological, interval_of, sort_keys
from generator.dataset.passages import closest_passage, find_occurrences, paragraph_spans
from generator.dataset.references import iter_refs
from generator.load.diagnostics import Diagnostic
from generator.load.did_you_mean import Suggestions
from generator.load.read_records import MAX_PROBLEMS_PER_FILE, Loaded
from generator.load.validation_errors import format_loc
from generator.load.yaml_positions import Loc
from generator.schema.common_words import common_forms, explainer_languages
from generator.schema.field_types import Record
from generator.schema.models import (
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
from generator.schema.time_values import parse_date


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
    found: list[Problem] = [*problems]
    hints = _Hints(index)
    for item in ordered:
        found.extend(_reference_problems(item, index, hints))
    if found:
        # Rules below follow references; with a broken one they would only add noise.
        return None, _shown(found)
    by_kind: dict[str, dict[str, Record]] = {kind: {} for kind in KINDS}
    for item in ordered:
        by_kind[item.kind][item.id] = item.record
    for item in ordered:
        found.extend(_rule_problems(item, by_kind))
    languages = explainer_languages(item.record for item in ordered)
    forms: dict[str, str] = {}  # form -> id of the first term (in file order) that has it
    for item in ordered:
        if isinstance(item.record, Term):
            found.extend(_common_word_problems(item, item.record, languages))
            found.extend(_duplicate_form_problems(item, item.record, forms))
    moments = _moments(by_kind)
    keys, order_problems = sort_keys(moments)
    for problem in order_problems:
        origin = index[problem.record_id]
        found.append(_at(origin, ("when", "after"), problem.code, problem.message, problem.hint))
    if found:
        return None, _shown(found)
    dataset = Dataset(
        **{kind: dict(sorted(records.items())) for kind, records in by_kind.items()},  # type: ignore[arg-type]
        timeline=tuple(chronological(keys)),
        sort_keys=keys,
    )
    return dataset, []


@dataclass(frozen=True)
class Pending:
    """A problem whose hint is worked out only if the problem is shown: a hint searches the
    dataset or an article's text, and one hostile file can hold thousands of problems."""

    diagnostic: Diagnostic
    hint: Callable[[], str]


Problem = Diagnostic | Pending


def _shown(problems: Iterable[Problem]) -> list[Diagnostic]:
    """At most MAX_PROBLEMS_PER_FILE problems per file, the first by position, then a count of
    the rest, as for schema problems: a file that names 10,000 unknown ids is a wrong file."""
    by_path: dict[str, list[Problem]] = {}
    for problem in problems:
        by_path.setdefault(_diagnostic(problem).path, []).append(problem)
    shown: list[Diagnostic] = []
    for path, in_file in by_path.items():
        in_file.sort(key=_diagnostic)
        for problem in in_file[:MAX_PROBLEMS_PER_FILE]:
            shown.append(
                replace(problem.diagnostic, hint=problem.hint())
                if isinstance(problem, Pending)
                else problem
            )
        if len(in_file) > MAX_PROBLEMS_PER_FILE:
            shown.append(
                Diagnostic(
                    path,
                    0,
                    0,
                    "too-many-problems",
                    "",
                    f"{len(in_file) - MAX_PROBLEMS_PER_FILE} more problem(s) in this file "
                    "not shown",
                    "fix the ones above first; is this the right file?",
                )
            )
    return shown


def _diagnostic(problem: Problem) -> Diagnostic:
    return problem.diagnostic if isinstance(problem, Pending) else problem


class _Hints:
    """'Did you mean' for unknown references: one index per group of kinds, built at the
    first unknown reference to it, instead of a comparison with every id for each one."""

    def __init__(self, index: dict[str, Loaded]) -> None:
        self._index = index
        self._built: dict[tuple[str, ...], Suggestions] = {}

    def hint(self, target: str, kinds: tuple[str, ...]) -> str:
        suggestions = self._built.get(kinds)
        if suggestions is None:
            suggestions = Suggestions(
                key for key, value in self._index.items() if value.kind in kinds
            )
            self._built[kinds] = suggestions
        return suggestions.hint(target) or (
            f"no such file under data/{kinds[0]}/; add it or correct the id"
        )


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


def _reference_problems(item: Loaded, index: dict[str, Loaded], hints: _Hints) -> Iterator[Problem]:
    listed: set[tuple[Loc, str]] = set()
    for loc, target, marker in iter_refs(item.record):
        if loc and isinstance(loc[-1], int):
            # A list of references: each record once. A repeat adds nothing to the record, and
            # the pages that expand each reference in place would grow with every copy.
            key = (loc[:-1], target)
            if key in listed:
                yield _at(
                    item,
                    loc,
                    "duplicate-ref",
                    f"'{target}' is listed more than once in {format_loc(loc[:-1])}",
                    "list each record once",
                )
                continue
            listed.add(key)
        found = index.get(target)
        expected = " or ".join(SINGULAR[kind] for kind in marker.kinds)
        if found is None:
            code = (
                f"unknown-{SINGULAR[marker.kinds[0]]}" if len(marker.kinds) == 1 else "unknown-ref"
            )
            yield Pending(
                _at(item, loc, code, f"no {expected} '{target}'", ""),
                partial(hints.hint, target, marker.kinds),
            )
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


def _rule_problems(item: Loaded, by_kind: dict[str, dict[str, Record]]) -> Iterator[Problem]:
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


def _article_rules(item: Loaded, record: Article) -> Iterator[Problem]:
    # Each distinct passage is searched for once: an article may annotate the same words many
    # times, and each search walks the whole text.
    needed: dict[str, int] = {}  # passage -> the furthest occurrence any annotation names
    for annotation in record.annotations:
        needed[annotation.passage] = max(needed.get(annotation.passage, 0), annotation.occurrence)
    # Found up to that occurrence: where fewer exist, the count in the message is exact.
    occurrences = {
        passage: find_occurrences(record.text, passage, limit) for passage, limit in needed.items()
    }
    placed: list[tuple[int, int, int]] = []
    paragraphs = paragraph_spans(record.text)
    paragraph_starts = [p_start for p_start, _p_end in paragraphs]
    for index, annotation in enumerate(record.annotations):
        found = occurrences[annotation.passage]
        if len(found) < annotation.occurrence:
            continue
        start = found[annotation.occurrence - 1]
        end = start + len(annotation.passage)
        within = bisect.bisect_right(paragraph_starts, start) - 1
        if within < 0 or end > paragraphs[within][1]:
            yield _at(
                item,
                ("annotations", index, "passage"),
                "passage-spans-paragraphs",
                "the passage runs across a paragraph break",
                "annotate each paragraph's part separately",
            )
        # The first annotation it overlaps is named, not each one: the passages of a
        # thousand annotations of the same words would otherwise make a million problems.
        other = next((o for o_start, o_end, o in placed if start < o_end and o_start < end), None)
        if other is not None:
            yield _at(
                item,
                ("annotations", index, "passage"),
                "overlapping-passages",
                f"the passage overlaps annotation {other + 1}'s passage",
                "shorten one of them so that each stretch of text has one note",
            )
        placed.append((start, end, index))
    for index, annotation in enumerate(record.annotations):
        found = occurrences[annotation.passage]
        if not found:
            yield Pending(
                _at(
                    item,
                    ("annotations", index, "passage"),
                    "passage-not-found",
                    "the passage does not occur verbatim in the article's text",
                    "",
                ),
                partial(_closest_hint, record.text, annotation.passage),
            )
        elif annotation.occurrence > len(found):
            yield _at(
                item,
                ("annotations", index, "occurrence"),
                "passage-not-found",
                f"the passage occurs {len(found)} time(s), not {annotation.occurrence}",
                f"use an occurrence from 1 to {len(found)}",
            )


def _duplicate_form_problems(
    item: Loaded, term: Term, forms: dict[str, str]
) -> Iterator[Diagnostic]:
    """A form is marked with one explanation: a second term may not claim it."""
    located: list[tuple[Loc, str]] = [(("term",), term.term)]
    located += [(("aliases", index), alias) for index, alias in enumerate(term.aliases)]
    for loc, form in located:
        first = forms.setdefault(form, item.id)
        if first != item.id:
            yield _at(
                item,
                loc,
                "duplicate-term",
                f"'{form}' is already a form of the glossary term '{first}'",
                "give each form to one term; add what this one adds to that term's definition",
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


def _closest_hint(text: str, passage: str) -> str:
    closest = closest_passage(text, passage)
    return f"the closest passage is: {closest!r}" if closest else "copy the passage exactly"


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
