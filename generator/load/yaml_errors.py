"""PyYAML's errors in the words of a data file's author: line, column, what is wrong, the fix."""

from __future__ import annotations

import yaml

from generator.load.diagnostics import Diagnostic

Position = tuple[int, int]
"""1-based line and column; (0, 0) when PyYAML gives no mark."""


def syntax_diagnostic(error: yaml.MarkedYAMLError, shown_path: str) -> Diagnostic:
    line, col = mark_position(error.problem_mark or error.context_mark)
    problem = error.problem or "invalid YAML"
    if "'\\t'" in problem:
        code, message, hint = (
            "tab",
            "a tab character where YAML expects indentation or a value",
            "indent with spaces, never tabs",
        )
    elif "expected a single document" in (error.context or ""):
        code, message, hint = (
            "yaml-syntax",
            "more than one YAML document in the file",
            "remove the '---' line: one file holds one record",
        )
    else:
        context = f" {error.context}" if error.context else ""
        code, message, hint = (
            "yaml-syntax",
            f"{problem}{context}",
            "check the indentation and quoting on this line and the one before it",
        )
    return Diagnostic(shown_path, line, col, code, "", message, hint)


def reader_diagnostic(error: yaml.reader.ReaderError, text: str, shown_path: str) -> Diagnostic:
    """YAML refuses control characters anywhere in a file, even inside quotes."""
    before = text[: error.position]
    line = before.count("\n") + 1
    col = error.position - (before.rfind("\n") + 1) + 1
    code_point = f"U+{error.character:04X}" if isinstance(error.character, int) else "?"
    return Diagnostic(
        shown_path,
        line,
        col,
        "bad-character",
        "",
        f"the control character {code_point} is not allowed in a YAML file",
        "delete it (text fields accept tabs and line breaks, no other control characters)",
    )


def mark_position(mark: yaml.Mark | None) -> Position:
    return (mark.line + 1, mark.column + 1) if mark is not None else (0, 0)
