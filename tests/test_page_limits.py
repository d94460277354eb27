"""Every generated page is bounded in size, and a page over the limit names the record behind it."""

from __future__ import annotations

import time
from dataclasses import replace
from pathlib import Path

import pytest

from generator import DataError, Dataset, load_dataset
from generator.render.layout import Layout
from generator.render.page_limits import MAX_PAGE_BYTES, oversized_pages, refuse_oversized_pages
from generator.render.site import render_site
from tests.helpers import BASE_DATA, REAL_DATA

BASE = load_dataset(BASE_DATA)


def _repeating(dataset: Dataset, times: int) -> Dataset:
    """The base dataset with one side of its contradiction naming one statement `times` times,
    as check let through before repeated references were refused."""
    contradiction = dataset.contradictions["was-it-requested"]
    side = contradiction.sides[0].model_copy(
        update={"statements": ["2022-07-28-assertion"] * times}
    )
    repeated = contradiction.model_copy(update={"sides": [side, *contradiction.sides[1:]]})
    return replace(dataset, contradictions={"was-it-requested": repeated})


def test_the_explainers_pages_are_far_below_the_limit() -> None:
    dataset = load_dataset(REAL_DATA)
    pages = render_site(dataset)
    assert oversized_pages(pages, dataset) == []
    assert max(len(text.encode("utf-8")) for text in pages.values()) * 20 < MAX_PAGE_BYTES


def test_a_page_made_large_by_one_record_names_that_record() -> None:
    dataset = _repeating(BASE, 7_000)
    pages = render_site(dataset)
    started = time.perf_counter()
    problems = oversized_pages(pages, dataset)
    elapsed = time.perf_counter() - started
    assert [problem.format_text() for problem in problems] == [
        "data/contradictions/was-it-requested.yaml:0:0: error[page-too-large] the page "
        "contradictions/was-it-requested.md would be 6.9 MB, over the limit of 5.0 MB\n"
        "    hint: this record makes 6.9 MB of it: name fewer records in it, shorten its text, "
        "or split it into smaller records"
    ]
    assert elapsed < 1.0, f"measuring the pages took {elapsed:.2f} s"
    with pytest.raises(DataError) as raised:
        refuse_oversized_pages(pages, dataset)
    assert raised.value.diagnostics == problems
    refuse_oversized_pages(render_site(BASE), BASE)


def test_own_pages_sections_and_shelves_name_their_record() -> None:
    layout = Layout.of(BASE, page_limit=1, shelf_size=1)  # statements and events shelved
    pages = render_site(BASE, layout=layout)
    found = {
        problem.message.split()[2]: (problem.path, problem.hint.split(":")[0])
        for problem in oversized_pages(pages, BASE, layout, Path("data"), limit=1_000)
    }
    assert found["articles/report.md"] == (
        "data/articles/report.yaml",
        f"this record makes {len(pages['articles/report.md'].encode()):,} bytes of it",
    )
    assert found["claims.md"][0] == "data/claims/request-made.yaml"
    contradiction = found["contradictions/was-it-requested.md"]
    assert contradiction[0] == "data/contradictions/was-it-requested.yaml"
    shelved = {path: ids for path, ids in _shelves(layout).items() if path in found}
    assert shelved, "no shelf page over the limit"
    for path, ids in shelved.items():
        assert found[path][0] == f"data/{_kind(ids[0])}/{ids[0]}.yaml"
    # A page that holds no record's section names the data folder.
    assert found["data.md"] == ("data", "no record has a section of its own on it")


def test_the_published_data_files_are_not_pages() -> None:
    big = "x" * (MAX_PAGE_BYTES + 1)
    assert oversized_pages({"data/explainer.json": big, "data/csv/x.csv": big}, BASE) == []
    # Measured in bytes: a page of Cyrillic text is over the limit at half as many characters.
    wide = "# Я\n" + "я" * (MAX_PAGE_BYTES // 2)
    assert [problem.path for problem in oversized_pages({"timeline.md": wide}, BASE)] == ["data"]


def _shelves(layout: Layout) -> dict[str, tuple[str, ...]]:
    return {shelf.path: shelf.ids for shelves in layout.shelves.values() for shelf in shelves}


def _kind(record_id: str) -> str:
    return next(kind for kind in BASE.counts() if record_id in getattr(BASE, kind))
