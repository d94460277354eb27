"""Replace an output folder only once its new contents are complete.

The new tree is built in a staging folder beside the target (same file system, so renames are
cheap) and swapped in at the end. If anything fails first, the staging folder is removed and
the target is left exactly as it was.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def staged(target: Path, *, start_from_current: bool = False) -> Iterator[Path]:
    """Yield a staging folder; on normal exit it replaces `target`, on error it is discarded.

    With `start_from_current`, the staging folder starts as a copy of `target` (file times
    kept), so a writer that skips unchanged files leaves their times alone.
    """
    target = target.resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    stage = Path(tempfile.mkdtemp(prefix=f".{target.name}.new-", dir=target.parent))
    try:
        if start_from_current and target.is_dir():
            shutil.rmtree(stage)
            shutil.copytree(target, stage, copy_function=shutil.copy2)
        yield stage
    except BaseException:
        shutil.rmtree(stage, ignore_errors=True)
        raise
    _swap(stage, target)


def _swap(stage: Path, target: Path) -> None:
    old = target.with_name(f".{target.name}.old")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        target.rename(old)
    stage.rename(target)
    shutil.rmtree(old, ignore_errors=True)
