"""The one Jinja environment: Markdown page templates (`*.md.j2`) and autoescaped HTML fragments
(`*.html.j2`, `*.svg.j2`: shelf sections, edit links, the citation box, redirect pages, the
timeline drawn to scale).

StrictUndefined turns a template's typo into an error instead of a silent blank. Markdown
templates are not autoescaped (HTML escaping is not Markdown escaping): a record's view holds
raw values, which they write through the `md`, `md_block` and `md_link` filters
(`markdown_text.py`); the other strings in their contexts are escaped already. HTML templates
are autoescaped and get raw values: Jinja escapes each one where it is written. Either way no
data string is ever read as markup.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup, escape

from generator.render.language_names import language_name, translation_credit
from generator.render.markdown_text import escape as markdown_escape
from generator.render.markdown_text import escape_block, external_link, paragraphs

TEMPLATES = Path(__file__).parent / "templates"


def _oneline(value: str) -> str:
    """Text with every run of whitespace, line breaks included, made one space."""
    return " ".join(value.split())


def _paragraphs(value: str | None) -> list[str]:
    """Text split at blank lines into paragraphs, each on one line: the paragraphs
    `escape_block` keeps on a Markdown page."""
    if not value:
        return []
    return [_oneline(block) for block in paragraphs(value)]


def _link_html(ref: Any) -> str:
    mark = " <strong>(unverified)</strong>" if ref.unverified else ""
    return f'<a href="{escape(ref.href)}">{escape(_oneline(ref.title))}</a>{mark}'


def _link(ref: Any) -> Markup:
    """A record's link in an HTML fragment (a `Ref` of record_links.py), with its verification
    mark. A filter, not a macro: a macro call per link cost more than a second of the render
    of 1,000 statements' shelves."""
    return Markup(_link_html(ref))


def _links(refs: Any) -> Markup:
    """Some links (a `Refs`), comma-separated, then how many more were left out."""
    shown = ", ".join(_link_html(ref) for ref in refs.shown)
    return Markup(shown + (f" and {refs.more} more" if refs.more else ""))


def _md(value: str | None) -> str:
    """Text as inline Markdown that shows it literally; nothing for no value."""
    return markdown_escape(value) if value else ""


def _md_edges(value: str) -> str:
    """Text between two marks as inline Markdown, a space at either end kept."""
    return markdown_escape(value, keep_edges=True)


def _md_block(value: str | None) -> str:
    """Paragraphs as Markdown that shows them literally; nothing for no value."""
    return escape_block(value) if value else ""


def _md_link(ref: Any) -> str:
    """A record's Markdown link (a `Ref` of record_links.py), with its verification mark."""
    return str(ref.markdown)


def _md_links(refs: Any) -> list[str]:
    """The Markdown links of some references (a `Refs`, or a sequence of `Ref`)."""
    shown = refs.shown if hasattr(refs, "shown") else refs
    return [ref.markdown for ref in shown]


def _external_link(url: str) -> str:
    """A link to another site that shows its own address."""
    return external_link(url, url)


@cache
def environment() -> jinja2.Environment:
    """One environment per process: it keeps the compiled templates (compiling them took a
    quarter of each preview rebuild) and still reloads a template whose file changed."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=jinja2.select_autoescape(
            enabled_extensions=("html.j2", "svg.j2"), default=False
        ),
    )
    env.filters.update(
        language_name=language_name,
        translation_credit=translation_credit,
        oneline=_oneline,
        paragraphs=_paragraphs,
        link=_link,
        links=_links,
        md=_md,
        md_edges=_md_edges,
        md_block=_md_block,
        md_link=_md_link,
        md_links=_md_links,
        external_link=_external_link,
    )
    return env


def fragment(template: str, **context: Any) -> str:
    """An HTML fragment, its blank lines dropped: it goes into Markdown as one raw HTML
    block, which a blank line would end."""
    text = environment().get_template(template).render(context)
    return "\n".join(line for line in text.split("\n") if line.strip())
