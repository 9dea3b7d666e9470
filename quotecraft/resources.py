"""Read the package's data tables (``quotecraft/data/``), once per process."""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources
from typing import Any

_PACKAGE = "quotecraft"


def read_text(name: str) -> str:
    """The text of ``quotecraft/data/<name>``."""
    path = resources.files(_PACKAGE).joinpath("data")
    for part in name.split("/"):
        path = path.joinpath(part)
    return path.read_text("utf-8")


def data_lines(name: str) -> list[str]:
    """Non-empty, non-comment lines of a data file, stripped of the line end."""
    out = []
    for line in read_text(name).splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            out.append(line.rstrip())
    return out


@cache
def data_json(name: str) -> Any:
    """A JSON data file, parsed once."""
    return json.loads(read_text(name))


def data_jsonl(name: str) -> list[dict[str, Any]]:
    """A JSON Lines data file (``#`` comment lines allowed)."""
    return [json.loads(line) for line in data_lines(name)]


@cache
def data_tsv(name: str) -> tuple[tuple[str, ...], ...]:
    """A tab-separated data file as rows of fields (comments and blank lines skipped)."""
    return tuple(tuple(f.strip() for f in line.split("\t")) for line in data_lines(name))


@cache
def data_set(name: str) -> frozenset[str]:
    """A one-entry-per-line data file as a set of lowercase strings."""
    return frozenset(line.strip().lower() for line in data_lines(name))


@cache
def data_regexes(name: str) -> tuple[re.Pattern[str], ...]:
    """A one-regex-per-line data file, compiled case-insensitively."""
    return tuple(re.compile(line, re.IGNORECASE) for line in data_lines(name))
