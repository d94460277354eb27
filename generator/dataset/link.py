"""Link the loaded records into one Dataset: ids, references, cross-record rules, chronology.

Runs only once every file has loaded and validated on its own, so no check here sees a
half-read dataset or depends on discovery order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import partial
from typing import Protocol

from pydantic import BaseModel

from generator.dataset.chronology import Moment, SortKey, chronological, sort_keys
from generator.dataset.excerpts import excerpt_places
from generator.dataset.references import iter_refs
from generator.load.diagnostics import Diagnostic
from generator.load.did_you_mean import Suggestions
from generator.load.read_explainer import HandPage, LoadedExplainer
from generator.load.read_records import MAX_PROBLEMS_PER_FILE, Loaded
from generator.load.validation_errors import format_loc
from generator.load.yaml_positions import Loc, ParsedFile
from generator.schema.common_words import common_forms, explainer_languages
from generator.schema.explainer_settings import DEFAULT_EXPLAINER, Explainer
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
from generator.schema.record_parts import Side
from generator.schema.time_values import interval_of


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
    explainer: Explainer = DEFAULT_EXPLAINER
    """The explainer's settings and front page (`explainer.yaml`)."""
    pages: tuple[HandPage, ...] = ()
    """The hand-written pages (`pages/<name>.md`), by name."""

    def counts(self) -> dict[str, int]:
        return {kind: len(getattr(self, kind)) for kind in KINDS}


def link(
    loaded: list[Loaded],
    unavailable: Mapping[str, str] | None = None,
    settings: LoadedExplainer | None = None,
    pages: Sequence[HandPage] = (),
) -> tuple[Dataset | None, list[Diagnostic]]:
    """Build the Dataset, or return every problem that prevents it.

    `unavailable` maps the id of each record whose file could not be loaded to its kind: a
    reference to it is neither unknown nor followed (its file's problems say why). Without
    `settings` the explainer has the default settings."""
    unavailable = unavailable or {}
    ordered = sorted(loaded, key=lambda item: (item.origin.shown_path, item.id))
    index, problems = _index(ordered)
    found: list[Problem] = [*problems]
    hints = _Hints(index, unavailable)
    for item in ordered:
        found.extend(_reference_problems(item, index, unavailable, hints))
    if settings is not None and settings.origin is not None:
        found.extend(_reference_problems(settings, index, unavailable, hints))
    for page in pages:
        found.extend(_page_link_problems(page, index, unavailable, hints))
    # The rules below follow a reference only to a record that is there and of its kind, so a
    # broken reference adds no problem of theirs to its own.
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
        at = ("when", problem.link)
        found.append(_at(origin, at, problem.code, problem.message, problem.hint))
    if found or unavailable:
        return None, _shown(found)
    dataset = Dataset(
        **{kind: dict(sorted(records.items())) for kind, records in by_kind.items()},  # type: ignore[arg-type]
        timeline=tuple(chronological(keys)),
        sort_keys=keys,
        explainer=settings.explainer if settings is not None else DEFAULT_EXPLAINER,
        pages=tuple(sorted(pages, key=lambda page: page.name)),
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

    def __init__(self, index: dict[str, Loaded], unavailable: Mapping[str, str]) -> None:
        self._kinds = {**unavailable, **{key: value.kind for key, value in index.items()}}
        self._built: dict[tuple[str, ...], Suggestions] = {}

    def hint(self, target: str, kinds: tuple[str, ...]) -> str:
        suggestions = self._built.get(kinds)
        if suggestions is None:
            suggestions = Suggestions(key for key, kind in self._kinds.items() if kind in kinds)
            self._built[kinds] = suggestions
        folder = f"data/{kinds[0]}/" if len(kinds) == 1 else "data/<kind>/"
        return suggestions.hint(target) or f"no such file under {folder}; add it or correct the id"


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


class _Located(Protocol):
    """A validated file with references in it: a record, or the explainer's settings."""

    @property
    def id(self) -> str: ...
    @property
    def record(self) -> BaseModel: ...
    @property
    def origin(self) -> ParsedFile | None: ...


def _page_link_problems(
    page: HandPage, index: dict[str, Loaded], unavailable: Mapping[str, str], hints: _Hints
) -> Iterator[Problem]:
    every = tuple(kind for kind in KINDS if kind != "glossary")
    for found in page.links:
        where = Diagnostic(page.shown_path, found.line, found.col, "unknown-ref", "", "", "")
        if not found.target:
            yield replace(
                where,
                message="a record link needs an id: [text](record:ID)",
                hint="write the record's id, its file name without .yaml",
            )
        elif found.target not in index and found.target not in unavailable:
            yield Pending(
                replace(where, message=f"no record '{found.target}'"),
                partial(hints.hint, found.target, every),
            )


def _reference_problems(
    item: _Located, index: dict[str, Loaded], unavailable: Mapping[str, str], hints: _Hints
) -> Iterator[Problem]:
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
        kind = found.kind if found is not None else unavailable.get(target)
        expected = (
            " or ".join(SINGULAR[kind] for kind in marker.kinds)
            if len(marker.kinds) <= 2
            else "record"
        )
        if kind is None:
            code = (
                f"unknown-{SINGULAR[marker.kinds[0]]}" if len(marker.kinds) == 1 else "unknown-ref"
            )
            yield Pending(
                _at(item, loc, code, f"no {expected} '{target}'", ""),
                partial(hints.hint, target, marker.kinds),
            )
        elif kind not in marker.kinds:
            yield _at(
                item,
                loc,
                "wrong-kind",
                f"'{target}' is {_article(SINGULAR[kind])}, not {_article(expected)}",
                f"use the id of {_article(expected)} here",
            )
        elif target == item.id:
            yield _at(item, loc, "self-reference", "a record cannot refer to itself", "")


def _rule_problems(item: Loaded, by_kind: dict[str, dict[str, Record]]) -> Iterator[Problem]:
    """The rules between records (each record's own are its model's: schema/record_rules.py)."""
    record = item.record
    if isinstance(record, Contradiction):
        yield from _translation_problems(item, record, by_kind)
        yield from _excerpt_problems(item, record, by_kind)
    if not isinstance(record, Statement) or record.event is None:
        return
    event = by_kind["events"].get(record.event)  # absent when the reference is broken
    if isinstance(event, Event):
        said = interval_of(record.when, record.until)
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


def _translation_problems(
    item: Loaded, contradiction: Contradiction, by_kind: dict[str, dict[str, Record]]
) -> Iterator[Problem]:
    """A side that stands for one translation names a translation each of its statements has."""
    for index, side in enumerate(contradiction.sides):
        if side.translation is None:
            continue
        for statement_id in side.statements:
            statement = by_kind["statements"].get(statement_id)
            if not isinstance(statement, Statement):
                continue  # a broken reference, reported as such
            names = [t.by for t in statement.translations]
            if side.translation not in names:
                given = ", ".join(f"'{name}'" for name in names) or "none"
                yield _at(
                    item,
                    ("sides", index, "translation"),
                    "unknown-translation",
                    f"'{statement_id}' has no translation by '{side.translation}'",
                    f"use the 'by' of one of its translations ({given}), or add the translation",
                )


def _excerpt_problems(
    item: Loaded, contradiction: Contradiction, by_kind: dict[str, dict[str, Record]]
) -> Iterator[Problem]:
    """Each of a side's excerpts is copied from one of its statements or its sources' articles,
    and no two are from the same one (its card shows one quote)."""
    statements = {k: v for k, v in by_kind["statements"].items() if isinstance(v, Statement)}
    articles = [a for a in by_kind["articles"].values() if isinstance(a, Article)]
    for index, side in enumerate(contradiction.sides):
        if any(s not in statements for s in side.statements):
            continue  # a broken reference, reported as such
        taken: dict[str, int] = {}
        for number, excerpt in enumerate(side.excerpts):
            loc: Loc = ("sides", index, "excerpts", number)
            places = excerpt_places(side, excerpt, statements, articles)
            if not places:
                yield _unknown_excerpt(item, loc, side)
                continue
            if len(places) > 1:
                held = _either([f"'{p.record}'" for p in places]).replace(" or ", " and ")
                yield _at(
                    item,
                    loc,
                    "ambiguous-excerpt",
                    f"the excerpt is in both {held}, and its card would be the first's",
                    "lengthen it with words from the one it belongs to",
                )
                continue
            first = taken.setdefault(places[0].record, number)
            if first != number:
                yield _at(
                    item,
                    loc,
                    "second-excerpt",
                    f"excerpts[{first}] is from '{places[0].record}' too, and its card shows one "
                    "quote",
                    "keep the one that holds the words at issue, or one excerpt that covers both",
                )


def _unknown_excerpt(item: Loaded, loc: Loc, side: Side) -> Problem:
    named = [f"'{s}'" for s in side.statements] + [f"an article of '{s}'" for s in side.sources]
    where = _either(named) or "a statement or source on this side"
    if side.translation is not None:
        return _at(
            item,
            loc,
            "unknown-excerpt",
            f"the excerpt is not in the translation by '{side.translation}' that this side "
            "stands for, nor in an article of its sources",
            f"copy the words exactly from the translation by '{side.translation}' of {where}; "
            "spaces and line breaks may differ, every other character must match",
        )
    return _at(
        item,
        loc,
        "unknown-excerpt",
        "the excerpt is not in the words, translations or reports of this side's statements, "
        "nor in an article of its sources",
        f"copy the words exactly from {where}; spaces and line breaks may differ, every other "
        "character must match",
    )


def _either(names: list[str]) -> str:
    """'a', 'a or b', 'a, b or c'."""
    return " or ".join([", ".join(names[:-1]), names[-1]] if len(names) > 1 else names)


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


def _moments(by_kind: dict[str, dict[str, Record]]) -> dict[str, Moment]:
    moments: dict[str, Moment] = {}
    for record_id, event in by_kind["events"].items():
        assert isinstance(event, Event)
        moments[record_id] = Moment(event.when, interval_of(event.when, event.until), 0)
    for record_id, statement in by_kind["statements"].items():
        assert isinstance(statement, Statement)
        moments[record_id] = Moment(
            statement.when, interval_of(statement.when, statement.until), 1
        )
    return moments


def _at(item: _Located, loc: Loc, code: str, message: str, hint: str) -> Diagnostic:
    assert item.origin is not None  # only a file read from disk has problems
    line, col = item.origin.positions.find(loc)
    return Diagnostic(item.origin.shown_path, line, col, code, format_loc(loc), message, hint)


def _article(noun: str) -> str:
    return ("an " if noun[0] in "aeiou" else "a ") + noun
