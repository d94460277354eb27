"""`explainer check`, and the check every command that builds runs first, reported the same way."""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from generator import Dataset, check_data
from generator.load.diagnostics import Diagnostic, format_report, visible
from generator.schema.models import SINGULAR
from generator.tools.collector import collector_paused
from generator.tools.console import EXIT_DATA, EXIT_OK, EXIT_USAGE, plural

_NOUNS = {"glossary": "glossary term"}
"""How a count of a kind reads where the kind's singular is not a noun for one record."""


def no_data_folder(data_dir: Path) -> str | None:
    """Why `data_dir` cannot be checked, or None. (Path.is_dir raises on a folder whose parent
    cannot be entered, and a traceback would be the report.)"""
    try:
        if data_dir.is_dir():
            return None
    except OSError as error:
        return f"error: cannot open the data folder '{visible(str(data_dir))}': {error.strerror}"
    return f"error: no data folder at '{visible(str(data_dir))}'"


def check_command(data_dir: Path, fmt: str) -> int:
    missing = no_data_folder(data_dir)
    if missing:
        print(missing, file=sys.stderr)
        return EXIT_USAGE
    started = time.perf_counter()
    with collector_paused():
        dataset, problems = check_data(data_dir)
    elapsed = time.perf_counter() - started
    if fmt == "json":
        counts = dataset.counts() if dataset else {}
        print(
            json.dumps(
                {
                    "ok": not problems,
                    "counts": counts,
                    "problems": json.loads(format_report(problems, "json")),
                },
                ensure_ascii=False,
                indent=2,
            )
        )
    elif problems:
        print(format_report(problems, "text"))
        print(f"\n{plural(len(problems), 'problem')} found.", file=sys.stderr)
    if problems and os.environ.get("GITHUB_ACTIONS") == "true":
        print(format_report(problems, "github"))
    if problems:
        return EXIT_DATA
    assert dataset is not None
    if fmt == "text":
        summary = ", ".join(
            plural(count, _NOUNS.get(kind, SINGULAR[kind]))
            for kind, count in dataset.counts().items()
        )
        print(f"no problems: {summary} (checked in {elapsed:.2f} s)")
    return EXIT_OK


def checked_dataset(data_dir: Path, consequence: str) -> Dataset | None:
    """The dataset, or None after printing every problem and `consequence` (what was left
    undone), as `check` prints them."""
    with collector_paused():
        dataset, problems = check_data(data_dir)
    if dataset is None:
        print(format_report(problems, "text"))
        print(f"\n{plural(len(problems), 'problem')} found; {consequence}.", file=sys.stderr)
    return dataset


def report_too_large(problems: Sequence[Diagnostic], consequence: str) -> None:
    print(format_report(problems, "text"))
    print(f"\n{len(problems)} page(s) too large; {consequence}.", file=sys.stderr)
