"""Every closed list of values in the data, declared once: each value with the words a reader
sees (its label) and what it means. The models' field types, the labels on pages, the
per-value descriptions in the JSON Schema, `new`'s comments, `check`'s hints and the README's
tables all come from here (tests/test_vocabulary.py holds the README to it).

Two fields may share a value (`timing` is a contradiction type and a verdict) and still label
it differently: a label is looked up in the field's own vocabulary, never by value alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal, TypeAlias


@dataclass(frozen=True)
class Term:
    value: str
    label: str
    """What readers see, e.g. `resolved by later evidence` for `resolved`."""
    meaning: str
    """What the value means, for contributors and for readers where a page explains it."""


class Vocabulary:
    """The allowed values of one field, in the order pages list them."""

    def __init__(self, field: str, *terms: Term) -> None:
        self.field = field
        self.terms = {term.value: term for term in terms}
        self.values = tuple(self.terms)

    def label(self, value: str) -> str:
        return self.terms[value].label

    def meaning(self, value: str) -> str:
        return self.terms[value].meaning

    @property
    def literal(self) -> Any:
        """`Literal[...]` of the values, for a model's field type."""
        return Literal[self.values]

    def table(self) -> str:
        """A Markdown table of the values, their labels and meanings (the README's)."""
        rows = [f"| `{t.value}` | {t.label} | {t.meaning} |" for t in self.terms.values()]
        return "\n".join([f"| `{self.field}` | shown as | meaning |", "|---|---|---|", *rows])


VERIFICATION = Vocabulary(
    "verification",
    Term("verified", "verified", "checked against the cited sources"),
    Term("unverified", "unverified", "could not be checked; `missing` says what would check it"),
)

ACTOR_KINDS = Vocabulary(
    "kind",
    Term("person", "person", "a named individual"),
    Term("organisation", "organisation", "a ministry, agency, outlet or other body"),
    Term("state", "state", "a country acting as one party"),
    Term(
        "group",
        "unnamed or collective speaker",
        "speakers the sources do not name, or name only as a group: 'senior U.S. officials', "
        "'a Foreign Ministry representative'",
    ),
)

SOURCE_KINDS = Vocabulary(
    "kind",
    Term(
        "primary-transcript",
        "Primary transcripts",
        "The record of what was said, from the organiser or a faithful transcriber: the "
        "strongest evidence of the words.",
    ),
    Term(
        "official-statement",
        "Official statements",
        "Published by the speaker's own organisation: authoritative for what that side "
        "says, not for what is true.",
    ),
    Term(
        "wire",
        "Wire services and news agencies",
        "Agencies such as Reuters, AP, AFP and Interfax, or outlets carrying their "
        "copy: fast, usually careful with quotes.",
    ),
    Term(
        "major-outlet",
        "Major outlets",
        "Large newsrooms with their own reporting and corrections.",
    ),
    Term(
        "state-media",
        "State media",
        "Owned, funded or controlled by a government that is a party to the story, whichever "
        "side it is on: a reliable record of that government's position, to be weighed for "
        "everything else.",
    ),
    Term(
        "other-outlet",
        "Other outlets",
        "Smaller or regional news sites: useful for wording and detail, checked against "
        "stronger sources.",
    ),
    Term(
        "mirror",
        "Mirrors and re-posts",
        "Copies of another source's text: as good as the original they reproduce, if faithful.",
    ),
    Term(
        "weak-copy",
        "Weak copies",
        "Low-quality copies, rewrites, machine transcripts and social re-posts: used "
        "only where nothing better was found, and said so.",
    ),
)
"""The label is the title of the kind's section on the Sources page."""

FIDELITY = Vocabulary(
    "fidelity",
    Term(
        "verbatim-primary",
        "verbatim, from the primary record",
        "the words as the primary record (a transcript, the speaker's own site) gives them",
    ),
    Term("verbatim-reported", "verbatim, as reported", "the words as a report quotes them"),
    Term("paraphrase", "paraphrase", "a report's account of what was said, not the words"),
    Term(
        "readout",
        "official readout",
        "one side's published summary of a call or meeting: its account, in its words",
    ),
)

EVENT_KINDS = Vocabulary(
    "kind",
    Term("announcement", "announcement", "something made public by one side"),
    Term("briefing", "briefing", "a press briefing or press availability"),
    Term("call", "call", "a telephone or video call"),
    Term("court", "court", "a hearing, verdict or ruling"),
    Term("detention", "detention", "an arrest or detention"),
    Term("exchange", "exchange", "an exchange of prisoners"),
    Term("meeting", "meeting", "a meeting or summit"),
    Term("media-report", "media report", "a report that became part of the story"),
    Term("request", "request", "a request from one side to the other"),
    Term("travel", "travel", "a journey or visit"),
    Term("war", "war", "an act of war"),
    Term("other", "other", "anything else; the title says what"),
)

STANCES = Vocabulary(
    "stance",
    Term("asserts", "asserts", "says the proposition is true"),
    Term("denies", "denies", "says it is false"),
    Term("declines-to-confirm", "declines to confirm", "is asked and neither confirms nor denies"),
    Term("acknowledges", "acknowledges", "accepts it, having been asked or in passing"),
    Term("qualifies", "qualifies", "accepts part of it, or with a condition"),
)

CONTRADICTION_TYPES = Vocabulary(
    "type",
    Term("direct-denial", "direct denial", "one side says what the other says did not happen"),
    Term("timing", "timing", "the sides disagree on when, or in what order"),
    Term(
        "channel-scope",
        "channel or scope mismatch",
        "the sides describe different channels or different things under one name",
    ),
    Term("translation", "translation", "the disagreement is in how words were translated"),
    Term("misattribution", "misattribution", "words are credited to the wrong speaker"),
    Term("walk-back", "later walk-back", "a speaker later takes back or narrows what was said"),
    Term(
        "apparent-resolved",
        "apparent, resolved by context",
        "the tension disappears once the context is read",
    ),
)

STATUSES = Vocabulary(
    "status",
    Term("open", "open", "not settled"),
    Term("resolved", "resolved by later evidence", "later events or sources settle it"),
    Term("unverifiable", "unverifiable from the public record", "no public record can settle it"),
    Term(
        "apparent",
        "apparent, resolved by context",
        "read in context the accounts do not conflict; the analysis says why",
    ),
)

VERDICTS = Vocabulary(
    "verdict",
    Term("accurate", "Accurate", "the passage agrees with the record"),
    Term("contradicted", "False", "the record shows the passage is not so"),
    Term(
        "paraphrase-as-quote",
        "Paraphrase shown as a quote",
        "a paraphrase is printed inside quotation marks",
    ),
    Term("altered-quote", "Quote altered", "quoted words differ from what the record has"),
    Term("misattributed", "Misattributed", "words or acts are credited to the wrong speaker"),
    Term("wrong-actor", "Wrong actor", "the wrong person or body is named"),
    Term("overstated", "Overstated", "the passage says more than the record supports"),
    Term("unsupported", "Not supported by the record", "no record we found supports it"),
    Term("editorialised", "Editorial framing", "the writer's framing is presented as fact"),
    Term("timing", "Timing", "a date, time or order of events is wrong"),
    Term("omission", "Omission", "something the reader needs is left out"),
    Term("typo", "Typo", "a slip of spelling or wording"),
)
"""In the order the article's summary lists them."""

APPROX = Vocabulary(
    "approx",
    Term("about", "about", "the time is approximate"),
    Term("after", "after", "not earlier than the time given"),
    Term("before", "before", "not later than the time given"),
)

PARTS_OF_DAY = Vocabulary(
    "part_of_day",
    Term("night", "night", "from midnight to 06:00 local time"),
    Term("morning", "morning", "from 06:00 to noon local time"),
    Term("afternoon", "afternoon", "from noon to 18:00 local time"),
    Term("evening", "evening", "from 18:00 to midnight local time"),
)
"""A time known only as a part of the day: the interval it covers, in the record's zone."""

PART_OF_DAY_HOURS = {
    "night": (0, 6),
    "morning": (6, 12),
    "afternoon": (12, 18),
    "evening": (18, 24),
}

VOCABULARIES = (
    VERIFICATION,
    ACTOR_KINDS,
    SOURCE_KINDS,
    FIDELITY,
    EVENT_KINDS,
    STANCES,
    CONTRADICTION_TYPES,
    STATUSES,
    VERDICTS,
    APPROX,
    PARTS_OF_DAY,
)

# The models' field types. Type checkers see text; pydantic, the JSON Schema and every tool
# that reads the models see the Literal of the vocabulary's values.
if TYPE_CHECKING:
    Verification: TypeAlias = str
    ActorKind: TypeAlias = str
    SourceKind: TypeAlias = str
    Fidelity: TypeAlias = str
    EventKind: TypeAlias = str
    StanceValue: TypeAlias = str
    ContradictionType: TypeAlias = str
    Status: TypeAlias = str
    Verdict: TypeAlias = str
    Approx: TypeAlias = str
    PartOfDay: TypeAlias = str
else:
    Verification, ActorKind, SourceKind, Fidelity, EventKind = (v.literal for v in VOCABULARIES[:5])
    StanceValue, ContradictionType, Status, Verdict, Approx, PartOfDay = (
        v.literal for v in VOCABULARIES[5:]
    )


def describe_values(values: tuple[str, ...]) -> list[str] | None:
    """The meanings of a field's values, in order, when they are a vocabulary's (the JSON
    Schema's `enumDescriptions`, which editors show beside each value)."""
    for vocabulary in VOCABULARIES:
        if vocabulary.values == values:
            return [vocabulary.meaning(value) for value in values]
    return None
