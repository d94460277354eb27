"""Find every reference in a record: the fields typed with a `Ref` marker, with their paths.

Each model's field types are read once and turned into small walker functions: reading type
annotations for every record made this a tenth of `check` on large datasets.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Callable, Iterator
from functools import cache
from typing import Annotated, Any, get_args, get_origin

from pydantic import BaseModel

from generator.load.yaml_positions import Loc
from generator.schema.field_types import Ref

Found = Iterator[tuple[Loc, str, Ref]]
Walker = Callable[[Any, Loc], Found]


def iter_refs(model: BaseModel, loc: Loc = ()) -> Found:
    """Yield (path, id, marker) for each reference in `model`, in field order."""
    for name, key, walker in _fields(type(model)):
        value = getattr(model, name)
        if value is not None:
            yield from walker(value, (*loc, key))


@cache
def _fields(model: type[BaseModel]) -> tuple[tuple[str, str, Walker], ...]:
    """(attribute, key as written, walker) for each field that can hold a reference."""
    found = []
    for name, info in model.model_fields.items():
        walker = _compile(info.annotation, tuple(info.metadata))
        if walker is not None:
            found.append((name, info.alias or name, walker))
    return tuple(found)


def _compile(annotation: Any, metadata: tuple[Any, ...]) -> Walker | None:
    """A walker for values of type `annotation`, or None when no reference can be inside."""
    origin = get_origin(annotation)
    if origin is Annotated:
        base, *extra = get_args(annotation)
        return _compile(base, (*metadata, *extra))
    if origin in (typing.Union, types.UnionType):
        # Optional fields: the one type besides None.
        option = next(arg for arg in get_args(annotation) if arg is not type(None))
        return _compile(option, metadata)
    if origin is list:
        (item_type,) = get_args(annotation)
        item_walker = _compile(item_type, ())
        return None if item_walker is None else _list_walker(item_walker)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return _model_walker if _may_refer(annotation) else None
    markers = [item for item in metadata if isinstance(item, Ref)]
    return _leaf_walker(markers[0]) if markers else None


def _may_refer(model: type[BaseModel]) -> bool:
    return bool(_fields(model))


def _model_walker(value: Any, loc: Loc) -> Found:
    if isinstance(value, BaseModel):
        yield from iter_refs(value, loc)


def _list_walker(item_walker: Walker) -> Walker:
    def walk(value: Any, loc: Loc) -> Found:
        if isinstance(value, list):
            for index, item in enumerate(value):
                if item is not None:
                    yield from item_walker(item, (*loc, index))

    return walk


def _leaf_walker(marker: Ref) -> Walker:
    def walk(value: Any, loc: Loc) -> Found:
        if isinstance(value, str):
            yield loc, value, marker

    return walk
