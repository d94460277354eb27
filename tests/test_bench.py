"""`make bench` works end to end at a tiny size (the real sizes take minutes: not a timed test),
and the synthetic datasets it builds on pass `check` at any size."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from bench.synth import counts_for, write_dataset
from generator import check_data
from tests.helpers import ROOT


def test_make_bench_prints_the_table_and_ratios(tmp_path: Path) -> None:
    command = ["make", "--no-print-directory", "bench", "BENCH_SIZES=3 6"]
    result = subprocess.run(
        [*command, f"BENCH_FLAGS=--work {tmp_path}"],
        cwd=ROOT, capture_output=True, text=True, check=False, timeout=600,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    rows = re.findall(r"^\| (\d+) \| ([\d,]+) \| (.*) \|$", result.stdout, re.MULTILINE)
    assert [row[0] for row in rows] == ["3", "6"]
    for statements, records, _rest in rows:
        expected = sum(counts_for(int(statements)).values())
        assert int(records.replace(",", "")) == expected
        assert len(list((tmp_path / f"n{statements}" / "data").rglob("*.yaml"))) == expected
    assert "- t(6) / t(3) for the full build: " in result.stdout
    assert "check + render (the render command) = " in result.stdout
    # Both builds wrote a site with the synthetic statements in it.
    for site in ("site", "plain-site"):
        assert (tmp_path / "n6" / site / "search" / "search_index.json").is_file()
        assert (tmp_path / "n6" / site / "timeline" / "index.html").is_file()


@pytest.mark.parametrize("statements", [2, 27, 120])
def test_synthetic_data_passes_check_in_real_proportions(tmp_path: Path, statements: int) -> None:
    counts = write_dataset(tmp_path / "data", statements, seed=statements)
    dataset, problems = check_data(tmp_path / "data")
    assert problems == []
    assert dataset is not None and dataset.counts() == counts
    assert counts["sources"] == max(1, round(statements * 82 / 26))


def test_synthetic_data_is_the_same_for_the_same_seed(tmp_path: Path) -> None:
    write_dataset(tmp_path / "a", 30)
    write_dataset(tmp_path / "b", 30)
    files = sorted(p.relative_to(tmp_path / "a") for p in (tmp_path / "a").rglob("*.yaml"))
    assert files
    for name in files:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()
    texts = " ".join((tmp_path / "a" / n).read_text("utf-8") for n in files)
    assert re.search("[а-я]", texts) and "Europe/Moscow" in texts and "America/New_York" in texts


def test_performance_page_shows_a_table_in_the_format_bench_prints() -> None:
    """The figures on the Performance page come from `make bench` (its --update-docs writes
    them between the markers), for the sizes the issue sets, in the current table format."""
    page = (ROOT / "docs" / "performance.md").read_text(encoding="utf-8")
    block = page.split("<!-- bench:start -->")[1].split("<!-- bench:end -->")[0]
    printed = subprocess.run(
        ["make", "--no-print-directory", "bench", "BENCH_SIZES=2"],
        cwd=ROOT, capture_output=True, text=True, check=True, timeout=600,
    ).stdout  # fmt: skip
    header = next(line for line in printed.splitlines() if line.startswith("| statements |"))
    assert header in block.splitlines()
    assert "`python -m bench.run --sizes 1000 10000`" in block
    assert re.search(r"^\| 1,000 \| ", block, re.MULTILINE)
    assert re.search(r"^\| 10,000 \| ", block, re.MULTILINE)
    assert "- t(10,000) / t(1,000) for the full build: " in block
