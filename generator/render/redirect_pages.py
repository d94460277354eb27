"""The small HTML page at the permalink of each record that is a section of a larger page: it
sends the reader on to the section, and asks search engines to index the section's page
instead (templates/redirect.html.j2, autoescaped)."""

from __future__ import annotations

from typing import NamedTuple

from generator.dataset.link import Dataset
from generator.render.layout import PAGE_FILE, Layout, redirect_targets
from generator.render.templates_env import environment


class Redirect(NamedTuple):
    name: str
    """The record's address, e.g. `statements/x`, as the page's title."""
    target: str
    """The address of its section, relative to the page."""


SEPARATOR = "\x00"
"""What the template ends each page with; no address or record id can hold it."""


def redirect_pages(dataset: Dataset, layout: Layout | None = None) -> dict[str, str]:
    """Built-site path (`kind/id/index.html`) -> its redirect page, for every record without
    a page of its own. One render for all of them: at 10,000 statements there are 64,245."""
    targets = redirect_targets(dataset, layout)
    pages = [
        Redirect(path.removesuffix("/" + PAGE_FILE), target) for path, target in targets.items()
    ]
    text = environment().get_template("redirect.html.j2").render(pages=pages)
    return dict(zip(targets, text.split(SEPARATOR)[:-1], strict=True))
