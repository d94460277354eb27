"""Safe Markdown for mentioning records from any page: links, labels, verification marks.

Every string these functions return is already escaped; templates place them as they are.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from generator.dataset.link import Dataset
from generator.render.layout import Layout, Place
from generator.render.markdown_text import escape, link, relative_url
from generator.render.relations import Relations, backlinks, records, title_of
from generator.render.settings import SiteSettings
from generator.schema.field_types import Record
from generator.schema.models import SINGULAR

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

    def to(self, record_id: str, text: str | None = None) -> str:
        """A link to the record, with its verification mark."""
        _kind, title, unverified, place = self.targets[record_id]
        label = text if text is not None else title
        mark = f" {UNVERIFIED_MARK}" if unverified else ""
        return link(label, self.page, place.page, place.anchor) + mark

    def href(self, record_id: str) -> str:
        """The relative URL of a record from this page, for raw HTML."""
        place = self.targets[record_id][3]
        return relative_url(self.page, place.page, place.anchor)

    def many(self, record_ids: list[str]) -> list[str]:
        return [self.to(record_id) for record_id in record_ids]


def text(value: str | None) -> str:
    return escape(value) if value else ""
