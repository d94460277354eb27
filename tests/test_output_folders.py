"""Which folders `build` and `render` replace, and how they fail when the disk refuses a write.

A refusal comes before the data is read and touches nothing; a write that fails (a file where a
folder should be, an immutable folder, a file size limit as a full disk would) ends with one
line naming the path and the reason, the old output as it was and no staging folder left.
"""

from __future__ import annotations

import os
import re
import resource
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from bench.project import copy_project
from generator.tools.cli import main
from generator.write.output_folder import MARKER, MARKER_TEXT
from tests.helpers import BASE_DATA, ROOT, snapshot

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT)}


def tree(folder: Path) -> dict[str, bytes | str]:
    """Every file's bytes, every folder and link (not followed) under `folder`."""
    found: dict[str, bytes | str] = {}
    for path in sorted(folder.rglob("*")):
        name = path.relative_to(folder).as_posix()
        if path.is_symlink():
            found[name] = f"-> {os.readlink(path)}"
        elif path.is_dir():
            found[name] = "<folder>"
        else:
            found[name] = path.read_bytes()
    return found


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project with a folder of notes no build wrote and a stand-in Git repository."""
    project = copy_project(tmp_path_factory.mktemp("folders") / "project", BASE_DATA)
    (project / "notes").mkdir()
    (project / "notes" / "todo.md").write_text("# Things to do\n", encoding="utf-8")
    (project / ".git").mkdir()
    (project / ".git" / "HEAD").write_text("ref: refs/heads/main\n", encoding="utf-8")
    return project


REFUSED = [
    ("", "is the project folder"),
    (".", "is the project folder"),
    ("{project}", "is the project folder"),
    ("..", "holds the project folder"),
    ("data", "is the data folder"),
    ("data/actors", "is inside the data folder"),
    ("assets", "is the docs folder"),
    ("assets/generated", "is inside the docs folder"),
    (".git", "is a .git folder or inside one"),
    ("mkdocs.yml", "is a file, not a folder"),
    ("notes", f"holds files that no build wrote (it has no {MARKER} file)"),
]


@pytest.mark.parametrize(("command", "option"), [("build", "--site"), ("render", "--out")])
@pytest.mark.parametrize(("folder", "reason"), REFUSED)
def test_a_folder_that_must_not_be_replaced_is_refused_and_nothing_is_touched(
    project: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    command: str,
    option: str,
    folder: str,
    reason: str,
) -> None:
    monkeypatch.chdir(project)
    folder = folder.format(project=project)
    before = tree(project)
    assert main([command, option, folder]) == 2
    captured = capsys.readouterr()
    assert captured.err.startswith(f"error: {option} {folder!r} {reason}")
    assert "nothing was written" in captured.err
    assert "give a" in captured.err and f"e.g. {option} " in captured.err
    assert captured.out == ""  # refused before the data was read
    assert tree(project) == before


def test_an_ancestor_of_the_data_folder_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copytree(BASE_DATA, tmp_path / "shared" / "data")
    (tmp_path / "work").mkdir()
    monkeypatch.chdir(tmp_path / "work")
    before = tree(tmp_path)
    assert main(["render", "--data", "../shared/data", "--out", "../shared"]) == 2
    assert "error: --out '../shared' holds the data folder" in capsys.readouterr().err
    assert tree(tmp_path) == before


def test_force_replaces_a_folder_no_build_wrote_and_the_marker_allows_the_next_build(
    tmp_path: Path,
) -> None:
    project = copy_project(tmp_path / "project", BASE_DATA)
    (project / "old-site").mkdir()
    (project / "old-site" / "index.html").write_text("<p>by hand</p>\n", encoding="utf-8")

    # Without the variable that silences Material's banner: the build sets it itself.
    env = {name: value for name, value in ENV.items() if name != "NO_MKDOCS_2_WARNING"}

    def build(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "generator", "build", "--site", "old-site", *args],
            cwd=project, capture_output=True, text=True, check=False, env=env,
        )  # fmt: skip

    assert build().returncode == 2
    forced = build("--force")
    assert forced.returncode == 0, forced.stderr
    site = project / "old-site"
    assert (site / MARKER).read_text(encoding="utf-8") == MARKER_TEXT
    assert "by hand" not in (site / "index.html").read_text(encoding="utf-8")
    again = build()
    assert again.returncode == 0, again.stderr
    # One line, and nothing from MkDocs when all is well: no page list, no end-of-life banner.
    assert re.fullmatch(r"built old-site: \d+ pages in \d+\.\d s", again.stdout.strip())
    assert again.stderr == ""


def test_render_marks_its_folder_and_accepts_an_empty_one(
    base_data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (base_data.parent / "empty").mkdir()
    assert main(["render", "--out", "empty"]) == 0
    assert (base_data.parent / "empty" / MARKER).is_file()
    assert main(["render", "--out", "empty"]) == 0
    assert capsys.readouterr().out.splitlines()[-1].endswith(": 0 written, 0 removed")
    (base_data.parent / "notes").mkdir()
    (base_data.parent / "notes" / "keep.txt").write_text("mine\n", encoding="utf-8")
    assert main(["render", "--out", "notes"]) == 2
    assert main(["render", "--out", "notes", "--force"]) == 0
    # render starts from the folder's files: the forced folder keeps what is not a page.
    assert (base_data.parent / "notes" / "keep.txt").read_text(encoding="utf-8") == "mine\n"
    assert (base_data.parent / "notes" / MARKER).is_file()


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def test_an_output_under_a_file_fails_with_one_line(
    base_data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (base_data.parent / "notes.txt").write_text("a file\n", encoding="utf-8")
    assert main(["render", "--out", "notes.txt/out"]) == 1
    captured = capsys.readouterr()
    assert captured.err == "error: cannot write notes.txt: Not a directory; nothing was written\n"
    assert (base_data.parent / "notes.txt").read_text(encoding="utf-8") == "a file\n"


@contextmanager
def immutable(folder: Path) -> Iterator[None]:
    """`chattr +i`: no one, root included, may add, remove or rename entries in `folder`."""
    if shutil.which("chattr") is None:
        pytest.skip("chattr is not installed")
    made = subprocess.run(["chattr", "+i", str(folder)], capture_output=True, check=False)
    if made.returncode != 0:
        pytest.skip(f"this file system or user cannot set the immutable attribute: {made.stderr!r}")
    try:
        yield
    finally:
        subprocess.run(["chattr", "-i", str(folder)], check=True)


def test_an_immutable_parent_fails_with_one_line_and_the_output_as_it_was(
    base_data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    parent = base_data.parent / "public"
    parent.mkdir()
    assert main(["render", "--out", "public/pages"]) == 0
    before = snapshot(parent)
    capsys.readouterr()
    with immutable(parent):
        assert main(["render", "--out", "public/pages"]) == 1
    assert capsys.readouterr().err == (
        "error: cannot write public/.pages.lock: Operation not permitted; "
        "public/pages was left as it was\n"
    )
    assert snapshot(parent) == before
    assert leftovers(parent) == []


def test_an_immutable_output_cannot_be_swapped_and_stays_as_it_was(
    base_data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = base_data.parent / "out"
    assert main(["render", "--out", "out"]) == 0
    (out / "timeline.md").write_text("an older timeline\n", encoding="utf-8")
    before = snapshot(out)
    capsys.readouterr()
    with immutable(out):  # the stage is written in full; only the swap fails
        assert main(["render", "--out", "out"]) == 1
    assert capsys.readouterr().err == (
        "error: cannot write out: Operation not permitted; out was left as it was\n"
    )
    assert snapshot(out) == before
    assert leftovers(base_data.parent) == []


def test_a_write_past_the_file_size_limit_fails_with_one_line(base_data: Path) -> None:
    """RLIMIT_FSIZE makes the kernel refuse a write, for root too, as a full disk would
    (EFBIG instead of ENOSPC): the same path through the code."""
    project = base_data.parent

    def render(limit: int | None) -> subprocess.CompletedProcess[str]:
        def limited() -> None:
            if limit is not None:
                resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

        return subprocess.run(
            [sys.executable, "-m", "generator", "render", "--out", "out"],
            cwd=project, capture_output=True, text=True, check=False, preexec_fn=limited,
            env={**ENV, "PYTHONDONTWRITEBYTECODE": "1"},
        )  # fmt: skip

    fresh = render(8192)  # data.md is about 20 kB
    assert fresh.returncode == 1
    assert fresh.stderr.startswith("error: cannot write .out.new-")
    assert fresh.stderr.endswith("/data.md: File too large; nothing was written\n")
    assert "\n" not in fresh.stderr.rstrip("\n")
    assert not (project / "out").exists() and leftovers(project) == []

    assert render(None).returncode == 0
    before = snapshot(project / "out")
    again = render(8192)  # now copying the current folder into the stage fails first
    assert again.returncode == 1
    assert again.stderr.endswith(": File too large; out was left as it was\n")
    assert snapshot(project / "out") == before
    assert leftovers(project) == []
