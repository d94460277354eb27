"""`explainer serve`: a live preview of the explainer on 127.0.0.1, run by MkDocs' server in a
child process through the engine adapter, hooks/run_mkdocs.py (the core never imports MkDocs).

The child writes its temporary folders (the built site, the generated pages) into one folder
this process owns and removes after the child has ended, however it ends: a normal exit,
Ctrl-C, SIGTERM or SIGHUP (interrupts), or the child's own failure. Problems in the data do not
stop the preview: the MkDocs adapter keeps serving the last good pages and shows the problems
on every page (see preview_notice).
"""

from __future__ import annotations

import errno
import os
import shutil
import socket
import sys
import tempfile
from pathlib import Path

from generator.tools import child_process
from generator.write import interrupts

PROJECT = Path(__file__).resolve().parents[2]
"""The folder holding the generator's own mkdocs.yml, docs/ and theme overrides."""
ADAPTER = PROJECT / "hooks" / "run_mkdocs.py"
"""The MkDocs adapter's command: `build` and `serve` run it in a child process."""
ADAPTERS = {"mkdocs": ADAPTER, "zensical": PROJECT / "hooks" / "run_zensical.py"}
"""Each engine's adapter: `build --engine` runs it in a child process (`serve` is MkDocs')."""


def site_config() -> Path:
    """The mkdocs.yml to build with: the current folder's, as MkDocs itself would choose, or
    else the generator's own, so the command works from any folder."""
    here = Path("mkdocs.yml")
    return here.absolute() if here.is_file() else PROJECT / "mkdocs.yml"


HOST = "127.0.0.1"


class PortTaken(Exception):
    pass


def check_port(port: int) -> None:
    """Raise PortTaken when `port` on 127.0.0.1 cannot be listened on (the server would fail
    with a traceback after the first build)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        # As the server itself binds: a port left in TIME_WAIT by a stopped preview is free.
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((HOST, port))
        except OSError as error:
            if error.errno in (errno.EADDRINUSE, errno.EACCES):
                raise PortTaken(error.strerror) from error
            raise


def serve(data_dir: Path, port: int) -> int:
    """Run the preview until stopped; the child's exit code, or raises Interrupted."""
    scratch = Path(tempfile.mkdtemp(prefix="explainer-serve-"))
    try:
        environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "TMPDIR": str(scratch)}
        command = [
            sys.executable, str(ADAPTER), "serve",
            str(data_dir.resolve()), str(site_config()), f"{HOST}:{port}",
        ]  # fmt: skip
        with interrupts.raising():
            return child_process.run(command, environment)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
