"""The record kinds, one pydantic model each; `data/<kind>/<id>.yaml` holds one record.

The id is the file's stem and is not repeated inside the file. Field docstrings are the
documentation: they become the JSON Schema descriptions editors show.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from generator.schema.field_types import (
    ActorRef,
    AnyRef,
    ClaimRef,
    Count,
    DateText,
    EventRef,
    Found,
    Language,
    LongText,
    MomentRef,
    Name,
    Record,
    SourceRef,
    StatementRef,
    Strict,
    TermText,
    Text,
    Url,
    When,
)
from generator.schema.record_rules import (
    actor_rules,
    article_rules,
    contradiction_rules,
    event_rules,
    source_rules,
    statement_rules,
)

# ---------------------------------------------------------------- actors


class OriginalName(Strict):
    """A name as written in its own language and script."""

    text: Name
    """The name in the original script, e.g. `Сергей Викторович Лавров`."""
    lang: Language
    """Language code of the name, e.g. `ru`."""


class Role(Strict):
    """A position held, with the dates that bound it where they are known."""

    title: Text
    """The role in plain words, e.g. `Minister of Foreign Affairs`."""
    organisation: ActorRef | None = None
    """The organisation the role belongs to (an actor id)."""
    start: DateText | None = Field(default=None, alias="from")
    """First date in the role (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`); omit when not verified."""
    end: DateText | None = Field(default=None, alias="to")
    """Last date in the role; omit while it is current or not verified."""
    sources: list[SourceRef] = Field(min_length=1)
    """Sources that establish the role."""


class Actor(Record):
    """A person, organisation or state that speaks, acts or is acted upon."""

    kind: Literal["person", "organisation", "state"]
    """What sort of actor this is."""
    name: Name
    """The name readers know, in English."""
    name_original: OriginalName | None = None
    """The name in the actor's own language and script."""
    aliases: list[Name] = []
    """Other spellings found in sources (e.g. `Sergei Lavrov`)."""
    description: Text
    """Who this is, in our own words, one or two sentences."""
    roles: list[Role] = []
    """Positions held; the site computes the role at the time of each statement."""
    sources: list[SourceRef] = Field(min_length=1)
    """Sources for the description."""

    def _kind_rules(self, found: Found) -> None:
        actor_rules(self, found)


# ---------------------------------------------------------------- sources

SourceKind = Literal[
    "primary-transcript",
    "official-statement",
    "wire",
    "major-outlet",
    "state-media",
    "other-outlet",
    "mirror",
    "weak-copy",
]


class Source(Record):
    """A document we cite: a transcript, a statement, a news report, a copy of one of these."""

    publisher: Name
    """Who published this copy, e.g. `Reuters` or `U.S. Embassy in Italy`."""
    title: Text | None = None
    """The title as shown; omit when the stored copy showed none (the page says so)."""
    url: Url | None = None
    """The address of this copy (http or https); omit only when it was not found."""
    url_missing: Text | None = None
    """When there is no `url`: why (e.g. 'the stored text had no address')."""
    archive_url: Url | None = None
    """An archived snapshot of `url`, if one exists. Never invent one."""
    published: When | None = None
    """When this copy was published, as precisely as it shows."""
    language: Language
    """Language of the document, e.g. `en`, `ru`."""
    kind: SourceKind
    """What sort of document this is, so readers can judge it (see the README)."""
    carries: SourceRef | None = None
    """The source whose text this one reproduces (for mirrors, re-posts and wire copies)."""

    def _kind_rules(self, found: Found) -> None:
        source_rules(self, found)


# ---------------------------------------------------------------- statements


class Words(Strict):
    """Words as they were said or written."""

    lang: Language
    """Language of the words."""
    text: Text
    """The words exactly as the source gives them; `[...]` marks an elision."""


class Translation(Strict):
    """A rendering of a statement's words into another language."""

    lang: Language
    """Language of the translation."""
    text: Text
    """The translation exactly as published (or ours, when `by` says so)."""
    by: Text
    """Who translated it, e.g. `Reuters` or `our translation`."""
    source: SourceRef | None = None
    """Where this translation was published; omit for our own translation."""


class Report(Strict):
    """One link in a statement's reporting chain: a source that carries it."""

    source: SourceRef
    """The source."""
    locator: Text | None = None
    """Where in the source: a paragraph, a timestamp, a heading."""
    excerpt: Text | None = None
    """The source's own words around the statement, quoted exactly."""


class Statement(Record):
    """Something an actor said or wrote, at a time, to an audience, as sources report it."""

    speaker: ActorRef
    """Who spoke (an actor id). For an unnamed official, the organisation, with `speaker_note`."""
    speaker_note: Text | None = None
    """Qualifies the speaker, e.g. 'an unnamed Foreign Ministry representative'."""
    on_behalf_of: ActorRef | None = None
    """The organisation or state the speaker spoke for."""
    when: When
    """When it was said."""
    event: EventRef | None = None
    """The event at which it was said (a briefing, a call)."""
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
    fidelity: Literal["verbatim-primary", "verbatim-reported", "paraphrase"]
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
    kind: Literal[
        "announcement",
        "briefing",
        "call",
        "court",
        "detention",
        "exchange",
        "meeting",
        "media-report",
        "request",
        "travel",
        "war",
        "other",
    ]
    """What sort of event this is."""
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


class Stance(Strict):
    """The position one statement takes on a claim."""

    statement: StatementRef
    """The statement."""
    stance: Literal["asserts", "denies", "declines-to-confirm", "acknowledges", "qualifies"]
    """What the statement does with the claim."""
    note: Text | None = None
    """Why we read the statement this way, in our own words."""


class Claim(Record):
    """A neutral proposition that statements take positions on."""

    proposition: Text
    """The proposition, stated neutrally, e.g. 'The U.S. asked for a Blinken–Lavrov call
    before 27 July 2022'."""
    stances: list[Stance] = Field(min_length=1)
    """Each statement's stance on the proposition."""


# ---------------------------------------------------------------- contradictions


class Side(Strict):
    """One side of a contradiction: statements or sources that hold the same account."""

    label: Text
    """A short neutral label, e.g. 'Russian Foreign Ministry, 27 July'."""
    statements: list[StatementRef] = []
    """Statements on this side."""
    sources: list[SourceRef] = []
    """Sources on this side, when the account is a source's rather than a speaker's."""
    summary: Text
    """This side's account, in our own words."""


class Settlement(Strict):
    """What later evidence shows about a contradiction."""

    events: list[EventRef] = []
    """Later events that settle or inform it."""
    sources: list[SourceRef] = []
    """Sources that settle or inform it."""
    note: Text
    """How they settle it, in our own words."""


class Contradiction(Record):
    """Statements or accounts in tension, with our analysis."""

    title: Text
    """The question in dispute, e.g. 'Had the U.S. asked for the call?'."""
    type: Literal[
        "direct-denial",
        "timing",
        "channel-scope",
        "translation",
        "misattribution",
        "walk-back",
        "apparent-resolved",
    ]
    """What kind of tension this is."""
    claim: ClaimRef | None = None
    """The claim the sides disagree on, if one is recorded."""
    sides: list[Side] = Field(min_length=2)
    """The accounts in tension, at least two, each shown with equal prominence."""
    analysis: Text
    """Our analysis, in our own words."""
    status: Literal["open", "resolved", "unverifiable"]
    """`open`, `resolved` by later evidence, or `unverifiable` from the public record."""
    settled_by: Settlement | None = None
    """The events and sources that settle it; required when `status` is `resolved`."""

    def _kind_rules(self, found: Found) -> None:
        contradiction_rules(self, found)


# ---------------------------------------------------------------- articles

Verdict = Literal[
    "accurate",
    "paraphrase-as-quote",
    "altered-quote",
    "misattributed",
    "wrong-actor",
    "overstated",
    "unsupported",
    "editorialised",
    "timing",
    "omission",
    "typo",
]


MAX_OCCURRENCE = 1_000
"""A passage that occurs more often is too short to say which one is meant; and each
occurrence before the one named is found in turn (in a text of one repeated letter, every
position is one)."""


class Annotation(Strict):
    """What the record shows about one passage of an article."""

    passage: Text
    """The passage, copied exactly from the article's text."""
    occurrence: Annotated[Count, Field(le=MAX_OCCURRENCE)] = 1
    """Which occurrence of `passage` is meant, when it occurs more than once."""
    verdict: Verdict
    """How the passage holds up against the record."""
    note: Text
    """What the record shows, in one or two sentences of our own."""
    statements: list[StatementRef] = []
    """Statements that establish the note."""
    events: list[EventRef] = []
    """Events that establish the note."""
    sources: list[SourceRef] = []
    """Sources that establish the note."""


class Article(Record):
    """A published article, its full text, and our annotations of its passages."""

    title: Text
    """The article's title, or our label for it when the stored copy showed none."""
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
    """The term as it appears in text, e.g. `SCO` or `megaphone diplomacy` (case-sensitive)."""
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
