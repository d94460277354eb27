"""`make serve`'s dirty preview: a saved data change reaches every page that shows it, and
pages it does not touch are not rebuilt."""

from __future__ import annotations

import re
import socket
from pathlib import Path

from bench.preview import fetch, served, wait_for
from bench.project import copy_project

RECORD = Path("data/statements/2022-07-27-mfa-no-requests.yaml")
OLD = "The Russian Foreign Ministry says Washington had made no request"
NEW = "In the preview the ministry says Washington had made no request"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _page(url: str) -> str:
    """The page without the reload script the server adds (it names the current build)."""
    return re.sub(r"reload\(\d+, \d+\)", "reload()", fetch(url))


def test_dirty_preview_updates_every_page_showing_the_change(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    port = _free_port()
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
