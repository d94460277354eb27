"""Mark glossary terms in a page's finished HTML: each occurrence becomes `<abbr title=...>`.

The marking runs on HTML, not Markdown: Python-Markdown's abbreviation extension reads a
`*[term]: ...` line per term, and a term it cannot parse (a backslash) falls through as raw
HTML, while a term that spells part of its internal placeholders (`wzxhzdk`, `amp`, a digit)
corrupts the page. Here a term is only ever looked for in decoded text, and both the matched
text and the explanation are encoded again for HTML, so nothing a term or definition holds can
become markup. Work is linear in the page: text is read word by word and each word looks up
the forms that start with it.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from dataclasses import dataclass

from generator.schema.characters import WORD_TOKEN

# A tag (quoted attribute values may hold '>'), a comment, a doctype or processing instruction.
_TAG = re.compile(
    r"<!--.*?-->|<![^>]*>|<\?[^>]*>|</?[A-Za-z][^\s/>]*(?:[^>\"']|\"[^\"]*\"|'[^']*')*>", re.S
)
_TAG_NAME = re.compile(r"</?([A-Za-z][^\s/>]*)")
_WORD = re.compile(WORD_TOKEN)
_RAW_TEXT = ("script", "style", "textarea", "title")
"""Elements whose content is not HTML: copied through untouched, whatever it contains."""
_UNMARKED = frozenset(
    ("abbr", "code", "pre", "kbd", "samp", "button", "svg", "math", "label", "select", "option")
)
"""Elements whose text is never marked: code is literal, controls take no tooltip of their
own, and SVG or MathML text cannot hold an HTML element."""


_TOKEN = re.compile(f"{WORD_TOKEN}|\\W")
"""A form and the text are compared token by token: whole words, and single other characters."""
_TITLE = ""
"""The key of a trie node under which a form that ends there keeps its escaped explanation
(no token is empty)."""

Trie = dict[str, "Trie | str"]

MARK_BUDGET = 1_000_000
"""Bytes of marks one page may gain; past it, the rest of the page is left unmarked. A page of
the real explainer gains under 20 kB; without a budget a frequent word with a long definition
multiplied a page by tens of megabytes."""


@dataclass(frozen=True)
class Glossary:
    """Forms to mark, as a trie of their tokens: at each word of a text, the longest form that
    starts there is found in as many steps as it has tokens, however many forms there are."""

    trie: Trie

    @classmethod
    def of(cls, explanations: Mapping[str, str]) -> Glossary:
        """From form -> explanation (plain text). A form that does not start with a word
        character can never be found and is left out (the term's validator refuses it)."""
        trie: Trie = {}
        for form, explanation in sorted(explanations.items()):
            if not _WORD.match(form):
                continue
            node = trie
            for token in _TOKEN.findall(form):
                child = node.setdefault(token, {})
                assert isinstance(child, dict)
                node = child
            node[_TITLE] = html.escape(explanation, quote=True)
        return cls(trie)


def mark_terms(page: str, glossary: Glossary) -> str:
    """`page` with every occurrence of a form in its text (outside code, controls and raw-text
    elements) wrapped in an `abbr` element carrying the form's explanation, until the page
    has gained MARK_BUDGET bytes."""
    if not glossary.trie:
        return page
    out: list[str] = []
    closed: dict[str, int] = {}  # open unmarked elements by name
    budget = [MARK_BUDGET]
    position = 0
    while position < len(page):
        tag = _TAG.search(page, position)
        end = tag.start() if tag else len(page)
        if end > position:
            text = page[position:end]
            marked = any(closed.values()) or budget[0] <= 0
            out.append(text if marked else _mark_text(text, glossary, budget))
        if tag is None:
            break
        out.append(tag.group())
        position = tag.end()
        name_match = _TAG_NAME.match(tag.group())
        if name_match is None:
            continue  # a comment or doctype
        name = name_match.group(1).lower()
        if tag.group().startswith("</"):
            if closed.get(name):
                closed[name] -= 1
        elif name in _RAW_TEXT:
            close = re.compile(rf"</{name}\s*>", re.I).search(page, position)
            stop = close.end() if close else len(page)
            out.append(page[position:stop])
            position = stop
        elif name in _UNMARKED and not tag.group().endswith("/>"):
            closed[name] = closed.get(name, 0) + 1
    return "".join(out)


def _mark_text(text: str, glossary: Glossary, budget: list[int]) -> str:
    """One run of HTML text (character references allowed, no tags); `budget` holds the
    bytes of marks the page may still gain, and is spent here."""
    if "<" in text:
        return text  # something tag-like that is not a well-formed tag: leave it as it is
    plain = html.unescape(text) if "&" in text else text
    pieces: list[str] = []
    done = 0
    for word in _WORD.finditer(plain):  # a form starts at a word's start
        start = word.start()
        if start < done or word.group() not in glossary.trie:
            continue
        found = _longest_form(plain, start, glossary.trie)
        if found is None:
            continue
        stop, title = found
        mark = f'<abbr title="{title}">{html.escape(plain[start:stop], quote=False)}</abbr>'
        budget[0] -= len(mark) - (stop - start)
        if budget[0] < 0:
            break
        pieces.append(html.escape(plain[done:start], quote=False))
        pieces.append(mark)
        done = stop
    if not pieces:
        return text
    pieces.append(html.escape(plain[done:], quote=False))
    return "".join(pieces)


def _longest_form(plain: str, start: int, trie: Trie) -> tuple[int, str] | None:
    """(end, escaped explanation) of the longest form at `start`: tokens are whole words, so
    a form never ends inside a word of the text (`TASS` is not found in `TASSx`)."""
    node: Trie = trie
    found: tuple[int, str] | None = None
    position = start
    while True:
        token = _TOKEN.match(plain, position)
        if token is None:
            return found
        child = node.get(token.group())
        if not isinstance(child, dict):
            return found
        node, position = child, token.end()
        title = node.get(_TITLE)
        if isinstance(title, str):
            found = (position, title)
