"""What every page shares: the Page value, the fields every record page has, statement cards."""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any


@dataclass(frozen=True)
class Page:
    path: str
    """Output path relative to the docs folder, e.g. `actors/jane-smith.md`."""
    template: str
    context: Any
    """What the template is given: a frozen dataclass whose fields are exactly the template's
    variables (page_contexts.py, record_pages.py)."""

    def variables(self) -> dict[str, Any]:
        """The context's fields as the template's variables (not deep-copied, as `asdict`
        would be)."""
        return {f.name: getattr(self.context, f.name) for f in fields(self.context)}
