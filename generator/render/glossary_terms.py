"""Glossary terms: where each is used, and the explanation each form carries as a tooltip.

Every page (generated or hand-written) has each occurrence of a term or alias marked with its
explanation once the page is HTML (`built_html/term_marks.py`); the site's script shows it
as a tooltip.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

from generator.built_html.term_marks import Glossary
from generator.dataset.link import Dataset
from generator.render.relations import records
from generator.schema.field_types import Record
from generator.schema.models import Term

TOOLTIP_LIMIT = 300
"""Characters of explanation a tooltip carries; the glossary page has the whole definition.
Every occurrence repeats it, so a long definition on a frequent term would multiply pages."""


def forms(term: Term) -> list[str]:
    return [term.term, *term.aliases]


def explanation(term: Term) -> str:
    """The tooltip text: the expansion, then the definition, on one line, at most
    TOOLTIP_LIMIT characters (cut at a word, with an ellipsis)."""
    text = f"{term.expansion}: {term.definition}" if term.expansion else term.definition
    flat = " ".join(text.split())
    if len(flat) <= TOOLTIP_LIMIT:
        return flat
    cut = flat[: TOOLTIP_LIMIT - 1]
    return (cut.rsplit(" ", 1)[0] if " " in cut else cut) + "…"


def glossary(dataset: Dataset) -> Glossary:
    """Every form of every term with its explanation, ready for `term_marks.mark_terms`."""
    return Glossary.of(
        {
            form: explanation(term)
            for _, term in sorted(dataset.glossary.items())
            for form in forms(term)
        }
    )


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
