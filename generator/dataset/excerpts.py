"""Where a contradiction side's words at issue (its `excerpts`) are copied from.

One function answers it for both `check` (which refuses an excerpt found nowhere) and the pages
(which show each excerpt on the card of the statement or source it is from), so the two cannot
disagree about which text holds an excerpt.
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


def excerpt_in_statement(
    statement_id: str, statement: Statement, excerpt: str
) -> ExcerptPlace | None:
    """The statement's own words first, then its translations, then its reports' words."""
    words = statement.words
    if words is not None and excerpt in words.text:
        return ExcerptPlace(statement_id, True, words.lang)
    for translation in statement.translations:
        if excerpt in translation.text:
            return ExcerptPlace(statement_id, True, translation.lang, translation.by)
    for report in statement.reported_in:
        if report.excerpt is not None and excerpt in report.excerpt:
            return ExcerptPlace(statement_id, True, None, reported_by=report.source)
    return None


def excerpt_place(
    side: Side,
    excerpt: str,
    statements: Mapping[str, Statement],
    articles: Iterable[Article],
) -> ExcerptPlace | None:
    """The first of the side's statements, then of its sources' articles, that holds the
    excerpt; None when none does (or a reference is broken, which is reported as such)."""
    for statement_id in side.statements:
        statement = statements.get(statement_id)
        if statement is None:
            continue
        place = excerpt_in_statement(statement_id, statement, excerpt)
        if place is not None:
            return place
    by_source: dict[str, list[Article]] = {}
    for article in articles:
        by_source.setdefault(article.source, []).append(article)
    for source_id in side.sources:
        for article in by_source.get(source_id, []):
            if excerpt in article.text:
                return ExcerptPlace(source_id, False, article.language)
    return None
