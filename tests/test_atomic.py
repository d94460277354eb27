"""Failed, stopped, killed and concurrent builds leave the previous output exactly as it was."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from bench.project import copy_project
from generator.tools.serve import ADAPTER
from generator.write.interrupts import Interrupted
from generator.write.output_lock import OutputBusy, locked
from generator.write.staging import staged
from generator.write.swap import aside, exchange, replace, replace_by_renames
from tests.helpers import BASE_DATA, ROOT, snapshot

pytestmark = pytest.mark.slow

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
    broken = project / "assets" / "broken.md"
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
    settings = project / "data" / "explainer.yaml"
    # With a site_url MkDocs writes a sitemap with dates, the one place a build date appears.
    settings.write_text(
        settings.read_text(encoding="utf-8") + "site_url: https://example.org/explainer/\n",
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


def start_build(project: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "generator", "build"],
        cwd=project, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=ENV,
    )  # fmt: skip


def children(pid: int) -> list[int]:
    """Live processes whose parent is `pid` (from /proc: Linux)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rpartition(")")[2].split()
        except OSError:
            continue  # ended while we looked
        if fields[0] != "Z" and int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()[0]
    except OSError:
        return False
    return state != "Z"  # a zombie has ended; only its parent has not collected it yet


def mkdocs_child(build: subprocess.Popen[str]) -> int:
    """The pid of the MkDocs process `build` runs (the adapter), once it is running."""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        for child in children(build.pid):  # `git log` may come first, for SOURCE_DATE_EPOCH
            try:
                command = Path(f"/proc/{child}/cmdline").read_bytes().split(b"\0")
            except OSError:
                continue
            if str(ADAPTER).encode() in command:
                return child
        assert build.poll() is None, build.communicate()
        time.sleep(0.02)
    raise AssertionError("the build started no MkDocs process")


def ensure_built(project: Path) -> dict[str, bytes]:
    if not (project / "site").is_dir():
        result = generator(project, "build")
        assert result.returncode == 0, result.stderr
    return snapshot(project / "site")


needs_proc = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")


@needs_proc
def test_sigterm_stops_a_build_its_mkdocs_and_leaves_the_site_and_no_stage(project: Path) -> None:
    before = ensure_built(project)
    build = start_build(project)
    child = mkdocs_child(build)
    assert any(name.startswith(".site.new-") for name in leftovers(project))
    build.send_signal(signal.SIGTERM)
    _out, err = build.communicate(timeout=30)
    assert build.returncode == 128 + signal.SIGTERM
    assert err.endswith("interrupted by SIGTERM; site was left as it was\n")
    assert "Traceback" not in err
    assert not alive(child)
    assert snapshot(project / "site") == before
    assert leftovers(project) == []


@needs_proc
def test_a_second_build_of_one_site_is_refused_while_the_first_runs(project: Path) -> None:
    ensure_built(project)
    first = start_build(project)
    child = mkdocs_child(first)
    os.kill(child, signal.SIGSTOP)  # hold the first build inside MkDocs, and so its lock
    try:
        second = generator(project, "build")
    finally:
        os.kill(child, signal.SIGCONT)
    _out, err = first.communicate(timeout=60)
    assert first.returncode == 0, err
    assert second.returncode == 2
    assert second.stderr == (
        f"error: another build of site is running (pid {first.pid}); wait for it to end\n"
    )
    assert leftovers(project) == []


@needs_proc
@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_a_killed_build_leaves_nothing_git_shows_and_the_next_build_cleans_up(
    tmp_path: Path,
) -> None:
    project = copy_project(tmp_path / "project", BASE_DATA)
    shutil.copy(ROOT / ".gitignore", project / ".gitignore")
    subprocess.run(["git", "init", "--quiet"], cwd=project, check=True)
    build = start_build(project)
    child = mkdocs_child(build)
    build.kill()  # SIGKILL: no clean-up runs
    build.communicate(timeout=30)
    deadline = time.monotonic() + 10
    while alive(child) and time.monotonic() < deadline:
        time.sleep(0.02)
    assert not alive(child)  # the kernel took MkDocs with its parent (PR_SET_PDEATHSIG)
    stale = [name for name in leftovers(project) if name.startswith(".site.new-")]
    assert len(stale) == 1 and ".site.lock" in leftovers(project)

    status = subprocess.run(
        ["git", "status", "--porcelain", "--untracked-files=all"],
        cwd=project, capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    assert "?? mkdocs.yml" in status.splitlines()
    assert ".site." not in status

    rebuilt = generator(project, "build")
    assert rebuilt.returncode == 0, rebuilt.stderr
    assert leftovers(project) == [".git", ".gitignore"]
    assert (project / "site" / "timeline" / "index.html").is_file()


def test_sigterm_inside_staging_removes_the_stage_and_restores_the_handler(
    tmp_path: Path,
) -> None:
    target = tmp_path / "out"
    target.mkdir()
    (target / "page.md").write_text("old\n")
    with pytest.raises(Interrupted) as stopped, staged(target) as stage:  # noqa: PT012
        (stage / "page.md").write_text("half-written")
        assert signal.getsignal(signal.SIGTERM) is not signal.SIG_DFL  # else this kills pytest
        os.kill(os.getpid(), signal.SIGTERM)
        time.sleep(10)  # the handler raises long before this ends
    assert stopped.value.signum == signal.SIGTERM
    assert signal.getsignal(signal.SIGTERM) is signal.SIG_DFL
    assert (target / "page.md").read_text() == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_a_lock_is_refused_to_a_second_holder_and_removed_after(tmp_path: Path) -> None:
    target = tmp_path / "site"
    with locked(target):
        assert (tmp_path / ".site.lock").read_text() == f"{os.getpid()}\n"
        with pytest.raises(OutputBusy) as busy, locked(target):
            pass
        assert busy.value.holder == os.getpid()
    assert list(tmp_path.iterdir()) == []
    with locked(target):  # free again
        pass


def test_staging_removes_a_stale_stage_and_restores_an_interrupted_swap(tmp_path: Path) -> None:
    target = tmp_path / "out"
    stale = tmp_path / ".out.new-abcd1234"
    stale.mkdir()
    (stale / "page.md").write_text("from a killed build\n")
    aside(target).mkdir()  # a swap by renames killed between its two renames
    (aside(target) / "page.md").write_text("old\n")
    other = tmp_path / ".outer.new-abcd1234"  # another output's stage is not touched
    other.mkdir()
    with pytest.raises(RuntimeError), staged(target) as stage:  # noqa: PT012
        assert (target / "page.md").read_text() == "old\n"
        (stage / "page.md").write_text("new\n")
        raise RuntimeError("the build failed")
    assert (target / "page.md").read_text() == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == [".outer.new-abcd1234", "out"]


@pytest.mark.parametrize("swap", [replace, replace_by_renames])
def test_a_swap_puts_the_new_tree_in_place_and_the_old_one_at_the_stage(
    tmp_path: Path, swap: Callable[[Path, Path], None]
) -> None:
    target, stage = tmp_path / "out", tmp_path / ".out.new-00000000"
    for folder, text in ((target, "old\n"), (stage, "new\n")):
        folder.mkdir()
        (folder / "page.md").write_text(text)
    swap(stage, target)
    assert (target / "page.md").read_text() == "new\n"
    assert (stage / "page.md").read_text() == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == [".out.new-00000000", "out"]


def test_exchange_swaps_in_one_step_on_linux(tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir()
    b.mkdir()
    (a / "file").write_text("a")
    if not exchange(a, b):
        pytest.skip("this system or file system cannot exchange two paths (renameat2)")
    assert (b / "file").read_text() == "a" and not (a / "file").exists()


def test_replace_into_a_missing_target_is_one_rename(tmp_path: Path) -> None:
    stage = tmp_path / ".out.new-00000000"
    stage.mkdir()
    (stage / "page.md").write_text("new\n")
    replace(stage, tmp_path / "out")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]
