"""One authority for addresses: every page path and permalink is spelt in render/layout.py,
and every other module asks it. A second spelling is how two parts of the site come to
disagree about where a record lives (a citation pointing at a page that moved to a shelf)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from generator.render.layout import INDEX_PAGES, Layout, built_file, permalink
from generator.schema.models import KINDS

ROOT = Path(__file__).resolve().parent.parent
AUTHORITY = ROOT / "generator" / "render" / "layout.py"

# A page path ("x.md", "x.md#a", "kind/...", "kind/index..."), or a built file at an address.
_KIND_FOLDER = re.compile("^(?:" + "|".join(KINDS) + ")/")
_PAGE = re.compile(r"[\w}/-]\.md(?:#|$)|/index\.(?:md|html)|^index\.(?:md|html)$")


def _literal_parts(tree: ast.AST) -> list[tuple[int, str]]:
    """Every string constant in a module, and the literal text of every f-string part, with
    its line; docstrings and comments say where things are and are left out."""
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docstrings
    ]


def spelt_addresses(source: str) -> list[tuple[int, str]]:
    """The strings in `source` that spell a page path or a record's address."""
    return [
        (line, text)
        for line, text in _literal_parts(ast.parse(source))
        if not text.endswith(".md.j2") and (_PAGE.search(text) or _KIND_FOLDER.match(text))
    ]


def test_no_module_but_the_layout_spells_an_address() -> None:
    found = [
        f"{path.relative_to(ROOT)}:{line}: {text!r}"
        for path in sorted((ROOT / "generator").rglob("*.py"))
        if path != AUTHORITY
        for line, text in spelt_addresses(path.read_text(encoding="utf-8"))
    ]
    assert found == [], "ask generator/render/layout.py instead:\n" + "\n".join(found)


def test_the_scan_finds_the_spellings_it_is_for() -> None:
    # What the builders used to write: the test above is only as good as this scan.
    source = '''
def page(record_id, kind):
    """Docstrings may say `statements/<id>.md`."""
    a = f"statements/{record_id}.md"
    b = f"{kind}/{record_id}/index.md"
    c = "timeline.md"
    d = site.absolute(f"actors/{record_id}/")
    e = "statement.md.j2"
    f = "data/{kind}/{record_id}.yaml"
    g = path.endswith(".md")
'''
    assert sorted(line for line, _text in spelt_addresses(source)) == [4, 5, 6, 7]


def test_the_layout_spells_what_the_site_publishes() -> None:
    layout = Layout({}, {})
    assert layout.place("statements", "x").page == "statements/x.md"
    assert layout.place("claims", "x").page == INDEX_PAGES["claims"]
    assert layout.own_page("claims", "x") is None
    assert permalink("claims", "x") == "claims/x/"
    assert built_file("claims", "x") == "claims/x/index.html"
    assert layout.owner("statements/x.md", {"x": "statements"}) == "x"
    assert layout.owner("statements/x.md", {"x": "events"}) is None
    assert layout.owner("claims.md", {"claims": "claims"}) is None
