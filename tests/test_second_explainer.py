"""A second explainer (tests/explainers/lantern, invented for the tests) builds strict with no
code change and no file outside its data folder: its own home page, titles, citations, time
labels and search, across three zones and the date line, with Chinese and Japanese originals."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from bench.project import copy_project
from generator import load_dataset
from generator.render.site import build_site
from tests.helpers import (
    ENV,
    ROOT,
    SECOND_DATA,
    Watch,
    axe_violations,
    build,
    built_and_served,
    search_results,
)


def test_across_the_date_line_new_york_afternoon_comes_before_the_beijing_day() -> None:
    """14:39 EST on 4 February is 03:39 on 5 February in Beijing: the owner's statement of
    5 February (Beijing, known only to the day) comes after it, and the timeline says so."""
    dataset = load_dataset(SECOND_DATA)
    order = list(dataset.timeline)
    assert order.index("2022-02-04-authority-holds-ship") < order.index(
        "2022-02-05-owner-no-notice"
    )
    files = build_site(dataset).files
    statement = files["statements/2022-02-04-authority-holds-ship.md"]
    assert "14:39 EST (03:39 UTC+8 on 5 February, 04:39 JST on 5 February)" in statement
    # The list's days are New York's: the owner's Beijing day falls in New York's 4 February
    # (its middle, noon in Beijing, is 23:00 EST), and its entry gives its own date.
    timeline = files["timeline.md"]
    fourth, fifth = timeline.index("## 4 February 2022"), timeline.index("## 5 February 2022")
    owner = timeline.index('id="2022-02-05-owner-no-notice"')
    assert fourth < owner < fifth
    assert "5 February 2022 in Shanghai, time not known" in timeline[owner : owner + 300]
    # The insurer's evening in Tokyo, in every reference zone.
    insurer = files["statements/2022-02-05-insurer-checking.md"]
    assert "evening, 18:00–24:00 JST (04:00–10:00 EST, 17:00–23:00 UTC+8)" in insurer


def test_its_pages_are_its_own() -> None:
    files = build_site(load_dataset(SECOND_DATA)).files
    every = "".join(files.values())
    for other in ("Lavrov", "Moscow", "MSK", "Blinken", "Griner"):
        assert other not in every, other
    assert files["index.md"].startswith("# “Only media reports”: the Bright Lantern hold")
    assert "Test explainer), record 2022-02-05-owner-no-notice" not in every
    assert "https://example.org/lantern/statements/2022-02-05-owner-no-notice/" in every
    assert "Original (Chinese)" in files["statements/2022-02-05-owner-no-notice.md"]
    # Edit links open the file in its own folder of the repository.
    assert "edit/main/tests/explainers/lantern/statements/" in every
    assert "record=tests%2Fexplainers%2Flantern%2Fstatements%2F" in every  # the report form
    # The Kind of an event of kind `other` is its label; no article, so no Articles page.
    assert "council inquiry" in files["events/2022-02-08-inquiry.md"]
    assert "articles/index.md" not in files


def test_the_translation_sides_show_their_own_words_under_the_original() -> None:
    page = build_site(load_dataset(SECOND_DATA)).files["contradictions/translating-notice.md"]
    start = page.index("How to translate")
    section = page[start : page.index("## Analysis", start)]
    # The original once, above the sides, not once per side.
    assert section.count("我们没有收到任何通知") == 1
    assert section.index("我们没有收到任何通知") < section.index('<div class="sides"')
    assert "We have received no notice; we have only seen media reports." in section
    assert "We were given no notification of any kind, only what the media reported." in section
    assert "apparent, resolved by context" in section


@pytest.mark.slow
def test_the_build_command_builds_it_strict_without_a_warning(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "generator", "build", "--data", str(SECOND_DATA),
         "--site", str(tmp_path / "site")],
        cwd=ROOT, capture_output=True, text=True, check=False, env=ENV,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr and "ERROR" not in result.stderr, result.stderr
    site = tmp_path / "site"
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "<title>“Only media reports”: the Bright Lantern hold" in home
    assert "Published by" in home and "CC BY 4.0" in home
    assert "First published 10 February 2022." in home
    assert "Last updated 1 March 2022." in home
    assert "Report an error" in home
    # With site_url set, every page names its own address for sharing and search engines, and
    # the sitemap lists every page under it.
    assert '<link rel="canonical" href="https://example.org/lantern/">' in home
    assert '<meta property="og:url" content="https://example.org/lantern/">' in home
    assert '<meta name="author" content="A. Writer and B. Editor">' in home
    pages = sorted(
        path for path in site.rglob("index.html") if 'http-equiv="refresh"' not in path.read_text()
    )
    for path in pages:
        address = "https://example.org/lantern/" + str(path.parent.relative_to(site)) + "/"
        address = address.replace("/./", "/")
        text = path.read_text(encoding="utf-8")
        assert f'<link rel="canonical" href="{address}">' in text, path
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    listed = set(re.findall(r"<loc>(.*?)</loc>", sitemap))
    assert len(listed) == len(pages)
    assert all(url.startswith("https://example.org/lantern/") for url in listed)
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == ["en", "zh", "ja"]
    assert "\u200b通知\u200b" in " ".join(doc["text"] for doc in index["docs"])


@pytest.fixture(scope="module")
def second_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    project = copy_project(tmp_path_factory.mktemp("second") / "project", SECOND_DATA)
    result = build(project, tmp_path_factory.mktemp("second-check"))
    assert "WARNING" not in result.stderr, result.stderr
    yield from built_and_served(project, tmp_path_factory.mktemp("second-site"))


@pytest.mark.browser
@pytest.mark.parametrize("query", ["notice", "通知"])
def test_search_finds_english_and_chinese_words(
    reader: tuple[Page, Watch], second_url: str, query: str
) -> None:
    page, watch = reader
    page.goto(f"{second_url}/")
    assert search_results(page, query) >= 1
    watch.assert_clean()


@pytest.mark.browser
@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/timeline/",
        "/contradictions/",
        "/claims/",
        "/actors/",
        "/actors/huayang-shipping/",
        "/statements/2022-02-05-owner-no-notice/",
        "/events/2022-02-06-call/",
        "/glossary/",
        "/about/",
    ],
)
def test_axe_finds_no_violations(reader: tuple[Page, Watch], second_url: str, path: str) -> None:
    page, watch = reader
    page.goto(f"{second_url}{path}")
    assert axe_violations(page) == []
    watch.assert_clean()


@pytest.mark.browser
@pytest.mark.parametrize("path", ["/", "/timeline/", "/contradictions/", "/statements/"])
def test_pages_fit_a_phone(browser: Browser, second_url: str, path: str) -> None:
    context = browser.new_context(viewport={"width": 375, "height": 812})
    page = context.new_page()
    page.goto(f"{second_url}{path}")
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
    context.close()


@pytest.mark.browser
def test_the_home_page_answers_in_the_first_screen(browser: Browser, second_url: str) -> None:
    """On a 375 × 812 phone the lede is on the first screen."""
    context = browser.new_context(viewport={"width": 375, "height": 812})
    page = context.new_page()
    page.goto(f"{second_url}/")
    lede = page.get_by_text("A harbour authority in New York held a cargo ship")
    box = lede.bounding_box()
    assert box is not None and box["y"] + box["height"] <= 812
    context.close()
