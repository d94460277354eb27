"""The static folder may not publish a file at a record's address or a generated page's path:
the check every engine adapter makes before it builds."""

from __future__ import annotations

from generator.render.published_paths import Clash, first_clash, published_at


def test_a_markdown_page_is_published_in_the_folder_of_its_address() -> None:
    assert published_at("actors/ned-price.md") == "actors/ned-price/index.html"
    assert published_at("actors/index.md") == "actors/index.html"
    assert published_at("index.md") == "index.html"
    assert published_at("stylesheets/explainer.css") == "stylesheets/explainer.css"


def test_a_static_page_at_a_records_address_is_refused() -> None:
    clash = first_clash(
        ["actors/page/1/index.md"],
        ["actors/ned-price/index.html"],
        ["stylesheets/explainer.css", "actors/ned-price.md"],
        "assets",
    )
    assert clash == Clash(
        "a page hides a record",
        "assets/actors/ned-price.md is published at actors/ned-price/index.html, the address "
        "of a record; rename or move the page",
    )


def test_a_static_file_at_a_generated_pages_path_is_refused() -> None:
    clash = first_clash(["timeline.md"], [], ["timeline.md"], "assets")
    assert clash == Clash(
        "a page is generated twice",
        "assets/timeline.md is also generated from data; remove or rename it",
    )


def test_other_paths_clash_with_nothing() -> None:
    assert first_clash(["index.md"], ["actors/x/index.html"], ["javascripts/a.js"], "a") is None
