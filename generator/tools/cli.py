"""`python -m generator`: the command line. Prints, sets exit codes, holds no logic.

Exit codes: 0 clean, 1 problems in data (or an output folder that cannot be written), 2 usage
(bad arguments, missing folder, an output folder that must not be replaced, a build of it
already running), 128 + N when stopped by signal N (130 for Ctrl-C, 143 for SIGTERM).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable, Sequence
from importlib import metadata
from pathlib import Path

from generator import Dataset, check_data
from generator.load.diagnostics import format_report, visible
from generator.render.layout import PAGE_FILE
from generator.render.page_limits import oversized_pages
from generator.render.site import site_files
from generator.schema.field_types import ID_PATTERN, MAX_ID_LENGTH, slug_hint
from generator.schema.json_schema import stale_files, write_schemas
from generator.schema.models import SINGULAR
from generator.tools import child_process
from generator.tools.changes import compare, read_records, summary
from generator.tools.serve import HOST, PortTaken, check_port, serve, site_config
from generator.tools.skeleton import kind_of, skeleton
from generator.write.files import write_tree
from generator.write.interrupts import Interrupted
from generator.write.output_folder import mark, refusal
from generator.write.output_lock import OutputBusy
from generator.write.staging import staged

EXIT_OK, EXIT_DATA, EXIT_USAGE = 0, 1, 2
_FORCE_HELP = "replace the folder even if it holds files that no build wrote"


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command == "check":
        return _check(Path(args.data), args.format)
    if args.command == "render":
        return _render(Path(args.data), args.out, force=args.force)
    if args.command == "build":
        return _build(Path(args.data), args.site, force=args.force)
    if args.command == "serve":
        return _serve(Path(args.data), args.port)
    if args.command == "new":
        return _new(args.kind, args.id, Path(args.data))
    if args.command == "schema":
        return _schema(Path(args.out), check_only=args.check)
    if args.command == "changes":
        return _changes(Path(args.base), Path(args.data), args.artifact_url)
    parser.print_help(sys.stderr)  # pragma: no cover - argparse requires a command
    return EXIT_USAGE  # pragma: no cover


def _program() -> str:
    """How the user called us: `explainer`, or `python -m generator`."""
    return "python -m generator" if Path(sys.argv[0]).name == "__main__.py" else "explainer"


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
    program = _program()
    lines = [f"example:\n  {program} {example}", "", "exit codes:"]
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


EXIT_STOPPED = 128
_STOPPED = "stopped by signal N (130 for Ctrl-C, 143 for SIGTERM)"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=_program(),
        description="Build annotated explainers of contested public statements from data/.",
        epilog=f"Run '{_program()} COMMAND --help' for what a command does, with an example.",
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
        "Check the data, build the whole site with MkDocs in strict mode (a warning fails the "
        "build) into a staging folder, and swap it in for the site folder only when the "
        "build succeeds: a failed build leaves the last good site in place.",
        "build --data data --site site",
        {**_CODES, EXIT_DATA: "problems in the data, or the build failed", EXIT_STOPPED: _STOPPED},
    )  # fmt: skip
    build.add_argument("--site", default="site", metavar="DIR", help="site folder (default: site)")
    _data_option(build)
    build.add_argument("--force", action="store_true", help=_FORCE_HELP)
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
    serve.add_argument(
        "--port", type=_port, default=8000, help="port on 127.0.0.1 (default: 8000)"
    )
    new = _command(
        commands, "new", "write a commented skeleton record to fill in",
        "Write a new record file with every field commented, into the folder of its kind, "
        "and print its path. Fill it in, then run check.",
        "new statement 2022-07-30-lavrov-reply",
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


def _no_data_folder(data_dir: Path) -> str | None:
    """Why `data_dir` cannot be checked, or None. (Path.is_dir raises on a folder whose parent
    cannot be entered, and a traceback would be the report.)"""
    try:
        if data_dir.is_dir():
            return None
    except OSError as error:
        return f"error: cannot open the data folder '{visible(str(data_dir))}': {error.strerror}"
    return f"error: no data folder at '{visible(str(data_dir))}'"


def _check(data_dir: Path, fmt: str) -> int:
    missing = _no_data_folder(data_dir)
    if missing:
        print(missing, file=sys.stderr)
        return EXIT_USAGE
    started = time.perf_counter()
    dataset, problems = check_data(data_dir)
    elapsed = time.perf_counter() - started
    if fmt == "json":
        counts = dataset.counts() if dataset else {}
        print(
            json.dumps(
                {
                    "ok": not problems,
                    "counts": counts,
                    "problems": json.loads(format_report(problems, "json")),
                },
                ensure_ascii=False,
                indent=2,
            )
        )
    elif problems:
        print(format_report(problems, "text"))
        print(f"\n{_plural(len(problems), 'problem')} found.", file=sys.stderr)
    if problems and os.environ.get("GITHUB_ACTIONS") == "true":
        print(format_report(problems, "github"))
    if problems:
        return EXIT_DATA
    assert dataset is not None
    if fmt == "text":
        summary = ", ".join(
            _plural(count, _NOUNS.get(kind, SINGULAR[kind]))
            for kind, count in dataset.counts().items()
        )
        print(f"no problems: {summary} (checked in {elapsed:.2f} s)")
    return EXIT_OK


_NOUNS = {"glossary": "glossary term"}
"""How a count of a kind reads where the kind's singular is not a noun for one record."""


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def _checked(data_dir: Path, consequence: str) -> Dataset | int:
    """The dataset, or the exit code after reporting why there is none."""
    missing = _no_data_folder(data_dir)
    if missing:
        print(missing, file=sys.stderr)
        return EXIT_USAGE
    dataset, problems = check_data(data_dir)
    if dataset is None:
        print(format_report(problems, "text"))
        print(f"\n{_plural(len(problems), 'problem')} found; {consequence}.", file=sys.stderr)
        return EXIT_DATA
    return dataset


def _render(data_dir: Path, out: str, *, force: bool) -> int:
    refused = refusal(out, "--out", data_dir=data_dir, force=force)
    if refused:
        print(f"error: {refused}", file=sys.stderr)
        return EXIT_USAGE
    dataset = _checked(data_dir, "nothing was written")
    if isinstance(dataset, int):
        return dataset
    pages = site_files(dataset)
    too_large = oversized_pages(pages, dataset, data_dir=data_dir)
    if too_large:
        print(format_report(too_large, "text"))
        print(f"\n{len(too_large)} page(s) too large; nothing was written.", file=sys.stderr)
        return EXIT_DATA
    counts: list[int] = []

    def fill(stage: Path) -> None:
        written, removed = write_tree(pages, stage)
        counts.extend((len(written), len(removed)))

    code = _replace_output(Path(out), out, fill, start_from_current=True)
    if code == EXIT_OK:
        print(f"{len(pages)} files in {out}: {counts[0]} written, {counts[1]} removed")
    return code


def _build(data_dir: Path, site: str, *, force: bool) -> int:
    """Check, then run MkDocs (in its own process: the core never imports it) into a staging
    folder that replaces the site folder only when the build succeeds."""
    refused = refusal(site, "--site", data_dir=data_dir, force=force)
    if refused:
        print(f"error: {refused}", file=sys.stderr)
        return EXIT_USAGE
    dataset = _checked(data_dir, f"{site} was left as it was")
    if isinstance(dataset, int):
        return dataset
    environment = {
        **os.environ,
        "EXPLAINER_DATA": str(data_dir.resolve()),
        # Material's end-of-life banner (we pin mkdocs<2).
        "NO_MKDOCS_2_WARNING": "1",
        # The MkDocs adapter then lets MkDocs print only its warnings and errors.
        "EXPLAINER_QUIET": "1",
    }
    # MkDocs stamps dates (the sitemap's lastmod) with SOURCE_DATE_EPOCH when set: default it
    # to the last commit's time, so two builds of one commit are byte-identical.
    environment.setdefault("SOURCE_DATE_EPOCH", _commit_time() or "0")

    def fill(stage: Path) -> None:
        command = [
            sys.executable, "-m", "mkdocs", "build", "--strict",
            "--config-file", str(site_config()), "--site-dir", str(stage),
        ]  # fmt: skip
        returncode = child_process.run(command, environment)
        if returncode != 0:
            raise _BuildFailed(returncode)

    started = time.perf_counter()
    try:
        code = _replace_output(Path(site), site, fill)
    except _BuildFailed:
        print(f"\nThe MkDocs build failed; {site} was left as it was.", file=sys.stderr)
        return EXIT_DATA
    if code == EXIT_OK:
        pages = sum(1 for _ in Path(site).rglob(PAGE_FILE))
        print(f"built {site}: {pages} pages in {time.perf_counter() - started:.1f} s")
    return code


def _serve(data_dir: Path, port: int) -> int:
    missing = _no_data_folder(data_dir)
    if missing:
        print(missing, file=sys.stderr)
        return EXIT_USAGE
    try:
        check_port(port)
    except PortTaken as taken:
        print(
            f"error: port {port} on {HOST} is in use ({taken}), perhaps by another preview; "
            f"stop it, or choose another port: {_program()} serve --port {port + 1}",
            file=sys.stderr,
        )
        return EXIT_USAGE
    print(f"Previewing {data_dir} on http://{HOST}:{port}/ (Ctrl-C stops)", flush=True)
    try:
        returncode = serve(data_dir, port)
    except Interrupted as stop:
        print(f"\nstopped by {stop.name}", file=sys.stderr)
        return EXIT_STOPPED + stop.signum
    if returncode != 0:
        print(f"\nThe MkDocs server ended with exit code {returncode}.", file=sys.stderr)
        return EXIT_DATA
    return EXIT_OK


def _replace_output(
    folder: Path, shown: str, fill: Callable[[Path], None], *, start_from_current: bool = False
) -> int:
    """Let `fill` write a staging folder, mark it as output and swap it in for `folder`; the
    exit code, after saying why when the folder was left as it was."""
    existed = folder.exists()
    try:
        with staged(folder, start_from_current=start_from_current) as stage:
            fill(stage)
            mark(stage)
    except OutputBusy as busy:
        holder = f" (pid {busy.holder})" if busy.holder else ""
        print(
            f"error: another build of {shown} is running{holder}; wait for it to end",
            file=sys.stderr,
        )
        return EXIT_USAGE
    except Interrupted as stop:
        print(f"\ninterrupted by {stop.name}; {_left(shown, existed)}", file=sys.stderr)
        return 128 + stop.signum
    except OSError as error:
        path = _shown_path(error.filename or folder)
        reason = error.strerror or str(error)
        print(
            f"error: cannot write {path}: {reason}; {_left(shown, existed)}",
            file=sys.stderr,
        )
        return EXIT_DATA
    return EXIT_OK


def _left(shown: str, existed: bool) -> str:
    return f"{shown} was left as it was" if existed else "nothing was written"


def _shown_path(path: str | Path) -> str:
    """Relative to the working folder when inside it, as the user typed paths."""
    absolute = Path(path).absolute()
    try:
        return str(absolute.relative_to(Path.cwd()))
    except ValueError:
        return str(absolute)


def _commit_time() -> str | None:
    try:
        result = subprocess.run(
            ["git", "log", "-1", "--format=%ct"], capture_output=True, text=True, check=False
        )
    except OSError:
        return None
    value = result.stdout.strip()
    return value if result.returncode == 0 and value.isdigit() else None


class _BuildFailed(Exception):
    pass


def _new(kind_name: str, record_id: str, data_dir: Path) -> int:
    kind = kind_of(kind_name)
    if kind is None:
        names = ", ".join(SINGULAR.values())
        print(f"error: no record kind '{kind_name}'; use one of: {names}", file=sys.stderr)
        return EXIT_USAGE
    if not ID_PATTERN.match(record_id) or len(record_id) > MAX_ID_LENGTH:
        print(
            f"error: '{record_id}' is not an id: use lower-case letters, digits and single "
            f"hyphens, e.g. '{slug_hint(record_id)}'",
            file=sys.stderr,
        )
        return EXIT_USAGE
    path = data_dir / kind / f"{record_id}.yaml"
    if path.exists():
        print(f"error: {path} already exists", file=sys.stderr)
        return EXIT_DATA
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(skeleton(kind), encoding="utf-8")
    print(path)
    return EXIT_OK


def _schema(out_dir: Path, *, check_only: bool) -> int:
    if check_only:
        stale = stale_files(out_dir)
        for name in stale:
            print(f"{out_dir / name}: out of date; run 'make schema'", file=sys.stderr)
        return EXIT_DATA if stale else EXIT_OK
    for name in write_schemas(out_dir):
        print(f"wrote {out_dir / name}")
    return EXIT_OK


def _changes(base_dir: Path, data_dir: Path, artifact_url: str) -> int:
    for folder in (base_dir, data_dir):
        missing = _no_data_folder(folder)
        if missing:
            print(missing, file=sys.stderr)
            return EXIT_USAGE
    if artifact_url and not artifact_url.startswith("https://"):
        print(
            f"error: --artifact-url must be an https address, not '{artifact_url}'", file=sys.stderr
        )
        return EXIT_USAGE
    base, head = read_records(base_dir), read_records(data_dir)
    changes = compare(base.records, head.records, head.unreadable)
    text = summary(
        changes, problems=head.problems, unreadable=head.unreadable, artifact_url=artifact_url
    )
    print(text, end="")
    return EXIT_OK
