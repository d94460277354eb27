"""What a reader sees on the built site carries no internals: no words of the research's
workflow ('seed', 'stored copy'), no language codes in parentheses, no record ids outside the
citation box (whose address and BibTeX key are meant for machines)."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from generator import load_dataset
from generator.schema.models import KINDS
from tests.helpers import REAL_DATA

pytestmark = pytest.mark.slow

ARTICLE = re.compile(r"<article\b[^>]*>(.*?)</article>", re.S)
HIDDEN = re.compile(
    r'<details class="cite".*?</details>|<script\b.*?</script>|<style\b.*?</style>', re.S
)
TAG = re.compile(r"<[^>]+>")
INTERNAL_WORDS = re.compile(r"\bseed\b|stored copy|\((?:ru|en|zh|ja|de|fr|uk)\)", re.I)


def reader_text(page: str) -> str:
    """The text of a page's article as a reader sees it, the citation box left out."""
    found = ARTICLE.search(page)
    body = HIDDEN.sub(" ", found.group(1) if found else "")
    return " ".join(html.unescape(TAG.sub(" ", body)).split())


def test_reader_text_is_found_and_the_citation_box_left_out() -> None:
    page = (
        '<article class="md-content__inner">Words <b>here</b>'
        '<details class="cite"><summary>Cite this</summary>record x-y-z</details>'
        "<script>var a = 'seed';</script></article>"
    )
    assert reader_text(page) == "Words here"


def test_no_page_shows_internal_words_or_record_ids(site: Path) -> None:
    dataset = load_dataset(REAL_DATA)
    ids = sorted(
        (record_id for kind in KINDS for record_id in getattr(dataset, kind) if "-" in record_id),
        key=len,
        reverse=True,
    )
    id_pattern = re.compile(r"(?<![\w/.-])(?:" + "|".join(map(re.escape, ids)) + r")(?![\w/-])")
    problems = []
    pages = sorted(site.rglob("index.html"))
    assert len(pages) > 150
    for path in pages:
        text = reader_text(path.read_text("utf-8"))
        where = path.relative_to(site).as_posix()
        problems += [f"{where}: {m.group(0)!r}" for m in INTERNAL_WORDS.finditer(text)]
        if not where.startswith("data/"):  # the field reference names files by their ids
            problems += [f"{where}: id {m.group(0)!r}" for m in id_pattern.finditer(text)]
    assert problems == []


NESTED = re.compile(r"\([^()]*\([^()]*\)[^()]*\)")


def test_no_parenthesis_sits_inside_another(site: Path) -> None:
    """"(as Press secretary of the President of Russia (Kremlin spokesman))" reads badly: a
    label that goes into parentheses on the page holds none of its own."""
    problems = []
    for path in sorted(site.rglob("index.html")):
        where = path.relative_to(site).as_posix()
        if where.startswith("data/"):  # the field reference's types, e.g. list(str)
            continue
        text = reader_text(path.read_text("utf-8"))
        problems += [f"{where}: {m.group(0)!r}" for m in NESTED.finditer(text)]
    assert problems == []
