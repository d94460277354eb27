"""Where records live: a page each while a kind is small, sections of shelf pages once it is
large, and `kind/id/` reaching every record either way.

The real dataset is small, so these tests lower the limits (a shelf of 3, shelving past 5) to
shelve it; tests/test_site_build.py builds a synthetic explainer past the real limits."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator import load_dataset
from generator.dataset.link import Dataset
from generator.render.layout import SHELF_GROUPS, Layout
from generator.render.markdown_text import directory_url
from generator.render.redirect_pages import redirect_pages
from generator.render.relations import records
from generator.render.site import render_site

ROOT = Path(__file__).resolve().parent.parent
SMALL = {"page_limit": 5, "shelf_size": 3}


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    return load_dataset(ROOT / "data")


@pytest.fixture(scope="module")
def shelved_pages(dataset: Dataset) -> dict[str, str]:
    return render_site(dataset, layout=Layout.of(dataset, **SMALL))


def test_the_real_explainer_has_a_page_per_record(dataset: Dataset) -> None:
    layout = Layout.of(dataset)
    assert layout.shelves == {}
    assert not layout.titles_only
    first = next(iter(dataset.statements))
    assert layout.place("statements", first).page == f"statements/{first}.md"
    claim = next(iter(dataset.claims))
    assert layout.place("claims", claim) == type(layout.place("claims", claim))("claims.md", claim)


def test_shelves_hold_every_record_once_in_reading_order(dataset: Dataset) -> None:
    layout = Layout.of(dataset, **SMALL)
    assert sorted(layout.shelves) == sorted(SHELF_GROUPS)
    timeline = [i for shelf in layout.shelves["timeline"] for i in shelf.ids]
    assert timeline == list(dataset.timeline)
    actors = [i for shelf in layout.shelves["actors"] for i in shelf.ids]
    names = [(dataset.actors[i].name.casefold(), i) for i in actors]
    assert names == sorted(names) and sorted(actors) == sorted(dataset.actors)
    kinds = {record_id: kind for record_id, (kind, _record) in records(dataset).items()}
    for group, shelves in layout.shelves.items():
        assert [shelf.number for shelf in shelves] == list(range(1, len(shelves) + 1)), group
        assert all(1 <= len(shelf.ids) <= 3 for shelf in shelves), group
        for shelf in shelves:
            for record_id in shelf.ids:
                assert layout.place(kinds[record_id], record_id).page == shelf.path


@given(st.integers(min_value=1, max_value=60), st.integers(min_value=1, max_value=20))
def test_shelving_is_a_partition_for_any_limits(limit: int, size: int) -> None:
    dataset = load_dataset(ROOT / "data")
    layout = Layout.of(dataset, page_limit=limit, shelf_size=size)
    for group, shelves in layout.shelves.items():
        ids = [i for shelf in shelves for i in shelf.ids]
        kinds = SHELF_GROUPS[group]
        expected = [i for kind in kinds for i in getattr(dataset, kind)]
        assert sorted(ids) == sorted(expected) and len(ids) == len(set(ids))
        assert all(len(shelf.ids) <= size for shelf in shelves)
        assert len(ids) > (limit if group != "claims" else size)


def test_shelved_kinds_have_no_page_of_their_own(shelved_pages: dict[str, str]) -> None:
    for kind in ("statements", "events", "actors", "sources"):
        own = [p for p in shelved_pages if p.startswith(f"{kind}/") and "/page/" not in p]
        assert own in ([], [f"{kind}/index.md"]), own
    assert "timeline/page/1/index.md" in shelved_pages
    assert "claims/page/1/index.md" in shelved_pages
    assert "contradictions/page/1/index.md" in shelved_pages


def test_every_record_has_its_section_with_an_anchor(
    dataset: Dataset, shelved_pages: dict[str, str]
) -> None:
    layout = Layout.of(dataset, **SMALL)
    for record_id, (kind, _record) in records(dataset).items():
        place = layout.place(kind, record_id)
        text = shelved_pages[place.page]
        if place.anchor:
            assert f'id="{record_id}"' in text or f"{{ #{record_id} }}" in text, record_id


def test_every_link_between_generated_pages_resolves(
    dataset: Dataset, shelved_pages: dict[str, str]
) -> None:
    """Markdown links (`.md` paths, which MkDocs rewrites) and raw HTML links (directory
    URLs, which it does not) both land on a generated page and an anchor that exists, or on
    a record's permalink."""
    moved = redirect_pages(dataset, Layout.of(dataset, **SMALL))
    by_url = {directory_url(path): path for path in shelved_pages}
    checked = 0
    for page, text in shelved_pages.items():
        for target in re.findall(r"\]\(([^)\s]+)\)", text):
            if target.startswith(("http", "mailto:")) or ".md" not in target:
                continue
            path, _, anchor = target.partition("#")
            resolved = posixpath.normpath(posixpath.join(posixpath.dirname(page), path))
            if not resolved.startswith(("statements", "events", "actors", "sources", "claims")):
                continue
            _assert_lands(shelved_pages, resolved, anchor, page, target)
            checked += 1
        for target in re.findall(r'href="([^"#:]*)(?:#([^"]*))?"', text):
            path, anchor = target
            if not path:
                continue
            base = directory_url(page)
            url = posixpath.normpath(posixpath.join(base, path)) + "/"
            url = "" if url == "./" else url
            assert url in by_url or f"{url}index.html" in moved, (page, path)
            if url in by_url:
                _assert_lands(shelved_pages, by_url[url], anchor, page, path)
            checked += 1
    assert checked > 500


def _assert_lands(pages: dict[str, str], path: str, anchor: str, page: str, target: str) -> None:
    assert path in pages, (page, target)
    if anchor:
        text = pages[path]
        assert f'id="{anchor}"' in text or f"#{anchor} }}" in text, (page, target)


def test_redirects_reach_every_record_without_a_page(
    dataset: Dataset, shelved_pages: dict[str, str]
) -> None:
    layout = Layout.of(dataset, **SMALL)
    moved = redirect_pages(dataset, layout)
    by_url = {directory_url(path): path for path in shelved_pages}
    for record_id, (kind, _record) in records(dataset).items():
        stub = f"{kind}/{record_id}/index.html"
        if layout.place(kind, record_id).anchor is None:
            assert stub not in moved
            continue
        target = re.search(r'url=([^"]+)"', moved[stub])
        assert target is not None
        path, _, anchor = target.group(1).partition("#")
        url = posixpath.normpath(posixpath.join(f"{kind}/{record_id}/", path)) + "/"
        assert anchor == record_id
        _assert_lands(shelved_pages, by_url[url], anchor, stub, target.group(1))


def test_shelf_sections_keep_the_record_text_out_of_search(shelved_pages: dict[str, str]) -> None:
    shelf = shelved_pages["timeline/page/1/index.md"]
    assert shelf.count("data-search-exclude") == shelf.count("<h2 id=")
    # Material's search skips an excluded element until an element of the same tag closes:
    # sections must not nest a <div> in the excluded <div>.
    for body in re.findall(r"<div class=\"record [^>]*>(.*?)</div>", shelf, re.S):
        assert "<div" not in body
    for page in ("claims/page/1/index.md", "contradictions/page/1/index.md"):
        text = shelved_pages[page]
        assert text.count('<section class="record-body" data-search-exclude=""') == 3
