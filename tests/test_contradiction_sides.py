"""Each side of a contradiction in its own words: no two sides show the same words, unless
the record names the same words at issue for both (`excerpts`)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator import load_dataset
from generator.render.argument_views import contradiction_view
from generator.render.record_links import Mentions
from generator.render.settings import SiteSettings
from generator.render.site import build_site
from tests.helpers import REAL_DATA, SECOND_DATA


@pytest.mark.parametrize("data", [REAL_DATA, SECOND_DATA], ids=["real", "second"])
def test_no_two_sides_show_the_same_words(data: Path) -> None:
    dataset = load_dataset(data)
    m = Mentions.build(dataset, SiteSettings.of(dataset.explainer)).on("contradictions.md")
    for contradiction_id, contradiction in dataset.contradictions.items():
        view = contradiction_view(m, contradiction_id)
        shown: dict[str, int] = {}
        for index, side in enumerate(view.sides):
            words = [c.quote for c in side.statements if c.quote]
            words += [q.quote for q in side.quotes]
            for quote in words:
                other = shown.setdefault(quote, index)
                if other != index:
                    named = set(contradiction.sides[other].excerpts)
                    assert quote in named & set(contradiction.sides[index].excerpts), (
                        contradiction_id,
                        view.sides[other].label,
                        side.label,
                        quote,
                    )


def test_the_translation_dispute_shows_each_outlets_rendering_under_the_original() -> None:
    dataset = load_dataset(REAL_DATA)
    m = Mentions.build(dataset, SiteSettings.of(dataset.explainer)).on("contradictions.md")
    view = contradiction_view(m, "translating-vbrosy")
    quotes = [side.statements[0].quote for side in view.sides]
    assert quotes[1] == "When discussing such topics, you don’t conduct information attacks"
    assert quotes[2] == "[...] leaks to the press [...]"
    assert quotes[0] is not None and quotes[0].startswith("It is known that")
    # The Russian original is shown once, above the sides, with the reporting chain.
    assert view.original is not None and view.original.original_lang == "ru"
    assert "информационные вбросы" in str(view.original.original)
    assert view.original.sources
    for side in view.sides:
        assert [c.original for c in side.statements] == [None]
        assert [c.sources for c in side.statements] == [()]


def test_a_side_quotes_a_report_and_an_article_in_the_words_at_issue() -> None:
    """Price's card shows CNN's words about him, credited to the report; the other side,
    which has sources and no statement, quotes the article that carries its account."""
    dataset = load_dataset(REAL_DATA)
    m = Mentions.build(dataset, SiteSettings.of(dataset.explainer)).on("contradictions.md")
    view = contradiction_view(m, "what-directly-and-repeatedly-described")
    blinken, price = view.sides[0].statements
    assert blinken.quote == (
        "Our governments have communicated repeatedly and directly on that proposal."
    )
    assert blinken.quote_by is None and blinken.quote_note == "excerpt"
    assert price.quote is not None and "'repeatedly' and 'directly'" in price.quote
    assert price.quote_by is not None
    assert price.quote_by.id == "egypt-independent-cnn-when-time-permits"
    assert price.quote_note is None  # "excerpt" would read as Price's own words
    (article,) = view.sides[1].quotes
    assert article.source.id == "republic-world-seed-article"
    assert "“directly” and “repeatedly.\"" in article.quote
    # The source it quotes is not listed again; RT, which it does not quote, is.
    assert [r.id for r in view.sides[1].sources] == ["rt-2022-07-28-busy-lavrov"]
    # On the page, a report's text names the report first: the words are as it gives them.
    page = build_site(dataset).files["contradictions/what-directly-and-repeatedly-described.md"]
    assert (
        "— [Egypt Independent (carrying CNN text)]"
        "(../sources/egypt-independent-cnn-when-time-permits.md), reporting "
        "[Ned Price](../actors/ned-price.md), 28 July 2022"
    ) in page
    assert "— The words of [Republic World](../sources/republic-world-seed-article.md)." in page


def test_no_shared_original_when_the_sides_quote_different_statements() -> None:
    dataset = load_dataset(REAL_DATA)
    m = Mentions.build(dataset, SiteSettings.of(dataset.explainer)).on("contradictions.md")
    for contradiction_id in dataset.contradictions:
        view = contradiction_view(m, contradiction_id)
        cards = [c for side in view.sides for c in side.statements]
        if len({c.statement.id for c in cards}) > 1:
            assert view.original is None, contradiction_id


def test_the_home_page_quotes_a_side_of_sources_from_their_article(tmp_path: Path) -> None:
    """A central contradiction whose side has no statement: its card on the home page quotes
    the words its excerpt takes from a source's article, credited to that source."""
    data = tmp_path / "data"
    shutil.copytree(REAL_DATA, data)
    settings = data / "explainer.yaml"
    settings.write_text(
        settings.read_text(encoding="utf-8").replace(
            "central_contradiction: did-the-us-request-the-call",
            "central_contradiction: what-directly-and-repeatedly-described",
        ),
        encoding="utf-8",
    )
    home = build_site(load_dataset(data)).files["index.md"]
    side = home[home.index("**RT and Republic World**") :]
    side = side[: side.index("</div>")]
    assert "conveyed its request to the Russians “directly” and “repeatedly.\"" in side
    assert "The words of [Republic World](sources/republic-world-seed-article.md)." in side
    # Blinken's side still shows his words at issue, and Price's card is not the one shown.
    assert "Our governments have communicated repeatedly and directly" in home


LONGEST_QUOTE = 250
"""A card on a contradiction quotes a sentence or two: a longer statement is quoted by its
words at issue (`excerpts`), so one side's transcript does not outweigh the other's line."""


@pytest.mark.parametrize("data", [REAL_DATA, SECOND_DATA], ids=["real", "second"])
def test_every_side_is_quoted_at_comparable_length(data: Path) -> None:
    dataset = load_dataset(data)
    m = Mentions.build(dataset, SiteSettings.of(dataset.explainer)).on("contradictions.md")
    for contradiction_id in dataset.contradictions:
        for side in contradiction_view(m, contradiction_id).sides:
            quotes = [c.quote or "" for c in side.statements] + [q.quote for q in side.quotes]
            for quote in quotes:
                assert len(quote) <= LONGEST_QUOTE, (contradiction_id, side.label, quote)
