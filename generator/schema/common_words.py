"""Glossary forms that are common words of the explainer's languages.

Every occurrence of a term or alias on every page is marked, so an alias such as `the` or
`он` would mark most words of the site (and repeat its explanation on each). Such a form is an
error unless the term opts in with `mark_common_words: true`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache

from stop_words import LANGUAGE_MAPPING, get_stop_words  # type: ignore[import-untyped]

from generator.load.yaml_positions import Loc
from generator.schema.models import Article, Source, Statement, Term


def explainer_languages(records: Iterable[object]) -> frozenset[str]:
    """The languages the explainer's texts are in: its sources', articles' and originals'."""
    found: set[str] = set()
    for record in records:
        if isinstance(record, Source):
            found.update(record.languages)
        elif isinstance(record, Article):
            found.add(record.language)
        elif isinstance(record, Statement):
            found.update(text.lang for text in [record.words, *record.translations] if text)
    return frozenset(found)


def common_forms(term: Term, languages: frozenset[str]) -> Iterator[tuple[Loc, str]]:
    """(field path, form) of each form of `term` that is a common word in one of `languages`,
    or a phrase of nothing but common words. An all-capital acronym (`MID`) is not the common
    word it spells (`mid`): forms are matched case-sensitively."""
    if term.mark_common_words:
        return
    words = _common_words(languages)
    located: list[tuple[Loc, str]] = [(("term",), term.term)]
    located += [(("aliases", index), alias) for index, alias in enumerate(term.aliases)]
    for loc, form in located:
        # A phrase of common words ("of the", "he said") is as frequent as its words.
        if not form.isupper() and all(w in words for w in _WORDS.findall(form.lower())):
            yield loc, form


_WORDS = re.compile(r"[^\W\d_]+|\d+")


@cache
def _common_words(languages: frozenset[str]) -> frozenset[str]:
    return frozenset(
        word.lower()
        for language in sorted(languages)
        if language.split("-")[0] in LANGUAGE_MAPPING
        for word in get_stop_words(language.split("-")[0])
    )
