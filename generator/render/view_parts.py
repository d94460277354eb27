"""What every record's view is made of: references resolved from one page, and the frame every
record shows whatever its kind (unverified mark, notes, corrections, what links here, edit
links, permalink, citation).

Values are raw (text is never escaped here): a Markdown page template escapes them with the
`md` filters, an HTML fragment template by autoescape (templates_env.py).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from urllib.parse import urlencode

from generator.render.citation import Citation, cite
from generator.render.date_labels import date_label
from generator.render.layout import permalink, permalink_page
from generator.render.markdown_text import relative_url
from generator.render.record_links import Mentions, Ref
from generator.render.settings import SiteSettings

LISTED = 20
"""At most this many related records are linked from a section; the rest are counted."""


@dataclass(frozen=True)
class Refs:
    """Some references: the first ones shown, the rest only counted."""

    shown: tuple[Ref, ...]
    more: int


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
    """The record's heading where it is one section among others (a shelf)."""
    missing: str | None
    """What would verify the record, when it is unverified."""
    notes: str | None
    corrections: tuple[Correction, ...]
    """Newest first."""
    referrers: Refs
    """The records that refer to this one ('what links here')."""
    permalink: str
    """Relative URL of the record's permanent address."""
    edit: EditLinks | None
    """None without a repository."""


# ---------------------------------------------------------------- parts of the kinds' views


@dataclass(frozen=True)
class Translation:
    lang: str
    text: str
    by: str
    source: Ref | None


@dataclass(frozen=True)
class Reported:
    """One source that carries a statement, and where in it."""

    source: Ref
    locator: str | None
    excerpt: str | None


@dataclass(frozen=True)
class Stance:
    stance: str
    """The stance in words, e.g. `asserts`."""
    claim: Ref


@dataclass(frozen=True)
class Passage:
    """A passage of an article that reports a statement, and our verdict on it."""

    article: Ref
    link: str
    """The Markdown link to the passage's mark in the article."""
    verdict: str


@dataclass(frozen=True)
class Role:
    title: str
    organisation: Ref | None
    dates: str
    """`from – to`, as far as known; empty when neither is."""
    sources: Refs


@dataclass(frozen=True)
class Dated:
    """A statement or event in an actor's list: its date, the actor's role then, the link."""

    when: str
    role: str | None
    record: Ref
    """Titled by the statement's summary or the event's title: the list gives the date."""


def frame(
    m: Mentions, record_id: str, heading: str, listed: int | None, shown: Collection[str] = ()
) -> Frame:
    """A record's frame; `listed` caps its 'what links here' (None: all of them). A section
    (`listed` not None) leaves out of it the records its body links already (`shown`)."""
    kind, record = m.index[record_id]
    ordered = sorted(record.corrections, key=lambda c: c.date, reverse=True)
    cited_by = m.cited_by.get(record_id, [])
    if listed is not None and shown:
        referrers = [other for _kind, other in cited_by if other not in shown]
    else:
        referrers = [other for _kind, other in cited_by]
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
            "record": f"{site.data_path}/{kind}/{record_id}.yaml",
        }
    )
    return EditLinks(
        f"{repo}/edit/{site.branch}/{site.data_path}/{kind}/{record_id}.yaml",
        f"{repo}/issues/new?{query}",
    )


def citation(m: Mentions, record_id: str) -> Citation:
    """The "Cite this" text of a record, at its permanent address."""
    path = permalink(m.kind(record_id), record_id)
    return cite(m.site, m.title(record_id), record_id, path)


def ref(m: Mentions, record_id: str, title: str | None = None) -> Ref:
    return m.ref(record_id, title)


def refs(m: Mentions, record_ids: Sequence[str]) -> tuple[Ref, ...]:
    return tuple(ref(m, record_id) for record_id in record_ids)


def capped(m: Mentions, record_ids: Sequence[str], listed: int | None) -> Refs:
    """The first `listed` of some references (all of them when None), the rest counted."""
    shown = record_ids if listed is None else record_ids[:listed]
    return Refs(refs(m, shown), len(record_ids) - len(shown))
