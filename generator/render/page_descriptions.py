"""Each record page's description for search results and link previews: a sentence or two
from the record, in plain text (the theme escapes it; see overrides/main.html).

Built from fields the record already has, so no page says more than its record: a statement's
speaker, day and our summary of it; an event's day and title; a dispute's question, its status
and the start of our analysis; a source's publisher, title and date, the first statement or event
it is cited for (which tells apart two copies of one report), and what its kind of source is
good evidence for.
"""

from __future__ import annotations

import re
import unicodedata
from html import unescape

from generator.render.date_labels import date_label
from generator.render.record_links import Mentions
from generator.schema.vocabulary import SOURCE_KINDS, STATUSES

LIMIT = 200
"""Characters at most: about what search engines show under a result."""


def record_description(m: Mentions, kind: str, record_id: str) -> str:
    record = getattr(m.dataset, kind)[record_id]
    title = m.title(record_id)
    if kind == "events":
        text = f"{date_label(record.when.date)}: {sentence(title)} {record.description or ''}"
    elif kind == "actors":
        text = f"{title}: {record.description}"
    elif kind == "sources":
        published = f", {date_label(record.published.date)}" if record.published else ""
        citing = [i for k, i in m.cited_by.get(record_id, []) if k in ("statements", "events")]
        cited_for = f", cited for “{m.title(citing[0])}”" if citing else ""
        kind_term = SOURCE_KINDS.terms[record.kind]
        text = f"{sentence(title + published + cited_for)} {kind_term.label}: {kind_term.meaning}"
    elif kind == "contradictions":
        status = STATUSES.label(record.status)
        text = f"{sentence(title)} Status: {status}. {record.analysis}"
    else:
        text = title
    if record.verification == "unverified":
        text = f"Unverified: {text}"  # as the page's own banner says, before anything else
    return shortened(text)


def sentence(text: str) -> str:
    """`text` ending as a sentence: a full stop added unless it ends in one already (or in
    a question or exclamation mark, an ellipsis or a closing quote after one)."""
    text = text.rstrip()
    return text if _ENDED.search(text) else f"{text}."


_ENDED = re.compile(r"[.!?…][”\"’')\]]*$")
_LINE_SPACE = re.compile(r"[ \t\n\r\f\v\x85\u2028\u2029]+")
"""The spaces that only separate words: no-break and narrow spaces are kept, as on the page."""
_CLINGS = {"Mn", "Mc", "Me", "Sk", "Cf"}
"""Categories of characters that belong to the one before (accents, emoji modifiers, joiners):
a cut never separates them from it."""


def shortened(text: str, limit: int = LIMIT) -> str:
    """`text` on one line, cut with "…" when longer than `limit`: at the end of a word when
    one ends in the last quarter, else between two characters that stand apart, with an
    opening quotation mark closed."""
    text = _LINE_SPACE.sub(" ", text).strip()
    if len(text) <= limit:
        return text
    cut = text[: limit - 2]  # room for "…" and a closing quotation mark
    space = cut.rfind(" ")
    if space >= limit * 3 // 4:
        cut = cut[:space]
    else:
        end = len(cut)
        while end > 1 and (
            unicodedata.category(text[end]) in _CLINGS or text[end - 1] == "\u200d"
        ):
            end -= 1
        cut = cut[:end]
    cut = cut.rstrip(" ,;:.")
    return cut + ("…”" if cut.count("“") > cut.count("”") else "…")


_PARAGRAPH = re.compile(r"<p>(.*?)</p>", re.S)
_TAG = re.compile(r"<[^>]+>")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s")


def page_summary(html: str) -> str:
    """A hand-written page in a sentence, for the home page's ways in: the first sentence of
    its first paragraph (`html`: the page rendered), as plain text; '' when it has none."""
    found = _PARAGRAPH.search(html)
    if found is None:
        return ""
    text = " ".join(unescape(_TAG.sub("", found.group(1))).split())
    return shortened(_SENTENCE_END.split(text, maxsplit=1)[0])
