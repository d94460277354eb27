"""A real MkDocs build of the site, as `make site` runs it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT


def test_mkdocs_build_strict_succeeds(tmp_path: Path) -> None:
    site = tmp_path / "site"
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert result.returncode == 0, result.stderr
    index = (site / "index.html").read_text(encoding="utf-8")
    assert "No requests, only media reports" in index
    assert (site / "methodology" / "index.html").is_file()


def test_generator_core_imports_nothing_from_mkdocs() -> None:
    for path in sorted((ROOT / "generator").glob("*.py")):
        text = path.read_text(encoding="utf-8")
        assert "import mkdocs" not in text and "from mkdocs" not in text, path
