"""What a hand-written page becomes, judged on the HTML its Markdown renders to.

A page comes from a pull request like a record, but it is Markdown, written to be read as
Markdown: it cannot be escaped. So it is rendered here with the extensions the site uses and
the HTML is held to an allowlist: the elements Markdown and those extensions make, the
attributes they set, and links to http, https and mailto addresses, to anchors and to records.
Anything else (a tag written as HTML, an event handler set with an attribute list, a
`javascript:` address in any of Markdown's link forms) is a `check` error. Judging the result
rather than the syntax leaves nothing to what a line scanner might miss: unclosed fences,
references on the next line, links broken across lines.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Container, Iterator
from dataclasses import dataclass

import markdown  # type: ignore[import-untyped]  # Python-Markdown ships no types

PAGE_EXTENSIONS = (
    "toc", "tables", "fenced_code",  # MkDocs adds these three to every build
    "md_in_html", "attr_list", "admonition", "footnotes",
)  # fmt: skip
"""The Markdown extensions the site's pages are built with: MkDocs' own and mkdocs.yml's
`markdown_extensions` (a test keeps the two the same)."""

ALLOWED = {
    **dict.fromkeys(("p", "em", "strong", "code", "pre", "blockquote", "hr", "br"), ()),
    **dict.fromkeys(("ul", "ol", "li", "dl", "dt", "dd", "table", "thead", "tbody", "tr"), ()),
    **dict.fromkeys(("h1", "h2", "h3", "h4", "h5", "h6", "div", "span", "sup", "sub"), ()),
    "a": ("href", "title"),
    "img": ("src", "alt", "title"),
    "th": ("style",),
    "td": ("style",),
}
"""Each element a page may hold and the attributes it may carry besides `id` and `class`."""

SAFE_SCHEMES = frozenset({"http", "https", "mailto", "record"})
_TABLE_ALIGNMENT = re.compile(r"text-align: (?:left|right|center);")
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):")
_INVISIBLE_IN_ADDRESS = re.compile(r"[\x00-\x20\x7f]")

RECORD_LINK = re.compile(
    r"(?P<open>\[)?(?P<text_end>\]\(\s*)(?P<address><?record:(?P<id>[^\s)>]*)>?)"
    r"(?P<rest>(?:\s+(?:\"[^\"]*\"|'[^']*'))?\s*\))",
    re.IGNORECASE,
)
"""A Markdown inline link to a record, from the `](` on: `[text](record:ID)`, with an optional
title; `[](record:ID)` (an empty text) when `open` matched."""
RECORD_DEFINITION = re.compile(
    r"^(?P<lead> {0,3}\[[^\]\n]+\]:\s*)(?P<address><?record:(?P<id>[^\s>]*)>?)",
    re.IGNORECASE | re.MULTILINE,
)
"""A reference definition whose address is a record: `[label]: record:ID`."""


@dataclass(frozen=True)
class Finding:
    """Something the rendered page may not hold, and a piece of the source to find it by."""

    code: str
    message: str
    hint: str
    needle: str


def rendered(text: str) -> str:
    return str(markdown.markdown(text, extensions=list(PAGE_EXTENSIONS)))


def resolve_record_links(
    text: str, resolve: Callable[[str], tuple[str, str]], known: Container[str]
) -> str:
    """`text` with each link to a `known` record given `resolve(id)`'s address, and an empty
    link text its title (already escaped for Markdown). A link that names no known record is
    left as written: `check` has refused any that is a link, so it is text in code."""

    code = code_ranges(text)

    def in_code(match: re.Match[str]) -> bool:
        return any(start <= match.start() < end for start, end in code)

    def inline(match: re.Match[str]) -> str:
        if match["id"] not in known or in_code(match):
            return match[0]
        title, address = resolve(match["id"])
        opening = f"[{title}" if match["open"] else ""
        return f"{opening}]({address}{match['rest']}"

    def definition(match: re.Match[str]) -> str:
        if match["id"] not in known or in_code(match):
            return match[0]
        return f"{match['lead']}{resolve(match['id'])[1]}"

    return RECORD_DEFINITION.sub(definition, RECORD_LINK.sub(inline, text))


_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})", re.MULTILINE)
_CODE_SPAN = re.compile(r"(`+)(?:(?!\1)[^\n])+?\1")


def code_ranges(text: str) -> list[tuple[int, int]]:
    """Where code is written (fenced blocks and code spans), as (start, end) offsets: a record
    link shown as code stays as written. What the page holds is judged on its HTML; a link
    this misreads is left unresolved, and `check` then reports it."""
    ranges: list[tuple[int, int]] = []
    position = 0
    while True:
        opening = _FENCE.search(text, position)
        block_start = opening.start() if opening else len(text)
        ranges += [(m.start(), m.end()) for m in _CODE_SPAN.finditer(text, position, block_start)]
        if opening is None:
            return ranges
        fence = opening.group(1)
        closing = re.compile(rf"^ {{0,3}}{re.escape(fence[0])}{{{len(fence)},}}\s*$", re.MULTILINE)
        end = closing.search(text, opening.end())
        block_end = end.end() if end else len(text)
        ranges.append((block_start, block_end))
        position = block_end


class _Everything:
    def __contains__(self, item: object) -> bool:
        return True


@dataclass(frozen=True)
class Judged:
    title: str
    """The first level-one heading, as text."""
    findings: list[Finding]
    """What the page may not hold."""
    records: list[str]
    """The ids its links to records name (`record:ID`), in order; '' for a link without one."""


def judge(text: str) -> Judged:
    """The page rendered as the site renders it, held to the allowlist."""
    reader = _Reader()
    reader.feed(rendered(text))
    reader.close()
    found = list(reader.findings)
    # Every record link must be one the renderer resolves: render the page with them resolved
    # and see that none is left.
    stand_in = resolve_record_links(text, lambda _id: ("x", "#"), _Everything())
    leftover = _Reader()
    leftover.feed(rendered(stand_in))
    leftover.close()
    found += [
        Finding(
            "unsafe-link",
            "this link to a record is written in a form the site cannot resolve",
            "write it as [text](record:ID), or [label]: record:ID for a reference",
            needle,
        )
        for needle in leftover.record_addresses
    ]
    records = [_record_id(address) for address in reader.record_addresses]
    return Judged(reader.title, found, records)


def _record_id(address: str) -> str:
    cleaned = _INVISIBLE_IN_ADDRESS.sub("", html.unescape(address))
    return cleaned.split(":", 1)[1]


_STRICT_TAG = re.compile(
    r"<(?P<end>/?)(?P<name>[a-z][a-z0-9]*)"
    r"(?P<attrs>(?:\s+[a-z][a-z0-9_-]*(?:=\"[^\"<>]*\")?)*)\s*/?>"
)
"""A tag as Python-Markdown writes one: lower-case names, double-quoted values without '<' or
'>'. Markdown's own HTML always has this form; raw HTML in a page may not, and a browser can
read a tag that a lenient parser reads as text, so every '<' must begin a tag of this form."""
_ATTRIBUTE = re.compile(r"\s+(?P<name>[a-z][a-z0-9_-]*)(?:=\"(?P<value>[^\"<>]*)\")?")


class _Reader:
    """Reads the rendered HTML by the strict tag grammar above, nothing more lenient."""

    def __init__(self) -> None:
        self.findings: list[Finding] = []
        self.record_addresses: list[str] = []
        self.title = ""

    def feed(self, markup: str) -> None:
        position = 0
        title_start: int | None = None
        while (at := markup.find("<", position)) != -1:
            tag = _STRICT_TAG.match(markup, at)
            if tag is None:
                self.findings.append(_raw(markup[at : at + 20]))
                position = at + 1
                continue
            position = tag.end()
            if tag["end"]:
                if tag["name"] == "h1" and title_start is not None and not self.title:
                    inner = re.sub(r"<[^>]*>", "", markup[title_start:at])
                    self.title = html.unescape(inner) or " "
                    title_start = None
                continue
            attrs = [(m["name"], m["value"]) for m in _ATTRIBUTE.finditer(tag["attrs"])]
            self.findings.extend(_judge(tag["name"], attrs))
            for name, value in attrs:
                if name in ("href", "src") and value and _scheme(value) == "record":
                    self.record_addresses.append(value)
            if tag["name"] == "h1" and title_start is None and not self.title:
                title_start = tag.end()

    def close(self) -> None:
        self.title = self.title.strip()


def _judge(tag: str, attrs: list[tuple[str, str | None]]) -> Iterator[Finding]:
    allowed = ALLOWED.get(tag)
    if allowed is None:
        yield _raw(f"<{tag}")
        return
    for name, value in attrs:
        if name in ("id", "class") or (name in allowed and name != "style"):
            if name in ("href", "src") and value is not None:
                scheme = _scheme(value)
                if scheme is not None and scheme not in SAFE_SCHEMES:
                    yield Finding(
                        "unsafe-link",
                        f"a link to a '{scheme}:' address would run or open something other "
                        "than a page",
                        "link to an http, https or mailto address, or to a record: (record:ID)",
                        value,
                    )
            continue
        if name == "style" and name in allowed and _TABLE_ALIGNMENT.fullmatch(value or ""):
            continue
        yield Finding(
            "raw-html",
            f"the attribute '{name}' is not allowed in a page: it could run a script or change "
            "the page's look",
            "remove it (an attribute list such as {: onclick=... } sets any attribute)",
            name,
        )


def _raw(needle: str) -> Finding:
    needle = needle.split("\n")[0]
    return Finding(
        "raw-html",
        "raw HTML is not allowed in a page: it would reach readers' browsers as written",
        "write it in Markdown; to show a '<', write &lt; or put it in `backticks`",
        needle,
    )


def _scheme(address: str) -> str | None:
    """The scheme a browser reads in `address` (it drops spaces and controls first)."""
    cleaned = _INVISIBLE_IN_ADDRESS.sub("", html.unescape(address))
    found = _SCHEME.match(cleaned)
    return found.group(1).lower() if found else None
