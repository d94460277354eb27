"""What `explainer build` and `explainer serve` run, in a child process: MkDocs' own build or
server, with the site made by the core handed to the MkDocs hook (generate_pages.py) instead of
the hook finding the data itself. With the hook, this file is the whole MkDocs adapter; the core
never imports MkDocs.

A build checks the data and makes the site once, before MkDocs starts, and reports problems as
`explainer check` does. A preview hands the hook its data folder, which it checks on every
rebuild.

    python hooks/run_mkdocs.py build DATA CONFIG SITE_DIR SHOWN
    python hooks/run_mkdocs.py serve DATA CONFIG HOST:PORT
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import click  # noqa: E402
from mkdocs.__main__ import ColorFormatter  # noqa: E402
from mkdocs.commands.build import build  # noqa: E402
from mkdocs.commands.serve import serve  # noqa: E402
from mkdocs.config import load_config  # noqa: E402
from mkdocs.config.defaults import MkDocsConfig  # noqa: E402

from generator.load.diagnostics import DataError  # noqa: E402
from generator.render.site import build_site  # noqa: E402
from generator.tools.console import DATA_REPORTED  # noqa: E402
from generator.tools.data_check import checked_dataset, report_too_large  # noqa: E402


def main(argv: Sequence[str]) -> int:
    command, data, config_file, target, *shown = argv
    if command == "build":
        return _build(Path(data), config_file, target, shown[0])
    return _serve(Path(data), config_file, target)


def _build(data_dir: Path, config_file: str, site_dir: str, shown: str) -> int:
    """0 when built; DATA_REPORTED after printing the data's problems; 1 when MkDocs failed
    (it says why)."""
    consequence = f"{shown} was left as it was"
    dataset = checked_dataset(data_dir, consequence)
    if dataset is None:
        return DATA_REPORTED
    # MkDocs prints its warnings and errors, not its progress. (Its `--quiet` would raise the
    # logger's level and so hide warnings from strict mode's count too.)
    _console(logging.WARNING)
    try:
        config = load_config(config_file, strict=True, site_dir=site_dir)
        hook = _hook(config)
        try:
            made = build_site(dataset, data_dir=data_dir)
        except DataError as error:
            report_too_large(error.diagnostics, consequence)
            return DATA_REPORTED
        hook.use(data_dir, made)
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build(config)
        finally:
            config.plugins.on_shutdown()
    except click.ClickException as error:  # MkDocs' errors, e.g. "Aborted with 1 warnings"
        error.show()
        return 1
    return 0


def _serve(data_dir: Path, config_file: str, address: str) -> int:
    _console(logging.INFO)
    try:
        # MkDocs loads a hook once per process: the module configured here is the one every
        # rebuild of the preview calls.
        _hook(load_config(config_file)).use(data_dir, None)
        serve(
            config_file=config_file,
            build_type="dirty",
            dev_addr=address,
            # Not strict: a warning is shown on the page (by the hook), where a failed build
            # would leave MkDocs' server answering nothing until a build succeeds.
            strict=False,
        )
    except click.ClickException as error:
        error.show()
        return 1
    return 0


def _hook(config: MkDocsConfig) -> ModuleType:
    """The hook module MkDocs loaded from the `hooks:` list (generate_pages.py)."""
    for plugin in config.plugins.values():
        if isinstance(plugin, ModuleType) and hasattr(plugin, "use"):
            return plugin
    raise click.ClickException(
        f"{config.config_file_path} does not list hooks/generate_pages.py under hooks:"
    )


def _console(level: int) -> None:
    """MkDocs' own console output, as its command line sets it up."""
    logger = logging.getLogger("mkdocs")
    logger.setLevel(logging.INFO)
    logger.propagate = False
    handler = logging.StreamHandler()
    handler.setFormatter(ColorFormatter())
    handler.setLevel(level)
    handler.name = "MkDocsStreamHandler"
    logger.addHandler(handler)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
