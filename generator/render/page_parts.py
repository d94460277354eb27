"""What every page shares: the Page value, the fields every record page has, statement cards."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field, fields
from typing import Any


@dataclass(frozen=True)
class FrontMatter:
    """What a page tells the engine besides its Markdown, in the front matter every
    MkDocs-compatible engine reads."""

    description: str | None = None
    """Plain text for search results and link previews (the theme escapes it: see
    overrides/main.html); the site's description when None."""
    boost: float | None = None
    """How far the search ranks the page's sections up or down: the story's statements and
    disputes above the sources' metadata pages."""
    wide: bool = False
    """Give the page the table of contents' column, for content side by side."""

    def text(self) -> str:
        """The YAML block, or '' when there is nothing to say."""
        lines = []
        if self.description:
            lines.append(f"description: {yaml_string(self.description)}")
        if self.boost is not None:
            lines += ["search:", f"  boost: {self.boost}"]
        if self.wide:
            lines += ["hide:", "  - toc"]
        return "---\n" + "\n".join(lines) + "\n---\n\n" if lines else ""


def yaml_string(value: str) -> str:
    """`value` as a YAML double-quoted scalar that any YAML reader gives back exactly: quotes
    and backslashes escaped, every character Python does not call printable (controls, line
    separators, format characters) written as an escape. Lone surrogates, which no UTF-8 page
    can carry, are dropped."""
    out = []
    for char in value:
        if char in '\\"':
            out.append("\\" + char)
        elif char.isprintable():
            out.append(char)
        elif unicodedata.category(char) != "Cs":
            out.append(f"\\U{ord(char):08x}")
    return '"' + "".join(out) + '"'


@dataclass(frozen=True)
class Page:
    path: str
    """Output path relative to the docs folder, e.g. `actors/jane-smith.md`."""
    template: str
    context: Any
    """What the template is given: a frozen dataclass whose fields are exactly the template's
    variables (page_contexts.py, record_pages.py)."""
    front: FrontMatter = field(default_factory=FrontMatter)
    """The page's front matter, written before the template's text."""

    def variables(self) -> dict[str, Any]:
        """The context's fields as the template's variables (not deep-copied, as `asdict`
        would be)."""
        return {f.name: getattr(self.context, f.name) for f in fields(self.context)}
