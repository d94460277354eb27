"""Golden cases: a change to the base dataset and the exact report `check` gives for it.

Each file in tests/cases/errors/ holds `files` (path under data/ -> new content, or null to
delete), optional `raw_files` (path -> base64 bytes, for encodings), `symlinks` (path -> target) and
`fifos` (paths of named pipes to make), `exit` and `expected`,
the exact text printed. Refresh with `pytest tests/test_cases.py --update-goldens` and review
the diff. The README's catalogue of errors is checked against these cases too.
"""

from __future__ import annotations

import base64
import os
from pathlib import Path

import pytest
import yaml

from generator.tools.cli import main
from tests.helpers import CASES


def _apply(case: dict, data: Path) -> None:
    for name, content in (case.get("files") or {}).items():
        target = data / name
        if content is None:
            target.unlink()
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(content, encoding="utf-8")
    for name, encoded in (case.get("raw_files") or {}).items():
        (data / name).write_bytes(base64.b64decode(encoded))
    for name, target in (case.get("symlinks") or {}).items():
        (data / name).parent.mkdir(parents=True, exist_ok=True)
        (data / name).symlink_to(target)
    for name in case.get("fifos") or []:
        os.mkfifo(data / name)


def _update(path: Path, output: str) -> None:
    text = path.read_text(encoding="utf-8")
    head = text[: text.index("expected: |")] if "expected: |" in text else text.rstrip() + "\n"
    body = "".join(f"  {line}\n" if line else "\n" for line in output.rstrip("\n").split("\n"))
    path.write_text(f"{head}expected: |\n{body}", encoding="utf-8")


@pytest.mark.parametrize("case_path", CASES, ids=[p.stem for p in CASES])
def test_case(
    case_path: Path,
    base_data: Path,
    capsys: pytest.CaptureFixture[str],
    request: pytest.FixtureRequest,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    case = yaml.safe_load(case_path.read_text(encoding="utf-8"))
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    _apply(case, base_data)
    code = main(["check", "--data", "data"])
    captured = capsys.readouterr()
    if request.config.getoption("--update-goldens"):
        _update(case_path, captured.out)
        return
    assert captured.out == case["expected"]
    assert code == case.get("exit", 1)
    assert "Traceback" not in captured.out + captured.err


def test_there_are_at_least_twenty_distinct_error_codes() -> None:
    codes: set[str] = set()
    for path in CASES:
        expected = yaml.safe_load(path.read_text(encoding="utf-8"))["expected"]
        codes.update(part.split("]")[0] for part in expected.split("error[")[1:])
    assert len(codes) >= 20, sorted(codes)


def test_base_dataset_is_valid(base_data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--data", "data"]) == 0
    assert capsys.readouterr().out.startswith("no problems: 2 actors, 1 source, 1 event")


def test_every_code_is_documented_in_the_readme_and_raised_by_the_code() -> None:
    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    table = readme.split("## What `check` reports", 1)[1].split("\n## ", 1)[0]
    first_cells = [line.split("|")[1] for line in table.splitlines() if line.startswith("| `")]
    documented = {code for cell in first_cells for code in cell.split("`")[1::2]}
    source = "".join(
        p.read_text(encoding="utf-8")
        for p in (Path(__file__).parent.parent / "generator").rglob("*.py")
    )
    for path in CASES:
        expected = yaml.safe_load(path.read_text(encoding="utf-8"))["expected"]
        for code in (part.split("]")[0] for part in expected.split("error[")[1:]):
            assert code in documented, f"{code} (from {path.name}) is not in the README's table"
    for code in documented:
        raised = f'"{code}"' in source or code.startswith("unknown-")
        assert raised, f"the README documents {code}, which the code never raises"
