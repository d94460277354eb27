"""The page of each record: actor, statement, event, source, article."""

from __future__ import annotations

from generator.render.article_page import link_to_passage
from generator.render.citation import json_ld, statement_ld
from generator.render.date_labels import day_heading, when_label
from generator.render.markdown_text import escape, escape_block, external_link
from generator.render.page_parts import Page, common
from generator.render.record_links import Mentions, text
from generator.render.relations import role_at
from generator.schema.vocabulary import SOURCE_KINDS, VERDICTS, label


def actor_page(m: Mentions, record_id: str) -> Page:
    dataset = m.dataset
    actor = dataset.actors[record_id]
    said = m.relations.said_by.get(record_id, [])
    statements = []
    for statement_id in said:
        statement = dataset.statements[statement_id]
        role = role_at(actor, statement.when.date)
        statements.append(
            {
                "when": escape(when_label(statement.when)),
                "link": m.to(statement_id, statement.summary),
                "role": text(role.title) if role else "",
            }
        )
    events = m.relations.events_of_actor.get(record_id, [])
    contradictions = m.relations.contradictions_of_speaker.get(record_id, [])
    roles = [
        {
            "title": text(role.title),
            "organisation": m.to(role.organisation) if role.organisation else "",
            "dates": escape(" – ".join(filter(None, [role.start, role.end]))),
            "sources": m.many(role.sources),
        }
        for role in actor.roles
    ]
    original = actor.name_original
    return Page(
        m.page,
        "actor.md.j2",
        {
            **common(m, record_id),
            "name": text(actor.name),
            "kind": actor.kind,
            "original": f"{text(original.text)} ({text(original.lang)})" if original else "",
            "aliases": ", ".join(text(a) for a in actor.aliases),
            "description": text(actor.description),
            "roles": roles,
            "statements": statements,
            "events": [
                {"when": escape(when_label(dataset.events[e].when)), "link": m.to(e)}
                for e in events
            ],
            "contradictions": m.many(contradictions),
            "sources": m.many(actor.sources),
        },
    )


def statement_page(m: Mentions, record_id: str) -> Page:
    statement = m.dataset.statements[record_id]
    dataset = m.dataset
    role = role_at(dataset.actors[statement.speaker], statement.when.date)
    responded = [
        other
        for kind, other in m.cited_by.get(record_id, [])
        if kind == "statements" and record_id in dataset.statements[other].responds_to
    ]
    reported = [
        {
            "link": m.to(article_id),
            "passage": link_to_passage(m, article_id, dataset.articles[article_id], annotation),
            "verdict": escape(VERDICTS[annotation.verdict]),
        }
        for article_id, annotation in m.relations.passages_of.get(record_id, [])
    ]
    stances = [
        {"claim": m.to(c), "stance": label(s.stance)}
        for c, s in m.relations.stances_of.get(record_id, [])
    ]
    speaker_name = dataset.actors[statement.speaker].name
    return Page(
        m.page,
        "statement.md.j2",
        {
            **common(m, record_id),
            "heading": escape(f"{speaker_name}, {day_heading(statement.when)}"),
            "summary": text(statement.summary),
            "speaker": m.to(statement.speaker),
            "speaker_note": text(statement.speaker_note),
            "role": text(role.title) if role else "",
            "on_behalf_of": m.to(statement.on_behalf_of) if statement.on_behalf_of else "",
            "when": escape(when_label(statement.when)),
            "when_note": text(statement.when.note),
            "event": m.to(statement.event) if statement.event else "",
            "place": text(statement.place),
            "channel": text(statement.channel),
            "audience": text(statement.audience),
            "words": {"lang": statement.words.lang, "text": escape(statement.words.text)}
            if statement.words
            else None,
            "translations": [
                {
                    "lang": t.lang,
                    "text": escape(t.text),
                    "by": text(t.by),
                    "source": m.to(t.source) if t.source else "",
                }
                for t in statement.translations
            ],
            "fidelity": label(statement.fidelity),
            "reports": [
                {"source": m.to(r.source), "locator": text(r.locator), "excerpt": text(r.excerpt)}
                for r in statement.reported_in
            ],
            "responds_to": m.many(statement.responds_to),
            "responded_by": m.many(responded),
            "stances": stances,
            "reported": reported,
            "json_ld": json_ld(statement_ld(dataset, m.site, record_id)),
        },
    )


def event_page(m: Mentions, record_id: str) -> Page:
    event = m.dataset.events[record_id]
    said = m.relations.said_at.get(record_id, [])
    return Page(
        m.page,
        "event.md.j2",
        {
            **common(m, record_id),
            "title": text(event.title),
            "kind": label(event.kind),
            "when": escape(when_label(event.when)),
            "until": escape(when_label(event.until)) if event.until else "",
            "when_note": text(event.when.note),
            "place": text(event.place),
            "actors": m.many(event.actors),
            "description": escape_block(event.description) if event.description else "",
            "statements": m.many(said),
            "sources": m.many(event.sources),
        },
    )


def source_page(m: Mentions, record_id: str) -> Page:
    source = m.dataset.sources[record_id]
    kind_title, meaning = SOURCE_KINDS[source.kind]
    return Page(
        m.page,
        "source.md.j2",
        {
            **common(m, record_id),
            "publisher": text(source.publisher),
            "title": text(source.title),
            "url": external_link(source.url, source.url) if source.url else "",
            "url_missing": text(source.url_missing),
            "archive": external_link(source.archive_url, source.archive_url)
            if source.archive_url
            else "",
            "published": escape(when_label(source.published)) if source.published else "",
            "published_note": text(source.published.note) if source.published else "",
            "language": text(source.language),
            "kind": escape(kind_title),
            "meaning": escape(meaning),
            "carries": m.to(source.carries) if source.carries else "",
        },
    )
