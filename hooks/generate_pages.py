"""MkDocs hook: add the pages generated from data/ to the build. The only code importing mkdocs.

The pages are virtual (never written into docs/), so `mkdocs build` alone builds the whole
site, and `mkdocs serve` regenerates them when a file under `watch:` changes.

Under `mkdocs serve` (what `explainer serve` runs) nothing fails the build: problems in the
data keep the last good pages in place, and the problems, with the build's warnings, are shown
at the top of every page served until they are fixed. (A failed build would leave MkDocs'
server waiting for a good one before answering any request.)
"""

from __future__ import annotations

import logging
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterable
from html import escape
from pathlib import Path
from typing import Any

from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # a bare `mkdocs` command does not put the project on the path
    sys.path.insert(0, str(ROOT))

from generator import check_data  # noqa: E402
from generator.built_html.preview_notice import notice_html, with_notice  # noqa: E402
from generator.built_html.term_marks import mark_terms  # noqa: E402
from generator.built_html.theme_html import valid_theme_html  # noqa: E402
from generator.load.diagnostics import DataError, format_report  # noqa: E402
from generator.load.read_explainer import load_explainer  # noqa: E402
from generator.load.read_records import FileCache  # noqa: E402
from generator.render.page_descriptions import shortened  # noqa: E402
from generator.render.published_paths import first_clash  # noqa: E402
from generator.render.settings import SiteSettings  # noqa: E402
from generator.render.site import SiteBuild, build_site  # noqa: E402
from generator.render.site_identity import (  # noqa: E402
    authors_line,
    copyright_line,
    footer_links,
)
from generator.schema.explainer_settings import DEFAULT_EXPLAINER, Explainer  # noqa: E402
from generator.tools.collector import collector_paused  # noqa: E402
from generator.write.files import write_tree  # noqa: E402

_loaded: dict[str, Any] = {}
"""The glossary of the build in progress and its redirect pages (MkDocs hooks share no other
state between events)."""
_parsed: FileCache = {}
"""Parsed data files kept across rebuilds of one `mkdocs serve`: unchanged files are not
parsed again."""
_preview: dict[str, Path] = {}
"""Under `mkdocs serve --dirty`: the folder the generated pages are written to."""
_serving: dict[str, Any] = {}
"""Under `mkdocs serve`: the last good generated pages and redirect pages ("pages",
"redirects"), the current problems ("problems": count and report) and the warnings of the
last build ("warnings")."""

PREVIEW_VERSION = "preview"
"""The data version citations show in a dirty preview. The real one, a hash of every record,
changes with any edit and would make every page "changed"."""


NOT_BUILT_YET = (
    "# The explainer cannot be built yet\n\n"
    "The problems in its data are listed above; fix them and this page reloads.\n"
)
"""The preview's only page while the data has never been built."""

_given: dict[str, Any] = {}
"""Set by run_mkdocs.py (what `explainer build` and `serve` run) before MkDocs starts: the data
folder ("data_dir") and, for a build, the site the core already made from it ("made")."""


def use(data_dir: Path, made: SiteBuild | None) -> None:
    """Build from `data_dir` instead of data/ beside mkdocs.yml; with `made`, the first build
    uses it instead of checking the data and making the site again."""
    _given.update(data_dir=data_dir, made=made)


def _explainer(config: MkDocsConfig) -> Explainer:
    """The explainer's settings: those of the site already made, or read from the data folder
    (under `serve`; when they do not load, the defaults, and the problems show on the page)."""
    made: SiteBuild | None = _given.get("made")
    if made is not None:
        return made.explainer
    loaded, _problems = load_explainer(_data_dir(config))
    return loaded.explainer if loaded is not None else DEFAULT_EXPLAINER


def _configure(config: MkDocsConfig, explainer: Explainer) -> None:
    """MkDocs' settings that belong to the explainer, from its `explainer.yaml`: mkdocs.yml
    holds none of them."""
    # The theme writes the site's name and description into its HTML as they are, in some
    # places escaped and in others not: escaped once here and marked safe, they are text in
    # both (a title from a pull request is data like any record).
    config.site_name = Markup(escape(explainer.header_title))
    config.extra["full_title"] = Markup(escape(" ".join(explainer.title.split())))
    config.site_description = (
        Markup(escape(shortened(explainer.description))) if explainer.description else None
    )
    config.site_url = (explainer.site_url.rstrip("/") + "/") if explainer.site_url else None
    config.copyright = copyright_line(explainer)
    config.extra["footer_links"] = footer_links(explainer)
    config.site_author = Markup(escape(authors_line(explainer))) if explainer.authors else None
    language = explainer.language.split("-")[0]
    theme_dir = next(  # the theme's own templates: the folder that has its translations
        (Path(d) for d in config.theme.dirs if (Path(d) / "partials" / "languages").is_dir()),
        Path(config.theme.dirs[-1]),
    )
    if (theme_dir / "partials" / "languages" / f"{language}.html").is_file():
        config.theme["language"] = language
    lunr = theme_dir / "assets" / "javascripts" / "lunr" / "min"  # a stemmer per language
    search = config.plugins.get("material/search") or config.plugins.get("search")
    if search is not None:
        if "zh" in explainer.search_languages:
            # The theme's search splits Chinese text into words with jieba at build time and
            # marks each word's ends with a zero-width space: the index must split there too.
            search.config["separator"] = r"[\s\u200b\-]+"
            logging.getLogger("jieba").setLevel(logging.WARNING)  # its progress is not news
        search.config["lang"] = [
            code
            for code in explainer.search_languages
            if code == "en" or (lunr / f"lunr.{code}.min.js").is_file()
        ]


def _data_dir(config: MkDocsConfig) -> Path:
    return _given.get("data_dir") or Path(config.config_file_path).parent / "data"


@event_priority(100)  # before the search plugin, which reads its languages in its own on_config
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """The explainer's own settings; a preview rebuilds when a data file or the generator
    changes. (Set here, not under `watch:` in mkdocs.yml, which names paths beside it: the
    data folder may be elsewhere.)"""
    _configure(config, _explainer(config))
    for folder in (_data_dir(config), ROOT / "generator"):
        if folder.is_dir() and str(folder) not in config.watch:
            config.watch.append(str(folder))
    return config


def on_startup(command: str, dirty: bool, **_: object) -> None:
    if command == "serve" and "warnings" not in _serving:
        _serving.update(pages={}, redirects={}, problems=(0, ""), warnings=[])
        logging.getLogger("mkdocs").addHandler(_WarningsKept(_serving["warnings"]))
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


class _WarningsKept(logging.Handler):
    """Keeps the text of each warning and error MkDocs logs, for the preview's notice."""

    def __init__(self, kept: list[str]) -> None:
        super().__init__(logging.WARNING)
        self.kept = kept

    def emit(self, record: logging.LogRecord) -> None:
        self.kept.append(f"{record.levelname}: {record.getMessage()}")


def on_pre_build(config: MkDocsConfig) -> None:
    if _serving:
        _serving["warnings"].clear()


def on_shutdown() -> None:
    if "pages" in _preview:
        shutil.rmtree(_preview.pop("pages"), ignore_errors=True)


def on_files(files: Files, config: MkDocsConfig) -> Files:
    data_dir = _data_dir(config)
    preview = _preview.get("pages")
    try:
        made = _given.pop("made", None) or _made(data_dir, preview=bool(preview))
        generated, moved = made.files, made.redirects
        _refuse_clashes(made, files, Path(config.docs_dir).name)
    except _Problems as problems:
        if not _serving:
            raise PluginError(f"{problems.heading}:\n{problems.report}") from None
        _serving["problems"] = (problems.count, problems.report)
        # The last good pages; before any, a home page for the notice to sit on.
        generated = _serving["pages"] or {"index.md": NOT_BUILT_YET}
        moved = _serving["redirects"]
        if preview is not None and not _serving["pages"]:
            write_tree(generated, preview)
    else:
        if _serving:
            _serving.update(pages=generated, redirects=moved, problems=(0, ""))
        if preview is not None:
            write_tree(generated, preview)
        # Kept for on_page_content and on_post_build in this same build.
        _loaded.update(glossary=made.glossary, redirects=moved, nav=made.nav)
    # The navigation is the explainer's (a kind without records has no entry); under a
    # preview with problems, the last good one.
    nav = _loaded.get("nav", ())
    # The theme prints navigation titles as they are: a hand-written page's title is text.
    config.nav = [{Markup(escape(title)): path} for title, path in nav]
    in_nav = {path for _title, path in nav}
    for path, text in generated.items():
        if preview is None:
            file = File.generated(config, path, content=text)
        else:
            file = File(path, str(preview), config.site_dir, config.use_directory_urls)
            file.generated_by = "hooks/generate_pages.py"
        # Record pages are reached from the index pages; MkDocs need not list them as
        # pages left out of the navigation.
        if path not in in_nav:
            file.inclusion = InclusionLevel.NOT_IN_NAV
        files.append(file)
    return files


class _Problems(Exception):
    def __init__(self, count: int, heading: str, report: str) -> None:
        super().__init__(report)
        self.count, self.heading, self.report = count, heading, report


def _made(data_dir: Path, *, preview: bool) -> SiteBuild:
    """The site made from `data_dir`, or raises _Problems saying why not."""
    with collector_paused():
        dataset, problems = check_data(data_dir, _parsed)
    if dataset is None:
        raise _Problems(
            len(problems), f"{len(problems)} problem(s) in data", format_report(problems, "text")
        )
    try:
        with collector_paused():
            site = SiteSettings.of(dataset.explainer, version=PREVIEW_VERSION if preview else "")
            return build_site(dataset, site, data_dir)
    except DataError as error:
        count = len(error.diagnostics)
        raise _Problems(
            count, f"{count} page(s) too large", format_report(error.diagnostics, "text")
        ) from None


def _refuse_clashes(made: SiteBuild, files: Files, docs: str) -> None:
    """A record's address must stay free (the same check every engine adapter makes)."""
    clash = first_clash(made.files, made.redirects, (f.src_uri for f in files), docs)
    if clash is not None:
        raise _Problems(1, clash.heading, clash.message)


def on_serve(
    server: LiveReloadServer, config: MkDocsConfig, builder: Callable[..., None]
) -> LiveReloadServer:
    """Every HTML answer of the preview carries the current problems and warnings."""
    app = server.get_app()
    assert app is not None  # MkDocs' server sets its app when it is made

    def with_problems(environ: dict[str, Any], start_response: Callable[..., Any]) -> Any:
        answer: list[Any] = []

        def keep(status: str, headers: list[tuple[str, str]], *exc_info: Any) -> Any:
            answer[:] = [status, headers]
            return lambda _data: None

        body: Iterable[bytes] = app(environ, keep)
        count, report = _serving["problems"]
        notice = notice_html(count, report, _serving["warnings"], stale=bool(_serving["pages"]))
        status, headers = answer
        if not notice or not dict(headers).get("Content-Type", "").startswith("text/html"):
            start_response(status, headers)
            return body
        try:
            page = b"".join(body).decode("utf-8", "replace")
        finally:
            close = getattr(body, "close", None)
            if close is not None:
                close()
        content = with_notice(page, notice).encode("utf-8")
        headers = [(k, v) for k, v in headers if k.lower() != "content-length"]
        start_response(status, [*headers, ("Content-Length", str(len(content)))])
        return [content]

    server.set_app(with_problems)
    return server


def on_page_content(html: str, page: Page, **_: object) -> str:
    """Glossary terms marked in every page's HTML, generated or hand-written."""
    if "glossary" not in _loaded:
        return html
    return mark_terms(html, _loaded["glossary"])


def on_post_page(output: str, page: Page, **_: object) -> str:
    return valid_theme_html(output)


def on_post_template(output_content: str, template_name: str, **_: object) -> str:
    """The theme's 404 page is a template, not a page, and needs the same corrections."""
    return valid_theme_html(output_content) if template_name.endswith(".html") else output_content


def on_post_build(config: MkDocsConfig) -> None:
    """Every record keeps the address `kind/id/`: where a record is a section of a larger page,
    a small redirect page is written there (plain HTML, outside MkDocs' pages: tens of
    thousands of them cost MkDocs nothing)."""
    site_dir = Path(config.site_dir)
    for relative, text in _loaded.get("redirects", {}).items():
        target = site_dir / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
