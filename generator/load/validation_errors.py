"""Turn pydantic's validation errors into diagnostics a contributor can act on.

pydantic reports `loc`, `type` and a message written for programmers ("Input should be a
valid string"). We map each to a file position through the reader's positions, a stable
code, plain words, and a hint drawn from the field's own documentation.
"""

from __future__ import annotations

import types
import typing
from typing import Any, Literal, get_args, get_origin

from pydantic import BaseModel
from pydantic_core import ErrorDetails

from generator.load.diagnostics import Diagnostic, did_you_mean
from generator.load.yaml_positions import Loc, ParsedFile

_TYPE_WORDS = {
    "string_type": "text",
    "bool_type": "true or false",
    "int_type": "a whole number",
    "list_type": "a list",
    "model_type": "a mapping of fields",
    "dict_type": "a mapping of fields",
    "model_attributes_type": "a mapping of fields",
}


def explain(error: ErrorDetails, model: type[BaseModel], parsed: ParsedFile) -> Diagnostic:
    loc: Loc = tuple(error["loc"])
    kind = error["type"]
    context = error.get("ctx") or {}
    if isinstance(context.get("field"), str):
        loc = (*loc, context["field"])
    code, message, hint = _words(kind, error, model, loc)
    line, col = parsed.positions.find(loc, prefer_key=kind == "extra_forbidden")
    return Diagnostic(parsed.shown_path, line, col, code, format_loc(loc), message, hint)


def format_loc(loc: Loc) -> str:
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


def describe(value: Any) -> str:
    """How a YAML value looks to the person who wrote it."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f"the text '{_short(value)}'"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__  # pragma: no cover - the reader makes no other types


def _words(
    kind: str, error: ErrorDetails, model: type[BaseModel], loc: Loc
) -> tuple[str, str, str]:
    value = error.get("input")
    context = error.get("ctx") or {}
    if kind == "missing":
        field_doc = _field_doc(model, loc)
        return (
            "missing-field",
            "this required field is missing",
            (f"add '{loc[-1]}:' ({field_doc})" if field_doc else f"add '{loc[-1]}:'"),
        )
    if kind == "extra_forbidden":
        allowed = _allowed_fields(model, loc[:-1])
        suggestion = did_you_mean(str(loc[-1]), allowed)
        return (
            "unknown-field",
            "this field is not part of the schema",
            (suggestion or f"allowed fields here: {', '.join(allowed)}"),
        )
    if kind in _TYPE_WORDS:
        expected = _TYPE_WORDS[kind]
        hint = (
            "quote the value to keep it as text"
            if kind == "string_type" and isinstance(value, bool)
            else ""
        )
        if kind == "string_type" and value is None:
            required = _field_required(model, loc)
            hint = "write the text after the colon" + ("" if required else ", or remove the field")
        return "wrong-type", f"expected {expected}, found {describe(value)}", hint
    if kind == "literal_error":
        choices = _literal_choices(model, loc)
        suggestion = did_you_mean(str(value), choices)
        return (
            "invalid-value",
            f"{describe(value)} is not one of the allowed values",
            (f"{suggestion} allowed: {', '.join(choices)}".strip()),
        )
    if kind == "too_short":
        minimum = context.get("min_length", 1)
        return (
            "too-few",
            f"needs at least {minimum} item(s), found {len(value or [])}",
            _too_few_hint(loc),
        )
    if kind == "string_too_long":
        return (
            "too-long",
            f"the text is longer than {context.get('max_length')} characters",
            ("shorten it, or split it into several records"),
        )
    if kind == "too_long":
        return (
            "too-many",
            f"at most {context.get('max_length')} item(s), found {context.get('actual_length')}",
            "keep the ones readers need; each costs every page that shows them",
        )
    if kind in ("greater_than_equal", "greater_than"):
        return (
            "invalid-value",
            f"{describe(value)} is too small",
            f"use a number of at least {context.get('ge', 1)}",
        )
    if kind in ("less_than_equal", "less_than"):
        return (
            "invalid-value",
            f"{describe(value)} is too large",
            f"use a number of at most {context.get('le')}",
        )
    if "_" in kind:
        # A pydantic error type this module has no words for: keep pydantic's message.
        return "invalid-value", error["msg"], ""
    # Our own validators raise kebab-case types, already written for contributors.
    return kind, error["msg"], context.get("hint") or _custom_hint(kind)


def _custom_hint(code: str) -> str:
    return {
        "bad-date": "write a date as 2022-07-28, 2022-07 or 2022",
        "bad-time": "write a time as 14:12 (24-hour clock)",
        "bad-zone": "use a name from the IANA list, e.g. Europe/Paris or America/New_York",
        "bad-url": "use the full address starting with https:// (or http://)",
        "bad-language": "use a two- or three-letter code such as en, ru, uz",
        "empty-text": "write the text, or remove the field if it is optional",
        "long-excerpt": "keep only the words in dispute, a sentence or two; the full words "
        "stay on the statement's page",
        "short-excerpt": "copy enough words to show what is in dispute",
        "bad-character": "delete it (text may hold tabs and line breaks, not other controls)",
        "bad-term": "write the term as it appears in the text, e.g. NATO or shuttle diplomacy",
        "time-without-zone": "add 'zone:' with the IANA name of the place's time zone",
        "time-without-day": "give the full date, or remove the time",
        "approx-without-time": "add 'time:', or remove 'approx'",
        "after-and-before": "keep the one the sources support best; the other record's own "
        "'after' or 'before' can give the rest of the order",
        "unverified-without-reason": "add 'missing:' saying what would verify the record",
        "verified-with-missing": "remove 'missing:', or set 'verification: unverified'",
        "duplicate-zone": "list each zone once",
        "time-and-part-of-day": "keep 'time' if the sources give it; else 'part_of_day'",
        "part-of-day-without-day": "give the full date and 'zone:' with the IANA name of the "
        "place's time zone",
    }.get(code, "")


def _too_few_hint(loc: Loc) -> str:
    name = str(loc[-1]) if loc else ""
    if name in ("sources", "reported_in"):
        return "cite at least one source: its id is the file name under data/sources/"
    if name == "sides":
        return "a contradiction needs at least two sides"
    return ""


def _short(text: str, limit: int = 60) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def _model_at(model: type[BaseModel], loc: Loc) -> type[BaseModel] | None:
    """The model class that holds the field at `loc` (walking keys and list indices)."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        fields = _fields_by_key(current)
        if part not in fields:
            return None
        current = inner_model(fields[part].annotation)
        if current is None:
            return None
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _fields_by_key(model: type[BaseModel]) -> dict[str, Any]:
    return {(info.alias or name): info for name, info in model.model_fields.items()}


def inner_model(annotation: Any) -> type[BaseModel] | None:
    """The model class inside an annotation (through Optional, list, Annotated), if any."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in get_args(annotation):
        found = inner_model(arg)
        if found is not None:
            return found
    return None


def _allowed_fields(model: type[BaseModel], parent: Loc) -> list[str]:
    holder = _model_at(model, parent)
    return sorted(_fields_by_key(holder)) if holder else []


def _field_doc(model: type[BaseModel], loc: Loc) -> str:
    holder = _model_at(model, loc[:-1])
    info = _fields_by_key(holder).get(str(loc[-1])) if holder else None
    doc = (info.description or "") if info else ""
    return doc.split("\n")[0].rstrip(".")


def _field_required(model: type[BaseModel], loc: Loc) -> bool:
    holder = _model_at(model, loc[:-1])
    info = _fields_by_key(holder).get(str(loc[-1])) if holder else None
    return bool(info and info.is_required())


def _literal_choices(model: type[BaseModel], loc: Loc) -> list[str]:
    holder = _model_at(model, loc[:-1])
    info = _fields_by_key(holder).get(str(loc[-1])) if holder else None
    return sorted(_literal_values(info.annotation)) if info else []


def _literal_values(annotation: Any) -> set[str]:
    if get_origin(annotation) is Literal:
        return {str(v) for v in get_args(annotation)}
    if get_origin(annotation) in (typing.Union, types.UnionType, list):
        return set().union(*(_literal_values(a) for a in get_args(annotation)))
    return set()
