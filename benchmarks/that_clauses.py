"""How often a word with a *that* clause is a gold cue, by lemma and corpus (cue frames).

For every verb or adjective of a corpus with a clausal complement that opens with
*that* (``X saw that ...``, ``X is sure that ...``), the table counts the times its
word is a gold quote's cue and the times quotecraft gives a quote with that cue. It is
how the lexicon frame ``that`` (``see``, ``notice``) was chosen: a frame is worth
adding where both corpora annotate it, and not where one of them never does
(``docs/benchmarks.md``, "Missed cues").

Usage::

    python benchmarks/that_clauses.py                       # PolNeAR dev + GUM dev
    python benchmarks/that_clauses.py --corpus polnear-train --corpus gum-dev --top 40
    python benchmarks/that_clauses.py --lemma see --lemma notice --lemma decide

Output: a Markdown table on stdout (``gold/all, quoted``: gold cues of all the words
with a that-clause, and how many of them quotecraft quotes). Data: ``--data DIR``,
``$QUOTECRAFT_DATA``, else ``../shared``; when it is absent the script says so and exits 0.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import corpus_path, data_dir, read_jsonl
from accuracy import parse_corpus, predict_quotecraft

GUM = "corpora/gum-dev.jsonl"


def _path(root: Path, name: str) -> Path:
    return root / GUM if name == "gum-dev" else corpus_path(root, name)


def _key(tok: Any) -> str | None:
    """The lemma of a word with a that-clause complement (``/ADJ`` for an adjective)."""
    if tok.pos_ not in ("VERB", "AUX", "ADJ"):
        return None
    for c in tok.children:
        if c.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children):
            return tok.lemma_.lower() + ("/ADJ" if tok.pos_ == "ADJ" else "")
    return None


def counts(extractor: Any, gold: list[dict[str, Any]]) -> tuple[Counter[str], ...]:
    """Per lemma: words with a that-clause, those that are gold cues, those quotecraft quotes."""
    total: Counter[str] = Counter()
    cued: Counter[str] = Counter()
    quoted: Counter[str] = Counter()
    for p in parse_corpus(extractor, gold):
        cues = [(q["cue"]["start"], q["cue"]["end"]) for q in p.gold["quotes"] if q.get("cue")]
        pred = [
            (q["cue"]["start"], q["cue"]["end"])
            for q in predict_quotecraft(extractor, p)
            if q.get("cue")
        ]
        for tok in p.doc:
            key = _key(tok)
            if key is None:
                continue
            total[key] += 1
            cued[key] += any(s <= tok.idx < e for s, e in cues)
            quoted[key] += any(s <= tok.idx < e for s, e in pred)
    return total, cued, quoted


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", help="shared data folder (default: $QUOTECRAFT_DATA or ../shared)")
    ap.add_argument(
        "--corpus",
        action="append",
        choices=("polnear-dev", "gum-dev", "polnear-train"),
        help="corpus to count (repeatable; default: polnear-dev and gum-dev)",
    )
    ap.add_argument("--lemma", action="append", help="only these lemmas (repeatable)")
    ap.add_argument("--top", type=int, default=30, help="rows, most frequent first (default 30)")
    a = ap.parse_args(argv)
    root = data_dir(a.data)
    if root is None:
        print("that_clauses: shared data not found (--data DIR or $QUOTECRAFT_DATA); skipped")
        return 0
    import quotecraft

    ex = quotecraft.load()
    names = a.corpus or ["polnear-dev", "gum-dev"]
    found = {n: counts(ex, read_jsonl(_path(root, n))) for n in names if _path(root, n).exists()}
    everyone: Counter[str] = sum((c[0] for c in found.values()), Counter())
    lemmas = a.lemma or [k for k, _ in everyone.most_common(a.top)]
    print("| lemma | lexicon | " + " | ".join(f"{n} gold/all, quoted" for n in found) + " |")
    print("|---|---|" + "---:|" * len(found))
    for k in lemmas:
        verb = ex.lexicon.verbs.get(k.split("/")[0])
        lex = f"{verb.cls}: {','.join(sorted(verb.frames))}" if verb else "-"
        cells = [f"{c[1][k]}/{c[0][k]}, {c[2][k]}" for c in found.values()]
        print(f"| {k} | {lex} | " + " | ".join(cells) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
