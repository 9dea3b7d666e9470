"""The accuracy benchmark (benchmarks/accuracy.py) and its quality gate (benchmarks/gate.py).

The gate runs here, in CI, on the seeds and PolNeAR dev (about 20 s: one parse per text);
the other tests run the gate on the two seed articles with floors files written here.
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

pytestmark = pytest.mark.model


def _module(name: str) -> ModuleType:
    if str(BENCH) not in sys.path:
        sys.path.insert(0, str(BENCH))
    return importlib.import_module(name)


@pytest.fixture(scope="module")
def gate() -> ModuleType:
    return _module("gate")


@pytest.fixture(scope="module")
def accuracy() -> ModuleType:
    return _module("accuracy")


def _run(gate: ModuleType, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = gate.main(list(args))
    return code, capsys.readouterr().out


def _seeds_baseline(
    tmp_path: Path, shared: Path, gate: ModuleType, floors: dict[str, float], sha: str | None = None
) -> Path:
    path = tmp_path / "baseline.json"
    seeds = shared / "seeds" / "gold.jsonl"
    entry = {"file": "seeds/gold.jsonl", "sha256": sha or gate.sha256(seeds), "floors": floors}
    path.write_text(json.dumps({"epsilon": 0.005, "corpora": {"seeds": entry}}), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def seed_figures(shared: Path, gate: ModuleType, extractor: Any) -> dict[str, float]:
    figures: dict[str, float] = gate.measure(
        extractor, gate.read_jsonl(shared / "seeds" / "gold.jsonl")
    )
    return figures


# -- the gate itself, on the committed floors ---------------------------------------------------


def test_gate_passes_on_the_committed_floors(
    shared: Path, gate: ModuleType, extractor: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out = _run(gate, capsys, "--data", str(shared))
    assert code == 0, out
    assert "gate: passed" in out
    corpora = _module("_common").CORPORA
    for corpus in ("seeds", "polnear-dev", "gum-dev"):
        if (shared / corpora[corpus]).exists():
            assert f"{corpus:12} quote_f1" in out


def test_committed_floors_cover_both_gold_sets(gate: ModuleType) -> None:
    baseline = json.loads((BENCH / "baseline.json").read_text(encoding="utf-8"))
    assert set(baseline["corpora"]) == {"seeds", "polnear-dev", "gum-dev"}
    assert 0 < baseline["epsilon"] <= 0.01
    for entry in baseline["corpora"].values():
        assert set(entry["floors"]) == set(gate.GATED)
        assert all(0.0 <= v <= 1.0 for v in entry["floors"].values())
        assert len(entry["sha256"]) == 64
    # issue 3: every seed quote is found
    assert baseline["corpora"]["seeds"]["floors"]["quote_r"] == 1.0


# -- the gate's rules, on the seeds -------------------------------------------------------------


def test_gate_fails_below_a_floor_and_never_rewrites_it(
    shared: Path,
    gate: ModuleType,
    tmp_path: Path,
    seed_figures: dict[str, float],
    capsys: pytest.CaptureFixture[str],
) -> None:
    floors = {"quote_f1": seed_figures["quote_f1"] + 0.01, "quote_p": 0.0}
    path = _seeds_baseline(tmp_path, shared, gate, floors)
    before = path.read_text(encoding="utf-8")
    code, out = _run(gate, capsys, "--data", str(shared), "--baseline", str(path))
    assert code == 1
    assert "gate: FAILED" in out and "seeds quote_f1" in out
    assert "seeds quote_p" not in out.split("gate: FAILED")[1]
    code, out = _run(gate, capsys, "--data", str(shared), "--baseline", str(path), "--update")
    assert code == 1 and "floors not updated" in out
    assert path.read_text(encoding="utf-8") == before


def test_gate_tolerates_epsilon(
    shared: Path,
    gate: ModuleType,
    tmp_path: Path,
    seed_figures: dict[str, float],
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = _seeds_baseline(tmp_path, shared, gate, {"quote_f1": seed_figures["quote_f1"] + 0.004})
    assert _run(gate, capsys, "--data", str(shared), "--baseline", str(path))[0] == 0
    args = ("--data", str(shared), "--baseline", str(path), "--epsilon", "0.001")
    assert _run(gate, capsys, *args)[0] == 1


def test_update_raises_floors_and_never_lowers_them(
    shared: Path,
    gate: ModuleType,
    tmp_path: Path,
    seed_figures: dict[str, float],
    capsys: pytest.CaptureFixture[str],
) -> None:
    above = round(seed_figures["speaker_acc"] + 0.004, 4)  # above the figure, within epsilon
    path = _seeds_baseline(tmp_path, shared, gate, {"quote_p": 0.0, "speaker_acc": above})
    code, out = _run(gate, capsys, "--data", str(shared), "--baseline", str(path), "--update")
    assert code == 0, out
    floors = json.loads(path.read_text(encoding="utf-8"))["corpora"]["seeds"]["floors"]
    assert floors["quote_p"] == round(seed_figures["quote_p"], 4)  # raised
    assert floors["speaker_acc"] == above  # kept, not lowered
    assert set(floors) == set(seed_figures)  # figures without a floor get one
    # --allow-regression accepts the lower figure
    args = ("--data", str(shared), "--baseline", str(path), "--update", "--allow-regression")
    assert _run(gate, capsys, *args)[0] == 0
    floors = json.loads(path.read_text(encoding="utf-8"))["corpora"]["seeds"]["floors"]
    assert floors["speaker_acc"] == round(seed_figures["speaker_acc"], 4)


def test_gate_fails_on_another_gold_set_until_re_pinned(
    shared: Path, gate: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _seeds_baseline(tmp_path, shared, gate, {"quote_p": 0.0}, sha="0" * 64)
    code, out = _run(gate, capsys, "--data", str(shared), "--baseline", str(path))
    assert code == 1 and "not the gold set the floors were measured on" in out
    assert _run(gate, capsys, "--data", str(shared), "--baseline", str(path), "--update")[0] == 1
    args = ("--data", str(shared), "--baseline", str(path), "--update", "--allow-regression")
    assert _run(gate, capsys, *args)[0] == 0
    pinned = json.loads(path.read_text(encoding="utf-8"))["corpora"]["seeds"]["sha256"]
    assert pinned == gate.sha256(shared / "seeds" / "gold.jsonl")
    assert _run(gate, capsys, "--data", str(shared), "--baseline", str(path))[0] == 0


def test_gate_skips_missing_data(
    gate: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out = _run(gate, capsys, "--data", str(tmp_path / "absent"))
    assert code == 0 and "shared data not found" in out
    code, out = _run(gate, capsys, "--data", str(tmp_path))  # a folder without the gold sets
    assert code == 0 and "not found, seeds skipped" in out


# -- the accuracy benchmark's systems and error analysis -----------------------------------------


def test_shared_parse_gives_quotecraft_extract_output(
    shared: Path, accuracy: ModuleType, extractor: Any
) -> None:
    from quotecraft.serialize import to_dict

    gold = accuracy.read_jsonl(shared / "seeds" / "gold.jsonl")
    parsed = accuracy.parse_corpus(extractor, gold)
    ours = [accuracy.predict_quotecraft(extractor, p) for p in parsed]
    theirs = [to_dict(a)["quotes"] for a in extractor.pipe(gold)]
    assert ours == theirs and any(ours)


def _parsed(
    accuracy: ModuleType, extractor: Any, text: str, quotes: list[Any] | None = None
) -> Any:
    return accuracy.parse_corpus(extractor, [{"id": "t", "text": text, "quotes": quotes or []}])[0]


def test_textacy_spans_become_character_offsets(accuracy: ModuleType, extractor: Any) -> None:
    pytest.importorskip("textacy", reason="the textacy extra is not installed")
    text = 'The mayor spoke. "We will never give up on this city," said Mayor Ann Lee on Monday.'
    (q,) = accuracy.predict_textacy(extractor, _parsed(accuracy, extractor, text))
    c, sp = q["content"], q["speaker"]
    assert text[c["start"] : c["end"]] == c["text"] == '"We will never give up on this city,"'
    assert sp["mention"]["text"] == text[sp["mention"]["start"] : sp["mention"]["end"]]
    assert "Ann Lee" in sp["name"]
    assert q["cue"]["text"] == "said" and q["kind"] == "direct"


def test_a_document_on_which_a_system_raises_counts_as_no_output(
    accuracy: ModuleType, extractor: Any
) -> None:
    pytest.importorskip("textacy", reason="the textacy extra is not installed")
    text = '"We will never give up on this city," said Ann Lee. "One more thing, he said.'
    gold_q = {
        "kind": "direct",
        "content": {"start": 1, "end": 36, "text": text[1:36]},
        "speaker": None,
        "speaker_name": "Ann Lee",
    }
    parsed = [_parsed(accuracy, extractor, text, [gold_q])]
    with pytest.raises(ValueError):  # textacy bails out on an unclosed quotation
        accuracy.predict_textacy(extractor, parsed[0])
    runs = accuracy.run_systems(extractor, parsed, ["textacy", "baseline"])
    assert runs["textacy"].failed_docs == 1
    assert runs["textacy"].predictions == [{"id": "t", "quotes": []}]
    assert runs["baseline"].failed_docs == 0 and runs["baseline"].scores.matched == 1


def test_baseline_quotes_every_mark_pair_with_the_nearest_person(
    accuracy: ModuleType, extractor: Any
) -> None:
    text = (
        'Maria Lopez spoke first. "Taxes are too high," she said. The talks went on for '
        "hours into the night without any progress at all. Then Tom Baker replied: "
        '"They are not." The "plan" was shelved.'
    )
    quotes = accuracy.predict_baseline(extractor, _parsed(accuracy, extractor, text))
    assert [q["content"]["text"] for q in quotes] == [
        '"Taxes are too high,"',
        '"They are not."',
        '"plan"',
    ]
    names = [(q["speaker"] or {}).get("name") for q in quotes]
    assert names[:2] == ["Maria Lopez", "Tom Baker"]


def test_errors_are_grouped_by_cause(accuracy: ModuleType) -> None:
    text = (
        "Ann Lee said taxes will rise next year. Bo Chan argued that the budget is fine. "
        "Cy Dee warned that the river will flood the town. The weather was nice today."
    )

    def span(s: str) -> dict[str, Any]:
        i = text.index(s)
        return {"start": i, "end": i + len(s), "text": s}

    gold = [
        {
            "id": "d",
            "text": text,
            "quotes": [
                {"kind": "indirect", "content": span("taxes will rise next year"),
                 "speaker": span("Ann Lee"), "speaker_name": None, "cue": span("said")},
                {"kind": "indirect", "content": span("the budget is fine"),
                 "speaker": span("Bo Chan"), "speaker_name": None, "cue": span("argued")},
                {"kind": "indirect", "content": span("the river will flood the town"),
                 "speaker": span("Cy Dee"), "speaker_name": None, "cue": span("warned")},
            ],
        }
    ]  # fmt: skip
    pred = [
        {
            "id": "d",
            "quotes": [
                {"content": span("taxes will rise next year"), "rule": "r.ok",
                 "speaker": {"name": "Someone", "mention": None}},
                {"content": span("the river"), "rule": "r.short",
                 "speaker": {"name": "Cy Dee", "mention": None}},
                {"content": span("The weather was nice today"), "rule": "r.false", "speaker": None},
            ],
        }
    ]  # fmt: skip
    errors = accuracy.classify_errors(gold, pred)
    assert sorted((e.cause, e.key) for e in errors) == [
        ("boundary", "r.short"),
        ("false alarm", "r.false"),
        ("missed cue", "argued"),
        ("wrong speaker", "r.ok"),
    ]
    report = accuracy.error_report(gold, pred, 5)
    for cause in ("missed cue: 1", "boundary: 1", "wrong speaker: 1", "false alarm: 1"):
        assert f"#### {cause}" in report
    assert "Most frequent gold cue: argued (1)." in report
    table = accuracy.rule_table(gold, pred).splitlines()
    assert "| `r.ok` | 1 | 1.000 | 0.000 |" in table
    assert "| `r.short` | 1 | 0.000 | n/a |" in table
    assert "| `r.false` | 1 | 0.000 | n/a |" in table
    assert "By gold kind: indirect 1." in report


@pytest.mark.parametrize(
    ("text", "cue", "content", "relation"),
    [
        ("Ann Lee said that taxes will rise.", "said", "taxes will rise", "clause"),
        ("Taxes will rise, Ann Lee said.", "said", "Taxes will rise", "clause"),
        ("Ann Lee vowed to cut taxes.", "vowed", "to cut taxes", "infinitive"),
        ("Ann Lee defended the new budget.", "defended", "the new budget", "object"),
        (
            "Ann Lee voted for the new budget.",
            "voted for",
            "the new budget",
            "prepositional object",
        ),
        ("Ann Lee spoke. Taxes will rise.", "spoke", "Taxes will rise", "another sentence"),
    ],
)
def test_missed_quotes_say_how_the_content_hangs_on_the_cue(
    accuracy: ModuleType, extractor: Any, text: str, cue: str, content: str, relation: str
) -> None:
    parsed = _parsed(accuracy, extractor, text)
    info = accuracy.relation_info([parsed])
    c, s = text.index(cue), text.index(content)
    assert info("t", (c, c + len(cue)), (s, s + len(content))) == relation
    gold = [
        {
            "id": "t",
            "text": text,
            "quotes": [
                {
                    "kind": "indirect",
                    "content": {"start": s, "end": s + len(content), "text": content},
                    "cue": {"start": c, "end": c + len(cue), "text": cue},
                }
            ],
        }
    ]
    report = accuracy.error_report(gold, [{"id": "t", "quotes": []}], 1, relations=info)
    assert f"parse (cue in the lexicon / not): {relation} 1 (" in report


def test_missed_cues_are_looked_up_in_the_lexicon(accuracy: ModuleType, extractor: Any) -> None:
    text = "Ann Lee said taxes will rise. According to Bo Chan, prices fell. Cy Dee smiled."
    parsed = _parsed(accuracy, extractor, text)
    info = accuracy.cue_info(extractor, [parsed])
    cue = text.index
    assert info("t", cue("said"), cue("said") + 4) == ("say", True)
    assert info("t", cue("According"), cue("According") + 12) == ("according to", True)
    assert info("t", cue("smiled"), cue("smiled") + 6) == ("smile", False)
