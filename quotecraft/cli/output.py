"""Where the commands write: files opened for output, with one line saying why not."""

from __future__ import annotations

import sys
from typing import TextIO


def open_output(path: str, command: str) -> TextIO | None:
    """``path`` opened for writing, or None after one line on stderr saying why not."""
    try:
        return open(path, "w", encoding="utf-8", newline="")
    except OSError as exc:
        sys.stderr.write(f"{command}: cannot write {path}: {exc.strerror or exc}\n")
        return None
