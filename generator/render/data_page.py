"""The Data page: every published file, and every field, documented from the models."""

from __future__ import annotations

import types
import typing
from typing import Any, Literal, get_args, get_origin

from pydantic import BaseModel

from generator.dataset.link import Dataset
from generator.export.data_files import SCHEMA_VERSION, Export, Time
from generator.render.markdown_text import escape
from generator.render.page_contexts import DataPage
from generator.render.page_parts import Page
from generator.render.record_links import Mentions
from generator.render.site_identity import reuse_terms
from generator.schema.field_types import Ref, Strict
from generator.schema.models import KINDS, SINGULAR


def type_words(annotation: Any) -> str:
    """A field's type in plain words for the Data page."""
    origin = get_origin(annotation)
    if origin is typing.Annotated:
        base, *meta = get_args(annotation)
        refs = [m for m in meta if isinstance(m, Ref)]
        if refs:
            return " or ".join(f"{SINGULAR[k]} id" for k in refs[0].kinds)
        return type_words(base)
    if origin is Literal:
        return "one of " + ", ".join(f"`{v}`" for v in get_args(annotation))
    if origin in (typing.Union, types.UnionType):
        options = [a for a in get_args(annotation) if a is not type(None)]
        return " or ".join(type_words(a) for a in options) + " (optional)"
    if origin is list:
        return f"list of {type_words(get_args(annotation)[0])}"
    if origin is dict:
        return f"mapping of id to {type_words(get_args(annotation)[1])}"
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return f"[{annotation.__name__}](#{annotation.__name__.lower()})"
    return {str: "text", bool: "true or false", int: "whole number"}.get(annotation, "value")


def _table(model: type[BaseModel]) -> list[dict[str, str]]:
    return [
        {
            "name": info.alias or name,
            "type": type_words(info.annotation),
            "about": escape((info.description or "").replace("\n", " ")),
        }
        for name, info in model.model_fields.items()
    ]


def _nested(model: type[BaseModel], seen: dict[str, type[BaseModel]]) -> None:
    for info in model.model_fields.values():
        for inner in _models_in(info.annotation):
            if inner.__name__ not in seen and inner not in KINDS.values():
                seen[inner.__name__] = inner
                _nested(inner, seen)


def _models_in(annotation: Any) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [m for arg in get_args(annotation) for m in _models_in(arg)]


def data_page(dataset: Dataset, m: Mentions) -> Page:
    kinds = [
        {
            "kind": kind,
            "title": SINGULAR[kind],
            "count": len(getattr(dataset, kind)),
            "about": escape(model.__doc__ or ""),
            "fields": _table(model),
        }
        for kind, model in KINDS.items()
    ]
    nested: dict[str, type[BaseModel]] = {}
    for model in KINDS.values():
        _nested(model, nested)
    parts = [
        {"name": name, "about": escape(model.__doc__ or ""), "fields": _table(model)}
        for name, model in sorted(nested.items())
        if issubclass(model, Strict)
    ]
    return Page(
        m.page,
        "data.md.j2",
        DataPage(
            schema_version=SCHEMA_VERSION,
            version=m.site.version,
            reuse=reuse_terms(dataset.explainer),
            export_fields=_table(Export),
            time_fields=_table(Time),
            kinds=kinds,
            parts=parts,
        ),
    )
