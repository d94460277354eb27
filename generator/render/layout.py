"""Where each record lives, decided once per build from the whole dataset.

A small explainer gives every actor, statement, event, source and contradiction a page of its
own (a contradiction's sides need the width of a page, and a reader shares one dispute, not all
of them), and lists claims and glossary terms as sections of one page each. A page per record
stops scaling at a few hundred records: a static site generator pays for every page it renders,
and pages that list every record grow without bound. So a kind with more than `PAGE_LIMIT`
records (statements and events count together: they share the timeline) is "shelved": its
records become compact sections of numbered shelf pages of `SHELF_SIZE` each, in reading order,
and the pages that listed them list the shelves instead. Claims are shelved once their single
page would hold more than `SHELF_SIZE`.

Wherever a record lives, its permalink is `/<kind>/<id>/`: its own page, or a small redirect to
its section (`redirect_targets`; the page itself: redirect_pages.py). Shelf numbers move when
records are added; permalinks never do.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from generator.dataset.link import Dataset
from generator.render.markdown_text import relative_url
from generator.schema.models import KINDS

PAGE_LIMIT = 500
"""A kind with more records than this is shown as sections of shelf pages."""
SHELF_SIZE = 100
"""Records per shelf page."""

R = TypeVar("R")

OWN_PAGE = ("actors", "events", "statements", "sources", "articles", "contradictions")
"""Kinds with a page per record while they are not shelved."""
INDEX_PAGES = {
    "timeline": "timeline.md",
    "statements": "statements/index.md",
    "actors": "actors/index.md",
    "events": "timeline.md",
    "sources": "sources/index.md",
    "articles": "articles/index.md",
    "claims": "claims.md",
    "contradictions": "contradictions.md",
    "glossary": "glossary.md",
}
"""The page that lists each kind's records (or each shelf group's shelves). Claims and
glossary terms are sections of theirs while they are not shelved."""
ONE_PAGE = {kind: INDEX_PAGES[kind] for kind in ("claims", "glossary")}
"""Kinds shown as sections of one page while they are not shelved."""
HOME_PAGE = "index.md"
"""The home page (from `front:` in explainer.yaml)."""
DATA_PAGE = "data.md"
"""The published data files and the field reference."""
CORRECTIONS_PAGE = "corrections.md"
"""Every correction to every record."""


def hand_page_path(name: str) -> str:
    """Where the hand-written page `pages/<name>.md` is published."""
    return f"{name}.md"


SHELF_GROUPS = {
    "timeline": ("statements", "events"),
    "actors": ("actors",),
    "sources": ("sources",),
    "claims": ("claims",),
    "contradictions": ("contradictions",),
}
"""Shelf group -> the kinds whose records share its shelves (statements and events are read
together, in timeline order)."""


@dataclass(frozen=True, order=True)
class Place:
    """Where a record is shown: a page, and an anchor on it for records without their own."""

    page: str
    anchor: str | None = None


@dataclass(frozen=True)
class Shelf:
    """One shelf page: its path, its number (from 1) and the records on it, in order."""

    group: str
    number: int
    ids: tuple[str, ...]

    @property
    def path(self) -> str:
        # `N/index.md`, not `N.md`: the page's raw HTML links are relative to its address,
        # `page/N/`, and Zensical resolves them against the source file's folder, MkDocs
        # against the address; with the source in that folder, the two agree.
        return f"{self.group}/page/{self.number}/index.md"


@dataclass(frozen=True)
class Layout:
    shelves: dict[str, tuple[Shelf, ...]]
    """Shelf group -> its shelves, for the groups that are shelved."""
    shelf_of: dict[str, Shelf]
    """Record id -> its shelf, for shelved records."""

    @classmethod
    def of(
        cls,
        dataset: Dataset,
        *,
        page_limit: int = PAGE_LIMIT,
        shelf_size: int = SHELF_SIZE,
    ) -> Layout:
        orders: dict[str, tuple[Sequence[str], int]] = {
            "timeline": (dataset.timeline, page_limit),
            "actors": (_by(dataset.actors, lambda a: (a.name.casefold(),)), page_limit),
            "sources": (
                _by(
                    dataset.sources, lambda s: (s.publisher.casefold(), (s.title or "").casefold())
                ),
                page_limit,
            ),
            "claims": (claims_in_reading_order(dataset), shelf_size),
            "contradictions": (tuple(dataset.contradictions), page_limit),
        }
        shelves: dict[str, tuple[Shelf, ...]] = {}
        shelf_of: dict[str, Shelf] = {}
        for group, (ordered, limit) in orders.items():
            if len(ordered) <= limit:
                continue
            shelves[group] = tuple(
                Shelf(group, number, tuple(ordered[start : start + shelf_size]))
                for number, start in enumerate(range(0, len(ordered), shelf_size), start=1)
            )
            for shelf in shelves[group]:
                shelf_of.update(dict.fromkeys(shelf.ids, shelf))
        return cls(shelves, shelf_of)

    @property
    def titles_only(self) -> bool:
        """Whether record pages keep their text out of the search index. A large explainer's
        full text makes an index of tens of megabytes, which every reader's browser would
        download before the first search; titles (with speaker, date and summary) stay in."""
        return bool(self.shelves)

    def place(self, kind: str, record_id: str) -> Place:
        """The page a record is shown on, with its anchor there unless the page is its own."""
        shelf = self.shelf_of.get(record_id)
        if shelf is not None:
            return Place(shelf.path, record_id)
        if kind in OWN_PAGE:
            return Place(f"{kind}/{record_id}.md")
        return Place(ONE_PAGE[kind], record_id)

    def own_page(self, kind: str, record_id: str) -> str | None:
        """The path of the record's own page, or None when it is a section of another."""
        place = self.place(kind, record_id)
        return place.page if place.anchor is None else None

    def owner(self, page: str, kinds: dict[str, str]) -> str | None:
        """The record whose own page `page` is (`kinds`: record id -> kind), or None."""
        folder, _, name = page.partition("/")
        record_id = name.removesuffix(".md")
        kind = kinds.get(record_id)
        if kind is None or kind != folder or self.own_page(kind, record_id) != page:
            return None
        return record_id


def permalink(kind: str, record_id: str) -> str:
    """The address that always reaches a record, whatever the layout: `kind/id/`."""
    return f"{kind}/{record_id}/"


def permalink_page(kind: str, record_id: str) -> str:
    """The permalink as a page path, for `relative_url` from another page."""
    return permalink(kind, record_id) + "index.md"


PAGE_FILE = "index.html"
"""The file a built page is, in the folder of its address (directory URLs)."""


def built_file(kind: str, record_id: str) -> str:
    """The file inside the built site that answers at a record's permalink: its page, or the
    redirect to its section."""
    return permalink(kind, record_id) + PAGE_FILE


def claims_in_reading_order(dataset: Dataset) -> tuple[str, ...]:
    """The claim the central contradiction (explainer.yaml's `front:`) disputes first, as the
    story starts there; then the others by id."""
    front = dataset.explainer.front
    central = front.central_contradiction if front is not None else None
    first = dataset.contradictions[central].claim if central in dataset.contradictions else None
    return tuple(sorted(dataset.claims, key=lambda record_id: (record_id != first, record_id)))


def _by(records: dict[str, R], key: Callable[[R], tuple[str, ...]]) -> tuple[str, ...]:
    return tuple(sorted(records, key=lambda record_id: (*key(records[record_id]), record_id)))


def redirect_targets(dataset: Dataset, layout: Layout | None = None) -> dict[str, str]:
    """For every record without a page of its own: `kind/id/index.html` (inside the built
    site) -> the address of its section, relative to that file (see redirect_pages.py)."""
    layout = layout or Layout.of(dataset)
    targets: dict[str, str] = {}
    for kind in KINDS:
        for record_id in getattr(dataset, kind):
            place = layout.place(kind, record_id)
            if place.anchor is not None:
                here = permalink_page(kind, record_id)
                targets[built_file(kind, record_id)] = relative_url(here, place.page, place.anchor)
    return dict(sorted(targets.items()))
