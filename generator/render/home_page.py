"""The home page, from the explainer's settings (`front:` in explainer.yaml): the story in a
sentence, the central contradiction's sides, the key points, what is and is not known, and the
ways into the site. Without `front:`, the ways in alone."""

from __future__ import annotations

from dataclasses import dataclass

from generator.render.argument_views import Card, SourceQuote, side_cards
from generator.render.markdown_text import escape, relative
from generator.render.page_parts import Page
from generator.render.record_links import Mentions, Ref
from generator.schema.explainer_settings import Point
from generator.schema.record_parts import Side
from generator.schema.vocabulary import STATUSES


@dataclass(frozen=True)
class Section:
    """A way into the site: a page and what a reader finds there."""

    title: str
    path: str
    about: str


@dataclass(frozen=True)
class HomeSide:
    """One side of the central contradiction as a quote card: who and when (its label), then
    its words at issue (or, for a side without words, our summary of it)."""

    label: str
    summary: str
    card: Card | None
    full: Ref | None
    """The statement the words are from, linked as 'The full statement'."""
    quote: SourceQuote | None
    """For a side of sources alone: the words it quotes from one of their articles."""


@dataclass(frozen=True)
class Central:
    """The central contradiction, its sides side by side."""

    question: str
    sides: list[HomeSide]
    status: str
    link: str


@dataclass(frozen=True)
class HomePage:
    """`home.md.j2`."""

    title: str
    lede: str
    central: Central | None
    key_points: list[str]
    known: list[str]
    unknown: list[str]
    sections: list[str]


def home_page(m: Mentions, sections: list[Section]) -> Page:
    explainer = m.dataset.explainer
    front = explainer.front
    central = None
    if front is not None and front.central_contradiction is not None:
        record_id = front.central_contradiction
        record = m.dataset.contradictions[record_id]
        central = Central(
            escape(record.title),
            [_side(m, side) for side in record.sides],
            escape(STATUSES.label(record.status)),
            m.ref(record_id, "Read the sides in full, and our analysis").markdown,
        )
    ways = [
        f"[{escape(section.title)}]({relative(m.page, section.path)}): {escape(section.about)}"
        for section in sections
    ]
    context = HomePage(
        title=escape(explainer.title),
        lede=escape(front.lede) if front is not None else "",
        central=central,
        key_points=_points(m, front.key_points) if front is not None else [],
        known=_points(m, front.known) if front is not None else [],
        unknown=_points(m, front.unknown) if front is not None else [],
        sections=ways,
    )
    return Page(m.page, "home.md.j2", context)


def _side(m: Mentions, side: Side) -> HomeSide:
    """The side's card: the first of its statements (in the side's order) that one of its
    excerpts is from, else its first statement; for a side of sources alone, the first
    source it quotes."""
    cards, quotes = side_cards(m, side)
    chosen = next((c for c in cards if c.quote in side.excerpts), cards[0] if cards else None)
    full = m.ref(chosen.statement.id, "The full statement") if chosen else None
    quote = quotes[0] if quotes and chosen is None else None
    return HomeSide(side.label, side.summary, chosen, full, quote)


def _points(m: Mentions, points: list[Point]) -> list[str]:
    """Each point in our words, then the records behind it, linked by their titles."""
    return [
        f"{escape(point.text)} ({'; '.join(m.to(record_id) for record_id in point.records)})"
        for point in points
    ]
