"""The typed context of each page template that is not a record's own page (those are in
record_pages.py, and the article's in article_page.py): one frozen dataclass per template,
whose fields are exactly the template's variables (tests/test_template_contracts.py holds both
sides to that).

Strings are safe Markdown already (escaped data, or links built by `Mentions`); the lists hold
one dict per row, ordered and grouped by the page's builder, never by the template.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from generator.render.argument_views import (
    Card,
    ClaimView,
    ContradictionLine,
    ContradictionView,
)
from generator.render.timeline_drawing import Drawing

Rows = list[dict[str, Any]]


@dataclass(frozen=True)
class ClaimsPage:
    """`claims.md.j2`: every claim, or one shelf of them."""

    title: str
    pager: str
    items: list[ClaimView]
    titles_only: bool


@dataclass(frozen=True)
class ContradictionsPage:
    """`contradictions.md.j2`: every contradiction, or one shelf of them."""

    title: str
    pager: str
    items: list[ContradictionView]
    titles_only: bool


@dataclass(frozen=True)
class ContradictionsIndex:
    """`contradictions_index.md.j2`: each contradiction's question, type and status."""

    items: list[ContradictionLine]


@dataclass(frozen=True)
class GlossaryPage:
    """`glossary.md.j2`."""

    items: Rows


@dataclass(frozen=True)
class DataPage:
    """`data.md.j2`: the published files and every field of the data."""

    schema_version: str
    version: str
    reuse: list[str]
    """The terms of reuse, one Markdown sentence each."""
    export_fields: Rows
    time_fields: Rows
    kinds: Rows
    parts: Rows


@dataclass(frozen=True)
class ActorsIndex:
    """`actors.md.j2`: actors grouped by kind."""

    groups: Rows


@dataclass(frozen=True)
class SourcesIndex:
    """`sources.md.j2`: sources grouped by kind."""

    groups: Rows


@dataclass(frozen=True)
class StatementsIndex:
    """`statements.md.j2`: every statement in time order."""

    entries: list[Card]


@dataclass(frozen=True)
class ArticlesIndex:
    """`articles.md.j2`."""

    entries: Rows


@dataclass(frozen=True)
class CorrectionsPage:
    """`corrections.md.j2`: every correction, newest first."""

    entries: Rows


@dataclass(frozen=True)
class TimelinePage:
    """`timeline.md.j2`: the drawing to scale, the actor filter and the days."""

    groups: Rows
    drawing: Drawing
    key_moments: Rows
    """The drawing's numbered statements, as Markdown links to their entries."""
    sides: Rows
    """The explainer's sides, each with the actors who speak for it."""
    main_place: str
    """The place of the first reference zone, whose days the list is grouped by."""
    actors: Rows


@dataclass(frozen=True)
class ShelfPage:
    """`shelf.md.j2`: one shelf of record sections (HTML) with its pager."""

    title: str
    guide_words: str
    """The first and last record's guide words, e.g. `Ana Speaker – Foreign Office`."""
    pager: str
    drawing: Drawing | None
    """A timeline shelf's records drawn to scale."""
    sections: list[str]


@dataclass(frozen=True)
class ShelfIndex:
    """`shelf_index.md.j2`: the shelves of a group, with their guide words."""

    title: str
    intro: str
    total: str
    per_page: int
    rows: Rows
    drawing: Drawing | None = None
    """The timeline's index: the central dispute's days to scale."""
