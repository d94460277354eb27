"""Safe Markdown for mentioning records from any page: links, labels, verification marks.

Every string these functions return is already escaped; templates place them as they are.
"""

from __future__ import annotations

from dataclasses import dataclass

from .cite import SiteInfo, citation_block, edit_links, page_url
from .fields import Record
from .link import Dataset
from .markdown import escape, link
from .models import SINGULAR
from .views import Relations, backlinks, place_of, records, title_of

UNVERIFIED_MARK = "**(unverified)**"


@dataclass(frozen=True)
class Mentions:
    """Resolves ids to links as seen from one page."""

    dataset: Dataset
    page: str
    index: dict[str, tuple[str, Record]]
    cited_by: dict[str, list[tuple[str, str]]]
    site: SiteInfo
    relations: Relations

    @classmethod
    def build(cls, dataset: Dataset, site: SiteInfo) -> Mentions:
        index, cited_by = records(dataset), backlinks(dataset)
        return cls(dataset, "", index, cited_by, site, Relations.of(dataset))

    def on(self, page: str) -> Mentions:
        return Mentions(self.dataset, page, self.index, self.cited_by, self.site, self.relations)

    def edit(self, record_id: str) -> str:
        """Edit and correction links for a record, when the repository is known."""
        return edit_links(self.site, self.kind(record_id), record_id, self.title(record_id))

    def cite(self, record_id: str) -> str:
        """The "Cite this" block for a record."""
        place = place_of(self.kind(record_id), record_id)
        path = page_url(place.page, place.anchor)
        return citation_block(self.site, self.title(record_id), record_id, path)

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
        place = place_of(self.kind(record_id), record_id)
        label = text if text is not None else self.title(record_id)
        return link(label, self.page, place.page, place.anchor) + self.mark(record_id)

    def many(self, record_ids: list[str]) -> list[str]:
        return [self.to(record_id) for record_id in record_ids]

    def referrers(self, record_id: str) -> list[str]:
        """Links to every record that refers to this one ('what links here')."""
        return [
            f"{self.to(other)} ({SINGULAR[kind]})"
            for kind, other in self.cited_by.get(record_id, [])
        ]


def text(value: str | None) -> str:
    return escape(value) if value else ""
