"""MkDocs hook: add the pages generated from data/ to the build. The only code importing mkdocs.

The pages are virtual (never written into docs/), so `mkdocs build` alone builds the whole
site, and `mkdocs serve` regenerates them when a file under `watch:` changes.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # a bare `mkdocs` command does not put the project on the path
    sys.path.insert(0, str(ROOT))

from generator import check_data  # noqa: E402
from generator.cite import SiteInfo  # noqa: E402
from generator.diagnostics import format_report  # noqa: E402
from generator.glossary import abbreviations  # noqa: E402
from generator.link import Dataset  # noqa: E402
from generator.load import FileCache  # noqa: E402
from generator.render import site_files  # noqa: E402

_loaded: dict[str, Dataset] = {}
_parsed: FileCache = {}
"""Parsed data files kept across rebuilds of one `mkdocs serve`: unchanged files are not
parsed again."""
"""The dataset of the build in progress (MkDocs hooks share no other state between events)."""


def on_files(files: Files, config: MkDocsConfig) -> Files:
    # `python -m generator build --data DIR` passes its data folder on; otherwise data/ beside
    # mkdocs.yml.
    data_dir = Path(
        os.environ.get("EXPLAINER_DATA") or Path(config.config_file_path).parent / "data"
    )
    dataset, problems = check_data(data_dir, _parsed)
    if dataset is None:
        raise PluginError(
            f"{len(problems)} problem(s) in data:\n" + format_report(problems, "text")
        )
    # Kept for on_page_markdown in this same build; replaced at the start of the next one.
    _loaded["dataset"] = dataset
    # edit_uri looks like "edit/main/docs/": its second part is the branch.
    parts = (config.edit_uri or "").strip("/").split("/")
    branch = parts[1] if len(parts) > 1 and parts[0] == "edit" else "main"
    site = SiteInfo(
        name=config.site_name, url=config.site_url or None, repo_url=config.repo_url, branch=branch
    )
    for path, text in site_files(dataset, site).items():
        if files.get_file_from_path(path) is not None:
            raise PluginError(f"docs/{path} is also generated from data; remove or rename it")
        files.append(File.generated(config, path, content=text))
    return files


def on_page_markdown(markdown: str, page: Page, **_: object) -> str:
    """Hand-written pages get the glossary's tooltips too (generated ones already have them)."""
    if page.file.generated_by is not None or "dataset" not in _loaded:
        return markdown
    terms = abbreviations(_loaded["dataset"], markdown)
    return f"{markdown}\n\n{terms}\n" if terms else markdown
