"""Rendering: golden pages for the base dataset, write-if-changed, stale removal, the CLI."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.synth import write_dataset
from generator import load_dataset
from generator.render.glossary_page import USED_IN_SHOWN
from generator.render.glossary_terms import usages
from generator.render.layout import Layout
from generator.render.settings import SiteSettings
from generator.render.site import render_site
from generator.tools.cli import main
from generator.write.files import write_tree
from tests.helpers import BASE_DATA, REAL_DATA

EXPECTED = Path(__file__).parent / "cases" / "pages"


EXPECTED_SHELVED = Path(__file__).parent / "cases" / "shelved"


@pytest.mark.parametrize("shelved", [False, True], ids=["page-per-record", "shelved"])
def test_base_dataset_renders_the_expected_pages(
    request: pytest.FixtureRequest, shelved: bool
) -> None:
    """The golden pages; shelved: the same data past limits lowered to shelve every kind."""
    dataset = load_dataset(BASE_DATA)
    layout = Layout.of(dataset, page_limit=1, shelf_size=2) if shelved else None
    pages = render_site(dataset, layout=layout)
    folder = EXPECTED_SHELVED if shelved else EXPECTED
    if request.config.getoption("--update-goldens"):
        write_tree(pages, folder)
    expected = {
        p.relative_to(folder).as_posix(): p.read_text(encoding="utf-8")
        for p in folder.rglob("*.md")
    }
    assert sorted(pages) == sorted(expected)
    for path, text in pages.items():
        assert text == expected[path], path


def test_rendering_is_deterministic() -> None:
    assert render_site(load_dataset(REAL_DATA)) == render_site(load_dataset(REAL_DATA))


def test_every_record_has_a_page_or_an_anchor() -> None:
    dataset = load_dataset(REAL_DATA)
    pages = render_site(dataset)
    for kind in ("actors", "statements", "events", "sources", "articles"):
        for record_id in getattr(dataset, kind):
            assert f"{kind}/{record_id}.md" in pages
    for kind in ("claims", "contradictions"):
        for record_id in getattr(dataset, kind):
            assert f"{{ #{record_id} }}" in pages[f"{kind}.md"]
    timeline = pages["timeline.md"]
    for record_id in dataset.timeline:
        assert f'<span id="{record_id}"' in timeline


def test_write_tree_writes_only_changes_and_removes_stale_pages(tmp_path: Path) -> None:
    assert write_tree({"a.md": "A\n", "b/c.md": "C\n"}, tmp_path) == (["a.md", "b/c.md"], [])
    (tmp_path / "keep.txt").write_text("not a page")
    assert write_tree({"a.md": "A\n", "b/c.md": "C\n"}, tmp_path) == ([], [])
    assert write_tree({"a.md": "A2\n"}, tmp_path) == (["a.md"], ["b/c.md"])
    assert not (tmp_path / "b").exists()
    assert (tmp_path / "keep.txt").is_file()


def test_render_command_writes_pages(base_data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["render", "--out", "out", "--data", "data"]) == 0
    assert "files in out:" in capsys.readouterr().out
    assert (base_data.parent / "out" / "timeline.md").is_file()


def test_render_refuses_bad_data_and_writes_nothing(
    base_data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (base_data / "actors" / "foreign-office.yaml").write_text("kind: robot\n", encoding="utf-8")
    assert main(["render", "--out", "out", "--data", "data"]) == 1
    assert not (base_data.parent / "out").exists()


def test_an_article_without_annotations_renders_cleanly(base_data: Path) -> None:
    path = base_data / "articles" / "report.yaml"
    text = path.read_text(encoding="utf-8")
    unannotated = text[: text.index("annotations:")] + "verification: verified\n"
    path.write_text(unannotated, encoding="utf-8")
    page = render_site(load_dataset(base_data))["articles/report.md"]
    assert "No passage of this article has been annotated yet." in page
    assert "annotation-notes" not in page
    assert 'The ministry said there were "no requests".' in page


def test_article_marks_keep_the_spaces_around_them() -> None:
    page = render_site(load_dataset(BASE_DATA))["articles/report.md"]
    assert 'The ministry said <a class="annotation verdict-accurate" id="passage-1"' in page
    assert '"no requests"<sup>1</sup></a>.' in page


def test_no_id_can_produce_a_path_outside_the_output_folder() -> None:
    from generator.schema.field_types import ID_PATTERN

    for hostile in [
        "..",
        "../x",
        "a/b",
        "a\\\\b",
        "/etc",
        ".hidden",
        "a..b",
        "a b",
        "A",
        "é",
        "a-",
        "-a",
        "",
    ]:
        assert not ID_PATTERN.match(hostile), hostile
    for path in render_site(load_dataset(REAL_DATA)):
        parts = Path(path).parts
        assert not Path(path).is_absolute() and ".." not in parts and not path.startswith("."), path


def test_corrections_are_listed_newest_first(base_data: Path) -> None:
    path = base_data / "sources" / "wire-report.yaml"
    text = path.read_text(encoding="utf-8")
    later = 'corrections:\n  - date: "2022-09-01"\n    what: Title fixed.\n    why: A typo.\n'
    path.write_text(
        text.replace("verification: verified\n", later + "verification: verified\n"),
        encoding="utf-8",
    )
    page = render_site(load_dataset(base_data))["corrections.md"]
    assert page.index("1 September 2022") < page.index("2 August 2022")
    source_page = render_site(load_dataset(base_data))["sources/wire-report.md"]
    assert "**1 September 2022**: Title fixed. Why: A typo." in source_page


def test_a_glossary_term_shows_what_every_record_shows(base_data: Path) -> None:
    (base_data / "glossary").mkdir()
    (base_data / "glossary" / "briefing-term.yaml").write_text(
        "term: press availability\ndefinition: A short briefing.\n"
        "notes: Our note on the term.\nmissing: A dictionary entry.\n"
        'corrections:\n  - date: "2022-09-01"\n    what: Definition shortened.\n'
        "    why: It was too long.\n    sources: [wire-report]\nverification: unverified\n",
        encoding="utf-8",
    )
    site = SiteSettings(repo_url="https://example.org/repo")
    page = render_site(load_dataset(base_data), site)["glossary.md"]
    term = page[page.index("## press availability") :]
    assert '!!! warning "Unverified"' in term
    assert "Missing: A dictionary entry." in term
    assert "Our note on the term." in term
    assert "**Corrections:** 1 September 2022: Definition shortened. Why: It was too long." in term
    assert "Sources: [" in term
    assert "Edit this record" in term
    assert "Cite this" not in term


def test_glossary_names_at_most_a_hundred_uses_per_term_and_counts_the_rest(
    tmp_path: Path,
) -> None:
    write_dataset(tmp_path / "data", 150)
    dataset = load_dataset(tmp_path / "data")
    used = usages(dataset)
    page = render_site(dataset)["glossary.md"]
    lines = {line for line in page.splitlines() if line.startswith("**Used in:**")}
    busiest = max(used.values(), key=len)
    assert len(busiest) > USED_IN_SHOWN
    expected_tail = f", and {len(busiest) - USED_IN_SHOWN} more records"
    line = next(line for line in lines if line.endswith(expected_tail))
    assert line.count("](") == USED_IN_SHOWN
    for line in lines:
        assert line.count("](") <= USED_IN_SHOWN
