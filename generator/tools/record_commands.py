"""`explainer new`, `schema` and `changes`: the commands that write or compare records."""

from __future__ import annotations

import sys
from pathlib import Path

from generator.schema.field_types import ID_PATTERN, MAX_ID_LENGTH, slug_hint
from generator.schema.json_schema import stale_files, write_schemas
from generator.schema.models import SINGULAR
from generator.tools.changes import compare, read_records, summary
from generator.tools.console import EXIT_DATA, EXIT_OK, EXIT_USAGE
from generator.tools.data_check import no_data_folder
from generator.tools.skeleton import kind_of, skeleton


def new_command(kind_name: str, record_id: str, data_dir: Path) -> int:
    kind = kind_of(kind_name)
    if kind is None:
        names = ", ".join(SINGULAR.values())
        print(f"error: no record kind '{kind_name}'; use one of: {names}", file=sys.stderr)
        return EXIT_USAGE
    if not ID_PATTERN.match(record_id) or len(record_id) > MAX_ID_LENGTH:
        print(
            f"error: '{record_id}' is not an id: use lower-case letters, digits and single "
            f"hyphens, e.g. '{slug_hint(record_id)}'",
            file=sys.stderr,
        )
        return EXIT_USAGE
    path = data_dir / kind / f"{record_id}.yaml"
    if path.exists():
        print(f"error: {path} already exists", file=sys.stderr)
        return EXIT_DATA
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(skeleton(kind), encoding="utf-8")
    print(path)
    return EXIT_OK


def schema_command(out_dir: Path, *, check_only: bool) -> int:
    if check_only:
        stale = stale_files(out_dir)
        for name in stale:
            print(f"{out_dir / name}: out of date; run 'make schema'", file=sys.stderr)
        return EXIT_DATA if stale else EXIT_OK
    for name in write_schemas(out_dir):
        print(f"wrote {out_dir / name}")
    return EXIT_OK


def changes_command(base_dir: Path, data_dir: Path, artifact_url: str) -> int:
    for folder in (base_dir, data_dir):
        missing = no_data_folder(folder)
        if missing:
            print(missing, file=sys.stderr)
            return EXIT_USAGE
    if artifact_url and not artifact_url.startswith("https://"):
        print(
            f"error: --artifact-url must be an https address, not '{artifact_url}'", file=sys.stderr
        )
        return EXIT_USAGE
    base, head = read_records(base_dir), read_records(data_dir)
    changes = compare(base.records, head.records, head.unreadable)
    text = summary(
        changes, problems=head.problems, unreadable=head.unreadable, artifact_url=artifact_url
    )
    print(text, end="")
    return EXIT_OK
