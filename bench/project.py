"""A copy of the site project to build or serve somewhere else, for tests and benchmarks."""

from __future__ import annotations

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REAL_DATA = ROOT / "data"


def copy_project(destination: Path, data: Path = REAL_DATA) -> Path:
    """The site project (config, hand-written docs, hook, theme override) in `destination`,
    with a copy of `data` as data/ and the working tree's generator linked in (`watch:` names
    both). The home page links to real records; with other data it is a stand-in."""
    destination.mkdir(parents=True, exist_ok=True)
    for name in ("mkdocs.yml", "docs", "hooks", "overrides"):
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, destination / name)
    shutil.copytree(data, destination / "data")
    (destination / "generator").symlink_to(ROOT / "generator")
    if data.resolve() != REAL_DATA.resolve():
        (destination / "docs" / "index.md").write_text("# Stand-in home page\n", encoding="utf-8")
    return destination
