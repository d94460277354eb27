"""The command line: exit codes, output formats, GitHub annotations."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from generator.tools.cli import main
from tests.helpers import ROOT


def test_clean_data_exits_zero_with_counts(
    base_data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", "--data", "data"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(
        "no problems: 2 actors, 1 source, 1 event, 2 statements, 1 claim, 1 contradiction, "
        "1 article, 0 glossary terms (checked in "
    )


def test_bad_data_exits_one(base_data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (base_data / "actors" / "foreign-office.yaml").write_text("kind: robot\n", encoding="utf-8")
    assert main(["check", "--data", "data"]) == 1
    captured = capsys.readouterr()
    assert "error[invalid-value] kind" in captured.out
    assert captured.err == "\n5 problems found.\n"


def test_missing_folder_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", "--data", str(tmp_path / "nowhere")]) == 2
    assert "no data folder" in capsys.readouterr().err


def test_unknown_command_is_a_usage_error() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "generator", "frobnicate"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert "invalid choice" in result.stderr


def test_json_format_is_machine_readable(
    base_data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (base_data / "sources" / "wire-report.yaml").write_text(
        (base_data / "sources" / "wire-report.yaml")
        .read_text()
        .replace("https://example.org/report", "ftp://x"),
        encoding="utf-8",
    )
    assert main(["check", "--data", "data", "--format", "json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["ok"] is False
    assert report["problems"] == [
        {
            "path": "data/sources/wire-report.yaml",
            "line": 3,
            "col": 6,
            "code": "bad-url",
            "field": "url",
            "message": "'ftp://x' is not an http or https address",
            "hint": "use the full address starting with https:// (or http://)",
        }
    ]


def test_json_format_on_success_gives_counts(
    base_data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", "--data", "data", "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report == {
        "ok": True,
        "counts": {
            "actors": 2,
            "sources": 1,
            "events": 1,
            "statements": 2,
            "claims": 1,
            "contradictions": 1,
            "articles": 1,
            "glossary": 0,
        },
        "problems": [],
    }


def test_github_actions_annotations(
    base_data: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    path = base_data / "statements" / "2022-07-28-assertion.yaml"
    path.write_text(
        path.read_text().replace("speaker: ana-speaker", "speaker: speaker"), encoding="utf-8"
    )
    assert main(["check", "--data", "data"]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert (
        "::error file=data/statements/2022-07-28-assertion.yaml,line=1,col=10,"
        "title=unknown-actor speaker::no actor 'speaker' (hint: did you mean 'ana-speaker'?)"
    ) in lines


def test_no_traceback_for_a_file_of_random_bytes(
    base_data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (base_data / "actors" / "noise.yaml").write_bytes(bytes(range(256)) * 4)
    assert main(["check", "--data", "data"]) == 1
    captured = capsys.readouterr()
    # Bytes 0-127 are valid UTF-8 (byte 10 is a newline); byte 128 is the first invalid one.
    assert (
        "data/actors/noise.yaml:2:118: error[bad-encoding] invalid UTF-8 at byte offset 128"
        in captured.out
    )


def test_bom_and_crlf_are_accepted(base_data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = base_data / "actors" / "foreign-office.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes().replace(b"\n", b"\r\n"))
    assert main(["check", "--data", "data"]) == 0, capsys.readouterr().out


def test_schema_check_reports_stale_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["schema", "--out", str(tmp_path), "--check"]) == 1
    assert main(["schema", "--out", str(tmp_path)]) == 0
    assert main(["schema", "--out", str(tmp_path), "--check"]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "actor.schema.json",
        "article.schema.json",
        "claim.schema.json",
        "contradiction.schema.json",
        "event.schema.json",
        "settings.schema.json",
        "source.schema.json",
        "statement.schema.json",
        "term.schema.json",
    ]


def test_a_broken_link_is_reported_not_raised(
    base_data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (base_data / "actors" / "ghost.yaml").symlink_to(base_data / "nowhere.yaml")
    assert main(["check", "--data", "data"]) == 1
    out = capsys.readouterr().out
    assert "data/actors/ghost.yaml:0:0: error[symlink] a symbolic link is not a data file" in out


def test_new_writes_a_skeleton_that_check_explains(
    base_data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["new", "statement", "my-test", "--data", "data"]) == 0
    path = base_data / "statements" / "my-test.yaml"
    assert capsys.readouterr().out.strip() == "data/statements/my-test.yaml"
    assert path.read_text(encoding="utf-8").startswith(
        "# yaml-language-server: $schema=../../schema/statement.schema.json\n"
    )
    assert main(["check", "--data", "data"]) == 1
    report = capsys.readouterr().out
    problems = [line for line in report.splitlines() if "error[" in line]
    assert problems and all(line.startswith("data/statements/my-test.yaml:") for line in problems)
    assert "speaker: expected text, found nothing" in report
    assert "hint: write the text after the colon\n" in report
    # Filled in as a contributor would, the record passes.
    filled = path.read_text(encoding="utf-8")
    for empty, value in [
        ("verification:", "verification: verified"), ("speaker:", "speaker: ana-speaker"),
        ("  date:", "  date: 2022-07-28"), ("channel:", "channel: briefing"),
        ("fidelity:", "fidelity: paraphrase"), ("summary:", "summary: She said something."),
        ("  - source:", "  - source: wire-report"),
    ]:  # fmt: skip
        filled = filled.replace(f"\n{empty}\n", f"\n{value}\n", 1)
    path.write_text(filled, encoding="utf-8")
    assert main(["check", "--data", "data"]) == 0, capsys.readouterr().out


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["new", "robot", "x"], 2, "no record kind 'robot'"),
        (["new", "actor", "Not An Id"], 2, "e.g. 'not-an-id'"),
        (["new", "actor", "ana-speaker"], 1, "already exists"),
    ],
)
def test_new_refuses_bad_requests(
    base_data: Path, capsys: pytest.CaptureFixture[str], args: list[str], code: int, message: str
) -> None:
    assert main([*args, "--data", "data"]) == code
    assert message in capsys.readouterr().err


@pytest.mark.parametrize(
    "kind", ["actor", "source", "event", "statement", "claim", "contradiction", "article", "term"]
)
def test_every_kind_has_a_skeleton_that_parses(base_data: Path, kind: str) -> None:
    assert main(["new", kind, f"new-{kind}", "--data", "data"]) == 0
    from generator.load.read_records import load_file

    folder = next(p for p in base_data.iterdir() if (p / f"new-{kind}.yaml").exists())
    _loaded, problems = load_file(folder / f"new-{kind}.yaml", folder.name)
    assert problems and all(p.code not in ("yaml-syntax", "tab", "duplicate-key") for p in problems)


def test_an_occurrence_is_written_as_digits(
    base_data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The README's `occurrence: 2`: the reader keeps plain values as text, and a count reads
    digits; a word or zero is refused."""
    article = base_data / "articles" / "report.yaml"
    text = article.read_text(encoding="utf-8")
    article.write_text(
        text.replace("said there", "said, said there").replace(
            "  - passage: there", "  - passage: said\n    occurrence: 2\n    verdict: accurate\n"
            "    note: The second 'said'.\n    statements: [2022-07-28-denial]\n  - passage: there"
        ),
        encoding="utf-8",
    )
    assert main(["check", "--data", "data"]) == 0, capsys.readouterr().out
    for wrong, code in [("two", "wrong-type"), ("0", "invalid-value"), ("2\\n", "wrong-type")]:
        article.write_text(
            article.read_text(encoding="utf-8").replace("occurrence: 2", f'occurrence: "{wrong}"'),
            encoding="utf-8",
        )
        capsys.readouterr()
        assert main(["check", "--data", "data"]) == 1
        assert f"error[{code}] annotations[0].occurrence" in capsys.readouterr().out
        article.write_text(
            article.read_text(encoding="utf-8").replace(f'occurrence: "{wrong}"', "occurrence: 2"),
            encoding="utf-8",
        )


COMMANDS = ("check", "render", "build", "serve", "new", "schema", "changes")


def test_version_is_the_projects(capsys: pytest.CaptureFixture[str]) -> None:
    import tomllib

    with pytest.raises(SystemExit) as stopped:
        main(["--version"])
    assert stopped.value.code == 0
    declared = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["version"]
    assert capsys.readouterr().out.split()[-1] == declared


@pytest.mark.parametrize("command", COMMANDS)
def test_each_command_explains_itself_with_an_example_and_its_exit_codes(
    command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stopped:
        main([command, "--help"])
    assert stopped.value.code == 0
    text = capsys.readouterr().out
    description = text.split("\n\n")[1]
    assert len(description.split()) >= 12, description
    example = text.split("example:\n", 1)[1].splitlines()[0]
    assert re.match(rf"  (explainer|python -m generator) {command}( |$)", example), example
    codes = text.split("exit codes:\n", 1)[1]
    assert "  0 " in codes, codes


@pytest.mark.parametrize("port", ["0", "65536", "http"])
def test_serve_refuses_what_is_not_a_port(port: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["serve", "--port", port])
    assert stopped.value.code == 2
    assert f"'{port}' is not a port" in capsys.readouterr().err


def test_the_explainer_command_works_from_any_folder(tmp_path: Path) -> None:
    command = Path(sys.executable).with_name("explainer")
    if not command.is_file():
        pytest.skip(f"{command} is not installed; `make` installs it")
    result = subprocess.run(
        [str(command), "check", "--data", str(ROOT / "tests" / "cases" / "base" / "data")],
        cwd=tmp_path, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("no problems: 2 actors")
    usage = subprocess.run([str(command)], capture_output=True, text=True, check=False)
    assert usage.returncode == 2 and usage.stderr.startswith("usage: explainer ")
