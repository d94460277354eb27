"""Settings the theme prints as they are: mkdocs-material writes `site_name` into an
`aria-label` attribute without escaping it (partials/header.html and nav.html), so a straight
double quote there ended the attribute on every page and left the logo link without a name."""

from __future__ import annotations

from tests.helpers import CONFIG


def test_the_strings_the_theme_prints_raw_hold_no_html_syntax() -> None:
    for key in ("site_name", "site_description"):
        value = CONFIG.get(key) or ""
        assert not set(value) & set('"<>&'), f"{key} in mkdocs.yml: use “typographic” quotes"
