"""Read one YAML data file into plain Python values plus the position of every key and value.

PyYAML's defaults are wrong for hand-written data: duplicate keys silently overwrite each
other, `2022-07-28` becomes a `date` and `no` becomes `False`. This reader composes the node
tree itself and builds values from it, so that:

- every plain scalar is a string, except `true`, `false` (booleans) and `null`, `~` or an
  empty value (None); quoted scalars are always strings;
- duplicate keys, anchors/aliases, merge keys and explicit tags (`!!python/object`) are errors;
- each key and value keeps its 1-based line and column, so a schema error found later can
  point at the right line (the approach dagster takes, reduced to a dict per file).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generator.load.diagnostics import Diagnostic
from generator.load.yaml_errors import (
    Position,
    mark_position,
    reader_diagnostic,
    syntax_diagnostic,
)

Loc = tuple[str | int, ...]
"""A path into a record: keys and list indices, as pydantic reports them."""


MAX_DEPTH = 32
"""Deeper nesting than this is refused; no record kind nests more than four levels."""

_PLAIN_CONSTANTS: dict[str, Any] = {"true": True, "false": False, "null": None, "~": None, "": None}
_STR_TAG = "tag:yaml.org,2002:str"
_SEQ_TAG = "tag:yaml.org,2002:seq"
_MAP_TAG = "tag:yaml.org,2002:map"


@dataclass(frozen=True)
class Positions:
    """Where each key and value of one file starts."""

    values: dict[Loc, Position] = field(default_factory=dict)
    keys: dict[Loc, Position] = field(default_factory=dict)

    def find(self, loc: Loc, *, prefer_key: bool = False) -> Position:
        """The position of `loc`, or of its nearest ancestor that exists in the file."""
        for depth in range(len(loc), -1, -1):
            prefix = loc[:depth]
            if prefer_key and depth == len(loc) and prefix in self.keys:
                return self.keys[prefix]
            if prefix in self.values:
                return self.values[prefix]
        return (1, 1)


@dataclass(frozen=True)
class ParsedFile:
    path: Path
    shown_path: str
    data: Any
    positions: Positions


class _Refused(Exception):
    def __init__(self, mark: yaml.Mark | None, code: str, message: str, hint: str) -> None:
        super().__init__(message)
        self.mark, self.code, self.message, self.hint = mark, code, message, hint


class _Loader(yaml.SafeLoader):
    """A SafeLoader with no implicit typing that refuses aliases and runaway nesting."""

    # No implicit resolvers: every plain scalar composes as a string; _build types the rest.
    yaml_implicit_resolvers: dict[Any, Any] = {}

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._depth = 0

    def compose_node(self, parent: yaml.Node | None, index: Any) -> yaml.Node | None:
        event = self.peek_event()  # type: ignore[no-untyped-call]
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise _Refused(
                event.start_mark,
                "yaml-alias",
                "anchors and aliases (& and *) are not allowed in data files",
                "write the value out in full",
            )
        self._depth += 1
        if self._depth > MAX_DEPTH:
            raise _Refused(
                event.start_mark,
                "too-deep",
                f"nesting deeper than {MAX_DEPTH} levels",
                "no record kind nests this deep; check the indentation",
            )
        try:
            node: yaml.Node | None = super().compose_node(parent, index)
        finally:
            self._depth -= 1
        return node


_DEFAULT_TAGS = {yaml.ScalarNode: _STR_TAG, yaml.SequenceNode: _SEQ_TAG, yaml.MappingNode: _MAP_TAG}
_CLoaderBase: Any = getattr(yaml, "CSafeLoader", None)
"""libyaml's loader, when PyYAML was built with it (the wheels on PyPI are)."""

if _CLoaderBase is not None:

    class _FastLoader(_CLoaderBase):  # type: ignore[misc]
        """libyaml composes the nodes in C, about twenty times faster than PyYAML's Python."""

        yaml_implicit_resolvers: dict[Any, Any] = {}

        def resolve(self, kind: type[yaml.Node], value: Any, implicit: Any) -> str:
            # Text on this path has no tags and there are no implicit resolvers, so every
            # node gets its kind's default tag; skipping the generic lookup saves a third.
            return _DEFAULT_TAGS[kind]


# Only text without these can take the fast path: no anchor, alias or tag can hide in it, so
# the one thing the C composer does differently (resolving aliases silently) never arises.
_FAST_PATH_REFUSES = frozenset("&*!")
_FAST_PATH_MAX_NESTING_SIGNS = 200
"""The C composer recurses without a limit: text with more brackets or indentation than this
(a possible nesting bomb) takes the Python path, which stops at MAX_DEPTH."""


def parse_text(
    text: str, path: Path, shown_path: str
) -> tuple[ParsedFile | None, list[Diagnostic]]:
    """Parse decoded text; on failure return the diagnostics instead of a file.

    Plain files go through libyaml; anything it cannot take as they are, or that fails there,
    is parsed again in Python, whose errors are the ones we report. Both give the same values
    and positions (a test compares them on every data file and every error case).
    """
    fast = _parse_fast(text)
    if fast is not None:
        data, positions = fast
        return ParsedFile(path, shown_path, data, positions), []
    return _parse_python(text, path, shown_path)


def _parse_fast(text: str) -> tuple[Any, Positions] | None:
    if _CLoaderBase is None or not _fast_path_safe(text):
        return None
    loader = _FastLoader(text)
    try:
        root = loader.get_single_node()
        positions = Positions()
        data = _build(root, (), positions) if root is not None else None
    except (yaml.YAMLError, _Refused):
        return None
    finally:
        loader.dispose()
    return data, positions


def _fast_path_safe(text: str) -> bool:
    """Whether the text nests shallowly enough for the C composer: flow brackets open at
    once, list items begun on one line (`- - - x`), and indentation each bound the depth.
    Many items side by side (25,000 aliases) nest no deeper and stay on the fast path."""
    if not _FAST_PATH_REFUSES.isdisjoint(text):
        return False
    depth = deepest = 0
    for bracket in _BRACKETS.finditer(text):  # quoted brackets count too: a safe overestimate
        depth = depth + 1 if bracket.group() in "[{" else max(0, depth - 1)
        deepest = max(deepest, depth)
    if deepest > _FAST_PATH_MAX_NESTING_SIGNS:
        return False
    lines = text.split("\n")
    items = max((len(_ITEM_STARTS.match(line).group()) for line in lines), default=0)  # type: ignore[union-attr]
    indent = max((len(line) - len(line.lstrip(" ")) for line in lines), default=0)
    return items // 2 + indent <= _FAST_PATH_MAX_NESTING_SIGNS


_BRACKETS = re.compile(r"[\[\]{}]")
_ITEM_STARTS = re.compile(r"(?:[ ]*-[ ]+)*")


def _parse_python(
    text: str, path: Path, shown_path: str
) -> tuple[ParsedFile | None, list[Diagnostic]]:
    try:
        loader = _Loader(text)
    except yaml.reader.ReaderError as error:
        return None, [reader_diagnostic(error, text, shown_path)]
    try:
        root = loader.get_single_node()
        positions = Positions()
        data = _build(root, (), positions) if root is not None else None
    except _Refused as refused:
        line, col = mark_position(refused.mark)
        return None, [
            Diagnostic(shown_path, line, col, refused.code, "", refused.message, refused.hint)
        ]
    except yaml.MarkedYAMLError as error:
        return None, [syntax_diagnostic(error, shown_path)]
    except yaml.YAMLError as error:  # pragma: no cover - PyYAML raises marked errors for text
        return None, [Diagnostic(shown_path, 0, 0, "yaml-syntax", "", str(error), "")]
    finally:
        loader.dispose()
    return ParsedFile(path, shown_path, data, positions), []


def _build(node: yaml.Node, loc: Loc, positions: Positions) -> Any:
    if len(loc) >= MAX_DEPTH:
        raise _Refused(node.start_mark, "too-deep", "nesting too deep", "")  # Python path reports
    positions.values[loc] = mark_position(node.start_mark)
    if isinstance(node, yaml.ScalarNode):
        if node.tag != _STR_TAG:
            raise _Refused(
                node.start_mark,
                "yaml-tag",
                f"YAML tags such as '{node.tag}' are not allowed",
                "remove the tag; write plain text",
            )
        if not node.style:  # plain: None from PyYAML, "" from libyaml
            return _PLAIN_CONSTANTS.get(node.value, node.value)
        return node.value
    if isinstance(node, yaml.SequenceNode):
        if node.tag != _SEQ_TAG:
            raise _Refused(
                node.start_mark,
                "yaml-tag",
                f"YAML tags such as '{node.tag}' are not allowed",
                "remove the tag",
            )
        return [_build(item, (*loc, index), positions) for index, item in enumerate(node.value)]
    if isinstance(node, yaml.MappingNode):
        if node.tag != _MAP_TAG:
            raise _Refused(
                node.start_mark,
                "yaml-tag",
                f"YAML tags such as '{node.tag}' are not allowed",
                "remove the tag",
            )
        mapping: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag != _STR_TAG:
                raise _Refused(
                    key_node.start_mark,
                    "bad-key",
                    "a key must be plain text",
                    "write the key as a word such as 'title'",
                )
            key = key_node.value
            if key == "<<" and not key_node.style:
                raise _Refused(
                    key_node.start_mark,
                    "yaml-alias",
                    "merge keys (<<) are not allowed in data files",
                    "write the fields out in full",
                )
            if key in mapping:
                first_line = positions.keys[(*loc, key)][0]
                raise _Refused(
                    key_node.start_mark,
                    "duplicate-key",
                    f"the key '{key}' appears twice",
                    f"it was first set on line {first_line}; keep one of the two",
                )
            positions.keys[(*loc, key)] = mark_position(key_node.start_mark)
            mapping[key] = _build(value_node, (*loc, key), positions)
        return mapping
    raise _Refused(node.start_mark, "yaml-syntax", "unsupported YAML node", "")  # pragma: no cover
