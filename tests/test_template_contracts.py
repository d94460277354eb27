"""Each page template and its typed context agree: the template's variables are exactly the
context dataclass's fields, and every field of a record's view is shown by its page or its
shelf section. A field renamed on one side only, or a field computed and never shown, fails
here instead of leaving a blank (or dead code) on the site."""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from typing import Any

import pytest
from jinja2 import meta, nodes

from generator import load_dataset
from generator.render.argument_views import (
    Card,
    ClaimView,
    ContradictionLine,
    ContradictionView,
    SideView,
    StanceRow,
)
from generator.render.layout import Layout
from generator.render.page_parts import Page
from generator.render.plan import plan
from generator.render.record_views import ActorView, EventView, SourceView, StatementView
from generator.render.settings import SiteSettings
from generator.render.templates_env import TEMPLATES, environment
from generator.render.view_parts import Frame
from tests.helpers import BASE_DATA, REAL_DATA

PAGE_TEMPLATES = sorted(
    path.name for path in TEMPLATES.glob("*.md.j2") if not path.name.startswith("_")
)


def _pages() -> dict[str, list[Page]]:
    """Every page of the real explainer and of the base data with every kind shelved, by
    template: between them they use every page template."""
    site = SiteSettings(repo_url="https://example.org/repo", version="v")
    base = load_dataset(BASE_DATA)
    found: dict[str, list[Page]] = defaultdict(list)
    for page in [
        *plan(load_dataset(REAL_DATA), site),
        *plan(base, site),
        *plan(base, site, Layout.of(base, page_limit=1, shelf_size=2)),
        *plan(base, site, Layout.of(base, page_limit=0, shelf_size=2)),
    ]:
        found[page.template].append(page)
    return found


PAGES = _pages()


def _parse(name: str) -> nodes.Template:
    env = environment()
    assert env.loader is not None
    source, _filename, _uptodate = env.loader.get_source(env, name)
    return env.parse(source)


def _variables(name: str) -> set[str]:
    """The names a template reads from its context (not those it sets or imports)."""
    return set(meta.find_undeclared_variables(_parse(name)))


def _attributes(names: list[str]) -> set[str]:
    """Every attribute any of these templates reads (`v.speaker` -> `speaker`)."""
    return {node.attr for name in names for node in _parse(name).find_all(nodes.Getattr)}


@pytest.mark.parametrize("template", PAGE_TEMPLATES)
def test_a_page_template_reads_exactly_its_contexts_fields(template: str) -> None:
    pages = PAGES.get(template)
    assert pages, f"no page uses {template}: remove it, or plan a page with it"
    wanted = _variables(template)
    for page in pages:
        assert dataclasses.is_dataclass(page.context), f"{page.path}: context is not typed"
        fields = {field.name for field in dataclasses.fields(page.context)}
        shadowing = fields & set(environment().globals)
        assert not shadowing, f"{template}: {sorted(shadowing)} hide Jinja's globals of that name"
        assert wanted <= fields, f"{template} reads {sorted(wanted - fields)}, not in its context"
        assert fields <= wanted, f"{template} never reads {sorted(fields - wanted)}"


VIEWS: dict[type[Any], list[str]] = {
    StatementView: ["statement.md.j2"],
    EventView: ["event.md.j2"],
    ActorView: ["actor.md.j2"],
    SourceView: ["source.md.j2"],
    ClaimView: ["claims.md.j2"],
    ContradictionView: ["contradiction.md.j2", "_contradiction.md.j2"],
    SideView: ["_contradiction.md.j2"],
    Card: ["_contradiction.md.j2", "statements.md.j2"],
    ContradictionLine: ["contradictions_index.md.j2"],
    StanceRow: ["claims.md.j2"],
}
SHARED = ["_macros.md.j2", "sections/shelf.html.j2"]


@pytest.mark.parametrize("view", list(VIEWS), ids=lambda view: view.__name__)
def test_every_field_of_a_records_view_is_shown_by_its_page_or_its_section(
    view: type[Any],
) -> None:
    read = _attributes([*VIEWS[view], *SHARED])
    unread = {field.name for field in dataclasses.fields(view)} - read
    assert unread == set(), f"{view.__name__}: {sorted(unread)} computed but never shown"


def test_every_field_of_the_frame_is_shown() -> None:
    read = _attributes([*(name for names in VIEWS.values() for name in names), *SHARED])
    unread = {field.name for field in dataclasses.fields(Frame)} - read
    assert unread == set(), f"Frame: {sorted(unread)} computed but never shown"


def test_the_contract_check_catches_a_variable_the_context_lacks() -> None:
    """The helpers see a misspelt variable, and a field a template never reads."""
    env = environment()
    parsed = env.parse("{% import '_macros.md.j2' as m %}{% set f = v.frame %}{{ v.wordz }}{{ x }}")
    assert set(meta.find_undeclared_variables(parsed)) == {"v", "x"}
    assert {node.attr for node in parsed.find_all(nodes.Getattr)} == {"frame", "wordz"}
