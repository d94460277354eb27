"""A data file's bytes as text: bounded in size, UTF-8, newlines normalised."""

from __future__ import annotations

from generator.load.diagnostics import Diagnostic

MAX_FILE_BYTES = 256_000
"""A data file larger than this is refused before parsing. The largest real one is about 10 kB;
the YAML parser reads about 250 kB a second, so this bounds any file to about a second."""


def too_large(shown_path: str, size: int) -> Diagnostic:
    return Diagnostic(
        shown_path,
        0,
        0,
        "file-too-large",
        "",
        f"the file has {size} bytes; the limit is {MAX_FILE_BYTES}",
        "split the record or shorten its text",
    )


def decode(raw: bytes, shown_path: str) -> tuple[str | None, list[Diagnostic]]:
    """UTF-8 text with any BOM removed and every newline normalised to LF."""
    if len(raw) > MAX_FILE_BYTES:
        return None, [too_large(shown_path, len(raw))]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        col = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        return None, [
            Diagnostic(
                shown_path,
                line,
                col,
                "bad-encoding",
                "",
                f"invalid UTF-8 at byte offset {error.start}",
                "save the file as UTF-8",
            )
        ]
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return text, []
