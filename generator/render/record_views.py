"""What a record shows, worked out once: a frozen view per record kind, made of the record's raw
values (text is never escaped here) and its references resolved to links from one page.

A record's own page (`statement.md.j2`, ...) and its section on a shelf (`sections/*.html.j2`)
are both rendered from its view, so speaker, role, time, words, translations, corrections and
related records are worked out in one place. `listed` caps the related records a view links
(a section shows the first LISTED); a page's view lists them all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.render.argument_views import quote_of
from generator.render.article_page import link_to_passage
from generator.render.date_labels import date_label, day_heading, when_label
from generator.render.record_links import Mentions, Ref
from generator.render.relations import role_at
from generator.render.view_parts import (
    Dated,
    Frame,
    Passage,
    Refs,
    Reported,
    Role,
    Stance,
    Translation,
    capped,
    frame,
    ref,
)
from generator.schema.models import Statement
from generator.schema.vocabulary import (
    ACTOR_KINDS,
    EVENT_KINDS,
    FIDELITY,
    SOURCE_KINDS,
    STANCES,
    VERDICTS,
)


@dataclass(frozen=True)
class StatementView:
    frame: Frame
    heading: str
    """The page's heading: the speaker, the day and the start of the words."""
    summary: str
    speaker: Ref
    speaker_note: str | None
    role: str | None
    """The speaker's role on the day of the statement."""
    on_behalf_of: Ref | None
    when: str
    until: str | None
    """When words that span time ended."""
    when_note: str | None
    place: str | None
    channel: str
    audience: str | None
    event: Ref | None
    fidelity: str
    words_lang: str | None
    words: str | None
    translations: tuple[Translation, ...]
    reported_in: tuple[Reported, ...]
    reported_more: int
    about: Refs
    """Events the statement is about, made at other times."""
    responds_to: Refs
    answered_by: Refs
    stances: tuple[Stance, ...]
    passages: tuple[Passage, ...]
    """How articles reported it: on its page only."""


SHORT_WORDS = 60
"""Characters of the words a statement's heading (and so its browser title) carries."""


def _heading(speaker: str, statement: Statement) -> str:
    """`Speaker, day: “the words…”`: the words a reader searched for, in the tab and in
    search results; a paraphrase has no words to quote."""
    said = f"{speaker}, {day_heading(statement.when)}"
    quote, _lang, _note = quote_of(statement)
    if quote is None or statement.fidelity == "paraphrase":
        return said
    flat = " ".join(quote.split())
    if len(flat) > SHORT_WORDS:
        # The first sentence when it is short enough, else the words up to a word's end.
        # A full stop before a capital ends a sentence; one before "citizens" ends "U.S.".
        sentence = re.match(r".{8,}?[a-zа-я)][.!?](?= [A-ZА-Я«“\"])", flat[: SHORT_WORDS + 2])
        if sentence:
            flat = sentence.group()
        else:
            flat = flat[: SHORT_WORDS + 1].rsplit(" ", 1)[0].rstrip(",;:.—–-") + "…"
    return f"{said}: “{flat}”"


def statement_view(m: Mentions, record_id: str, listed: int | None) -> StatementView:
    dataset = m.dataset
    statement = dataset.statements[record_id]
    speaker = dataset.actors[statement.speaker]
    role = role_at(speaker, statement.when.date)
    answered = [
        other
        for kind, other in m.cited_by.get(record_id, [])
        if kind == "statements" and record_id in dataset.statements[other].responds_to
    ]
    stances = m.relations.stances_of.get(record_id, [])
    reports = statement.reported_in if listed is None else statement.reported_in[:listed]
    shown = {
        statement.speaker,
        *filter(None, [statement.on_behalf_of, statement.event]),
        *statement.responds_to,
        *statement.about,
        *answered,
        *(claim for claim, _stance in stances),
    }
    return StatementView(
        frame=frame(m, record_id, m.title(record_id), listed, shown),
        heading=_heading(speaker.name, statement),
        summary=statement.summary,
        speaker=ref(m, statement.speaker),
        speaker_note=statement.speaker_note,
        role=role.title if role else None,
        on_behalf_of=ref(m, statement.on_behalf_of) if statement.on_behalf_of else None,
        when=when_label(statement.when, m.site.reference_zones),
        until=when_label(statement.until, m.site.reference_zones) if statement.until else None,
        when_note=statement.when.note,
        place=statement.place,
        channel=statement.channel,
        audience=statement.audience,
        event=ref(m, statement.event) if statement.event else None,
        fidelity=FIDELITY.label(statement.fidelity),
        words_lang=statement.words.lang if statement.words else None,
        words=statement.words.text if statement.words else None,
        translations=tuple(
            Translation(t.lang, t.text, t.by, ref(m, t.source) if t.source else None)
            for t in statement.translations
        ),
        reported_in=tuple(Reported(ref(m, r.source), r.locator, r.excerpt) for r in reports),
        reported_more=len(statement.reported_in) - len(reports),
        about=capped(m, statement.about, listed),
        responds_to=capped(m, statement.responds_to, listed),
        answered_by=capped(m, answered, listed),
        stances=tuple(
            Stance(STANCES.label(stance.stance), ref(m, claim))
            for claim, stance in (stances if listed is None else stances[:listed])
        ),
        passages=tuple(
            Passage(
                ref(m, article_id),
                link_to_passage(m, article_id, dataset.articles[article_id], annotation),
                VERDICTS.label(annotation.verdict),
            )
            # A page's only: a section does not show how articles reported the statement.
            for article_id, annotation in (
                m.relations.passages_of.get(record_id, []) if listed is None else []
            )
        ),
    )


@dataclass(frozen=True)
class EventView:
    frame: Frame
    title: str
    kind: str
    when: str
    until: str | None
    when_note: str | None
    place: str | None
    actors: Refs
    description: str | None
    statements: Refs
    """The statements made at the event."""
    statements_about: Refs
    """Statements about the event made at other times."""
    sources: Refs


def event_view(m: Mentions, record_id: str, listed: int | None) -> EventView:
    event = m.dataset.events[record_id]
    return EventView(
        frame=frame(
            m,
            record_id,
            f"{date_label(event.when.date)}: {event.title}",
            listed,
            {
                *event.actors,
                *m.relations.said_at.get(record_id, []),
                *m.relations.said_about.get(record_id, []),
            },
        ),
        title=event.title,
        kind=event.kind_label or EVENT_KINDS.label(event.kind),
        when=when_label(event.when, m.site.reference_zones),
        until=when_label(event.until, m.site.reference_zones) if event.until else None,
        when_note=event.when.note,
        place=event.place,
        actors=capped(m, event.actors, listed),
        description=event.description,
        statements=capped(m, m.relations.said_at.get(record_id, []), listed),
        statements_about=capped(m, m.relations.said_about.get(record_id, []), listed),
        sources=capped(m, event.sources, listed),
    )


@dataclass(frozen=True)
class ActorView:
    frame: Frame
    name: str
    kind: str
    original_lang: str | None
    original: str | None
    aliases: tuple[str, ...]
    description: str | None
    roles: tuple[Role, ...]
    statements: Refs
    statement_count: int
    said: tuple[Dated, ...]
    """The actor's statements, dated, for the page (the section links `statements`)."""
    events: Refs
    attended: tuple[Dated, ...]
    """The events the actor took part in, dated, for the page (the section links `events`)."""
    contradictions: Refs
    sources: Refs


def actor_view(m: Mentions, record_id: str, listed: int | None) -> ActorView:
    dataset = m.dataset
    actor = dataset.actors[record_id]
    said = m.relations.said_by.get(record_id, [])
    events = m.relations.events_of_actor.get(record_id, [])
    original = actor.name_original
    dated_statements: tuple[Dated, ...] = ()
    dated_events: tuple[Dated, ...] = ()
    if listed is None:
        dated_statements = tuple(
            Dated(
                when_label(dataset.statements[s].when, m.site.reference_zones),
                role.title if (role := role_at(actor, dataset.statements[s].when.date)) else None,
                ref(m, s, dataset.statements[s].summary),
            )
            for s in said
        )
        dated_events = tuple(
            Dated(when_label(dataset.events[e].when, m.site.reference_zones), None, ref(m, e))
            for e in events
        )
    return ActorView(
        frame=frame(m, record_id, actor.name, listed, {*said, *events}),
        name=actor.name,
        kind=ACTOR_KINDS.label(actor.kind),
        original_lang=original.lang if original else None,
        original=original.text if original else None,
        aliases=tuple(actor.aliases),
        description=actor.description,
        roles=tuple(
            Role(
                role.title,
                ref(m, role.organisation) if role.organisation else None,
                " – ".join(filter(None, [role.start, role.end])),
                capped(m, role.sources, None),
            )
            for role in actor.roles
        ),
        statements=capped(m, said, listed),
        statement_count=len(said),
        said=dated_statements,
        events=capped(m, events, listed),
        attended=dated_events,
        contradictions=capped(m, m.relations.contradictions_of_speaker.get(record_id, []), listed),
        sources=capped(m, actor.sources, listed),
    )


@dataclass(frozen=True)
class SourceView:
    frame: Frame
    publisher: str
    title: str | None
    kind: str
    """The kind of source in words, e.g. `Wire agency`."""
    meaning: str
    """What that kind of source is worth as evidence."""
    languages: tuple[str, ...]
    published: str | None
    published_note: str | None
    url: str | None
    url_missing: str | None
    archive_url: str | None
    carries: Ref | None
    cited_by: Refs
    cited_count: int


def source_view(m: Mentions, record_id: str, listed: int | None) -> SourceView:
    source = m.dataset.sources[record_id]
    cited = [other for _kind, other in m.cited_by.get(record_id, [])]
    return SourceView(
        # A section's "What links here" would repeat "Cited by": every record that refers to a
        # source cites it. A page lists them under "What links here" only.
        frame=frame(m, record_id, m.title(record_id), None if listed is None else 0),
        publisher=source.publisher,
        title=source.title,
        kind=SOURCE_KINDS.label(source.kind),
        meaning=SOURCE_KINDS.meaning(source.kind),
        languages=source.languages,
        published=when_label(source.published, m.site.reference_zones)
        if source.published
        else None,
        published_note=source.published.note if source.published else None,
        url=source.url,
        url_missing=source.url_missing,
        archive_url=source.archive_url,
        carries=ref(m, source.carries) if source.carries else None,
        cited_by=capped(m, cited, listed),
        cited_count=len(cited),
    )
