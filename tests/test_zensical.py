"""The second engine: `explainer build --engine zensical` builds the same pages as MkDocs, with
every link resolving, every record's address answering, and data shown as text."""

from __future__ import annotations

import json
import re
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from bench.project import copy_project
from tests.helpers import (
    BASE_DATA,
    ENV,
    HOSTILE,
    REAL_DATA,
    ROOT,
    broken_links,
    hostile_project,
    serve,
)

pytestmark = pytest.mark.slow


def _build(
    data: Path, site: Path, engine: str, cwd: Path = ROOT
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "generator", "build", "--data", str(data), "--site", str(site),
         "--engine", engine],
        cwd=cwd, capture_output=True, text=True, check=False, env=ENV,
    )  # fmt: skip


def _pages(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("index.html")}


@pytest.fixture(scope="module")
def real_sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("engines")
    sites = {}
    for engine in ("mkdocs", "zensical"):
        result = _build(REAL_DATA, folder / engine, engine)
        assert result.returncode == 0, result.stderr
        sites[engine] = folder / engine
    return sites


def test_both_engines_publish_the_same_pages_with_no_broken_link(
    real_sites: dict[str, Path],
) -> None:
    zensical, mkdocs = real_sites["zensical"], real_sites["mkdocs"]
    assert _pages(zensical) == _pages(mkdocs)
    assert len(_pages(zensical)) > 150
    assert broken_links(zensical) == []


def test_zensical_pages_carry_the_explainers_settings_and_marks(
    real_sites: dict[str, Path],
) -> None:
    site = real_sites["zensical"]
    home = (site / "index.html").read_text(encoding="utf-8")
    title = "“No requests, only media reports”: the Blinken–Lavrov call, July 2022"
    assert f"<title>{title}</title>" in home
    assert '<meta property="og:type" content="website">' in home
    assert "No licence for reuse has been set." in home
    assert '<meta name="generator" content="zensical">' in home
    statement = (site / "statements" / "2022-07-27-mfa-no-requests" / "index.html").read_text(
        encoding="utf-8"
    )
    # Glossary terms are marked in the content, as the MkDocs hook marks them, and only there.
    content = statement[statement.index('<article class="md-content__inner') :]
    assert '<abbr title="' in content
    assert '<abbr title="' not in statement[: statement.index('<article class="md-content__inner')]
    # The theme's HTML is corrected as under MkDocs (generator/built_html/theme_html.py).
    assert 'type="checkbox" id="__drawer" autocomplete="off"' not in statement


def test_zensical_builds_a_shelved_site_with_every_address_answering(tmp_path: Path) -> None:
    """Past the page limit records are sections of shelf pages, linked in raw HTML: each
    link resolves, and each record's own address is a redirect page to its section."""
    data = tmp_path / "data"
    subprocess.run(
        [sys.executable, "-m", "bench.synth", "--statements", "600", "--out", str(data)],
        cwd=ROOT, check=True, capture_output=True, env=ENV,
    )  # fmt: skip
    site = tmp_path / "site"
    result = _build(data, site, "zensical")
    assert result.returncode == 0, result.stderr
    assert any(site.glob("timeline/page/*/index.html"))
    redirects = [p for p in site.rglob("index.html") if 'http-equiv="refresh"' in p.read_text()]
    assert len(redirects) > 500
    assert broken_links(site) == []


def test_zensical_shows_hostile_data_as_text(tmp_path: Path) -> None:
    project = hostile_project(tmp_path)
    site = tmp_path / "site"
    result = _build(project / "data", site, "zensical", cwd=project)
    assert result.returncode == 0, result.stderr
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert '<script>alert("x")' not in text, page
        assert "<img src=x onerror" not in text, page
        # Escaped once (the data holds no '&'), in the logo's title as everywhere else.
        assert "&amp;lt;" not in text and "&amp;quot;" not in text, page
    # The search results show page titles as text: the index holds them unescaped.
    index = json.loads((site / "search.json").read_text(encoding="utf-8"))
    paths = [part for item in index["items"] for part in item.get("path", [])]
    assert any("</title><script>" in part for part in paths)
    assert not any("&#" in part or "&lt;" in part for part in paths)
    home = (site / "index.html").read_text(encoding="utf-8")
    title = re.search(r"<title>(.*?)</title>", home, re.S)
    assert title is not None and title.group(1).startswith("&lt;/title&gt;&lt;script&gt;")
    assert "&amp;lt;" not in title.group(1)  # escaped once, not twice
    assert HOSTILE.split("**")[1] in title.group(1)


def test_a_static_file_at_a_generated_pages_path_stops_the_zensical_build(
    tmp_path: Path,
) -> None:
    project = copy_project(tmp_path / "project", BASE_DATA)
    (project / "assets" / "timeline.md").write_text("# Mine\n", encoding="utf-8")
    site = tmp_path / "site"
    result = _build(project / "data", site, "zensical", cwd=project)
    assert result.returncode != 0
    assert "assets/timeline.md is also generated from data; remove or rename it" in result.stderr
    assert not site.exists()


@pytest.fixture(scope="module")
def zensical_url(real_sites: dict[str, Path]) -> Iterator[str]:
    yield from serve(real_sites["zensical"])


@pytest.mark.browser
@pytest.mark.parametrize(
    ("query", "at_least"),
    # «тихой дипломатии» is in the glossary and in the readout's words, inside quotation
    # marks (which the adapter adds to the search's word separators).
    [("megaphone", 1), ("мегафонную", 1), ("тихой", 2)],
)
def test_zensical_search_finds_english_and_russian_words(
    browser: Browser, zensical_url: str, query: str, at_least: int
) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    page.goto(zensical_url + "/")
    page.locator("button.md-search__button").click()
    page.keyboard.type(query)
    # Zensical's search draws its results in its own shadow DOM (which locators pierce).
    count = page.get_by_text(re.compile(r"^\d+ results?$"))
    count.wait_for(timeout=15_000)
    assert int(count.inner_text().split()[0]) >= at_least
    page.close()


@pytest.mark.browser
def test_zensical_pages_fit_a_phone(browser: Browser, zensical_url: str) -> None:
    page = browser.new_page(viewport={"width": 375, "height": 812})
    for path in ("", "timeline/", "contradictions/translating-vbrosy/", "sources/"):
        page.goto(f"{zensical_url}/{path}")
        assert page.evaluate("document.documentElement.scrollWidth") <= 375, path
        assert page.locator("h1").first.is_visible(), path
    page.close()


def _files(folder: Path) -> dict[Path, bytes]:
    return {p: p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _processes_mentioning(text: str) -> list[int]:
    """Live processes whose command line holds `text` (from /proc: Linux)."""
    found = []
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            if text.encode() in cmdline.read_bytes():
                stat = (cmdline.parent / "stat").read_text().rpartition(")")[2].split()
                if stat[0] != "Z":
                    found.append(int(cmdline.parent.name))
        except OSError:
            continue  # ended while we looked
    return found


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")
def test_sigterm_stops_zensical_and_leaves_the_site_and_no_working_folder(
    tmp_path: Path,
) -> None:
    project = copy_project(tmp_path / "project", REAL_DATA)
    assert _build(Path("data"), Path("site"), "zensical", cwd=project).returncode == 0
    before = _files(project / "site")
    build = subprocess.Popen(
        [sys.executable, "-m", "generator", "build", "--engine", "zensical"],
        cwd=project, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=ENV,
    )  # fmt: skip
    deadline = time.monotonic() + 60
    running: list[int] = []
    while not running and time.monotonic() < deadline:
        assert build.poll() is None, build.communicate()
        configs = list(project.glob(".site.new-*/.zensical-*/mkdocs.yml"))
        running = [p for c in configs for p in _processes_mentioning(str(c))]
        time.sleep(0.02)
    assert running, "Zensical never started"
    build.send_signal(signal.SIGTERM)
    _out, err = build.communicate(timeout=60)
    assert build.returncode == 128 + signal.SIGTERM, err
    assert err.endswith("interrupted by SIGTERM; site was left as it was\n"), err
    assert "Traceback" not in err
    assert not [p for p in running if p in _processes_mentioning("zensical")]
    assert _files(project / "site") == before
    assert sorted(p.name for p in project.iterdir() if p.name.startswith(".")) == []


def test_a_failed_zensical_build_says_why_in_plain_lines(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project", BASE_DATA)
    (project / "data" / "pages").mkdir()
    (project / "data" / "pages" / "notes.md").write_text(
        "# Notes\n\nSee [x](missing.md).\n", encoding="utf-8"
    )
    result = _build(Path("data"), Path("site"), "zensical", cwd=project)
    assert result.returncode == 1
    assert "page does not exist" in result.stderr and "notes.md:3:9" in result.stderr
    assert "Aborted because --strict flag is set" in result.stderr
    assert "Traceback" not in result.stderr and "\x1b[" not in result.stderr
    assert result.stderr.endswith("The Zensical build failed; site was left as it was.\n")
