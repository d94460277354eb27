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
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mkdocs.utils.meta import get_data
from pydantic import ValidationError

from generator import load_dataset
from generator.built_html.term_marks import mark_terms
from generator.load.yaml_positions import parse_text
from generator.render.glossary_terms import explanation, glossary
from generator.render.layout import Layout
from generator.render.page_descriptions import shortened
from generator.render.site import render_site
from generator.schema.models import Term
from tests.helpers import BASE_DATA, CONTROLS, EXTENSIONS, INVISIBLE, PAYLOADS

pytestmark = pytest.mark.slow

TEXT_FIELDS = {
    "name", "description", "title", "summary", "text", "label", "analysis", "note", "notes",
    "proposition", "channel", "place", "audience", "speaker_note", "publisher", "by",
    "locator", "excerpt", "definition", "expansion", "missing", "url_missing", "what", "why",
    "kind_label", "translation", "bottom_line",
}  # fmt: skip
# An actor's aliases, and a side's excerpts (set again below, to be copied from the text);
# a glossary term's aliases are set apart below.
LIST_FIELDS = {"aliases", "excerpts"}
TERM_FIELDS = {"term"}
PASSAGE_FIELDS = {"passage"}  # an article's annotation, set to the text the article holds
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
            k: (
                text
                if k in TEXT_FIELDS and isinstance(v, str)
                else [text] * len(v)
                if k in LIST_FIELDS and isinstance(v, list)
                else fill(v, text)
            )
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
    """The base dataset with `text` in every text field, and a glossary term (`plain`, which
    every page's plain text holds) whose alias is `text` when it can be a term."""
    data = tmp / "data"
    shutil.rmtree(data, ignore_errors=True)
    shutil.copytree(BASE_DATA, data)
    (data / "glossary").mkdir()
    (data / "glossary" / "plain.yaml").write_text(
        yaml.safe_dump(
            {
                "term": "plain",
                "aliases": [text] if is_term(text) and text != "plain" else [],
                "expansion": "plain words",
                "definition": "plain words",
                "verification": "verified",
            },
            allow_unicode=True,
            default_style='"',
        ),
        encoding="utf-8",
    )
    # Fields the base dataset leaves out, so that every text field is filled somewhere.
    actor = data / "actors" / "ana-speaker.yaml"
    actor.write_text(actor.read_text(encoding="utf-8") + "aliases: [Ana]\n", encoding="utf-8")
    (data / "sources" / "no-address.yaml").write_text(
        "publisher: A Paper\nurl_missing: Not found online.\npublished: {date: '2022'}\n"
        "language: en\nkind: other-outlet\nverification: verified\n",
        encoding="utf-8",
    )
    for path in data.glob("*/*.yaml"):
        # Our reader keeps dates as text (PyYAML's safe_load would make them date objects).
        parsed, _ = parse_text(path.read_text(encoding="utf-8"), path, path.name)
        assert parsed is not None
        record = fill(parsed.data, text)
        opt_in = ""
        if path.parent.name == "glossary":
            # The alias is set above, as far as the text can be a term; a common word may be.
            record["aliases"] = parsed.data["aliases"]  # type: ignore[index]
            opt_in = "mark_common_words: true\n"
        if path.parent.name == "claims":
            record["bottom_line"] = text  # type: ignore[index]
        # An excerpt is two words or more: the words it quotes (a statement's, an article's)
        # put the text between two.
        quoted = f"Start {text} end."
        if path.name == "2022-07-28-assertion.yaml":
            record["words"]["text"] = quoted  # type: ignore[index]
        if path.parent.name == "contradictions":
            first, second = record["sides"]  # type: ignore[index]
            first["excerpts"] = [quoted]  # from the assertion's words
            # A side that quotes its source's article (whose text is the same).
            second.update(statements=[], sources=["wire-report"], excerpts=[quoted])
            second.pop("translation", None)
        if path.parent.name == "articles":
            article = quoted
            record["text"] = article  # type: ignore[index]
            # The occurrence that starts after "Start " ("a" also occurs inside "Start").
            earlier = [i for i in range(7) if article.startswith(text, i)]
            record["annotations"] = [  # type: ignore[index]
                {"passage": text, "occurrence": str(len(earlier)), "verdict": "accurate",
                 "note": text, "statements": ["2022-07-28-denial"]}
            ]  # fmt: skip
        path.write_text(
            yaml.safe_dump(record, allow_unicode=True, default_style='"') + opt_in,
            encoding="utf-8",
        )
    dataset = load_dataset(data)
    # Shelved: every record a section of a shelf page (render/layout.py), written as HTML, not
    # Markdown.
    layout = Layout.of(dataset, page_limit=1, shelf_size=2) if shelved else None
    # As the site is built: Markdown to HTML, then the glossary's marks on the HTML.
    terms = glossary(dataset)
    pages = {}
    for page, source in render_site(dataset, layout=layout).items():
        parsed = Structure()
        # The front matter as the engines read it: its keys are structure, the rest text
        # (the theme escapes the description: overrides/main.html).
        body, front = get_data(source)
        parsed.shape.append(f"front matter: {sorted(front)}, search: {front.get('search')}")
        parsed.feed(mark_terms(markdown.markdown(body, extensions=EXTENSIONS), terms))
        pages[page] = parsed
    return pages


def collapsed(text: str) -> str:
    return " ".join(text.split())


text_values = st.one_of(
    st.sampled_from([p for p in PAYLOADS if not re.search(r"\n\s*\n", p)]),
    st.text(
        st.characters(exclude_categories=("Cs",), exclude_characters=CONTROLS + "\n" + INVISIBLE),
        min_size=1,
        max_size=60,
    ),
    st.text(alphabet=SYNTAX, min_size=1, max_size=40),
).filter(lambda text: text.strip() != "" and not re.search(r"\n\s*\n", text))


@pytest.fixture(scope="module")
def plain(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Structure]:
    """The site with plain words in every text field: what every example is compared with,
    built once."""
    return site_with("plain words", tmp_path_factory.mktemp("plain"))


@pytest.fixture(scope="module")
def plain_shelved(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Structure]:
    return site_with("plain words", tmp_path_factory.mktemp("plain-shelved"), shelved=True)


@settings(max_examples=120, deadline=None, suppress_health_check=list(HealthCheck))
@given(value=text_values)
def test_no_text_field_can_change_any_page_structure(
    value: str, tmp_path_factory: pytest.TempPathFactory, plain: dict[str, Structure]
) -> None:
    tmp = tmp_path_factory.mktemp("law")
    hostile = site_with(value, tmp / "hostile")
    assert sorted(plain) == sorted(hostile)
    for page in plain:
        if page != "glossary.md":  # lists the records that use the term, which text decides
            assert hostile[page].shape == plain[page].shape, page
    glossary_page = collapsed("".join(hostile["glossary.md"].text))
    assert collapsed(value) in glossary_page
    # The one glossary term's explanation is the only title a mark carries, as text.
    term = load_dataset(tmp / "hostile" / "data").glossary["plain"]
    assert set().union(*(p.titles for p in hostile.values())) <= {explanation(term)}
    assert any(p.titles for p in hostile.values())
    actor = collapsed("".join(hostile["actors/ana-speaker.md"].text))
    assert collapsed(value) in actor
    source = render_site(load_dataset(tmp / "hostile" / "data"))["actors/ana-speaker.md"]
    description = get_data(source)[1]["description"]
    assert description == shortened(f"{value}: {value}")  # the name, then the description
    article = collapsed("".join(hostile["articles/report.md"].text))
    # The passage, then its note number (spacing around the mark aside).
    assert "".join(f"Start {value}1 end.".split()) in "".join(article.split())


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(value=text_values)
def test_no_text_field_can_change_a_shelf_page_structure(
    value: str, tmp_path_factory: pytest.TempPathFactory, plain_shelved: dict[str, Structure]
) -> None:
    tmp = tmp_path_factory.mktemp("shelved")
    plain = plain_shelved
    hostile = site_with(value, tmp / "hostile", shelved=True)
    assert sorted(plain) == sorted(hostile)
    assert "actors/page/1/index.md" in plain and "timeline/page/1/index.md" in plain
    for page in plain:
        if page != "glossary.md":  # lists the records that use the term, which text decides
            assert hostile[page].shape == plain[page].shape, page
    actors = collapsed("".join(hostile["actors/page/1/index.md"].text))
    assert collapsed(value) in actors


def _free_text_fields() -> set[str]:
    """Every field of every model whose value is free text (validated as text or a term)."""
    import typing

    from pydantic import BaseModel

    from generator.schema.models import KINDS

    found: set[str] = set()
    seen: set[type] = set()

    def is_text(annotation: object) -> bool:
        for arg in (annotation, *typing.get_args(annotation)):
            for meta in getattr(arg, "__metadata__", ()):
                if getattr(getattr(meta, "func", None), "__name__", "") in ("_text", "_term"):
                    return True
            if arg is not annotation and is_text(arg):
                return True
        return False

    def walk(model: type[BaseModel]) -> None:
        if model in seen:
            return
        seen.add(model)
        for name, info in model.model_fields.items():
            # pydantic keeps a required field's Annotated metadata apart, an optional one's inside.
            if is_text(info.annotation) or any(
                getattr(getattr(meta, "func", None), "__name__", "") in ("_text", "_term")
                for meta in info.metadata
            ):
                found.add(info.alias or name)
            for arg in (info.annotation, *typing.get_args(info.annotation)):
                for inner in (arg, *typing.get_args(arg)):
                    if isinstance(inner, type) and issubclass(inner, BaseModel):
                        walk(inner)

    for model in KINDS.values():
        walk(model)
    return found


def test_the_law_covers_every_free_text_field_of_every_kind() -> None:
    assert _free_text_fields() == TEXT_FIELDS | LIST_FIELDS | TERM_FIELDS | PASSAGE_FIELDS
