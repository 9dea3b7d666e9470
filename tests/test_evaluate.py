"""quotecraft.evaluate: unit cases, and agreement with the shared reference scorer."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from quotecraft.evaluate import (
    evaluate,
    evaluate_files,
    fold,
    match,
    read_jsonl_by_id,
    speaker_ok,
    trimmed,
)

TEXT = "“We will win,” said Ann Lee. Bo Chan said taxes would rise. The end."
# gold: "We will win," at 1..13 (Ann Lee at 20..27), "taxes would rise." at 42..59 (Bo Chan at 29..36)


def _gold(**extra: Any) -> list[dict[str, Any]]:
    return [
        {
            "id": "d1",
            "text": TEXT,
            "quotes": [
                {
                    "kind": "direct",
                    "content": {"start": 1, "end": 13, "text": TEXT[1:13]},
                    "speaker": {"start": 20, "end": 27, "text": "Ann Lee"},
                    "speaker_name": "Ann Lee",
                    **extra,
                },
                {
                    "kind": "indirect",
                    "content": {"start": 42, "end": 59, "text": TEXT[42:59]},
                    "speaker": {"start": 29, "end": 36, "text": "Bo Chan"},
                    "speaker_name": None,
                },
            ],
        }
    ]


def _pred(*quotes: tuple[int, int, str | None, str]) -> list[dict[str, Any]]:
    return [
        {
            "id": "d1",
            "quotes": [
                {
                    "kind": k,
                    "content": {"start": s, "end": e, "text": TEXT[s:e]},
                    "speaker": {"name": n, "mention": None} if n else None,
                }
                for s, e, n, k in quotes
            ],
        }
    ]


def test_trim_and_fold() -> None:
    assert trimmed("“Yes,” he", 0, 6) == (1, 4)
    assert trimmed("...", 0, 3) == (3, 3)
    assert fold("Dr. Élise  MÜLLER") == "dr elise muller"
    assert fold(None) == ""


def test_perfect_prediction() -> None:
    s = evaluate(_gold(), _pred((0, 14, "Ann Lee", "direct"), (42, 59, "Bo Chan", "indirect")))
    figures = (s.quote_p, s.quote_r, s.quote_f1, s.exact_share, s.speaker_acc, s.e2e_f1)
    assert figures == (1.0, 1.0, 1.0, 1.0, 1.0, 1.0)
    assert s.recall_by_kind == {"direct": 1.0, "indirect": 1.0}
    assert s.misses == ()


def test_nothing_predicted() -> None:
    s = evaluate(_gold(), [])
    assert (s.gold, s.predicted, s.matched, s.quote_p, s.quote_r, s.quote_f1) == (2, 0, 0, 0, 0, 0)
    assert [(m.why, m.kind, m.index) for m in s.misses] == [
        ("quote", "direct", 0),
        ("quote", "indirect", 1),
    ]


def test_half_overlap_rule_each_way() -> None:
    # gold "taxes would rise" (16 chars); "taxes would rise. The e" (24) holds it all: match
    assert evaluate(_gold(), _pred((42, 66, None, "indirect"))).matched == 1
    # a prediction covering the whole text overlaps much less than half of itself: no match
    s = evaluate(_gold(), _pred((0, len(TEXT), None, "indirect")))
    assert s.matched == 0 and s.quote_p == 0.0
    assert {m.why for m in s.misses} == {"quote"}
    # a prediction covering less than half of the gold: no match
    assert evaluate(_gold(), _pred((42, 49, None, "indirect"))).matched == 0


def test_boundary_off_but_matched_is_not_exact() -> None:
    s = evaluate(_gold(), _pred((1, 8, "Ann Lee", "direct")))  # "We will" of "We will win"
    assert s.matched == 1 and s.exact_share == 0.0
    s = evaluate(_gold(), _pred((0, 15, "Ann Lee", "direct")))  # marks and comma are trimmed
    assert s.matched == 1 and s.exact_share == 1.0


def test_one_to_one_matching_largest_overlap_first() -> None:
    s = evaluate(_gold(), _pred((1, 13, "Ann Lee", "direct"), (1, 13, "Ann Lee", "direct")))
    assert (s.predicted, s.matched) == (2, 1)
    assert s.quote_p == 0.5
    # the prediction with the larger overlap wins the gold quote, whatever the order
    gold = [{"content": {"start": 42, "end": 59}}]
    preds = [{"content": {"start": 42, "end": 52}}, {"content": {"start": 42, "end": 58}}]
    assert match(TEXT, gold, preds).pairs == {0: 1}
    assert match(TEXT, gold, preds[::-1]).pairs == {0: 0}


def test_prediction_offsets_are_clamped_to_the_text() -> None:
    whole = {"kind": "indirect", "content": {"start": -5, "end": 10_000}}
    s = evaluate(_gold(), [{"id": "d1", "quotes": [whole]}])
    assert s.predicted == 1 and s.matched == 0
    near = {"kind": "indirect", "content": {"start": 40, "end": 10_000}}  # clamped: 42..end
    assert evaluate(_gold(), [{"id": "d1", "quotes": [near]}]).matched == 1


def test_speaker_by_name_alias_and_mention() -> None:
    s = evaluate(_gold(), _pred((1, 13, "Ann  lee", "direct"), (42, 59, "Mr. Bo Chan", "indirect")))
    assert s.speaker_acc == 1.0
    s = evaluate(_gold(), _pred((1, 13, "Ann", "direct"), (42, 59, "Bo Smith", "indirect")))
    assert s.speaker_acc == 0.0
    assert [(m.why, m.gold_speaker, m.predicted_speaker) for m in s.misses] == [
        ("speaker", "Ann Lee", "Ann"),
        ("speaker", "Bo Chan", "Bo Smith"),
    ]
    # aliases of a gold name count
    s = evaluate(_gold(speaker_aliases=["Annie Lee"]), _pred((1, 13, "Annie Lee", "direct")))
    assert s.speaker_acc == 1.0
    # a gold name is matched by name only, never by mention overlap
    gold_q = _gold()[0]["quotes"][0]
    mention = {"start": 20, "end": 27, "text": "Ann Lee"}
    assert not speaker_ok(gold_q, {"speaker": {"name": "she", "mention": mention}})
    # a gold mention without a name: an overlapping predicted mention counts
    gold_q = _gold()[0]["quotes"][1]
    assert speaker_ok(gold_q, {"speaker": {"name": None, "mention": {"start": 32, "end": 36}}})
    assert not speaker_ok(gold_q, {"speaker": {"name": None, "mention": {"start": 0, "end": 3}}})
    assert not speaker_ok(gold_q, {"speaker": None})


def test_end_to_end_counts_only_gold_quotes_with_a_speaker() -> None:
    gold = _gold()
    gold[0]["quotes"][1]["speaker"] = None  # nobody to get right
    s = evaluate(gold, _pred((1, 13, "Ann Lee", "direct"), (42, 59, "Bo Chan", "indirect")))
    # e2e precision 1/2 (one right of two predicted), e2e recall 1/1
    assert s.speaker_acc == 0.5 and s.e2e_f1 == round(2 * 0.5 * 1 / 1.5, 4)


def test_kinds_filter_applies_to_both_sides() -> None:
    s = evaluate(_gold(), _pred((1, 13, "Ann Lee", "direct")), kinds=["direct"])
    assert (s.gold, s.quote_r) == (1, 1.0)
    # a predicted quote of another kind is not scored when filtering
    s = evaluate(_gold(), _pred((1, 13, "Ann Lee", "indirect")), kinds=["direct"])
    assert (s.gold, s.predicted, s.matched) == (1, 0, 0)
    # without a filter, kinds are not compared: a mislabelled quote still matches
    assert evaluate(_gold(), _pred((1, 13, "Ann Lee", "indirect"))).matched == 1


def test_documents_paired_by_id() -> None:
    pred = _pred((1, 13, "Ann Lee", "direct"))
    pred[0]["id"] = "other"
    assert evaluate(_gold(), pred).matched == 0
    error = [{"id": "d1", "error": {"type": "InputTypeError", "message": "no"}}]
    assert evaluate(_gold(), error).predicted == 0


def test_kind_counts_and_table() -> None:
    s = evaluate(_gold(), _pred((1, 13, "Ann Lee", "direct"), (42, 59, "Nobody", "indirect")))
    assert {k: (c.gold, c.matched, c.speaker_right) for k, c in s.kind_counts.items()} == {
        "direct": (1, 1, 1),
        "indirect": (1, 1, 0),
    }
    assert "| indirect | 1 | 1 | 1.000 | 0.000 |" in s.kind_table().splitlines()


def test_read_by_id_keys_like_the_reference(tmp_path: Path) -> None:
    path = tmp_path / "x.jsonl"
    path.write_text('{"a": 1}\n\n{"id": "k", "a": 2}\n{"a": 3}\n{"id": "k", "a": 4}\n')
    assert read_jsonl_by_id(path) == {
        "0": {"a": 1},
        "k": {"id": "k", "a": 4},
        "3": {"a": 3},
    }


# -- agreement with ../shared/eval/score.py -------------------------------------------------


def _reference(shared: Path, gold: Path, pred: Path, *extra: str) -> dict[str, Any]:
    out = subprocess.run(
        [sys.executable, str(shared / "eval" / "score.py"), str(gold), str(pred), "--json", *extra],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(out)


def _write(path: Path, records: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(d) + "\n" for d in records), encoding="utf-8")
    return path


def _perturbed(gold: list[dict[str, Any]], seed: int) -> list[dict[str, Any]]:
    """Predictions made from gold: shifted boundaries, dropped, extra, relabelled quotes,
    right and wrong speakers given by name, by part of a name, or by mention only."""
    rng = random.Random(seed)
    out = []
    for doc in gold:
        n = len(doc["text"])
        quotes = []
        for q in doc["quotes"]:
            if rng.random() < 0.2:
                continue
            s = max(0, q["content"]["start"] + rng.randint(-15, 15))
            e = min(n, max(s, q["content"]["end"] + rng.randint(-40, 15)))
            gm = q.get("speaker")
            name = q.get("speaker_name") or (gm or {}).get("text")
            speaker: dict[str, Any] | None = {"name": name, "mention": None}
            roll = rng.random()
            if roll < 0.25:
                speaker = {"name": "Someone Else", "mention": None}
            elif roll < 0.4 and gm:
                ms = max(0, gm["start"] + rng.randint(-8, 8))
                me = max(ms, gm["end"] + rng.randint(-8, 8))
                speaker = {"name": None, "mention": {"start": ms, "end": me, "text": ""}}
            elif roll < 0.5:
                speaker = None
            elif roll < 0.7 and name and len(name.split()) > 1:
                # one word of the name kept, another invented: right only by the last word
                words = name.split()
                keep = rng.choice([[words[0], "Quill"], ["Pat", words[-1]]])
                speaker = {"name": " ".join(keep), "mention": None}
            quotes.append(
                {
                    "kind": rng.choice(["direct", "indirect", "mixed"]),
                    "content": {"start": s, "end": e, "text": doc["text"][s:e]},
                    "speaker": speaker,
                }
            )
        for _ in range(rng.randint(0, 3)):
            s = rng.randrange(0, max(1, n - 50))
            quotes.append(
                {
                    "kind": "indirect",
                    "content": {"start": s, "end": s + 40, "text": ""},
                    "speaker": None,
                }
            )
        rng.shuffle(quotes)
        out.append({"id": doc["id"], "quotes": quotes})
    return out


def _polnear_dev(shared: Path, n: int) -> list[dict[str, Any]]:
    path = shared / "corpora" / "polnear-dev.jsonl"
    if not path.exists():
        pytest.skip("polnear-dev.jsonl not in the shared data")
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for _, line in zip(range(n), f, strict=False)]


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_agrees_with_reference_on_perturbed_predictions(
    shared: Path, tmp_path: Path, seed: int
) -> None:
    gold = _polnear_dev(shared, 30)
    g = _write(tmp_path / "gold.jsonl", gold)
    p = _write(tmp_path / "pred.jsonl", _perturbed(gold, seed))
    ours = evaluate_files(g, p).as_dict()
    assert ours == _reference(shared, g, p)
    # the perturbations exercise every path: partial recall, exact and inexact
    # boundaries, right and wrong speakers
    assert 0 < ours["matched"] < ours["gold"]
    assert 0 < ours["exact_share"] < 1 and 0 < ours["speaker_acc"] < 1
    assert len({m["why"] for m in ours["misses"]}) == 2
    kinds = "direct,mixed"
    ours_k = evaluate_files(g, p, kinds=kinds.split(",")).as_dict()
    assert ours_k == _reference(shared, g, p, "--kinds", kinds)


def test_agrees_with_reference_on_seeds_with_names(shared: Path, tmp_path: Path) -> None:
    gold = [json.loads(line) for line in (shared / "seeds" / "gold.jsonl").open(encoding="utf-8")]
    g = _write(tmp_path / "gold.jsonl", gold)
    for seed in range(4):
        p = _write(tmp_path / "pred.jsonl", _perturbed(gold, seed))
        assert evaluate_files(g, p).as_dict() == _reference(shared, g, p)


def test_agrees_with_reference_on_odd_files(shared: Path, tmp_path: Path) -> None:
    """Blank lines, records without ids, repeated ids, error records, unknown documents."""
    gold = _polnear_dev(shared, 4)
    for d in gold[2:]:
        del d["id"]  # keyed by line number, blank lines counted
    g = tmp_path / "gold.jsonl"
    g.write_text("\n".join(json.dumps(d) for d in gold) + "\n\n", encoding="utf-8")
    pred = _perturbed(gold[:2], 5)
    pred += [{"id": "2", "quotes": []}, {"id": "3", "error": {"type": "X", "message": "m"}}]
    pred += [{"id": "nowhere", "quotes": pred[0]["quotes"]}, dict(pred[1])]
    pred[-1]["quotes"] = pred[-1]["quotes"][:1]  # a repeated id: the later record wins
    p = tmp_path / "pred.jsonl"
    p.write_text("\n\n".join(json.dumps(d) for d in pred) + "\n", encoding="utf-8")
    assert evaluate_files(g, p).as_dict() == _reference(shared, g, p)


@pytest.mark.model
def test_agrees_with_reference_on_quotecraft_output(shared: Path, tmp_path: Path) -> None:
    gold = shared / "seeds" / "gold.jsonl"
    pred = tmp_path / "pred.jsonl"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "quotecraft",
            "extract",
            "--quiet",
            str(gold),
            "--output",
            str(pred),
        ],
        check=True,
    )
    ours = evaluate_files(gold, pred).as_dict()
    assert ours == _reference(shared, gold, pred)
    assert ours["matched"] > 0


def test_cli_prints_reference_summary_and_json(
    shared: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from quotecraft.cli import main

    gold = [json.loads(line) for line in (shared / "seeds" / "gold.jsonl").open(encoding="utf-8")]
    g = _write(tmp_path / "g.jsonl", gold)
    p = _write(tmp_path / "p.jsonl", _perturbed(gold, 7))
    assert main(["evaluate", str(g), str(p)]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    ref = subprocess.run(
        [sys.executable, str(shared / "eval" / "score.py"), str(g), str(p)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    assert lines[-1] == ref.splitlines()[-1]
    # the same miss lines as the reference, then the per-kind table
    ref_misses = [ln for ln in ref.splitlines() if ln.startswith("miss: ")]
    assert [ln for ln in lines if ln.startswith("miss: ")] == ref_misses
    assert "| kind | gold | found | recall | speaker right |" in lines
    assert main(["evaluate", str(g), str(p), "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == _reference(shared, g, p)
