"""The test suite's own rules: shared code lives in tests/helpers.py (fixtures in conftest.py),
so no test module imports another; importing one would also collect and run its tests twice
under another name when they share a fixture."""

from __future__ import annotations

import ast

from tests.helpers import ROOT


def test_no_test_module_imports_another() -> None:
    found = []
    for path in sorted((ROOT / "tests").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = (
                [node.module or ""]
                if isinstance(node, ast.ImportFrom)
                else [alias.name for alias in node.names]
                if isinstance(node, ast.Import)
                else []
            )
            found += [f"{path.name}: {name}" for name in names if name.startswith("tests.test_")]
    assert found == []
