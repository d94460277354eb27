"""Every built page is valid HTML, as the Nu HTML Checker (the W3C's validator, vnu.jar from npm,
run with Java) reads it: the real site and a site built from hostile data. The Nu checker rather
than a parser such as html5lib because a parser only recovers from broken markup; the checker
also reports attributes an element does not allow and labels that point nowhere, the errors the
theme's own markup had."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from generator.built_html.theme_html import valid_theme_html
from tests.helpers import ROOT, build, hostile_project

pytestmark = pytest.mark.slow

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
INSTALL = "make test-deps (or: npm ci --ignore-scripts, and a Java runtime such as "
"openjdk-17-jre-headless)"


def nu_errors(folder: Path) -> list[str]:
    """The checker's errors over every HTML file under `folder`, one line each."""
    java = shutil.which("java")
    if java is None or not VNU.is_file():
        pytest.fail(f"the Nu HTML Checker needs Java and {VNU.relative_to(ROOT)}: run {INSTALL}")
    result = subprocess.run(
        [java, "-jar", str(VNU), "--errors-only", "--skip-non-html", "--format", "gnu",
         str(folder)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    errors = [line for line in result.stderr.splitlines() if line.strip()]
    assert (result.returncode == 0) == (not errors), result.stderr
    return errors


def test_every_page_of_the_real_site_is_valid_html(site: Path) -> None:
    assert len(list(site.rglob("*.html"))) >= 100
    assert nu_errors(site) == []


def test_every_page_built_from_hostile_data_is_valid_html(tmp_path: Path) -> None:
    result = build(hostile_project(tmp_path), tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert nu_errors(tmp_path / "site") == []


def test_the_checker_reports_the_theme_markup_we_correct(tmp_path: Path, site: Path) -> None:
    """The theme's own markup, as it was before the corrections, fails the checker: so the
    checker runs, and the corrections are what makes the pages valid."""
    page = (site / "statements" / "index.html").read_text(encoding="utf-8")
    toggle = 'data-md-toggle="drawer" type="checkbox" id="__drawer"'
    assert toggle + ">" in page
    (tmp_path / "theme.html").write_text(
        page.replace(toggle + ">", toggle + ' autocomplete="off">'), encoding="utf-8"
    )
    errors = nu_errors(tmp_path)
    assert len(errors) == 1 and "autocomplete" in errors[0], errors
    assert valid_theme_html((tmp_path / "theme.html").read_text(encoding="utf-8")) == page
