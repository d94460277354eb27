"""Escaping data for Markdown pages, and building links between pages.

Everything that comes from data goes through `escape` (or `escape_block`) before it reaches a
page. Characters that Markdown, HTML, mkdocs-material extensions or a template engine could
read as syntax become numeric character references, which every Markdown engine renders as
the character itself and none interprets: text shows up literally and never executes.
"""

from __future__ import annotations

import html
import posixpath
import re

from generator.load.diagnostics import visible

# Characters that open Markdown or extension syntax anywhere in a line: code, emphasis,
# links and footnotes, attribute lists, headings, admonitions, tables, strikethrough, HTML and
# entities, Jinja. Everything else ('.', ':', quotes, '=', '/', '(' ...) only means something
# at the start of a line or next to one of these, and escaped text starts no line but its
# first: so only its first character gets the line-start rules below. Fewer references make
# pages smaller and faster to convert, and keep hyphenated words ("throw-ins") matchable by
# glossary tooltips.
_SPECIAL = set("\\`*_{}[]#!|~<>&")
_REFERENCES = str.maketrans({ch: f"&#{ord(ch)};" for ch in _SPECIAL})
_LINE_START = re.compile(r"^(?:[-+=]|\d+[.)])")
_WHITESPACE = re.compile(r"\s+")


def escape(text: str, *, keep_edges: bool = False) -> str:
    """`text` as inline Markdown that renders to exactly that text (whitespace collapsed).

    With `keep_edges`, a space at either end survives, for text that sits between two marks.
    """
    flat = _WHITESPACE.sub(" ", text)
    if not keep_edges:
        flat = flat.strip()
    escaped = flat.translate(_REFERENCES)
    start = _LINE_START.match(escaped)
    if start:
        # A list marker, rule or numbered item at the very start: escape its last character.
        end = start.end() - 1
        escaped = escaped[:end] + f"&#{ord(escaped[end])};" + escaped[end + 1 :]
    return escaped


def code_span(text: str) -> str:
    """`text` as an inline code span that shows it exactly: fenced with more backticks than
    any run inside it, and with line breaks and other invisible characters written as escapes
    (`visible`), since a line break would end the line the span is on."""
    shown = visible(text)
    longest = max((len(run) for run in re.findall(r"`+", shown)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if shown.startswith("`") or shown.endswith("`") else ""
    return f"{fence}{pad}{shown}{pad}{fence}"


def paragraphs(text: str) -> list[str]:
    """The paragraphs of a text: what lines with nothing but spaces between them separate."""
    return [p for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]


def escape_block(text: str) -> str:
    """Multi-paragraph text: paragraphs (separated by blank lines) kept, each escaped."""
    return "\n\n".join(escape(p) for p in paragraphs(text))


def attribute(text: str) -> str:
    """`text` for an HTML attribute value in double quotes."""
    return html.escape(text, quote=True)


def relative(from_page: str, to_page: str, anchor: str | None = None) -> str:
    """A relative link from one generated page to another (paths like `actors/x.md`)."""
    target = "" if to_page == from_page else _relpath(to_page, posixpath.dirname(from_page))
    return f"{target}#{anchor}" if anchor else (target or "#")


def _relpath(path: str, start: str) -> str:
    """posixpath.relpath for the site's own page paths (relative, normalised, no '..'),
    without its calls to the file system's idea of the current folder: a large site makes
    hundreds of thousands of links."""
    parts, base = path.split("/"), start.split("/") if start else []
    common = 0
    while common < min(len(parts) - 1, len(base)) and parts[common] == base[common]:
        common += 1
    return "/".join([".."] * (len(base) - common) + parts[common:])


def directory_url(page: str) -> str:
    """The URL path a page is published at, with directory URLs (`actors/x.md` -> `actors/x/`,
    `actors/index.md` -> `actors/`, `index.md` -> '')."""
    path = page.removesuffix(".md")
    if path == "index" or path.endswith("/index"):
        return path.removesuffix("index")
    return path + "/"


def relative_url(from_page: str, to_page: str, anchor: str | None = None) -> str:
    """A relative URL between published pages, for raw HTML (which MkDocs does not rewrite,
    unlike Markdown links to `.md` files)."""
    if to_page == from_page:
        return f"#{anchor}" if anchor else "./"
    base = directory_url(from_page).split("/")[:-1]
    parts = directory_url(to_page).split("/")[:-1]
    common = 0
    while common < min(len(parts), len(base)) and parts[common] == base[common]:
        common += 1
    path = "/".join([".."] * (len(base) - common) + parts[common:])
    path = path + "/" if path else "./"
    return path + (f"#{anchor}" if anchor else "")


def link(text: str, from_page: str, to_page: str, anchor: str | None = None) -> str:
    """A Markdown link whose visible text is `text`, escaped."""
    return f"[{escape(text)}]({relative(from_page, to_page, anchor)})"


def external_link(text: str, url: str) -> str:
    """A link to another site; opens no window handle back to ours."""
    return (
        f'<a href="{attribute(url)}" rel="noopener noreferrer" class="external">{escape(text)}</a>'
    )
