"""Failed builds leave the previous output exactly as it was."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from bench.project import copy_project
from generator.staging import staged
from tests.conftest import BASE_DATA, ROOT, snapshot

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT)}


def generator(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "generator", *args],
        cwd=project, capture_output=True, text=True, check=False, env=ENV,
    )  # fmt: skip


def leftovers(project: Path) -> list[str]:
    return sorted(p.name for p in project.iterdir() if p.name.startswith("."))


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_project(tmp_path_factory.mktemp("atomic") / "project", BASE_DATA)


def test_a_failing_build_leaves_the_previous_site_byte_identical(project: Path) -> None:
    first = generator(project, "build")
    assert first.returncode == 0, first.stderr
    before = snapshot(project / "site")
    assert "timeline/index.html" in before

    # 1. The data check fails.
    actor = project / "data" / "actors" / "foreign-office.yaml"
    good = actor.read_text(encoding="utf-8")
    actor.write_text(good + "kind: [\n", encoding="utf-8")
    failed = generator(project, "build")
    assert failed.returncode == 1
    assert "site was left as it was" in failed.stderr
    assert snapshot(project / "site") == before
    actor.write_text(good, encoding="utf-8")

    # 2. The data is fine but MkDocs fails half-way (a broken link is fatal under --strict).
    broken = project / "docs" / "broken.md"
    broken.write_text("# Broken\n\n[nowhere](missing.md)\n", encoding="utf-8")
    failed = generator(project, "build")
    assert failed.returncode == 1
    assert "The MkDocs build failed; site was left as it was." in failed.stderr
    assert snapshot(project / "site") == before
    assert leftovers(project) == []
    broken.unlink()


def test_a_failing_render_leaves_the_output_folder_byte_identical(project: Path) -> None:
    assert generator(project, "render", "--out", "out").returncode == 0
    before = snapshot(project / "out")
    source = project / "data" / "sources" / "wire-report.yaml"
    good = source.read_text(encoding="utf-8")
    source.write_text(good.replace("https://example.org/report", "ftp://x"), encoding="utf-8")
    failed = generator(project, "render", "--out", "out")
    assert failed.returncode == 1
    assert snapshot(project / "out") == before
    source.write_text(good, encoding="utf-8")


def test_staging_discards_everything_when_the_writer_fails(tmp_path: Path) -> None:
    target = tmp_path / "out"
    target.mkdir()
    (target / "page.md").write_text("old\n")
    before = snapshot(target)

    def write_then_fail() -> None:
        with staged(target, start_from_current=True) as stage:
            (stage / "page.md").write_text("half-written")
            raise RuntimeError("disk full")

    with pytest.raises(RuntimeError):
        write_then_fail()
    assert snapshot(target) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_staging_keeps_the_times_of_unchanged_files(tmp_path: Path) -> None:
    target = tmp_path / "out"
    target.mkdir()
    (target / "same.md").write_text("same\n")
    os.utime(target / "same.md", (1_000_000, 1_000_000))
    with staged(target, start_from_current=True) as stage:
        (stage / "new.md").write_text("new\n")
    assert (target / "same.md").stat().st_mtime == 1_000_000
    assert (target / "new.md").read_text() == "new\n"


def test_two_clean_builds_are_byte_identical_and_honour_source_date_epoch(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project", BASE_DATA)
    config = project / "mkdocs.yml"
    # With a site_url MkDocs writes a sitemap with dates, the one place a build date appears.
    config.write_text(
        "site_url: https://example.org/explainer/\n" + config.read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    env = {**ENV, "SOURCE_DATE_EPOCH": "1659052800"}  # 29 July 2022, 00:00 UTC

    def build(site: str, environment: dict[str, str]) -> dict[str, bytes]:
        result = subprocess.run(
            [sys.executable, "-m", "generator", "build", "--site", site],
            cwd=project, capture_output=True, text=True, check=False, env=environment,
        )  # fmt: skip
        assert result.returncode == 0, result.stderr
        return snapshot(project / site)

    first = build("site-a", env)
    second = build("site-b", env)
    assert first == second
    assert b"2022-07-29" in first["sitemap.xml"]
    later = build("site-c", {**env, "SOURCE_DATE_EPOCH": "1691539200"})  # 9 August 2023
    assert b"2023-08-09" in later["sitemap.xml"]
