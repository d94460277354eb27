"""A copy of the site project to build or serve somewhere else, for tests and benchmarks."""

from __future__ import annotations

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REAL_DATA = ROOT / "data"


def copy_project(destination: Path, data: Path = REAL_DATA) -> Path:
    """The site project (config, theme assets, hook, theme override) in `destination`, with a
    copy of `data` as data/ and the working tree's generator linked in (the hook watches
    both)."""
    destination.mkdir(parents=True, exist_ok=True)
    for name in ("mkdocs.yml", "assets", "hooks", "overrides"):
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, destination / name)
    shutil.copytree(data, destination / "data")
    (destination / "generator").symlink_to(ROOT / "generator")
    return destination
