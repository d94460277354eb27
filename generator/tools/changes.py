"""What a change to data/ does to the explainer: records added, changed and removed, by kind.

Used for the pull-request summary: a reviewer sees which records a contribution touches and
where their pages are in the built preview, without reading YAML diffs.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from generator.load.diagnostics import visible
from generator.load.discover_files import discover
from generator.load.read_records import load_all
from generator.render.layout import built_file
from generator.render.markdown_text import code_span, escape
from generator.schema.field_types import Record
from generator.schema.models import KINDS

Action = Literal["added", "changed", "removed"]
ACTIONS: tuple[Action, ...] = ("added", "changed", "removed")
Records = Mapping[tuple[str, str], Record]
"""Records by (kind, id)."""


@dataclass(frozen=True, order=True)
class Change:
    kind_order: int
    record_id: str
    kind: str
    action: Action
    label: str
    fields: tuple[str, ...] = ()
    """For a changed record, the top-level fields that differ."""


@dataclass(frozen=True)
class Snapshot:
    """The records of one data folder, as far as each loads on its own."""

    records: dict[tuple[str, str], Record]
    unreadable: tuple[tuple[str, str], ...]
    """(kind, id) of the record files that did not load."""
    problems: int


def read_records(data_dir: Path) -> Snapshot:
    """Every record under `data_dir` that loads on its own, and which did not.

    References are not resolved: a summary of what changed is useful even while `check` fails.
    """
    paths, problems = discover(data_dir)
    loaded, load_problems = load_all(paths, data_dir)
    found = {(item.kind, item.id): item.record for item in loaded}
    named = {(path.relative_to(data_dir).parts[0], path.stem) for path in paths}
    return Snapshot(found, tuple(sorted(named - found.keys())), len(problems) + len(load_problems))


def compare(
    base: Records, head: Records, unreadable: tuple[tuple[str, str], ...] = ()
) -> list[Change]:
    """Every record that differs between `base` and `head`, in kind order, then by id.

    Records in `unreadable` are in `head` but did not load: neither removed nor changed."""
    order = {kind: index for index, kind in enumerate(KINDS)}
    changes: list[Change] = []
    for key in sorted((base.keys() | head.keys()) - set(unreadable)):
        kind, record_id = key
        before, after = base.get(key), head.get(key)
        if before is None and after is not None:
            changes.append(Change(order[kind], record_id, kind, "added", label_of(after)))
        elif after is None and before is not None:
            changes.append(Change(order[kind], record_id, kind, "removed", label_of(before)))
        elif before is not None and after is not None:
            fields = _changed_fields(before, after)
            if fields:
                changes.append(
                    Change(order[kind], record_id, kind, "changed", label_of(after), fields)
                )
    return sorted(changes)


def label_of(record: Record) -> str:
    """A short plain-text name for a record, from its own fields only."""
    for name in ("name", "term", "title", "summary", "proposition", "publisher"):
        value = getattr(record, name, None)
        if isinstance(value, str) and value:
            return value
    return ""


def _changed_fields(before: Record, after: Record) -> tuple[str, ...]:
    old, new = before.model_dump(mode="json"), after.model_dump(mode="json")
    return tuple(sorted(name for name in old.keys() | new.keys() if old.get(name) != new.get(name)))


def preview_path(kind: str, record_id: str) -> str:
    """Where a record is inside the built site (the preview artifact): its permalink, a page of
    its own or a redirect to its section."""
    return built_file(kind, record_id)


def summary(
    changes: list[Change],
    *,
    problems: int = 0,
    unreadable: tuple[tuple[str, str], ...] = (),
    artifact_url: str = "",
) -> str:
    """The pull-request summary as GitHub-flavoured Markdown; every data string escaped."""
    lines = ["## Changes to the explainer", ""]
    if problems:
        # Names of files that did not load are anything a file name can be.
        left_out = ", ".join(code_span(f"{kind}/{record_id}") for kind, record_id in unreadable)
        lines += [
            f"**{problems} problem(s) in the data files;** the *Check the data* step lists each "
            "with its file, line and fix."
            + (f" Records that did not load, left out below: {left_out}." if left_out else ""),
            "",
        ]
    if not changes:
        lines.append("No record is added, changed or removed.")
        return "\n".join(lines) + "\n"
    counts = {action: sum(c.action == action for c in changes) for action in ACTIONS}
    lines.append(
        f"{counts['added']} added, {counts['changed']} changed, {counts['removed']} removed."
    )
    if artifact_url:
        lines.append(
            f"Download the [built site]({escape(artifact_url)}) (the *site* artifact), unzip it "
            "and open the pages listed below; removed records have no page."
        )
    lines += ["", "| Kind | Added | Changed | Removed |", "|---|--:|--:|--:|"]
    kinds = sorted({(c.kind_order, c.kind) for c in changes})
    for _, kind in kinds:
        row = [sum(c.kind == kind and c.action == action for c in changes) for action in ACTIONS]
        lines.append(f"| {kind} | " + " | ".join(str(n) for n in row) + " |")
    for _, kind in kinds:
        lines += ["", f"### {kind.capitalize()}", ""]
        for change in (c for c in changes if c.kind == kind):
            lines.append(_line(change))
    return "\n".join(lines) + "\n"


def _line(change: Change) -> str:
    text = f"- **{change.action}** {code_span(change.record_id)}"
    if change.label:
        text += f": {escape(visible(change.label))}"
    if change.fields:
        text += " (" + ", ".join(change.fields) + ")"
    if change.action != "removed":
        text += f" → {code_span(preview_path(change.kind, change.record_id))}"
    return text
