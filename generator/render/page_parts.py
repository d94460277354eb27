"""What every page shares: the Page value, the fields every record page has, statement cards."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from generator.render.date_labels import date_label, when_label
from generator.render.markdown_text import escape, escape_block
from generator.render.record_links import Mentions, text
from generator.schema.models import Statement


@dataclass(frozen=True)
class Page:
    path: str
    """Output path relative to the docs folder, e.g. `actors/sergey-lavrov.md`."""
    template: str
    context: dict[str, Any]


def common(m: Mentions, record_id: str) -> dict[str, Any]:
    record = m.index[record_id][1]
    return {
        "id": record_id,
        "unverified": text(record.missing) if record.verification == "unverified" else "",
        "notes": escape_block(record.notes) if record.notes else "",
        "referrers": m.referrers(record_id),
        "cite": m.cite(record_id),
        "edit": m.edit(record_id),
        "history": corrections_of(m, record_id),
    }


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


def corrections_of(m: Mentions, record_id: str) -> list[dict[str, Any]]:
    """A record's corrections, newest first."""
    record = m.index[record_id][1]
    ordered = sorted(record.corrections, key=lambda c: c.date, reverse=True)
    return [
        {
            "date": escape(date_label(c.date)),
            "what": text(c.what),
            "why": text(c.why),
            "sources": m.many(c.sources),
        }
        for c in ordered
    ]
