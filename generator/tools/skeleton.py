"""`python -m generator new <kind> <id>`: a commented skeleton record, written from the models.

Required fields are left empty, so `check` lists exactly what is still to fill in; optional
fields are shown commented out. The comments are the fields' own documentation.
"""

from __future__ import annotations

import textwrap
import types
import typing
from typing import Any, Literal, get_args, get_origin

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from generator.load.validation_errors import inner_model
from generator.schema.models import KINDS, SINGULAR

PLURAL = {singular: kind for kind, singular in SINGULAR.items()}


def kind_of(name: str) -> str | None:
    """`statement` or `statements` -> `statements`; None if no such kind."""
    return name if name in KINDS else PLURAL.get(name)


def skeleton(kind: str) -> str:
    lines = [
        f"# yaml-language-server: $schema=../../schema/{SINGULAR[kind]}.schema.json",
        f"# A new {SINGULAR[kind]}. Fill in every field left empty, uncomment the optional ones",
        "# you need, then run `make check` (or `python -m generator check`).",
        "",
    ]
    lines += _fields(KINDS[kind], indent="")
    return "\n".join(lines) + "\n"


def _fields(model: type[BaseModel], indent: str) -> list[str]:
    lines: list[str] = []
    for name, info in model.model_fields.items():
        key = info.alias or name
        lines += _comment(info, indent)
        required = info.is_required()
        inner = inner_model(info.annotation)
        prefix = "" if required else "# "
        if inner is not None and _is_list(info.annotation):
            lines.append(f"{indent}{prefix}{key}:")
            item = _fields(inner, indent + "    ")
            if item:
                first = item.index(next(line for line in item if not line.strip().startswith("#")))
                item[first] = indent + "  - " + item[first].lstrip()
            lines += [f"{indent}{prefix}{line[len(indent) :]}" if prefix else line for line in item]
        elif inner is not None:
            lines.append(f"{indent}{prefix}{key}:")
            nested = _fields(inner, indent + "  ")
            lines += [f"{indent}# {line[len(indent) :]}" for line in nested] if prefix else nested
        elif _is_list(info.annotation):
            lines.append(f"{indent}{prefix}{key}: []")
        else:
            lines.append(f"{indent}{prefix}{key}:")
    return lines


def _comment(info: FieldInfo, indent: str) -> list[str]:
    text = " ".join((info.description or "").split())
    choices = _choices(info.annotation)
    if choices:
        text += f" One of: {', '.join(choices)}."
    return [f"{indent}# {line}" for line in textwrap.wrap(text, 96 - len(indent))]


def _choices(annotation: Any) -> list[str]:
    if get_origin(annotation) is Literal:
        return [str(a) for a in get_args(annotation)]
    return [c for arg in get_args(annotation) for c in _choices(arg)]


def _is_list(annotation: Any) -> bool:
    if get_origin(annotation) is list:
        return True
    if get_origin(annotation) in (typing.Union, types.UnionType, typing.Annotated):
        return any(_is_list(a) for a in get_args(annotation))
    return False
