"""Who publishes an explainer and under what terms: the footer line, its links and the Data
page's terms of reuse say what the settings name, and that a licence is not set when none is."""

from __future__ import annotations

from generator.render.site_identity import copyright_line, footer_links, reuse_terms
from generator.schema.explainer_settings import Explainer

BARE = Explainer(title="T")
FULL = Explainer.model_validate(
    {
        "title": "T",
        "publisher": {"name": "Example  Newsroom", "url": "https://example.org/"},
        "authors": ["A. Writer", "B. Editor", "C. <b>Checker</b>"],
        "published": "2022-02-10",
        "updated": "2022-03-01",
        "licence": {
            "text": {"name": "CC BY 4.0", "url": "https://creativecommons.org/licenses/by/4.0/"},
            "data": {"name": "CC0 1.0"},
        },
        "repo_url": "https://example.org/newsroom/lantern",
    }
)


def test_without_settings_the_footer_says_no_licence_is_set() -> None:
    assert copyright_line(BARE) == "No licence for reuse has been set."
    assert footer_links(BARE) == [("Corrections", "corrections/"), ("Data and reuse", "data/")]
    assert reuse_terms(BARE)[0] == (
        "No licence for reuse has been set for this explainer's text or data files, so none "
        "is granted here."
    )


def test_the_footer_names_publisher_authors_date_and_each_licence_escaped() -> None:
    assert copyright_line(FULL) == (
        'Published by <a href="https://example.org/" rel="noopener">Example Newsroom</a>. '
        "Written by A. Writer, B. Editor and C. &lt;b&gt;Checker&lt;/b&gt;. "
        "First published 10 February 2022. Last updated 1 March 2022. "
        'Text: <a href="https://creativecommons.org/licenses/by/4.0/" rel="license noopener">'
        "CC BY 4.0</a>. Data: CC0 1.0."
    )
    assert footer_links(FULL)[-1] == (
        "Report an error",
        "https://example.org/newsroom/lantern/issues/new?template=correction.yml",
    )


def test_the_data_page_states_each_licence_and_who_publishes() -> None:
    terms = reuse_terms(FULL)
    assert terms[0] == (
        'The text of these pages may be reused under <a href="https://creativecommons.org/'
        'licenses/by/4.0/" rel="noopener noreferrer" class="external">CC BY 4.0</a>.'
    )
    assert terms[1] == "The data files may be reused under CC0 1.0."
    assert terms[-1].startswith("Published by <a href=\"https://example.org/\"")
    one = Explainer.model_validate({"title": "T", "licence": {"data": {"name": "ODbL"}}})
    assert reuse_terms(one)[0] == "The text of these pages: no licence for reuse has been set."
