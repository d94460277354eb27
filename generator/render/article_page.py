"""The annotated article: its text with each annotated passage marked in place, and numbered
notes under each paragraph.

Each mark is a link to its note, so it is reached with the keyboard, and names the note with
`aria-describedby`, so a screen reader reads the note with the passage. Without JavaScript or
CSS the notes still read as numbered notes below their paragraph.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from generator.render.citation import Citation
from generator.render.date_labels import date_label
from generator.render.markdown_text import escape, link
from generator.render.page_descriptions import shortened
from generator.render.page_parts import FrontMatter, Page
from generator.render.record_links import Mentions, Ref, text
from generator.render.view_parts import Frame, citation, frame
from generator.schema.models import Article
from generator.schema.passages import locate, paragraph_spans
from generator.schema.record_parts import Annotation
from generator.schema.vocabulary import VERDICTS


@dataclass(frozen=True)
class Placed:
    number: int
    start: int
    end: int
    annotation: Annotation


def place(article: Article) -> list[Placed]:
    """Annotations in reading order, numbered from 1; `check` guarantees they are found."""
    spans = _spans(article.text, tuple((a.passage, a.occurrence) for a in article.annotations))
    order = sorted(range(len(spans)), key=lambda index: (*spans[index], index))
    return [
        Placed(n, *spans[index], article.annotations[index]) for n, index in enumerate(order, 1)
    ]


@lru_cache(maxsize=1024)
def _spans(text: str, passages: tuple[tuple[str, int], ...]) -> tuple[tuple[int, int], ...]:
    """(start, end) of each (passage, occurrence), computed once per article: every link to a
    passage needs its number, and placing every annotation for each link made rendering
    quadratic (40 annotations over 120,000 letters: 78 s)."""
    found = []
    for passage, occurrence in passages:
        start = locate(text, passage, occurrence)
        assert start is not None, passage
        found.append((start, start + len(passage)))
    return tuple(found)


@lru_cache(maxsize=1024)
def _numbers(spans: tuple[tuple[int, int], ...]) -> tuple[int, ...]:
    """Each annotation's number in reading order, by its index in the article."""
    order = sorted(range(len(spans)), key=lambda index: (*spans[index], index))
    numbers = [0] * len(spans)
    for number, index in enumerate(order, 1):
        numbers[index] = number
    return tuple(numbers)


def link_to_passage(m: Mentions, article_id: str, article: Article, annotation: Annotation) -> str:
    """A link from another page to a passage's mark in the article."""
    index = next(i for i, other in enumerate(article.annotations) if other is annotation)
    key = tuple((a.passage, a.occurrence) for a in article.annotations)
    number = _numbers(_spans(article.text, key))[index]
    page = m.layout.place("articles", article_id).page
    return link(f"“{annotation.passage}”", m.page, page, f"passage-{number}")


@dataclass(frozen=True)
class Note:
    """An annotated passage's mark in the text and its note below the paragraph."""

    number: int
    verdict: str
    label: str
    """The verdict in words."""
    passage: str
    note: str | None
    records: tuple[Ref, ...]
    """The statements, events and sources that establish what the note says."""


@dataclass(frozen=True)
class Paragraph:
    parts: tuple[str | Note, ...]
    """The paragraph's text between the marks (raw), and the marks, in reading order."""
    notes: tuple[Note, ...]
    first: int
    """The number of its first note (0 without notes)."""


def _note(m: Mentions, placed: Placed) -> Note:
    annotation = placed.annotation
    return Note(
        placed.number,
        annotation.verdict,
        VERDICTS.label(annotation.verdict),
        annotation.passage,
        annotation.note,
        tuple(
            m.ref(record_id, _short_title(m, record_id))
            for record_id in [*annotation.statements, *annotation.events, *annotation.sources]
        ),
    )


def _short_title(m: Mentions, record_id: str) -> str:
    """A record as a note names it: a statement by its speaker and day, a source by its
    publisher (their pages give the rest), so that a note stays beside its passage."""
    statement = m.dataset.statements.get(record_id)
    if statement is not None:
        speaker = m.dataset.actors[statement.speaker].name
        return f"{speaker}, {date_label(statement.when.date)}"
    source = m.dataset.sources.get(record_id)
    if source is not None:
        return source.publisher
    return m.title(record_id)


def _paragraphs(m: Mentions, article: Article, placed: list[Placed]) -> list[Paragraph]:
    paragraphs = []
    for start, end in paragraph_spans(article.text):
        inside = [p for p in placed if start <= p.start and p.end <= end]
        notes = tuple(_note(m, item) for item in inside)
        parts: list[str | Note] = []
        cursor = start
        for item, note in zip(inside, notes, strict=True):
            parts += [article.text[cursor : item.start], note]
            cursor = item.end
        parts.append(article.text[cursor:end])
        paragraphs.append(Paragraph(tuple(parts), notes, inside[0].number if inside else 0))
    return paragraphs


@dataclass(frozen=True)
class ArticlePage:
    """`article.md.j2`: the article, its passages marked, their notes below each paragraph."""

    f: Frame
    cite: Citation
    title: str
    publisher: str
    source: str
    total: int
    problems: int
    summary: list[dict[str, Any]]
    paragraphs: list[Paragraph]
    titles_only: bool


def article_page(m: Mentions, record_id: str) -> Page:
    article = m.dataset.articles[record_id]
    source = m.dataset.sources[article.source]
    placed = place(article)
    counts: Counter[str] = Counter(p.annotation.verdict for p in placed)
    summary = [
        {"verdict": escape(VERDICTS.label(verdict)), "count": counts[verdict]}
        for verdict in VERDICTS.values
        if counts[verdict]
    ]
    problems = sum(c for v, c in counts.items() if v != "accurate")
    description = (
        f"{article.title}, annotated against the record: "
        f"{len(placed)} passage{'' if len(placed) == 1 else 's'}, {problems} with a problem."
    )
    return Page(
        m.page,
        "article.md.j2",
        ArticlePage(
            f=frame(m, record_id, article.title, None),
            cite=citation(m, record_id),
            title=text(article.title),
            publisher=text(source.publisher),
            source=m.to(article.source),
            total=len(placed),
            problems=problems,
            summary=summary,
            paragraphs=_paragraphs(m, article, placed),
            titles_only=m.layout.titles_only,
        ),
        FrontMatter(shortened(description)),
    )
