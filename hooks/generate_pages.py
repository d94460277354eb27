"""MkDocs hook: add the pages generated from data/ to the build. The only code importing mkdocs.

The pages are virtual (never written into docs/), so `mkdocs build` alone builds the whole
site, and `mkdocs serve` regenerates them when a file under `watch:` changes.
"""

from __future__ import annotations

import logging
import os
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

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
from generator.glossary import glossary  # noqa: E402
from generator.layout import Layout, redirects  # noqa: E402
from generator.load import FileCache  # noqa: E402
from generator.page_limits import oversized_pages  # noqa: E402
from generator.render import site_files  # noqa: E402
from generator.term_marks import mark_terms  # noqa: E402
from generator.write import write_tree  # noqa: E402

_loaded: dict[str, Any] = {}
"""The glossary of the build in progress and its redirect pages (MkDocs hooks share no other
state between events)."""
_parsed: FileCache = {}
"""Parsed data files kept across rebuilds of one `mkdocs serve`: unchanged files are not
parsed again."""
_preview: dict[str, Path] = {}
"""Under `mkdocs serve --dirty`: the folder the generated pages are written to."""

PREVIEW_VERSION = "preview"
"""The data version citations show in a dirty preview. The real one, a hash of every record,
changes with any edit and would make every page "changed"."""


def on_startup(command: str, dirty: bool, **_: object) -> None:
    # Dirty reloads rebuild only pages whose source file is newer than the built page, and
    # generated pages have no file: under `serve --dirty` they are written to a folder, only
    # when their text changes, and built from there.
    if command == "serve" and dirty and "pages" not in _preview:
        _preview["pages"] = Path(tempfile.mkdtemp(prefix="explainer-preview-"))
        # MkDocs warns that a dirty build may leave navigation stale, and strict mode turns
        # the warning into a failure. Our navigation lists only fixed pages, so the warning
        # does not apply; every other warning still fails the preview as it fails the build.
        logging.getLogger("mkdocs.commands.build").addFilter(_not_the_dirty_warning)


def _not_the_dirty_warning(record: logging.LogRecord) -> bool:
    return not record.getMessage().startswith("A 'dirty' build is being performed")


def on_shutdown() -> None:
    if "pages" in _preview:
        shutil.rmtree(_preview.pop("pages"), ignore_errors=True)


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
    # Kept for on_page_content in this same build; replaced at the start of the next one.
    _loaded["glossary"] = glossary(dataset)
    # edit_uri looks like "edit/main/docs/": its second part is the branch.
    parts = (config.edit_uri or "").strip("/").split("/")
    branch = parts[1] if len(parts) > 1 and parts[0] == "edit" else "main"
    preview = _preview.get("pages")
    site = SiteInfo(
        name=config.site_name,
        url=config.site_url or None,
        repo_url=config.repo_url,
        branch=branch,
        version=PREVIEW_VERSION if preview else "",
    )
    layout = Layout.of(dataset)  # once: the pages and the redirect pages follow the same one
    generated = site_files(dataset, site, layout)
    too_large = oversized_pages(generated, dataset, layout, data_dir)
    if too_large:
        raise PluginError(
            f"{len(too_large)} page(s) too large:\n" + format_report(too_large, "text")
        )
    moved = redirects(dataset, layout)
    # A record's address must stay free: a hand-written page published there would hide it.
    clash = sorted((f.src_uri, f.dest_uri) for f in files if f.dest_uri in moved)
    if clash:
        source, address = clash[0]
        raise PluginError(
            f"docs/{source} is published at {address}, the address of a record; "
            "rename or move the page"
        )
    _loaded["redirects"] = moved
    if preview is not None:
        write_tree(generated, preview)
    for path, text in generated.items():
        if files.get_file_from_path(path) is not None:
            raise PluginError(f"docs/{path} is also generated from data; remove or rename it")
        if preview is None:
            files.append(File.generated(config, path, content=text))
        else:
            file = File(path, str(preview), config.site_dir, config.use_directory_urls)
            file.generated_by = "hooks/generate_pages.py"
            files.append(file)
    return files


def on_page_content(html: str, page: Page, **_: object) -> str:
    """Glossary terms marked in every page's HTML, generated or hand-written."""
    if "glossary" not in _loaded:
        return html
    return mark_terms(html, _loaded["glossary"])


def on_post_build(config: MkDocsConfig) -> None:
    """Every record keeps the address `kind/id/`: where a record is a section of a larger page,
    a small redirect page is written there (plain HTML, outside MkDocs' pages: tens of
    thousands of them cost MkDocs nothing)."""
    site_dir = Path(config.site_dir)
    for relative, text in _loaded.get("redirects", {}).items():
        target = site_dir / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
