"""JSON Lines, read one way everywhere: the command line's input, ``render``, ``stats``
and ``evaluate`` all go through :func:`json_lines`.

Each caller decides what a bad line means for it (an error record in a batch, a refused
file, plain text on standard input), so the reader reports a line it cannot parse
instead of raising.

Example:
    >>> list(json_lines(['{"id": 1}', "", "not json"]))[0]
    (1, {'id': 1}, '')
    >>> n, value, problem = list(json_lines(['{"id": 1}', "", "not json"]))[1]
    >>> n, value, problem.startswith("Expecting value")
    (3, None, True)
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any


def json_lines(lines: Iterable[str]) -> Iterator[tuple[int, Any, str]]:
    """``(line number, value, problem)`` for each non-blank line, numbered from 1 with
    blank lines counted: the parsed value and ``""``, or ``None`` and why it is not JSON."""
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except ValueError as exc:
            yield n, None, str(exc)
            continue
        yield n, value, ""
