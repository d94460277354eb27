"""How long `mkdocs serve` takes to show a saved data change: save, then poll the page.

    python -m bench.preview [--runs 5] [--port 8765] [--full]

Serves a copy of the project (real data) on 127.0.0.1 with `explainer serve`, as `make serve`
does, edits one statement's notes with a new marker each run, and times from the write until the
served page contains the marker. Prints each time and the median. Stops only the server it
started.
"""

from __future__ import annotations

import argparse
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from bench.project import copy_project

RECORD = Path("data/statements/2022-07-27-mfa-no-requests.yaml")
PAGE = "statements/2022-07-27-mfa-no-requests/"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--timeout", type=float, default=30.0)
    parser.add_argument(
        "--full", action="store_true", help="rebuild every page (no --dirty), to compare"
    )
    args = parser.parse_args(argv)
    times = measure(args.runs, args.port, args.timeout, dirty=not args.full)
    for index, seconds in enumerate(times, 1):
        print(f"run {index}: {seconds:.2f} s")
    print(f"median of {len(times)}: {statistics.median(times):.2f} s from save to updated page")
    return 0


def measure(runs: int, port: int, timeout: float, *, dirty: bool = True) -> list[float]:
    """Seconds from save to updated page, per run; `dirty` as `make serve` runs it."""
    with tempfile.TemporaryDirectory(prefix="explainer-preview-") as folder:
        project = copy_project(Path(folder))
        url = f"http://127.0.0.1:{port}/{PAGE}"
        with served(project, port, dirty=dirty):
            wait_for(url, "", timeout)
            record = project / RECORD
            original = record.read_text(encoding="utf-8")
            times = []
            for run in range(runs):
                marker = f"previewmarker{run}x{time.monotonic_ns()}"
                time.sleep(1.0)  # let the watcher settle after the previous rebuild
                started = time.perf_counter()
                record.write_text(
                    original.replace("notes: '", f"notes: '{marker} ", 1), encoding="utf-8"
                )
                wait_for(url, marker, timeout)
                times.append(time.perf_counter() - started)
            return times


def free_port() -> int:
    """A port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def served(project: Path, port: int, *, dirty: bool = True) -> Iterator[None]:
    """`explainer serve` of `project` on 127.0.0.1:`port` while the block runs (or, not
    `dirty`, MkDocs' own server rebuilding every page)."""
    command = (
        [sys.executable, "-m", "generator", "serve", "--port", str(port)]
        if dirty
        else [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"]
    )
    server = subprocess.Popen(
        command,
        cwd=project,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        yield
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return str(response.read().decode("utf-8"))


def wait_for(url: str, text: str, timeout: float) -> None:
    """Poll `url` until its page contains `text`."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if text in fetch(url):
                return
        except OSError:  # not up yet, or busy rebuilding
            pass
        time.sleep(0.05)
    raise SystemExit(f"{url} did not show {text!r} within {timeout} s")


if __name__ == "__main__":
    sys.exit(main())
