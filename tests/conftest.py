"""Shared fixtures: temporary data folders built from the base dataset."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from hypothesis import settings

# No property test may depend on the machine's speed, so none has a deadline. Under CI the
# examples are a fixed sequence (derandomize), so a red run can be reproduced; elsewhere they
# vary from run to run and find more. HYPOTHESIS_PROFILE chooses one by name.
settings.register_profile("dev", deadline=None)
settings.register_profile("ci", deadline=None, derandomize=True, print_blob=True)
settings.load_profile(
    os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") else "dev")
)

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
