"""Safe Markdown for mentioning records from any page: links, labels, verification marks.

Every string these functions return is already escaped; templates place them as they are.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import NamedTuple

from generator.dataset.link import Dataset
from generator.render.layout import Layout, Place
from generator.render.markdown_text import escape, link, relative_url
from generator.render.relations import Relations, backlinks, records, title_of
from generator.render.settings import SiteSettings
from generator.schema.field_types import Record
from generator.schema.models import SINGULAR

UNVERIFIED_MARK = "**(unverified)**"


class Ref(NamedTuple):
    """A reference resolved from the page the view is for (a tuple rather than a dataclass:
    a large site makes hundreds of thousands, and a tuple is made three times as fast)."""

    id: str
    kind: str
    """The record's kind in words, e.g. `statement`."""
    title: str
    unverified: bool
    page: str
    """The page the view is for."""
    place: Place
    """Where the record is shown."""

    @property
    def href(self) -> str:
        """Relative URL of the record's page or section (for raw HTML)."""
        return relative_url(self.page, self.place.page, self.place.anchor)

    @property
    def markdown(self) -> str:
        """The same link in Markdown, with the record's verification mark."""
        text = link(self.title, self.page, self.place.page, self.place.anchor)
        return f"{text} {UNVERIFIED_MARK}" if self.unverified else text


@dataclass(frozen=True)
class Mentions:
    """Resolves ids to links as seen from one page."""

    dataset: Dataset
    page: str
    index: dict[str, tuple[str, Record]]
    cited_by: dict[str, list[tuple[str, str]]]
    site: SiteSettings
    relations: Relations
    layout: Layout
    targets: dict[str, tuple[str, str, bool, Place]]
    """Each record's kind in words, title, whether it is unverified, and where it is shown:
    worked out once, as a large site mentions each record many times."""

    @classmethod
    def build(cls, dataset: Dataset, site: SiteSettings, layout: Layout | None = None) -> Mentions:
        index = records(dataset)
        cited_by = backlinks(index)
        layout = layout or Layout.of(dataset)
        targets = {
            record_id: (
                SINGULAR[kind],
                title_of(dataset, kind, record_id),
                record.verification == "unverified",
                layout.place(kind, record_id),
            )
            for record_id, (kind, record) in index.items()
        }
        return cls(dataset, "", index, cited_by, site, Relations.of(dataset), layout, targets)

    def on(self, page: str) -> Mentions:
        return replace(self, page=page)

    def kind(self, record_id: str) -> str:
        return self.index[record_id][0]

    def title(self, record_id: str) -> str:
        return self.targets[record_id][1]

    def mark(self, record_id: str) -> str:
        """` **(unverified)**` after a mention of an unverified record, else ''."""
        return f" {UNVERIFIED_MARK}" if self.targets[record_id][2] else ""

    def ref(self, record_id: str, title: str | None = None) -> Ref:
        """A reference to the record from this page, titled `title` or by its own title."""
        kind, own_title, unverified, place = self.targets[record_id]
        return Ref(
            record_id, kind, own_title if title is None else title, unverified, self.page, place
        )

    def to(self, record_id: str, text: str | None = None) -> str:
        """A Markdown link to the record, with its verification mark."""
        return self.ref(record_id, text).markdown

    def href(self, record_id: str) -> str:
        """The relative URL of a record from this page, for raw HTML."""
        return self.ref(record_id).href

    def many(self, record_ids: list[str]) -> list[str]:
        return [self.to(record_id) for record_id in record_ids]


def text(value: str | None) -> str:
    return escape(value) if value else ""
