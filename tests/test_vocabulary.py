"""Each closed list of values is declared once (generator/schema/vocabulary.py); the models,
the JSON Schema, the page labels and the README follow it."""

from __future__ import annotations

import json
from typing import Any, Literal, get_args, get_origin

import pytest

from generator.schema.json_schema import schema_documents
from generator.schema.models import KINDS
from generator.schema.vocabulary import CONTRADICTION_TYPES, VERDICTS, VOCABULARIES, Vocabulary
from tests.helpers import ROOT


def _literals(annotation: Any) -> list[tuple[str, ...]]:
    if get_origin(annotation) is Literal:
        return [tuple(get_args(annotation))]
    return [found for arg in get_args(annotation) for found in _literals(arg)]


def _model_literals() -> set[tuple[str, ...]]:
    found: set[tuple[str, ...]] = set()
    seen: set[type] = set()

    def walk(model: Any) -> None:
        if model in seen:
            return
        seen.add(model)
        for info in model.model_fields.values():
            found.update(_literals(info.annotation))
            for arg in [info.annotation, *get_args(info.annotation)]:
                for inner in [arg, *get_args(arg)]:
                    if isinstance(inner, type) and hasattr(inner, "model_fields"):
                        walk(inner)

    for model in KINDS.values():
        walk(model)
    return found


def test_every_closed_list_in_the_models_is_a_vocabulary() -> None:
    declared = {vocabulary.values for vocabulary in VOCABULARIES}
    assert _model_literals() == declared


@pytest.mark.parametrize("vocabulary", VOCABULARIES, ids=lambda v: v.field + str(len(v.values)))
def test_the_readme_shows_each_vocabulary_as_declared(vocabulary: Vocabulary) -> None:
    assert vocabulary.table() in (ROOT / "README.md").read_text(encoding="utf-8")


def test_the_json_schema_gives_each_value_its_meaning() -> None:
    statement = json.loads(schema_documents()["statement.schema.json"])
    fidelity = statement["properties"]["fidelity"]
    assert dict(zip(fidelity["enum"], fidelity["enumDescriptions"], strict=True)) == {
        "verbatim-primary": "the words as the primary record (a transcript, the speaker's own "
        "site) gives them",
        "verbatim-reported": "the words as a report quotes them",
        "paraphrase": "a report's account of what was said, not the words",
        "readout": "one side's published summary of a call or meeting: its account, in its words",
    }


def test_a_value_two_fields_share_is_labelled_by_its_own_field() -> None:
    assert CONTRADICTION_TYPES.label("timing") == "timing"
    assert VERDICTS.label("timing") == "Timing"
    with pytest.raises(KeyError):
        VERDICTS.label("direct-denial")
