"""`explainer init DIR` starts a new explainer: a data folder that checks and builds at once."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from generator import check_data
from generator.tools.cli import main
from tests.helpers import ENV


def test_init_writes_a_data_folder_that_checks(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "new" / "data"
    assert main(["init", str(target)]) == 0
    assert f"into {target}" in capsys.readouterr().out
    dataset, problems = check_data(target)
    assert problems == [] and dataset is not None
    # One example of every kind but articles, each marked as an example to replace.
    counts = dataset.counts()
    assert all(counts[kind] >= 1 for kind in counts if kind != "articles")
    assert {record.verification for record in dataset.statements.values()} == {"unverified"}
    assert dataset.explainer.front is not None
    assert [page.name for page in dataset.pages] == ["methodology"]


def test_init_refuses_a_folder_that_holds_anything(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "notes.txt").write_text("mine\n", encoding="utf-8")
    assert main(["init", str(tmp_path)]) == 2
    assert "exists and is not an empty folder" in capsys.readouterr().err
    assert [path.name for path in tmp_path.iterdir()] == ["notes.txt"]


@pytest.mark.slow
def test_the_new_explainer_builds_strict_from_any_folder(tmp_path: Path) -> None:
    assert main(["init", str(tmp_path / "data")]) == 0
    result = subprocess.run(
        [sys.executable, "-m", "generator", "build", "--data", "data", "--site", "site"],
        cwd=tmp_path, capture_output=True, text=True, check=False, env=ENV,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    home = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert "A new explainer: who said what, and when" in home
