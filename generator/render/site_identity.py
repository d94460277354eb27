"""Who publishes an explainer and under what terms: the footer line every page carries, its
links, and the Data page's terms of reuse. Nothing here is invented: what the settings do not
name, the page says is not set."""

from __future__ import annotations

from html import escape
from urllib.parse import urlencode

from generator.render.date_labels import date_label
from generator.render.markdown_text import escape as escape_md
from generator.render.markdown_text import external_link
from generator.schema.explainer_settings import Explainer, Licence


def copyright_line(explainer: Explainer) -> str:
    """The footer's HTML (the theme inserts it as it is, so every value is escaped here): the
    publisher, authors, first publication and licences the settings name, and, without a
    licence, that none is set."""
    parts: list[str] = []
    if explainer.publisher is not None:
        publisher = explainer.publisher
        parts.append(f"Published by {_linked(publisher.name, publisher.url, 'noopener')}.")
    if explainer.authors:
        parts.append(f"Written by {escape(authors_line(explainer))}.")
    if explainer.published:
        parts.append(f"First published {escape(date_label(explainer.published))}.")
    if explainer.updated:
        parts.append(f"Last updated {escape(date_label(explainer.updated))}.")
    text, data = explainer.licence.text, explainer.licence.data
    if text is None and data is None:
        parts.append("No licence for reuse has been set.")
    elif text is not None and data is not None and text == data:
        parts.append(f"Text and data: {_licence(text)}.")
    else:
        if text is not None:
            parts.append(f"Text: {_licence(text)}.")
        if data is not None:
            parts.append(f"Data: {_licence(data)}.")
    return " ".join(parts)


FOOTER_PAGES = (("Corrections", "corrections/"), ("Data and reuse", "data/"))
"""The footer's links to the site's own pages (paths from the site's root; the theme makes
each relative to the page it is on)."""


def footer_links(explainer: Explainer) -> list[tuple[str, str]]:
    """(text, address) of each footer link: the corrections, the data and its terms, and,
    with a repository, where to report an error."""
    links = list(FOOTER_PAGES)
    if explainer.repo_url:
        query = urlencode({"template": "correction.yml"})
        links.append(("Report an error", f"{explainer.repo_url.rstrip('/')}/issues/new?{query}"))
    return links


def reuse_terms(explainer: Explainer) -> list[str]:
    """The Data page's terms of reuse, one Markdown sentence each (every value escaped)."""
    text, data = explainer.licence.text, explainer.licence.data
    lines = []
    if text is None and data is None:
        lines.append(
            "No licence for reuse has been set for this explainer's text or data files, so "
            "none is granted here."
        )
    else:
        for what, licence in (("The text of these pages", text), ("The data files", data)):
            if licence is None:
                lines.append(f"{what}: no licence for reuse has been set.")
            else:
                name = " ".join(licence.name.split())
                shown = external_link(name, licence.url) if licence.url else escape_md(name)
                lines.append(f"{what} may be reused under {shown}.")
    lines.append(
        "Quotations remain the words of their speakers, and each source its publisher's; "
        "the links to them are for checking, not reuse."
    )
    if explainer.publisher is not None:
        publisher = explainer.publisher
        name = " ".join(publisher.name.split())
        shown = external_link(name, publisher.url) if publisher.url else escape_md(name)
        lines.append(f"Published by {shown}.")
    return lines


def authors_line(explainer: Explainer) -> str:
    """The authors' names as one line of plain text: "A", "A and B", "A, B and C"."""
    return _joined(explainer.authors)


def _licence(licence: Licence) -> str:
    return _linked(licence.name, licence.url, "license noopener")


def _linked(name: str, url: str | None, rel: str) -> str:
    shown = escape(" ".join(name.split()))
    if url is None:
        return shown
    return f'<a href="{escape(url, quote=True)}" rel="{rel}">{shown}</a>'


def _joined(names: list[str]) -> str:
    names = [" ".join(name.split()) for name in names]
    if len(names) < 3:
        return " and ".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]
