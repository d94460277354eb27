"""Shelf pages and the index pages that list them, for kinds too large for a page per record
(see layout.py)."""

from __future__ import annotations

from generator.render.date_labels import date_label
from generator.render.layout import Shelf
from generator.render.markdown_text import escape, link
from generator.render.page_contexts import ShelfIndex, ShelfPage
from generator.render.page_parts import Page
from generator.render.record_links import Mentions
from generator.render.shelf_sections import sections
from generator.render.timeline_drawing import Drawing, timeline_drawing
from generator.schema.models import Event, Statement

TITLES = {
    "timeline": "Timeline",
    "actors": "Actors",
    "sources": "Sources",
    "claims": "Claims",
    "contradictions": "Contradictions",
}
GUIDE_LENGTH = 60
"""Guide words (the first and last record of a shelf) are cut to this many characters."""


def guide_word(m: Mentions, record_id: str) -> str:
    """How a shelf's first or last record is named in the list of shelves."""
    record = m.index[record_id][1]
    if isinstance(record, Statement | Event):
        return date_label(record.when.date)
    title = " ".join(m.title(record_id).split())
    return title if len(title) <= GUIDE_LENGTH else title[: GUIDE_LENGTH - 1].rstrip() + "…"


def shelf_title(shelf: Shelf, count: int) -> str:
    return f"{TITLES[shelf.group]}, page {shelf.number} of {count}"


def pager(m: Mentions, shelves: tuple[Shelf, ...], shelf: Shelf, index: str) -> str:
    """Previous, all pages, next: Markdown links from `shelf`'s page."""
    parts = []
    if shelf.number > 1:
        parts.append(link("← Previous page", m.page, shelves[shelf.number - 2].path))
    parts.append(link(f"All {TITLES[shelf.group].lower()} pages", m.page, index))
    if shelf.number < len(shelves):
        parts.append(link("Next page →", m.page, shelves[shelf.number].path))
    return " · ".join(parts)


def section_shelf(m: Mentions, shelf: Shelf, index: str) -> Page:
    """A shelf of statements and events, actors, or sources, as compact HTML sections."""
    shelves = m.layout.shelves[shelf.group]
    first, last = guide_word(m, shelf.ids[0]), guide_word(m, shelf.ids[-1])
    return Page(
        shelf.path,
        "shelf.md.j2",
        ShelfPage(
            title=escape(shelf_title(shelf, len(shelves))),
            guide_words=escape(f"{first} – {last}" if first != last else first),
            pager=pager(m, shelves, shelf, index),
            drawing=_drawing(m, list(shelf.ids)) if shelf.group == "timeline" else None,
            sections=sections(m, shelf.ids),
        ),
    )


def _drawing(m: Mentions, ids: list[str]) -> Drawing:
    """A timeline shelf's records drawn to scale over the time they cover."""
    return timeline_drawing(m.dataset, {i: m.title(i) for i in ids}, ids)


def shelf_index(
    m: Mentions, group: str, title: str, intro: str, *, drawn: bool = False
) -> Page:
    """A page listing the shelves of a group with their guide words: where the page that
    listed every record used to be; `drawn`, with the central dispute's days to scale, each
    mark leading to its record on its shelf."""
    shelves = m.layout.shelves[group]
    rows = [
        {
            "link": link(f"Page {shelf.number}", m.page, shelf.path),
            "first": escape(guide_word(m, shelf.ids[0])),
            "last": escape(guide_word(m, shelf.ids[-1])),
        }
        for shelf in shelves
    ]
    total = sum(len(shelf.ids) for shelf in shelves)
    context = ShelfIndex(
        title=escape(title),
        intro=escape(intro),
        total=f"{total:,}",
        per_page=len(shelves[0].ids),
        rows=rows,
        drawing=(
            timeline_drawing(m.dataset, {i: m.title(i) for i in m.dataset.timeline}, href=m.href)
            if drawn
            else None
        ),
    )
    return Page(m.page, "shelf_index.md.j2", context)
