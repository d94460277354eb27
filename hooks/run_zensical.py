"""What `explainer build --engine zensical` runs, in a child process: the Zensical adapter.

Zensical reads mkdocs.yml but runs no MkDocs hooks, so this adapter does outside the engine
what generate_pages.py does inside MkDocs: it makes the site with the core, writes the pages
with the static folder into a working folder, writes a copy of mkdocs.yml that names that
folder and carries the explainer's own settings, has Zensical build it, then marks glossary
terms in each page's content, corrects the theme's HTML and writes the redirect pages.

    python hooks/run_zensical.py build DATA CONFIG SITE_DIR SHOWN
"""

from __future__ import annotations

import json
import os
import re
import shutil
import sys
import tempfile
from collections.abc import Sequence
from html import escape, unescape
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from generator.built_html.term_marks import Glossary, mark_terms  # noqa: E402
from generator.built_html.theme_html import valid_theme_html  # noqa: E402
from generator.load.diagnostics import DataError  # noqa: E402
from generator.render.page_descriptions import shortened  # noqa: E402
from generator.render.published_paths import first_clash  # noqa: E402
from generator.render.site import SiteBuild, build_site  # noqa: E402
from generator.render.site_identity import (  # noqa: E402
    authors_line,
    copyright_line,
    footer_links,
)
from generator.tools import child_process  # noqa: E402
from generator.tools.console import DATA_REPORTED  # noqa: E402
from generator.tools.data_check import checked_dataset, report_too_large  # noqa: E402
from generator.write import interrupts  # noqa: E402
from generator.write.files import write_tree  # noqa: E402

MKDOCS_ONLY_OVERRIDES = ("partials/search.html",)
"""Theme overrides for MkDocs' Material alone: Zensical's own search partial already gives the
dialog its accessible name, and ours would replace its search form with one it cannot use."""

SEARCH_SEPARATOR = r'[\s\-_,:!=\[\]()\\"`/«»“”„‘’‹›' + "'" + r"]+|\.(?!\d)"
"""Zensical's default separator of words in its search, with the quotation marks added."""

SEARCH_INDEX = "search.json"
"""Zensical's search index, in the site's root."""

CONTENT_START = '<article class="md-content__inner md-typeset">'
CONTENT_END = "</article>"
"""Where the theme puts a page's content: glossary terms are marked there, as the MkDocs hook
marks them in the content it is handed, and nowhere else on the page."""


def main(argv: Sequence[str]) -> int:
    command, data, config_file, site_dir, shown = argv
    if command != "build":
        print(f"error: the Zensical adapter only builds (not '{command}')", file=sys.stderr)
        return 2
    # A stop request (the build's parent ends this process with SIGTERM) raises, so Zensical
    # is stopped (child_process) and the working folder removed before this process ends.
    try:
        with interrupts.raising():
            return build(Path(data), Path(config_file), Path(site_dir), shown)
    except interrupts.Interrupted as stop:
        return 128 + stop.signum


def build(data_dir: Path, config_file: Path, site_dir: Path, shown: str) -> int:
    """0 when built; DATA_REPORTED after printing the data's problems; 1 when Zensical
    failed (it says why) or a static file takes a record's address."""
    consequence = f"{shown} was left as it was"
    dataset = checked_dataset(data_dir, consequence)
    if dataset is None:
        return DATA_REPORTED
    try:
        made = build_site(dataset, data_dir=data_dir)
    except DataError as error:
        report_too_large(error.diagnostics, consequence)
        return DATA_REPORTED
    config = _read_config(config_file)
    project = config_file.parent
    static = project / config.get("docs_dir", "docs")
    static_files = [p.relative_to(static).as_posix() for p in static.rglob("*") if p.is_file()]
    clash = first_clash(made.files, made.redirects, static_files, static.name)
    if clash is not None:
        print(f"error: {clash.heading}: {clash.message}", file=sys.stderr)
        return 1
    site_dir.mkdir(parents=True, exist_ok=True)
    # Zensical builds only into a folder inside its project's: the working folder is inside
    # the staging folder the build writes (so a build killed outright leaves it where the
    # next build removes it), and the built files move up from it.
    with tempfile.TemporaryDirectory(prefix=".zensical-", dir=site_dir) as work_name:
        work = Path(work_name)
        docs = work / "docs"
        shutil.copytree(static, docs)
        write_tree(made.files, docs)
        theme = config.get("theme", {})
        if theme.get("custom_dir"):
            overrides = work / "overrides"
            shutil.copytree(project / theme["custom_dir"], overrides)
            for name in MKDOCS_ONLY_OVERRIDES:
                (overrides / name).unlink(missing_ok=True)
            theme["custom_dir"] = "overrides"
        config.update(docs_dir="docs", site_dir="site")
        config.pop("hooks", None)
        _configure(config, made)
        work_config = work / "mkdocs.yml"
        work_config.write_text(yaml.dump(config, Dumper=_Dumper, allow_unicode=True), "utf-8")
        command = [sys.executable, "-m", "zensical", "build", "--strict", "--config-file",
                   str(work_config)]  # fmt: skip
        log_path = work / "zensical.log"
        with log_path.open("wb") as log:
            code = child_process.run(command, os.environ, cwd=work, output=log)
        if code != 0:
            print(engine_report(log_path.read_text(encoding="utf-8", errors="replace")),
                  file=sys.stderr)  # fmt: skip
            return 1
        for built in sorted((work / "site").iterdir()):
            built.rename(site_dir / built.name)
    _finish(site_dir, made.glossary, made.redirects, escape(made.explainer.header_title))
    return 0


def _configure(config: dict[str, Any], made: SiteBuild) -> None:
    """The explainer's own settings, as generate_pages.py gives them to MkDocs: Zensical's
    templates escape what they print, so the values go in as plain text."""
    explainer = made.explainer
    # Zensical's templates print values as they are, as MkDocs' do: what the theme prints
    # goes in escaped (the MkDocs hook escapes the same values and marks them safe).
    config["site_name"] = escape(explainer.header_title)
    extra = config.setdefault("extra", {})
    extra["engine"] = "zensical"
    extra["full_title"] = escape(" ".join(explainer.title.split()))
    extra["footer_links"] = [list(link) for link in footer_links(explainer)]
    if explainer.description:
        config["site_description"] = escape(shortened(explainer.description))
    if explainer.site_url:
        config["site_url"] = explainer.site_url.rstrip("/") + "/"
    config["copyright"] = str(copyright_line(explainer))
    if explainer.authors:
        config["site_author"] = escape(authors_line(explainer))
    theme = config.setdefault("theme", {})
    theme["language"] = explainer.language.split("-")[0]
    # The look our stylesheet and the browser tests were made for, Material's; Zensical's
    # default is its own, "modern".
    theme["variant"] = "classic"
    config["nav"] = [{escape(title): path} for title, path in made.nav]
    # Zensical's search has no language setting: it indexes every language's words as they
    # are written, without the stemming MkDocs' per-language search adds. Its separator is
    # its default plus the quotation marks of the explainer's languages, so «тихой» is found
    # as тихой.
    config["plugins"] = [
        {"search": {"separator": SEARCH_SEPARATOR}} if p == "search" else p
        for p in config.get("plugins", [])
    ]


_COLOUR = re.compile(r"\x1b\[[0-9;]*m")


def engine_report(output: str) -> str:
    """Zensical's output on a failed build, as a reader of the build's log needs it: its
    problems without colour codes, and its last error without the traceback around it."""
    lines = _COLOUR.sub("", output).splitlines()
    kept: list[str] = []
    in_traceback = False
    for line in lines:
        if line.startswith("Traceback (most recent call last):"):
            in_traceback = True
        elif in_traceback and line and not line.startswith(" "):
            in_traceback = False
            kept.append(line.partition(": ")[2] or line)  # "RuntimeError: Aborted ..."
        elif not in_traceback and line != "Build started":
            kept.append(line)
    return "\n".join(kept).strip()


def _finish(
    site_dir: Path, glossary: Glossary, redirects: dict[str, str], site_name: str
) -> None:
    """Glossary terms marked in each page's content, the theme's HTML corrected, and a
    redirect page at the address of each record that is a section of a larger page."""
    # The theme's logo link escapes the (already escaped) site name once more in its title.
    twice = f'title="{_template_escape(site_name)}"'
    for page in sorted(site_dir.rglob("*.html")):
        text = page.read_text(encoding="utf-8").replace(twice, f'title="{site_name}"')
        start = text.find(CONTENT_START)
        end = text.rfind(CONTENT_END)
        if start != -1 and end > start:
            start += len(CONTENT_START)
            text = text[:start] + mark_terms(text[start:end], glossary) + text[end:]
        page.write_text(valid_theme_html(text), encoding="utf-8")
    _plain_search_paths(site_dir / SEARCH_INDEX)
    for relative, text in redirects.items():
        target = site_dir / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")


def _template_escape(text: str) -> str:
    """Zensical's `e` filter: HTML's five characters and the slash."""
    return escape(text).replace("/", "&#x2f;")


def _plain_search_paths(index: Path) -> None:
    """Zensical's search shows each result's page title (`path`) as text, but takes it from
    the page's Markdown source, where our escaping writes `_` as `&#95;` and `&` as `&#38;`:
    the reader would see the entities. The index gets the title as text."""
    if not index.is_file():
        return
    loaded = json.loads(index.read_text(encoding="utf-8"))
    for item in loaded.get("items", []):
        if isinstance(item.get("path"), list):
            item["path"] = [unescape(part) for part in item["path"]]
    text = json.dumps(loaded, ensure_ascii=False, separators=(",", ":"))
    index.write_text(text, encoding="utf-8")


class _PythonObject:
    """A `!!python/...` value of mkdocs.yml (the heading slug function), kept as written:
    the copy hands it to Zensical unchanged."""

    def __init__(self, tag: str, value: Any) -> None:
        self.tag, self.value = tag, value


class _Loader(yaml.SafeLoader):
    pass


class _Dumper(yaml.SafeDumper):
    pass


def _python_object(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> _PythonObject:
    tag = "tag:yaml.org,2002:python/" + suffix
    if isinstance(node, yaml.MappingNode):
        return _PythonObject(tag, loader.construct_mapping(node, deep=True))
    if isinstance(node, yaml.SequenceNode):
        return _PythonObject(tag, loader.construct_sequence(node, deep=True))
    return _PythonObject(tag, loader.construct_scalar(node))  # type: ignore[arg-type]


def _represent(dumper: yaml.SafeDumper, data: _PythonObject) -> yaml.Node:
    if isinstance(data.value, dict):
        return dumper.represent_mapping(data.tag, data.value)
    if isinstance(data.value, list):
        return dumper.represent_sequence(data.tag, data.value)
    return dumper.represent_scalar(data.tag, str(data.value))


_Loader.add_multi_constructor("tag:yaml.org,2002:python/", _python_object)
_Dumper.add_representer(_PythonObject, _represent)


def _read_config(config_file: Path) -> dict[str, Any]:
    loaded = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_Loader)
    return loaded if isinstance(loaded, dict) else {}


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
