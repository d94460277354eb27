"""One shape for every problem found in data: file, line, column, code, field, message, hint.

Diagnostics are values. The core returns them; only the CLI prints them.
"""

from __future__ import annotations

import difflib
import json
import os
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from pathlib import Path

from generator.schema.characters import INVISIBLE


@dataclass(frozen=True, order=True)
class Diagnostic:
    """A problem in one data file, located as precisely as the file allows."""

    path: str
    """The file, as the user would type it (relative to the working directory when possible)."""
    line: int
    """1-based line; 0 when the problem concerns the file as a whole."""
    col: int
    """1-based column; 0 when unknown."""
    code: str
    """A stable kebab-case identifier such as `unknown-ref` (documented in the README)."""
    field: str
    """The dotted path of the field (`reported_in[0].source`), or `` for the whole file."""
    message: str
    """What is wrong, in plain words."""
    hint: str = ""
    """How to fix it, or an empty string."""

    def format_text(self) -> str:
        where = f"{visible(self.path)}:{self.line}:{self.col}"
        field = f"{visible(self.field)}: " if self.field else ""
        text = f"{where}: error[{self.code}] {field}{visible(self.message)}"
        if self.hint:
            text += f"\n    hint: {visible(self.hint)}"
        return text

    def format_github(self) -> str:
        """A GitHub Actions workflow command, so the error lands on the pull request's diff."""
        message = self.message + (f" (hint: {self.hint})" if self.hint else "")
        title = f"{self.code} {self.field}".strip()
        return (
            f"::error file={_gh_property(visible(self.path))},line={self.line},col={self.col},"
            f"title={_gh_property(visible(title))}::{_gh_data(visible(message))}"
        )


class DataError(Exception):
    """Raised at a stage boundary when data problems stop the pipeline."""

    def __init__(self, diagnostics: Iterable[Diagnostic]) -> None:
        self.diagnostics = sorted(diagnostics)
        super().__init__(f"{len(self.diagnostics)} problem(s) in data")


def display_path(path: Path) -> str:
    """The path relative to the working directory if it lies below it, else absolute."""
    # abspath, not resolve(): a symlinked file must be named as the contributor sees it.
    # Strings, not pathlib: this runs once per data file.
    absolute = os.path.abspath(path)
    cwd = os.getcwd()
    if absolute.startswith(cwd.rstrip(os.sep) + os.sep):
        absolute = absolute[len(cwd.rstrip(os.sep)) + 1 :]
    # Escaped here, once: the path may be printed, sent as JSON (a name that is not UTF-8
    # holds surrogates no encoder takes) or put in a GitHub annotation.
    return visible(absolute.replace(os.sep, "/"))


def did_you_mean(value: str, candidates: Iterable[str]) -> str:
    """A hint naming the closest candidate, or an empty string when nothing is close."""
    close = difflib.get_close_matches(value, sorted(set(candidates)), n=1, cutoff=0.6)
    if not close:
        # Ids often differ from what people type by a prefix or suffix ('smith' for
        # 'jane-smith'), which difflib's ratio scores low; a containment match catches it.
        contains = sorted(c for c in set(candidates) if value and value in c)
        close = contains[:1]
    return f"did you mean '{close[0]}'?" if close else ""


def format_report(diagnostics: Iterable[Diagnostic], fmt: str) -> str:
    items = sorted(diagnostics)
    if fmt == "json":
        return json.dumps([asdict(d) for d in items], ensure_ascii=False, indent=2)
    if fmt == "github":
        return "\n".join(d.format_github() for d in items)
    return "\n".join(d.format_text() for d in items)


def _gh_property(value: str) -> str:
    return _gh_data(value).replace(":", "%3A").replace(",", "%2C")


def _gh_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


_INVISIBLE_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def visible(text: str) -> str:
    """Text for one line of a terminal or CI log: messages quote the user's values and file
    names, and a line break would start a line of our report (under GitHub Actions, a line
    starting `::` is a workflow command), an escape sequence would drive the terminal, and a
    bidirectional control would reorder what is shown. Each such character is written as an
    escape (`\\n`, `\\x1b`, `\\u202e`), so the line shows exactly what the file holds."""
    if text.isprintable() and not INVISIBLE.search(text):
        return text
    return "".join(
        _visible_character(ch) if not ch.isprintable() or INVISIBLE.match(ch) else ch
        for ch in text
    )


def _visible_character(character: str) -> str:
    if character in _INVISIBLE_NAMED:
        return _INVISIBLE_NAMED[character]
    code = ord(character)
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"
