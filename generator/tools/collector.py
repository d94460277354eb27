"""The cyclic garbage collector, paused while a command loads and renders.

Loading allocates millions of objects and frees none, and makes no cycles: the collector's
passes over them are pure cost (half the time of a 60,000-file check). Pausing it is a choice
for a whole process, so the commands make it (the CLI and the engine adapter), not the core.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
