"""Rules about one record that no single field states: either an address or the reason there
is none, a range that ends after it starts, the words a fidelity needs, a passage that is in
the article's text. Each kind's model runs its rule while the file is validated, so these
problems are reported with the file's other problems and in the same run as every problem
between records (dataset/link.py keeps the rules that need other records).
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from pydantic import ValidationError
from pydantic_core import InitErrorDetails, PydanticCustomError

from generator.schema.passages import closest_passage, find_occurrences, paragraph_spans
from generator.schema.time_values import interval_of, parse_date

if TYPE_CHECKING:  # the models call these rules, so only type checkers import them here
    from generator.schema.models import Actor, Article, Contradiction, Event, Source, Statement


class Found:
    """The problems the rules find in one record, raised as one ValidationError so that each
    is reported at its own field, with the file's other problems."""

    def __init__(self) -> None:
        self._errors: list[InitErrorDetails] = []

    def add(self, loc: tuple[str | int, ...], code: str, message: str, hint: str = "") -> None:
        # The message goes in as a value: a template would read braces in it as placeholders.
        error = PydanticCustomError(code, "{message}", {"message": message, "hint": hint})
        self._errors.append(InitErrorDetails(type=error, loc=loc, input=None))

    def raise_any(self, title: str) -> None:
        if self._errors:
            raise ValidationError.from_exception_data(title, self._errors)


MAX_PASSAGE_HINTS = 50
"""At most this many passages not found get a hint (the closest passage in the text, a few
scans of it each): one hostile file can annotate thousands, and only the first are shown."""


def _once_each(found: Found, field: str, values: object) -> None:
    """A list written in place of one value names each value once."""
    if isinstance(values, list) and len(set(values)) != len(values):
        repeated = next(value for value in values if values.count(value) > 1)
        found.add((field,), "duplicate-value", f"'{repeated}' is listed twice", "list it once")


def source_rules(source: Source, found: Found) -> None:
    _once_each(found, "language", source.language)
    if (source.url is None) == (source.url_missing is None):
        found.add(
            ("url",),
            "url-or-reason",
            "give either 'url' or, when no address was found, 'url_missing'",
            "never invent an address: say why it is missing instead",
        )


def actor_rules(actor: Actor, found: Found) -> None:
    for index, role in enumerate(actor.roles):
        if (
            role.start
            and role.end
            and parse_date(role.end).day_after_last() <= parse_date(role.start).first_day()
        ):
            found.add(("roles", index, "to"), "bad-range", "the role ends before it starts")


def event_rules(event: Event, found: Found) -> None:
    if event.until is not None and interval_of(event.until).end <= interval_of(event.when).start:
        found.add(
            ("until", "date"),
            "bad-range",
            "'until' is before 'when'",
            "give the end's date in 'until', or swap the two",
        )


def statement_rules(statement: Statement, found: Found) -> None:
    if (
        statement.until is not None
        and interval_of(statement.until).end <= interval_of(statement.when).start
    ):
        found.add(
            ("until", "date"),
            "bad-range",
            "'until' is before 'when'",
            "give the end's date in 'until', or swap the two",
        )
    if (
        statement.words is None
        and not statement.translations
        and statement.fidelity != "paraphrase"
    ):
        found.add(
            ("fidelity",),
            "words-missing",
            f"fidelity '{statement.fidelity}' needs the words, in the original or in translation",
            "add 'words:' (or 'translations:' when the original is not available), "
            "or set 'fidelity: paraphrase'",
        )
    for index, translation in enumerate(statement.translations):
        if statement.words is not None and translation.lang == statement.words.lang:
            found.add(
                ("translations", index, "lang"),
                "same-language",
                f"a translation into '{translation.lang}', the language of the words",
                "a second version in the same language belongs in 'reported_in' excerpts",
            )


def contradiction_rules(contradiction: Contradiction, found: Found) -> None:
    _once_each(found, "type", contradiction.type)
    for index, side in enumerate(contradiction.sides):
        if not side.statements and not side.sources:
            found.add(
                ("sides", index),
                "empty-side",
                "a side names no statement and no source",
                "add 'statements:' or 'sources:' to this side",
            )
    settled = contradiction.settled_by
    if contradiction.status == "resolved" and (
        settled is None or not (settled.events or settled.sources)
    ):
        found.add(
            ("status",),
            "unsettled",
            "a resolved contradiction must name the events or sources that settle it",
            "add 'settled_by:' with 'events:' or 'sources:' and a 'note:'",
        )


def article_rules(article: Article, found: Found) -> None:
    """Each annotated passage occurs in the text, within one paragraph, overlapping no other."""
    # Each distinct passage is searched for once: an article may annotate the same words many
    # times, and each search walks the whole text.
    needed: dict[str, int] = {}  # passage -> the furthest occurrence any annotation names
    for annotation in article.annotations:
        needed[annotation.passage] = max(needed.get(annotation.passage, 0), annotation.occurrence)
    # Found up to that occurrence: where fewer exist, the count in the message is exact.
    occurrences = {
        passage: find_occurrences(article.text, passage, limit) for passage, limit in needed.items()
    }
    placed: list[tuple[int, int, int]] = []
    paragraphs = paragraph_spans(article.text)
    paragraph_starts = [p_start for p_start, _p_end in paragraphs]
    for index, annotation in enumerate(article.annotations):
        at = ("annotations", index, "passage")
        where = occurrences[annotation.passage]
        if len(where) < annotation.occurrence:
            continue
        start = where[annotation.occurrence - 1]
        end = start + len(annotation.passage)
        within = bisect.bisect_right(paragraph_starts, start) - 1
        if within < 0 or end > paragraphs[within][1]:
            found.add(
                at,
                "passage-spans-paragraphs",
                "the passage runs across a paragraph break",
                "annotate each paragraph's part separately",
            )
        # The first annotation it overlaps is named, not each one: the passages of a
        # thousand annotations of the same words would otherwise make a million problems.
        other = next((o for o_start, o_end, o in placed if start < o_end and o_start < end), None)
        if other is not None:
            found.add(
                at,
                "overlapping-passages",
                f"the passage overlaps annotation {other + 1}'s passage",
                "shorten one of them so that each stretch of text has one note",
            )
        placed.append((start, end, index))
    hints = 0
    for index, annotation in enumerate(article.annotations):
        where = occurrences[annotation.passage]
        if not where:
            hints += 1
            hint = (
                _closest_hint(article.text, annotation.passage)
                if hints <= MAX_PASSAGE_HINTS
                else ""
            )
            found.add(
                ("annotations", index, "passage"),
                "passage-not-found",
                "the passage does not occur verbatim in the article's text",
                hint or "copy the passage exactly",
            )
        elif annotation.occurrence > len(where):
            found.add(
                ("annotations", index, "occurrence"),
                "passage-not-found",
                f"the passage occurs {len(where)} time(s), not {annotation.occurrence}",
                f"use an occurrence from 1 to {len(where)}",
            )


def _closest_hint(text: str, passage: str) -> str:
    closest = closest_passage(text, passage)
    return f"the closest passage is: {closest!r}" if closest else ""
