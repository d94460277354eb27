"""Real MkDocs builds: the shipped site, and a site built from hostile data."""

from __future__ import annotations

import html
import json
import re
from html import escape, unescape
from html.parser import HTMLParser
from pathlib import Path

import pytest

from bench.project import copy_project
from generator import load_dataset
from tests.helpers import BASE_DATA, HOSTILE, REAL_DATA, ROOT, build, hostile_project

pytestmark = pytest.mark.slow

class _Anchors(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.anchors: list[dict[str, str | None]] = []
        self.scripts: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            self.anchors.append(dict(attrs))
        if tag == "script":
            self.scripts.append(dict(attrs).get("src") or "inline")

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse(path: Path) -> _Anchors:
    parser = _Anchors()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def test_every_record_has_a_page_or_an_anchor_in_the_built_site(site: Path) -> None:
    dataset = load_dataset(REAL_DATA)
    for kind in ("actors", "statements", "events", "sources", "articles"):
        for record_id in getattr(dataset, kind):
            assert (site / kind / record_id / "index.html").is_file(), (kind, record_id)
    for kind in ("claims", "contradictions"):
        html = (site / kind / "index.html").read_text(encoding="utf-8")
        for record_id in getattr(dataset, kind):
            assert f'id="{record_id}"' in html, record_id


def test_home_and_methodology_are_built(site: Path) -> None:
    assert "No requests, only media reports" in (site / "index.html").read_text(encoding="utf-8")
    assert (site / "methodology" / "index.html").is_file()


def test_search_index_holds_english_and_russian_words(site: Path) -> None:
    index = (site / "search" / "search_index.json").read_text(encoding="utf-8")
    text = json.dumps(json.loads(index), ensure_ascii=False)
    assert "megaphone" in text
    assert "мегафонную" in text


def test_citation_blocks_stay_out_of_the_search_index(site: Path) -> None:
    """Every record's "Cite this" repeats its title and address: searching would find it on
    every page. The blocks are on the pages but not in the index."""
    index = (site / "search" / "search_index.json").read_text(encoding="utf-8")
    statement = (site / "statements" / "2022-07-27-mfa-no-requests" / "index.html").read_text(
        encoding="utf-8"
    )
    assert "howpublished" in statement and "Stable address" in statement
    assert "howpublished" not in index and "Stable address" not in index


def test_external_links_carry_noopener_noreferrer(site: Path) -> None:
    count = 0
    for page in site.rglob("*.html"):
        for anchor in parse(page).anchors:
            href = anchor.get("href") or ""
            if href.startswith(("http://", "https://")) and "external" in (
                anchor.get("class") or ""
            ):
                count += 1
                assert anchor.get("rel") == "noopener noreferrer", (page, href)
    assert count >= 80


def test_generator_core_imports_nothing_from_mkdocs() -> None:
    for path in sorted((ROOT / "generator").rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        assert "import mkdocs" not in text and "from mkdocs" not in text, path


def test_hostile_text_in_data_shows_literally(tmp_path: Path) -> None:
    project = hostile_project(tmp_path)
    site = tmp_path / "site"
    result = build(project, site)
    assert result.returncode == 0, result.stderr
    page = parse(site / "actors" / "foreign-office" / "index.html")
    assert HOSTILE in " ".join("".join(page.text).split())
    html = (site / "actors" / "foreign-office" / "index.html").read_text(encoding="utf-8")
    assert '<script>alert("x")' not in html
    # The name is the page's title too (see overrides/main.html).
    assert "<title>&lt;/title&gt;&lt;script&gt;" in html
    # ...and the start of its description and its title in link previews, as text.
    metas = dict(re.findall(r'<meta (?:name|property)="([^"]+)" content="([^"]*)">', html))
    assert unescape(metas["description"]).startswith(f"{HOSTILE}: ")
    assert unescape(metas["og:title"]) == HOSTILE
    assert "javascript:alert" not in " ".join(a.get("href") or "" for a in page.anchors)
    assert "<strong>bold</strong>" not in html
    # The explainer's own words (explainer.yaml) are data too: header, home page, footer.
    home = (site / "index.html").read_text(encoding="utf-8")
    assert '<script>alert("x")' not in home and "<strong>bold</strong>" not in home
    shown = " ".join("".join(parse(site / "index.html").text).split())
    assert shown.count(HOSTILE) >= 4  # heading, lede, header, footer (publisher and author)
    assert f'content="{escape(HOSTILE)}"' in home  # the description
    assert "<img src=x onerror" not in home  # the page title in the navigation
    assert "Notes &lt;img src=x onerror=alert(16)&gt;" in home


def test_every_record_is_within_two_clicks_of_home(site: Path) -> None:
    from urllib.parse import urljoin, urlsplit

    def links_of(url_path: str) -> set[str]:
        file = (
            site / url_path.lstrip("/") / "index.html"
            if url_path.endswith("/")
            else site / url_path.lstrip("/")
        )
        if not file.is_file():
            return set()
        found = set()
        for anchor in parse(file).anchors:
            href = anchor.get("href") or ""
            if href.startswith(("http://", "https://", "mailto:", "#")) or not href:
                continue
            target = urlsplit(urljoin(f"http://site{url_path}", href)).path
            found.add(target)
        return found

    reached = {"/"}
    frontier = {"/"}
    for _click in range(2):
        frontier = {link for page in frontier for link in links_of(page)} - reached
        reached |= frontier
    dataset = load_dataset(REAL_DATA)
    for kind in ("actors", "statements", "events", "sources", "articles"):
        for record_id in getattr(dataset, kind):
            assert f"/{kind}/{record_id}/" in reached, (kind, record_id)
    assert {"/claims/", "/contradictions/", "/timeline/"} <= reached


def test_every_page_is_titled_by_its_heading(site: Path) -> None:
    """The browser tab, bookmarks and search results name a page by its heading, not by its
    file name (MkDocs takes the title from a first-level heading only if it comes first)."""
    checked = 0
    for path in sorted(site.rglob("index.html")):
        text = path.read_text(encoding="utf-8")
        heading = re.search(r"<h1[^>]*>(.*?)</h1>", text, re.S)
        if 'http-equiv="refresh"' in text or heading is None:
            continue
        plain = html.unescape(re.sub(r"<[^>]+>", "", heading.group(1))).replace("¶", "").strip()
        title = re.search(r"<title>(.*?)</title>", text, re.S)
        assert title is not None, path
        assert html.unescape(title.group(1)).startswith(" ".join(plain.split())), path
        checked += 1
    assert checked > 150


def test_a_page_at_a_records_address_is_refused(tmp_path: Path) -> None:
    """Claims have no page of their own; `claims/<id>/` redirects to the claim's section, and
    a hand-written page there would hide it."""
    project = copy_project(tmp_path / "project", BASE_DATA)
    (project / "assets" / "claims").mkdir()
    (project / "assets" / "claims" / "request-made.md").write_text("# Mine\n", encoding="utf-8")
    result = build(project, tmp_path / "site")
    assert result.returncode != 0
    assert (
        "assets/claims/request-made.md is published at claims/request-made/index.html, "
        "the address of a record; rename or move the page"
    ) in result.stderr


def test_each_record_page_describes_itself(site: Path) -> None:
    """Search results and link previews show a page's own description, not the site's: every
    record page has one, no two the same, and none longer than a search result shows."""
    descriptions: dict[str, Path] = {}
    for kind in ("statements", "events", "actors", "sources", "contradictions", "articles"):
        for path in sorted((site / kind).glob("*/index.html")):
            text = path.read_text(encoding="utf-8")
            if 'http-equiv="refresh"' in text:
                continue
            found = re.search(r'<meta name="description" content="([^"]*)">', text)
            assert found is not None, path
            description = html.unescape(found.group(1))
            assert 20 <= len(description) <= 200, path
            assert description not in descriptions, (path, descriptions.get(description))
            assert f'<meta property="og:description" content="{found.group(1)}">' in text
            descriptions[description] = path
    assert len(descriptions) > 150
