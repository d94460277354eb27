"""Files a pull request can carry that are not plain records: nothing outside data/ is read,
nothing blocks, nothing is read past the size limit, and an unreadable folder is an error."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from generator.load.discover_files import discover
from generator.load.read_records import load_file
from tests.helpers import BASE_DATA, ROOT


def test_a_device_or_pipe_swapped_in_after_discovery_is_not_read(tmp_path: Path) -> None:
    """load_file checks the open file, not the name: a FIFO opens without blocking and is
    refused, a link is refused without being followed."""
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    link = tmp_path / "zero.yaml"
    link.symlink_to("/dev/zero")
    started = time.perf_counter()
    for path, code in [(fifo, "not-a-file"), (link, "symlink")]:
        loaded, problems = load_file(path, "actors")
        assert loaded is None
        assert [problem.code for problem in problems] == [code]
    assert time.perf_counter() - started < 1.0


def test_a_file_over_the_limit_is_refused_before_it_is_read(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    with big.open("wb") as handle:
        handle.truncate(4 * 1024**3)  # 4 GiB, sparse: reading it would exhaust memory
    loaded, problems = load_file(big, "actors")
    assert loaded is None
    assert [(p.code, p.message) for p in problems] == [
        ("file-too-large", f"the file has {4 * 1024**3} bytes; the limit is 256000")
    ]


def test_check_of_links_to_devices_and_pipes_answers_at_once(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(BASE_DATA, data)
    (data / "actors" / "zero.yaml").symlink_to("/dev/zero")
    (data / "actors" / "stdin.yaml").symlink_to("/dev/stdin")
    os.mkfifo(data / "sources" / "fifo.yaml")
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "generator", "check", "--data", str(data)],
        cwd=ROOT, capture_output=True, text=True, timeout=30, check=False,
    )  # fmt: skip
    assert time.perf_counter() - started < 10  # a Python start-up, not a read of /dev/zero
    assert result.returncode == 1
    assert result.stdout.count("error[symlink]") == 2
    assert result.stdout.count("error[not-a-file]") == 1
    assert "Traceback" not in result.stderr


def test_the_walk_never_enters_a_linked_folder(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(BASE_DATA, data)
    outside = tmp_path / "outside"
    shutil.copytree(BASE_DATA / "actors", outside)
    (data / "statements" / "linked").symlink_to(outside)
    found, problems = discover(data)
    assert all(outside not in path.parents for path in found)
    assert [(p.code, p.path.endswith("statements/linked")) for p in problems] == [
        ("symlink", True)
    ]


def _as_nobody() -> list[str]:
    """A command prefix that drops root's right to read anything (root ignores permissions)."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root without setpriv: permissions cannot be tested")
    prefix = [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups"]
    # The project itself may sit in a folder only root may enter (`mktemp -d` makes one).
    reachable = subprocess.run(
        [*prefix, sys.executable, "-c", "import generator"],
        cwd=ROOT, capture_output=True, check=False, env={**os.environ, "PYTHONPATH": str(ROOT)},
    )  # fmt: skip
    if reachable.returncode != 0:
        pytest.skip("another user cannot run the project from where it is: permissions untested")
    return prefix


def test_an_unreadable_folder_is_an_error_not_a_kind_left_out() -> None:
    # Outside pytest's own folders, which only root may enter.
    data = Path(tempfile.mkdtemp(prefix="explainer-unreadable-")) / "data"
    data.parent.chmod(0o755)
    shutil.copytree(BASE_DATA, data)
    for path in [data, *data.rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o644)
    (data / "statements").chmod(0o000)
    try:
        result = subprocess.run(
            [*_as_nobody(), sys.executable, "-m", "generator", "check", "--data", str(data)],
            cwd=ROOT, capture_output=True, text=True, timeout=60, check=False,
            env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
        )  # fmt: skip
    finally:
        (data / "statements").chmod(0o755)
        shutil.rmtree(data.parent)
    assert result.returncode == 1, result.stderr
    assert "statements:0:0: error[unreadable] the folder cannot be read: Permission denied" in (
        result.stdout
    )


def test_a_data_folder_that_cannot_be_entered_is_a_usage_error_not_a_traceback() -> None:
    parent = Path(tempfile.mkdtemp(prefix="explainer-closed-"))
    shutil.copytree(BASE_DATA, parent / "data")
    parent.chmod(0o700)  # root's: nobody may enter it
    try:
        result = subprocess.run(
            [*_as_nobody(), sys.executable, "-m", "generator", "check", "--data",
             str(parent / "data")],
            cwd=ROOT, capture_output=True, text=True, timeout=60, check=False,
            env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
        )  # fmt: skip
    finally:
        shutil.rmtree(parent)
    if os.geteuid() != 0:
        pytest.skip("only root's folder is closed to another user here")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "cannot open the data folder" in result.stderr and "Permission denied" in result.stderr


def test_a_data_folder_that_is_a_link_is_not_walked(tmp_path: Path) -> None:
    (tmp_path / "data").symlink_to("/")
    found, problems = discover(tmp_path / "data")
    assert found == []
    assert [p.code for p in problems] == ["symlink"]


def test_folders_nested_past_the_record_folders_are_reported_not_entered(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(BASE_DATA, data)
    deep = data / "actors"
    for _ in range(50):  # deeper than any record; a recursive walk overflowed at about 1,000
        deep = deep / "a"
    deep.mkdir(parents=True)
    (deep / "x.yaml").write_text("kind: person\n", encoding="utf-8")
    found, problems = discover(data)
    assert [(p.code, p.path.endswith("data/actors/a")) for p in problems] == [("stray-file", True)]
    assert all(len(path.relative_to(data).parts) == 2 for path in found)


def test_render_never_writes_through_a_link_left_in_its_folder(tmp_path: Path) -> None:
    from generator.write.files import write_tree

    victim = tmp_path / "victim.txt"
    victim.write_text("mine", encoding="utf-8")
    out = tmp_path / "out"
    (out / "actors").mkdir(parents=True)
    (out / "actors" / "x.md").symlink_to(victim)
    write_tree({"actors/x.md": "# page\n"}, out)
    assert victim.read_text(encoding="utf-8") == "mine"
    assert not (out / "actors" / "x.md").is_symlink()
    assert (out / "actors" / "x.md").read_text(encoding="utf-8") == "# page\n"
