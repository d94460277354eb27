"""Safe Markdown for mentioning records from any page: links, labels, verification marks.

Every string these functions return is already escaped; templates place them as they are.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from generator.dataset.link import Dataset
from generator.render.layout import Layout
from generator.render.markdown_text import escape, link, relative_url
from generator.render.relations import Relations, backlinks, records, title_of
from generator.render.settings import SiteSettings
from generator.schema.field_types import Record

UNVERIFIED_MARK = "**(unverified)**"


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

    @classmethod
    def build(cls, dataset: Dataset, site: SiteSettings, layout: Layout | None = None) -> Mentions:
        index = records(dataset)
        cited_by = backlinks(index)
        layout = layout or Layout.of(dataset)
        return cls(dataset, "", index, cited_by, site, Relations.of(dataset), layout)

    def on(self, page: str) -> Mentions:
        return replace(self, page=page)

    def kind(self, record_id: str) -> str:
        return self.index[record_id][0]

    def title(self, record_id: str) -> str:
        return title_of(self.dataset, self.kind(record_id), record_id)

    def mark(self, record_id: str) -> str:
        """` **(unverified)**` after a mention of an unverified record, else ''."""
        unverified = self.index[record_id][1].verification == "unverified"
        return f" {UNVERIFIED_MARK}" if unverified else ""

    def to(self, record_id: str, text: str | None = None) -> str:
        """A link to the record, with its verification mark."""
        place = self.layout.place(self.kind(record_id), record_id)
        label = text if text is not None else self.title(record_id)
        return link(label, self.page, place.page, place.anchor) + self.mark(record_id)

    def href(self, record_id: str) -> str:
        """The relative URL of a record from this page, for raw HTML."""
        place = self.layout.place(self.kind(record_id), record_id)
        return relative_url(self.page, place.page, place.anchor)

    def many(self, record_ids: list[str]) -> list[str]:
        return [self.to(record_id) for record_id in record_ids]


def text(value: str | None) -> str:
    return escape(value) if value else ""
