"""The pull-request summary: records added, changed and removed between two data folders."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.tools.changes import compare, preview_path, read_records
from generator.tools.cli import main
from tests.helpers import BASE_DATA, ROOT

EXPECTED = """\
## Changes to the explainer

1 added, 2 changed, 1 removed.
Download the [built site](https://github.com/o/r/actions/runs/1/artifacts/2) (the *site* \
artifact), unzip it and open the pages listed below; removed records have no page.

| Kind | Added | Changed | Removed |
|---|--:|--:|--:|
| actors | 1 | 1 | 0 |
| statements | 0 | 1 | 0 |
| claims | 0 | 0 | 1 |

### Actors

- **changed** `foreign-office`: Foreign Office (description) → \
`actors/foreign-office/index.html`
- **added** `new-speaker`: Nova &#60;script&#62; &#42;Speaker&#42; → \
`actors/new-speaker/index.html`

### Statements

- **changed** `2022-07-28-denial`: The ministry now says no request was ever made. \
(missing, summary, verification) → `statements/2022-07-28-denial/index.html`

### Claims

- **removed** `request-made`: A request was made.
"""


def _edited(tmp_path: Path) -> Path:
    head = tmp_path / "head"
    shutil.copytree(BASE_DATA, head)
    (head / "actors" / "new-speaker.yaml").write_text(
        "kind: person\nname: Nova <script> *Speaker*\ndescription: A speaker.\n"
        "sources: [wire-report]\nverification: verified\n",
        encoding="utf-8",
    )
    office = head / "actors" / "foreign-office.yaml"
    office.write_text(
        office.read_text(encoding="utf-8").replace("A ministry.", "A foreign ministry."),
        encoding="utf-8",
    )
    denial = head / "statements" / "2022-07-28-denial.yaml"
    text = denial.read_text(encoding="utf-8")
    text = text.replace(
        "The ministry says no request was made.", "The ministry now says no request was ever made."
    ).replace("verification: verified", "verification: unverified\nmissing: the wire copy")
    denial.write_text(text, encoding="utf-8")
    # Reformatting a file without changing a value is not a change.
    assertion = head / "statements" / "2022-07-28-assertion.yaml"
    assertion.write_text("# a comment\n" + assertion.read_text(encoding="utf-8"), "utf-8")
    (head / "claims" / "request-made.yaml").unlink()
    return head


def test_summary_lists_each_change_with_its_preview_page(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    head = _edited(tmp_path)
    url = "https://github.com/o/r/actions/runs/1/artifacts/2"
    code = main(["changes", "--base", str(BASE_DATA), "--data", str(head), "--artifact-url", url])
    assert code == 0
    assert capsys.readouterr().out == EXPECTED


def test_preview_paths_exist_in_a_built_site() -> None:
    """Every record's preview path is a generated page or a redirect written beside them."""
    snapshot = read_records(ROOT / "data")
    assert snapshot.problems == 0
    from generator import load_dataset
    from generator.render.redirect_pages import redirect_pages
    from generator.render.site import render_site

    dataset = load_dataset(ROOT / "data")
    pages, moved = render_site(dataset), redirect_pages(dataset)
    for kind, record_id in snapshot.records:
        path = preview_path(kind, record_id)
        source = path.removesuffix("/index.html") + ".md"
        assert source in pages or path in moved, (kind, record_id, path)


def _changes_command(head: Path) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "generator", "changes", "--base", str(BASE_DATA)]
    return subprocess.run(
        [*command, "--data", str(head)], capture_output=True, text=True, check=False, cwd=ROOT
    )


def test_records_that_do_not_load_are_named_not_removed(tmp_path: Path) -> None:
    head = tmp_path / "head"
    shutil.copytree(BASE_DATA, head)
    (head / "actors" / "ana-speaker.yaml").write_text("kind: robot\n", encoding="utf-8")
    base, edited = read_records(BASE_DATA), read_records(head)
    assert edited.problems >= 1
    assert edited.unreadable == (("actors", "ana-speaker"),)
    assert compare(base.records, edited.records, edited.unreadable) == []
    result = _changes_command(head)
    assert result.returncode == 0
    assert f"**{edited.problems} problem(s) in the data files;**" in result.stdout
    assert "Records that did not load, left out below: `actors/ana-speaker`." in result.stdout
    assert "No record is added, changed or removed." in result.stdout


def test_the_same_data_has_no_changes() -> None:
    result = _changes_command(BASE_DATA)
    expected = "## Changes to the explainer\n\nNo record is added, changed or removed.\n"
    assert (result.returncode, result.stdout) == (0, expected)


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--base", "nowhere"], "no data folder at 'nowhere'"),
        (["--base", str(BASE_DATA), "--artifact-url", "javascript:alert(1)"], "https address"),
    ],
)
def test_usage_errors(
    arguments: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["changes", "--data", str(BASE_DATA), *arguments]) == 2
    assert message in capsys.readouterr().err
