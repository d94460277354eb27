"""The own page of each statement, event, actor and source: its view (record_views.py), its
citation and, for a statement, its JSON-LD, rendered by the kind's page template. The same
view renders the record's section when it is shelved (shelf_sections.py)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

from generator.render.citation import Citation, json_ld, statement_ld
from generator.render.page_descriptions import record_description
from generator.render.page_parts import FrontMatter, Page
from generator.render.record_links import Mentions
from generator.render.record_views import (
    ActorView,
    EventView,
    SourceView,
    StatementView,
    actor_view,
    event_view,
    source_view,
    statement_view,
)
from generator.render.view_parts import citation

View = TypeVar("View", StatementView, EventView, ActorView, SourceView)


@dataclass(frozen=True)
class RecordPage(Generic[View]):
    """The context of `statement.md.j2`, `event.md.j2`, `actor.md.j2` and `source.md.j2`."""

    v: View
    cite: Citation


@dataclass(frozen=True)
class StatementPage(RecordPage[StatementView]):
    """The context of `statement.md.j2`: a statement also describes itself in JSON-LD."""

    json_ld: str


def statement_page(m: Mentions, record_id: str) -> Page:
    ld = json_ld(statement_ld(m.dataset, m.site, record_id))
    context = StatementPage(statement_view(m, record_id, None), citation(m, record_id), ld)
    front = FrontMatter(record_description(m, "statements", record_id), boost=3)
    return Page(m.page, "statement.md.j2", context, front)


def _page(
    kind: str, view: Callable[[Mentions, str, int | None], View], boost: float | None = None
) -> Callable[[Mentions, str], Page]:
    template = f"{kind.removesuffix('s')}.md.j2"

    def page(m: Mentions, record_id: str) -> Page:
        context = RecordPage(view(m, record_id, None), citation(m, record_id))
        front = FrontMatter(record_description(m, kind, record_id), boost=boost)
        return Page(m.page, template, context, front)

    return page


event_page = _page("events", event_view)
actor_page = _page("actors", actor_view)
source_page = _page("sources", source_view, boost=0.5)
