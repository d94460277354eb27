"""Who publishes an explainer and under what terms, as one footer line every page carries."""

from __future__ import annotations

from html import escape

from generator.render.date_labels import date_label
from generator.schema.explainer_settings import Explainer, Licence


def copyright_line(explainer: Explainer) -> str | None:
    """The footer's HTML (the theme inserts it as it is, so every value is escaped here), or
    None when the settings name no publisher, author, date or licence."""
    parts: list[str] = []
    if explainer.publisher is not None:
        publisher = explainer.publisher
        parts.append(f"Published by {_linked(publisher.name, publisher.url, 'noopener')}.")
    if explainer.authors:
        parts.append(f"Written by {escape(_joined(explainer.authors))}.")
    if explainer.published:
        parts.append(f"First published {escape(date_label(explainer.published))}.")
    text, data = explainer.licence.text, explainer.licence.data
    if text is not None and data is not None and text == data:
        parts.append(f"Text and data: {_licence(text)}.")
    else:
        if text is not None:
            parts.append(f"Text: {_licence(text)}.")
        if data is not None:
            parts.append(f"Data: {_licence(data)}.")
    return " ".join(parts) or None


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
