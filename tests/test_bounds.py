"""Hostile inputs get a clear error quickly and in bounded memory: never a hang or a crash."""

from __future__ import annotations

import time
import tracemalloc
from pathlib import Path

import pytest

from generator.load import load_file

SECONDS = 2.0
PEAK_BYTES = 200 * 1024 * 1024


def _laughs() -> str:
    lines = ["a: &a [x, x, x, x, x, x, x, x, x]"]
    for i in range(20):
        name, previous = chr(98 + i), chr(97 + i)
        lines.append(f"{name}: &{name} [*{previous}, *{previous}, *{previous}, *{previous}]")
    return "\n".join(lines) + "\n"


BILLION_LAUGHS = _laughs()

CASES = {
    "enormous-file": ("x: " + "a" * 5_000_000 + "\n", "file-too-large"),
    "very-long-string": (
        "kind: person\nname: "
        + "a" * 200_000
        + "\ndescription: d\nsources: [s]\nverification: verified\n",
        "too-long",
    ),
    "deep-nesting": ("x: " + "[" * 50_000 + "]" * 50_000 + "\n", "too-deep"),
    "deep-block-nesting": ("".join(" " * i + f"k{i}:\n" for i in range(600)), "too-deep"),
    "alias-bomb": (BILLION_LAUGHS, "yaml-alias"),
    "python-object-tag": ("x: !!python/object/apply:os.system ['echo pwned']\n", "yaml-tag"),
    "many-keys": ("".join(f"k{i}: v\n" for i in range(25_000)), "too-many-problems"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_hostile_input_fails_fast_in_bounded_memory(name: str, tmp_path: Path) -> None:
    text, code = CASES[name]
    path = tmp_path / "actors" / "hostile.yaml"
    path.parent.mkdir()
    path.write_text(text, encoding="utf-8")
    started = time.perf_counter()
    loaded, problems = load_file(path, "actors")
    elapsed = time.perf_counter() - started
    # Memory is measured in a second run: tracing allocations slows the parser several-fold.
    tracemalloc.start()
    load_file(path, "actors")
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert loaded is None
    assert code in {problem.code for problem in problems}, problems[:3]
    assert elapsed < SECONDS, f"{name} took {elapsed:.2f} s"
    assert peak < PEAK_BYTES, f"{name} peaked at {peak / 2**20:.0f} MiB"
