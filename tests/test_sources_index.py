"""The Sources page gives each source its date and language, and tells apart two sources whose
titles and dates are the same by what they are cited for."""

from __future__ import annotations

from generator import load_dataset
from generator.render.site import build_site
from tests.helpers import REAL_DATA


def test_each_source_line_has_its_date_and_language_and_twins_differ() -> None:
    page = build_site(load_dataset(REAL_DATA)).files["sources/index.md"]
    lines = [line for line in page.splitlines() if line.startswith("- [")]
    assert len(lines) == 82
    assert all(" · " in line for line in lines)
    assert (
        "- [Reuters: Russia has received no U.S. approach for a call from Blinken -Tass]"
        "(reuters-2022-07-27-no-approach.md) · 27 July 2022 · English"
    ) in lines
    assert "(republic-world-seed-article.md) · date not shown · English" in page
    twins = [line for line in lines if line.startswith("- [Vestnik Kavkaza (TASS-based)]")]
    assert len(twins) == 2 and all(" · for [" in line for line in twins)
    assert twins[0].split(" · for ")[1] != twins[1].split(" · for ")[1]
    assert " ru " not in page and "(ru)" not in page  # languages by name
    assert "Russian" in page
