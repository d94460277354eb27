"""The record kinds, one pydantic model each; `data/<kind>/<id>.yaml` holds one record.

The id is the file's stem and is not repeated inside the file. Field docstrings are the
documentation: they become the JSON Schema descriptions editors show.
"""

from __future__ import annotations

from pydantic import Field

from generator.schema.field_types import (
    ActorRef,
    AnyRef,
    ClaimRef,
    EventRef,
    Language,
    LongText,
    MomentRef,
    Name,
    Record,
    SourceRef,
    TermText,
    Text,
    Url,
    When,
)
from generator.schema.record_parts import (
    Annotation,
    OriginalName,
    Report,
    Role,
    Settlement,
    Side,
    Stance,
    Translation,
    Words,
)
from generator.schema.record_rules import (
    Found,
    actor_rules,
    article_rules,
    contradiction_rules,
    event_rules,
    source_rules,
    statement_rules,
)
from generator.schema.vocabulary import (
    ActorKind,
    ContradictionType,
    EventKind,
    Fidelity,
    SourceKind,
    Status,
)

# ---------------------------------------------------------------- actors


class Actor(Record):
    """A person, organisation or state that speaks, acts or is acted upon."""

    kind: ActorKind
    """What sort of actor this is."""
    name: Name
    """The name readers know, in English."""
    name_original: OriginalName | None = None
    """The name in the actor's own language and script."""
    aliases: list[Name] = []
    """Other spellings found in sources (e.g. `Jon Smith` for `John Smith`)."""
    description: Text
    """Who this is, in our own words, one or two sentences."""
    roles: list[Role] = []
    """Positions held; the site computes the role at the time of each statement."""
    sources: list[SourceRef] = Field(min_length=1)
    """Sources for the description."""

    def _kind_rules(self, found: Found) -> None:
        actor_rules(self, found)


# ---------------------------------------------------------------- sources

class Source(Record):
    """A document we cite: a transcript, a statement, a news report, a copy of one of these."""

    publisher: Name
    """Who published this copy, e.g. `Reuters` or `U.S. Embassy in Italy`."""
    title: Text | None = None
    """The title as shown; omit when the copy we consulted showed none (the page says so)."""
    url: Url | None = None
    """The address of this copy (http or https); omit only when it was not found."""
    url_missing: Text | None = None
    """When there is no `url`: why (e.g. 'the stored text had no address')."""
    archive_url: Url | None = None
    """An archived snapshot of `url`, if one exists. Never invent one."""
    published: When | None = None
    """When this copy was published, as precisely as it shows."""
    language: Language | list[Language]
    """Language of the document, e.g. `en`, `ru`; a list for a document in several, main
    language first (e.g. `[ru, en]` for a bilingual transcript)."""
    kind: SourceKind
    """What sort of document this is, so readers can judge it (see the README)."""
    carries: SourceRef | None = None
    """The source whose text this one reproduces (for mirrors, re-posts and wire copies)."""

    @property
    def languages(self) -> tuple[str, ...]:
        return tuple(self.language) if isinstance(self.language, list) else (self.language,)

    def _kind_rules(self, found: Found) -> None:
        source_rules(self, found)


# ---------------------------------------------------------------- statements


class Statement(Record):
    """Something an actor said or wrote, at a time, to an audience, as sources report it."""

    speaker: ActorRef
    """Who spoke (an actor id). For an unnamed official, the organisation, with `speaker_note`."""
    speaker_note: Text | None = None
    """Qualifies the speaker, e.g. 'an unnamed Foreign Ministry representative'."""
    on_behalf_of: ActorRef | None = None
    """The organisation or state the speaker spoke for."""
    when: When
    """When it was said (its start, for words that span time such as a day of posts)."""
    until: When | None = None
    """When words that span time ended."""
    event: EventRef | None = None
    """The event at which it was said (a briefing, a call): its date must fall within it."""
    about: list[EventRef] = []
    """Events the statement is about, said at another time (a comment on a call, a readout
    published the next day)."""
    place: Text | None = None
    """Where it was said."""
    channel: Text
    """How it was said: a briefing, a comment to an agency, a written statement, a post."""
    audience: Text | None = None
    """Whom it was addressed to."""
    words: Words | None = None
    """The words in the original language. Omit when only a translation was found (the page
    says the original is missing) or for a paraphrase with no quoted words."""
    translations: list[Translation] = []
    """Published (or our) translations of `words`."""
    fidelity: Fidelity
    """How close `words` are to what was said: from the primary record, as a report quotes
    them, or a paraphrase."""
    summary: Text
    """What the statement says, in our own words, one sentence."""
    reported_in: list[Report] = Field(min_length=1)
    """The sources that carry the statement, best first."""
    responds_to: list[MomentRef] = []
    """Statements or events this one answers."""

    def _kind_rules(self, found: Found) -> None:
        statement_rules(self, found)


# ---------------------------------------------------------------- events


class Event(Record):
    """Something that happened: a request, a call, a briefing, a court ruling, an exchange."""

    title: Text
    """One line in our own words."""
    kind: EventKind
    """What sort of event this is."""
    kind_label: Text | None = None
    """For `kind: other`, what sort of event it is in a word or two (e.g. `election`): shown
    instead of "other"."""
    when: When
    """When it happened (its start, for a span)."""
    until: When | None = None
    """When a span ended (e.g. the last day of a meeting)."""
    place: Text | None = None
    """Where it happened."""
    actors: list[ActorRef] = []
    """Who took part or was affected."""
    description: Text | None = None
    """What happened, in our own words."""
    sources: list[SourceRef] = Field(min_length=1)
    """Sources that establish the event."""

    def _kind_rules(self, found: Found) -> None:
        event_rules(self, found)


# ---------------------------------------------------------------- claims


class Claim(Record):
    """A neutral proposition that statements take positions on."""

    proposition: Text
    """The proposition, stated neutrally, e.g. 'The ministry received the request
    before the briefing'."""
    stances: list[Stance] = Field(min_length=1)
    """Each statement's stance on the proposition."""
    bottom_line: Text | None = None
    """What the record shows about the proposition, in a sentence of our own words, shown
    first. Without it the claim opens with who asserts and who denies it."""
    sources: list[SourceRef] = []
    """Sources that bear on the claim beyond its statements' (a report of the offer, a
    document)."""


# ---------------------------------------------------------------- contradictions


class Contradiction(Record):
    """Statements or accounts in tension, with our analysis."""

    title: Text
    """The question in dispute, e.g. 'Had the U.S. asked for the call?'."""
    type: ContradictionType | list[ContradictionType]
    """What kind of tension this is; a list when one is not enough (e.g. `[timing,
    channel-scope]`), the main one first."""
    claim: ClaimRef | None = None
    """The claim the sides disagree on, if one is recorded."""
    sides: list[Side] = Field(min_length=2)
    """The accounts in tension, at least two, each shown with equal prominence."""
    analysis: Text
    """Our analysis, in our own words."""
    status: Status
    """`open`, `resolved` by later evidence, `apparent` (resolved by reading the context) or
    `unverifiable` from the public record."""
    settled_by: Settlement | None = None
    """The events and sources that settle it; required when `status` is `resolved`."""
    sources: list[SourceRef] = []
    """Sources for the analysis beyond the sides' own."""

    @property
    def types(self) -> tuple[str, ...]:
        return tuple(self.type) if isinstance(self.type, list) else (self.type,)

    def _kind_rules(self, found: Found) -> None:
        contradiction_rules(self, found)


# ---------------------------------------------------------------- articles


class Article(Record):
    """A published article, its full text, and our annotations of its passages."""

    title: Text
    """The article's title, or our label for it when the copy we consulted showed none."""
    source: SourceRef
    """The source record of the article (publisher, address, date)."""
    language: Language
    """Language of the article."""
    text: LongText
    """The article's text as published, paragraphs separated by blank lines."""
    annotations: list[Annotation] = []
    """Annotated passages, in any order."""

    def _kind_rules(self, found: Found) -> None:
        article_rules(self, found)


# ---------------------------------------------------------------- glossary


class Term(Record):
    """A word or abbreviation a reader may need explained; a tooltip wherever it appears."""

    term: TermText
    """The term as it appears in text, e.g. `NATO` or `shuttle diplomacy` (case-sensitive)."""
    expansion: Text | None = None
    """What an abbreviation stands for, e.g. `Shanghai Cooperation Organisation`."""
    aliases: list[TermText] = Field(default=[], max_length=20)
    """Other forms that get the same tooltip, e.g. `ШОС` or `wrongfully detained`."""
    definition: Text
    """What it means here, in our own words, one or two sentences."""
    see: list[AnyRef] = []
    """Records that show the term in use or explain it further."""
    sources: list[SourceRef] = []
    """Sources for any fact the definition states."""
    mark_common_words: bool = False
    """`true` to mark a term or alias that is also a common word of the explainer's languages
    (such as `state`): every occurrence on every page then gets the tooltip."""


KINDS: dict[str, type[Record]] = {
    "actors": Actor,
    "sources": Source,
    "events": Event,
    "statements": Statement,
    "claims": Claim,
    "contradictions": Contradiction,
    "articles": Article,
    "glossary": Term,
}
"""Folder name under data/ -> model. The order is the order of reports and counts."""

SINGULAR = {
    "actors": "actor",
    "sources": "source",
    "events": "event",
    "statements": "statement",
    "claims": "claim",
    "contradictions": "contradiction",
    "articles": "article",
    "glossary": "term",
}
