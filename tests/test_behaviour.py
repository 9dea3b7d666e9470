"""The behaviour suites: one parametrized test per case.

The speaker suite (``tests/behaviour/speakers.jsonl``) names a capability per case
(agreement, salience, descriptions, coordination, passive, sources, titles,
organizations, names with punctuation, dialogue turns, no invention); the detection
suite (``tests/behaviour/detection/*.jsonl``) lists every quote a sentence gives. A
failure says the capability and what differed. Known failures are strict xfails with
the reason in the data file. ``benchmarks/behaviour.py [--suite detection]`` prints the
pass rate by capability.
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
DETECTION = behaviour.load_detection_cases()


def _param(n: int, case: dict[str, Any]) -> Any:
    marks = [pytest.mark.xfail(strict=True, reason=case["xfail"])] if case.get("xfail") else []
    ident = f"{case['capability'].replace(' ', '_')}-{n:03d}"
    if "suite_file" in case:
        ident = f"{case['suite_file']}-{ident}"
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


@pytest.mark.parametrize("case", [_param(n, c) for n, c in enumerate(DETECTION, 1)])
def test_detection_behaviour(extractor: Any, case: dict[str, Any]) -> None:
    diff = behaviour.check_detection(case, extractor(case["text"]))
    assert not diff, f"[{case['capability']}] {case['text']!r}: " + "; ".join(diff)


def test_detection_cases_are_well_formed() -> None:
    assert len(DETECTION) >= 20
    fields = {"content", "kind", "cue", "type", "speaker", "medium", "negated"}
    for case in DETECTION:
        assert set(case) <= {"capability", "text", "expect", "xfail", "suite_file"}, case
        assert isinstance(case["expect"], list), case
        for want in case["expect"]:
            assert "content" in want and set(want) <= fields, case
            assert behaviour._trim(want["content"]), case


def test_detection_check_reports_missing_extra_and_wrong_fields(extractor: Any) -> None:
    article = extractor('"The tide is turning," Mara Quill said.')
    case = {
        "expect": [{"content": "The tide is turning", "kind": "direct", "speaker": "Mara Quill"}]
    }
    assert behaviour.check_detection(case, article) == []
    wrong = {"expect": [{"content": "The tide is turning", "speaker": "Quill Mara"}]}
    assert behaviour.check_detection(wrong, article) == [
        "'The tide is turning' speaker: expected 'Quill Mara', got 'Mara Quill'"
    ]
    missing = behaviour.check_detection({"expect": [{"content": "The tide"}]}, article)
    assert missing[0] == "missing quote 'The tide'" and missing[1].startswith("extra quote")
    assert behaviour.check_detection(
        {"expect": [{"content": "The tide is turning", "who": 1}]}, article
    )[0].startswith("unknown field 'who'")


def test_detection_check_takes_a_cue_without_type() -> None:
    from types import SimpleNamespace

    from quotecraft.records import QuoteKind

    content = SimpleNamespace(text="the dam is sound")
    cue = SimpleNamespace(text="ruled", type=None, negated=False)
    q = SimpleNamespace(
        kind=QuoteKind.INDIRECT,
        content=content,
        words=content.text,
        cue=cue,
        speaker=None,
        medium=None,
        rule="reported.scored.v1",
    )
    case = {"expect": [{"content": "the dam is sound", "type": None, "speaker": None}]}
    assert behaviour.check_detection(case, SimpleNamespace(quotes=[q])) == []


def test_seed_titles_script_skips_without_data(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seed_titles = importlib.import_module("seed_titles")
    assert seed_titles.main(["--data", str(tmp_path / "nowhere")]) == 0
    assert "nothing to measure" in capsys.readouterr().out
