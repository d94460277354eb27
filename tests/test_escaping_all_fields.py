"""The escaping law over the whole site: put the same string in every text field of every
kind, render every page, convert it with the site's Markdown extensions and parse the HTML.

Nothing in the string may change the page's structure: the sequence of elements and attribute
names must be exactly what plain words give. And the string must appear as text, literally.
The one piece of structure text may carry is a blank line, which starts a new paragraph in the
fields that hold paragraphs (article text, analysis, notes); test_escaping checks that case.
"""

from __future__ import annotations

import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import markdown
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from generator import load_dataset
from generator.glossary import explanation, glossary
from generator.layout import Layout
from generator.models import Term
from generator.render import render_site
from generator.term_marks import mark_terms
from generator.yamlio import parse_text
from tests.conftest import BASE_DATA
from tests.test_escaping import EXTENSIONS, PAYLOADS
from tests.test_properties import CONTROLS, INVISIBLE

TEXT_FIELDS = {
    "name", "description", "title", "summary", "text", "label", "analysis", "note", "notes",
    "proposition", "channel", "place", "audience", "speaker_note", "publisher", "by",
    "locator", "excerpt", "definition", "expansion", "missing",
}  # fmt: skip
SYNTAX = "<>&[](){}*_`#!|~-+.:=\"'\\/%@^$ ab"


class Structure(HTMLParser):
    """Elements and attribute names, apart from glossary marks (how many there are depends on
    the text), whose titles are collected."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.shape: list[str] = []
        self.text: list[str] = []
        self.titles: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "abbr":
            self.titles.add(dict(attrs).get("title") or "")
            return
        self.shape.append(f"<{tag} {' '.join(sorted(name for name, _ in attrs))}>")

    def handle_endtag(self, tag: str) -> None:
        if tag != "abbr":
            self.shape.append(f"</{tag}>")

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def fill(value: object, text: str) -> object:
    if isinstance(value, dict):
        return {
            k: (text if k in TEXT_FIELDS and isinstance(v, str) else fill(v, text))
            for k, v in value.items()
        }
    if isinstance(value, list):
        return [fill(item, text) for item in value]
    return value


def is_term(text: str) -> bool:
    try:
        Term.model_validate({"term": text, "definition": "d", "verification": "verified"})
    except ValidationError:
        return False
    return True


def site_with(text: str, tmp: Path, shelved: bool = False) -> dict[str, Structure]:
    """The base dataset with `text` in every text field, and a glossary term (`words`, which
    every page's plain text holds) whose alias is `text` when it can be a term."""
    data = tmp / "data"
    shutil.rmtree(data, ignore_errors=True)
    shutil.copytree(BASE_DATA, data)
    (data / "glossary").mkdir()
    (data / "glossary" / "words.yaml").write_text(
        yaml.safe_dump(
            {
                "term": "words",
                "aliases": [text] if is_term(text) and text != "words" else [],
                "expansion": "plain words",
                "definition": "plain words",
                "verification": "verified",
            },
            allow_unicode=True,
            default_style='"',
        ),
        encoding="utf-8",
    )
    for path in data.glob("*/*.yaml"):
        # Our reader keeps dates as text (PyYAML's safe_load would make them date objects).
        parsed, _ = parse_text(path.read_text(encoding="utf-8"), path, path.name)
        assert parsed is not None
        record = fill(parsed.data, text)
        if path.parent.name == "articles":
            record["text"] = f"Start {text} end."  # type: ignore[index]
            record["annotations"] = []  # type: ignore[index]
        path.write_text(
            yaml.safe_dump(record, allow_unicode=True, default_style='"'), encoding="utf-8"
        )
    dataset = load_dataset(data)
    # Shelved: every record a section of a shelf page (layout.py), written as HTML, not Markdown.
    layout = Layout.of(dataset, page_limit=1, shelf_size=2) if shelved else None
    # As the site is built: Markdown to HTML, then the glossary's marks on the HTML.
    terms = glossary(dataset)
    pages = {}
    for page, source in render_site(dataset, layout=layout).items():
        parsed = Structure()
        parsed.feed(mark_terms(markdown.markdown(source, extensions=EXTENSIONS), terms))
        pages[page] = parsed
    return pages


def collapsed(text: str) -> str:
    return " ".join(text.split())


text_values = st.one_of(
    st.sampled_from([p for p in PAYLOADS if not re.search(r"\n\s*\n", p)]),
    st.text(
        st.characters(
            exclude_categories=("Cs",), exclude_characters=CONTROLS + "\n" + INVISIBLE
        ),
        min_size=1,
        max_size=60,
    ),
    st.text(alphabet=SYNTAX, min_size=1, max_size=40),
).filter(lambda text: text.strip() != "" and not re.search(r"\n\s*\n", text))


@settings(max_examples=120, deadline=None, suppress_health_check=list(HealthCheck))
@given(value=text_values)
def test_no_text_field_can_change_any_page_structure(value: str, tmp_path_factory: object) -> None:
    tmp = tmp_path_factory.mktemp("law")  # type: ignore[attr-defined]
    plain = site_with("plain words", tmp / "plain")
    hostile = site_with(value, tmp / "hostile")
    assert sorted(plain) == sorted(hostile)
    for page in plain:
        if page != "glossary.md":  # lists the records that use the term, which text decides
            assert hostile[page].shape == plain[page].shape, page
    glossary_page = collapsed("".join(hostile["glossary.md"].text))
    assert collapsed(value) in glossary_page
    # The one glossary term's explanation is the only title a mark carries, as text.
    term = load_dataset(tmp / "hostile" / "data").glossary["words"]
    assert set().union(*(p.titles for p in hostile.values())) <= {explanation(term)}
    assert any(p.titles for p in hostile.values())
    actor = collapsed("".join(hostile["actors/ana-speaker.md"].text))
    assert collapsed(value) in actor
    article = collapsed("".join(hostile["articles/report.md"].text))
    assert collapsed(f"Start {value} end.") in article


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(value=text_values)
def test_no_text_field_can_change_a_shelf_page_structure(
    value: str, tmp_path_factory: object
) -> None:
    tmp = tmp_path_factory.mktemp("shelved")  # type: ignore[attr-defined]
    plain = site_with("plain words", tmp / "plain", shelved=True)
    hostile = site_with(value, tmp / "hostile", shelved=True)
    assert sorted(plain) == sorted(hostile)
    assert "actors/page/1.md" in plain and "timeline/page/1.md" in plain
    for page in plain:
        if page != "glossary.md":  # lists the records that use the term, which text decides
            assert hostile[page].shape == plain[page].shape, page
    actors = collapsed("".join(hostile["actors/page/1.md"].text))
    assert collapsed(value) in actors
