"""The views of claims and contradictions (record_views.py has the other kinds), and the
statement card they and the statements index show: raw values and resolved references, rendered
by `claims.md.j2`, `contradictions.md.j2` and `statements.md.j2` through the `md` filters.

Claims and contradictions have no page of their own: each is a section of its index page (or
of a shelf of it), so their view carries its citation and JSON-LD.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.render.citation import Citation, claim_ld, contradiction_ld, json_ld
from generator.render.date_labels import when_label
from generator.render.record_links import Mentions, Ref
from generator.render.view_parts import Frame, citation, frame, ref, refs
from generator.schema.models import Statement
from generator.schema.vocabulary import CONTRADICTION_TYPES, STANCES, STATUSES


@dataclass(frozen=True)
class Card:
    """A statement as other pages quote it: the words a reader should see first, who, when."""

    statement: Ref
    """Titled by the statement's summary."""
    quote: str | None
    quote_note: str | None
    """Whose translation the quote is, or why there is none."""
    speaker: Ref
    speaker_note: str | None
    when: str
    sources: tuple[Ref, ...]


def quote_of(statement: Statement) -> tuple[str | None, str | None]:
    """The words a reader should see first (English if there is a translation), and a note."""
    english = [t for t in statement.translations if t.lang == "en"]
    if statement.words and statement.words.lang == "en":
        return statement.words.text, None
    if english:
        return english[0].text, f"translation by {english[0].by}"
    if statement.words:
        return statement.words.text, None
    return None, "paraphrase only; no words were found"


def card(m: Mentions, record_id: str) -> Card:
    statement = m.dataset.statements[record_id]
    quote, quote_note = quote_of(statement)
    return Card(
        statement=ref(m, record_id, statement.summary),
        quote=quote,
        quote_note=quote_note,
        speaker=ref(m, statement.speaker),
        speaker_note=statement.speaker_note,
        when=when_label(statement.when, m.site.reference_zones),
        sources=refs(m, [r.source for r in statement.reported_in]),
    )


@dataclass(frozen=True)
class StanceRow:
    stance: str
    """The stance in words, e.g. `declines to confirm`."""
    speaker: Ref
    statement: Ref
    """Titled by the statement's summary."""
    when: str
    note: str | None
    """Why we read the statement so."""


@dataclass(frozen=True)
class ClaimView:
    frame: Frame
    cite: Citation
    proposition: str
    rows: tuple[StanceRow, ...]
    json_ld: str


def claim_view(m: Mentions, record_id: str) -> ClaimView:
    claim = m.dataset.claims[record_id]
    rows = []
    for stance in claim.stances:
        statement = m.dataset.statements[stance.statement]
        rows.append(
            StanceRow(
                stance=STANCES.label(stance.stance),
                speaker=ref(m, statement.speaker),
                statement=ref(m, stance.statement, statement.summary),
                when=when_label(statement.when, m.site.reference_zones),
                note=stance.note,
            )
        )
    return ClaimView(
        frame=frame(m, record_id, claim.proposition, None),
        cite=citation(m, record_id),
        proposition=claim.proposition,
        rows=tuple(rows),
        json_ld=json_ld(claim_ld(m.dataset, m.site, record_id)),
    )


@dataclass(frozen=True)
class SideView:
    label: str
    summary: str
    statements: tuple[Card, ...]
    sources: tuple[Ref, ...]


@dataclass(frozen=True)
class ContradictionView:
    frame: Frame
    cite: Citation
    title: str
    type: str
    """The type in words, e.g. `channel or scope mismatch`."""
    status: str
    claim: Ref | None
    sides: tuple[SideView, ...]
    analysis: str
    settled: str | None
    """How later evidence settles it, when it does."""
    settled_by: tuple[Ref, ...]
    json_ld: str


def contradiction_view(m: Mentions, record_id: str) -> ContradictionView:
    item = m.dataset.contradictions[record_id]
    settled = item.settled_by
    return ContradictionView(
        frame=frame(m, record_id, item.title, None),
        cite=citation(m, record_id),
        title=item.title,
        type=CONTRADICTION_TYPES.label(item.type),
        status=STATUSES.label(item.status),
        claim=ref(m, item.claim) if item.claim else None,
        sides=tuple(
            SideView(
                side.label,
                side.summary,
                tuple(card(m, s) for s in side.statements),
                refs(m, side.sources),
            )
            for side in item.sides
        ),
        analysis=item.analysis,
        settled=settled.note if settled else None,
        settled_by=refs(m, [*settled.events, *settled.sources]) if settled else (),
        json_ld=json_ld(contradiction_ld(m.dataset, m.site, record_id)),
    )
