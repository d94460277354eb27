"""One build at a time per output folder: a lock file beside it, `.<name>.lock`.

The lock is `flock` on that file, so the kernel releases it when the holder exits, however it
exits: a build killed with SIGKILL leaves at most the file, never a lock that is still held.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


class OutputBusy(Exception):
    """Another process holds the lock of this output folder."""

    def __init__(self, target: Path, holder: int | None) -> None:
        self.target = target
        self.holder = holder
        who = f" (pid {holder})" if holder else ""
        super().__init__(f"another build of {target} is running{who}; wait for it to finish")


def lock_path(target: Path) -> Path:
    return target.with_name(f".{target.name}.lock")


@contextmanager
def locked(target: Path) -> Iterator[None]:
    """Hold the lock of `target` inside, or raise OutputBusy at once (never wait)."""
    path = lock_path(target)
    descriptor = _acquire(path, target)
    try:
        os.ftruncate(descriptor, 0)
        os.write(descriptor, f"{os.getpid()}\n".encode())
        yield
    finally:
        # Removed while still held: a process that opened the file before the removal finds,
        # once it gets the lock, that the name no longer leads to its file and tries again.
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
        os.close(descriptor)


def _acquire(path: Path, target: Path) -> int:
    while True:
        # Not inherited by child processes (PEP 446): MkDocs must not keep the lock alive.
        descriptor = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = _holder(descriptor)
            os.close(descriptor)
            raise OutputBusy(target, holder) from None
        except BaseException:
            os.close(descriptor)
            raise
        if _still_named(descriptor, path):
            return descriptor
        os.close(descriptor)  # the previous holder removed it as we opened it


def _still_named(descriptor: int, path: Path) -> bool:
    try:
        named = path.stat()
    except FileNotFoundError:
        return False
    mine = os.fstat(descriptor)
    return (named.st_dev, named.st_ino) == (mine.st_dev, mine.st_ino)


def _holder(descriptor: int) -> int | None:
    """The pid the holder wrote, if it has written it yet."""
    try:
        text = os.pread(descriptor, 32, 0).decode("ascii", "replace").strip()
    except OSError:
        return None
    return int(text) if text.isdigit() else None
