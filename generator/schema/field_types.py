"""Field types shared by every record kind: ids, references, text, URLs, languages, times.

Each validator raises `PydanticCustomError` with a kebab-case type, which becomes the
diagnostic code the contributor sees (`bad-date`, `bad-url`, ...).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated
from urllib.parse import urlsplit

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

from generator.schema import time_values as timing
from generator.schema.characters import CONTROL, INVISIBLE, refuse
from generator.schema.record_rules import Found
from generator.schema.vocabulary import Approx, PartOfDay, Verification

ID_REGEX = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
"""For JSON Schema, where `$` is the end of the text."""
ID_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*\Z", re.ASCII)
r"""The same for Python: `\Z`, since Python's `$` also matches before a final line break."""
MAX_ID_LENGTH = 80
MAX_TEXT_LENGTH = 20_000
"""Longer than any quote or analysis needs; an article's full text may use MAX_ARTICLE_LENGTH."""
MAX_ARTICLE_LENGTH = 200_000
"""Fits within a data file's size limit (256 kB)."""


@dataclass(frozen=True)
class Ref:
    """Marks a field whose value is the id of a record of one of `kinds`."""

    kinds: tuple[str, ...]


def _text(value: str) -> str:
    if not value.strip():
        raise PydanticCustomError("empty-text", "the text is empty")
    # Invisible to readers, and STX/ETX are Markdown's own placeholder markers.
    message = "the control character U+{code}{name} is not allowed in text"
    return refuse(CONTROL, value, "bad-character", message)


def _name(value: str) -> str:
    return refuse(
        INVISIBLE, value, "bad-character",
        "the invisible character U+{code}{name} is not allowed in a name",
    )  # fmt: skip


_INVISIBLE_IN_URL = "the address holds the invisible character U+{code}{name}"


def _url(value: str) -> str:
    for pattern in (INVISIBLE, CONTROL):
        refuse(pattern, value, "bad-url", _INVISIBLE_IN_URL)
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https"):
        raise PydanticCustomError(
            "bad-url", "'{url}' is not an http or https address", {"url": value}
        )
    if not parts.hostname or any(ch.isspace() for ch in value):
        raise PydanticCustomError(
            "bad-url", "'{url}' is not a complete web address", {"url": value}
        )
    unsafe = _NOT_IN_URL.search(value)
    if unsafe:
        # Never part of an address (RFC 3986): written as they are, they would end an HTML
        # attribute that a theme or engine fills in without escaping (a canonical link).
        raise PydanticCustomError(
            "bad-url",
            "'{url}' holds '{char}', which an address cannot hold as it is",
            {
                "url": value,
                "char": unsafe.group(),
                "hint": f"write it percent-encoded ({unsafe.group()} is "
                f"%{ord(unsafe.group()):02X}), or remove it",
            },
        )
    return value


_NOT_IN_URL = re.compile(r"[\"<>\\^`{|}]")


def _site_url(value: str) -> str:
    """A site's address: a web address without a query, a fragment or an apostrophe."""
    parts = urlsplit(value)
    if parts.query or parts.fragment or "'" in value:
        raise PydanticCustomError(
            "bad-url",
            "'{url}' is not a site's address: it may not hold a query, a fragment or an apostrophe",
            {"url": value},
        )
    return value


def _readable_by(code: str, parse: Callable[[str], object]) -> Callable[[str], str]:
    """A validator that keeps the text as written but refuses what `parse` cannot read."""

    def validate(value: str) -> str:
        try:
            parse(value)
        except ValueError as error:
            raise PydanticCustomError(code, "{reason}", {"reason": str(error)}) from None
        return value

    return validate


_date = _readable_by("bad-date", timing.parse_date)
_time = _readable_by("bad-time", timing.parse_time)
_zone = _readable_by("bad-zone", timing.zone_info)


def _language(value: str) -> str:
    if not re.fullmatch(r"[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*", value):
        raise PydanticCustomError(
            "bad-language", "'{lang}' is not a language code such as 'en' or 'ru'", {"lang": value}
        )
    return value


def _count(value: object) -> object:
    # The reader keeps every plain value as text (`occurrence: 2` reads as "2"), so a count
    # is written as digits and read here; anything else is left for the int check to refuse.
    if isinstance(value, str) and re.fullmatch(r"[0-9]{1,6}", value, re.ASCII):
        return int(value)
    return value


Count = Annotated[int, Field(ge=1, json_schema_extra={"examples": [2]}), BeforeValidator(_count)]
"""A whole number from 1, written as digits (`occurrence: 2`)."""


def slug_hint(text: str) -> str:
    """A kebab-case id close to `text`, for hints."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:MAX_ID_LENGTH] or "my-record"


Text = Annotated[str, Field(max_length=MAX_TEXT_LENGTH), AfterValidator(_text)]

MAX_EXCERPT_LENGTH = 250
"""An excerpt is the words at issue, a sentence or two: a card quoting more would outweigh
the other sides' cards."""


def _excerpt(value: str) -> str:
    length = len(" ".join(value.split()))
    if length > MAX_EXCERPT_LENGTH:
        raise PydanticCustomError(
            "long-excerpt",
            "the excerpt has {length} characters, more than {limit}",
            {"length": length, "limit": MAX_EXCERPT_LENGTH},
        )
    if len(re.findall(r"\w+", value)) < 2:
        raise PydanticCustomError("short-excerpt", "the excerpt has fewer than two words")
    return value


Excerpt = Annotated[str, AfterValidator(_text), AfterValidator(_excerpt)]
"""Words at issue copied from a record (checked against it when the records are linked)."""
Name = Annotated[str, Field(max_length=500), AfterValidator(_text), AfterValidator(_name)]
"""A name or alias: text without invisible characters, so every name reads as it is stored."""
LongText = Annotated[str, Field(max_length=MAX_ARTICLE_LENGTH), AfterValidator(_text)]
"""Text that may run to a whole article."""
# `json_schema_extra` patterns help editors flag mistakes as they type; the validators
# themselves give the messages, so pydantic's own pattern check is not used.
Url = Annotated[
    str,
    Field(max_length=2_000, json_schema_extra={"format": "uri", "pattern": "^https?://"}),
    AfterValidator(_url),
]
SiteUrl = Annotated[Url, AfterValidator(_site_url)]
"""The address a site is published at (the engine writes it into every page)."""
DateText = Annotated[
    str, Field(json_schema_extra={"pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$"}), AfterValidator(_date)
]
TimeText = Annotated[
    str, Field(json_schema_extra={"pattern": r"^([01]\d|2[0-3]):[0-5]\d$"}), AfterValidator(_time)
]
Zone = Annotated[
    str, Field(json_schema_extra={"examples": ["Europe/Paris"]}), AfterValidator(_zone)
]
Language = Annotated[
    str,
    Field(json_schema_extra={"pattern": r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$"}),
    AfterValidator(_language),
]

_ID_SCHEMA = Field(json_schema_extra={"pattern": ID_REGEX})
ActorRef = Annotated[str, _ID_SCHEMA, Ref(("actors",))]
SourceRef = Annotated[str, _ID_SCHEMA, Ref(("sources",))]
StatementRef = Annotated[str, _ID_SCHEMA, Ref(("statements",))]
EventRef = Annotated[str, _ID_SCHEMA, Ref(("events",))]
ClaimRef = Annotated[str, _ID_SCHEMA, Ref(("claims",))]
ContradictionRef = Annotated[str, _ID_SCHEMA, Ref(("contradictions",))]
MomentRef = Annotated[str, _ID_SCHEMA, Ref(("statements", "events"))]
AnyRef = Annotated[
    str,
    _ID_SCHEMA,
    Ref(("actors", "sources", "events", "statements", "claims", "contradictions", "articles")),
]
"""Any record except a glossary term."""


_TERM_PUNCTUATION = frozenset(" -.'’&/")
"""Besides letters, digits and combining marks, what a glossary term may contain inside it."""


def _term(value: str) -> str:
    # A term is looked for in the text of every page: it must read as words. Letters (any
    # script), digits, marks and a little inner punctuation, starting with a letter or digit
    # and ending with one or a full stop (`U.S.`); no markup, no invisible characters, no
    # bare number (it would mark every figure on the site).
    inner_ok = not INVISIBLE.search(value) and all(
        _is_term_letter(ch) or ch in _TERM_PUNCTUATION for ch in value
    )
    ends_ok = (
        len(value) >= 2
        and _is_term_letter(value[0])
        and (_is_term_letter(value[-1]) or value[-1] == ".")
        and "  " not in value
    )
    if not (inner_ok and ends_ok) or value.replace(".", "").isdigit():
        raise PydanticCustomError(
            "bad-term",
            "'{term}' cannot be a glossary term: use at least two characters, letters and "
            "digits with single spaces, hyphens, full stops, apostrophes, '&' or '/' inside, "
            "starting with a letter or digit, and not only digits",
            {"term": value},
        )
    return value


def _is_term_letter(character: str) -> bool:
    return unicodedata.category(character)[0] in "LMN" and unicodedata.category(character) != "No"


TermText = Annotated[str, Field(max_length=80), AfterValidator(_term)]
"""Something that happened at a time: a statement or an event."""


class Strict(BaseModel):
    """Base of every model: unknown keys are errors, no type coercion, immutable.

    A model-level check names the field it concerns in its error context (`field`), so the
    diagnostic points at that field's line rather than at the start of the mapping.
    """

    model_config = ConfigDict(
        extra="forbid", strict=True, frozen=True, use_attribute_docstrings=True
    )


class When(Strict):
    """A point in time as precise as the record allows."""

    date: DateText
    """Local date: `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (quoting is optional)."""
    time: TimeText | None = None
    """Local 24-hour time `HH:MM`; needs a full date and a `zone`."""
    zone: Zone | None = None
    """IANA time zone of the local date and time, e.g. `Europe/Paris`, `Asia/Tokyo`."""
    approx: Approx | None = None
    """How exact `time` is: `about`, `after` (not earlier than) or `before` (not later than)."""
    part_of_day: PartOfDay | None = None
    """When only the part of the day is known (`night`, `morning`, `afternoon`, `evening`):
    the record covers those hours of its local date, and sorts among them. Needs a full date
    and a `zone`, and no `time`."""
    after: MomentRef | None = None
    """A statement or event this one is known to follow; orders records whose time is not known."""
    before: MomentRef | None = None
    """A statement or event this one is known to precede (e.g. a request made before a press
    conference); orders records whose time is not known. Give `after` or `before`, not both."""
    note: Text | None = None
    """What the sources say about the time, in words (e.g. 'evening, local time')."""

    @model_validator(mode="after")
    def _time_needs_day_and_zone(self) -> When:
        if self.after is not None and self.before is not None:
            raise PydanticCustomError(
                "after-and-before",
                "give 'after' or 'before', not both",
                {"field": "before"},
            )
        if self.part_of_day is not None:
            if self.time is not None:
                raise PydanticCustomError(
                    "time-and-part-of-day",
                    "give a time or a part of the day, not both",
                    {"field": "part_of_day"},
                )
            if timing.parse_date(self.date).precision != "day" or self.zone is None:
                raise PydanticCustomError(
                    "part-of-day-without-day",
                    "a part of the day needs a full date (YYYY-MM-DD) and a zone",
                    {"field": "part_of_day"},
                )
        if self.time is not None:
            if timing.parse_date(self.date).precision != "day":
                raise PydanticCustomError(
                    "time-without-day", "a time needs a full date (YYYY-MM-DD)", {"field": "time"}
                )
            if self.zone is None:
                raise PydanticCustomError(
                    "time-without-zone",
                    "a time needs a zone, such as 'America/New_York'",
                    {"field": "time"},
                )
        elif self.approx is not None:
            raise PydanticCustomError(
                "approx-without-time", "'approx' qualifies a time; add one", {"field": "approx"}
            )
        return self


class Correction(Strict):
    """A dated change to a published record: what changed and why."""

    date: DateText
    """When the correction was made (`YYYY-MM-DD`)."""
    what: Text
    """What changed, in plain words (e.g. 'The quote now follows the transcript')."""
    why: Text
    """Why it changed (e.g. 'the earlier wording came from a garbled copy')."""
    sources: list[SourceRef] = []
    """Sources that show the correction is right."""


class Record(Strict):
    """Fields every record kind has."""

    verification: Verification
    """`verified` when the record was checked against the cited sources; else `unverified`."""
    missing: Text | None = None
    """For an unverified record: what is missing to verify it. Shown to readers."""
    notes: Text | None = None
    """Editorial notes in our own words, shown on the record's page."""
    corrections: list[Correction] = []
    """Dated corrections to this record since it was first published, in any order."""

    @model_validator(mode="after")
    def _rules(self) -> Record:
        """Every rule about this record that no one field states, reported together."""
        found = Found()
        if self.verification == "unverified" and self.missing is None:
            found.add(
                ("verification",),
                "unverified-without-reason",
                "an unverified record must say what is missing",
            )
        if self.verification == "verified" and self.missing is not None:
            found.add(
                ("missing",), "verified-with-missing", "'missing' is only for unverified records"
            )
        self._kind_rules(found)
        found.raise_any(type(self).__name__)
        return self

    def _kind_rules(self, found: Found) -> None:
        """The rules of one kind of record (see record_rules.py); each kind adds its own."""
