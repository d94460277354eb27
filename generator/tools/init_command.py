"""`explainer init DIR`: a new explainer's data folder, ready to build: its settings and home
page, a methodology page and one example record of each kind (marked unverified, so the site
says they are examples until they are replaced)."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from generator.tools.console import EXIT_DATA, EXIT_OK, EXIT_USAGE

STARTER = Path(__file__).resolve().parent / "starter"
"""The starter data folder shipped with the generator."""


def init_command(target: Path) -> int:
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        print(
            f"error: {target} exists and is not an empty folder; give a new folder",
            file=sys.stderr,
        )
        return EXIT_USAGE
    try:
        shutil.copytree(STARTER, target, dirs_exist_ok=True, ignore=_not_data)
    except OSError as error:
        print(f"error: {target} cannot be written: {error.strerror or error}", file=sys.stderr)
        return EXIT_DATA
    count = sum(1 for path in target.rglob("*") if path.is_file())
    print(f"wrote {count} files into {target}")
    print(f"next: edit {target / 'explainer.yaml'}, then: explainer build --data {target}")
    return EXIT_OK


def _not_data(folder: str, names: list[str]) -> list[str]:
    """Nothing but the starter's data files (no caches a Python run may leave beside them)."""
    return [name for name in names if name.startswith((".", "__"))]
