"""Plan the site: one Page per output file, each with its template and a ready context.

Ordering and grouping happen here, never in templates. Every string in a context is safe
Markdown (escaped data, or links built by `Mentions`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import replace

from generator.dataset.link import Dataset
from generator.render.argument_views import (
    card,
    claim_view,
    contradiction_line,
    contradiction_page,
    contradiction_view,
)
from generator.render.article_page import article_page
from generator.render.data_page import data_page
from generator.render.date_labels import date_label
from generator.render.glossary_page import glossary_page
from generator.render.home_page import home_page
from generator.render.language_names import language_name
from generator.render.layout import (
    CORRECTIONS_PAGE,
    DATA_PAGE,
    HOME_PAGE,
    INDEX_PAGES,
    Layout,
    claims_in_reading_order,
    hand_page_path,
)
from generator.render.markdown_text import escape
from generator.render.navigation import hand_page, sections
from generator.render.page_contexts import (
    ActorsIndex,
    ArticlesIndex,
    ClaimsPage,
    ContradictionsIndex,
    ContradictionsPage,
    CorrectionsPage,
    SourcesIndex,
    StatementsIndex,
)
from generator.render.page_parts import FrontMatter, Page
from generator.render.record_links import Mentions, text
from generator.render.record_pages import actor_page, event_page, source_page, statement_page
from generator.render.settings import SiteSettings
from generator.render.shelf_pages import TITLES, pager, section_shelf, shelf_index, shelf_title
from generator.render.timeline_page import timeline_page
from generator.schema.models import Source
from generator.schema.vocabulary import SOURCE_KINDS


def plan(dataset: Dataset, site: SiteSettings, layout: Layout | None = None) -> list[Page]:
    """Every generated page, sorted by path. Every path comes from the layout."""
    base = Mentions.build(dataset, site, layout)
    layout = base.layout
    shelved = layout.shelves
    pages = [
        home_page(base.on(HOME_PAGE), sections(dataset)),
        data_page(dataset, base.on(DATA_PAGE)),
        _corrections(dataset, base.on(CORRECTIONS_PAGE)),
    ]
    pages += [hand_page(base.on(hand_page_path(page.name)), page) for page in dataset.pages]
    if dataset.articles:
        pages.append(_articles_index(dataset, base.on(INDEX_PAGES["articles"])))
    if dataset.glossary:
        pages.append(glossary_page(dataset, base.on(INDEX_PAGES["glossary"])))
    timeline, statements = INDEX_PAGES["timeline"], INDEX_PAGES["statements"]
    if "timeline" in shelved:
        pages += [
            shelf_index(base.on(timeline), "timeline", "Timeline", TIMELINE_INTRO, drawn=True),
            shelf_index(base.on(statements), "timeline", "Statements", STATEMENTS_INTRO),
        ]
    else:
        pages += [
            timeline_page(dataset, base.on(timeline)),
            _statements_index(dataset, base.on(statements)),
        ]
    for group, index_page, intro in (
        ("actors", _actors_index, ACTORS_INTRO),
        ("sources", _sources_index, SOURCES_INTRO),
    ):
        listing = base.on(INDEX_PAGES[group])
        if group in shelved:
            pages.append(shelf_index(listing, group, TITLES[group], intro))
        else:
            pages.append(index_page(dataset, listing))
    for kind, record_page in RECORD_PAGES.items():
        for record_id in getattr(dataset, kind):
            own = layout.own_page(kind, record_id)
            if own is not None:
                pages.append(record_page(base.on(own), record_id))
    for group in ("timeline", "actors", "sources"):
        index = INDEX_PAGES[group]
        pages += [
            section_shelf(base.on(shelf.path), shelf, index) for shelf in shelved.get(group, ())
        ]
    for group, one_page, whole, intro in (
        ("claims", _claims, _claims, CLAIMS_INTRO),
        ("contradictions", _contradictions, _contradictions_index, CONTRADICTIONS_INTRO),
    ):
        index = INDEX_PAGES[group]
        if not getattr(dataset, group):
            continue  # no page for a kind without records: the navigation leaves it out
        if group not in shelved:
            ordered = (
                claims_in_reading_order(dataset) if group == "claims" else dataset.contradictions
            )
            pages.append(whole(dataset, base.on(index), list(ordered)))
            continue
        pages.append(shelf_index(base.on(index), group, TITLES[group], intro))
        for shelf in shelved[group]:
            m = base.on(shelf.path)
            title = shelf_title(shelf, len(shelved[group]))
            pager_links = pager(m, shelved[group], shelf, index)
            pages.append(one_page(dataset, m, list(shelf.ids), title, pager_links))
    return sorted((_described(page) for page in pages), key=lambda page: page.path)


def _described(page: Page) -> Page:
    """An index page with its description; other pages as they are (a record page has its
    own, the home page and the shelves the site's)."""
    description = INDEX_DESCRIPTIONS.get(page.path)
    if description is None or page.front.description:
        return page
    return replace(page, front=replace(page.front, description=description))


INDEX_DESCRIPTIONS = {
    INDEX_PAGES["timeline"]: (
        "Every event and statement in chronological order, each time in its local clock and "
        "in the other time zones the explainer follows."
    ),
    INDEX_PAGES["statements"]: (
        "Every statement in chronological order: who said it and when, the words in the "
        "original language and in translation, and the sources."
    ),
    INDEX_PAGES["actors"]: "The people, organisations and states in the story.",
    INDEX_PAGES["sources"]: (
        "Every document cited, grouped by kind, with its publisher, date and language."
    ),
    INDEX_PAGES["articles"]: "Published articles annotated against the record, passage by passage.",
    INDEX_PAGES["claims"]: (
        "Neutral propositions, what the record shows on each, and the stance each statement "
        "takes on it."
    ),
    INDEX_PAGES["contradictions"]: (
        "Where the accounts disagree: each dispute with its sides in their own words, our "
        "analysis and its status."
    ),
    INDEX_PAGES["glossary"]: "Terms a reader may need explained, with their sources.",
    CORRECTIONS_PAGE: (
        "Every change to a record after it was first published: what changed, why, and the "
        "sources that show it."
    ),
    DATA_PAGE: "Every record behind the site as data files for reuse, with the field reference.",
}
"""Each index page's description for search results and link previews."""


RECORD_PAGES: dict[str, Callable[[Mentions, str], Page]] = {
    "statements": statement_page,
    "events": event_page,
    "actors": actor_page,
    "sources": source_page,
    "articles": article_page,
    "contradictions": contradiction_page,
}
"""The builder of each kind's own page, for the records the layout gives one."""


TIMELINE_INTRO = (
    "Every event and statement in true chronological order across time zones, on numbered "
    "pages. Times are local, with the same moment in the other time zones this explainer "
    "follows."
)
STATEMENTS_INTRO = (
    "Every statement, with the events around it, in chronological order on the timeline's "
    "pages: the words in the original language, the translations, and the sources."
)
ACTORS_INTRO = "Every person, organisation and state, in alphabetical order."
SOURCES_INTRO = "Every source we cite, in alphabetical order of publisher."
CLAIMS_INTRO = "Neutral propositions, and the stance each statement takes on them."
CONTRADICTIONS_INTRO = (
    "Where the accounts disagree, each side with equal prominence, and our analysis."
)


def _contradictions(
    dataset: Dataset, m: Mentions, ids: list[str], title: str = "Contradictions", pager: str = ""
) -> Page:
    items = [contradiction_view(m, record_id) for record_id in ids]
    context = ContradictionsPage(escape(title), pager, items, m.layout.titles_only)
    return Page(m.page, "contradictions.md.j2", context, FrontMatter(boost=2))


def _contradictions_index(dataset: Dataset, m: Mentions, ids: list[str]) -> Page:
    """Each contradiction as its question, with its type and status, linking to its page."""
    items = [contradiction_line(m, record_id) for record_id in ids]
    return Page(m.page, "contradictions_index.md.j2", ContradictionsIndex(items))


def _claims(
    dataset: Dataset, m: Mentions, ids: list[str], title: str = "Claims", pager: str = ""
) -> Page:
    items = [claim_view(m, record_id) for record_id in ids]
    context = ClaimsPage(escape(title), pager, items, m.layout.titles_only)
    return Page(m.page, "claims.md.j2", context, FrontMatter(boost=2))


def _actors_index(dataset: Dataset, m: Mentions) -> Page:
    groups: dict[str, list[dict[str, str]]] = {
        "person": [],
        "group": [],
        "organisation": [],
        "state": [],
    }
    ordered = sorted(dataset.actors.items(), key=lambda item: (item[1].name.casefold(), item[0]))
    for record_id, actor in ordered:
        groups[actor.kind].append({"link": m.to(record_id), "description": text(actor.description)})
    titles = {
        "person": "People",
        "group": "Unnamed and collective speakers",
        "organisation": "Organisations",
        "state": "States",
    }
    return Page(
        m.page,
        "actors.md.j2",
        ActorsIndex([{"title": titles[k], "actors": v} for k, v in groups.items() if v]),
    )


def _statements_index(dataset: Dataset, m: Mentions) -> Page:
    entries = [card(m, i) for i in dataset.timeline if i in dataset.statements]
    return Page(m.page, "statements.md.j2", StatementsIndex(entries))


def _sources_index(dataset: Dataset, m: Mentions) -> Page:
    """Each source with its date and language; two whose titles and dates are the same are
    told apart by the first statement or event that cites them."""
    shown = Counter(
        (m.title(source_id), source.published.date if source.published else "")
        for source_id, source in dataset.sources.items()
    )
    groups = []
    for kind, term in SOURCE_KINDS.terms.items():
        members = sorted(
            (s for s in dataset.sources.items() if s[1].kind == kind),
            key=lambda item: (item[1].publisher.casefold(), item[0]),
        )
        if members:
            groups.append(
                {
                    "title": term.label,
                    "meaning": escape(term.meaning),
                    "sources": [_source_line(dataset, m, i, s, shown) for i, s in members],
                }
            )
    return Page(m.page, "sources.md.j2", SourcesIndex(groups))


def _source_line(
    dataset: Dataset, m: Mentions, source_id: str, source: Source, shown: Counter[tuple[str, str]]
) -> str:
    date = source.published.date if source.published else ""
    parts = [
        m.to(source_id),
        date_label(date) if date else "date not shown",
        ", ".join(language_name(code) for code in source.languages),
    ]
    if shown[(m.title(source_id), date)] > 1:
        citing = [
            i for kind, i in m.cited_by.get(source_id, []) if kind in ("statements", "events")
        ]
        if citing:
            parts.append(f"for {m.to(citing[0])}")
    return " · ".join(parts)


def _articles_index(dataset: Dataset, m: Mentions) -> Page:
    entries = [
        {
            "link": m.to(record_id),
            "passages": len(article.annotations),
            "problems": sum(a.verdict != "accurate" for a in article.annotations),
        }
        for record_id, article in sorted(
            dataset.articles.items(), key=lambda item: (item[1].title.casefold(), item[0])
        )
    ]
    return Page(m.page, "articles.md.j2", ArticlesIndex(entries))


def _corrections(dataset: Dataset, m: Mentions) -> Page:
    """Every correction to every record, newest first (then by record id)."""
    found = [
        (correction.date, record_id, index, correction)
        for record_id, (_kind, record) in m.index.items()
        for index, correction in enumerate(record.corrections)
    ]
    found.sort(key=lambda item: (item[0], item[1], item[2]))
    found.reverse()
    entries = [
        {
            "date": escape(date_label(date)),
            "record": m.to(record_id),
            "what": text(correction.what),
            "why": text(correction.why),
            "sources": m.many(correction.sources),
        }
        for date, record_id, _index, correction in found
    ]
    return Page(m.page, "corrections.md.j2", CorrectionsPage(entries))
