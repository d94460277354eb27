"""The GitHub workflows: valid against the workflow schema, and zizmor finds nothing, even as a
pedantic auditor. Both tools run offline from the lock."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from tests.helpers import BASE_DATA, ROOT

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


NODE_24_SINCE = {
    "actions/checkout": 5,
    "actions/setup-python": 6,
    "actions/upload-artifact": 6,  # v5 still ran on Node 20 by default
    "actions/upload-pages-artifact": 5,  # v4 runs upload-artifact v4 inside, on Node 20
    "actions/deploy-pages": 5,
}
"""The first major release of each action that runs on Node 24, from the actions' release
notes: GitHub's runners no longer provide Node 20."""


def test_every_action_is_a_release_that_runs_on_node_24() -> None:
    used = set()
    for workflow in WORKFLOWS:
        for name, major in re.findall(
            r"uses: ([\w.-]+/[\w.-]+)@[0-9a-f]{40} # v(\d+)", workflow.read_text("utf-8")
        ):
            assert name in NODE_24_SINCE, f"{workflow.name}: {name} is not known; add it above"
            assert int(major) >= NODE_24_SINCE[name], (workflow.name, name, major)
            used.add(name)
    assert used == set(NODE_24_SINCE)


def test_a_push_to_main_runs_the_suite_once() -> None:
    runs_on_main = [
        workflow.name
        for workflow in WORKFLOWS
        if "make test" in workflow.read_text("utf-8")
        and _pushes_to_main(yaml.safe_load(workflow.read_text("utf-8"))[True])
    ]
    assert runs_on_main == ["deploy.yml"]


def _pushes_to_main(triggers: dict[str, object]) -> bool:
    push = triggers.get("push")
    if not isinstance(push, dict):
        return "push" in triggers
    if "branches-ignore" in push:
        return "main" not in push["branches-ignore"]
    return "main" in push.get("branches", ["main"])


def test_workflows_run_the_same_make_targets_a_developer_runs() -> None:
    for workflow in WORKFLOWS:
        text = workflow.read_text(encoding="utf-8")
        assert "run: make test" in text and "run: make site" in text, workflow.name
        assert "pull_request_target" not in text


def test_pull_request_summary_step_runs_against_a_base_commit(tmp_path: Path) -> None:
    """The summary step's own script, run as GitHub would: compare data/ with the base commit."""
    steps = yaml.safe_load((ROOT / ".github" / "workflows" / "test.yml").read_text("utf-8"))
    step = next(
        s for s in steps["jobs"]["test"]["steps"] if s.get("name", "").startswith("Summarise")
    )
    repo = tmp_path / "repo"
    shutil.copytree(BASE_DATA, repo / "data")
    for name in (".venv", "generator"):  # the rest of the checkout
        (repo / name).symlink_to(ROOT / name if name == "generator" else Path(sys.prefix))
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    subprocess.run([*git, "-C", str(repo), "add", "data"], check=True)
    subprocess.run([*git, "-C", str(repo), "commit", "-qm", "base"], check=True)
    base_sha = subprocess.run(
        ["git", "-C", str(repo), "rev-parse", "HEAD"], capture_output=True, text=True, check=True
    ).stdout.strip()
    (repo / "data" / "claims" / "request-made.yaml").unlink()
    summary = tmp_path / "summary.md"
    environment = {
        "PATH": os.environ["PATH"],
        "BASE_SHA": base_sha,
        "ARTIFACT_URL": "",
        "RUNNER_TEMP": str(tmp_path / "runner"),
        "GITHUB_STEP_SUMMARY": str(summary),
    }
    (tmp_path / "runner").mkdir()
    subprocess.run(
        ["bash", "-e", "-c", step["run"]], cwd=repo, env=environment, check=True, timeout=60
    )
    text = summary.read_text(encoding="utf-8")
    assert "0 added, 0 changed, 1 removed." in text
    assert "- **removed** `request-made`: A request was made." in text
