"""The timeline, when it fits on one page (a larger one is shelved: shelf_pages.py)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from generator.dataset.link import Dataset
from generator.render.date_labels import date_label, entry_time, time_label, zone_place
from generator.render.markdown_text import escape, link
from generator.render.page_contexts import TimelinePage
from generator.render.page_parts import Page
from generator.render.record_links import Mentions, text
from generator.render.timeline_drawing import entry_actors, timeline_drawing
from generator.schema.models import Event, Statement
from generator.schema.time_values import local_time
from generator.schema.vocabulary import EVENT_KINDS


def timeline_page(dataset: Dataset, m: Mentions) -> Page:
    """The timeline on one page: the central dispute's days drawn to scale, then every event
    and statement in true order, grouped by local day, each statement made at an event listed
    under it (when both fall in the same day's group), and the actors to filter by."""
    groups: list[dict[str, Any]] = []
    anchors: dict[str, int] = {}
    involved: set[str] = set()
    main = m.site.reference_zones[0]
    for record_id in dataset.timeline:
        record = m.index[record_id][1]
        assert isinstance(record, Event | Statement)
        day, elsewhere = _day_in(record, dataset.sort_keys[record_id].position, main)
        heading = date_label(day)
        if not groups or groups[-1]["heading"] != heading:
            # A month or a year can recur between days; a day of the main zone cannot.
            anchors[day] = anchors.get(day, 0) + 1
            repeat = anchors[day]
            anchor = f"day-{day}" + (f"-{repeat}" if repeat > 1 else "")
            groups.append({"heading": heading, "anchor": anchor, "entries": []})
        if isinstance(record, Statement):
            who = m.to(record.speaker, dataset.actors[record.speaker].name)
            title = f"{who}: {m.to(record_id, record.summary)}"
            kind_label = "statement"
        else:
            title = m.to(record_id)
            kind_label = escape(record.kind_label or EVENT_KINDS.label(record.kind))
        actors = entry_actors(record)
        involved.update(actors)
        known = bool(time_label(record.when, m.site.reference_zones))
        entry = {
            "id": record_id,
            "kind": kind_label,
            "title": title,
            "when": escape(elsewhere + entry_time(record.when, m.site.reference_zones)),
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
        groups=groups,
        drawing=drawing,
        key_moments=key_moments,
        sides=sides,
        main_place=escape(zone_place(main)),
        actors=options,
    )
    return Page(m.page, "timeline.md.j2", context)


def _day_in(record: Statement | Event, position: datetime, main: str) -> tuple[str, str]:
    """The day a timeline entry is listed under, and what its entry adds when its own date is
    another. Days are the main reference zone's: a record's moment (the middle of what it
    covers) falls on one of them, so each day is listed once and, across the date line,
    "5 February in Shanghai" sits under 4 February in New York when that is when it was. A
    record known only to a month or a year is listed under that month or year."""
    own = record.when.date
    if len(own) < len("YYYY-MM-DD"):
        return own, ""
    day = local_time(position, main).date().isoformat()
    if day == own:
        return day, ""
    zone = record.when.zone or "UTC"
    return day, f"{date_label(own)} in {zone_place(zone)}, "
