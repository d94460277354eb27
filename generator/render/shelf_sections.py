"""Compact sections for shelved records, as HTML (see layout.py).

A shelf page holds a hundred records, and a large explainer has hundreds of shelves. These
sections are raw HTML, not Markdown: Python-Markdown passes an HTML block through about four
times faster than it converts the same text written as Markdown, and the text is what a big
build pays for. Every data string goes through `_text` (html.escape with whitespace
collapsed), so nothing in the data is read as markup. The heading carries the record's id as
anchor; the body is marked `data-search-exclude`, so the search index holds each record's
title, not its whole text.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from generator.render.date_labels import date_label, when_label
from generator.render.layout import permalink_page
from generator.render.markdown_text import relative_url
from generator.render.record_links import Mentions
from generator.render.relations import role_at
from generator.schema.vocabulary import SOURCE_KINDS, label

LISTED = 20
"""At most this many related records are linked from a section; the rest are counted."""


def _text(value: str | None) -> str:
    return html.escape(" ".join(value.split())) if value else ""


def _paragraphs(value: str | None) -> list[str]:
    if not value:
        return []
    blocks = [" ".join(block.split()) for block in value.replace("\r", "").split("\n\n")]
    return [f"<p>{html.escape(block)}</p>" for block in blocks if block]


def _link(m: Mentions, record_id: str, text: str | None = None) -> str:
    name = _text(text if text is not None else m.title(record_id))
    mark = " <strong>(unverified)</strong>" if m.mark(record_id) else ""
    return f'<a href="{html.escape(m.href(record_id))}">{name}</a>{mark}'


def _links(m: Mentions, record_ids: Sequence[str]) -> str:
    shown = ", ".join(_link(m, record_id) for record_id in record_ids[:LISTED])
    rest = len(record_ids) - LISTED
    return shown + (f" and {rest} more" if rest > 0 else "")


def _row(name: str, value: str) -> str:
    return f"<p><strong>{name}:</strong> {value}</p>" if value else ""


def _frame(m: Mentions, kind: str, record_id: str, heading: str, body: list[str]) -> str:
    record = m.index[record_id][1]
    lines = [
        f'<h2 id="{record_id}">{_text(heading)}</h2>',
        f'<div class="record record-{kind}" data-search-exclude>',
    ]
    if record.verification == "unverified":
        lines.append(
            '<p class="record-unverified"><strong>Unverified.</strong> '
            f"This record could not be verified from the public record. Missing: "
            f"{_text(record.missing)}</p>"
        )
    lines += [line for line in body if line]
    lines += _paragraphs(record.notes)
    address = relative_url(m.page, permalink_page(kind, record_id))
    lines.append(
        f'<p class="record-id"><a href="{html.escape(address)}">Permalink</a> · record id '
        f"<code>{record_id}</code></p>"
    )
    lines.append("</div>")
    return "\n".join(lines)


def statement_section(m: Mentions, record_id: str) -> str:
    statement = m.dataset.statements[record_id]
    speaker = m.dataset.actors[statement.speaker]
    role = role_at(speaker, statement.when.date)
    who = _link(m, statement.speaker)
    if statement.speaker_note:
        who += f" ({_text(statement.speaker_note)})"
    if role:
        who += f", {_text(role.title)}"
    when = _text(when_label(statement.when))
    if statement.when.note:
        when += f" ({_text(statement.when.note)})"
    body = [
        f'<p class="record-meta">Statement · {when} · {_text(statement.channel)}</p>',
        _row("Speaker", who),
        _row("On behalf of", _link(m, statement.on_behalf_of) if statement.on_behalf_of else ""),
        _row("Event", _link(m, statement.event) if statement.event else ""),
    ]
    if statement.words:
        body.append(
            f'<blockquote lang="{statement.words.lang}"><p>{_text(statement.words.text)}</p>'
            f"</blockquote>"
        )
    else:
        body.append("<p><em>The words in the original language were not found.</em></p>")
    for translation in statement.translations:
        body.append(
            f'<blockquote lang="{translation.lang}"><p>{_text(translation.text)}</p>'
            f"</blockquote><p><em>Translation ({translation.lang}) by "
            f"{_text(translation.by)}.</em></p>"
        )
    body.append(_row("Reported in", _links(m, [r.source for r in statement.reported_in])))
    body.append(_row("Responds to", _links(m, statement.responds_to)))
    stances = m.relations.stances_of.get(record_id, [])
    body.append(
        _row(
            "Claims",
            ", ".join(
                f"{html.escape(label(stance.stance))}: {_link(m, claim_id)}"
                for claim_id, stance in stances[:LISTED]
            ),
        )
    )
    return _frame(m, "statements", record_id, m.title(record_id), body)


def event_section(m: Mentions, record_id: str) -> str:
    event = m.dataset.events[record_id]
    when = _text(when_label(event.when))
    if event.until:
        when += f" – {_text(when_label(event.until))}"
    if event.when.note:
        when += f" ({_text(event.when.note)})"
    place = f" · {_text(event.place)}" if event.place else ""
    body = [
        f'<p class="record-meta">{html.escape(label(event.kind))} · {when}{place}</p>',
        _row("Who", _links(m, event.actors)),
        *_paragraphs(event.description),
        _row("Statements made there", _links(m, m.relations.said_at.get(record_id, []))),
        _row("Sources", _links(m, event.sources)),
    ]
    heading = f"{date_label(event.when.date)}: {event.title}"
    return _frame(m, "events", record_id, heading, body)


def actor_section(m: Mentions, record_id: str) -> str:
    actor = m.dataset.actors[record_id]
    meta = [html.escape(label(actor.kind))]
    if actor.name_original:
        meta.append(
            f'<span lang="{actor.name_original.lang}">{_text(actor.name_original.text)}</span>'
        )
    if actor.aliases:
        meta.append("also " + ", ".join(_text(alias) for alias in actor.aliases))
    roles = []
    for role in actor.roles:
        text = _text(role.title)
        if role.organisation:
            text += f", {_link(m, role.organisation)}"
        dates = " – ".join(filter(None, [role.start, role.end]))
        roles.append(text + (f" ({_text(dates)})" if dates else ""))
    said = m.relations.said_by.get(record_id, [])
    body = [
        f'<p class="record-meta">{" · ".join(meta)}</p>',
        *_paragraphs(actor.description),
        _row("Roles", "; ".join(roles)),
        _row(f"Statements ({len(said)})", _links(m, said)),
        _row("Events", _links(m, m.relations.events_of_actor.get(record_id, []))),
        _row("Contradictions", _links(m, m.relations.contradictions_of_speaker.get(record_id, []))),
        _row("Sources", _links(m, actor.sources)),
    ]
    return _frame(m, "actors", record_id, actor.name, body)


def source_section(m: Mentions, record_id: str) -> str:
    source = m.dataset.sources[record_id]
    kind_title, _meaning = SOURCE_KINDS[source.kind]
    meta = [html.escape(kind_title), _text(source.language)]
    if source.published:
        meta.append(f"published {_text(when_label(source.published))}")
    body = [f'<p class="record-meta">{" · ".join(meta)}</p>']
    if source.url:
        url = html.escape(source.url)
        body.append(f'<p><a href="{url}" rel="noopener noreferrer" class="external">{url}</a></p>')
    else:
        body.append(_row("No address", _text(source.url_missing)))
    if source.archive_url:
        archive = html.escape(source.archive_url)
        body.append(
            f'<p><strong>Archived copy:</strong> <a href="{archive}" rel="noopener noreferrer" '
            f'class="external">{archive}</a></p>'
        )
    body.append(_row("Carries", _link(m, source.carries) if source.carries else ""))
    cited = [other for _kind, other in m.cited_by.get(record_id, [])]
    body.append(_row(f"Cited by ({len(cited)})", _links(m, cited)))
    return _frame(m, "sources", record_id, m.title(record_id), body)


SECTIONS = {
    "statements": statement_section,
    "events": event_section,
    "actors": actor_section,
    "sources": source_section,
}
