"""Each page's description for search results and link previews: built from the record's own
fields, one line, at most 200 characters, cut where a reader would cut, and marked when the
record is unverified."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from generator import load_dataset
from generator.render.page_descriptions import (
    LIMIT,
    page_summary,
    record_description,
    sentence,
    shortened,
)
from generator.render.record_links import Mentions
from generator.render.settings import SiteSettings
from generator.render.site import build_site
from tests.helpers import BASE_DATA, REAL_DATA


def describe(data: Path, kind: str, record_id: str) -> str:
    dataset = load_dataset(data)
    return record_description(
        Mentions.build(dataset, SiteSettings.of(dataset.explainer)), kind, record_id
    )


@pytest.mark.parametrize(
    ("kind", "record_id", "expected"),
    [
        ("statements", "2022-07-28-denial", None),
        ("actors", "foreign-office", "Foreign Office: A ministry."),
        ("events", "2022-07-28-briefing", None),
        ("sources", "wire-report", None),
        ("contradictions", "was-it-requested", None),
    ],
)
def test_each_kind_is_described_from_its_record(
    kind: str, record_id: str, expected: str | None
) -> None:
    found = describe(BASE_DATA, kind, record_id)
    record = yaml.safe_load((BASE_DATA / kind / f"{record_id}.yaml").read_text(encoding="utf-8"))
    if expected is not None:
        assert found == expected
    if kind == "statements":
        assert found.startswith("Foreign Office, 28 July 2022: ")
        assert " ".join(record["summary"].split())[:40] in found
    if kind == "events":
        assert found.startswith("28 July 2022: ")
    if kind == "contradictions":
        assert " Status: " in found and ".. " not in found
    assert "\n" not in found and len(found) <= LIMIT


def test_an_unverified_record_says_so_first(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(BASE_DATA, data)
    path = data / "statements" / "2022-07-28-denial.yaml"
    text = path.read_text(encoding="utf-8").replace("verification: verified", "")
    path.write_text(text + "verification: unverified\nmissing: A second source.\n", "utf-8")
    assert describe(data, "statements", "2022-07-28-denial").startswith(
        "Unverified: Foreign Office, 28 July 2022: "
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ends with a full stop.", "Ends with a full stop."),
        ("A question?", "A question?"),
        ("Quoted “in full.”", "Quoted “in full.”"),
        ("No ending", "No ending."),
        ("Trailing space  ", "Trailing space."),
    ],
)
def test_a_sentence_ends_once(text: str, expected: str) -> None:
    assert sentence(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("two\nlines\u2028and\ttabs", "two lines and tabs"),
        ("10\u00a0km and «\u202fFrench\u202f»", "10\u00a0km and «\u202fFrench\u202f»"),
        ("word " * 60, ("word " * 39).strip() + "…"),
        ("a " + "x" * 300, "a " + "x" * 196 + "…"),
        ("x" * 197 + "e\u0301" + "y" * 10, "x" * 197 + "…"),
        ("x" * 197 + "👍🏽" + "y" * 10, "x" * 197 + "…"),
        ("x" * 196 + "👍🏽" + "y" * 10, "x" * 196 + "👍🏽…"),
        ("cited for “" + "word " * 60, "cited for “" + ("word " * 37).strip() + "…”"),
    ],
)
def test_shortened_cuts_where_a_reader_would(text: str, expected: str) -> None:
    assert shortened(text) == expected
    assert len(shortened(text)) <= LIMIT


def test_a_hand_written_page_is_summed_up_by_its_first_sentence() -> None:
    html = (
        "<h1>Notes</h1>\n<h2>How</h2>\n<p>Every <em>record</em> cites a <a href='x'>source</a>"
        " &amp; more. A second sentence.</p>\n<p>Another paragraph.</p>"
    )
    assert page_summary(html) == "Every record cites a source & more."
    assert page_summary("<h1>Only a title</h1>") == ""
    assert page_summary("<p>Tags &lt;b&gt; stay text</p>") == "Tags <b> stay text"


def test_the_home_page_says_what_each_hand_written_page_is() -> None:
    files = build_site(load_dataset(REAL_DATA)).files
    line = next(x for x in files["index.md"].splitlines() if x.startswith("- [Methodology]"))
    assert line == (
        "- [Methodology](methodology.md): Every actor, event and statement on this site is a "
        "record in the repository's data/ folder, and every record cites at least one source."
    )
    # Its lines stay those of its file, for the engines' messages about a line.
    assert files["methodology.md"].startswith("# Methodology\n")
