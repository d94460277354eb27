"""Fuzzing the loader and validator with mutated copies of the real records.

Whatever a contributor's mistake, `check` answers with diagnostics that name a file and a
line (or succeeds); it never raises. Each example mutates one real file (deleting a key,
changing a value's type, truncating it, inserting random bytes, breaking its indentation),
loads it, and links it with the rest of the real dataset.
"""

from __future__ import annotations

from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.dataset.link import link
from generator.load.discover_files import discover
from generator.load.read_records import Loaded, load_all, load_file
from tests.helpers import REAL_DATA

PATHS, _ = discover(REAL_DATA)
LOADED, _ = load_all(PATHS, REAL_DATA)
BY_PATH = {item.origin.path: item for item in LOADED}

VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.text(max_size=30),
    st.lists(st.text(max_size=10), max_size=3),
    st.dictionaries(st.text(max_size=8), st.text(max_size=8), max_size=2),
)


def _mutate_structure(raw: bytes, data: st.DataObject) -> bytes:
    record = yaml.safe_load(raw.decode("utf-8"))
    paths: list[tuple[object, object]] = []

    def walk(node: object) -> None:
        if isinstance(node, dict):
            for key in list(node):
                paths.append((node, key))
                walk(node[key])
        elif isinstance(node, list):
            for index in range(len(node)):
                paths.append((node, index))
                walk(node[index])

    walk(record)
    container, key = data.draw(st.sampled_from(paths))
    if data.draw(st.booleans()) and isinstance(container, dict):
        del container[key]
    else:
        container[key] = data.draw(VALUES)  # type: ignore[index]
    return yaml.safe_dump(record, allow_unicode=True).encode("utf-8")


def _mutate_bytes(raw: bytes, data: st.DataObject) -> bytes:
    kind = data.draw(st.sampled_from(["truncate", "insert", "indent", "swap-line"]))
    position = data.draw(st.integers(0, len(raw)))
    if kind == "truncate":
        return raw[:position]
    if kind == "insert":
        return raw[:position] + data.draw(st.binary(min_size=1, max_size=8)) + raw[position:]
    lines = raw.split(b"\n")
    index = data.draw(st.integers(0, len(lines) - 1))
    if kind == "indent":
        lines[index] = data.draw(st.sampled_from([b" ", b"\t", b"   ", b"- "])) + lines[index]
    else:
        other = data.draw(st.integers(0, len(lines) - 1))
        lines[index], lines[other] = lines[other], lines[index]
    return b"\n".join(lines)


def _check(path: Path, mutated: bytes, tmp: Path) -> None:
    kind = path.parent.name
    target = tmp / "data" / kind / path.name
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(mutated)
    loaded, problems = load_file(target, kind)
    if loaded is not None:
        others: list[Loaded] = [item for item in LOADED if item.origin.path != path]
        _dataset, problems = link([*others, loaded])
    for problem in problems:
        assert problem.path and problem.code and problem.message, problem
        assert problem.line >= 0 and problem.col >= 0, problem
        assert problem.format_text().count("\n") <= 1, problem


@settings(max_examples=1500, deadline=None, suppress_health_check=list(HealthCheck))
@given(path=st.sampled_from(PATHS), data=st.data())
def test_structural_mutations_give_diagnostics_not_tracebacks(
    path: Path, data: st.DataObject, tmp_path_factory: object
) -> None:
    tmp = tmp_path_factory.mktemp("fuzz")  # type: ignore[attr-defined]
    _check(path, _mutate_structure(path.read_bytes(), data), tmp)


@settings(max_examples=1500, deadline=None, suppress_health_check=list(HealthCheck))
@given(path=st.sampled_from(PATHS), data=st.data())
def test_byte_mutations_give_diagnostics_not_tracebacks(
    path: Path, data: st.DataObject, tmp_path_factory: object
) -> None:
    tmp = tmp_path_factory.mktemp("fuzz")  # type: ignore[attr-defined]
    _check(path, _mutate_bytes(path.read_bytes(), data), tmp)
