"""Find the data files: every `data/<kind>/<id>.yaml`, in sorted order, and a problem for
anything else under the data folder (nothing is followed out of it)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from generator.load.diagnostics import Diagnostic, display_path
from generator.schema.explainer_settings import SETTINGS_FILE
from generator.schema.models import KINDS

PAGES_FOLDER = "pages"
"""The folder of hand-written pages (load/read_explainer.py)."""


def discover(data_dir: Path) -> tuple[list[Path], list[Diagnostic]]:
    """Every `data/<kind>/<id>.yaml`, sorted; anything else under data/ is reported.

    Nothing is followed out of `data_dir`: a symbolic link (Git stores them, so a pull request
    can carry one to any file on the machine that builds it) and anything that is not a plain
    file or folder (a FIFO would block the build, a device could be read forever) are refused.
    """
    problems: list[Diagnostic] = []
    found: list[Path] = []
    if data_dir.is_symlink():
        # A pull request can commit data/ itself as a link, to / or to anyone's home.
        return [], [not_a_file(display_path(data_dir), "symlink")]
    for path, kind in _entries(data_dir, problems):
        shown = display_path(path)
        relative = path.relative_to(data_dir)
        if kind != "file":
            problems.append(not_a_file(shown, kind))
        elif relative.parts == (SETTINGS_FILE,):
            continue  # read by load/read_explainer.py
        elif len(relative.parts) == 2 and relative.parts[0] == PAGES_FOLDER:
            if path.suffix != ".md":
                problems.append(
                    Diagnostic(
                        shown,
                        0,
                        0,
                        "stray-file",
                        "",
                        "the pages folder holds Markdown pages only",
                        f"name a page <name>.md, or move this file out of {PAGES_FOLDER}/",
                    )
                )
        elif len(relative.parts) != 2 or relative.parts[0] not in KINDS:
            kinds = ", ".join(KINDS)
            problems.append(
                Diagnostic(
                    shown,
                    0,
                    0,
                    "stray-file",
                    "",
                    "this file is not in a record folder",
                    f"records live in data/<kind>/<id>.yaml, where kind is one of: {kinds}; "
                    f"settings in data/{SETTINGS_FILE}; pages in data/{PAGES_FOLDER}/<name>.md",
                )
            )
        elif path.suffix != ".yaml":
            problems.append(
                Diagnostic(
                    shown,
                    0,
                    0,
                    "stray-file",
                    "",
                    "a data file must end in .yaml",
                    f"rename it to {path.stem}.yaml",
                )
            )
        else:
            found.append(path)
    return found, problems


def _entries(
    folder: Path, problems: list[Diagnostic], depth: int = 0
) -> Iterator[tuple[Path, str]]:
    """(path, "file" | "symlink" | "special" | "folder") below `folder`, depth first in name
    order (the order of sorted paths), without following links; hidden names are skipped.
    Records are two levels down (`<kind>/<id>.yaml`): a folder deeper than that is reported,
    not entered, so no nesting of folders can exhaust the walk."""
    try:
        with os.scandir(folder) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
    except OSError as error:
        problems.append(
            Diagnostic(
                display_path(folder),
                0,
                0,
                "unreadable",
                "",
                f"the folder cannot be read: {error.strerror or type(error).__name__}",
                "make it readable (chmod a+rx) or remove it: its records would be left out",
            )
        )
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        if entry.is_symlink():
            yield path, "symlink"
        elif entry.is_dir(follow_symlinks=False):
            if depth >= 1:
                yield path, "folder"
            else:
                yield from _entries(path, problems, depth + 1)
        elif entry.is_file(follow_symlinks=False):
            yield path, "file"
        else:
            yield path, "special"


def not_a_file(shown: str, kind: str) -> Diagnostic:
    if kind == "folder":
        return Diagnostic(
            shown,
            0,
            0,
            "stray-file",
            "",
            "a folder inside a record folder",
            "records live in data/<kind>/<id>.yaml; move its files up or remove it",
        )
    if kind == "symlink":
        return Diagnostic(
            shown,
            0,
            0,
            "symlink",
            "",
            "a symbolic link is not a data file: links are never followed",
            "replace the link with the record file itself",
        )
    return Diagnostic(
        shown,
        0,
        0,
        "not-a-file",
        "",
        "this is not a regular file (a pipe, socket or device)",
        "remove it; records are plain .yaml files",
    )
