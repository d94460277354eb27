"""Hand-written pages are held to what the HTML they render to may contain: every way of
writing a tag, an event handler or a script address in Markdown is a `check` error, and
ordinary Markdown (code, tables, footnotes, admonitions, record links in every form) is not."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from generator import check_data
from generator.load.page_markdown import PAGE_EXTENSIONS
from generator.render.site import build_site
from tests.helpers import CONFIG

HOSTILE_PAGES = {
    "unclosed fence": "# T\n\n```\n\n<script>alert(1)</script>\n",
    "indented fence": "# T\n\n ```python foo\n<script>alert(1)</script>\n",
    "handler on a paragraph": '# T\n\nhello\n{: onmouseover="alert(7)" }\n',
    "handler on a heading": "# T\n\n## H {: onclick=alert(777) }\n",
    "handler on an image": '# T\n\n![i](https://x.example/a.png){: onerror="alert(19)" }\n',
    "href set by an attribute list": '# T\n\n[l](https://x.example){: href="javascript:x()" }\n',
    "style overlay": '# T\n\ntext\n{: style="position:fixed;inset:0" }\n',
    "reference on the next line": "# T\n\n[x][a]\n\n[a]:\n    javascript:alert(1)\n",
    "reference in a quote": "# T\n\n[b]\n\n> [b]: javascript:alert(2)\n",
    "reference in a list": "# T\n\n[e]\n\n- [e]: javascript:alert(3)\n",
    "link across lines": "# T\n\n[click](\njavascript:alert(17))\n",
    "entity in the scheme": "# T\n\n[c](java&#115;cript:alert(1))\n",
    "tab in the scheme": "# T\n\n[c](java\tscript:alert(1))\n",
    "backslash before a tag": "# T\n\n\\<img src=x onerror=alert(1)>\n",
    "comment": "# T\n\n<!-- hidden -->\n",
    "html block": '# T\n\n<div onclick="alert(1)">x</div>\n',
    "CDATA hiding a tag": "# T\n\n<![CDATA[ x><img src=x onerror=alert(1)> ]]>\n",
    "NUL after a tag name": "# T\n\nhover <span\x00 onmouseover=alert(1)>q</span>\n",
    "unquoted attribute": "# T\n\n<span class=x onmouseover=alert(1)>q</span>\n",
    "single-quoted attribute": "# T\n\n<span title='x' onclick='alert(1)'>q</span>\n",
    "YAML front matter": '---\ntitle: "\\x3cimg src=x onerror=alert(1)\\x3e"\n---\n\n# T\n',
    "MultiMarkdown metadata": "Title: &lt;b&gt;\n\n# T\n",
}


def _page_problems(base_data: Path, text: str) -> list[str]:
    (base_data / "pages").mkdir(exist_ok=True)
    (base_data / "pages" / "p.md").write_text(text, encoding="utf-8")
    _dataset, problems = check_data(base_data)
    return [p.code for p in problems if p.path.endswith("p.md")]


@pytest.mark.parametrize("text", HOSTILE_PAGES.values(), ids=HOSTILE_PAGES.keys())
def test_a_hostile_page_is_refused(base_data: Path, text: str) -> None:
    codes = _page_problems(base_data, text)
    refusals = {"raw-html", "unsafe-link", "bad-character", "page-without-title"}
    assert codes and set(codes) <= refusals, codes


SAFE_PAGE = """# About {braces} and `<b>`

Text with *emphasis*, `code <script>`, a [link](https://example.org/ "Example") and
[the denial](record:2022-07-28-denial "its page"), [the claim]( record:request-made ),
[](RECORD:2022-07-28-assertion) and [a reference][r].

```html
<script>alert("shown as code")</script> [x](record:not-a-record)
```

| Left | Right |
|:-----|------:|
| a    | b     |

!!! note "A note"
    Inside a note.

Footnoted.[^1]

## A heading { #custom-id .wide }

[^1]: The footnote.

[r]: record:was-it-requested
"""


def test_ordinary_markdown_passes_and_every_record_link_resolves(base_data: Path) -> None:
    assert _page_problems(base_data, SAFE_PAGE) == []
    dataset, problems = check_data(base_data)
    assert dataset is not None, problems
    page = build_site(dataset).files["p.md"]
    assert "record:" not in page.replace("[x](record:not-a-record)", "")
    assert '](statements/2022-07-28-denial.md "its page")' in page
    assert "](claims.md#request-made )" in page
    assert "[Ana Speaker, 28 July 2022: She says a request was made.](statements/" in page
    assert "[r]: contradictions/was-it-requested.md" in page


def test_the_pages_extensions_are_the_sites() -> None:
    configured = [
        name if isinstance(name, str) else next(iter(name))
        for name in CONFIG["markdown_extensions"]
    ]
    assert set(PAGE_EXTENSIONS) == {*configured, "toc", "tables", "fenced_code"}


def test_a_record_title_cannot_leave_the_attribute_a_link_to_it_sits_in(base_data: Path) -> None:
    """A page may put a record link inside its own HTML's attribute; the record's title goes in
    with its quotes escaped, so a hostile title stays in the attribute."""
    claim = base_data / "claims" / "request-made.yaml"
    hostile = 'x" tabindex="0" autofocus onfocus="alert(1)//'
    claim.write_text(
        claim.read_text(encoding="utf-8").replace(
            "proposition: A request was made.", f"proposition: '{hostile}'"
        ),
        encoding="utf-8",
    )
    assert _page_problems(base_data, '# T\n\n<div class="[](record:request-made)">hi</div>\n') == []
    dataset, problems = check_data(base_data)
    assert dataset is not None, problems
    page = build_site(dataset).files["p.md"]
    assert 'autofocus onfocus="alert' not in page
    assert "x&#34; tabindex=&#34;0&#34; autofocus" in page


def test_a_page_of_brackets_is_refused_at_once(base_data: Path) -> None:
    """Python-Markdown's time to read '[' grows with their square: a page of 200,000 would
    stop `check` and the build for hours; it is refused before it is read."""
    started = time.perf_counter()
    codes = _page_problems(base_data, "# T\n\n" + "![" * 100_000)
    assert codes == ["too-many"]
    assert time.perf_counter() - started < 5
