"""What several test modules share: paths, the MkDocs build, the browser, the Markdown
configuration and the characters the data refuses. Fixtures are in conftest.py; no test module
imports another."""

from __future__ import annotations

import functools
import http.server
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import yaml
from playwright.sync_api import Page
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from bench.project import copy_project

ROOT = Path(__file__).resolve().parent.parent
BASE_DATA = ROOT / "tests" / "cases" / "base" / "data"
REAL_DATA = ROOT / "data"
SECOND_DATA = ROOT / "tests" / "explainers" / "lantern"
"""A second explainer, invented for the tests: three zones across the date line, originals in
Chinese and Japanese, an unnamed group as speaker, a readout, no article."""
CASES = sorted((ROOT / "tests" / "cases" / "errors").glob("*.yaml"))
"""The golden cases of `check`'s reports (tests/test_cases.py)."""


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under `folder`, by its relative path."""
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


# ---------------------------------------------------------------- building with MkDocs

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT)}


def build(project: Path, site: Path) -> subprocess.CompletedProcess[str]:
    """`mkdocs build --strict` of `project` into `site`."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
        env=ENV,
    )


HOSTILE = (
    '</title><script>alert("x")</script> **bold** {{ config }} !!! note [a](javascript:alert(1))'
    ' --8<-- "x"'
)


def hostile_project(tmp_path: Path) -> Path:
    """A copy of the project whose actor 'foreign-office' is named HOSTILE, as are the
    explainer's title, short title, description, lede, publisher and author, and with a page
    whose title holds a tag as code."""
    project = copy_project(tmp_path / "project", BASE_DATA)
    (project / "data" / "explainer.yaml").write_text(
        f"title: '{HOSTILE}'\nshort_title: '{HOSTILE}'\ndescription: '{HOSTILE}'\n"
        f"publisher: {{name: '{HOSTILE}'}}\nauthors: ['{HOSTILE}']\n"
        f"front: {{lede: '{HOSTILE}'}}\n",
        encoding="utf-8",
    )
    # A page whose title holds markup as code: the navigation shows it as text.
    (project / "data" / "pages").mkdir()
    (project / "data" / "pages" / "notes.md").write_text(
        "# Notes `<img src=x onerror=alert(16)>`\n\nText.\n", encoding="utf-8"
    )
    actor = project / "data" / "actors" / "foreign-office.yaml"
    actor.write_text(
        actor.read_text(encoding="utf-8").replace("name: Foreign Office", f"name: '{HOSTILE}'"),
        encoding="utf-8",
    )
    return project


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        return


def serve(site: Path) -> Iterator[str]:
    """Serve the built `site` on 127.0.0.1 while the caller runs; yields the base URL."""
    handler = functools.partial(QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def built_and_served(project: Path, site: Path) -> Iterator[str]:
    """Build `project` with MkDocs into `site` and serve it while the caller runs; yields the
    base URL."""
    result = build(project, site)
    assert result.returncode == 0, result.stderr
    yield from serve(site)


# ---------------------------------------------------------------- the browser


def search_results(page: Page, query: str) -> int:
    """How many results the site's search shows for `query`, typed as a reader would."""
    page.locator("label.md-search__icon, .md-search__input").first.click()
    field = page.locator("input.md-search__input")
    results = page.locator(".md-search-result__item")
    # The search worker builds its index after the page loads, and a query given before it is
    # ready is dropped (and clearing the field resets the search). So, as a reader would, nudge
    # the same query (type a space and delete it: fresh input events) until results appear.
    field.fill(query)
    for _attempt in range(12):
        try:
            results.first.wait_for(timeout=5_000)
            break
        except PlaywrightTimeout:
            field.press("End")
            field.press("Space")
            field.press("Backspace")
    return results.count()


@dataclass
class Watch:
    """What a page did that a reader would not want: console errors, requests elsewhere."""

    errors: list[str] = field(default_factory=list)
    foreign: list[str] = field(default_factory=list)

    def assert_clean(self) -> None:
        assert self.errors == []
        assert self.foreign == []


DEBIAN_CHROMIUM = Path("/usr/bin/chromium")
# Without these, Chromium keeps trying to reach Google's services on a closed network.
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


def browser_executable() -> str | None:
    """The browser to drive: EXPLAINER_BROWSER's choice (`playwright` for Playwright's own
    Chromium, or a path), else Debian's Chromium where it is installed, else Playwright's."""
    choice = os.environ.get("EXPLAINER_BROWSER", "")
    if choice == "playwright":
        return None
    if choice:
        return choice
    return str(DEBIAN_CHROMIUM) if DEBIAN_CHROMIUM.exists() else None


def axe_violations(page: Page) -> list[str]:
    """What axe-core finds on the page as it is now, one line per rule."""
    page.add_script_tag(path=str(AXE))
    found: list[str] = page.evaluate(
        "async () => (await axe.run(document)).violations"
        ".map(v => `${v.id}: ${v.nodes.length} node(s): ${v.nodes[0].target}`)"
    )
    return found


# ---------------------------------------------------------------- Markdown and text


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml, skipping the `!!python/...` values MkDocs resolves itself."""


_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
CONFIG = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_ConfigLoader)
EXTENSIONS = [
    item if isinstance(item, str) else next(iter(item)) for item in CONFIG["markdown_extensions"]
]
"""The site's Markdown extensions, to convert pages as the site does."""

PAYLOADS = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "[click](javascript:alert(1))",
    "**bold** _em_ `code` ~~strike~~",
    "# heading",
    '!!! warning "Injected"',
    "{: .injected #x onclick=alert(1) }",
    "{{ config.secret }} {% raw %} {# comment #}",
    '--8<-- "/etc/passwd"',
    "*[HTML]: Hyper Text",
    "Text[^1]\n\n[^1]: footnote",
    "| a | b |\n|---|---|",
    "1. not a list",
    "    indented code",
    "&amp; &lt; &#60; &#x3C;",
    "<!-- comment -->",
    "\\*escaped\\*",
    "line one\n\nline two",
]
"""Known attacks through text: HTML, script, Markdown, extensions' syntax, Jinja."""

# What a text field accepts: anything but C0 and C1 control characters other than tab and line
# feed, and the bidirectional embeddings, overrides and isolates.
BIDI_CONTROLS = [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]
CONTROLS = "".join(chr(c) for c in [*range(9), *range(11, 32), *range(127, 160), *BIDI_CONTROLS])
# And what a name or an address refuses besides: invisible characters and directional marks.
INVISIBLE = "\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b\u200c\u200d\u200e\u200f" + (
    "\u2060\u2061\u2062\u2063\u2064\u3164\ufeff\uffa0"
)


# ---------------------------------------------------------------- a built site's links


class _LinksAndIds(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(str(values["id"]))
        for key in ("href", "src"):
            if tag in ("a", "link", "script", "img") and values.get(key):
                self.links.append(str(values[key]))


def broken_links(site: Path) -> list[tuple[str, str]]:
    """(page, link) for each link between a built site's files that leads nowhere: to a file
    that is not there, or to an anchor its page lacks. Links elsewhere are not followed."""
    pages = {}
    for page in sorted(site.rglob("*.html")):
        parser = _LinksAndIds()
        parser.feed(page.read_text(encoding="utf-8"))
        pages[page] = parser
    broken = []
    for page, parser in pages.items():
        address = "/" + page.relative_to(site).as_posix()
        for link in parser.links:
            parts = urlsplit(link)
            if parts.scheme or parts.netloc:
                continue
            target = urlsplit(urljoin(address, link))
            path = site / unquote(target.path).lstrip("/")
            if target.path.endswith("/") or path.is_dir():
                path = path / "index.html"
            found = pages.get(path)
            if not path.is_file() or (
                target.fragment and found is not None and unquote(target.fragment) not in found.ids
            ):
                broken.append((address, link))
    return broken
