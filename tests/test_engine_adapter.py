"""The MkDocs adapter (hooks/run_mkdocs.py): `explainer build` reads the data once, in one
process, and hands the site it made to the hook; `explainer serve` hands the hook its data
folder, whatever its name, for every rebuild."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from bench.preview import free_port, wait_for
from bench.project import copy_project
from generator.tools.serve import ADAPTER
from tests.helpers import BASE_DATA, ROOT

pytestmark = pytest.mark.slow

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT)}

# Runs the adapter as `explainer build` does, counting every file opened under the data folder.
COUNTING = textwrap.dedent(
    """
    import collections, json, os, runpy, sys
    data = os.path.abspath(sys.argv[3]) + os.sep  # [-c, adapter, build, data, ...]
    opened = collections.Counter()

    def audit(event, args):
        if event == "open" and isinstance(args[0], (str, os.PathLike)):
            path = os.path.abspath(os.fspath(args[0]))
            if path.startswith(data):
                opened[path[len(data):]] += 1

    sys.addaudithook(audit)
    sys.argv = sys.argv[1:]
    try:
        runpy.run_path(sys.argv[0], run_name="__main__")
    except SystemExit as stop:
        code = stop.code
    print(json.dumps({"code": code, "opened": opened}))
    """
)


def test_a_build_reads_each_data_file_once(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project", BASE_DATA)
    data = project / "data"
    files = sorted(str(p.relative_to(data)) for p in data.rglob("*.yaml"))
    result = subprocess.run(
        [
            sys.executable, "-c", COUNTING, str(ADAPTER), "build", str(data),
            str(project / "mkdocs.yml"), str(tmp_path / "site"), "site",
        ],
        cwd=project, capture_output=True, text=True, check=False, env=ENV, timeout=300,
    )  # fmt: skip
    report = json.loads(result.stdout.splitlines()[-1])
    assert report["code"] == 0, result.stderr
    assert (tmp_path / "site" / "statements" / "index.html").is_file()
    assert sorted(report["opened"]) == files
    assert set(report["opened"].values()) == {1}


def test_a_build_with_problems_reports_them_as_check_does(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project", BASE_DATA)
    source = project / "data" / "sources" / "wire-report.yaml"
    source.write_text(
        source.read_text(encoding="utf-8").replace("https://example.org/report", "ftp://x"),
        encoding="utf-8",
    )
    run = {"cwd": project, "capture_output": True, "text": True, "check": False, "env": ENV}
    check = subprocess.run([sys.executable, "-m", "generator", "check"], **run)  # type: ignore[call-overload]
    build = subprocess.run([sys.executable, "-m", "generator", "build"], **run)  # type: ignore[call-overload]
    assert check.returncode == build.returncode == 1
    assert build.stdout == check.stdout != ""
    assert build.stderr == "\n1 problem found; site was left as it was.\n"
    assert not (project / "site").exists()


def test_a_preview_of_another_data_folder_shows_it_and_follows_its_edits(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project", BASE_DATA)
    elsewhere = tmp_path / "episode"
    (project / "data").rename(elsewhere)
    record = elsewhere / "statements" / "2022-07-28-assertion.yaml"
    port = free_port()
    page = f"http://127.0.0.1:{port}/statements/2022-07-28-assertion/"
    server = subprocess.Popen(
        [sys.executable, "-m", "generator", "serve", "--data", str(elsewhere), "--port", str(port)],
        cwd=project, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        wait_for(page, "We asked.", 60)
        record.write_text(
            record.read_text(encoding="utf-8").replace("text: We asked.", "text: Asked twice."),
            encoding="utf-8",
        )
        wait_for(page, "Asked twice.", 30)
    finally:
        server.terminate()
        server.wait(timeout=30)
