"""`python -m generator`: the command line. Prints, sets exit codes, holds no logic.

Exit codes: 0 clean, 1 problems in data (or an output folder that cannot be written), 2 usage
(bad arguments, missing folder, an output folder that must not be replaced, a build of it
already running), 128 + N when stopped by signal N (130 for Ctrl-C, 143 for SIGTERM).
"""

from __future__ import annotations

import argparse
import sys
import textwrap
from collections.abc import Sequence
from importlib import metadata
from pathlib import Path

from generator.tools.console import EXIT_DATA, EXIT_OK, EXIT_STOPPED, EXIT_USAGE, program
from generator.tools.data_check import check_command
from generator.tools.init_command import init_command
from generator.tools.record_commands import changes_command, new_command, schema_command
from generator.tools.site_commands import (
    ENGINES,
    build_command,
    render_command,
    serve_command,
)

_FORCE_HELP = "replace the folder even if it holds files that no build wrote"


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command == "check":
        return check_command(Path(args.data), args.format)
    if args.command == "render":
        return render_command(Path(args.data), args.out, force=args.force)
    if args.command == "build":
        return build_command(Path(args.data), args.site, force=args.force, engine=args.engine)
    if args.command == "serve":
        return serve_command(Path(args.data), args.port)
    if args.command == "init":
        return init_command(Path(args.folder))
    if args.command == "new":
        return new_command(args.kind, args.id, Path(args.data))
    if args.command == "schema":
        return schema_command(Path(args.out), check_only=args.check)
    if args.command == "changes":
        return changes_command(Path(args.base), Path(args.data), args.artifact_url)
    parser.print_help(sys.stderr)  # pragma: no cover - argparse requires a command
    return EXIT_USAGE  # pragma: no cover


def version() -> str:
    try:
        return metadata.version("explainer-generator")
    except metadata.PackageNotFoundError:  # run from a checkout that was never installed
        return "unknown (not installed; run make)"


_CODES = {
    EXIT_OK: "no problems",
    EXIT_DATA: "problems in the data",
    EXIT_USAGE: "bad arguments or folders",
}


def _epilog(example: str, codes: dict[int, str]) -> str:
    name = program()
    lines = [f"example:\n  {name} {example}", "", "exit codes:"]
    lines += [
        f"  {'128+N' if code == EXIT_STOPPED else code:<5}  {meaning}"
        for code, meaning in sorted(codes.items())
    ]
    return "\n".join(lines)


def _command(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
    name: str,
    summary: str,
    description: str,
    example: str,
    codes: dict[int, str],
) -> argparse.ArgumentParser:
    return commands.add_parser(
        name,
        help=summary,
        description=textwrap.fill(description, 90),
        epilog=_epilog(example, codes),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )


def _data_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data", default="data", metavar="DIR", help="data folder (default: data)")


_STOPPED = "stopped by signal N (130 for Ctrl-C, 143 for SIGTERM)"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=program(),
        description="Build annotated explainers of contested public statements from data/.",
        epilog=f"Run '{program()} COMMAND --help' for what a command does, with an example.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {version()}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    check = _command(
        commands, "check", "validate every record and reference in data/",
        "Read every record in the data folder and report every problem at once, each with its "
        "file, line and column, what is wrong and how to fix it. Writes nothing.",
        "check --data data", _CODES,
    )  # fmt: skip
    _data_option(check)
    check.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text for people (default), json for tools",
    )
    render = _command(
        commands, "render", "check data/, then write the generated Markdown pages into a folder",
        "Check the data, then write the Markdown pages the site is built from into a folder "
        "(for another engine, or to read them). The folder is replaced only when every page "
        "was written.",
        "render --out pages",
        {**_CODES, EXIT_DATA: "problems in the data, or the folder cannot be written",
         EXIT_STOPPED: _STOPPED},
    )  # fmt: skip
    render.add_argument("--out", required=True, metavar="DIR", help="folder for the pages")
    _data_option(render)
    render.add_argument("--force", action="store_true", help=_FORCE_HELP)
    build = _command(
        commands, "build",
        "check data/, build the site with MkDocs, and replace the site folder only on success",
        "Check the data, build the whole site with MkDocs (or Zensical, with --engine "
        "zensical) in strict mode (a warning fails the build) into a staging folder, and swap "
        "it in for the site folder only when the build succeeds: a failed build leaves the "
        "last good site in place.",
        "build --data data --site site",
        {**_CODES, EXIT_DATA: "problems in the data, or the build failed", EXIT_STOPPED: _STOPPED},
    )  # fmt: skip
    build.add_argument("--site", default="site", metavar="DIR", help="site folder (default: site)")
    _data_option(build)
    build.add_argument("--force", action="store_true", help=_FORCE_HELP)
    build.add_argument(
        "--engine", choices=ENGINES, default=ENGINES[0],
        help="the engine that builds the pages (default: mkdocs)",
    )  # fmt: skip
    serve = _command(
        commands, "serve", "preview the site on 127.0.0.1, rebuilt whenever a file is saved",
        "Serve a live preview on http://127.0.0.1:PORT/ that rebuilds and reloads the page "
        "whenever a data file, a page or the generator changes. While the data has problems "
        "the preview keeps the last good pages and shows the problems, as check prints them, "
        "at the top of every page. Stop it with Ctrl-C.",
        "serve --data data --port 8001",
        {EXIT_OK: "stopped", EXIT_DATA: "the server failed (its message says why)",
         EXIT_USAGE: "bad arguments, no data folder, or the port is in use",
         EXIT_STOPPED: _STOPPED},
    )  # fmt: skip
    _data_option(serve)
    serve.add_argument("--port", type=_port, default=8000, help="port on 127.0.0.1 (default: 8000)")
    init = _command(
        commands, "init", "start a new explainer: a data folder that builds at once",
        "Write a new data folder: the explainer's settings and home page (explainer.yaml), a "
        "methodology page and one example record of each kind, marked unverified until they "
        "are replaced. Edit them, run check, then build.",
        "init ../my-explainer/data",
        {EXIT_OK: "written", EXIT_DATA: "the folder cannot be written",
         EXIT_USAGE: "the folder exists and is not empty"},
    )  # fmt: skip
    init.add_argument("folder", help="the new data folder (must not exist, or be empty)")
    new = _command(
        commands, "new", "write a commented skeleton record to fill in",
        "Write a new record file with every field commented, into the folder of its kind, "
        "and print its path. Fill it in, then run check.",
        "new statement 2022-07-30-ministry-reply",
        {EXIT_OK: "written", EXIT_DATA: "the file exists already",
         EXIT_USAGE: "no such kind, or not an id"},
    )  # fmt: skip
    new.add_argument(
        "kind", help="actor, source, event, statement, claim, contradiction, article, term"
    )
    new.add_argument("id", help="the new record's id: lower-case words joined by hyphens")
    _data_option(new)
    schema = _command(
        commands, "schema", "write the JSON Schema files for editors",
        "Write one JSON Schema file per record kind, from the models check uses, so editors "
        "can complete and check data files as they are typed.",
        "schema --check",
        {EXIT_OK: "written, or up to date", EXIT_DATA: "with --check: a file is out of date"},
    )  # fmt: skip
    schema.add_argument("--out", default="schema", metavar="DIR", help="folder (default: schema)")
    schema.add_argument("--check", action="store_true", help="fail if the files are out of date")
    changes = _command(
        commands, "changes",
        "print, as Markdown, the records added, changed and removed since another data folder",
        "Compare the data folder with another (a pull request's base) and print, as Markdown, "
        "the records added, changed and removed and the problems the change brings in.",
        "changes --base ../main/data",
        {EXIT_OK: "printed", EXIT_USAGE: "a folder is missing, or the address is not https"},
    )  # fmt: skip
    changes.add_argument(
        "--base", required=True, metavar="DIR", help="the data folder to compare with"
    )
    _data_option(changes)
    changes.add_argument(
        "--artifact-url",
        default="",
        metavar="URL",
        help="https address of the built site to download, linked from the summary",
    )
    return parser


def _port(text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= 65535:
        raise argparse.ArgumentTypeError(f"'{text}' is not a port: give a number from 1 to 65535")
    return int(text)
