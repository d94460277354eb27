"""A limit on the size of each generated page, naming the record that makes a page too large.

Every check on a record bounds what one file can hold, but a page is built from many records
and can repeat what they reference: before repeated references were refused, a 61 kB
contradiction that named one statement 30,000 times made a 150 MB page that MkDocs took
380 s to build (2.5 s a megabyte). A page over MAX_PAGE_BYTES is refused with the record
whose part of the page is largest, so the build fails in seconds with a cause to fix instead
of running for minutes into a page no reader's browser can open.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path

from generator.dataset.link import Dataset
from generator.load.diagnostics import DataError, Diagnostic, display_path
from generator.render.layout import ONE_PAGE, Layout
from generator.schema.models import KINDS

MAX_PAGE_BYTES = 5_000_000
"""The largest page of the synthetic 10,000-statement explainer is a shelf of contradictions
of under 1 MB of Markdown (179 KiB of HTML gzipped), the real explainer's largest 94 kB; five
megabytes leave five times the largest page seen and cost MkDocs about 13 s."""

_SECTION = re.compile(r'\{ #([^\s{}]+) \}|<h2 id="([^"]+)">')
"""Where a record's section starts on a page of several (layout.py): the Markdown heading's
anchor (claims, contradictions, glossary) or the HTML heading of a shelved record."""


def refuse_oversized_pages(
    pages: Mapping[str, str],
    dataset: Dataset,
    layout: Layout | None = None,
    data_dir: Path = Path("data"),
) -> None:
    """Raise DataError with a `page-too-large` problem for each page over MAX_PAGE_BYTES."""
    problems = oversized_pages(pages, dataset, layout, data_dir)
    if problems:
        raise DataError(problems)


def oversized_pages(
    pages: Mapping[str, str],
    dataset: Dataset,
    layout: Layout | None = None,
    data_dir: Path = Path("data"),
    limit: int = MAX_PAGE_BYTES,
) -> list[Diagnostic]:
    """A `page-too-large` problem for each Markdown page over `limit` bytes, on the data file
    of the record with the largest part of it (on the data folder when no record has one).
    The published data files are not pages: they grow with the dataset by design."""
    over = {
        path: size
        for path, text in pages.items()
        # A character is one to four bytes of UTF-8: most pages need no encoding to measure.
        if path.endswith(".md") and len(text) * 4 > limit and (size := _bytes(text)) > limit
    }
    if not over:
        return []
    layout = layout or Layout.of(dataset)
    kinds = {record_id: kind for kind in KINDS for record_id in getattr(dataset, kind)}
    sectioned = {*ONE_PAGE.values(), *(shelf.path for shelf in layout.shelf_of.values())}
    problems: list[Diagnostic] = []
    for path, size in sorted(over.items()):
        message = (
            f"the page {path} would be {_megabytes(size)}, over the limit of {_megabytes(limit)}"
        )
        cause = _own_record(path, size, layout, kinds) or (
            _largest_section(pages[path], kinds) if path in sectioned else None
        )
        if cause is None:
            where, hint = data_dir, "no record has a section of its own on it: it lists too much"
        else:
            record_id, share = cause
            where = data_dir / kinds[record_id] / f"{record_id}.yaml"
            hint = (
                f"this record makes {_megabytes(share)} of it: name fewer records in it, "
                "shorten its text, or split it into smaller records"
            )
        problems.append(Diagnostic(display_path(where), 0, 0, "page-too-large", "", message, hint))
    return problems


def _own_record(
    path: str, size: int, layout: Layout, kinds: dict[str, str]
) -> tuple[str, int] | None:
    """The record whose own page `path` is, and the page's size: all of it is the record's."""
    record_id = layout.owner(path, kinds)
    return (record_id, size) if record_id is not None else None


def _largest_section(text: str, kinds: dict[str, str]) -> tuple[str, int] | None:
    """The record whose section is the largest part of a page of several, and its size in
    bytes: from its heading to the next record's."""
    starts = [
        (match.start(), match.group(1) or match.group(2))
        for match in _SECTION.finditer(text)
        if (match.group(1) or match.group(2)) in kinds
    ]
    best: tuple[str, int] | None = None
    for (start, record_id), (end, _next) in zip(
        starts, [*starts[1:], (len(text), "")], strict=True
    ):
        share = _bytes(text[start:end])
        if best is None or share > best[1]:
            best = (record_id, share)
    return best


def _bytes(text: str) -> int:
    return len(text.encode("utf-8"))


def _megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB" if size >= 100_000 else f"{size:,} bytes"
