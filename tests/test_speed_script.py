"""The speed benchmark (benchmarks/speed.py) runs end to end on a few documents.

No timing is asserted (timing lives in benchmarks/ only): these tests check that the
script still works, reports every part it is asked for, and skips without data.
"""

from __future__ import annotations

import importlib
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

REPO = Path(__file__).resolve().parent.parent
BENCH = REPO / "benchmarks"


def _module(name: str) -> ModuleType:
    if str(BENCH) not in sys.path:
        sys.path.insert(0, str(BENCH))
    return importlib.import_module(name)


def test_skips_without_data(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    speed = _module("speed")
    assert speed.main(["--data", str(tmp_path / "nowhere")]) == 0
    assert "skipped" in capsys.readouterr().out


def test_unknown_part_is_a_usage_error(shared: Path) -> None:
    speed = _module("speed")
    with pytest.raises(SystemExit) as exc:
        speed.main(["--data", str(shared), "--parts", "throughput,warp"])
    assert exc.value.code == 2


@pytest.mark.model
def test_parsed_stream_and_profile_parts(
    shared: Path, extractor: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    speed = _module("speed")
    out_json = tmp_path / "speed.json"
    args = ["--data", str(shared), "--parts", "parsed,stream,profile", "--docs", "3"]
    args += ["--reps", "1", "--stream", "0", "--stream-parsed", "7", "--profile-docs", "2"]
    args += ["--top", "3", "--json", str(out_json)]
    assert speed.main(args) == 0
    out = capsys.readouterr().out
    assert "## Extraction from already parsed Docs" in out
    assert "## Memory: `analyze` over 7 parsed Docs (3 distinct, cycled)" in out
    assert "## Profile of quotecraft's own work (cProfile)" in out
    assert "| all of Extractor.analyze |" in out
    fig = json.loads(out_json.read_text())
    assert fig["docs"] == 3
    assert fig["words"] == sum(len(t.split()) for t in speed.read_texts(shared, 3))
    assert set(fig["analyze"]) == {
        "segment",
        "segment_html",
        "paragraph_component",
        "analyze_with_seg",
        "analyze_doc",
    }
    assert fig["stream_parsed"]["samples"][0]["docs"] == 0
    assert fig["stream_parsed"]["samples"][-1]["docs"] == 7


def test_read_texts_cycles_the_corpus(shared: Path) -> None:
    speed = _module("speed")
    first = speed.read_texts(shared, 840)
    more = speed.read_texts(shared, 842)
    assert more[:840] == first and more[840:] == first[:2]
