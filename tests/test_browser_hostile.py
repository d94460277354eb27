"""Hostile data in a real Chromium: a reader who hovers, focuses or taps glossary terms and
long headings built from data runs nothing, and ordinary terms still show their tooltip."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import Browser, Page
from playwright.sync_api import Error as PlaywrightError

from bench.project import copy_project
from tests.helpers import BASE_DATA, axe_violations, built_and_served

pytestmark = pytest.mark.browser

PAYLOAD = '<img src=x onerror="window.__pwned=(window.__pwned||0)+1">'
UNBREAKABLE = "Requested" + "x" * 90  # a word the header and the table of contents must cut


def _write(path: Path, record: dict[str, object]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(record, allow_unicode=True, default_style='"'), "utf-8")


@pytest.fixture(scope="module")
def hostile_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    project = copy_project(tmp_path_factory.mktemp("hostile") / "project", BASE_DATA)
    data = project / "data"
    _write(
        data / "glossary" / "spokesperson.yaml",
        {"term": "Spokesperson", "aliases": ["Ministry"], "expansion": PAYLOAD,
         "definition": f"{PAYLOAD} </abbr><script>window.__pwned=1</script>",
         "verification": "verified"},
    )  # fmt: skip
    (data / "glossary" / "yes.yaml").write_text(
        "term: 'Yes'\ndefinition: An answer.\nmark_common_words: true\nverification: verified\n",
        "utf-8",
    )
    contradiction = yaml.safe_load(
        (data / "contradictions" / "was-it-requested.yaml").read_text("utf-8")
    )
    contradiction["title"] = f"{UNBREAKABLE} {PAYLOAD}"
    _write(data / "contradictions" / "was-it-requested.yaml", contradiction)
    actor = yaml.safe_load((data / "actors" / "ana-speaker.yaml").read_text("utf-8"))
    actor["name"] = f"Ana{UNBREAKABLE} {PAYLOAD}"
    _write(data / "actors" / "ana-speaker.yaml", actor)
    yield from built_and_served(project, project / "built")


def _ran(page: Page) -> object:
    """Whether any payload ran, or left an element behind to run later."""
    return page.evaluate(
        """() => window.__pwned || document.querySelectorAll('img[src="x"]').length
          || [...document.scripts].filter(s => s.type !== 'application/ld+json'
            && s.textContent.includes('__pwned')).length"""
    )


def _touch_everything(page: Page) -> None:
    """Hover, focus and tap every glossary term, and hover every cut-short title."""
    for term in page.locator("article abbr").all():
        term.scroll_into_view_if_needed()
        term.hover(force=True, timeout=2_000)
        page.wait_for_timeout(50)
        term.focus()
        if not term.evaluate("element => element.closest('a')"):  # a tap there follows the link
            term.click()
    # Every element that can hold a cut-short title gets the events a pointer would send
    # (the navigation drawer's are off screen on a phone), then a real hover where it can.
    page.evaluate(
        """() => document.querySelectorAll('.md-ellipsis, .md-nav__link, [title]').forEach(el => {
             for (const type of ['pointerover', 'pointerenter', 'mouseover', 'mouseenter',
                                 'focusin']) el.dispatchEvent(new Event(type, {bubbles: true}));
           })"""
    )
    for cut in page.locator(".md-ellipsis, .md-nav__link").all():
        if cut.is_visible():
            try:
                cut.hover(force=True, timeout=2_000)  # force: the sticky header may lie over it
            except PlaywrightError:
                continue  # outside the viewport: the events above reached it
            page.wait_for_timeout(50)
    page.mouse.wheel(0, 2_000)  # the header shows the page title once scrolled
    page.wait_for_timeout(200)
    for cut in page.locator(".md-header .md-ellipsis").all():
        if cut.is_visible():
            try:
                cut.hover(force=True, timeout=2_000)
            except PlaywrightError:
                continue
    for _ in range(40):
        page.keyboard.press("Tab")


@pytest.mark.parametrize("width", [1280, 375])
@pytest.mark.parametrize(
    "path", ["/contradictions/", "/actors/ana-speaker/", "/glossary/", "/statements/"]
)
def test_hovering_focusing_and_tapping_runs_nothing(
    browser: Browser,
    hostile_url: str,
    path: str,
    width: int,
) -> None:
    context = browser.new_context(viewport={"width": width, "height": 900}, has_touch=width < 500)
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(f"{hostile_url}{path}")
    page.wait_for_load_state("networkidle")
    assert page.locator("article abbr").count() >= 1 or path == "/statements/"
    _touch_everything(page)
    assert _ran(page) == 0
    assert dialogs == []
    # The payload is on the page as text, where the data put it.
    assert PAYLOAD in page.locator("article").inner_text()
    context.close()


def test_a_hostile_explanation_shows_as_text_in_the_tooltip(
    browser: Browser,
    hostile_url: str,
) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{hostile_url}/actors/ana-speaker/")
    term = page.locator("article abbr", has_text="Spokesperson").first
    term.hover()
    tooltip = page.locator("[role=tooltip].glossary-tooltip")
    tooltip.wait_for(state="visible", timeout=5_000)
    assert tooltip.inner_text().startswith(PAYLOAD)
    assert tooltip.locator("img, script").count() == 0
    assert term.get_attribute("aria-describedby") == tooltip.get_attribute("id")
    page.keyboard.press("Escape")
    tooltip.wait_for(state="detached", timeout=5_000)
    assert _ran(page) == 0
    page.close()


def test_axe_finds_no_violations_with_tooltips_open(
    browser: Browser,
    hostile_url: str,
) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{hostile_url}/actors/ana-speaker/")
    page.locator("article abbr").first.focus()
    page.locator("[role=tooltip]").wait_for(state="visible", timeout=5_000)
    assert axe_violations(page) == []
    page.close()
