"""Parse and validate every data file found (`discover_files.py`), one record at a time.

No record looks at another here: cross-references are checked only once everything has
loaded (see `dataset/link.py`), so the result never depends on the order files are read in.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from generator.load.decode_text import MAX_FILE_BYTES, decode, too_large
from generator.load.diagnostics import Diagnostic, display_path
from generator.load.discover_files import not_a_file
from generator.load.validation_errors import explain
from generator.load.yaml_positions import ParsedFile, parse_text
from generator.schema.field_types import ID_PATTERN, MAX_ID_LENGTH, Record, slug_hint
from generator.schema.models import KINDS

MAX_PROBLEMS_PER_FILE = 50
"""Beyond this, one more line says how many were left out: a wrong file, not 50 typos."""


@dataclass(frozen=True)
class Loaded:
    """One valid record with where it came from, for later diagnostics."""

    kind: str
    id: str
    record: Record
    origin: ParsedFile


def load_file(path: Path, kind: str) -> tuple[Loaded | None, list[Diagnostic]]:
    shown = display_path(path)
    record_id = path.stem
    problems = _check_id(record_id, shown)
    validated, found = read_model(path, KINDS[kind])
    problems += found
    if validated is None or problems:
        return None, problems
    record, parsed = validated
    return Loaded(kind, record_id, record, parsed), []


Model = TypeVar("Model", bound=BaseModel)


def read_model(
    path: Path, model: type[Model], noun: str = "a record file"
) -> tuple[tuple[Model, ParsedFile] | None, list[Diagnostic]]:
    """Read, parse and validate one YAML file as `model`: the value with its positions, or
    every problem found (at most MAX_PROBLEMS_PER_FILE and a line saying how many more)."""
    shown = display_path(path)
    text, problems = read_text(path)
    if text is None:
        return None, problems
    parsed, parse_problems = parse_text(text, path, shown)
    if parsed is None:
        return None, parse_problems
    if not isinstance(parsed.data, dict):
        return None, [
            Diagnostic(
                shown,
                1,
                1,
                "not-a-mapping",
                "",
                f"{noun} must be a mapping of fields",
                "start each line with a field name, as in 'name: ...'",
            )
        ]
    try:
        value = model.model_validate(parsed.data)
    except ValidationError as error:
        errors = error.errors()
        problems = [explain(item, model, parsed) for item in errors[:MAX_PROBLEMS_PER_FILE]]
        if len(errors) > MAX_PROBLEMS_PER_FILE:
            problems.append(
                Diagnostic(
                    shown,
                    0,
                    0,
                    "too-many-problems",
                    "",
                    f"{len(errors) - MAX_PROBLEMS_PER_FILE} more problem(s) in this file not shown",
                    "fix the ones above first; is this the right file?",
                )
            )
        return None, problems
    return (value, parsed), []


def read_text(path: Path) -> tuple[str | None, list[Diagnostic]]:
    """A data file's text: a regular file within the size limit, in UTF-8 without controls."""
    shown = display_path(path)
    try:
        raw = _read_bounded(path)
    except _NotAFile as refused:
        return None, [not_a_file(shown, refused.kind)]
    except _TooLarge as large:
        return None, [too_large(shown, large.size)]
    except OSError as error:
        reason = error.strerror or type(error).__name__
        return None, [
            Diagnostic(shown, 0, 0, "unreadable", "", f"the file cannot be read: {reason}", "")
        ]
    return decode(raw, shown)


class _NotAFile(Exception):
    def __init__(self, kind: str) -> None:
        self.kind = kind


class _TooLarge(Exception):
    def __init__(self, size: int) -> None:
        self.size = size


def _read_bounded(path: Path) -> bytes:
    """The file's bytes, read only if it is a regular file within MAX_FILE_BYTES.

    Checked on the open file, not the name, so a file swapped for a link or a FIFO after
    discovery is refused too: O_NOFOLLOW refuses a link, O_NONBLOCK keeps a FIFO from
    blocking the open, and at most MAX_FILE_BYTES + 1 bytes are ever read."""
    try:
        handle = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise _NotAFile("symlink") from None
        raise
    try:
        status = os.fstat(handle)
        if not stat.S_ISREG(status.st_mode):
            raise _NotAFile("special")
        if status.st_size > MAX_FILE_BYTES:
            raise _TooLarge(status.st_size)
        chunks: list[bytes] = []
        remaining = MAX_FILE_BYTES + 1
        while remaining > 0:
            chunk = os.read(handle, remaining)
            if not chunk:
                break
            chunks.append(chunk)
            remaining -= len(chunk)
        raw = b"".join(chunks)
        if len(raw) > MAX_FILE_BYTES:  # grew after the fstat
            raise _TooLarge(len(raw))
        return raw
    finally:
        os.close(handle)


FileCache = dict[Path, tuple[tuple[int, int], "Loaded | None", list[Diagnostic]]]
"""Results of earlier loads by path, with the (size, mtime_ns) they were read at. Owned by a
caller that rebuilds repeatedly (the preview server); a file whose size and modification time
are unchanged is not read again."""


def load_all(
    paths: Iterable[Path], data_dir: Path, cache: FileCache | None = None
) -> tuple[list[Loaded], list[Diagnostic]]:
    records: list[Loaded] = []
    problems: list[Diagnostic] = []
    for path in paths:
        kind = path.relative_to(data_dir).parts[0]
        loaded, found = _load_cached(path, kind, cache)
        problems.extend(found)
        if loaded is not None:
            records.append(loaded)
    return records, problems


RESERVED_IDS = frozenset({"index", "page"})
"""Names the site uses inside a kind's folder: `<kind>/index` is its list of records and
`<kind>/page/` holds its shelves; a record with such an id would replace them."""


def _check_id(record_id: str, shown: str) -> list[Diagnostic]:
    if record_id in RESERVED_IDS:
        return [
            Diagnostic(
                shown,
                0,
                0,
                "reserved-id",
                "",
                f"the id '{record_id}' names a page of the site (the list of records or its "
                "shelves); a record with it would replace that page",
                "rename the file after what the record is",
            )
        ]
    if ID_PATTERN.fullmatch(record_id) and len(record_id) <= MAX_ID_LENGTH:
        return []
    return [
        Diagnostic(
            shown,
            0,
            0,
            "bad-id",
            "",
            f"the file name '{record_id}' is not a valid id: lower-case letters, digits and "
            f"single hyphens, at most {MAX_ID_LENGTH} characters",
            f"rename the file, e.g. to '{slug_hint(record_id)}.yaml'",
        )
    ]


def _load_cached(
    path: Path, kind: str, cache: FileCache | None
) -> tuple[Loaded | None, list[Diagnostic]]:
    if cache is None:
        return load_file(path, kind)
    try:
        status = os.lstat(path)
        key = (status.st_size, status.st_mtime_ns)
    except OSError:
        return load_file(path, kind)
    hit = cache.get(path)
    if hit is not None and hit[0] == key:
        return hit[1], hit[2]
    loaded, problems = load_file(path, kind)
    cache[path] = (key, loaded, problems)
    return loaded, problems
