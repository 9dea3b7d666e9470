"""The seed articles (../shared/seeds): scored by the reference scorer, offsets exact.

``quotecraft extract`` (run in-process through :func:`quotecraft.cli.main`) writes
predictions for ``gold.jsonl``; ``../shared/eval/score.py`` scores them in a
subprocess, exactly as a user would. Skips when the shared data is absent.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from quotecraft import Article, TextSpan, cli

pytestmark = pytest.mark.model

QUOTE_F1_FLOOR = 0.90
SPEAKER_ACC_FLOOR = 0.90


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(ln) for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]


@pytest.fixture(scope="module")
def gold(shared: Path) -> Path:
    path = shared / "seeds" / "gold.jsonl"
    if not path.exists():
        pytest.skip(f"{path} not found")
    return path


@pytest.fixture(scope="module")
def predictions(gold: Path, extractor: Any, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("seeds") / "pred.jsonl"
    code = cli.main(["extract", "--quiet", "-o", str(out), str(gold)])
    assert code == 0
    return out


def score(shared: Path, gold: Path, pred: Path, *extra: str) -> dict[str, Any]:
    scorer = shared / "eval" / "score.py"
    res = subprocess.run(
        [sys.executable, str(scorer), str(gold), str(pred), "--json", *extra],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert res.returncode == 0, res.stderr
    result: dict[str, Any] = json.loads(res.stdout)
    print(f"score.py {' '.join(extra)}:", {k: v for k, v in result.items() if k != "misses"})
    return result


def test_predictions_cover_every_seed(gold: Path, predictions: Path) -> None:
    gold_ids = [d["id"] for d in read_jsonl(gold)]
    pred = read_jsonl(predictions)
    assert [d["id"] for d in pred] == gold_ids
    assert not any("error" in d for d in pred)


def test_seed_scores_reach_the_floors(shared: Path, gold: Path, predictions: Path) -> None:
    res = score(shared, gold, predictions)
    report = json.dumps(res, ensure_ascii=False, indent=1)
    assert res["gold"] > 0
    assert res["quote_f1"] >= QUOTE_F1_FLOOR, report
    assert res["speaker_acc"] >= SPEAKER_ACC_FLOOR, report


def test_every_gold_direct_quote_is_found_with_the_speakers_full_name(
    shared: Path, gold: Path, predictions: Path
) -> None:
    res = score(shared, gold, predictions, "--kinds", "direct")
    report = json.dumps(res, ensure_ascii=False, indent=1)
    assert res["gold"] >= 3
    assert res["recall_by_kind"]["direct"] == 1.0, report
    assert res["speaker_acc"] == 1.0, report  # "he" resolved to the person it refers to


def test_newsletter_lines_are_boilerplate_and_never_quoted(gold: Path, predictions: Path) -> None:
    golds = {d["id"]: d for d in read_jsonl(gold)}
    n_boiler = 0
    for pred in read_jsonl(predictions):
        g = golds[pred["id"]]
        found = {(b["start"], b["end"]) for b in pred["boilerplate"]}
        for b in g.get("boilerplate") or []:
            n_boiler += 1
            assert (b["start"], b["end"]) in found, b
            for q in pred["quotes"]:
                c = q["content"]
                assert c["end"] <= b["start"] or b["end"] <= c["start"], (q, b)
    assert n_boiler >= 4  # the newsletter tail of the Jenssen seed


def _spans(art: Article) -> list[TextSpan]:
    out: list[TextSpan] = [*art.paragraphs, *art.boilerplate]
    for q in art.quotes:
        out += [q.content, *q.fragments]
        out += [s for s in (q.medium, q.date) if s is not None]
        if q.cue is not None:
            out.append(q.cue.span)
        out += [sp.mention for sp in (q.speaker, q.addressee) if sp and sp.mention]
    return out


def test_every_span_indexes_the_seed_text(shared: Path, gold: Path, extractor: Any) -> None:
    texts = [d["text"] for d in read_jsonl(gold)]
    texts += [p.read_text(encoding="utf-8") for p in sorted((shared / "seeds").glob("*.txt"))]
    n = 0
    for text, art in zip(texts, extractor.pipe(texts), strict=True):
        assert isinstance(art, Article)
        assert art.text == text and art.quotes
        for s in _spans(art):
            assert text[s.start : s.end] == s.text, s
            n += 1
    assert n > 50
