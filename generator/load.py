"""Discover, parse and validate every data file, one record at a time.

No record looks at another here: cross-references are checked only once everything has
loaded (see `link.py`), so the result never depends on the order files are read in.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from .diagnostics import Diagnostic, display_path
from .explain import explain
from .fields import ID_PATTERN, MAX_ID_LENGTH, Record, slug_hint
from .models import KINDS
from .yamlio import ParsedFile, decode, parse_text

MAX_PROBLEMS_PER_FILE = 50
"""Beyond this, one more line says how many were left out: a wrong file, not 50 typos."""


@dataclass(frozen=True)
class Loaded:
    """One valid record with where it came from, for later diagnostics."""

    kind: str
    id: str
    record: Record
    origin: ParsedFile


def discover(data_dir: Path) -> tuple[list[Path], list[Diagnostic]]:
    """Every `data/<kind>/<id>.yaml`, sorted; anything else under data/ is reported."""
    problems: list[Diagnostic] = []
    found: list[Path] = []
    for path in sorted(data_dir.rglob("*")):
        if path.is_dir() or path.name.startswith("."):
            continue
        relative = path.relative_to(data_dir)
        shown = display_path(path)
        if len(relative.parts) != 2 or relative.parts[0] not in KINDS:
            kinds = ", ".join(KINDS)
            problems.append(
                Diagnostic(
                    shown,
                    0,
                    0,
                    "stray-file",
                    "",
                    "this file is not in a record folder",
                    f"records live in data/<kind>/<id>.yaml, where kind is one of: {kinds}",
                )
            )
        elif path.suffix != ".yaml":
            problems.append(
                Diagnostic(
                    shown,
                    0,
                    0,
                    "stray-file",
                    "",
                    "a data file must end in .yaml",
                    f"rename it to {path.stem}.yaml",
                )
            )
        else:
            found.append(path)
    return found, problems


def load_file(path: Path, kind: str) -> tuple[Loaded | None, list[Diagnostic]]:
    shown = display_path(path)
    record_id = path.stem
    problems = _check_id(record_id, shown)
    try:
        raw = path.read_bytes()
    except OSError as error:
        reason = error.strerror or type(error).__name__
        return None, [
            *problems,
            Diagnostic(shown, 0, 0, "unreadable", "", f"the file cannot be read: {reason}", ""),
        ]
    text, decode_problems = decode(raw, shown)
    if text is None:
        return None, problems + decode_problems
    parsed, parse_problems = parse_text(text, path, shown)
    if parsed is None:
        return None, problems + parse_problems
    if not isinstance(parsed.data, dict):
        problems.append(
            Diagnostic(
                shown,
                1,
                1,
                "not-a-mapping",
                "",
                "a record file must be a mapping of fields",
                "start each line with a field name, as in 'name: ...'",
            )
        )
        return None, problems
    model = KINDS[kind]
    try:
        record = model.model_validate(parsed.data)
    except ValidationError as error:
        errors = error.errors()
        problems.extend(explain(item, model, parsed) for item in errors[:MAX_PROBLEMS_PER_FILE])
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
    if problems:
        return None, problems
    return Loaded(kind, record_id, record, parsed), []


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


def _check_id(record_id: str, shown: str) -> list[Diagnostic]:
    if ID_PATTERN.match(record_id) and len(record_id) <= MAX_ID_LENGTH:
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
        stat = path.stat()
        key = (stat.st_size, stat.st_mtime_ns)
    except OSError:
        return load_file(path, kind)
    hit = cache.get(path)
    if hit is not None and hit[0] == key:
        return hit[1], hit[2]
    loaded, problems = load_file(path, kind)
    cache[path] = (key, loaded, problems)
    return loaded, problems
