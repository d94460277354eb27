"""BibTeX is one more output context: a title or site name from data stays one field value,
whatever it holds, and LaTeX prints it as written."""

from __future__ import annotations

import html
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.render.citation import bibtex_text, bibtex_url, cite
from generator.render.settings import SiteSettings
from generator.render.templates_env import environment

_COMMANDS = {
    r"\textbackslash{}": "\\", r"\textasciicircum{}": "^", r"\textasciitilde{}": "~",
    r"\{": "{", r"\}": "}", r"\%": "%", r"\#": "#", r"\&": "&", r"\$": "$", r"\_": "_",
}  # fmt: skip
_TOKEN = re.compile("|".join(re.escape(command) for command in _COMMANDS))


def printed(value: str) -> str:
    """What LaTeX prints for a field value made of plain characters and our escapes."""
    return _TOKEN.sub(lambda match: _COMMANDS[match.group()], value)


def balanced(value: str) -> bool:
    """Unescaped braces balance, and none closes before it opens."""
    depth = 0
    for match in re.finditer(r"\\textbackslash\{\}|\\textasciicircum\{\}|\\textasciitilde\{\}"
                             r"|\\[{}%#&$_]|[{}]", value):  # fmt: skip
        token = match.group()
        if token in "{}":
            depth += 1 if token == "{" else -1
            if depth < 0:
                return False
    return depth == 0


@settings(max_examples=500, deadline=None)
@given(st.text())
def test_any_text_is_one_field_value_that_prints_as_itself(value: str) -> None:
    encoded = bibtex_text(value)
    assert balanced(encoded)
    assert "%" not in re.sub(r"\\%", "", encoded)  # no comment can start
    assert printed(encoded) == " ".join(value.split())


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="{}\\%#&$_^~ ab\n", max_size=40))
def test_the_whole_entry_stays_one_entry(title: str) -> None:
    citation = cite(SiteSettings(name=f"Site {title}", version="v1"), title, "x-1", "p/")
    box = str(environment().get_template("cite.html.j2").module.cite_box(citation))  # type: ignore[attr-defined]
    entry = html.unescape(box.split('<pre class="cite-bibtex"><code>', 1)[1].split("</code>", 1)[0])
    assert entry.startswith("@misc{x-1,\n") and entry.endswith("\n}")
    assert balanced(entry[len("@misc") :])
    assert [line.split(" = ")[0] for line in entry.splitlines()[1:-1]] == [
        "  title", "  howpublished", "  urldate", "  note"
    ]  # fmt: skip


def test_an_address_keeps_its_meaning_and_its_field() -> None:
    assert bibtex_url("https://example.org/a%20b/{x}\\") == "https://example.org/a%20b/%7Bx%7D%5C"


def test_a_citation_ends_its_title_with_one_full_stop() -> None:
    site = SiteSettings(name="Site", version="v1")
    assert cite(site, "It was made.", "x-1", "p/").plain.startswith("“It was made.” Site,")
    assert cite(site, "Was it made?", "x-1", "p/").plain.startswith("“Was it made?” Site,")
    assert cite(site, "A title", "x-1", "p/").plain.startswith("“A title.” Site,")
