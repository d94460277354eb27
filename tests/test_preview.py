"""`make serve`'s dirty preview: a saved data change reaches every page that shows it, and
pages it does not touch are not rebuilt."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
from pathlib import Path

import pytest

from bench.preview import fetch, free_port, served, wait_for
from bench.project import copy_project
from tests.helpers import ROOT

RECORD = Path("data/statements/2022-07-27-mfa-no-requests.yaml")
OLD = "The Russian Foreign Ministry says Washington had made no request"
NEW = "In the preview the ministry says Washington had made no request"



def _page(url: str) -> str:
    """The page without the reload script the server adds (it names the current build)."""
    return re.sub(r"reload\(\d+, \d+\)", "reload()", fetch(url))


def test_dirty_preview_updates_every_page_showing_the_change(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    statement = f"{base}/statements/2022-07-27-mfa-no-requests/"
    with served(project, port, dirty=True):
        wait_for(statement, OLD, 60)
        untouched = _page(f"{base}/sources/espn-griner-detainment/")
        record = project / RECORD
        record.write_text(record.read_text("utf-8").replace(OLD, NEW, 1), encoding="utf-8")
        wait_for(statement, NEW, 30)
        # Pages that mention the statement by its title show the new text too.
        for page in ("timeline/", "actors/russian-foreign-ministry/", "statements/"):
            wait_for(f"{base}/{page}", NEW, 10)
        # The citation's data version stays fixed in the preview, so other pages are unchanged.
        assert _page(f"{base}/sources/espn-griner-detainment/") == untouched
        assert "data version preview" in fetch(statement)
        # The search index was updated for the changed page.
        wait_for(f"{base}/search/search_index.json", "In the preview the ministry", 10)


def _serve(project: Path, port: int, env: dict[str, str]) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "generator", "serve", "--port", str(port)],
        cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )  # fmt: skip


def test_a_data_problem_shows_on_the_page_within_two_seconds_and_fixing_it_restores_it(
    tmp_path: Path,
) -> None:
    project = copy_project(tmp_path)
    port = free_port()
    statement = f"http://127.0.0.1:{port}/statements/2022-07-27-mfa-no-requests/"
    record = project / RECORD
    good = record.read_text("utf-8")
    assert "\nspeaker: russian-foreign-ministry\n" in good
    with served(project, port, dirty=True):
        wait_for(statement, OLD, 60)
        time.sleep(1.0)  # let the watcher settle after the first build
        record.write_text(good.replace("\nspeaker: ", "\nspeaker: nobody-", 1), "utf-8")
        saved = time.monotonic()
        # The answer names the file and line as check prints them, on the page that was open,
        # which keeps the last good content below the notice.
        wait_for(statement, f"{RECORD.name}:2:10: error[unknown-actor]", 2.0)
        assert time.monotonic() - saved < 2.0
        page = fetch(statement)
        assert 'id="explainer-preview-problems"' in page and OLD in page
        assert "1 problem in the data" in page
        # Every page says so, including one the reader opens now.
        assert "error[unknown-actor]" in fetch(f"http://127.0.0.1:{port}/timeline/")
        record.write_text(good, "utf-8")
        deadline = time.monotonic() + 10
        while "explainer-preview-problems" in fetch(statement):
            assert time.monotonic() < deadline, "the notice stayed after the fix"
            time.sleep(0.05)
        assert OLD in fetch(statement)


def test_serve_says_when_its_port_is_taken(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run(
            [sys.executable, "-m", "generator", "serve", "--port", str(port)],
            cwd=ROOT, capture_output=True, text=True, check=False, timeout=30,
        )  # fmt: skip
    assert result.returncode == 2
    assert result.stderr.startswith(f"error: port {port} on 127.0.0.1 is in use")
    assert f"serve --port {port + 1}" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(("stop", "code"), [(signal.SIGTERM, 143), (signal.SIGINT, 130)])
def test_serve_removes_its_temporary_folders_when_stopped(
    tmp_path: Path, stop: signal.Signals, code: int
) -> None:
    project = copy_project(tmp_path / "project")
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    port = free_port()
    server = _serve(project, port, {**os.environ, "TMPDIR": str(scratch)})
    try:
        wait_for(f"http://127.0.0.1:{port}/", "", 60)
        assert list(scratch.iterdir()), "the preview writes into TMPDIR"
        server.send_signal(stop)
        assert server.wait(timeout=30) == code
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()
    assert list(scratch.iterdir()) == []
    assert server.stderr is not None
    assert server.stderr.read().decode().strip().endswith(f"stopped by {stop.name}")


def test_a_preview_started_on_broken_data_answers_and_names_the_problem(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    record = project / RECORD
    record.write_text(record.read_text("utf-8").replace("\nspeaker: ", "\nspeaker: x-", 1), "utf-8")
    port = free_port()
    with served(project, port, dirty=True):
        # No good build yet: a stand-in home page and, for a record, the 404 page.
        wait_for(f"http://127.0.0.1:{port}/", "error[unknown-actor]", 60)
        home = fetch(f"http://127.0.0.1:{port}/")
        assert "The explainer cannot be built yet" in home
        with pytest.raises(urllib.error.HTTPError) as missing:
            fetch(f"http://127.0.0.1:{port}/statements/2022-07-27-mfa-no-requests/")
        assert missing.value.code == 404
        assert "error[unknown-actor]" in missing.value.read().decode("utf-8")
