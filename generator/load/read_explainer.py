"""Read what makes a data folder one explainer besides its records: `explainer.yaml` (settings
and front page) and the hand-written pages in `pages/<name>.md`.

A hand-written page is Markdown that links to records by id, `[the call](record:ID)` (an
empty text, `[](record:ID)`, shows the record's title); `check` reports a link to a record that
does not exist at its file:line:column, as it reports a broken reference in a record. What a
page may hold is judged on the HTML it renders to (page_markdown.py): pages come from pull
requests like records do.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from generator.load.diagnostics import Diagnostic, display_path
from generator.load.discover_files import PAGES_FOLDER
from generator.load.page_markdown import code_ranges, judge
from generator.load.read_records import read_model, read_text
from generator.load.yaml_positions import ParsedFile
from generator.schema.characters import CONTROL
from generator.schema.explainer_settings import DEFAULT_EXPLAINER, SETTINGS_FILE, Explainer
from generator.schema.field_types import ID_PATTERN, MAX_ID_LENGTH, slug_hint

MAX_BRACKETS = 1_000
"""The most '[' a page may hold. Python-Markdown looks for each one's closing ']' in the rest of
the page: 8,000 took 9 s to render and 200,000 would take hours, in `check` and in the build
alike; 1,000 take under a second."""

RESERVED_PAGE_NAMES = frozenset(
    {
        "index", "timeline", "contradictions", "claims", "glossary", "data", "corrections",
        "actors", "statements", "events", "sources", "articles", "search", "404", "assets",
        "stylesheets", "javascripts", "schema",
    }
)  # fmt: skip
"""Names the generated site uses at its top level: a page with one would replace it."""


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
    """One link to a record in a hand-written page."""

    line: int
    col: int
    target: str


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
    # Links and anything but plain files are reported by discovery, not read here.
    return sorted(
        path
        for path in folder.iterdir()
        if path.suffix == ".md"
        and not path.name.startswith(".")
        and not path.is_symlink()
        and path.is_file()
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
    """The page (None when it cannot be read) and its problems: any problem fails the check.
    What it may hold is judged on the HTML it renders to (page_markdown.py)."""
    shown = display_path(path)
    text, problems = read_text(path)
    if text is None:
        return None, problems
    text = text.replace("\r\n", "\n").replace("\r", "\n")  # line breaks as Markdown reads them
    name = path.stem
    problems += _name_problems(name, shown)
    control = CONTROL.search(text)
    if control:
        line, col = _position(text, control.start())
        problems.append(
            Diagnostic(
                shown,
                line,
                col,
                "bad-character",
                "",
                f"the control character U+{ord(control.group()):04X} is not allowed in a page: "
                "browsers and parsers read the text around it differently",
                "delete it (a page may hold tabs and line breaks, not other controls)",
            )
        )
    brackets = text.count("[")
    if brackets > MAX_BRACKETS:
        problems.append(
            Diagnostic(
                shown,
                0,
                0,
                "too-many",
                "",
                f"the page holds {brackets:,} '[' (links, images, footnotes): at most "
                f"{MAX_BRACKETS:,}, as Markdown's time to read them grows with their square",
                "split the page, or write a literal '[' as &#91;",
            )
        )
        return HandPage(name, "", text, shown, ()), sorted(set(problems))
    judged = judge(text)
    lines = _prose(text)
    for finding in judged.findings:
        line, col = _locate(lines, finding.needle)
        problems.append(
            Diagnostic(shown, line, col, finding.code, "", finding.message, finding.hint)
        )
    links = tuple(RecordLink(*_locate_link(lines, target), target) for target in judged.records)
    title = judged.title
    title = " ".join(title.split())
    first = next((line for line in text.split("\n") if line.strip()), "")
    if not title or not first.startswith("# "):
        # The title line first: a page that starts otherwise could start with metadata
        # (`---` front matter, or `key: value` lines) that the engine reads and prints in the
        # page's header as it is, where no check of the page's HTML sees it.
        problems.append(
            Diagnostic(
                shown,
                1,
                1,
                "page-without-title",
                "",
                "the page does not start with its title",
                "make its first line a heading: '# Title' (pages take no front matter)",
            )
        )
    # Returned with its problems, so that its links are checked in the same run.
    return HandPage(name, title, text, shown, links), sorted(set(problems))


def _locate(lines: list[str], needle: str) -> tuple[int, int]:
    """The first line and column where `needle` is written (case aside), or 0, 0."""
    wanted = needle.casefold()
    for number, line in enumerate(lines, start=1):
        at = line.casefold().find(wanted)
        if at != -1:
            return number, at + 1
    return 0, 0


def _position(text: str, offset: int) -> tuple[int, int]:
    line_start = text.rfind("\n", 0, offset) + 1
    return text.count("\n", 0, offset) + 1, offset - line_start + 1


def _locate_link(lines: list[str], target: str) -> tuple[int, int]:
    """Where the link to the record `target` is written (its id, or its `record:`)."""
    pattern = re.compile(rf"record:({re.escape(target)})(?![\w-])", re.IGNORECASE)
    for number, line in enumerate(lines, start=1):
        found = pattern.search(line)
        if found:
            return number, (found.start(1) if target else found.start()) + 1
    return 0, 0


def _prose(text: str) -> list[str]:
    """The page's lines with code blanked out (fenced blocks, code spans), so that a problem
    is located where it is written as Markdown rather than where code shows it as text. Only
    for locating: what a page holds is judged on its HTML."""
    chars = list(text)
    for start, end in code_ranges(text):
        for at in range(start, end):
            if chars[at] != "\n":
                chars[at] = " "
    return "".join(chars).split("\n")


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
