"""The direct-quote error script (benchmarks/direct_errors.py) sorts misses and false alarms
by cause, on gold and predictions written for this test."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

BENCH = Path(__file__).resolve().parent.parent / "benchmarks"


def _module() -> ModuleType:
    if str(BENCH) not in sys.path:
        sys.path.insert(0, str(BENCH))
    return importlib.import_module("direct_errors")


def _span(text: str, part: str) -> dict[str, Any]:
    s = text.index(part)
    return {"start": s, "end": s + len(part), "text": part}


def test_causes_of_direct_misses_and_false_alarms() -> None:
    de = _module()
    text = (
        '"I think, after all this waiting in the rain, that the boat is late," Ola said.\n'
        '"We wait here with the whole crew of the ship," Ola said, "until noon."\n'
        '"Fine."\n'
        'They named it "Blue Wing" in May.'
    )
    gold = {
        "d": {
            "text": text,
            "genre": "fiction",
            "quotes": [
                {
                    "kind": "direct",
                    "content": _span(text, "the boat is late"),
                    "cue": _span(text, "think"),
                },
                {
                    "kind": "direct",
                    "content": _span(text, "We wait here with the whole crew of the ship"),
                },
                {"kind": "direct", "content": _span(text, "until noon.")},
            ],
        }
    }
    pred = {
        "d": {
            "quotes": [
                {
                    "kind": "direct",
                    "rule": "direct.cue_after.v1",
                    "content": _span(
                        text, "I think, after all this waiting in the rain, that the boat is late,"
                    ),
                },
                {
                    "kind": "direct",
                    "rule": "direct.split.v1",
                    "content": _span(
                        text,
                        'We wait here with the whole crew of the ship," Ola said, "until noon.',
                    ),
                    "fragments": [
                        _span(text, "We wait here with the whole crew of the ship,"),
                        _span(text, "until noon."),
                    ],
                },
                {
                    "kind": "direct",
                    "rule": "direct.continuation.v1",
                    "content": _span(text, "Fine."),
                },
                {
                    "kind": "direct",
                    "rule": "direct.cue_before.v1",
                    "content": _span(text, "Blue Wing"),
                    "cue": _span(text, "named"),
                },
            ]
        }
    }
    causes = {c: sum(n.values()) for c, n in de.categorize(gold, pred).items()}
    assert causes == {
        de.NESTED: 1,
        de.STRETCH: 1,
        de.NO_ATTRIBUTION: 1,
        de.TERM: 1,
        de.FA_OTHER: 1,  # the report's whole quote overlaps the gold report inside it
    }
    table = de.report(de.categorize(gold, pred))
    assert "| miss: a report inside a quote (its cue within the marks) | 1 | fiction 1 |" in table
