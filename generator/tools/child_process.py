"""Run a child process (an engine) that never outlives the build that started it.

If the build leaves early (an exception, or a stop signal turned into one by interrupts), the
child is terminated and waited for before the build removes the folder the child writes into.
If the build is killed outright (SIGKILL), Linux kills the child too (PR_SET_PDEATHSIG), so
nothing keeps writing into a staging folder that the next build will remove.
"""

from __future__ import annotations

import ctypes
import functools
import os
import signal
import subprocess
import sys
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import IO

from generator.write import interrupts

PR_SET_PDEATHSIG = 1
GRACE_SECONDS = 5.0
"""How long a terminated child may take to exit before it is killed."""


def run(
    command: Sequence[str],
    env: Mapping[str, str],
    cwd: Path | None = None,
    output: IO[bytes] | None = None,
) -> int:
    """The child's exit code; with `output`, its standard output and error go there."""
    process = subprocess.Popen(
        command,
        env=env,
        cwd=cwd,
        stdout=output,
        stderr=subprocess.STDOUT if output is not None else None,
        preexec_fn=_dies_with(os.getpid()),
    )
    try:
        return process.wait()
    finally:
        if process.returncode is None:
            interrupts.hold()  # a second Ctrl-C must not leave the child running
            _stop(process)


def _stop(process: subprocess.Popen[bytes]) -> None:
    process.terminate()
    try:
        process.wait(timeout=GRACE_SECONDS)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def _dies_with(parent: int) -> Callable[[], None] | None:
    """A preexec_fn asking the kernel to kill the child when `parent` dies (Linux only; the
    death of the thread that started the child counts, so start it from the main thread)."""
    prctl = _prctl()
    if prctl is None:
        return None

    def preexec() -> None:
        prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
        if os.getppid() != parent:  # the parent died before the request took effect
            os._exit(1)

    return preexec


@functools.cache
def _prctl() -> Callable[[int, int], int] | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        function = ctypes.CDLL(None, use_errno=True).prctl
    except (AttributeError, OSError):
        return None
    function.argtypes = [ctypes.c_int, ctypes.c_ulong]
    function.restype = ctypes.c_int
    return function
