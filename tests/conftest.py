"""Shared fixtures: temporary data folders built from the base dataset."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BASE_DATA = ROOT / "tests" / "cases" / "base" / "data"
REAL_DATA = ROOT / "data"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-goldens",
        action="store_true",
        help="rewrite the expected output of golden cases from the actual output (review the diff)",
    )


@pytest.fixture
def base_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the small valid base dataset at ./data; the working directory is its parent."""
    data = tmp_path / "data"
    shutil.copytree(BASE_DATA, data)
    monkeypatch.chdir(tmp_path)
    return data


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }
