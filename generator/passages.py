"""Locate annotated passages in an article's text."""

from __future__ import annotations

import difflib
import re


def find_occurrences(text: str, passage: str) -> list[int]:
    """Start offsets of every occurrence of `passage` in `text` (overlaps included)."""
    starts: list[int] = []
    start = text.find(passage)
    while start != -1:
        starts.append(start)
        start = text.find(passage, start + 1)
    return starts


def closest_passage(text: str, passage: str) -> str:
    """The stretch of `text` that best matches `passage`, for a 'did you mean' hint."""
    if not text or not passage:
        return ""
    matcher = difflib.SequenceMatcher(None, text, passage, autojunk=False)
    match = matcher.find_longest_match(0, len(text), 0, len(passage))
    if match.size == 0:
        return ""
    start = max(0, match.a - match.b)
    return text[start : start + len(passage)]


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of each paragraph: runs of text between blank lines."""
    spans: list[tuple[int, int]] = []
    for match in re.finditer(r"\S(?:.|\n(?![ \t]*\n))*", text):
        spans.append((match.start(), match.start() + len(match.group().rstrip())))
    return spans


def locate(text: str, passage: str, occurrence: int) -> int | None:
    """Start offset of the `occurrence`-th (1-based) occurrence of `passage`, if it exists."""
    found = find_occurrences(text, passage)
    return found[occurrence - 1] if len(found) >= occurrence else None
