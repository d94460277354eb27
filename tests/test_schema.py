"""The JSON Schema files in schema/ are generated from the models and never stale."""

from __future__ import annotations

import json

from generator.schema.json_schema import schema_documents, stale_files
from generator.schema.models import KINDS, SINGULAR
from tests.helpers import ROOT


def test_committed_schema_files_match_the_models() -> None:
    assert stale_files(ROOT / "schema") == [], "run 'make schema' and commit schema/"


def test_every_field_is_documented_and_unknown_fields_are_refused() -> None:
    for kind, model in KINDS.items():
        schema = json.loads(schema_documents()[f"{SINGULAR[kind]}.schema.json"])
        assert schema["additionalProperties"] is False
        for name, prop in schema["properties"].items():
            assert prop.get("description"), f"{kind}.{name} has no description"
        for definition_name, definition in schema.get("$defs", {}).items():
            for name, prop in definition.get("properties", {}).items():
                assert prop.get("description"), f"{definition_name}.{name} has no description"
        assert "id" not in schema["properties"], "the id is the file name, not a field"
        assert model.__doc__


def test_role_dates_use_the_yaml_names_from_and_to() -> None:
    schema = json.loads(schema_documents()["actor.schema.json"])
    assert {"from", "to"} <= set(schema["$defs"]["Role"]["properties"])
