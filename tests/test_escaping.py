"""The escaping law: any text from data renders as exactly that text, and nothing in it is
read as HTML, Markdown, an extension's syntax or a template expression."""

from __future__ import annotations

from html.parser import HTMLParser

import markdown
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.render.markdown_text import escape, escape_block
from tests.helpers import CONFIG, EXTENSIONS, PAYLOADS


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def rendered(markdown_text: str) -> tuple[str, list[str]]:
    parser = _Text()
    parser.feed(markdown.markdown(markdown_text, extensions=EXTENSIONS))
    return "".join(parser.parts), parser.tags


def collapsed(text: str) -> str:
    return " ".join(text.split())


@settings(max_examples=400, deadline=None)
@given(st.text(st.characters(exclude_categories=("Cs", "Cc")), max_size=120))
def test_any_text_renders_as_itself(value: str) -> None:
    text, tags = rendered(f"Before {escape(value)} after")
    assert tags == ["p"]
    assert collapsed(text) == collapsed(f"Before {value} after")


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="<>&[](){}*_`#!|~-+.:=\"'\\/%@^$ \nab", max_size=80))
def test_syntax_heavy_text_renders_as_itself(value: str) -> None:
    text, tags = rendered(f"Before {escape(value)} after")
    assert tags == ["p"]
    assert collapsed(text) == collapsed(f"Before {value} after")


def test_known_payloads_render_literally() -> None:
    for payload in PAYLOADS:
        text, tags = rendered(escape(payload))
        assert tags == ["p"], payload
        assert text == collapsed(payload), payload


def test_paragraphs_are_kept_and_each_is_escaped() -> None:
    text, tags = rendered(escape_block("<b>one</b>\n\n# two\n"))
    assert tags == ["p", "p"]
    assert text.replace("\n", "") == "<b>one</b># two"


def test_heading_anchors_keep_cyrillic() -> None:
    toc = next(
        item["toc"]
        for item in CONFIG["markdown_extensions"]
        if isinstance(item, dict) and "toc" in item
    )
    assert "slugify" in toc, "mkdocs.yml must set toc.slugify"
    from pymdownx.slugs import slugify

    html = markdown.markdown(
        "## Мегафонная дипломатия",
        extensions=["toc"],
        extension_configs={"toc": {"slugify": slugify(case="lower")}},
    )
    assert 'id="мегафонная-дипломатия"' in html
