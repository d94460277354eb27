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

# A tag (quoted attribute values may hold '>'), a comment, a doctype or processing instruction.
_TAG = re.compile(
    r"<!--.*?-->|<![^>]*>|<\?[^>]*>|</?[A-Za-z][^\s/>]*(?:[^>\"']|\"[^\"]*\"|'[^']*')*>", re.S
)
_TAG_NAME = re.compile(r"</?([A-Za-z][^\s/>]*)")
_WORD = re.compile(r"\w+")
_RAW_TEXT = ("script", "style", "textarea", "title")
"""Elements whose content is not HTML: copied through untouched, whatever it contains."""
_UNMARKED = frozenset(
    ("abbr", "code", "pre", "kbd", "samp", "button", "svg", "math", "label", "select", "option")
)
"""Elements whose text is never marked: code is literal, controls take no tooltip of their
own, and SVG or MathML text cannot hold an HTML element."""


@dataclass(frozen=True)
class Glossary:
    """Forms to mark, grouped by their first word, longest first within a group."""

    by_first_word: Mapping[str, tuple[tuple[str, str], ...]]
    """First word of a form -> ((form, HTML-escaped explanation), ...)."""

    @classmethod
    def of(cls, explanations: Mapping[str, str]) -> Glossary:
        """From form -> explanation (plain text). A form that does not start with a word
        character can never be found and is left out (the term's validator refuses it)."""
        groups: dict[str, list[tuple[str, str]]] = {}
        for form, explanation in explanations.items():
            first = _WORD.match(form)
            if first:
                groups.setdefault(first.group(), []).append(
                    (form, html.escape(explanation, quote=True))
                )
        return cls(
            {
                word: tuple(sorted(forms, key=lambda item: (-len(item[0]), item[0])))
                for word, forms in groups.items()
            }
        )


def mark_terms(page: str, glossary: Glossary) -> str:
    """`page` with every occurrence of a form in its text (outside code, controls and raw-text
    elements) wrapped in an `abbr` element carrying the form's explanation."""
    if not glossary.by_first_word:
        return page
    out: list[str] = []
    closed: dict[str, int] = {}  # open unmarked elements by name
    position = 0
    while position < len(page):
        tag = _TAG.search(page, position)
        end = tag.start() if tag else len(page)
        if end > position:
            text = page[position:end]
            out.append(text if any(closed.values()) else _mark_text(text, glossary))
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


def _mark_text(text: str, glossary: Glossary) -> str:
    """One run of HTML text (character references allowed, no tags)."""
    if "<" in text:
        return text  # something tag-like that is not a well-formed tag: leave it as it is
    plain = html.unescape(text) if "&" in text else text
    pieces: list[str] = []
    done = 0
    for word in _WORD.finditer(plain):  # whole words only: a form starts at a word's start
        start = word.start()
        if start < done:
            continue  # inside a form marked already
        for form, title in glossary.by_first_word.get(word.group(), ()):
            stop = start + len(form)
            if plain.startswith(form, start) and not (
                stop < len(plain) and _is_word_char(plain[stop]) and _is_word_char(form[-1])
            ):
                pieces.append(html.escape(plain[done:start], quote=False))
                pieces.append(f'<abbr title="{title}">{html.escape(form, quote=False)}</abbr>')
                done = stop
                break
    if not pieces:
        return text
    pieces.append(html.escape(plain[done:], quote=False))
    return "".join(pieces)


def _is_word_char(character: str) -> bool:
    return character.isalnum() or character == "_"
