"""Locate annotated passages in an article's text."""

from __future__ import annotations

import re
import statistics
from array import array
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

ANCHORS = 32
"""Pieces of a passage that was not found that are looked up in the text to find where it was
meant: spread over the whole passage, so a few changed words leave most of them intact."""
PLACES = 2_000
"""At most this many places in the text are weighed for one hint, rarest anchors first, so a
word that occurs everywhere cannot make the search long. With these two bounds a hint costs
a few scans of the text (ANCHORS counts in C), not a comparison of the passage with every
stretch of it: difflib over a 200,000-character article took minutes per passage."""
_PARAGRAPH = re.compile(r"\S(?:.|\n(?![ \t]*\n))*")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
WIDEN = 40
"""At most this many characters are added at each end to finish a word or a quotation."""
_CLOSERS = {'"': '"', "'": "'", "»": "«", "”": "“", "“": "„", "’": "‘", ")": "(", "]": "["}
"""Closing mark -> its opening mark: a hint that opens a quotation also closes it."""


@lru_cache(maxsize=16)
def find_occurrences(text: str, passage: str, limit: int | None = None) -> Sequence[int]:
    """Start offsets of every occurrence of `passage` in `text` (overlaps included), or of
    the first `limit`: an annotation names one occurrence, and listing all of them costs their
    number times the passage's length (`a` x 20,000 in `a` x 199,000: 8 s).

    Kept for the last few passages: an article page locates each annotation in turn, and
    thousands of annotations of one short passage made as many walks through the whole text
    (20 s to render one 250 kB article). Offsets are kept as C integers: sixteen lists of every
    position of a 200,000-character text take 13 MB."""
    starts = array("i")
    start = text.find(passage)
    while start != -1 and (limit is None or len(starts) < limit):
        starts.append(start)
        start = text.find(passage, start + 1)
    return starts


def closest_passage(text: str, passage: str) -> str:
    """The stretch of `text` that best matches `passage`, for a 'did you mean' hint.

    Pieces of the passage ("anchors") are found in the text; each place found votes for where
    the passage would start there. The start with the most distinct anchors within a small
    shift (a word added or dropped moves the later ones) is where the passage was meant; the
    stretch runs from the first anchor to the last that agree with it, widened to whole words."""
    size = max(2, min(12, len(passage) // 4))
    if not text or len(passage) <= size:
        return ""
    votes = _votes(text, passage, size)
    if not votes:
        return ""
    start, end = _span(_best_window(votes, max(size, len(passage) // 8)), size, len(passage))
    start, end = max(0, start), min(len(text), end)
    stretch = _whole(text, start, end)
    if not _BLANK_LINE.search(passage):
        # The hint is for one paragraph's passage; the part over a break is not what was meant.
        stretch = max(_BLANK_LINE.split(stretch), key=len).strip()
    return stretch


def _votes(text: str, passage: str, size: int) -> list[tuple[int, int, int]]:
    """(start the place implies, offset in the passage, place in the text) for each place an
    anchor is found, rarest anchors first, at most PLACES of them."""
    last = len(passage) - size
    if last + 1 <= ANCHORS:
        offsets = list(range(last + 1))
    else:
        offsets = sorted({round(i * last / (ANCHORS - 1)) for i in range(ANCHORS)})
    counted = [(text.count(passage[o : o + size]), o) for o in offsets]
    votes: list[tuple[int, int, int]] = []
    for count, offset in sorted(counted):
        if count == 0:
            continue
        anchor = passage[offset : offset + size]
        place = text.find(anchor)
        while place != -1 and len(votes) < PLACES:
            votes.append((place - offset, offset, place))
            place = text.find(anchor, place + 1)
        if len(votes) >= PLACES:
            break
    return votes


def _best_window(votes: list[tuple[int, int, int]], shift: int) -> list[tuple[int, int, int]]:
    """The votes whose implied starts lie within `shift` of each other and that come from the
    most distinct anchors (the earliest such group on a tie)."""
    votes = sorted(votes)
    in_window: Counter[int] = Counter()
    best = (0, 0, 0)  # (distinct anchors, first vote, end)
    low = 0
    for high, (start, offset, _place) in enumerate(votes):
        in_window[offset] += 1
        while votes[low][0] < start - shift:
            in_window[votes[low][1]] -= 1
            if not in_window[votes[low][1]]:
                del in_window[votes[low][1]]
            low += 1
        if len(in_window) > best[0]:
            best = (len(in_window), low, high + 1)
    return votes[best[1] : best[2]]


def _span(chosen: list[tuple[int, int, int]], size: int, length: int) -> tuple[int, int]:
    """Where the passage starts and ends in the text by the votes of its first and last
    anchors, leaving out any whose place disagrees with most of the votes of its half of the
    passage: a common phrase of the passage found just before or after the right place."""
    by_offset = sorted(chosen, key=lambda vote: vote[1])
    head, tail = by_offset[: len(by_offset) // 2 + 1], by_offset[len(by_offset) // 2 :]
    usual_start = statistics.median_low(vote[0] for vote in head)
    first = next(vote for vote in head if abs(vote[0] - usual_start) <= 2 * size)
    ends = [place - offset + length for _start, offset, place in tail]
    usual_end = statistics.median_low(ends)
    last_end = next(end for end in reversed(ends) if abs(end - usual_end) <= 2 * size)
    return first[0], last_end


def _whole(text: str, start: int, end: int) -> str:
    """text[start:end] widened so that it neither starts nor ends inside a word, and closes a
    quotation mark or bracket it opens."""
    floor, ceiling = max(0, start - WIDEN), min(len(text), end + WIDEN)
    while start > floor and text[start - 1].isalnum() and text[start].isalnum():
        start -= 1
    while end < ceiling and text[end - 1].isalnum() and text[end].isalnum():
        end += 1
    stretch = text[start:end]
    while end < ceiling and _opened(stretch, text[end]):
        end += 1
        stretch = text[start:end]
    return stretch.strip()


def _opened(stretch: str, mark: str) -> bool:
    """Whether `mark` closes a quotation or bracket that `stretch` leaves open."""
    opener = _CLOSERS.get(mark)
    if opener is None:
        return False
    if opener == mark:
        return stretch.count(mark) % 2 == 1
    return stretch.count(opener) > stretch.count(mark)


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of each paragraph: runs of text between blank lines."""
    spans: list[tuple[int, int]] = []
    for match in _PARAGRAPH.finditer(text):
        spans.append((match.start(), match.start() + len(match.group().rstrip())))
    return spans


def locate(text: str, passage: str, occurrence: int) -> int | None:
    """Start offset of the `occurrence`-th (1-based) occurrence of `passage`, if it exists."""
    found = find_occurrences(text, passage, occurrence)
    return found[occurrence - 1] if len(found) >= occurrence else None
