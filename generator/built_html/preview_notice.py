"""The notice a live preview puts at the top of every page while the data has problems or the
build warns: what `check` prints (file:line: problem), so the contributor reads it where they
are looking. Pure: text in, escaped HTML out."""

from __future__ import annotations

import html
from collections.abc import Sequence

NOTICE_ID = "explainer-preview-problems"


def notice_html(count: int, report: str, warnings: Sequence[str], *, stale: bool) -> str:
    """A block for the top of the page body, or "" when there is nothing to say. `report` is
    the text report of the data's `count` problems; `stale` says the pages are the last good
    build's."""
    if not count and not warnings:
        return ""
    parts = [f'<section id="{NOTICE_ID}" class="explainer-preview-problems" role="alert">']
    if count:
        heading = f"{count} problem{'' if count == 1 else 's'} in the data"
        consequence = (
            "This preview shows the last build without problems; it reloads when they are fixed."
            if stale
            else "The generated pages are missing until they are fixed; this page reloads then."
        )
        parts.append(f"<h2>{html.escape(heading)}</h2><p>{html.escape(consequence)}</p>")
        parts.append(f"<pre>{html.escape(report)}</pre>")
    if warnings:
        heading = f"{len(warnings)} warning{'' if len(warnings) == 1 else 's'} from the build"
        listing = "<pre>" + html.escape("\n".join(warnings)) + "</pre>"
        if count and not stale:
            # With the generated pages missing, nearly every warning is a link to one of them:
            # folded, so the data problem above stays the first thing read.
            parts.append(
                f"<details><summary>{heading}, most because the generated pages are missing"
                f"</summary>{listing}</details>"
            )
        else:
            parts.append(
                f"<h2>{heading}</h2>"
                "<p>The published build (<code>make site</code>) fails on these.</p>" + listing
            )
    parts.append("</section>")
    return "\n".join(parts)


def with_notice(page: str, notice: str) -> str:
    """`page` with `notice` placed just inside its body (unchanged without a body or notice)."""
    if not notice:
        return page
    start = page.find("<body")
    end = page.find(">", start)
    if start < 0 or end < 0:
        return notice + page
    return page[: end + 1] + notice + page[end + 1 :]
