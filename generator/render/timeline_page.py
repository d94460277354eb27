"""The timeline, when it fits on one page (a larger one is shelved: shelf_pages.py)."""

from __future__ import annotations

from typing import Any

from generator.dataset.link import Dataset
from generator.render.date_labels import day_heading, entry_time, time_label
from generator.render.markdown_text import escape, link
from generator.render.page_contexts import TimelinePage
from generator.render.page_parts import Page
from generator.render.record_links import Mentions, text
from generator.render.timeline_drawing import timeline_drawing
from generator.schema.models import Event, Statement
from generator.schema.vocabulary import EVENT_KINDS


def timeline_page(dataset: Dataset, m: Mentions) -> Page:
    """The timeline on one page: the central dispute's days drawn to scale, then every event
    and statement in true order, grouped by local day, each statement made at an event listed
    under it (when both fall in the same day's group), and the actors to filter by."""
    groups: list[dict[str, Any]] = []
    anchors: dict[str, int] = {}
    involved: set[str] = set()
    for record_id in dataset.timeline:
        record = m.index[record_id][1]
        assert isinstance(record, Event | Statement)
        heading = day_heading(record.when)
        if not groups or groups[-1]["heading"] != heading:
            # A day can recur when a record from another zone falls between two of its entries.
            anchors[record.when.date] = anchors.get(record.when.date, 0) + 1
            repeat = anchors[record.when.date]
            anchor = f"day-{record.when.date}" + (f"-{repeat}" if repeat > 1 else "")
            groups.append({"heading": heading, "anchor": anchor, "entries": []})
        if isinstance(record, Statement):
            who = m.to(record.speaker, dataset.actors[record.speaker].name)
            title = f"{who}: {m.to(record_id, record.summary)}"
            actors = sorted({record.speaker, *filter(None, [record.on_behalf_of])})
            kind_label = "statement"
        else:
            title = m.to(record_id)
            actors = sorted(record.actors)
            kind_label = escape(record.kind_label or EVENT_KINDS.label(record.kind))
        involved.update(actors)
        known = bool(time_label(record.when, m.site.reference_zones))
        entry = {
            "id": record_id,
            "kind": kind_label,
            "title": title,
            "when": escape(entry_time(record.when, m.site.reference_zones)),
            "known": known,
            "when_note": text(record.when.note),
            "place": text(record.place),
            "actors": " ".join(actors),
            "said": [],
        }
        at = record.event if isinstance(record, Statement) else None
        host = next((e for e in groups[-1]["entries"] if e["id"] == at), None)
        if host is not None:
            host["said"].append(entry)  # said at an event already listed that day
        else:
            groups[-1]["entries"].append(entry)
    drawing = timeline_drawing(dataset, {i: m.title(i) for i in dataset.timeline})
    key_moments = [
        {"number": k.number, "link": link(k.label, m.page, m.page, k.record_id)}
        for k in drawing.keys
    ]
    options = sorted(
        ({"id": a, "name": escape(dataset.actors[a].name)} for a in involved),
        key=lambda option: (dataset.actors[option["id"]].name.casefold(), option["id"]),
    )
    sides = [
        {"slug": escape(side.slug), "name": escape(side.name), "actors": " ".join(side.actors)}
        for side in dataset.explainer.sides
    ]
    context = TimelinePage(
        groups=groups, drawing=drawing, key_moments=key_moments, sides=sides, actors=options
    )
    return Page(m.page, "timeline.md.j2", context)
