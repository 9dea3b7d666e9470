"""The speaker behaviour suite: one parametrized test over ``tests/behaviour/speakers.jsonl``.

Each case names its capability (agreement, salience, descriptions, coordination,
passive, sources, titles, organizations, names with punctuation, dialogue turns, no
invention); a failure says the capability and what differed. Known failures are
strict xfails with the reason in the data file. ``benchmarks/behaviour.py`` prints
the pass rate by capability.
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path
from typing import Any

import pytest

BENCH = Path(__file__).resolve().parent.parent / "benchmarks"
if str(BENCH) not in sys.path:
    sys.path.insert(0, str(BENCH))
behaviour = importlib.import_module("behaviour")

CASES = behaviour.load_cases()


def _param(n: int, case: dict[str, Any]) -> Any:
    marks = [pytest.mark.xfail(strict=True, reason=case["xfail"])] if case.get("xfail") else []
    ident = f"{case['capability'].replace(' ', '_')}-{n:03d}"
    return pytest.param(case, id=ident, marks=marks)


def test_the_suite_is_large_and_covers_every_capability() -> None:
    caps = {c["capability"] for c in CASES}
    assert len(CASES) >= 150
    assert caps >= {
        "agreement",
        "salience",
        "descriptions",
        "coordination",
        "passive",
        "sources",
        "titles",
        "organizations",
        "names with punctuation",
        "dialogue turns",
        "no invention",
    }


@pytest.mark.parametrize("case", [_param(n, c) for n, c in enumerate(CASES, 1)])
def test_speaker_behaviour(extractor: Any, case: dict[str, Any]) -> None:
    diff = behaviour.check(case, extractor(case["text"]))
    assert not diff, f"[{case['capability']}] {case['text']!r}: " + "; ".join(diff)


def test_seed_titles_script_skips_without_data(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seed_titles = importlib.import_module("seed_titles")
    assert seed_titles.main(["--data", str(tmp_path / "nowhere")]) == 0
    assert "nothing to measure" in capsys.readouterr().out
