"""Write rendered pages to a folder: only files whose content changed; stale pages removed."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def write_tree(files: dict[str, str], out_dir: Path) -> tuple[list[str], list[str]]:
    """Write `files` (relative path -> text) under `out_dir`; return (written, removed)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[str] = []
    for relative, text in sorted(files.items()):
        target = out_dir / relative
        data = text.encode("utf-8")
        if target.is_symlink():
            # Never written through: a link left in the folder could point anywhere.
            target.unlink()
        elif target.is_file() and target.read_bytes() == data:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        with named(target):
            target.write_bytes(data)
        written.append(relative)
    removed: list[str] = []
    for path in sorted(out_dir.rglob("*.md")):
        relative = path.relative_to(out_dir).as_posix()
        if relative not in files:
            path.unlink()
            removed.append(relative)
    for folder in sorted((p for p in out_dir.rglob("*") if p.is_dir()), reverse=True):
        if not any(folder.iterdir()):
            folder.rmdir()
    return written, removed


@contextmanager
def named(path: Path) -> Iterator[None]:
    """An OSError inside is raised again naming `path`: a failed write (ENOSPC, EFBIG, EIO)
    names no file, and a failed copy names its source, not the file that could not be written."""
    try:
        yield
    except OSError as error:
        raise OSError(error.errno, error.strerror or str(error), str(path)) from error
