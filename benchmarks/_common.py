"""Helpers shared by the benchmark scripts: where the data is, how to read it.

The data (seed articles, PolNeAR) is third-party and never part of the
repository: it is read from ``--data DIR``, else ``$QUOTECRAFT_DATA``, else
``../shared`` beside the repository. Scripts exit cleanly with a message when it
is absent.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
RESULTS = REPO / "benchmarks" / "results"
"""Default output folder of the benchmark scripts (git-ignored)."""

CORPORA: dict[str, str] = {
    "seeds": "seeds/gold.jsonl",
    "polnear-dev": "corpora/polnear-dev.jsonl",
    "polnear-train": "corpora/polnear-train.jsonl",
    "gum-dev": "corpora/gum-dev.jsonl",
}
"""Gold sets by name, as paths inside the data folder."""

DEFAULT_CORPORA = ("seeds", "polnear-dev", "gum-dev")

NON_CLAUSAL_RULES = tuple(
    f"reported.{name}.v1"
    for name in (
        "xcomp",
        "object",
        "noun_infinitive",
        "dobj",
        "prep_about",
        "prep_for",
        "prep_of",
        "prep_to",
        "prep_on",
        "prep_as",
        "object_as",
        "prep_against",
        "prep_at",
        "gerund",
        "noun_of",
        "noun_about",
        "noun_on",
        "noun_for",
        "noun_against",
        "noun_over",
        "noun_to",
        "call_as",
        "call_quoted",
        "call_quoted_predicate",
        "raised",
    )
)
"""Rules whose content is not a clause: an object (``criticized the plan``), an infinitive
(``wants to run``) or a prepositional object (``called for an inquiry``)."""

CONVENTIONS: dict[str, dict[str, Any]] = {
    "gum-dev": {
        "disabled_rules": [
            *NON_CLAUSAL_RULES,
            "direct.standalone.v1",
            "direct.beat.v1",
            "direct.continuation.v1",
        ]
    },
}
"""Per corpus, the :class:`quotecraft.Config` that matches its annotation convention, run
beside the defaults. GUM's quotes are RST attribution relations: the content is a clause
(a discourse unit) and the quote has an attribution clause of its own, so object and
infinitive contents, and quoted sentences with no attribution (dialogue turns, a quote
paragraph continuing the previous speaker) are not annotated there."""


def data_dir(arg: str | None = None) -> Path | None:
    """The shared data folder (``arg``, ``$QUOTECRAFT_DATA`` or ``../shared``), or None if absent."""
    path = Path(arg or os.environ.get("QUOTECRAFT_DATA") or REPO.parent / "shared")
    return path if path.is_dir() else None


def corpus_path(root: Path, name: str) -> Path:
    """The gold file of corpus ``name`` inside the data folder."""
    return root / CORPORA[name]


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    """The records of a JSON Lines file (blank lines skipped)."""
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def sha256(path: Path) -> str:
    """Hex SHA-256 of a file's bytes (pins a gold set to the floors measured on it)."""
    h = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()
