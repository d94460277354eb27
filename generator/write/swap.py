"""Put a finished folder in the place of another: `replace(new, target)`.

Afterwards `target` holds the new tree and the path `new` holds the old one (or nothing, when
there was no target), for the caller to remove. Both paths must be on one file system.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import functools
import os
import shutil
import sys
from collections.abc import Callable
from pathlib import Path

AT_FDCWD = -100
RENAME_EXCHANGE = 2
_UNSUPPORTED = {errno.ENOSYS, errno.EINVAL, errno.EOPNOTSUPP}
"""What renameat2 answers where the kernel lacks it (ENOSYS) or the file system does not
support exchanging (EINVAL; EOPNOTSUPP on some)."""


def replace(new: Path, target: Path) -> None:
    if not os.path.lexists(target):
        os.rename(new, target)  # nothing to replace: one rename is atomic
        return
    if not exchange(new, target):
        replace_by_renames(new, target)


def exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one step (Linux renameat2 with RENAME_EXCHANGE): at every moment each
    path holds one whole tree. False where the system cannot; then nothing was changed."""
    function = _renameat2()
    if function is None:
        return False
    if function(AT_FDCWD, os.fsencode(a), AT_FDCWD, os.fsencode(b), RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in _UNSUPPORTED:
        return False
    raise OSError(code, os.strerror(code), str(b))


def replace_by_renames(new: Path, target: Path) -> None:
    """The portable way, with a window: between the first two renames `target` does not
    exist. A reader then finds no folder, and a process killed there leaves the old tree at
    `.<name>.old` beside it, which `restore_interrupted` puts back before the next build."""
    old = aside(target)
    os.rename(target, old)
    try:
        os.rename(new, target)
    except BaseException:
        os.rename(old, target)
        raise
    # Where exchange() leaves it, so callers clean up the same way. The new tree is in place
    # by now: should this fail, restore_interrupted removes the old one next time.
    with contextlib.suppress(OSError):
        os.rename(old, new)


def aside(target: Path) -> Path:
    return target.with_name(f".{target.name}.old")


def restore_interrupted(target: Path) -> None:
    """Undo a replace_by_renames cut short: put the old tree back where the new one never
    arrived, or remove it where it did. For a caller that holds the output's lock."""
    old = aside(target)
    if not old.is_dir() or old.is_symlink():
        return
    with contextlib.suppress(OSError):
        if os.path.lexists(target):
            shutil.rmtree(old, ignore_errors=True)
        else:
            os.rename(old, target)


@functools.cache
def _renameat2() -> Callable[[int, bytes, int, bytes, int], int] | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        function = ctypes.CDLL(None, use_errno=True).renameat2
    except (AttributeError, OSError):  # a C library without it (glibc before 2.28)
        return None
    int_, path = ctypes.c_int, ctypes.c_char_p
    function.argtypes = [int_, path, int_, path, ctypes.c_uint]
    function.restype = ctypes.c_int
    return function
