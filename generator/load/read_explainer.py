"""Read what makes a data folder one explainer besides its records: `explainer.yaml` (settings
and front page) and the hand-written pages in `pages/<name>.md`.

A hand-written page is Markdown that links to records by id, `[the call](record:ID)` (an
empty text, `[](record:ID)`, shows the record's title); `check` reports a link to a record that
does not exist at its file:line:column, as it reports a broken reference in a record. Raw HTML
is refused: pages come from pull requests like records do, and a tag would reach readers'
browsers as it is written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from generator.load.diagnostics import Diagnostic, display_path
from generator.load.discover_files import PAGES_FOLDER
from generator.load.read_records import read_model, read_text
from generator.load.yaml_positions import ParsedFile
from generator.schema.explainer_settings import DEFAULT_EXPLAINER, SETTINGS_FILE, Explainer
from generator.schema.field_types import ID_PATTERN, MAX_ID_LENGTH, slug_hint

RESERVED_PAGE_NAMES = frozenset(
    {
        "index", "timeline", "contradictions", "claims", "glossary", "data", "corrections",
        "actors", "statements", "events", "sources", "articles", "search", "404", "assets",
        "stylesheets", "javascripts", "schema",
    }
)  # fmt: skip
"""Names the generated site uses at its top level: a page with one would replace it."""

RECORD_LINK = re.compile(r"\]\(record:([^)\s]*)\)")
"""`](record:ID)`: the end of a Markdown link to a record by its id."""

_SCHEME = re.compile(
    r"(?:\]\(\s*<?|^ {0,3}\[[^\]]+\]:\s*<?)([A-Za-z][A-Za-z0-9+.-]*):"
)
"""The scheme of a link's address, inline (`](x:`) or in a reference definition (`[a]: x:`)."""
SAFE_SCHEMES = frozenset({"http", "https", "mailto", "record"})
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")
_RAW_HTML = re.compile(r"<(?:[A-Za-z][A-Za-z0-9-]*|/[A-Za-z]|!|\?)")


@dataclass(frozen=True)
class LoadedExplainer:
    """The explainer's settings with where they came from (None: the file is absent)."""

    explainer: Explainer
    origin: ParsedFile | None
    id: str = ""

    @property
    def record(self) -> Explainer:
        return self.explainer


@dataclass(frozen=True)
class RecordLink:
    """One `](record:ID)` in a hand-written page, outside code."""

    line: int
    col: int
    target: str
    start: int
    """Where `](record:ID)` starts in the page's text."""
    end: int
    untitled: bool
    """Written `[](record:ID)`: the record's title is the link's text."""


@dataclass(frozen=True)
class HandPage:
    """A hand-written page: `pages/<name>.md`, published at `<name>/`."""

    name: str
    title: str
    text: str
    shown_path: str
    links: tuple[RecordLink, ...]


def load_explainer(data_dir: Path) -> tuple[LoadedExplainer | None, list[Diagnostic]]:
    """The settings in `data_dir/explainer.yaml`, the defaults when there is no such file, or
    None and the file's problems."""
    path = data_dir / SETTINGS_FILE
    if not path.exists() and not path.is_symlink():
        return LoadedExplainer(DEFAULT_EXPLAINER, None), []
    validated, problems = read_model(path, Explainer, "the settings file")
    if validated is None:
        return None, problems
    explainer, parsed = validated
    return LoadedExplainer(explainer, parsed), []


def page_paths(data_dir: Path) -> list[Path]:
    """The hand-written pages' files, sorted (discovery has refused anything else there)."""
    folder = data_dir / PAGES_FOLDER
    if not folder.is_dir() or folder.is_symlink():
        return []
    return sorted(
        path for path in folder.iterdir() if path.suffix == ".md" and not path.name.startswith(".")
    )


def load_pages(paths: list[Path]) -> tuple[list[HandPage], list[Diagnostic]]:
    pages: list[HandPage] = []
    problems: list[Diagnostic] = []
    for path in paths:
        page, found = load_page(path)
        problems += found
        if page is not None:
            pages.append(page)
    return pages, problems


def load_page(path: Path) -> tuple[HandPage | None, list[Diagnostic]]:
    """The page (None when it cannot be read) and its problems: any problem fails the check."""
    shown = display_path(path)
    text, problems = read_text(path)
    if text is None:
        return None, problems
    name = path.stem
    problems += _name_problems(name, shown)
    title = ""
    links: list[RecordLink] = []
    fence = ""
    offset = 0
    for number, line in enumerate(text.split("\n"), start=1):
        line_start, offset = offset, offset + len(line) + 1
        opening = _FENCE.match(line)
        if fence:
            if opening and opening.group(1)[0] == fence[0] and len(opening.group(1)) >= len(fence):
                fence = ""
            continue
        if opening:
            fence = opening.group(1)
            continue
        if not title and line.startswith("# "):
            title = line[2:].strip()
        prose = _CODE_SPAN.sub(lambda span: " " * len(span.group(0)), line)
        tag = _RAW_HTML.search(prose)
        if tag:
            problems.append(
                Diagnostic(
                    shown,
                    number,
                    tag.start() + 1,
                    "raw-html",
                    "",
                    "raw HTML is not allowed in a page: it would reach browsers as written",
                    "write it in Markdown; to show a '<', write \\< or put it in `backticks`",
                )
            )
        for scheme in _SCHEME.finditer(prose):
            if scheme.group(1).lower() not in SAFE_SCHEMES:
                problems.append(
                    Diagnostic(
                        shown,
                        number,
                        scheme.start(1) + 1,
                        "unsafe-link",
                        "",
                        f"a link to a '{scheme.group(1)}:' address would run or open something "
                        "other than a page",
                        "link to an http, https or mailto address, or to a record: (record:ID)",
                    )
                )
        for found in RECORD_LINK.finditer(prose):
            untitled = prose[found.start() - 1 : found.start()] == "[" and (
                prose[found.start() - 2 : found.start() - 1] != "\\"
            )
            links.append(
                RecordLink(
                    number,
                    found.start(1) + 1,
                    found.group(1),
                    line_start + found.start(),
                    line_start + found.end(),
                    untitled,
                )
            )
    if not title:
        problems.append(
            Diagnostic(
                shown,
                1,
                1,
                "page-without-title",
                "",
                "the page has no title",
                "start it with a heading line: '# Title'",
            )
        )
    # Returned with its problems, so that its links are checked in the same run.
    return HandPage(name, title, text, shown, tuple(links)), problems


def _name_problems(name: str, shown: str) -> list[Diagnostic]:
    if not (ID_PATTERN.fullmatch(name) and len(name) <= MAX_ID_LENGTH):
        return [
            Diagnostic(
                shown,
                0,
                0,
                "bad-id",
                "",
                f"the file name '{name}' is not a valid page name: lower-case letters, digits "
                f"and single hyphens, at most {MAX_ID_LENGTH} characters",
                f"rename the file, e.g. to '{slug_hint(name)}.md'",
            )
        ]
    if name in RESERVED_PAGE_NAMES:
        return [
            Diagnostic(
                shown,
                0,
                0,
                "reserved-id",
                "",
                f"the name '{name}' is the address of a generated page, which this page would "
                "replace",
                "rename the file after what the page is about",
            )
        ]
    return []
