"""Characters that make text read otherwise than it is stored, and the one way they are refused.

Shared by the validators (which refuse them in data) and the reports (which show them as
escapes), so that both agree on what counts as invisible.
"""

from __future__ import annotations

import re
import unicodedata

from pydantic_core import PydanticCustomError

CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
"""C0 and C1 controls and the bidirectional embeddings, overrides and isolates, which make
text display in another order than it is stored (and so read differently than it is)."""
INVISIBLE = re.compile(
    "[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b-\u200f\u2028-\u202e"
    "\u2060-\u206f\u2800\u3164\ufe00-\ufe0f\ufeff\uffa0]"
)
"""Characters that print as nothing or blank although Python calls some printable: fillers,
joiners, marks and directional controls. In a name or an address they make two strings that
look the same differ ("Pa\u200bris" beside "Paris")."""


def refuse(pattern: re.Pattern[str], value: str, code: str, message: str) -> str:
    """`value`, or a `code` error naming the first character `pattern` finds: `message` holds
    `{code}` and `{name}` for it (e.g. "the character U+{code}{name} is not allowed")."""
    found = pattern.search(value)
    if found:
        character = found.group()
        raise PydanticCustomError(
            code, message, {"code": f"{ord(character):04X}", "name": _name(character)}
        )
    return value


def _name(character: str) -> str:
    """` (its Unicode name)`, or nothing for the controls, which have none."""
    name = unicodedata.name(character, "")
    return f" ({name.lower()})" if name else ""


UNSPACED = "\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f"
"""Characters of scripts written without spaces between words: Chinese characters and
Japanese kana. Each counts as a word of its own when glossary terms are matched, so `外交部`
is found inside `中国外交部发言人`; a letter of a spaced script still has to start and end a word
(`NATO` is not found in `NATOs`)."""
_UNSPACED = re.compile(f"[{UNSPACED}]")
WORD_TOKEN = f"[^\\W{UNSPACED}]+|[{UNSPACED}]"
"""A word as glossary matching reads it: a run of word characters of spaced scripts, or one
character of an unspaced one."""


def joins_words(character: str) -> bool:
    """Whether `character` continues a word of a spaced script (a form touching it is not a
    whole word): what a regular expression's `\\w` matches, less the unspaced scripts."""
    return (character.isalnum() or character == "_") and not _UNSPACED.match(character)
