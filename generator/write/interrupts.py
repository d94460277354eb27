"""Turn the signals that stop a process into an exception, so that clean-up code runs.

By default SIGTERM and SIGHUP end the process on the spot, skipping every `finally` block, and
SIGINT raises KeyboardInterrupt wherever the program happens to be. While `raising()` is
active, each of them raises `Interrupted` instead; once the program calls `hold()` (it has
started a step that must run to its end: swapping folders, removing a half-written one)
further stop requests are ignored until `raising()` ends.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

STOPS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)


class Interrupted(BaseException):
    """A stop request. A BaseException, so that `except Exception` does not swallow it."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum

    @property
    def name(self) -> str:
        return signal.Signals(self.signum).name


_holding = [False]
"""Set by hold(), cleared when raising() starts and ends. A list: one flag shared by the
signal handler and the functions here, with no `global` statement."""


@contextmanager
def raising() -> Iterator[None]:
    """SIGINT, SIGTERM and SIGHUP raise Interrupted inside; the previous handlers come back after.

    A signal someone chose to ignore (`nohup` ignores SIGHUP) or handle stays as it was, and
    outside the main thread nothing changes: Python runs signal handlers only there."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {}
    for number in STOPS:
        if signal.getsignal(number) in (signal.SIG_DFL, signal.default_int_handler):
            previous[number] = signal.signal(number, _interrupt)
    _holding[0] = False
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
        _holding[0] = False


def hold() -> None:
    """From now until raising() ends, stop requests are ignored: the step under way (a swap, a
    clean-up) must run to its end, since cutting it short would leave a half-removed folder
    behind. SIGKILL still stops the process; the next build removes what it left."""
    _holding[0] = True


def _interrupt(signum: int, _frame: FrameType | None) -> None:
    if not _holding[0]:
        raise Interrupted(signum)
