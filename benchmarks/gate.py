"""Quality gate: fail when quotecraft's accuracy drops below the recorded floors.

In the spirit of trafilatura's ``eval_gate``: ``benchmarks/baseline.json`` pins each
gold set (its SHA-256) and holds a floor per figure. The gate runs quotecraft on
each gold set (one parse per text, as ``benchmarks/accuracy.py`` does) and fails
(exit 1) when a figure falls more than ``epsilon`` below its floor, or when a gold
set is not the one the floors were measured on.

    python benchmarks/gate.py                 # check; CI runs it through tests/test_gate.py
    python benchmarks/gate.py --update        # after an improvement: raise floors (never lowers)
    python benchmarks/gate.py --update --allow-regression   # accept lower figures / a new corpus

Data: ``--data DIR``, ``$QUOTECRAFT_DATA``, else ``../shared``; a missing data folder or
gold set is skipped with a message (exit 0).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import CORPORA, data_dir, read_jsonl, sha256
from accuracy import parse_corpus, run_systems

BASELINE = Path(__file__).resolve().parent / "baseline.json"
DEFAULT_EPSILON = 0.005
"""Drop tolerated below a floor (rounding and platform noise)."""
GATED = (
    "quote_p",
    "quote_r",
    "quote_f1",
    "exact_share",
    "speaker_acc",
    "e2e_f1",
    "recall_direct",
    "recall_indirect",
    "recall_mixed",
)
"""The figures with a floor: quotecraft's figures from :mod:`quotecraft.evaluate`."""


def measure(extractor: Any, gold: list[dict[str, Any]]) -> dict[str, float]:
    """quotecraft's gated figures on one gold set."""
    run = run_systems(extractor, parse_corpus(extractor, gold), ["quotecraft"])["quotecraft"]
    d = run.scores.as_dict()
    out = {f: float(d[f]) for f in GATED if f in d}
    for kind, recall in d["recall_by_kind"].items():
        if f"recall_{kind}" in GATED:
            out[f"recall_{kind}"] = float(recall)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--data", help="shared data folder (default: $QUOTECRAFT_DATA or ../shared)")
    ap.add_argument("--baseline", default=str(BASELINE), help="floors file (default: %(default)s)")
    ap.add_argument("--corpus", action="append", help="gate only this corpus (repeatable)")
    ap.add_argument("--epsilon", type=float, help="tolerated drop (default: the floors file's)")
    ap.add_argument(
        "--update", action="store_true", help="raise floors to the current figures (never lowers)"
    )
    ap.add_argument(
        "--allow-regression",
        action="store_true",
        help="with --update: set floors to the current figures even when lower, re-pin the corpus",
    )
    args = ap.parse_args(argv)
    if args.allow_regression and not args.update:
        ap.error("--allow-regression only makes sense with --update")
    root = data_dir(args.data)
    if root is None:
        print("gate: shared data not found (use --data or QUOTECRAFT_DATA); skipped")
        return 0
    baseline_path = Path(args.baseline)
    baseline: dict[str, Any] = json.loads(baseline_path.read_text(encoding="utf-8"))
    eps = args.epsilon if args.epsilon is not None else baseline.get("epsilon", DEFAULT_EPSILON)
    import quotecraft

    extractor = quotecraft.load()
    failures: list[str] = []
    changed = False
    if args.update and args.allow_regression:
        # a corpus named with --corpus that has no floors yet gets its first ones
        for name in args.corpus or ():
            if name in CORPORA and name not in baseline["corpora"]:
                baseline["corpora"][name] = {"file": CORPORA[name], "floors": {}, "sha256": None}
    for corpus, entry in baseline["corpora"].items():
        if args.corpus and corpus not in args.corpus:
            continue
        path = root / entry["file"]
        if not path.exists():
            print(f"gate: {path} not found, {corpus} skipped")
            continue
        digest = sha256(path)
        if digest != entry.get("sha256"):
            if args.allow_regression:
                entry["sha256"] = digest
                changed = True
                print(f"{corpus}: corpus re-pinned to sha256 {digest[:12]}")
            else:
                failures.append(
                    f"{corpus}: {entry['file']} is not the gold set the floors were measured on "
                    f"(sha256 {digest[:12]}, pinned {str(entry.get('sha256'))[:12]}); check the "
                    "figures and re-pin with --update --allow-regression"
                )
                continue
        got = measure(extractor, read_jsonl(path))
        floors: dict[str, float] = entry.setdefault("floors", {})
        for figure in GATED:
            if figure not in got:
                continue
            value = got[figure]
            floor = floors.get(figure)
            status = "ok"
            if floor is not None and value < floor - eps:
                status = "FAIL"
                failures.append(f"{corpus} {figure}: {value:.4f} < floor {floor:.4f} - {eps}")
            if args.update and (
                floor is None or value > floor or (args.allow_regression and value != floor)
            ):
                floors[figure] = round(value, 4)
                changed = True
                status = "set" if floor is None else ("raised" if value > floor else "LOWERED")
            shown = "-" if floor is None else f"{floor:.4f}"
            print(f"{corpus:12} {figure:16} {value:.4f}  floor {shown:>6}  {status}")
    if args.allow_regression:
        failures = []
    if failures:
        print("gate: FAILED\n  " + "\n  ".join(failures))
        if args.update:
            print("gate: floors not updated (a failing run never moves them)")
        return 1
    if args.update and changed:
        baseline_path.write_text(
            json.dumps(baseline, indent=1, sort_keys=True) + "\n", encoding="utf-8"
        )
        print(f"gate: floors written to {baseline_path}")
    print("gate: passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
