"""Annotated passages in a text of one repeated letter, where every position is an occurrence:
check and render stay within seconds, as the occurrences an annotation names are all that is
looked for, and each article is placed once per build."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import yaml

from generator import check_data, load_dataset
from generator.render.site import render_site
from tests.helpers import BASE_DATA

SECONDS = 2.0


def _article(tmp: Path, text: str, passages: list[tuple[str, int]]) -> Path:
    data = tmp / "data"
    shutil.copytree(BASE_DATA, data)
    record = {
        "title": "Letters", "source": "wire-report", "language": "en", "text": text,
        "annotations": [
            {"passage": passage, "occurrence": str(occurrence), "verdict": "accurate",
             "note": "n", "statements": ["2022-07-28-denial"]}
            for passage, occurrence in passages
        ],
        "verification": "verified",
    }  # fmt: skip
    (data / "articles" / "letters.yaml").write_text(
        yaml.safe_dump(record, width=10**9), encoding="utf-8"
    )
    return data


def _disjoint(count: int) -> list[tuple[str, int]]:
    """Passages of 1..count letters, each starting where the previous one ended."""
    passages, start = [], 0
    for length in range(1, count + 1):
        passages.append(("a" * length, start + 1))
        start += length
    return passages


def test_one_long_passage_in_a_long_text_is_checked_quickly(tmp_path: Path) -> None:
    data = _article(tmp_path, "a" * 199_000, [("a" * 20_000, 1)])
    started = time.perf_counter()
    dataset, problems = check_data(data)
    assert problems == [] and dataset is not None
    assert time.perf_counter() - started < SECONDS


def test_hundreds_of_passages_at_a_far_occurrence_are_checked_quickly(tmp_path: Path) -> None:
    """400 passages of 1 to 400 letters, each at its 1,000th occurrence (the most allowed):
    they overlap, and check says so within seconds."""
    data = _article(tmp_path, "a" * 120_000, [("a" * n, 1_000) for n in range(1, 401)])
    started = time.perf_counter()
    _, problems = check_data(data)
    assert time.perf_counter() - started < SECONDS
    assert {p.code for p in problems} == {"overlapping-passages", "too-many-problems"}


def test_an_occurrence_past_the_limit_is_refused(tmp_path: Path) -> None:
    _, problems = check_data(_article(tmp_path, "a" * 2_000, [("a", 1_001)]))
    assert [(p.code, p.message, p.hint) for p in problems] == [
        ("invalid-value", "the text '1001' is too large", "use a number of at most 1000")
    ]


def test_many_annotated_passages_render_quickly(tmp_path: Path) -> None:
    """40 disjoint passages in 120,000 letters, each linked from its statement's page: the
    article is placed once, not once per link (78 s before)."""
    dataset = load_dataset(_article(tmp_path, "a" * 120_000, _disjoint(40)))
    started = time.perf_counter()
    pages = render_site(dataset)
    assert time.perf_counter() - started < SECONDS
    assert pages["articles/letters.md"].count('id="passage-') == 40


def test_an_occurrence_past_the_last_is_counted_exactly(tmp_path: Path) -> None:
    data = _article(tmp_path, "ab ab ab", [("ab", 4)])
    _, problems = check_data(data)
    assert [(p.code, p.message) for p in problems] == [
        ("passage-not-found", "the passage occurs 3 time(s), not 4")
    ]
