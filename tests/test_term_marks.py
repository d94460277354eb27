"""Glossary marking on finished HTML: the only change a term can make to a page is an `abbr`
element around an occurrence of it, whatever the term, its definition or the page hold."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from generator.built_html.term_marks import MARK_BUDGET, Glossary, mark_terms
from generator.render.glossary_terms import TOOLTIP_LIMIT, explanation
from generator.schema.models import Term


class _Shape(HTMLParser):
    """Start and end tags (abbr apart), text, and each abbr's title with its text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.text: list[str] = []
        self.marks: list[tuple[str, str]] = []
        self._title: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "abbr" and self._title is None:
            self._title = dict(attrs).get("title") or ""
            self.marks.append((self._title, ""))
            return
        self.tags.append(f"<{tag} {sorted(attrs)}>")

    def handle_endtag(self, tag: str) -> None:
        if tag == "abbr" and self._title is not None:
            self._title = None
            return
        self.tags.append(f"</{tag}>")

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if self._title is not None:
            title, seen = self.marks[-1]
            self.marks[-1] = (title, seen + data)


def shape(page: str) -> _Shape:
    parser = _Shape()
    parser.feed(page)
    parser.close()
    return parser


def glossary_of(pairs: dict[str, str]) -> Glossary:
    return Glossary.of(pairs)


HOSTILE = [
    '<img src=x onerror="alert(1)">',
    "</abbr><script>alert(1)</script>",
    "\" onmouseover=\"alert(1)",
    "&amp; &lt;b&gt; &#60;",
    "\x02wzxhzdk:1\x03",
    "{{ config }} {% raw %}",
]
WORDS = ["TASS", "SCO", "amp", "https", "wzxhzdk", "lt", "1", "quiet diplomacy", "МИД", "x"]


@st.composite
def pages(draw: st.DrawFn) -> str:
    """HTML as the Markdown engine writes it: escaped text in paragraphs, links, code, a
    script, attributes holding terms, comments and entities."""
    texts = st.lists(st.sampled_from([*WORDS, *HOSTILE, " ", ". ", "-", "TASSx", "xTASS"]))
    parts: list[str] = []
    for text in draw(st.lists(texts, min_size=1, max_size=6)):
        words = html.escape("".join(text), quote=False)
        wrapper = draw(st.sampled_from(["p", "a", "code", "h2", "script", "li", "em"]))
        if wrapper == "a":
            link = '<a href="https://TASS.example/?a=1&amp;b=SCO" title="SCO">'
            parts.append(f"<p>{link}{words}</a></p>")
        elif wrapper == "script":
            parts.append(f'<script type="application/ld+json">{{"x": "{words}"}}</script>')
        else:
            parts.append(f"<{wrapper}>{words}</{wrapper}><!-- TASS -->")
    return "\n".join(parts)


@given(
    page=pages(),
    forms=st.dictionaries(
        st.sampled_from([*WORDS, "quiet", "TASS x"]), st.sampled_from([*HOSTILE, "plain"])
    ),
)
def test_marking_adds_only_abbr_elements_with_the_explanation(
    page: str, forms: dict[str, str]
) -> None:
    before, after = shape(page), shape(mark_terms(page, glossary_of(forms)))
    assert after.tags == before.tags
    assert "".join(after.text) == "".join(before.text)
    for title, text in after.marks:
        assert text in forms and title == forms[text]


def test_forms_are_found_as_whole_words_outside_code_and_scripts() -> None:
    glossary = glossary_of({"TASS": "news agency", "quiet diplomacy": "talks out of view"})
    page = (
        "<p>TASS, TASSx, xTASS and quiet diplomacy.</p><pre><code>TASS</code></pre>"
        '<script>var a = "TASS";</script><p title="TASS">x</p>'
    )
    assert mark_terms(page, glossary) == (
        '<p><abbr title="news agency">TASS</abbr>, TASSx, xTASS and '
        '<abbr title="talks out of view">quiet diplomacy</abbr>.</p><pre><code>TASS</code></pre>'
        '<script>var a = "TASS";</script><p title="TASS">x</p>'
    )


def test_the_explanation_is_an_attribute_value_never_markup() -> None:
    glossary = glossary_of({"SCO": '<img src=x onerror="alert(1)"> & "quotes"'})
    marked = mark_terms("<p>SCO</p>", glossary)
    assert marked == (
        '<p><abbr title="&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; '
        '&quot;quotes&quot;">SCO</abbr></p>'
    )


def test_placeholder_and_entity_words_mark_only_text() -> None:
    glossary = glossary_of({"amp": "a", "wzxhzdk": "b", "https": "c", "quot": "d"})
    page = '<p>&amp; &quot; <a href="https://x.example">https</a> wzxhzdk:1</p>'
    assert mark_terms(page, glossary) == (
        '<p>&amp; &quot; <a href="https://x.example"><abbr title="c">https</abbr></a> '
        '<abbr title="b">wzxhzdk</abbr>:1</p>'
    )


def test_a_long_definition_is_cut_for_the_tooltip() -> None:
    term = Term.model_validate(
        {"term": "SCO", "definition": "word " * 3_999, "verification": "verified"}
    )
    text = explanation(term)
    assert len(text) <= TOOLTIP_LIMIT and text.endswith("…")


@pytest.mark.parametrize(
    "form",
    ["\\url", "TASS]: x", "*[x]", "12", "2022.", "x", "<img>", "a  b", " SCO", "SCO ",
     "La\u200bvrov", "\u202eSCO", "-SCO", "SCO-", "{{ x }}", "wz\x02x", "Minis\u034ftry",
     "Foreign\u3164Office", "Spokes\u17b4person", "Ana\u115fSpeaker"],
)  # fmt: skip
def test_terms_that_are_not_words_are_refused(form: str) -> None:
    with pytest.raises(ValidationError) as raised:
        Term.model_validate({"term": form, "definition": "d", "verification": "verified"})
    assert raised.value.errors()[0]["type"] == "bad-term"


@pytest.mark.parametrize(
    "form", ["SCO", "U.S.", "quiet diplomacy", "information throw-ins", "ШОС", "Lavrov's", "G7"]
)
def test_ordinary_terms_are_accepted(form: str) -> None:
    Term.model_validate({"term": form, "definition": "d", "verification": "verified"})


def test_marking_is_linear_in_the_page_however_many_forms_share_a_word() -> None:
    """42,000 forms that all start with the same word, and a page of 40,000 of that word and
    10,000 forms: each word costs as many steps as the longest form has tokens."""
    import time

    glossary = glossary_of({f"Zorg q{n}x": "e" for n in range(42_000)})
    page = "<p>" + "Zorg " * 40_000 + " ".join(f"Zorg q{n}x" for n in range(10_000)) + "</p>"
    started = time.perf_counter()
    marked = mark_terms(page, glossary)
    assert time.perf_counter() - started < 2.0
    assert len(re.findall("<abbr", marked)) == 10_000


def test_a_page_gains_at_most_the_mark_budget() -> None:
    """A frequent word with a definition that escapes to five times its length: the page
    stops gaining marks at the budget instead of growing by 90 MB."""
    glossary = glossary_of({"Zo": '&<>"' * 75})
    page = "<p>" + "Zo " * 65_000 + "</p>"
    marked = mark_terms(page, glossary)
    assert 0 < len(marked) - len(page) <= MARK_BUDGET
    assert marked.count("<abbr") == marked.count("</abbr>") > 100
    assert shape(marked).tags == shape(page).tags
