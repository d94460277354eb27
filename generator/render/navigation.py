"""The site's navigation and the home page's ways in: the sections an explainer has (a kind
with no records has no page and no entry), then its hand-written pages."""

from __future__ import annotations

from dataclasses import dataclass

from generator.dataset.link import Dataset
from generator.load.page_markdown import judge, rendered, resolve_record_links
from generator.load.read_explainer import HandPage
from generator.render.home_page import Section
from generator.render.layout import (
    CORRECTIONS_PAGE,
    DATA_PAGE,
    HOME_PAGE,
    INDEX_PAGES,
    hand_page_path,
)
from generator.render.markdown_text import escape, relative
from generator.render.page_descriptions import page_summary
from generator.render.page_parts import Page
from generator.render.record_links import Mentions

Nav = tuple[tuple[str, str], ...]
"""(title, page path) in order, the home page first."""

_SECTIONS = (
    ("timeline", "Timeline", "every event and statement in true order across time zones."),
    ("contradictions", "Contradictions", "where the accounts disagree, side by side."),
    ("claims", "Claims", "each proposition, and who asserts, denies or declines to confirm it."),
    ("actors", "Actors", "the people and organisations, with everything each said."),
    ("statements", "Statements", "the words, in the original language and in translation."),
    ("sources", "Sources", "every document cited, and how much weight each kind carries."),
    ("articles", "Articles", "published reports read passage by passage against the record."),
    ("glossary", "Glossary", "the terms and names the pages use, explained."),
)
_OPEN_DATA = (
    Section("Data", DATA_PAGE, "every record as open data, with the field reference."),
    Section("Corrections", CORRECTIONS_PAGE, "every change to a record since it was published."),
)


def sections(dataset: Dataset) -> list[Section]:
    """The sections with records, the hand-written pages, then the data and corrections."""
    found = [
        Section(title, INDEX_PAGES[kind], about)
        for kind, title, about in _SECTIONS
        if getattr(dataset, kind) or (kind == "timeline" and dataset.events)
    ]
    found += [
        Section(page.title, hand_page_path(page.name), page_summary(rendered(page.text)))
        for page in dataset.pages
    ]
    return [*found, *_OPEN_DATA]


def navigation(dataset: Dataset) -> Nav:
    return (("Home", HOME_PAGE), *((s.title, s.path) for s in sections(dataset)))


@dataclass(frozen=True)
class HandPageText:
    """`hand_page.md.j2`: a hand-written page, its record links resolved."""

    text: str


def hand_page(m: Mentions, page: HandPage) -> Page:
    """A hand-written page as written, each link to a record given the record's address, and
    an empty link text the record's title."""

    def resolve(record_id: str) -> tuple[str, str]:
        ref = m.ref(record_id)
        # Quotes too: a link may sit inside a quoted attribute of the page's own HTML.
        title = escape(ref.title).replace('"', "&#34;").replace("'", "&#39;")
        return title, relative(m.page, ref.place.page, ref.place.anchor)

    text = resolve_record_links(page.text, resolve, m.targets)
    # `check` judged the page as written; what the engine gets must pass the same judge.
    refused = judge(text).findings
    if refused:
        raise ValueError(f"{page.shown_path}: resolving its record links made {refused[0]}")
    # No front matter: the page's lines stay the lines of its file, so an engine's message
    # about a line of the page points at the line the contributor wrote.
    return Page(m.page, "hand_page.md.j2", HandPageText(text))
