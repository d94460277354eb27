"""A synthetic explainer past the limits where records move onto shelf pages (render/layout.py),
built for real with `python -m generator build`, then read in Chromium."""

from __future__ import annotations

import functools
import gzip
import http.server
import json
import re
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from bench.project import copy_project
from bench.synth import write_dataset
from generator import load_dataset
from generator.dataset.link import Dataset
from generator.render.layout import PAGE_LIMIT, SHELF_SIZE, Layout
from generator.render.markdown_text import directory_url
from tests.helpers import AXE, CHROMIUM_ARGS, ENV, ROOT, QuietHandler, browser_executable

pytestmark = pytest.mark.slow

STATEMENTS = 900
"""Enough for every group but contradictions to be shelved: 519 actors, 2,838 sources, 1,938
timeline entries, 242 claims; 242 contradictions keep a page each (they shelve past 500)."""


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Dataset]:
    work = tmp_path_factory.mktemp("large")
    data = work / "data"
    write_dataset(data, STATEMENTS)
    project = copy_project(work / "project", data)
    result = subprocess.run(
        [sys.executable, "-m", "generator", "build", "--site", str(work / "site")],
        cwd=project, capture_output=True, text=True, check=False, env=ENV,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return work / "site", load_dataset(data)


def test_every_group_is_shelved(built: tuple[Path, Dataset]) -> None:
    _site, dataset = built
    layout = Layout.of(dataset)
    assert set(layout.shelves) == {"timeline", "actors", "sources", "claims"}
    assert len(dataset.actors) > PAGE_LIMIT


def test_every_permalink_leads_to_its_record(built: tuple[Path, Dataset]) -> None:
    site, dataset = built
    layout = Layout.of(dataset)
    for record_id, contradiction in dataset.contradictions.items():
        page = (site / "contradictions" / record_id / "index.html").read_text(encoding="utf-8")
        assert "http-equiv" not in page and contradiction.title.split(":")[0] in page
    for kind in ("actors", "statements", "events", "sources", "claims"):
        for record_id in getattr(dataset, kind):
            stub = (site / kind / record_id / "index.html").read_text(encoding="utf-8")
            found = re.search(r'http-equiv="refresh" content="0; url=([^"#]+)#([^"]+)"', stub)
            assert found is not None, (kind, record_id)
            assert found.group(2) == record_id
            page = (site / kind / record_id / found.group(1) / "index.html").resolve()
            assert page == site / directory_url(layout.place(kind, record_id).page) / "index.html"
            assert f'id="{record_id}"' in page.read_text(encoding="utf-8")


def test_shelf_pages_are_bounded(built: tuple[Path, Dataset]) -> None:
    site, _dataset = built
    shelves = sorted(site.glob("*/page/*/index.html"))
    assert len(shelves) > 40
    for path in shelves:
        html = path.read_text(encoding="utf-8")
        assert html.count("<h2 id=") <= SHELF_SIZE, path
        assert len(gzip.compress(path.read_bytes())) < 300_000, path


def test_search_index_holds_record_titles_not_their_text(built: tuple[Path, Dataset]) -> None:
    site, dataset = built
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = {doc["location"] for doc in index["docs"]}
    layout = Layout.of(dataset)
    statement_id, statement = next(iter(dataset.statements.items()))
    place = layout.place("statements", statement_id)
    assert f"{directory_url(place.page)}#{statement_id}" in locations
    assert statement.words is not None
    words = " ".join(statement.words.text.split())
    assert all(words not in doc["text"] for doc in index["docs"])
    contradiction = next(iter(dataset.contradictions.values()))
    analysis = " ".join(contradiction.analysis.split())[:60]
    assert all(analysis not in doc["text"] for doc in index["docs"])


@pytest.mark.browser
def test_a_permalink_opens_the_section_in_a_browser(built: tuple[Path, Dataset]) -> None:
    site, dataset = built
    handler = functools.partial(QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    statement_id = list(dataset.statements)[len(dataset.statements) // 2]
    executable = browser_executable()
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
            errors: list[str] = []
            for width in (1280, 375):
                page = browser.new_page(viewport={"width": width, "height": 800})
                page.on("pageerror", lambda error: errors.append(str(error)))
                page.goto(f"{base}/statements/{statement_id}/")
                page.wait_for_url(re.compile(r"/timeline/page/\d+/#" + statement_id))
                heading = page.locator(f"h2[id='{statement_id}']")
                heading.wait_for()
                assert heading.is_visible()
                box = heading.bounding_box()
                assert box is not None and 0 <= box["y"] < 800
                overflow = page.evaluate(
                    "document.documentElement.scrollWidth - document.documentElement.clientWidth"
                )
                assert overflow <= 0
                page.add_script_tag(path=str(AXE))
                violations = page.evaluate(
                    "async () => (await axe.run(document)).violations.map(v => v.id)"
                )
                assert violations == []
                assert errors == []
                page.close()
            browser.close()
    finally:
        server.shutdown()
        server.server_close()


def test_the_large_site_paths_do_not_leak_into_the_real_one() -> None:
    """The real explainer stays a page per record (its permalinks are pages, not redirects)."""
    layout = Layout.of(load_dataset(ROOT / "data"))
    assert layout.shelves == {}
