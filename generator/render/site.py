"""Make a site from a checked dataset: render the planned pages to Markdown with Jinja2, add
the published data files and the redirect pages, and refuse pages too large to build.

The templates and their escaping: `templates_env.py`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path

from generator.built_html.term_marks import Glossary
from generator.dataset.link import Dataset
from generator.export.data_files import data_version, exports, records_json
from generator.load.diagnostics import DataError
from generator.render.glossary_terms import glossary
from generator.render.layout import Layout
from generator.render.navigation import Nav, navigation
from generator.render.page_limits import oversized_pages
from generator.render.page_parts import Page
from generator.render.plan import plan
from generator.render.redirect_pages import redirect_pages
from generator.render.settings import SiteSettings
from generator.render.templates_env import environment
from generator.schema.explainer_settings import Explainer
from generator.schema.json_schema import schema_documents

_BLANK_RUNS = re.compile(r"\n{3,}")


def render_pages(pages: list[Page]) -> dict[str, str]:
    """Output path -> Markdown text, LF line endings, one trailing newline."""
    env = environment()
    rendered: dict[str, str] = {}
    for page in pages:
        text = env.get_template(page.template).render(page.variables())
        body = _BLANK_RUNS.sub("\n\n", text).strip("\n") + "\n"
        rendered[page.path] = page.front.text() + body
    return rendered


def render_site(
    dataset: Dataset, site: SiteSettings | None = None, layout: Layout | None = None
) -> dict[str, str]:
    """Every generated page. Glossary terms are marked later, in the HTML
    (`built_html/term_marks.py`).

    Citations carry the data version: a hash of the dataset, unless `site` names one."""
    site = site or SiteSettings.of(dataset.explainer)
    if not site.version:
        site = replace(site, version=data_version(dataset))
    return render_pages(plan(dataset, site, layout))


@dataclass(frozen=True)
class SiteBuild:
    """Everything the core adds to a build; an engine adapter hands it to its engine."""

    files: dict[str, str]
    """Docs-relative path -> text: the generated Markdown pages and the published data files."""
    redirects: dict[str, str]
    """Built-site path (see `redirect_pages.py`) -> a redirect page, for each record that is a
    section of a larger page: written beside the engine's output, not built by it."""
    glossary: Glossary
    """The terms to mark in every built page, generated or hand-written."""
    explainer: Explainer
    """The explainer's settings, for the engine's own (site name, URL, search languages)."""
    nav: Nav
    """The navigation: (title, page path), the home page first."""


def build_site(
    dataset: Dataset,
    settings: SiteSettings | None = None,
    data_dir: Path = Path("data"),
    layout: Layout | None = None,
) -> SiteBuild:
    """The one way a site is made from a checked dataset: the CLI's `render`, the engine
    adapter and the tests all call it. Raises DataError naming the record behind each page
    over `settings.page_limit` (on its file under `data_dir`)."""
    settings = settings or SiteSettings.of(dataset.explainer)
    layout = layout or Layout.of(dataset)  # once: the pages and the redirects follow one layout
    records = records_json(dataset)  # once: the exports and the data version both need it
    version = data_version(dataset, records)  # the preview's citations may say otherwise
    if not settings.version:
        settings = replace(settings, version=version)
    files = {
        **render_site(dataset, settings, layout),
        **exports(dataset, schema_documents(), records, version),
    }
    too_large = oversized_pages(files, dataset, layout, data_dir, settings.page_limit)
    if too_large:
        raise DataError(too_large)
    return SiteBuild(
        files,
        redirect_pages(dataset, layout),
        glossary(dataset),
        dataset.explainer,
        navigation(dataset),
    )
