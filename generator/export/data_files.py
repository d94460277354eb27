"""Open data: the whole dataset as one JSON file, one CSV per kind, and their JSON Schema.

Both exports are derived from the same models as the site and round-trip exactly: reading
them back through the models reproduces every record. They are deterministic (sorted keys and
rows, no time of export), so two builds give identical bytes, and the data version is a hash
of the content.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import types
import typing
from typing import Any, Literal, get_args, get_origin

from pydantic import BaseModel, ConfigDict

from generator.dataset.link import Dataset
from generator.schema.models import (
    KINDS,
    Actor,
    Article,
    Claim,
    Contradiction,
    Event,
    Source,
    Statement,
    Term,
)
from generator.schema.time_values import interval_of, parse_date

SCHEMA_VERSION = "1.0"
"""Bumped when a field is removed or changes meaning; adding an optional field keeps it."""


class Time(BaseModel):
    """When a statement or event happened, as the site orders it."""

    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)

    precision: Literal["year", "month", "day", "time"]
    """How precisely the time is known."""
    local: str
    """The local date (and time) as recorded, e.g. `2022-07-28` or `2022-07-28T14:12`."""
    zone: str | None
    """The IANA zone of the local time, if recorded."""
    utc_start: str
    """Start of the UTC interval the record covers (ISO 8601)."""
    utc_end: str
    """End of that interval; equal to the start for a timed record."""
    order: int
    """Position in the site's chronological order, from 0."""


class Records(BaseModel):
    """Every record by kind, then by id, with the fields of the data files."""

    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)

    actors: dict[str, Actor] = {}
    """data/actors/: people, organisations and states."""
    sources: dict[str, Source] = {}
    """data/sources/: the documents cited."""
    events: dict[str, Event] = {}
    """data/events/: what happened."""
    statements: dict[str, Statement] = {}
    """data/statements/: what was said, as the sources report it."""
    claims: dict[str, Claim] = {}
    """data/claims/: neutral propositions and each statement's stance."""
    contradictions: dict[str, Contradiction] = {}
    """data/contradictions/: accounts in tension, with our analysis."""
    articles: dict[str, Article] = {}
    """data/articles/: articles and their annotations."""
    glossary: dict[str, Term] = {}
    """data/glossary/: terms explained."""


class Export(BaseModel):
    """data/explainer.json: every record, with ids for references, and computed times."""

    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)

    schema_version: Literal["1.0"]
    """The version of this file's layout."""
    data_version: str
    """A hash of the records: it changes whenever any record changes."""
    records: Records
    """Every record by kind, then by id, with the fields of the data files."""
    times: dict[str, Time]
    """For each statement and event id, its time with precision, zone and UTC."""


def records_json(dataset: Dataset) -> dict[str, dict[str, Any]]:
    return {
        kind: {
            record_id: record.model_dump(by_alias=True, mode="json", exclude_defaults=True)
            for record_id, record in getattr(dataset, kind).items()
        }
        for kind in KINDS
    }


def data_version(dataset: Dataset, records: dict[str, dict[str, Any]] | None = None) -> str:
    canonical = json.dumps(records or records_json(dataset), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:12]


def times(dataset: Dataset) -> dict[str, dict[str, Any]]:
    found: dict[str, dict[str, Any]] = {}
    for order, record_id in enumerate(dataset.timeline):
        record = dataset.statements.get(record_id) or dataset.events[record_id]
        until = record.until if isinstance(record, Event) else None
        span = interval_of(record.when, until)
        key = dataset.sort_keys[record_id]
        precision = "time" if record.when.time else parse_date(record.when.date).precision
        local = record.when.date + (f"T{record.when.time}" if record.when.time else "")
        found[record_id] = {
            "precision": precision,
            "local": local,
            "zone": record.when.zone,
            "utc_start": key.start.isoformat().replace("+00:00", "Z"),
            "utc_end": max(span.end, key.start).isoformat().replace("+00:00", "Z"),
            "order": order,
        }
    return found


def explainer_json(
    dataset: Dataset, records: dict[str, dict[str, Any]] | None = None, version: str = ""
) -> str:
    """`data/explainer.json` (`records` and `version`: `records_json` and `data_version`, when
    the caller has them already)."""
    records = records or records_json(dataset)
    document = {
        "schema_version": SCHEMA_VERSION,
        "data_version": version or data_version(dataset, records),
        "records": records,
        "times": times(dataset),
    }
    return json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def export_schema() -> str:
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        **Export.model_json_schema(by_alias=True),
    }
    return json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


# ------------------------------------------------------------------ CSV


def columns(kind: str) -> list[str]:
    model = KINDS[kind]
    return ["id", *[(info.alias or name) for name, info in model.model_fields.items()]]


_FORMULA = re.compile(r"'*[=+\-@\t\r]")
"""Text a spreadsheet would read as a formula (`=HYPERLINK(...)`, `@SUM`, `-2+3`), after any
apostrophes already there."""


def csv_cell(value: Any) -> str:
    """Text as it is, except that text a spreadsheet would run as a formula gets a leading
    apostrophe (spreadsheets show the rest as text; `read_csv` removes it); true/false; empty
    for none; lists and nested fields as compact JSON."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f"'{value}" if _FORMULA.match(value) else value
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def kind_csv(dataset: Dataset, kind: str) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")  # RFC 4180 line ends
    header = columns(kind)
    writer.writerow(header)
    for record_id, record in getattr(dataset, kind).items():
        # Defaults are left out (nested fields read better without "note": null); reading
        # back through the model restores them.
        dumped = record.model_dump(by_alias=True, mode="json", exclude_defaults=True)
        writer.writerow([record_id, *(csv_cell(dumped.get(column)) for column in header[1:])])
    return out.getvalue()


def read_csv(kind: str, text: str) -> dict[str, BaseModel]:
    """Records back from a kind's CSV, through the model (the inverse of `kind_csv`)."""
    model = KINDS[kind]
    fields = {(info.alias or name): info for name, info in model.model_fields.items()}
    records: dict[str, BaseModel] = {}
    for row in csv.DictReader(io.StringIO(text, newline="")):
        values: dict[str, Any] = {}
        for column, cell in row.items():
            if column == "id" or cell == "":
                continue
            values[column] = _from_cell(cell, fields[column].annotation)
        records[row["id"]] = model.model_validate(values)
    return records


def _from_cell(cell: str, annotation: Any) -> Any:
    if _text_or_list(annotation):
        # One value is written as itself, several as a JSON list (`language: [ru, en]`).
        return json.loads(cell) if cell.startswith("[") else cell
    if _is_plain(annotation, str):
        return cell[1:] if cell.startswith("'") and _FORMULA.match(cell) else cell
    if _is_plain(annotation, bool):
        return cell == "true"
    if _is_plain(annotation, int):
        return int(cell)
    return json.loads(cell)


def _text_or_list(annotation: Any) -> bool:
    """Whether `annotation` is text or a list of text (a field such as `language: ru` that
    may also be `[ru, en]`)."""
    if get_origin(annotation) not in (typing.Union, types.UnionType):
        return False
    options = [arg for arg in get_args(annotation) if arg is not type(None)]
    return len(options) == 2 and any(get_origin(arg) is list for arg in options)


def _is_plain(annotation: Any, kind: type) -> bool:
    """Whether `annotation` is `kind`, possibly Annotated, Literal of `kind`s, or Optional."""
    origin = get_origin(annotation)
    if annotation is kind:
        return True
    if origin is typing.Annotated:
        return _is_plain(get_args(annotation)[0], kind)
    if origin is Literal:
        return all(isinstance(arg, kind) for arg in get_args(annotation))
    if origin in (typing.Union, types.UnionType):
        options = [arg for arg in get_args(annotation) if arg is not type(None)]
        return len(options) == 1 and _is_plain(options[0], kind)
    return False


def exports(
    dataset: Dataset,
    schemas: dict[str, str],
    records: dict[str, dict[str, Any]] | None = None,
    version: str = "",
) -> dict[str, str]:
    """Every published data file: path under the site -> text (`records` and `version`:
    `records_json` and `data_version`, when the caller has them already)."""
    files = {
        "data/explainer.json": explainer_json(dataset, records, version),
        "data/explainer.schema.json": export_schema(),
    }
    for kind in KINDS:
        files[f"data/csv/{kind}.csv"] = kind_csv(dataset, kind)
    for name, text in schemas.items():
        files[f"data/schema/{name}"] = text
    return dict(sorted(files.items()))
