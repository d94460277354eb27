"""Replace an output folder only once its new contents are complete.

The new tree is built in a staging folder beside the target, `.<name>.new-XXXXXXXX` (same file
system, so the swap is a rename), and swapped in at the end. However the work ends first (an
exception, Ctrl-C, SIGTERM or SIGHUP), the staging folder is removed and the target is left
exactly as it was. One build at a time may stage a given target (output_lock); a build that
was killed outright (SIGKILL, power loss) leaves its staging folder behind, and the next one
removes it, since the lock shows that no build of that target is running.
"""

from __future__ import annotations

import errno
import os
import re
import secrets
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from generator.write import interrupts
from generator.write.files import named
from generator.write.output_lock import locked
from generator.write.swap import replace, restore_interrupted


@contextmanager
def staged(target: Path, *, start_from_current: bool = False) -> Iterator[Path]:
    """Yield a staging folder; on normal exit it replaces `target`, on error it is discarded.

    With `start_from_current`, the staging folder starts as a copy of `target` (file times
    kept), so a writer that skips unchanged files leaves their times alone. Raises OutputBusy
    when another build holds the target, and Interrupted for a stop signal (see interrupts).
    """
    target = target.resolve()
    _make_parent(target.parent)
    with interrupts.raising(), locked(target):
        restore_interrupted(target)
        _remove_leftovers(target)
        stage = _new_stage(target)
        try:
            if start_from_current and target.is_dir():
                _copy_contents(target, stage)
            yield stage
            # From here on the new tree goes in whatever signal arrives; a failed swap leaves
            # the target as it was.
            interrupts.hold()
            replace(stage, target)
        finally:
            # The unfinished tree, or after the swap the old one: removed on every way out,
            # and a second Ctrl-C must not cut the removal short.
            interrupts.hold()
            shutil.rmtree(stage, ignore_errors=True)


def _make_parent(parent: Path) -> None:
    if parent.exists() and not parent.is_dir():
        raise NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR), str(parent))
    parent.mkdir(parents=True, exist_ok=True)


def _new_stage(target: Path) -> Path:
    # Made with mkdir's usual mode (tempfile.mkdtemp's 0o700 would become the output's).
    while True:
        stage = target.with_name(f".{target.name}.new-{secrets.token_hex(4)}")
        try:
            stage.mkdir()
        except FileExistsError:
            continue
        return stage


def _remove_leftovers(target: Path) -> None:
    """Staging folders of builds of `target` that were killed. For a caller holding its lock.
    (Eight characters from tempfile's alphabet: earlier versions named them with mkdtemp.)"""
    pattern = re.compile(rf"\.{re.escape(target.name)}\.new-[a-z0-9_]{{8}}")
    for entry in target.parent.iterdir():
        if pattern.fullmatch(entry.name) and entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry, ignore_errors=True)


def _copy_contents(source: Path, destination: Path) -> None:
    """shutil.copytree into an existing folder, keeping links as links and file times, but
    raising the first failure as it comes, naming the file that could not be written."""
    for entry in os.scandir(source):
        copy = destination / entry.name
        if entry.is_dir(follow_symlinks=False):
            with named(copy):
                copy.mkdir()
            _copy_contents(Path(entry.path), copy)
        else:
            with named(copy):
                shutil.copy2(entry.path, copy, follow_symlinks=False)
    with named(destination):
        shutil.copystat(source, destination)
