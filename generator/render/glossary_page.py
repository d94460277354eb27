"""The glossary page."""

from __future__ import annotations

from generator.dataset.link import Dataset
from generator.render.glossary_terms import usages
from generator.render.page_contexts import GlossaryPage
from generator.render.page_parts import Page
from generator.render.record_links import Mentions, text
from generator.render.view_parts import frame

USED_IN_SHOWN = 100
"""The glossary names at most this many records per term (in id order) and counts the rest:
a common term in a large explainer is used by thousands, which made the page several
megabytes."""


def glossary_page(dataset: Dataset, m: Mentions) -> Page:
    """Every term in alphabetical order, with its definition, sources and where it is used."""
    used = usages(dataset, m.index)
    items = [
        {
            # A term is a definition, not a claim to cite: the page carries no "Cite this" box.
            "f": frame(m, term_id, term.term, None),
            "term": text(term.term),
            "expansion": text(term.expansion),
            "aliases": ", ".join(text(a) for a in term.aliases),
            "definition": text(term.definition),
            "see": m.many(term.see),
            "sources": m.many(term.sources),
            "used_in": [m.to(i) for _kind, i in used[term_id][:USED_IN_SHOWN]],
            "used_in_more": max(0, len(used[term_id]) - USED_IN_SHOWN),
        }
        for term_id, term in sorted(
            dataset.glossary.items(), key=lambda item: (item[1].term.casefold(), item[0])
        )
    ]
    return Page(m.page, "glossary.md.j2", GlossaryPage(items))
