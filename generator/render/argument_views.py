"""The views of claims and contradictions (record_views.py has the other kinds), and the
statement card they and the statements index show: raw values and resolved references, rendered
by `claims.md.j2`, `contradictions.md.j2` and `statements.md.j2` through the `md` filters.

A claim has no page of its own: it is a section of its index page (or of a shelf of it); a
contradiction has one until its kind is shelved. So their view carries its citation and JSON-LD.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from generator.dataset.excerpts import ExcerptPlace, excerpt_places
from generator.render.citation import Citation, claim_ld, contradiction_ld, json_ld
from generator.render.date_labels import when_label
from generator.render.language_names import OUR_TRANSLATION, is_ours
from generator.render.page_descriptions import record_description
from generator.render.page_parts import FrontMatter, Page
from generator.render.record_links import Mentions, Ref
from generator.render.view_parts import Frame, citation, frame, ref, refs
from generator.schema.models import Statement
from generator.schema.record_parts import Side
from generator.schema.vocabulary import CONTRADICTION_TYPES, STANCES, STATUSES


@dataclass(frozen=True)
class Card:
    """A statement as other pages quote it: the words a reader should see first, who, when."""

    statement: Ref
    """Titled by the statement's summary."""
    full: Ref
    """The same statement titled "The full statement", after its quoted words."""
    original: str | None
    """The words in the original language, shown above `quote` when that is a translation a
    contradiction side stands for."""
    original_lang: str | None
    quote: str | None
    quote_lang: str | None
    quote_note: str | None
    """Whose translation the quote is, or why there is none."""
    quote_by: Ref | None
    """The source whose text the quote is copied from, when it is a report's text (its
    `reported_in` excerpt): the words as the report gives them, the speaker's or its own."""
    speaker: Ref
    speaker_note: str | None
    when: str
    sources: tuple[Ref, ...]
    reported_by: str
    """Who reported it, short: 'Reported by TASS, Reuters and 4 others'."""


def reported_by(publishers: list[str]) -> str:
    """The reporting chain in a line: its first two publishers, then how many more."""
    names = list(dict.fromkeys(publishers))
    if not names:
        return ""
    if len(names) <= 2:
        return "Reported by " + " and ".join(names)
    more = len(names) - 2
    return f"Reported by {names[0]}, {names[1]} and {more} other{'s' if more > 1 else ''}"


def quote_of(
    statement: Statement, translation_by: str | None = None
) -> tuple[str | None, str | None, str | None]:
    """The words a reader should see first, their language and a note: the translation by
    `translation_by` when given, else English (the words, or the first English translation),
    else the original."""
    chosen = [t for t in statement.translations if t.by == translation_by]
    english = [t for t in statement.translations if t.lang == "en"]
    if translation_by is not None and chosen:
        return chosen[0].text, chosen[0].lang, _credit(chosen[0].by)
    if statement.words and statement.words.lang == "en":
        return statement.words.text, "en", None
    if english:
        return english[0].text, "en", _credit(english[0].by)
    if statement.words:
        return statement.words.text, statement.words.lang, None
    return None, None, "paraphrase only; no words were found"


def _credit(by: str) -> str:
    """Whose translation a quote is, as a card's note says it."""
    if is_ours(by):
        return OUR_TRANSLATION
    return f"translation by {by}"


def card(
    m: Mentions,
    record_id: str,
    translation_by: str | None = None,
    excerpt: ExcerptPlace | None = None,
    excerpt_text: str | None = None,
) -> Card:
    """The statement's card; for a side that stands for one translation, that translation
    under the original words; for a side that names its words at issue in this statement,
    those words (`excerpt_text`, found at `excerpt`)."""
    statement = m.dataset.statements[record_id]
    quote, quote_lang, quote_note = quote_of(statement, translation_by)
    quote_by = None
    if excerpt is not None and excerpt_text is not None:
        credit = f"; {_credit(excerpt.translated_by)}" if excerpt.translated_by else ""
        quote, quote_lang, quote_note = excerpt_text, excerpt.lang, f"excerpt{credit}"
        if excerpt.reported_by is not None:
            quote_by = ref(m, excerpt.reported_by)
            quote_lang = m.dataset.sources[excerpt.reported_by].languages[0]
            quote_note = None
    words = statement.words
    shows_original = translation_by is not None and words is not None and quote != words.text
    return Card(
        statement=ref(m, record_id, statement.summary),
        full=ref(m, record_id, "The full statement"),
        original=words.text if shows_original and words else None,
        original_lang=words.lang if shows_original and words else None,
        quote=quote,
        quote_lang=quote_lang,
        quote_note=quote_note,
        quote_by=quote_by,
        speaker=ref(m, statement.speaker),
        speaker_note=statement.speaker_note,
        when=when_label(statement.when, m.site.reference_zones),
        sources=refs(m, [r.source for r in statement.reported_in]),
        reported_by=reported_by(
            [m.dataset.sources[r.source].publisher for r in statement.reported_in]
        ),
    )


@dataclass(frozen=True)
class SourceQuote:
    """A source's own words at issue, from the text of one of its articles."""

    quote: str
    lang: str
    source: Ref


def side_cards(m: Mentions, side: Side) -> tuple[tuple[Card, ...], tuple[SourceQuote, ...]]:
    """A card for each of the side's statements, with the excerpt from it when the side names
    one, then a quote for each source the side quotes an article of."""
    articles = m.dataset.articles.values()
    # `check` refuses an excerpt found in more than one of them: the first is the one.
    places = [
        (next(iter(excerpt_places(side, e, m.dataset.statements, articles)), None), e)
        for e in side.excerpts
    ]
    of_statement = {p.record: (p, e) for p, e in places if p is not None and p.is_statement}
    cards = tuple(
        card(m, s, side.translation, *of_statement.get(s, (None, None))) for s in side.statements
    )
    quotes = tuple(
        SourceQuote(e, p.lang or m.dataset.sources[p.record].languages[0], ref(m, p.record))
        for p, e in places
        if p is not None and not p.is_statement
    )
    return cards, quotes


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
    bottom_line: str
    """Ours when the record gives one, else who asserts it and who denies it."""
    disputes: tuple[tuple[Ref, str], ...]
    """The contradictions over it, each with its status in words."""
    rows: tuple[StanceRow, ...]
    sources: tuple[Ref, ...]
    json_ld: str


PASSIVE = {
    "asserts": "asserted by",
    "denies": "denied by",
    "declines-to-confirm": "neither confirmed nor denied by",
    "acknowledges": "acknowledged by",
    "qualifies": "accepted in part by",
}
"""Each stance as the claim's bottom line says it (a test holds one for every stance)."""


def stance_tally(m: Mentions, record_id: str) -> str:
    """Who takes which stance, in the vocabulary's order: 'Asserted by Ned Price; denied by
    Russian Foreign Ministry and Sergey Lavrov.'"""
    claim = m.dataset.claims[record_id]
    parts = []
    for stance in STANCES.values:
        speakers = (
            m.dataset.statements[s.statement].speaker for s in claim.stances if s.stance == stance
        )
        names = list(dict.fromkeys(m.dataset.actors[speaker].name for speaker in speakers))
        if names:
            who = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
            parts.append(f"{PASSIVE[stance]} {who}")
    text = "; ".join(parts)
    return text[:1].upper() + text[1:] + "."


def claim_view(m: Mentions, record_id: str) -> ClaimView:
    claim = m.dataset.claims[record_id]
    disputes = tuple(
        (ref(m, other_id), STATUSES.label(other.status))
        for other_id, other in m.dataset.contradictions.items()
        if other.claim == record_id
    )
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
        bottom_line=claim.bottom_line or stance_tally(m, record_id),
        disputes=disputes,
        rows=tuple(rows),
        sources=refs(m, claim.sources),
        json_ld=json_ld(claim_ld(m.dataset, m.site, record_id)),
    )


@dataclass(frozen=True)
class SideView:
    label: str
    summary: str
    statements: tuple[Card, ...]
    quotes: tuple[SourceQuote, ...]
    """Its sources' own words at issue, from their articles."""
    sources: tuple[Ref, ...]
    """Its sources not quoted above."""


@dataclass(frozen=True)
class ContradictionView:
    frame: Frame
    cite: Citation
    title: str
    type: str
    """The type in words, e.g. `channel or scope mismatch`."""
    status: str
    claim: Ref | None
    original: Card | None
    """When every side shows its translation of the same words: the card that shows those
    words in the original, once, above the sides (whose cards then leave them out)."""
    sides: tuple[SideView, ...]
    analysis: str
    settled: str | None
    """How later evidence settles it, when it does."""
    settled_by: tuple[Ref, ...]
    sources: tuple[Ref, ...]
    json_ld: str


def contradiction_view(m: Mentions, record_id: str) -> ContradictionView:
    item = m.dataset.contradictions[record_id]
    settled = item.settled_by
    views = []
    for side in item.sides:
        cards, quotes = side_cards(m, side)
        quoted = {q.source.id for q in quotes}
        unquoted = refs(m, [s for s in side.sources if s not in quoted])
        views.append(SideView(side.label, side.summary, cards, quotes, unquoted))
    original, sides = _shared_original(views)
    return ContradictionView(
        frame=frame(m, record_id, item.title, None),
        cite=citation(m, record_id),
        title=item.title,
        type=", ".join(CONTRADICTION_TYPES.label(kind) for kind in item.types),
        status=STATUSES.label(item.status),
        claim=ref(m, item.claim) if item.claim else None,
        original=original,
        sides=sides,
        analysis=item.analysis,
        settled=settled.note if settled else None,
        settled_by=refs(m, [*settled.events, *settled.sources]) if settled else (),
        sources=refs(m, item.sources),
        json_ld=json_ld(contradiction_ld(m.dataset, m.site, record_id)),
    )


def _shared_original(sides: list[SideView]) -> tuple[Card | None, tuple[SideView, ...]]:
    """When every side quotes one statement in its own translation: lift the original words
    and the statement's reporting chain out of the cards, to show them once above the sides."""
    cards = [c for side in sides for c in side.statements]
    originals = {(c.original, c.original_lang) for c in cards}
    one_statement = len({c.statement.id for c in cards}) == 1
    if len(sides) < 2 or not one_statement or len(originals) != 1 or None in originals.pop():
        return None, tuple(sides)
    first = cards[0]
    lifted = tuple(
        replace(
            side,
            statements=tuple(
                replace(c, original=None, sources=(), reported_by="") for c in side.statements
            ),
        )
        for side in sides
    )
    return first, lifted


@dataclass(frozen=True)
class ContradictionPage:
    """`contradiction.md.j2`: one contradiction on its own page."""

    v: ContradictionView
    titles_only: bool


def contradiction_page(m: Mentions, record_id: str) -> Page:
    context = ContradictionPage(contradiction_view(m, record_id), m.layout.titles_only)
    description = record_description(m, "contradictions", record_id)
    return Page(m.page, "contradiction.md.j2", context, FrontMatter(description, 2, wide=True))


@dataclass(frozen=True)
class ContradictionLine:
    """A contradiction in the index: its question, linked, then its type, status and sides."""

    link: Ref
    type: str
    status: str
    sides: tuple[str, ...]


def contradiction_line(m: Mentions, record_id: str) -> ContradictionLine:
    item = m.dataset.contradictions[record_id]
    return ContradictionLine(
        link=ref(m, record_id),
        type=", ".join(CONTRADICTION_TYPES.label(kind) for kind in item.types),
        status=STATUSES.label(item.status),
        sides=tuple(side.label for side in item.sides),
    )
