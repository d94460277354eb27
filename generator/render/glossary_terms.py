"""Glossary terms: where each is used, and the explanation each form carries as a tooltip.

Every page (generated or hand-written) has each occurrence of a term or alias marked with its
explanation once the page is HTML (`built_html/term_marks.py`); the site's script shows it
as a tooltip.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator
from itertools import accumulate
from typing import Any

from pydantic import BaseModel

from generator.built_html.term_marks import Glossary
from generator.dataset.link import Dataset
from generator.render.relations import records
from generator.schema.characters import joins_words
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
    as whole words (`index`: `records(dataset)`, when the caller has it already).

    Each form is looked for once in the text of every record joined by line breaks (no form
    holds one, so no occurrence spans two records), with `str.find`; an occurrence counts when
    no word character touches it, as `(?<!\\w)form(?!\\w)` would have it. A search per record
    and per term cost a quarter of the render of a large explainer."""
    ordered = [
        (kind, record_id, record)
        for record_id, (kind, record) in sorted((index or records(dataset)).items())
        if kind != "glossary"
    ]
    texts = Texts(["\n".join(_strings(record)) for _kind, _id, record in ordered])
    return {
        term_id: [
            (ordered[n][0], ordered[n][1])
            for n in sorted(set().union(*(texts.using(form) for form in forms(term))))
        ]
        for term_id, term in dataset.glossary.items()
    }


class Texts:
    """Texts searched together for whole-word occurrences of a form without a line break."""

    def __init__(self, texts: list[str]) -> None:
        self.whole = "\n".join(texts)
        self.starts = list(accumulate((len(text) + 1 for text in texts[:-1]), initial=0))

    def using(self, form: str) -> set[int]:
        """The numbers of the texts in which `form` occurs with no word character of a
        spaced script touching it (`schema/characters.py`)."""
        whole, found = self.whole, set()
        at = whole.find(form)
        while at != -1:
            end = at + len(form)
            if not (at and joins_words(whole[at - 1])) and not (
                end < len(whole) and joins_words(whole[end])
            ):
                found.add(bisect_right(self.starts, at) - 1)
            at = whole.find(form, at + 1)
        return found


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _strings(getattr(value, name))
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)
