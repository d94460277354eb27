"""Ids, dates and times match the whole value in ASCII, as the published JSON Schema does:
Python's `$` also matches before a final line break and `\\d` matches any script's digits."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from generator.load.read_records import load_file
from generator.schema.field_types import ID_PATTERN, When


@pytest.mark.parametrize("text", ["evil\n", "evil\n\n", "ａｂｃ", "a--b", "-a", "a-", "A"])
def test_an_id_is_the_whole_name_in_ascii(text: str) -> None:
    assert not ID_PATTERN.match(text) and not ID_PATTERN.fullmatch(text)


def test_a_file_named_with_a_line_break_is_a_bad_id(tmp_path: Path) -> None:
    folder = tmp_path / "actors"
    folder.mkdir()
    path = folder / "evil\n.yaml"
    path.write_text("kind: person\n", encoding="utf-8")
    loaded, problems = load_file(path, "actors")
    assert loaded is None and problems[0].code == "bad-id"


@pytest.mark.parametrize(
    ("field", "value", "code"),
    [
        ("date", "2022-07-28\n", "bad-date"),
        ("date", "２０２２-07-28", "bad-date"),
        ("date", "2022-07-28 ", "bad-date"),
        ("time", "14:12\n", "bad-time"),
        ("time", "１４:12", "bad-time"),
    ],
)
def test_dates_and_times_are_whole_ascii_values(field: str, value: str, code: str) -> None:
    when = {"date": "2022-07-28", "zone": "America/New_York", field: value}
    with pytest.raises(ValidationError) as raised:
        When.model_validate(when)
    assert raised.value.errors()[0]["type"] == code
