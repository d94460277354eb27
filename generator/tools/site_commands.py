"""`explainer render`, `build` and `serve`: the commands that make a site from the data. Each
writes its output into a staging folder that replaces the old one only when complete."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from generator.load.diagnostics import DataError
from generator.render.layout import PAGE_FILE
from generator.render.site import build_site
from generator.tools import child_process
from generator.tools.collector import collector_paused
from generator.tools.console import (
    DATA_REPORTED,
    EXIT_DATA,
    EXIT_OK,
    EXIT_STOPPED,
    EXIT_USAGE,
    program,
    shown_path,
)
from generator.tools.data_check import checked_dataset, no_data_folder, report_too_large
from generator.tools.serve import ADAPTERS, HOST, PortTaken, check_port, serve, site_config
from generator.write.files import write_tree
from generator.write.interrupts import Interrupted
from generator.write.output_folder import mark, refusal
from generator.write.output_lock import OutputBusy
from generator.write.staging import staged


def render_command(data_dir: Path, out: str, *, force: bool) -> int:
    unusable = _unusable(data_dir, out, "--out", force=force)
    if unusable:
        print(unusable, file=sys.stderr)
        return EXIT_USAGE
    dataset = checked_dataset(data_dir, "nothing was written")
    if dataset is None:
        return EXIT_DATA
    try:
        with collector_paused():
            pages = build_site(dataset, data_dir=data_dir).files
    except DataError as error:
        report_too_large(error.diagnostics, "nothing was written")
        return EXIT_DATA
    counts: list[int] = []

    def fill(stage: Path) -> None:
        written, removed = write_tree(pages, stage)
        counts.extend((len(written), len(removed)))

    code = _replace_output(Path(out), out, fill, start_from_current=True)
    if code == EXIT_OK:
        print(f"{len(pages)} files in {out}: {counts[0]} written, {counts[1]} removed")
    return code


ENGINES = ("mkdocs", "zensical")
"""The engines `build` can run, the default first."""


def build_command(data_dir: Path, site: str, *, force: bool, engine: str = ENGINES[0]) -> int:
    """Run the engine's adapter (in its own process: the core never imports an engine), which
    checks the data, makes the site and builds it with the engine, into a staging folder that
    replaces the site folder only when the build succeeds."""
    unusable = _unusable(data_dir, site, "--site", force=force)
    if unusable:
        print(unusable, file=sys.stderr)
        return EXIT_USAGE
    # Material's end-of-life banner (we pin mkdocs<2).
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    # MkDocs stamps dates (the sitemap's lastmod) with SOURCE_DATE_EPOCH when set: default it
    # to the last commit's time, so two builds of one commit are byte-identical.
    environment.setdefault("SOURCE_DATE_EPOCH", _commit_time() or "0")

    def fill(stage: Path) -> None:
        command = [
            sys.executable, str(ADAPTERS[engine]), "build",
            str(data_dir.resolve()), str(site_config()), str(stage), site,
        ]  # fmt: skip
        returncode = child_process.run(command, environment)
        if returncode != 0:
            raise _BuildFailed(returncode)

    started = time.perf_counter()
    try:
        code = _replace_output(Path(site), site, fill)
    except _BuildFailed as failed:
        if failed.returncode != DATA_REPORTED:
            name = {"mkdocs": "MkDocs", "zensical": "Zensical"}[engine]
            print(f"\nThe {name} build failed; {site} was left as it was.", file=sys.stderr)
        return EXIT_DATA
    if code == EXIT_OK:
        pages = sum(1 for _ in Path(site).rglob(PAGE_FILE))
        print(f"built {site}: {pages} pages in {time.perf_counter() - started:.1f} s")
    return code


def serve_command(data_dir: Path, port: int) -> int:
    missing = no_data_folder(data_dir)
    if missing:
        print(missing, file=sys.stderr)
        return EXIT_USAGE
    try:
        check_port(port)
    except PortTaken as taken:
        print(
            f"error: port {port} on {HOST} is in use ({taken}), perhaps by another preview; "
            f"stop it, or choose another port: {program()} serve --port {port + 1}",
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


def _unusable(data_dir: Path, folder: str, option: str, *, force: bool) -> str | None:
    """Why the command cannot start: an output folder it must not replace, or no data."""
    refused = refusal(folder, option, data_dir=data_dir, force=force)
    return f"error: {refused}" if refused else no_data_folder(data_dir)


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
        path = shown_path(error.filename or folder)
        reason = error.strerror or str(error)
        print(
            f"error: cannot write {path}: {reason}; {_left(shown, existed)}",
            file=sys.stderr,
        )
        return EXIT_DATA
    return EXIT_OK


def _left(shown: str, existed: bool) -> str:
    return f"{shown} was left as it was" if existed else "nothing was written"


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
    def __init__(self, returncode: int) -> None:
        super().__init__(returncode)
        self.returncode = returncode
