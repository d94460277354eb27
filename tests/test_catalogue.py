"""docs/check-errors.md, "What check catches", is generated from the golden cases, so it shows
exactly what a contributor sees. Refresh it with `pytest --update-goldens`."""

from __future__ import annotations

import re

import pytest
import yaml

from tests.helpers import CASES, ROOT

CATALOGUE = ROOT / "docs" / "check-errors.md"
INTRO = """# What `check` catches

Every data problem `python -m generator check` (and every build) reports, with an example of
the bad input and the exact message a contributor sees. The examples change the small base
dataset in `tests/cases/base/`; they are the project's golden tests, and this page is generated
from them, so it cannot drift from what the tool prints. Line and column are 1-based; `0:0`
means the problem concerns the whole file.
"""


def visible(text: str) -> str:
    """Control characters in an example, written as escapes so the page shows them."""
    return re.sub(r"[\x00-\x08\x0b-\x1f\x7f]", lambda m: f"\\u{ord(m.group()):04x}", text)


def build() -> str:
    parts = [INTRO]
    for path in CASES:
        case = yaml.safe_load(path.read_text(encoding="utf-8"))
        codes = sorted(set(re.findall(r"error\[([a-z-]+)\]", case["expected"])))
        parts.append(f"## {', '.join(f'`{code}`' for code in codes)} {{ #{path.stem} }}\n")
        parts.append(case["description"] + "\n")
        for name, content in (case.get("files") or {}).items():
            if content is None:
                parts.append(f"`data/{name}` is deleted.\n")
            else:
                parts.append(f"`data/{name}`:\n\n````yaml\n{visible(content).rstrip()}\n````\n")
        for name in case.get("raw_files") or {}:
            parts.append(f"`data/{name}` holds bytes that are not valid UTF-8.\n")
        for name, target in (case.get("symlinks") or {}).items():
            parts.append(f"`data/{name}` is a symbolic link to `{target}`.\n")
        for name in case.get("fifos") or []:
            parts.append(f"`data/{name}` is a named pipe (FIFO).\n")
        parts.append(f"`check` prints:\n\n````text\n{case['expected'].rstrip()}\n````\n")
    return "\n".join(parts)


def test_the_catalogue_is_generated_from_the_golden_cases(request: pytest.FixtureRequest) -> None:
    expected = build()
    if request.config.getoption("--update-goldens"):
        CATALOGUE.write_text(expected, encoding="utf-8")
    assert CATALOGUE.read_text(encoding="utf-8") == expected, "run pytest --update-goldens"
