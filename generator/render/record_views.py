"""What a record shows, worked out once: a frozen view per record kind, made of the record's raw
values (text is never escaped here) and its references resolved to links from one page.

A record's own page (Markdown, record_pages.py) and its section on a shelf (HTML, the
`sections/*.html.j2` templates) are both rendered from its view, so speaker, role, time, words,
translations, corrections and related records are worked out in one place.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from urllib.parse import urlencode

from generator.render.date_labels import date_label, when_label
from generator.render.layout import Place, permalink_page
from generator.render.markdown_text import link as markdown_link
from generator.render.markdown_text import relative_url
from generator.render.record_links import UNVERIFIED_MARK, Mentions
from generator.render.relations import role_at
from generator.render.settings import SiteSettings
from generator.schema.models import SINGULAR
from generator.schema.vocabulary import SOURCE_KINDS, label


@dataclass(frozen=True)
class Ref:
    """A reference resolved from the page the view is for."""

    id: str
    kind: str
    """The record's kind in words, e.g. `statement`."""
    title: str
    unverified: bool
    page: str
    """The page the view is for."""
    place: Place
    """Where the record is shown."""

    @cached_property
    def href(self) -> str:
        """Relative URL of the record's page or section (for raw HTML)."""
        return relative_url(self.page, self.place.page, self.place.anchor)

    @cached_property
    def markdown(self) -> str:
        """The same link in Markdown, with the record's verification mark."""
        link = markdown_link(self.title, self.page, self.place.page, self.place.anchor)
        return f"{link} {UNVERIFIED_MARK}" if self.unverified else link


@dataclass(frozen=True)
class Refs:
    """Some references, the first `LISTED` of them shown in a section, the rest counted."""

    shown: tuple[Ref, ...]
    more: int


LISTED = 20
"""At most this many related records are linked from a section; the rest are counted."""


@dataclass(frozen=True)
class Correction:
    date: str
    """The date as readers read it, e.g. `1 September 2022`."""
    what: str
    why: str
    sources: Refs


@dataclass(frozen=True)
class EditLinks:
    edit: str
    """The address that opens the record's file in the repository's editor."""
    suggest: str
    """The address of a new correction issue about the record."""


@dataclass(frozen=True)
class Frame:
    """What every record shows, whatever its kind."""

    id: str
    kind: str
    heading: str
    missing: str | None
    """What would verify the record, when it is unverified."""
    notes: str | None
    corrections: tuple[Correction, ...]
    """Newest first."""
    referrers: Refs
    """The records that refer to this one ('what links here'): all of them for a page, the
    first LISTED for a section."""
    permalink: str
    """Relative URL of the record's permanent address."""
    edit: EditLinks | None
    """None without a repository."""


def frame(m: Mentions, record_id: str, heading: str, listed: int | None = LISTED) -> Frame:
    kind, record = m.index[record_id]
    ordered = sorted(record.corrections, key=lambda c: c.date, reverse=True)
    referrers = [other for _kind, other in m.cited_by.get(record_id, [])]
    return Frame(
        id=record_id,
        kind=kind,
        heading=heading,
        missing=record.missing if record.verification == "unverified" else None,
        notes=record.notes,
        corrections=tuple(
            Correction(date_label(c.date), c.what, c.why, capped(m, c.sources, None))
            for c in ordered
        ),
        referrers=capped(m, referrers, listed),
        permalink=relative_url(m.page, permalink_page(kind, record_id)),
        edit=edit_links(m.site, kind, record_id, m.title(record_id)),
    )


def edit_links(site: SiteSettings, kind: str, record_id: str, title: str) -> EditLinks | None:
    """Where to edit a record's file and where to suggest a correction, or None without a
    repository."""
    if not site.repo_url:
        return None
    repo = site.repo_url.rstrip("/")
    query = urlencode(
        {
            "template": "correction.yml",
            "title": f"Correction: {' '.join(title.split())[:80]}",
            "record": f"data/{kind}/{record_id}.yaml",
        }
    )
    return EditLinks(
        f"{repo}/edit/{site.branch}/data/{kind}/{record_id}.yaml", f"{repo}/issues/new?{query}"
    )


def ref(m: Mentions, record_id: str, title: str | None = None) -> Ref:
    kind, record = m.index[record_id]
    return Ref(
        record_id,
        SINGULAR[kind],
        title if title is not None else m.title(record_id),
        record.verification == "unverified",
        m.page,
        m.layout.place(kind, record_id),
    )


def refs(m: Mentions, record_ids: Sequence[str]) -> tuple[Ref, ...]:
    return tuple(ref(m, record_id) for record_id in record_ids)


def capped(m: Mentions, record_ids: Sequence[str], listed: int | None = LISTED) -> Refs:
    shown = record_ids if listed is None else record_ids[:listed]
    return Refs(refs(m, shown), len(record_ids) - len(shown))


@dataclass(frozen=True)
class Translation:
    lang: str
    text: str
    by: str
    source: Ref | None


@dataclass(frozen=True)
class StatementView:
    frame: Frame
    speaker: Ref
    speaker_note: str | None
    role: str | None
    """The speaker's role on the day of the statement."""
    on_behalf_of: Ref | None
    when: str
    when_note: str | None
    channel: str
    event: Ref | None
    words_lang: str | None
    words: str | None
    translations: tuple[Translation, ...]
    reported_in: Refs
    responds_to: Refs
    stances: tuple[tuple[str, Ref], ...]
    """(stance in words, claim), at most LISTED."""


def statement_view(m: Mentions, record_id: str) -> StatementView:
    statement = m.dataset.statements[record_id]
    role = role_at(m.dataset.actors[statement.speaker], statement.when.date)
    stances = m.relations.stances_of.get(record_id, [])[:LISTED]
    return StatementView(
        frame=frame(m, record_id, m.title(record_id)),
        speaker=ref(m, statement.speaker),
        speaker_note=statement.speaker_note,
        role=role.title if role else None,
        on_behalf_of=ref(m, statement.on_behalf_of) if statement.on_behalf_of else None,
        when=when_label(statement.when),
        when_note=statement.when.note,
        channel=statement.channel,
        event=ref(m, statement.event) if statement.event else None,
        words_lang=statement.words.lang if statement.words else None,
        words=statement.words.text if statement.words else None,
        translations=tuple(
            Translation(t.lang, t.text, t.by, ref(m, t.source) if t.source else None)
            for t in statement.translations
        ),
        reported_in=capped(m, [r.source for r in statement.reported_in]),
        responds_to=capped(m, statement.responds_to),
        stances=tuple((label(stance.stance), ref(m, claim)) for claim, stance in stances),
    )


@dataclass(frozen=True)
class EventView:
    frame: Frame
    kind: str
    when: str
    until: str | None
    when_note: str | None
    place: str | None
    actors: Refs
    description: str | None
    statements: Refs
    sources: Refs


def event_view(m: Mentions, record_id: str) -> EventView:
    event = m.dataset.events[record_id]
    return EventView(
        frame=frame(m, record_id, f"{date_label(event.when.date)}: {event.title}"),
        kind=label(event.kind),
        when=when_label(event.when),
        until=when_label(event.until) if event.until else None,
        when_note=event.when.note,
        place=event.place,
        actors=capped(m, event.actors),
        description=event.description,
        statements=capped(m, m.relations.said_at.get(record_id, [])),
        sources=capped(m, event.sources),
    )


@dataclass(frozen=True)
class Role:
    title: str
    organisation: Ref | None
    dates: str
    """`from – to`, as far as known; empty when neither is."""


@dataclass(frozen=True)
class ActorView:
    frame: Frame
    kind: str
    original_lang: str | None
    original: str | None
    aliases: tuple[str, ...]
    description: str | None
    roles: tuple[Role, ...]
    statements: Refs
    statement_count: int
    events: Refs
    contradictions: Refs
    sources: Refs


def actor_view(m: Mentions, record_id: str) -> ActorView:
    actor = m.dataset.actors[record_id]
    said = m.relations.said_by.get(record_id, [])
    original = actor.name_original
    return ActorView(
        frame=frame(m, record_id, actor.name),
        kind=label(actor.kind),
        original_lang=original.lang if original else None,
        original=original.text if original else None,
        aliases=tuple(actor.aliases),
        description=actor.description,
        roles=tuple(
            Role(
                role.title,
                ref(m, role.organisation) if role.organisation else None,
                " – ".join(filter(None, [role.start, role.end])),
            )
            for role in actor.roles
        ),
        statements=capped(m, said),
        statement_count=len(said),
        events=capped(m, m.relations.events_of_actor.get(record_id, [])),
        contradictions=capped(m, m.relations.contradictions_of_speaker.get(record_id, [])),
        sources=capped(m, actor.sources),
    )


@dataclass(frozen=True)
class SourceView:
    frame: Frame
    kind: str
    """The kind of source in words, e.g. `Wire agency`."""
    meaning: str
    """What that kind of source is worth as evidence."""
    language: str
    published: str | None
    url: str | None
    url_missing: str | None
    archive_url: str | None
    carries: Ref | None
    cited_by: Refs
    cited_count: int


def source_view(m: Mentions, record_id: str) -> SourceView:
    source = m.dataset.sources[record_id]
    kind_title, meaning = SOURCE_KINDS[source.kind]
    cited = [other for _kind, other in m.cited_by.get(record_id, [])]
    return SourceView(
        # "What links here" would repeat "Cited by": every record that refers to a source cites it.
        frame=frame(m, record_id, m.title(record_id), listed=0),
        kind=kind_title,
        meaning=meaning,
        language=source.language,
        published=when_label(source.published) if source.published else None,
        url=source.url,
        url_missing=source.url_missing,
        archive_url=source.archive_url,
        carries=ref(m, source.carries) if source.carries else None,
        cited_by=capped(m, cited),
        cited_count=len(cited),
    )
