"""What every command says the same way: exit codes, the program's name, counts of things."""

from __future__ import annotations

import sys
from pathlib import Path

EXIT_OK, EXIT_DATA, EXIT_USAGE = 0, 1, 2
EXIT_STOPPED = 128
"""Plus the signal's number, when stopped by one (130 for Ctrl-C, 143 for SIGTERM)."""
DATA_REPORTED = 4
"""From the engine adapter's child process (hooks/run_mkdocs.py) to `explainer build`: the
data has problems, already printed as `check` prints them; nothing more needs saying."""


def program() -> str:
    """How the user called us: `explainer`, or `python -m generator`."""
    return "python -m generator" if Path(sys.argv[0]).name == "__main__.py" else "explainer"


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def shown_path(path: str | Path) -> str:
    """Relative to the working folder when inside it, as the user typed paths."""
    absolute = Path(path).absolute()
    try:
        return str(absolute.relative_to(Path.cwd()))
    except ValueError:
        return str(absolute)
