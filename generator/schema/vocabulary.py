"""Reader-facing words for the schema's values: source kinds, fidelity, types, statuses."""

from __future__ import annotations

SOURCE_KINDS = {
    "primary-transcript": (
        "Primary transcripts",
        "The record of what was said, from the organiser or a faithful transcriber: the "
        "strongest evidence of the words.",
    ),
    "official-statement": (
        "Official statements",
        "Published by the speaker's own organisation: authoritative for what that side "
        "says, not for what is true.",
    ),
    "wire": (
        "Wire services and news agencies",
        "Agencies such as Reuters, AP, AFP and Interfax, or outlets carrying their "
        "copy: fast, usually careful with quotes.",
    ),
    "major-outlet": (
        "Major outlets",
        "Large newsrooms with their own reporting and corrections.",
    ),
    "state-media": (
        "State media",
        "Owned or controlled by a government that is a party to the story: a reliable "
        "record of that government's position, to be weighed for everything else.",
    ),
    "other-outlet": (
        "Other outlets",
        "Smaller or regional news sites: useful for wording and detail, checked against "
        "stronger sources.",
    ),
    "mirror": (
        "Mirrors and re-posts",
        "Copies of another source's text: as good as the original they reproduce, if faithful.",
    ),
    "weak-copy": (
        "Weak copies",
        "Low-quality copies, rewrites, machine transcripts and social re-posts: used "
        "only where nothing better was found, and said so.",
    ),
}
"""Section title and what a reader should make of each kind of source."""

LABELS = {
    "verbatim-primary": "verbatim, from the primary record",
    "verbatim-reported": "verbatim, as reported",
    "paraphrase": "paraphrase",
    "direct-denial": "direct denial",
    "timing": "timing",
    "channel-scope": "channel or scope mismatch",
    "translation": "translation",
    "misattribution": "misattribution",
    "walk-back": "later walk-back",
    "apparent-resolved": "apparent, resolved by context",
    "open": "open",
    "resolved": "resolved by later evidence",
    "unverifiable": "unverifiable from the public record",
    "declines-to-confirm": "declines to confirm",
}


def label(value: str) -> str:
    return LABELS.get(value, value.replace("-", " "))


VERDICTS = {
    "accurate": "Accurate",
    "paraphrase-as-quote": "Paraphrase shown as a quote",
    "altered-quote": "Quote altered",
    "misattributed": "Misattributed",
    "wrong-actor": "Wrong actor",
    "overstated": "Overstated",
    "unsupported": "Not supported by the record",
    "editorialised": "Editorial framing",
    "timing": "Timing",
    "omission": "Omission",
    "typo": "Typo",
}
"""Reader-facing names of annotation verdicts, in the order the article summary lists them."""
