"""Glossary terms: where each is used, and the abbreviation lines that make tooltips.

Every page (generated or hand-written) gets one `*[term]: explanation` line per term and alias;
the Markdown `abbr` extension then marks each occurrence with its explanation, and the theme
shows it as a tooltip.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

from .fields import Record
from .link import Dataset
from .models import Term
from .views import records


def forms(term: Term) -> list[str]:
    return [term.term, *term.aliases]


def explanation(term: Term) -> str:
    """The tooltip text: the expansion, then the definition, on one line."""
    text = f"{term.expansion}: {term.definition}" if term.expansion else term.definition
    return " ".join(text.split())


def abbreviations(dataset: Dataset, page: str | None = None) -> str:
    """Abbreviation definitions, longest first, one per line: for every term and alias, or,
    given a page's Markdown, only those that occur in it (each one costs the page a scan)."""
    lines = {
        form: explanation(term)
        for term in dataset.glossary.values()
        for form in forms(term)
        if page is None or form in page
    }
    ordered = sorted(lines, key=lambda form: (-len(form), form))
    return "\n".join(f"*[{form}]: {lines[form]}" for form in ordered)


def usages(
    dataset: Dataset, index: dict[str, tuple[str, Record]] | None = None
) -> dict[str, list[tuple[str, str]]]:
    """For each term id, the (kind, id) of every record whose text uses the term or an alias
    (`index`: `records(dataset)`, when the caller has it already)."""
    patterns = {
        term_id: (
            forms(term),
            re.compile("|".join(rf"(?<!\w){re.escape(f)}(?!\w)" for f in forms(term))),
        )
        for term_id, term in dataset.glossary.items()
    }
    used: dict[str, list[tuple[str, str]]] = {term_id: [] for term_id in dataset.glossary}
    for record_id, (kind, record) in sorted((index or records(dataset)).items()):
        if kind == "glossary":
            continue
        text = "\n".join(_strings(record))
        for term_id, (words, pattern) in patterns.items():
            # A plain substring test first: most records use no term, and the whole-word
            # pattern only runs where a form occurs at all (a third of the render time before).
            if any(word in text for word in words) and pattern.search(text):
                used[term_id].append((kind, record_id))
    return used


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _strings(getattr(value, name))
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)
