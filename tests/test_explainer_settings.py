"""An explainer is its data folder: `explainer.yaml` names the site, its home page, its time
zones and languages, and `pages/` holds its hand-written pages, linked to records by id."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from generator import check_data, load_dataset
from generator.render.navigation import navigation
from generator.render.site import build_site
from generator.schema.explainer_settings import Explainer, Party
from tests.helpers import BASE_DATA


def _settings(data: Path, text: str) -> None:
    (data / "explainer.yaml").write_text(text, encoding="utf-8")


def test_the_settings_title_the_home_page_and_every_citation(base_data: Path) -> None:
    _settings(
        base_data,
        "title: The second explainer\n"
        "reference_zones: [America/New_York, Asia/Shanghai]\n"
        "site_url: https://example.org/second/\n"
        "front:\n"
        "  lede: One sentence that says what happened.\n"
        "  central_contradiction: was-it-requested\n"
        "  unknown:\n"
        "  - {text: Whether it was asked., records: [request-made]}\n",
    )
    files = build_site(load_dataset(base_data)).files
    home = files["index.md"]
    assert home.startswith("# The second explainer\n")
    assert "One sentence that says what happened." in home
    assert "## Was a request made?" in home and "## What we do not know" in home
    assert "(contradictions/was-it-requested.md)" in home
    statement = files["statements/2022-07-28-assertion.md"]
    assert "The second explainer, record 2022-07-28-assertion" in statement
    assert "https://example.org/second/statements/2022-07-28-assertion/" in statement
    # 14:12 in New York is 02:12 the next day in Shanghai, and Moscow is no longer shown.
    # "CST" is also Chicago's: China's time shows as its offset, on its own date.
    assert "14:12 EDT (02:12 UTC+8 on 29 July)" in files["events/2022-07-28-briefing.md"]
    assert "MSK" not in "".join(files.values())


def test_without_settings_the_site_has_neutral_defaults(base_data: Path) -> None:
    (base_data / "explainer.yaml").unlink()
    files = build_site(load_dataset(base_data)).files
    assert files["index.md"].startswith("# Annotated explainer\n")
    assert "## Where to start" in files["index.md"]
    # A time is shown in its own zone and in UTC only.
    assert "14:12 EDT (18:12 UTC)" in files["events/2022-07-28-briefing.md"]


def test_a_hand_written_page_links_records_by_id(base_data: Path) -> None:
    (base_data / "pages").mkdir()
    (base_data / "pages" / "about.md").write_text(
        "# About\n\n"
        "See [](record:2022-07-28-denial) and [the claim](record:request-made).\n"
        "Code stays as written: `[x](record:request-made)`.\n",
        encoding="utf-8",
    )
    dataset = load_dataset(base_data)
    page = build_site(dataset).files["about.md"]
    title = "Foreign Office, 28 July 2022: The ministry says no request was made."
    assert f"See [{title}](statements/2022-07-28-denial.md)" in page
    assert "[the claim](claims.md#request-made)" in page
    assert "`[x](record:request-made)`" in page
    assert ("About", "about.md") in navigation(dataset)


def test_the_navigation_leaves_out_kinds_without_records(base_data: Path) -> None:
    for path in (base_data / "articles").iterdir():
        path.unlink()
    dataset, problems = check_data(base_data)
    assert dataset is not None, problems
    titles = [title for title, _path in navigation(dataset)]
    assert "Articles" not in titles and "Glossary" not in titles
    assert titles[:3] == ["Home", "Timeline", "Contradictions"]
    files = build_site(dataset).files
    assert "articles/index.md" not in files and "glossary.md" not in files
    assert "articles/index.md" not in files["index.md"]


def test_the_base_explainer_names_its_zones() -> None:
    assert load_dataset(BASE_DATA).explainer.reference_zones == [
        "America/New_York",
        "Europe/Moscow",
    ]


def test_a_side_is_addressed_by_its_name_and_two_sides_cannot_share_one() -> None:


    assert Party(name="U.S. government", actors=["a"]).slug == "u-s-government"
    assert Party(name="Правительство России", actors=["a"]).slug == "правительство-россии"
    with pytest.raises(ValidationError, match="two sides have the same name"):
        Explainer.model_validate(
            {
                "title": "T",
                "sides": [
                    {"name": "U.S. government", "actors": ["a"]},
                    {"name": "U.S. Government!", "actors": ["b"]},
                ],
            }
        )
