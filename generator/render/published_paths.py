"""What the engine publishes besides the core's pages must leave the core's addresses free:
a file of the static folder at a record's address would hide the record, and one at a
generated page's path would replace it. Checked by every engine adapter before its build."""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from generator.render.layout import PAGE_FILE
from generator.render.markdown_text import directory_url


class Clash(NamedTuple):
    heading: str
    message: str


def published_at(path: str) -> str:
    """The built-site file a static folder's file becomes: a Markdown page is published in
    the folder of its address (directory URLs); any other file as it is."""
    return directory_url(path) + PAGE_FILE if path.endswith(".md") else path


def first_clash(
    generated: Iterable[str], redirects: Iterable[str], static: Iterable[str], folder: str
) -> Clash | None:
    """The first file of the static folder `folder` (paths `static`, relative to it) that
    is published at a record's address (`redirects`, built-site paths) or at the path of a
    generated page (`generated`, docs-relative), in sorted order; None when there is none."""
    addresses = set(redirects)
    pages = set(generated)
    for path in sorted(static):
        if published_at(path) in addresses:
            return Clash(
                "a page hides a record",
                f"{folder}/{path} is published at {published_at(path)}, the address of a "
                "record; rename or move the page",
            )
        if path in pages:
            return Clash(
                "a page is generated twice",
                f"{folder}/{path} is also generated from data; remove or rename it",
            )
    return None
