"""Precision and recall of quotecraft by cue scorer threshold (``Config.scorer_threshold``).

Each corpus is parsed once; the stages after the parse run once per threshold. The
first row (``off``) is quotecraft without the scorer (the pattern rules alone); each
other row admits the scorer's cues at or above the threshold. ``scored`` counts the
quotes of rule ``reported.scored.v1`` and ``scored P`` the share of them that match a
gold quote.

With ``--cv K`` the table is cross-validated on PolNeAR train instead (how the default
threshold was chosen): the train split is cut in K folds (document ``i`` in fold ``i % K``),
a scorer is fitted on K-1 folds with the packaged settings (``--frames`` to change the frames)
and quotecraft runs on the held-out fold; the figures are over all folds together.

Usage::

    python benchmarks/scorer_thresholds.py                           # PolNeAR dev + GUM dev
    python benchmarks/scorer_thresholds.py --cv 5                    # PolNeAR train, 5 folds
    python benchmarks/scorer_thresholds.py --cv 5 --frames all       # ... admitting every frame
    python benchmarks/scorer_thresholds.py --corpus polnear-dev --thresholds 0.4,0.5,0.6
    python benchmarks/scorer_thresholds.py --weights my-weights.json

Output: a Markdown table on stdout. Data: ``--data DIR``, ``$QUOTECRAFT_DATA``, else
``../shared``; when it is absent the script says so and exits 0.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import REPO, corpus_path, data_dir, read_jsonl
from accuracy import parse_corpus, predict_quotecraft

GUM = "corpora/gum-dev.jsonl"
DEFAULT_THRESHOLDS = (0.1, 0.2, 0.25, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)


def _path(root: Path, name: str) -> Path:
    return root / GUM if name == "gum-dev" else corpus_path(root, name)


def _config(th: float | None) -> Any:
    """The extractor options of one row: the scorer off (None) or at threshold ``th``."""
    from quotecraft.extractor import Config
    from quotecraft.scorer import SCORED_RULE

    if th is None:
        return Config(disabled_rules=[SCORED_RULE])
    return Config(scorer_threshold=th)


def _row(th: float | None, s: dict[str, Any]) -> dict[str, Any]:
    return {
        "threshold": "off" if th is None else f"{th:.2f}",
        "P": s["quote_p"],
        "R": s["quote_r"],
        "F1": s["quote_f1"],
        "indirect R": s["recall_by_kind"].get("indirect", 0.0),
    }


def sweep(
    base: Any, gold: list[dict[str, Any]], thresholds: list[float | None]
) -> list[dict[str, Any]]:
    """One row of figures per threshold (None: the scorer off)."""
    from quotecraft.evaluate import evaluate, match
    from quotecraft.extractor import Extractor
    from quotecraft.scorer import SCORED_RULE

    parsed = parse_corpus(base, gold)
    rows = []
    for th in thresholds:
        ex = Extractor(
            base.nlp,
            lexicon=base.lexicon,
            patterns=base.patterns,
            config=_config(th),
            scorer=base.scorer,
        )
        preds = [{"id": p.gold["id"], "quotes": predict_quotecraft(ex, p)} for p in parsed]
        s = evaluate(gold, preds).as_dict()
        n_scored = hit = 0
        for p, pred in zip(parsed, preds, strict=True):
            scored = [q for q in pred["quotes"] if q["rule"] == SCORED_RULE]
            if not scored:
                continue
            n_scored += len(scored)
            m = match(p.gold["text"], p.gold["quotes"], pred["quotes"])
            matched = set(m.pairs.values())
            hit += sum(
                1 for j, q in enumerate(pred["quotes"]) if q["rule"] == SCORED_RULE and j in matched
            )
        rows.append(
            {
                **_row(th, s),
                "scored": n_scored,
                "scored P": round(hit / n_scored, 3) if n_scored else 0.0,
            }
        )
    return rows


def cross_validate(
    base: Any, parsed: list[Any], thresholds: list[float | None], k: int, frames: Any
) -> list[dict[str, Any]]:
    """:func:`sweep`'s rows, each fold scored by a scorer fitted on the other folds."""
    from quotecraft.evaluate import evaluate
    from quotecraft.extractor import Extractor
    from quotecraft.train import examples, train_examples

    gold = [p.gold for p in parsed]
    exs = [list(examples([p.doc], [p.gold], base.lexicon, frames)) for p in parsed]
    preds: dict[float | None, list[dict[str, Any]]] = {th: [] for th in thresholds}
    for fold in range(k):
        train = [e for i, doc_exs in enumerate(exs) if i % k != fold for e in doc_exs]
        scorer = train_examples(train, base.lexicon, frames=frames)
        for th in thresholds:
            ex = Extractor(
                base.nlp,
                lexicon=base.lexicon,
                patterns=base.patterns,
                config=_config(th),
                scorer=scorer,
            )
            for p in parsed[fold::k]:
                preds[th].append({"id": p.gold["id"], "quotes": predict_quotecraft(ex, p)})
    rows = []
    for th in thresholds:
        s = evaluate(gold, preds[th]).as_dict()
        rows.append(_row(th, s))
    return rows


def table(name: str, rows: list[dict[str, Any]]) -> str:
    cols = list(rows[0])
    out = [f"**{name}**", "", "| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
    for r in rows:
        out.append("| " + " | ".join(str(r[c]) for c in cols) + " |")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", help="shared data folder (default: $QUOTECRAFT_DATA or ../shared)")
    ap.add_argument(
        "--corpus",
        action="append",
        choices=("polnear-dev", "gum-dev", "polnear-train", "seeds"),
        help="corpus to score (repeatable; default: polnear-dev and gum-dev)",
    )
    ap.add_argument("--thresholds", help="comma-separated thresholds (default: 0.3 to 0.9)")
    ap.add_argument("--weights", help="weights file (default: the packaged weights)")
    ap.add_argument("--model", help="spaCy pipeline (default: as quotecraft.load)")
    ap.add_argument("--cv", type=int, metavar="K", help="cross-validate on PolNeAR train, K folds")
    ap.add_argument(
        "--frames",
        action="append",
        help="with --cv: comma-separated frames, or 'all' (default: the packaged ones); "
        "repeat for one table each",
    )
    a = ap.parse_args(argv)
    root = data_dir(a.data)
    if root is None:
        print("scorer_thresholds: shared data not found (--data DIR or $QUOTECRAFT_DATA); skipped")
        return 0
    import quotecraft

    base = quotecraft.load(a.model, weights=a.weights)
    ths: list[float | None] = [None]
    ths += [float(x) for x in a.thresholds.split(",")] if a.thresholds else list(DEFAULT_THRESHOLDS)
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True
        ).stdout.strip()
    except OSError:
        commit = "unknown"
    print(
        f"Cue scorer thresholds at commit {commit}, model {base.model_name}, weights "
        f"{a.weights or 'packaged'} (default threshold {quotecraft.Config().scorer_threshold}).\n"
    )
    if a.cv:
        from quotecraft.scorer import DEFAULT_FRAMES
        from quotecraft.train import frames_from_spec

        parsed = parse_corpus(base, read_jsonl(_path(root, "polnear-train")))
        for spec in a.frames or [",".join(DEFAULT_FRAMES)]:
            frames = frames_from_spec(spec)
            rows = cross_validate(base, parsed, ths, a.cv, frames)
            title = f"polnear-train, {a.cv}-fold cross-validation, frames {','.join(frames)}"
            print(table(title, rows) + "\n", flush=True)
        return 0
    for name in a.corpus or ["polnear-dev", "gum-dev"]:
        path = _path(root, name)
        if not path.exists():
            print(f"{name}: {path} not found; skipped\n")
            continue
        print(table(name, sweep(base, read_jsonl(path), ths)) + "\n", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
