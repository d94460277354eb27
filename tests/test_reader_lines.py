"""Reader-facing lines of the real explainer: the Sources page gives each source its date and
language and tells apart two sources whose titles and dates are the same; a statement's heading
carries the start of its words."""

from __future__ import annotations

from generator import load_dataset
from generator.render.site import build_site
from tests.helpers import REAL_DATA, SECOND_DATA


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


def _heading(page: str) -> str:
    return next(line for line in page.splitlines() if line.startswith("# "))


def test_a_statement_heading_carries_the_start_of_its_words() -> None:
    files = build_site(load_dataset(REAL_DATA)).files
    heading = _heading(files["statements/2022-07-27-mfa-no-requests.md"])
    assert heading == (
        "# Ministry of Foreign Affairs of the Russian Federation, 27 July 2022: "
        "“There have been no requests, only media reports.”"
    )
    # "U.S." ends no sentence; a long quote is cut at a word's end and marked as cut.
    readout = _heading(files["statements/2022-07-29-mfa-quiet-diplomacy.md"])
    assert readout.endswith("“concerning a possible exchange of Russian and U.S. citizens…”")
    # A paraphrase has no words to quote.
    assert _heading(files["statements/2022-07-29-lavrov-ministry-not-involved.md"]) == (
        "# Sergey Lavrov, 29 July 2022"
    )
    # The words come before the details.
    page = files["statements/2022-07-27-mfa-no-requests.md"]
    assert page.index("Кроме сообщений СМИ") < page.index("## Details")


def test_our_own_translations_are_credited_once() -> None:
    for data in (REAL_DATA, SECOND_DATA):
        text = "".join(build_site(load_dataset(data)).files.values()).casefold()
        assert "by our translation" not in text
    insurer = build_site(load_dataset(SECOND_DATA)).files[
        "statements/2022-02-05-insurer-checking.md"
    ]
    assert "*Our translation (English).*" in insurer
