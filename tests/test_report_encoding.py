"""What check and the pull-request summary print is data too: a file name or a quoted value
can hold line breaks, GitHub workflow commands, terminal escapes, backticks. Each reaches the
terminal, the CI log or the summary as visible text and nothing else."""

from __future__ import annotations

import os
import subprocess
import sys
from html import unescape
from pathlib import Path

import markdown
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.load.diagnostics import Diagnostic, visible
from generator.render.markdown_text import code_span
from generator.schema.characters import INVISIBLE
from generator.tools.changes import compare, read_records, summary
from tests.helpers import ROOT

HOSTILE_NAME = "x\n::warning file=README.md::owned\n::add-mask::secret\x1b[2J`y`\u202e.yaml"


def check(data: Path, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "generator", "check", "--data", str(data)],
        cwd=data.parent, capture_output=True, text=True, check=False,
        env={**os.environ, "PYTHONPATH": str(ROOT), **env},
    )  # fmt: skip


def test_a_file_name_cannot_inject_workflow_commands_or_terminal_escapes(base_data: Path) -> None:
    (base_data / "actors" / HOSTILE_NAME).write_text("kind: [\n", encoding="utf-8")
    for env in ({}, {"GITHUB_ACTIONS": "true"}):
        result = check(base_data, **env)
        assert result.returncode == 1
        lines = result.stdout.splitlines()
        commands = [line for line in lines if line.startswith("::")]
        # Only our own ::error lines, one per problem, and only under GitHub Actions.
        assert all(line.startswith("::error file=") for line in commands)
        assert len(commands) == (2 if env else 0), result.stdout
        assert "\x1b" not in result.stdout + result.stderr
        assert "\u202e" not in result.stdout
        assert "x\\n::warning file=README.md::owned\\n::add-mask::secret\\x1b[2J`y`\\u202e" in (
            result.stdout
        )


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_visible_text_is_one_printable_line(value: str) -> None:
    shown = visible(value)
    assert shown.isprintable()
    assert visible(shown) == shown
    if value.isprintable() and not INVISIBLE.search(value):
        assert shown == value


@settings(max_examples=300, deadline=None)
@given(st.text(st.characters(exclude_categories=("Cs",)), min_size=1))
def test_a_code_span_shows_exactly_the_visible_text(value: str) -> None:
    html = markdown.markdown(f"- **added** {code_span(value)}: after")
    assert html.count("<code>") == 1 and html.count("<li>") == 1
    inner = html.split("<code>", 1)[1].split("</code>", 1)[0]
    expected = visible(value)
    # CommonMark strips one space at each end when both are spaces; Python-Markdown keeps
    # the text as is apart from that padding.
    assert unescape(inner).strip(" ") == expected.strip(" ")


def test_the_summary_names_an_unloadable_file_in_a_closed_code_span(base_data: Path) -> None:
    (base_data / "actors" / "bad`name\n# Heading.yaml").write_text("x: [\n", encoding="utf-8")
    head = read_records(base_data)
    text = summary(
        compare(head.records, head.records, head.unreadable),
        problems=head.problems,
        unreadable=head.unreadable,
    )
    assert "\n# Heading" not in text
    assert "``actors/bad`name\\n# Heading``" in text


def test_github_annotations_keep_their_fields_apart() -> None:
    problem = Diagnostic("data/a,b:c.yaml", 1, 2, "bad-id", "", "x\n::error::y", "z")
    line = problem.format_github()
    assert line.startswith("::error file=data/a%2Cb%3Ac.yaml,line=1,col=2,title=bad-id::")
    assert "\n" not in line


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("a\u3164\u115f\u2800\u034f\u17b4\u200b\u202e\u00ad\ufeff")))
def test_fillers_and_joiners_are_shown_as_escapes(value: str) -> None:
    shown = visible(value)
    assert set(shown) <= set("a\\uxU0123456789abcdef")


def test_a_label_with_invisible_characters_is_visible_in_the_summary(base_data: Path) -> None:
    contradiction = base_data / "contradictions" / "was-it-requested.yaml"
    before = read_records(base_data)
    contradiction.write_text(
        contradiction.read_text(encoding="utf-8").replace(
            "title: Was a request made?", "title: Was a re\u200bquest made\u3164?"
        ),
        encoding="utf-8",
    )
    after = read_records(base_data)
    text = summary(compare(before.records, after.records, after.unreadable))
    assert "\u200b" not in text and "\u3164" not in text
    assert "re&#92;u200bquest made&#92;u3164?" in text  # a backslash, as Markdown shows it
