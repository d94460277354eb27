"""Two corrections to the theme's HTML, so every built page is valid HTML (the Nu HTML Checker
reports no errors). Pure text in, text out; the MkDocs adapter applies it to each finished page.

- The theme's drawer and search toggles are checkboxes with `autocomplete="off"`, an attribute
  HTML allows only on text-like inputs. (It asks Firefox not to restore the checkbox after a
  reload; without it, a reader who reloads with the menu open may find it open again.)
- On a page outside the navigation the table of contents' heading is a `<label for="__toc">`
  for a checkbox the navigation renders only for pages it lists, so the label points nowhere.
"""

from __future__ import annotations

import re

_TOGGLE = re.compile(r'(<input class="md-toggle" data-md-toggle="\w+" type="checkbox" id="__\w+")'
                     r' autocomplete="off">')  # fmt: skip
_TOC_CHECKBOX = 'id="__toc"'
_TOC_LABEL = '<label class="md-nav__title" for="__toc">'


def valid_theme_html(page: str) -> str:
    """`page` with the theme's invalid toggle attributes removed, and the table of contents'
    label detached from a checkbox the page lacks."""
    page = _TOGGLE.sub(r"\1>", page)
    if _TOC_CHECKBOX not in page:
        page = page.replace(_TOC_LABEL, '<label class="md-nav__title">')
    return page
