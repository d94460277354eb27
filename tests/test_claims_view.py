"""Claims open with what the record shows, the central one first."""

from __future__ import annotations

from pathlib import Path

from generator import load_dataset
from generator.render.argument_views import PASSIVE
from generator.render.site import render_site
from generator.schema.vocabulary import STANCES
from tests.helpers import BASE_DATA, REAL_DATA


def test_every_stance_has_its_words_in_the_bottom_line() -> None:
    assert sorted(PASSIVE) == sorted(STANCES.values)


def test_a_claim_without_a_bottom_line_opens_with_who_takes_which_stance() -> None:
    page = render_site(load_dataset(BASE_DATA))["claims.md"]
    assert "**In short:** Asserted by Ana Speaker; denied by Foreign Office." in page


def test_the_bottom_line_is_shown_first_and_escaped(base_data: Path) -> None:
    claim = base_data / "claims" / "request-made.yaml"
    claim.write_text(
        claim.read_text("utf-8").replace(
            "stances:", "bottom_line: 'Unsettled <b>*so far*</b>.'\nstances:", 1
        ),
        "utf-8",
    )
    page = render_site(load_dataset(base_data))["claims.md"]
    line = next(line for line in page.splitlines() if line.startswith("**In short:**"))
    assert line.startswith("**In short:** Unsettled &#60;b&#62;&#42;so far&#42;&#60;/b&#62;.")
    assert "Disputed in [Was a request made?](contradictions/was-it-requested.md): open." in line


def test_the_claim_the_central_contradiction_disputes_comes_first() -> None:
    dataset = load_dataset(REAL_DATA)
    page = render_site(dataset)["claims.md"]
    headings = [line for line in page.splitlines() if line.startswith("## ")]
    assert dataset.explainer.front is not None
    central = dataset.contradictions[dataset.explainer.front.central_contradiction or ""]
    assert central.claim is not None
    first = dataset.claims[central.claim].proposition
    assert headings[0].startswith("## " + first[:40])
    assert len(headings) == len(dataset.claims)
