"""Render planned pages to Markdown with Jinja2.

StrictUndefined turns a template's typo into an error instead of a silent blank; autoescape
is off because the output is Markdown, and every data string in a context is already escaped
(see `markdown_text.py`), so templates never see raw data.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache
from pathlib import Path

import jinja2

from generator.dataset.link import Dataset
from generator.export.data_files import data_version, exports, records_json
from generator.render.citation import SiteInfo
from generator.render.layout import Layout
from generator.render.page_parts import Page
from generator.render.plan import plan
from generator.schema.json_schema import schema_documents

TEMPLATES = Path(__file__).parent / "templates"
_BLANK_RUNS = re.compile(r"\n{3,}")


@cache
def environment() -> jinja2.Environment:
    """One environment per process: it keeps the compiled templates (compiling them took a
    quarter of each preview rebuild) and still reloads a template whose file changed."""
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,
    )


def render_pages(pages: list[Page]) -> dict[str, str]:
    """Output path -> Markdown text, LF line endings, one trailing newline."""
    env = environment()
    rendered: dict[str, str] = {}
    for page in pages:
        text = env.get_template(page.template).render(page.context)
        rendered[page.path] = _BLANK_RUNS.sub("\n\n", text).strip("\n") + "\n"
    return rendered


def render_site(
    dataset: Dataset, site: SiteInfo | None = None, layout: Layout | None = None
) -> dict[str, str]:
    """Every generated page. Glossary terms are marked later, in the HTML
    (`built_html/term_marks.py`).

    Citations carry the data version: a hash of the dataset, unless `site` names one."""
    site = site or SiteInfo()
    if not site.version:
        site = replace(site, version=data_version(dataset))
    return render_pages(plan(dataset, site, layout))


def site_files(
    dataset: Dataset, site: SiteInfo | None = None, layout: Layout | None = None
) -> dict[str, str]:
    """The pages and the published data files: everything a build adds to the docs."""
    records = records_json(dataset)  # once: the exports and the data version both need it
    site = site or SiteInfo()
    if not site.version:
        site = replace(site, version=data_version(dataset, records))
    return {
        **render_site(dataset, site, layout),
        **exports(dataset, schema_documents(), records),
    }
