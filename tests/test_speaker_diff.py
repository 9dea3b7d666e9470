"""benchmarks/speaker_diff.py: the speakers of two extract runs compared record by record."""

from __future__ import annotations

import importlib
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

BENCH = Path(__file__).resolve().parent.parent / "benchmarks"


@pytest.fixture(scope="module")
def speaker_diff() -> ModuleType:
    if str(BENCH) not in sys.path:
        sys.path.insert(0, str(BENCH))
    return importlib.import_module("speaker_diff")


def _quote(start: int, end: int, **speaker: Any) -> dict[str, Any]:
    return {"content": {"start": start, "end": end}, "speaker": speaker or None}


def _write(path: Path, docs: dict[str, list[dict[str, Any]]]) -> Path:
    path.write_text(
        "".join(json.dumps({"id": k, "quotes": v}) + "\n" for k, v in docs.items()),
        encoding="utf-8",
    )
    return path


def test_counts_each_field_that_changed(
    speaker_diff: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old = _write(
        tmp_path / "old.jsonl",
        {
            "a": [
                _quote(0, 10, name="Her brother", resolution="pronoun"),
                _quote(20, 30, name="Tom Reyes", title="Press Secretary", organization="Press"),
                _quote(40, 50, name="Ann Lee", organization=None),
                _quote(60, 70, name="Ivo Berg"),
            ],
        },
    )
    new = _write(
        tmp_path / "new.jsonl",
        {
            "a": [
                _quote(0, 10, name="Sam", resolution="pronoun"),
                _quote(20, 30, name="Tom Reyes", title="Press Secretary", organization=None),
                _quote(40, 50, name="Ann Lee", organization="Nordbank"),
                _quote(61, 70, name="Ivo Berg"),
            ],
        },
    )
    counts, changed = speaker_diff.compare(old, new)
    assert counts["compared"] == 3
    assert counts["changed"] == 3
    assert (counts["name"], counts["organization"]) == (1, 2)
    assert (counts["organization gained"], counts["organization lost"]) == (1, 1)
    assert counts["only in the first run"] == counts["only in the second run"] == 1
    assert changed[0] == (
        "a",
        ("Her brother", None, None, "pronoun"),
        ("Sam", None, None, "pronoun"),
    )
    assert speaker_diff.main([str(old), str(new), "--field", "name"]) == 0
    out = capsys.readouterr().out
    assert "| changed | 3 |" in out and "'Sam'" in out and "Nordbank" not in out
