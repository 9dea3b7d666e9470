"""How well the cue scorer's type model (``quotecraft.cue_typing``) reads a cue's type.

The type model types the cues the scorer admits from outside the lexicon, from their
construction alone (no lemma among its features). Its accuracy on such cues cannot be
measured directly (the corpora give no types), so this script measures it where the
answer is known: on every gold cue of a corpus whose lemma the lexicon types, the
model (which never sees the lemma) is compared with the lexicon's type. Verbs the
model has not seen look, to it, like these.

For each corpus: the accuracy, the accuracy of always answering ``speech`` (the
commonest type), and each type's precision and recall.

Usage::

    python benchmarks/cue_types.py                       # PolNeAR dev + GUM dev
    python benchmarks/cue_types.py --weights my-weights.json --corpus polnear-dev

Output: Markdown on stdout. Data: ``--data DIR``, ``$QUOTECRAFT_DATA``, else
``../shared``; when it is absent the script says so and exits 0.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import corpus_path, data_dir, read_jsonl
from accuracy import parse_corpus

GUM = "corpora/gum-dev.jsonl"


def measure(name: str, path: Path, weights: str | None) -> str:
    """The Markdown section of one corpus."""
    import quotecraft
    from quotecraft.cue_typing import TYPES
    from quotecraft.scorer import ALL_FRAMES
    from quotecraft.train import labelled, type_examples

    ex = quotecraft.load(weights=weights)
    if ex.scorer is None or ex.scorer.types is None:
        return f"## {name}\n\nthe weights have no type model (`type_weights`)\n"
    gold = read_jsonl(path)
    parsed = parse_corpus(ex, gold)
    rows = labelled([p.doc for p in parsed], [p.gold for p in parsed], ex.lexicon, ALL_FRAMES)
    typed = type_examples(rows, ex.lexicon)
    pairs = [(t, ex.scorer.types.predict(names)) for names, t in typed]
    n = len(pairs)
    right = sum(t == p for t, p in pairs)
    speech = sum(t == "speech" for t, _ in pairs)
    out = [
        f"## {name}",
        "",
        f"{n} gold cues with a lexicon type; type model right for {right} "
        f"({right / n:.3f}); always `speech`: {speech} ({speech / n:.3f})",
        "",
        "| type | gold | predicted | right | precision | recall |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    gold_n = Counter(t for t, _ in pairs)
    pred_n = Counter(p for _, p in pairs)
    hits = Counter(t for t, p in pairs if t == p)
    for t in TYPES:
        prec = hits[t] / pred_n[t] if pred_n[t] else 0.0
        rec = hits[t] / gold_n[t] if gold_n[t] else 0.0
        out.append(f"| {t} | {gold_n[t]} | {pred_n[t]} | {hits[t]} | {prec:.3f} | {rec:.3f} |")
    return "\n".join(out) + "\n"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", help="the shared data folder (default: ../shared)")
    ap.add_argument("--weights", help="a weights file (default: the packaged one)")
    ap.add_argument(
        "--corpus", action="append", choices=["polnear-dev", "gum-dev"], help="repeatable"
    )
    args = ap.parse_args()
    root = data_dir(args.data)
    if root is None:
        print("no shared data folder (../shared or --data): nothing to measure")
        return 0
    for name in args.corpus or ["polnear-dev", "gum-dev"]:
        path = root / GUM if name == "gum-dev" else corpus_path(root, name)
        print(measure(name, path, args.weights))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
