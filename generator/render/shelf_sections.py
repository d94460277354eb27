"""Compact sections for shelved records, as HTML (see layout.py), rendered from each record's
view (record_views.py) by the autoescaped `sections/shelf.html.j2` template.

A shelf page holds a hundred records, and a large explainer has hundreds of shelves. These
sections are raw HTML, not Markdown: Python-Markdown passes an HTML block through about four
times faster than it converts the same text written as Markdown, and the text is what a big
build pays for. The heading carries the record's id as anchor; the body is marked
`data-search-exclude`, so the search index holds each record's title, not its whole text.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from generator.render.record_links import Mentions
from generator.render.record_views import actor_view, event_view, source_view, statement_view
from generator.render.templates_env import fragment
from generator.render.view_parts import LISTED

_VIEWS: dict[str, Callable[[Mentions, str, int | None], object]] = {
    "statements": statement_view,
    "events": event_view,
    "actors": actor_view,
    "sources": source_view,
}

SEPARATOR = "\x00"
"""What the template ends each section with; no record's text can hold it (characters.py)."""


def sections(m: Mentions, record_ids: Sequence[str]) -> list[str]:
    """The sections of a shelf's statements and events, actors or sources, in order: one
    template render for the whole shelf (a render per record cost three times as much)."""
    views = [_VIEWS[m.kind(record_id)](m, record_id, LISTED) for record_id in record_ids]
    text = fragment("sections/shelf.html.j2", views=views)
    return [part.strip("\n") for part in text.split(SEPARATOR)[:-1]]
