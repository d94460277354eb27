"""A page over the size limit stops `render` and the MkDocs build with the record behind it,
before anything is written: a contradiction quoting 300 long statements makes an 11.7 MB page."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bench.project import copy_project
from tests.helpers import BASE_DATA, ROOT

pytestmark = pytest.mark.slow

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT)}
EXPECTED = (
    "data/contradictions/was-it-requested.yaml:0:0: error[page-too-large] the page "
    "contradictions/was-it-requested.md would be 11.7 MB, over the limit of 5.0 MB\n"
    "    hint: this record makes 11.7 MB of it: name fewer records in it, shorten its text, "
    "or split it into smaller records\n"
)


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("large-page") / "project", BASE_DATA)
    data = project / "data"
    base = (data / "statements" / "2022-07-28-assertion.yaml").read_text(encoding="utf-8")
    base = "".join(line for line in base.splitlines(keepends=True) if not line.startswith("event:"))
    words = ("we asked them again today " * 800)[:19_000].strip()
    ids = [f"long-{n}" for n in range(300)]
    for n, record_id in enumerate(ids):
        (data / "statements" / f"{record_id}.yaml").write_text(
            base.replace("text: We asked.", f"text: {words}").replace(
                'time: "14:12"', f'time: "14:{n % 60:02d}"'
            ),
            encoding="utf-8",
        )
    contradiction = data / "contradictions" / "was-it-requested.yaml"
    contradiction.write_text(
        contradiction.read_text(encoding="utf-8").replace(
            "statements: [2022-07-28-assertion]",
            f"statements: [2022-07-28-assertion, {', '.join(ids)}]",
        ),
        encoding="utf-8",
    )
    return project


def run(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "generator", *args],
        cwd=project, capture_output=True, text=True, check=False, env=ENV, timeout=300,
    )  # fmt: skip


def test_render_refuses_the_page_and_names_the_record(project: Path) -> None:
    started = time.perf_counter()
    result = run(project, "render", "--out", "pages")
    assert time.perf_counter() - started < 10
    assert result.returncode == 1
    assert result.stdout == EXPECTED
    assert "1 page(s) too large; nothing was written." in result.stderr
    assert not (project / "pages").exists()


def test_the_build_stops_with_the_same_report(project: Path) -> None:
    shutil.rmtree(project / "site", ignore_errors=True)
    result = run(project, "build")
    assert result.returncode == 1
    assert result.stdout == EXPECTED
    assert "1 page(s) too large; site was left as it was." in result.stderr
    assert "MkDocs" not in result.stderr  # refused before MkDocs starts
    assert not (project / "site").exists()
