"""'Did you mean' among many ids, in bounded time per lookup.

`diagnostics.did_you_mean` compares a value with every candidate: right for the few dozen
field names and allowed values of a schema, but a reference to an unknown id is compared with
every id of its kind, and 1,000 such references among 10,000 statements' records took 273 s.
Here the ids are indexed once by their three-letter pieces ("trigrams"). A lookup counts the
trigrams each id shares with the value over at most POSTINGS index entries, the rarest
trigrams first (a trigram that every id has tells none apart), and difflib then scores only
the SHORTLIST ids that share most. A close id shares most of its trigrams with the value, so
the answer is the one difflib would give comparing every id; with at most SHORTLIST ids it is
the very same comparison.
"""

from __future__ import annotations

import bisect
import difflib
from collections import Counter
from collections.abc import Iterable

SHORTLIST = 32
"""Ids that difflib compares with the value, at most."""
POSTINGS = 5_000
"""Index entries counted per lookup, at most (the rarest trigram's are always counted)."""
CUTOFF = 0.6
"""difflib's score below which an id is not suggested, as in `did_you_mean`."""
SHORT_VALUE = 3
"""A value this short shares no trigram with an id one letter away ('sco' for 'so'); it can
only score CUTOFF against ids of at most SHORT_ID letters, which are few and compared whole."""
SHORT_ID = 7
_EDGE = "\x00"
"""Marks the start and end of an id, so that its first and last letters make trigrams too."""


class Suggestions:
    """The ids of one or more kinds, indexed for 'did you mean' hints."""

    def __init__(self, candidates: Iterable[str]) -> None:
        self._ids = sorted(set(candidates))
        self._short = [candidate for candidate in self._ids if len(candidate) <= SHORT_ID]
        self._postings: dict[str, list[int]] = {}
        for number, candidate in enumerate(self._ids):
            for gram in _trigrams(candidate):
                self._postings.setdefault(gram, []).append(number)
        # One string of all ids in order: its first match of a value lies in the first id (in
        # sorted order) that contains the value, found by one scan in C.
        self._joined = "\n".join(self._ids)
        self._starts: list[int] = []
        offset = 0
        for candidate in self._ids:
            self._starts.append(offset)
            offset += len(candidate) + 1

    def hint(self, value: str) -> str:
        """'did you mean ...?' naming the closest id, or an empty string when none is close."""
        close = self.closest(value)
        return f"did you mean '{close}'?" if close else ""

    def closest(self, value: str) -> str | None:
        close = _best_match(value, self._shortlist(value))
        if close is not None:
            return close
        # Ids often differ from what people type by a prefix or suffix ('smith' for
        # 'jane-smith'), which difflib's ratio scores low; a containment match catches it.
        return self._containing(value)

    def _shortlist(self, value: str) -> list[str]:
        if len(self._ids) <= SHORTLIST:
            return self._ids
        if len(value) <= SHORT_VALUE and len(self._short) <= 4 * SHORTLIST:
            return self._short
        postings = sorted(
            (self._postings[gram] for gram in _trigrams(value) if gram in self._postings),
            key=len,
        )
        shared: Counter[int] = Counter()
        counted = 0
        for posting in postings:
            if counted and counted + len(posting) > POSTINGS:
                break
            shared.update(posting[:POSTINGS])
            counted += len(posting)
        return [self._ids[number] for number, _count in shared.most_common(SHORTLIST)]

    def _containing(self, value: str) -> str | None:
        """The first id, in sorted order, that contains `value`."""
        if not value or "\n" in value:
            return None
        found = self._joined.find(value)
        if found == -1:
            return None
        return self._ids[bisect.bisect_right(self._starts, found) - 1]


def _best_match(value: str, candidates: list[str]) -> str | None:
    """What `difflib.get_close_matches(value, candidates, n=1, cutoff=CUTOFF)` returns (the
    highest score, then the greatest id), without the full comparison for candidates whose
    upper bound (`quick_ratio`) cannot beat the best score found so far."""
    matcher = difflib.SequenceMatcher()
    matcher.set_seq2(value)
    bounded: list[tuple[float, str]] = []
    for candidate in candidates:
        matcher.set_seq1(candidate)
        if matcher.real_quick_ratio() >= CUTOFF:
            bound = matcher.quick_ratio()
            if bound >= CUTOFF:
                bounded.append((bound, candidate))
    best: tuple[float, str] | None = None
    for bound, candidate in sorted(bounded, reverse=True):
        if best is not None and (bound, candidate) <= best:
            break
        matcher.set_seq1(candidate)
        score = matcher.ratio()
        if score >= CUTOFF and (best is None or (score, candidate) > best):
            best = (score, candidate)
    return None if best is None else best[1]


def _trigrams(value: str) -> set[str]:
    padded = f"{_EDGE}{value}{_EDGE}"
    return {padded[i : i + 3] for i in range(len(padded) - 2)}
