"""Glossary input that used to exhaust the build or corrupt pages: 25,000 aliases, a 20 KB
definition on a common word, and forms that spell Markdown's placeholders."""

from __future__ import annotations

import re
import shutil
import time
import tracemalloc
from pathlib import Path

import markdown
import yaml

from generator import check_data, load_dataset
from generator.built_html.term_marks import mark_terms
from generator.render.glossary_terms import TOOLTIP_LIMIT, glossary
from generator.render.settings import SiteSettings
from generator.render.site import render_site
from tests.helpers import BASE_DATA, EXTENSIONS

SECONDS = 2.0
PEAK_BYTES = 200 * 1024 * 1024


def _data_with_term(tmp: Path, record: dict[str, object]) -> Path:
    data = tmp / "data"
    shutil.copytree(BASE_DATA, data)
    (data / "glossary").mkdir()
    text = yaml.safe_dump(record, allow_unicode=True, sort_keys=False, width=10**9)
    (data / "glossary" / "term.yaml").write_text(
        text.replace("mark_common_words: 'true'", "mark_common_words: true"), encoding="utf-8"
    )
    return data


def _html_site(data: Path) -> dict[str, str]:
    """Every generated page as the build makes it: Markdown, HTML, then the glossary's marks
    (with a fixed data version, so sites of different data compare)."""
    dataset = load_dataset(data)
    terms = glossary(dataset)
    return {
        path: mark_terms(markdown.markdown(text, extensions=EXTENSIONS), terms)
        for path, text in render_site(dataset, SiteSettings(version="v1")).items()
    }


def test_twenty_five_thousand_aliases_are_refused_at_once(tmp_path: Path) -> None:
    data = _data_with_term(
        tmp_path,
        {"term": "Wire", "aliases": [f"a{n}" for n in range(25_000)], "definition": "d",
         "verification": "verified"},
    )  # fmt: skip
    tracemalloc.start()
    started = time.perf_counter()
    dataset, problems = check_data(data)
    elapsed = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert dataset is None
    assert [(p.code, p.field) for p in problems] == [("too-many", "aliases")]
    assert elapsed < SECONDS and peak < PEAK_BYTES


def test_a_long_definition_on_a_common_word_is_refused_and_bounded_when_allowed(
    tmp_path: Path,
) -> None:
    record = {"term": "the", "definition": "word " * 3_999, "verification": "verified"}
    refused = _data_with_term(tmp_path / "refused", record)
    _, problems = check_data(refused)
    assert [p.code for p in problems] == ["common-word"]

    # With the opt-in, every 'the' is marked, but each mark carries at most the tooltip limit.
    allowed = _data_with_term(tmp_path / "allowed", {**record, "mark_common_words": "true"})
    plain = _html_site(BASE_DATA)
    started = time.perf_counter()
    marked = _html_site(allowed)
    assert time.perf_counter() - started < SECONDS * 5  # render, convert and mark all pages
    marks = sum(page.count("<abbr") for page in marked.values())
    grown = sum(map(len, marked.values())) - sum(map(len, plain.values()))
    assert marks > 0
    # Each mark costs its tags and a title of at most TOOLTIP_LIMIT characters (escaped, at
    # most 6 bytes a character); the glossary page itself shows the whole definition once.
    assert grown <= marks * (40 + 6 * TOOLTIP_LIMIT) + 2 * len(record["definition"])  # type: ignore[arg-type]


def test_forms_that_spell_placeholders_leave_every_page_whole(tmp_path: Path) -> None:
    data = _data_with_term(
        tmp_path,
        {"term": "wzxhzdk", "aliases": ["amp", "https", "quot", "klzzwxh", "nbsp", "x2"],
         "definition": "d", "verification": "verified"},
    )  # fmt: skip
    plain, marked = _html_site(BASE_DATA), _html_site(data)
    assert sum(page.count("<abbr") for page in marked.values()) > 0  # the forms do occur
    for path, page in plain.items():
        after = marked[path]
        assert not re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f]", after), path
        assert after.count("Cite this") == page.count("Cite this"), path
        assert after.count("application/ld+json") == page.count("application/ld+json"), path
        # These list the glossary itself (the home page and navigation once it has terms).
        if path not in ("glossary.md", "data.md", "index.md"):
            assert re.sub(r"</?abbr[^>]*>", "", after) == page, path
