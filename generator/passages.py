"""Locate annotated passages in an article's text."""

from __future__ import annotations

import difflib


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
