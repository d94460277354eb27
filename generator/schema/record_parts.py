"""The parts records are made of (a role, the words, a translation, a side, an annotation):
pydantic models that are never a file of their own. Field docstrings become the JSON Schema
descriptions editors show.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from generator.schema.field_types import (
    ActorRef,
    Count,
    DateText,
    EventRef,
    Excerpt,
    Language,
    Name,
    SourceRef,
    StatementRef,
    Strict,
    Text,
)
from generator.schema.vocabulary import StanceValue, Verdict


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


class Stance(Strict):
    """The position one statement takes on a claim."""

    statement: StatementRef
    """The statement."""
    stance: StanceValue
    """What the statement does with the claim."""
    note: Text | None = None
    """Why we read the statement this way, in our own words."""


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
    translation: Name | None = None
    """When the dispute is about a translation: whose translation of its statements this side
    stands for (their `by`, e.g. `AFP`); its cards show that translation under the original."""
    excerpts: list[Excerpt] = Field(default=[], max_length=20)
    """The words at issue, each copied exactly from one of this side's statements (its words, a
    translation, or a report's text in `reported_in`) or from the text of an article by one of
    its sources; each in just one of them, at most one per statement or source; two words or
    more, 250 characters at most; spaces and line breaks need not match. A side that stands
    for a translation quotes that translation. A statement's card shows its excerpt in place
    of its full words (which its own page keeps), a source's card quotes its article, and the
    home page shows the first when this is the central contradiction."""


class Settlement(Strict):
    """What later evidence shows about a contradiction."""

    events: list[EventRef] = []
    """Later events that settle or inform it."""
    sources: list[SourceRef] = []
    """Sources that settle or inform it."""
    note: Text
    """How they settle it, in our own words."""


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
