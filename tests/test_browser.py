"""The built site in a real Chromium, as a reader uses it: content, click-through, search in
English and Russian, a phone-width timeline, no console errors, no request to another host,
and no axe-core accessibility violations."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from generator.render.date_labels import MONTHS
from tests.helpers import (
    ROOT,
    Watch,
    axe_violations,
    browser_executable,
    built_and_served,
    search_results,
)

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    yield from built_and_served(ROOT, tmp_path_factory.mktemp("browser-site"))


def test_pages_show_the_record(reader: tuple[Page, Watch], base_url: str) -> None:
    page, watch = reader
    page.goto(f"{base_url}/")
    assert "No requests, only media reports" in page.locator("h1").inner_text()
    page.goto(f"{base_url}/timeline/")
    assert page.locator("span[data-actors]").count() >= 56
    assert "14:12 EDT (21:12 MSK)" in page.locator("article").inner_text()
    page.goto(f"{base_url}/contradictions/")
    assert page.locator("article li a[id]").count() >= 7
    page.goto(f"{base_url}/contradictions/did-the-us-request-the-call/")
    assert page.locator(".sides > .side").count() == 3
    page.goto(f"{base_url}/actors/sergey-lavrov/")
    assert "Сергей Викторович Лавров" in page.content()
    assert page.get_by_role("link", name="Lavrov says Moscow first learned").count() >= 1
    watch.assert_clean()


def test_click_from_a_contradiction_to_its_statement_and_source(
    reader: tuple[Page, Watch], base_url: str
) -> None:
    page, watch = reader
    page.goto(f"{base_url}/contradictions/")
    page.get_by_role("link", name="Had the U.S. asked for the call, and when?").click()
    page.wait_for_url("**/contradictions/did-the-us-request-the-call/")
    page.locator(".side").first.locator("a[href*='statements/']").first.click()
    page.wait_for_url("**/statements/2022-07-27-mfa-no-requests/")
    assert "Кроме сообщений СМИ" in page.content()
    page.get_by_role("link", name="Lenta.ru", exact=True).click()
    page.wait_for_url("**/sources/lenta-2022-07-27-no-requests/")
    assert "https://lenta.ru/news/2022/07/27/middd/amp" in page.content()
    watch.assert_clean()


@pytest.mark.parametrize("query", ["megaphone", "мегафонную"])
def test_search_finds_english_and_russian_words(
    reader: tuple[Page, Watch], base_url: str, query: str
) -> None:
    page, watch = reader
    page.goto(f"{base_url}/")
    assert search_results(page, query) >= 1
    watch.assert_clean()


@pytest.mark.parametrize("width", [375, 1280])
def test_a_contradictions_sides_share_the_width_equally_or_stack_on_a_phone(
    browser: Browser, base_url: str, width: int
) -> None:
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    page.goto(f"{base_url}/contradictions/did-the-us-request-the-call/")
    boxes = [side.bounding_box() for side in page.locator(".sides > .side").all()]
    assert len(boxes) == 3 and all(box is not None for box in boxes)
    lefts = {round(box["x"]) for box in boxes if box}
    widths = {round(box["width"]) for box in boxes if box}
    if width >= 1280:
        assert len(lefts) == 3 and max(widths) - min(widths) <= 1  # one row, equal columns
    else:
        assert len(lefts) == 1  # one above the other
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
    context.close()


PAGE_TYPES = [
    "/",
    "/timeline/",
    "/contradictions/",
    "/contradictions/did-the-us-request-the-call/",
    "/claims/",
    "/actors/",
    "/actors/sergey-lavrov/",
    "/statements/",
    "/statements/2022-07-28-price-call-request/",
    "/events/2022-07-29-blinken-lavrov-call/",
    "/sources/",
    "/sources/tass-2022-07-27-no-requests/",
    "/articles/republic-world-call-request/",
    "/glossary/",
    "/corrections/",
    "/data/",
    "/methodology/",
]


@pytest.mark.parametrize("width", [375, 1280])
def test_no_page_type_is_wider_than_the_screen(browser: Browser, base_url: str, width: int) -> None:
    """No table, drawing or line pushes any page type sideways, on a phone or a desktop."""
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    too_wide = {}
    for path in PAGE_TYPES:
        assert page.goto(f"{base_url}{path}").ok, path  # type: ignore[union-attr]
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        tables = page.evaluate(
            "[...document.querySelectorAll('article table')]"
            ".filter(t => t.getBoundingClientRect().right > window.innerWidth + 1).length"
        )
        if overflow > 0 or tables:
            too_wide[path] = (overflow, tables)
    assert too_wide == {}
    context.close()


def test_timeline_fits_a_phone(browser: Browser, base_url: str) -> None:
    context = browser.new_context(viewport={"width": 375, "height": 800})
    page = context.new_page()
    page.goto(f"{base_url}/timeline/")
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
    listed = page.locator(".timeline").get_by_role(
        "link", name="Price says the U.S. put in a request"
    )
    assert listed.is_visible()
    context.close()


def test_the_theme_override_differs_from_upstream_only_by_the_dialog_name() -> None:
    import material

    upstream = Path(material.__file__).parent / "templates" / "partials" / "search.html"
    ours = (ROOT / "overrides" / "partials" / "search.html").read_text(encoding="utf-8")
    theirs = upstream.read_text(encoding="utf-8")
    body = lambda text: text.split("-#}\n", 1)[1]  # noqa: E731 - skip the comment header
    expected = body(theirs).replace(
        'role="dialog">', 'role="dialog" aria-label="{{ lang.t(\'search\') }}">', 1
    )
    assert body(ours) == expected, "re-copy partials/search.html from the installed theme"


def test_every_mark_of_the_drawing_links_to_an_entry_of_the_list(
    reader: tuple[Page, Watch], base_url: str
) -> None:
    page, watch = reader
    page.goto(f"{base_url}/timeline/")
    targets = page.eval_on_selector_all(
        "svg.timeline-drawing a", "marks => marks.map(a => a.getAttribute('href'))"
    )
    assert len(targets) >= 10
    for target in targets:
        assert target.startswith("#")
        assert page.locator(f".timeline li span[id='{target[1:]}']").count() == 1, target
    watch.assert_clean()


@pytest.mark.parametrize("width", [375, 1280])
def test_the_drawing_scrolls_in_its_box_and_never_widens_the_page(
    browser: Browser, base_url: str, width: int
) -> None:
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    page.goto(f"{base_url}/timeline/")
    box = page.locator(".timeline-drawing-box").bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= width
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
    text_size = page.evaluate(
        "parseFloat(getComputedStyle(document.querySelector('.timeline-drawing text')).fontSize)"
    )
    svg = page.locator("svg.timeline-drawing")
    svg_box = svg.bounding_box()
    assert svg_box is not None
    drawn = svg_box["width"] / float(svg.get_attribute("width") or 1)
    assert text_size * drawn >= 10  # legible: drawn at its own size, not shrunk to the column
    context.close()


def test_timeline_narrows_to_one_actor(reader: tuple[Page, Watch], base_url: str) -> None:
    page, watch = reader
    page.goto(f"{base_url}/timeline/")
    entries = page.locator(".timeline li")
    total = entries.count()
    page.get_by_label("Show only entries involving").select_option("sergey-lavrov")
    visible = page.locator(".timeline li:not([hidden])")
    assert 0 < visible.count() < total
    for index in range(visible.count()):
        # An item involves him, or holds a statement made at it that does.
        spans = visible.nth(index).locator("span[data-actors]")
        actors = [spans.nth(j).get_attribute("data-actors") or "" for j in range(spans.count())]
        assert any("sergey-lavrov" in found.split() for found in actors)
    assert f"of {total} entries" in page.locator("#timeline-count").inner_text()
    # The drawing narrows with the list: only Lavrov's marks stay.
    marks = page.locator("svg.timeline-drawing a")
    shown = [
        marks.nth(i).get_attribute("data-actors") or ""
        for i in range(marks.count())
        if marks.nth(i).is_visible()
    ]
    assert 0 < len(shown) < marks.count()
    assert all("sergey-lavrov" in actors.split() for actors in shown)
    # The address keeps the choice: a reload (or a shared link) opens the narrowed timeline.
    assert page.url.endswith("/timeline/?actor=sergey-lavrov")
    page.reload()
    assert page.get_by_label("Show only entries involving").input_value() == "sergey-lavrov"
    assert page.locator(".timeline li:not([hidden])").count() == visible.count()
    page.get_by_label("Show only entries involving").select_option("")
    assert page.locator(".timeline li:not([hidden])").count() == total
    assert page.url.endswith("/timeline/")
    assert all(marks.nth(i).is_visible() for i in range(marks.count()))
    watch.assert_clean()


def test_timeline_narrows_to_one_side_and_the_address_keeps_it(
    reader: tuple[Page, Watch], base_url: str
) -> None:
    """A side (explainer.yaml's `sides`) stands for its actors: an entry stays when any of
    them is involved."""
    page, watch = reader
    page.goto(f"{base_url}/timeline/?side=russian-government")
    select = page.get_by_label("Show only entries involving")
    assert select.input_value() == "side:russian-government"
    side = set(
        (
            page.locator("option[value='side:russian-government']").get_attribute("data-actors")
            or ""
        ).split()
    )
    assert {"sergey-lavrov", "maria-zakharova", "russian-foreign-ministry"} <= side
    visible = page.locator(".timeline li:not([hidden])")
    for index in range(visible.count()):  # it, or a statement made at it, involves the side
        spans = visible.nth(index).locator("span[data-actors]")
        found = {
            a
            for j in range(spans.count())
            for a in (spans.nth(j).get_attribute("data-actors") or "").split()
        }
        assert found & side
    # The U.S. request involves the Russian ministry it was made to: it stays.
    request = ".timeline li:not([hidden]) > span[id='2022-07-27-us-call-request']"
    assert page.locator(request).count() == 1
    total = page.locator(".timeline li").count()
    assert 0 < page.locator(".timeline li:not([hidden])").count() < total
    # Washington's eight entries known only to 27 July share a bar: one involves the side.
    bar = page.locator("svg.timeline-drawing a[data-hrefs^='#2022-07-27-us-call-request ']")
    assert bar.locator("text").text_content() == "×1"
    assert (bar.get_attribute("aria-label") or "").startswith("1 entry known only to 27 July")
    # Narrowed to Kirby, the bar leads to his entry, not to the first of the eight.
    select.select_option("john-kirby")
    assert bar.get_attribute("href") == "#2022-07-27-kirby-serious-proposal"
    bar.click()
    assert page.url.endswith("#2022-07-27-kirby-serious-proposal")
    select.select_option("side:u-s-government")
    assert "/timeline/?side=u-s-government" in page.url
    watch.assert_clean()


def test_statements_made_at_an_event_are_listed_under_it(
    reader: tuple[Page, Watch], base_url: str
) -> None:
    page, watch = reader
    page.goto(f"{base_url}/timeline/")
    briefing = page.locator(
        ".timeline li", has=page.locator("> span[id='2022-07-28-price-briefing']")
    )
    said = briefing.locator("li span[data-actors]")
    ids = [said.nth(i).get_attribute("id") for i in range(said.count())]
    assert "2022-07-28-price-call-request" in ids and len(ids) == 4
    unknown = page.locator(".timeline .time-unknown", has_text="time not known").first
    assert unknown.evaluate("e => getComputedStyle(e).fontWeight") == "400"
    watch.assert_clean()


def test_timeline_without_javascript_lists_everything(browser: Browser, base_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{base_url}/timeline/")
    assert not page.locator(".timeline-filter").is_visible()
    entries = page.locator(".timeline li")
    assert entries.count() >= 56
    assert all(entries.nth(i).is_visible() for i in range(entries.count()))
    marks = page.locator("svg.timeline-drawing a")
    assert marks.count() >= 10 and marks.first.is_visible()
    page.goto(f"{base_url}/articles/republic-world-call-request/")
    assert page.locator(".annotation-notes li").count() == 27
    assert page.locator("#note-1").is_visible()
    context.close()


def test_article_annotations_open_by_keyboard_and_mouse(
    reader: tuple[Page, Watch], base_url: str
) -> None:
    page, watch = reader
    page.goto(f"{base_url}/articles/republic-world-call-request/")
    assert "27 passages annotated, 19 of them with a problem:" in page.content()
    # Keyboard: tab until the first mark has focus, then follow it with Enter.
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "passage-1":
            break
    assert page.evaluate("document.activeElement.id") == "passage-1"
    described = page.evaluate(
        "document.getElementById(document.activeElement.getAttribute('aria-describedby')).innerText"
    )
    assert described.startswith("Wrong actor.") and "Zakharova" in described
    page.keyboard.press("Enter")
    page.wait_for_url("**#note-1")
    assert page.locator("#note-1").is_visible()
    # Mouse: click a later mark; its note is shown and links on to the record.
    page.locator("#passage-14").click()
    page.wait_for_url("**#note-14")
    note = page.locator("#note-14")
    assert note.is_visible() and note.inner_text().startswith("False. Blinken declined")
    note.get_by_role("link", name="Back to the passage").click()
    page.wait_for_url("**#passage-14")
    watch.assert_clean()


def test_glossary_tooltips_on_hover_and_keyboard_focus(
    reader: tuple[Page, Watch], base_url: str
) -> None:
    page, watch = reader
    page.goto(f"{base_url}/statements/2022-07-27-mfa-no-requests/")
    terms = page.locator("abbr", has_text="TASS")
    terms.first.hover()
    tooltip = page.locator(".glossary-tooltip", has_text="A Russian state news agency")
    tooltip.first.wait_for(state="visible", timeout=5_000)
    page.mouse.move(0, 0)
    tooltip.first.wait_for(state="hidden", timeout=5_000)
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.tagName") == "ABBR":
            break
    assert page.evaluate("document.activeElement.tagName") == "ABBR"
    page.wait_for_function("document.activeElement.getAttribute('aria-describedby')")
    tip_id = page.evaluate("document.activeElement.getAttribute('aria-describedby')")
    page.locator(f"[id='{tip_id}']").wait_for(state="visible", timeout=5_000)
    assert page.locator(f"[id='{tip_id}']").inner_text().strip()
    watch.assert_clean()


def test_glossary_page_lists_terms_and_where_they_are_used(
    reader: tuple[Page, Watch], base_url: str
) -> None:
    page, watch = reader
    page.goto(f"{base_url}/glossary/")
    assert page.locator("h2#megaphone-diplomacy").is_visible()
    entry = page.locator("h2#megaphone-diplomacy ~ p", has_text="Used in:").first
    entry.get_by_role("link").first.click()
    page.wait_for_load_state()
    assert "/glossary/" not in page.url
    watch.assert_clean()


def test_the_data_page_downloads_an_export(
    reader: tuple[Page, Watch], base_url: str, tmp_path: Path
) -> None:
    import json

    page, watch = reader
    page.goto(f"{base_url}/data/")
    with page.expect_download() as download_info:
        page.locator("a[download='explainer.json']").click()
    download = download_info.value
    assert download.suggested_filename == "explainer.json"
    saved = tmp_path / "explainer.json"
    download.save_as(saved)
    document = json.loads(saved.read_text(encoding="utf-8"))
    assert document["schema_version"] == "1.0"
    assert len(document["records"]["statements"]) >= 24
    with page.expect_download() as download_info:
        page.locator("a[download='statements.csv']").click()
    assert download_info.value.suggested_filename == "statements.csv"
    watch.assert_clean()


@pytest.mark.parametrize(("width", "height"), [(375, 812), (1280, 800)])
def test_a_statement_page_shows_its_words_on_the_first_screen(
    browser: Browser, base_url: str, width: int, height: int
) -> None:
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    page.goto(f"{base_url}/statements/2022-07-27-mfa-no-requests/")
    words = page.locator("article blockquote").first
    box = words.bounding_box()
    assert box is not None and box["y"] < height, box
    assert "Кроме сообщений СМИ" in words.inner_text()
    # At full contrast: the quote's colour is the body text's.
    colour = "el => getComputedStyle(el).color"
    assert words.evaluate(colour) == page.locator("article p").first.evaluate(colour)
    context.close()


@pytest.mark.parametrize(("width", "height"), [(375, 812), (1280, 800)])
def test_the_home_page_answers_and_shows_two_sides_words_on_the_first_screen(
    browser: Browser, base_url: str, width: int, height: int
) -> None:
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    page.goto(f"{base_url}/")
    lede = page.locator("article h1 ~ p").first
    assert "no request, only media reports" in lede.inner_text()
    lede_box = lede.bounding_box()
    assert lede_box is not None and lede_box["y"] + lede_box["height"] <= height
    quotes = page.locator(".home-sides blockquote")
    assert quotes.count() == 3
    tops = [box["y"] for box in (q.bounding_box() for q in quotes.all()) if box]
    # The first line of at least two sides' words is on the screen.
    assert sum(top + 24 <= height for top in tops) >= 2, tops
    assert "There have been no requests, only media reports." in quotes.first.inner_text()
    # Body-size type, full contrast: the words are read, not glanced at.
    style = "el => [getComputedStyle(el).fontSize, getComputedStyle(el).color]"
    assert quotes.first.evaluate(style) == lede.evaluate(style)
    context.close()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("no requests", ["statements/2022-07-27-mfa-no-requests/"]),
        ("megaphone", ["statements/2022-07-27-mfa-no-requests/", "glossary/"]),
    ],
)
def test_search_ranks_the_story_above_the_sources(
    reader: tuple[Page, Watch], base_url: str, query: str, expected: list[str]
) -> None:
    """Statements, contradictions and claims weigh more in the index than sources' pages."""
    page, watch = reader
    page.goto(f"{base_url}/")
    assert search_results(page, query) >= 1
    top = page.locator(".md-search-result__item > a").evaluate_all(
        "links => links.slice(0, 3).map(link => new URL(link.href).pathname)"
    )
    for path in expected:
        assert f"/{path}" in top[: len(expected) + 1], top
    assert top[0].startswith(("/statements/", "/glossary/")), top
    watch.assert_clean()


@pytest.mark.parametrize("path", PAGE_TYPES)
def test_axe_finds_no_violations_on_any_page_type(
    reader: tuple[Page, Watch], base_url: str, path: str
) -> None:
    page, watch = reader
    page.goto(f"{base_url}{path}")
    assert axe_violations(page) == []
    watch.assert_clean()


LIGHTHOUSE_AUDIT = ROOT / "tests" / "accessibility_audit.mjs"


def test_lighthouse_scores_every_page_type_100_for_accessibility(base_url: str) -> None:
    """Lighthouse (its mobile profile) checks what axe does and a few things more, such as
    the viewport letting readers zoom; every page type must pass every audit."""
    node = shutil.which("node")
    if node is None or not (ROOT / "node_modules" / "lighthouse").is_dir():
        pytest.fail("Lighthouse needs Node and node_modules/lighthouse: run make test-deps")
    browser = browser_executable()
    env = {**os.environ, **({"CHROME_PATH": browser} if browser else {})}
    result = subprocess.run(
        [node, str(LIGHTHOUSE_AUDIT), *(f"{base_url}{path}" for path in PAGE_TYPES)],
        capture_output=True, text=True, env=env, cwd=ROOT, timeout=900, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    below = {
        address.removeprefix(base_url): (found["score"], found["failed"])
        for address, found in report.items()
        if found["score"] != 1 or found["failed"]
    }
    assert len(report) == len(PAGE_TYPES)
    assert below == {}


def test_a_citation_carries_its_address_and_the_readers_access_date(
    reader: tuple[Page, Watch], browser: Browser, base_url: str
) -> None:
    """The build cannot know when a page is read: the citation holds a placeholder, which the
    page fills with the reader's date; without JavaScript the placeholder says what to add."""
    page, watch = reader
    path = "/statements/2022-07-27-mfa-no-requests/"
    page.goto(f"{base_url}{path}")
    iso = page.evaluate(
        "(() => { const d = new Date(); return [d.getFullYear(), "
        "String(d.getMonth() + 1).padStart(2, '0'), String(d.getDate()).padStart(2, '0')]"
        ".join('-'); })()"
    )
    plain = page.locator(".cite-plain code").first.text_content() or ""
    bibtex = page.locator(".cite-bibtex code").first.text_content() or ""
    assert "2022-07-27-mfa-no-requests/. Accessed " in plain
    assert "[date you read it]" not in plain + bibtex
    assert plain.endswith(f"{int(iso[8:])} {MONTHS[int(iso[5:7]) - 1]} {iso[:4]}.")
    assert f"  urldate = {{{iso}}},\n" in bibtex
    watch.assert_clean()
    context = browser.new_context(java_script_enabled=False)
    static = context.new_page()
    static.goto(f"{base_url}{path}")
    assert (static.locator(".cite-plain code").first.text_content() or "").endswith(
        "Accessed [date you read it]."
    )
    context.close()
