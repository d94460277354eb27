"""The GitHub workflows: valid against the workflow schema, and zizmor finds nothing, even as a
pedantic auditor. Both tools run offline from the lock."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
BIN = Path(sys.executable).parent


def test_workflows_match_the_github_workflow_schema() -> None:
    result = subprocess.run(
        [str(BIN / "check-jsonschema"), "--builtin-schema", "vendor.github-workflows"]
        + [str(path) for path in WORKFLOWS],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr


def test_zizmor_finds_nothing() -> None:
    command = [str(BIN / "zizmor"), "--offline", "--persona", "pedantic", "--no-progress"]
    result = subprocess.run(
        [*command, str(ROOT / ".github" / "workflows")], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No findings" in result.stdout + result.stderr


def test_every_action_is_pinned_to_a_full_commit_with_its_version_in_a_comment() -> None:
    for workflow in WORKFLOWS:
        for line in workflow.read_text(encoding="utf-8").splitlines():
            if "uses:" in line:
                assert re.search(r"uses: [\w.-]+/[\w.-]+@[0-9a-f]{40} # v\d", line), (
                    workflow.name,
                    line,
                )


def test_workflows_run_the_same_make_targets_a_developer_runs() -> None:
    for workflow in WORKFLOWS:
        text = workflow.read_text(encoding="utf-8")
        assert "run: make test" in text and "run: make site" in text, workflow.name
        assert "pull_request_target" not in text
