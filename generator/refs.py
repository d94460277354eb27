"""Find every reference in a record: the fields typed with a `Ref` marker, with their paths."""

from __future__ import annotations

import types
import typing
from collections.abc import Iterator
from typing import Annotated, Any, get_args, get_origin

from pydantic import BaseModel

from .fields import Ref
from .yamlio import Loc


def iter_refs(model: BaseModel, loc: Loc = ()) -> Iterator[tuple[Loc, str, Ref]]:
    """Yield (path, id, marker) for each reference in `model`, in field order."""
    for name, info in type(model).model_fields.items():
        value = getattr(model, name)
        key = info.alias or name
        yield from _walk(value, info.annotation, list(info.metadata), (*loc, key))


def _walk(
    value: Any, annotation: Any, metadata: list[Any], loc: Loc
) -> Iterator[tuple[Loc, str, Ref]]:
    if value is None:
        return
    markers = [item for item in metadata if isinstance(item, Ref)]
    if markers and isinstance(value, str):
        yield loc, value, markers[0]
        return
    if isinstance(value, BaseModel):
        yield from iter_refs(value, loc)
        return
    origin = get_origin(annotation)
    if origin is Annotated:
        base, *extra = get_args(annotation)
        yield from _walk(value, base, [*metadata, *extra], loc)
    elif origin in (typing.Union, types.UnionType):
        for option in get_args(annotation):
            if option is not type(None):
                yield from _walk(value, option, metadata, loc)
                return
    elif origin is list and isinstance(value, list):
        (item_type,) = get_args(annotation)
        for index, item in enumerate(value):
            yield from _walk(item, item_type, [], (*loc, index))
