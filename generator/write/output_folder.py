"""Which folders `build` and `render` may replace, and the marker that claims a folder as output.

Both commands replace their output folder as a whole. So they refuse, before reading any data,
a folder whose loss would destroy work: the project itself or any folder holding it, the data,
the hand-written docs, a `.git` folder (never, even with --force), and a non-empty folder that
no build wrote (unless --force). A build writes the marker file into every folder it makes,
which is how the next one knows the folder is its own.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from generator.write.files import named

MARKER = ".explainer-output"
MARKER_TEXT = """\
This folder was written by `python -m generator build` or `render`, which replace it as a whole
on every run: anything else kept here is lost. This file tells them the folder is theirs; they
refuse to replace a non-empty folder without it unless given --force.
"""


def mark(folder: Path) -> None:
    path = folder / MARKER
    with named(path):
        path.write_text(MARKER_TEXT, encoding="utf-8")


def refusal(given: str, option: str, *, data_dir: Path, force: bool) -> str | None:
    """Why the folder `given` (as typed after `option`) must not be replaced, or None."""
    out = Path(given).resolve()
    root = Path.cwd().resolve()
    example = f"e.g. {option} {'site' if option == '--site' else 'rendered'}"
    reason = _protected(out, root, data_dir.resolve())
    fix = f"give a folder of its own, {example}"
    if reason is None and not force and _foreign(out):
        reason = f"holds files that no build wrote (it has no {MARKER} file)"
        fix = f"give an empty or new folder, {example}, or add --force to replace it anyway"
    if reason is None:
        return None
    replaced = "and the output folder is replaced as a whole: nothing was written"
    return f"{option} {given!r} {reason}, {replaced}; {fix}"


def _protected(out: Path, root: Path, data: Path) -> str | None:
    if ".git" in out.parts:
        return f"is a .git folder or inside one ({out})"
    guarded = [
        (root, "the project folder", False),
        (data, "the data folder", True),
        (_docs_dir(root), "the docs folder", True),
    ]
    for folder, what, inside_too in guarded:
        if out == folder:
            return f"is {what} ({folder})"
        if out in folder.parents:
            return f"holds {what} ({folder})"
        if inside_too and folder in out.parents:
            return f"is inside {what} ({folder})"
    if out.exists() and not out.is_dir():
        return "is a file, not a folder"
    return None


def _foreign(out: Path) -> bool:
    """A non-empty folder without the marker (one that cannot be listed counts too)."""
    if not out.is_dir() or (out / MARKER).is_file():
        return False
    try:
        return any(out.iterdir())
    except OSError:
        return True


def _docs_dir(root: Path) -> Path:
    """docs_dir from the project's mkdocs.yml (default docs), as MkDocs reads it."""
    configured: Any = None
    try:
        text = (root / "mkdocs.yml").read_text(encoding="utf-8")
        configured = yaml.load(text, Loader=_TolerantLoader)  # safe: see _TolerantLoader
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        pass
    name = configured.get("docs_dir") if isinstance(configured, dict) else None
    return (root / (name if isinstance(name, str) and name else "docs")).resolve()


class _TolerantLoader(yaml.SafeLoader):
    """Safe loading, with MkDocs' extra tags (`!ENV`, `!!python/name:...`) read as None:
    only docs_dir is wanted here, and no tag may build an object."""


_TolerantLoader.add_multi_constructor("", lambda _loader, _suffix, _node: None)
