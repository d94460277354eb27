"""Where a contradiction side's words at issue (its `excerpts`) are copied from.

One function answers it for both `check` (which refuses an excerpt found nowhere, or in more
than one place) and the pages (which show each excerpt on the card of the statement or source
it is from), so the two cannot disagree about which text holds an excerpt.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from generator.schema.models import Article, Statement
from generator.schema.record_parts import Side


@dataclass(frozen=True)
class ExcerptPlace:
    """The text an excerpt is copied from."""

    record: str
    """The statement or, for an article's words, the source it belongs to."""
    is_statement: bool
    lang: str | None
    """The language of the text that holds it; None for a report's words, which are in the
    language of the source that reports them."""
    translated_by: str | None = None
    """For a translation of the statement's words: the translator."""
    reported_by: str | None = None
    """For a report's own words about the statement (a `reported_in` excerpt): the source."""


def holds(text: str, excerpt: str) -> bool:
    """Whether `text` holds `excerpt`, where any run of spaces or line breaks matches any
    other (a page shows them alike, so words copied from a page match the record); every
    other character must be the same."""
    return " ".join(excerpt.split()) in " ".join(text.split())


def excerpt_in_statement(
    statement_id: str, statement: Statement, excerpt: str, translated_by: str | None = None
) -> ExcerptPlace | None:
    """The statement's own words first, then its translations, then its reports' words; for
    a side that stands for one translation (`translated_by`), that translation alone."""
    if translated_by is not None:
        for translation in statement.translations:
            if translation.by == translated_by and holds(translation.text, excerpt):
                return ExcerptPlace(statement_id, True, translation.lang, translation.by)
        return None
    words = statement.words
    if words is not None and holds(words.text, excerpt):
        return ExcerptPlace(statement_id, True, words.lang)
    for translation in statement.translations:
        if holds(translation.text, excerpt):
            return ExcerptPlace(statement_id, True, translation.lang, translation.by)
    for report in statement.reported_in:
        if report.excerpt is not None and holds(report.excerpt, excerpt):
            return ExcerptPlace(statement_id, True, None, reported_by=report.source)
    return None


def excerpt_places(
    side: Side,
    excerpt: str,
    statements: Mapping[str, Statement],
    articles: Iterable[Article],
) -> list[ExcerptPlace]:
    """Each of the side's statements, then of its sources' articles, that holds the excerpt,
    in the side's order (a broken reference is skipped: it is reported as such)."""
    places = []
    for statement_id in side.statements:
        statement = statements.get(statement_id)
        if statement is not None:
            place = excerpt_in_statement(statement_id, statement, excerpt, side.translation)
            if place is not None:
                places.append(place)
    by_source: dict[str, list[Article]] = {}
    for article in articles:
        by_source.setdefault(article.source, []).append(article)
    for source_id in side.sources:
        held = [a for a in by_source.get(source_id, []) if holds(a.text, excerpt)]
        if held:
            places.append(ExcerptPlace(source_id, False, held[0].language))
    return places

