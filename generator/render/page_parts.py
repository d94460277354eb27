"""What every page shares: the Page value, the fields every record page has, statement cards."""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

from generator.render.date_labels import when_label
from generator.render.markdown_text import escape
from generator.render.record_links import Mentions, text
from generator.schema.models import Statement


@dataclass(frozen=True)
class Page:
    path: str
    """Output path relative to the docs folder, e.g. `actors/sergey-lavrov.md`."""
    template: str
    context: Any
    """What the template is given: a frozen dataclass whose fields are exactly the template's
    variables (page_contexts.py, record_pages.py)."""

    def variables(self) -> dict[str, Any]:
        """The context's fields as the template's variables (not deep-copied, as `asdict`
        would be)."""
        return {f.name: getattr(self.context, f.name) for f in fields(self.context)}


def quote_of(statement: Statement) -> tuple[str, str]:
    """The words a reader should see first (English if there is a translation), and a note."""
    english = [t for t in statement.translations if t.lang == "en"]
    if statement.words and statement.words.lang == "en":
        return escape(statement.words.text), ""
    if english:
        return escape(english[0].text), escape(f"translation by {english[0].by}")
    if statement.words:
        return escape(statement.words.text), ""
    return "", "paraphrase only; no words were found"


def statement_summary(m: Mentions, record_id: str) -> dict[str, Any]:
    statement = m.dataset.statements[record_id]
    quote, quote_note = quote_of(statement)
    return {
        "link": m.to(record_id, statement.summary),
        "quote": quote,
        "quote_note": quote_note,
        "speaker": m.to(statement.speaker)
        + (f" ({text(statement.speaker_note)})" if statement.speaker_note else ""),
        "when": escape(when_label(statement.when)),
        "sources": m.many([r.source for r in statement.reported_in]),
    }
