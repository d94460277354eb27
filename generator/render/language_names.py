"""Languages as readers name them: "Russian", "Chinese (Simplified)", never `ru` or `zh-Hans`."""

from __future__ import annotations

from functools import cache

from babel import Locale, UnknownLocaleError


@cache
def language_name(code: str, in_language: str = "en") -> str:
    """The name of the language `code` (a BCP 47 tag) in `in_language`; the code itself when
    no name is known for it."""
    try:
        name = Locale.parse(code.replace("-", "_")).get_display_name(in_language)
    except (ValueError, UnknownLocaleError):
        return code
    return name or code


OUR_TRANSLATION = "our translation"
"""What `by` says of a translation the explainer made itself."""


def is_ours(by: str) -> bool:
    """Whether a translation's `by` says the explainer made it."""
    return " ".join(by.split()).casefold() == OUR_TRANSLATION


def translation_credit(by: str, lang: str) -> str:
    """"Translation (English) by Reuters", or "Our translation (English)": never "translation
    by our translation"."""
    language = language_name(lang)
    if is_ours(by):
        return f"Our translation ({language})"
    return f"Translation ({language}) by {by}"
