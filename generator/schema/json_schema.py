"""JSON Schema files for editors, generated from the models (never written by hand)."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel
from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue
from pydantic_core import core_schema

from generator.schema.explainer_settings import SETTINGS_FILE, Explainer
from generator.schema.models import KINDS, SINGULAR
from generator.schema.vocabulary import describe_values

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
SETTINGS_SCHEMA = "settings.schema.json"
"""The schema of `explainer.yaml` (`explainer.schema.json` is the published export's)."""


class _WithMeanings(GenerateJsonSchema):
    """Each vocabulary's values with their meanings (`enumDescriptions`, which editors show
    beside each value when completing one)."""

    def literal_schema(self, schema: core_schema.LiteralSchema) -> JsonSchemaValue:
        document = super().literal_schema(schema)
        meanings = describe_values(tuple(str(value) for value in schema["expected"]))
        if meanings:
            document["enumDescriptions"] = meanings
        return document


def schema_documents() -> dict[str, str]:
    """File name -> JSON text, one schema per record kind."""
    documents: dict[str, str] = {}
    for kind, model in KINDS.items():
        schema = model.model_json_schema(
            by_alias=True, mode="validation", schema_generator=_WithMeanings
        )
        schema = {"$schema": SCHEMA_DIALECT, **schema}
        schema["description"] = (
            f"One {SINGULAR[kind]} record: data/{kind}/<id>.yaml, the id being the file name. "
            + schema.get("description", "")
        ).strip()
        text = json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=True) + "\n"
        documents[f"{SINGULAR[kind]}.schema.json"] = text
    documents[SETTINGS_SCHEMA] = _document(
        Explainer, f"The explainer's settings and front page: data/{SETTINGS_FILE}."
    )
    return documents


def _document(model: type[BaseModel], lead: str) -> str:
    schema = model.model_json_schema(
        by_alias=True, mode="validation", schema_generator=_WithMeanings
    )
    schema = {"$schema": SCHEMA_DIALECT, **schema}
    schema["description"] = f"{lead} {schema.get('description', '')}".strip()
    return json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def stale_files(out_dir: Path) -> list[str]:
    """Schema files in `out_dir` that are missing or differ from the models."""
    return sorted(
        name
        for name, text in schema_documents().items()
        if not (out_dir / name).is_file() or (out_dir / name).read_text(encoding="utf-8") != text
    )


def write_schemas(out_dir: Path) -> list[str]:
    """Write the schema files that changed; return their names."""
    out_dir.mkdir(parents=True, exist_ok=True)
    changed = stale_files(out_dir)
    documents = schema_documents()
    for name in changed:
        (out_dir / name).write_text(documents[name], encoding="utf-8", newline="\n")
    return changed
