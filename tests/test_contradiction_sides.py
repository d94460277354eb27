"""Each side of a contradiction in its own words: no two sides show the same words, unless
the record names the same words at issue for both (`excerpt`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator import load_dataset
from generator.render.argument_views import contradiction_view
from generator.render.record_links import Mentions
from generator.render.settings import SiteSettings
from tests.helpers import REAL_DATA, SECOND_DATA


@pytest.mark.parametrize("data", [REAL_DATA, SECOND_DATA], ids=["real", "second"])
def test_no_two_sides_show_the_same_words(data: Path) -> None:
    dataset = load_dataset(data)
    m = Mentions.build(dataset, SiteSettings.of(dataset.explainer)).on("contradictions.md")
    for contradiction_id, contradiction in dataset.contradictions.items():
        view = contradiction_view(m, contradiction_id)
        shown: dict[str, int] = {}
        for index, side in enumerate(view.sides):
            for card in side.statements:
                if not card.quote:
                    continue
                other = shown.setdefault(card.quote, index)
                if other != index:
                    same = contradiction.sides[other].excerpt
                    assert same is not None and same == contradiction.sides[index].excerpt, (
                        contradiction_id,
                        view.sides[other].label,
                        side.label,
                        card.quote,
                    )


def test_the_translation_dispute_shows_each_outlets_rendering_under_the_original() -> None:
    dataset = load_dataset(REAL_DATA)
    m = Mentions.build(dataset, SiteSettings.of(dataset.explainer)).on("contradictions.md")
    view = contradiction_view(m, "translating-vbrosy")
    quotes = [side.statements[0].quote for side in view.sides]
    assert quotes[1] == "When discussing such topics, you don’t conduct information attacks"
    assert quotes[2] == "[...] leaks to the press [...]"
    assert quotes[0] is not None and quotes[0].startswith("It is known that")
    originals = {side.statements[0].original for side in view.sides}
    assert len(originals) == 1 and "информационные вбросы" in str(originals.pop())
