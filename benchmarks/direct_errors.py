"""Why direct quotes go wrong: the misses and false alarms of direct quotes, by cause.

Reads a gold JSON Lines file and predictions (``quotecraft extract -q GOLD > PRED``),
matches them as the reference scorer does (:func:`quotecraft.evaluate.match`) and sorts

- every gold **direct** quote left unmatched into: a report inside a quote (its cue stands
  within the same marks: ``"I know it is late"`` annotated as *it is late*, a convention
  of GUM); one stretch of a quote split by its attribution (``"A," she said, "B."``
  predicted as one quote, PolNeAR's convention, GUM's is one quote per stretch); nothing
  found; or another boundary;
- every predicted quote of a ``direct.*`` rule left unmatched into: no attribution of its
  own (standalone or continuation lines, which GUM does not annotate); a term, name or
  title of four words or fewer not ending a sentence; a quote joining several gold quotes;
  another boundary (it overlaps a gold quote); or a quote the gold does not have at all.

Each cause is printed with its count and the genres (when the gold has ``genre``) it
comes from most.

    python benchmarks/direct_errors.py ../shared/corpora/gum-dev.jsonl /tmp/pred.jsonl
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Mapping
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from quotecraft.evaluate import match, read_jsonl_by_id

MARKS = frozenset("\"'“”‘’«»„‚‹›")
UNATTRIBUTED = ("direct.standalone.v1", "direct.continuation.v1")

NESTED = "miss: a report inside a quote (its cue within the marks)"
STRETCH = "miss: one stretch of a quote split by its attribution"
NOTHING = "miss: nothing found"
MISS_OTHER = "miss: another boundary"
NO_ATTRIBUTION = "false alarm: no attribution of its own (standalone, continuation)"
TERM = "false alarm: a term, name or title (4 words or fewer)"
JOINS = "false alarm: joins several gold quotes"
FA_OTHER = "false alarm: another boundary"
NOT_IN_GOLD = "false alarm: a quote the gold does not have"


def categorize(
    gold: Mapping[str, dict[str, Any]], pred: Mapping[str, dict[str, Any]]
) -> dict[str, Counter[str]]:
    """Cause -> genres (``"-"`` when the gold has none) of each direct miss and false alarm."""
    out: dict[str, Counter[str]] = {}
    for doc_id, g in gold.items():
        text = g["text"]
        gq = g.get("quotes") or []
        pq = (pred.get(doc_id) or {}).get("quotes") or []
        m = match(text, gq, pq)
        used = set(m.pairs.values())
        genre = str(g.get("genre") or "-")
        for i, q in enumerate(gq):
            if q.get("kind") == "direct" and i not in m.pairs:
                out.setdefault(_miss(text, q, m.gold_spans[i], m.pred_spans, pq), Counter())[
                    genre
                ] += 1
        for j, q in enumerate(pq):
            if j not in used and str(q.get("rule", "")).startswith("direct."):
                cause = _false_alarm(text, q, m.pred_spans[j], m.gold_spans)
                out.setdefault(cause, Counter())[genre] += 1
    return out


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return min(a[1], b[1]) > max(a[0], b[0])


def _miss(
    text: str,
    q: dict[str, Any],
    span: tuple[int, int],
    pred_spans: tuple[tuple[int, int], ...],
    pq: list[dict[str, Any]],
) -> str:
    cue = q.get("cue")
    if cue and cue["end"] <= span[0] and not MARKS & set(text[cue["end"] : span[0]]):
        return NESTED
    over = [j for j, p in enumerate(pred_spans) if _overlaps(p, span)]
    if not over:
        return NOTHING
    if any(
        pred_spans[j][0] <= span[0]
        and span[1] <= pred_spans[j][1]
        and len(pq[j].get("fragments") or []) > 1
        for j in over
    ):
        return STRETCH
    return MISS_OTHER


def _false_alarm(
    text: str, q: dict[str, Any], span: tuple[int, int], gold_spans: tuple[tuple[int, int], ...]
) -> str:
    if q.get("rule") in UNATTRIBUTED and not q.get("cue"):
        return NO_ATTRIBUTION
    over = [g for g in gold_spans if _overlaps(g, span)]
    content = text[span[0] : span[1]]
    if len(over) > 1:
        return JOINS
    if len(content.split()) <= 4 and text[span[1] : span[1] + 1] not in (".", "!", "?"):
        return TERM
    return FA_OTHER if over else NOT_IN_GOLD


def report(causes: Mapping[str, Counter[str]]) -> str:
    """A Markdown table: cause, count, most frequent genres."""
    lines = ["| cause | count | genres |", "|---|---:|---|"]
    for cause in sorted(causes, key=lambda c: (not c.startswith("miss"), -sum(causes[c].values()))):
        genres = ", ".join(f"{g} {n}" for g, n in causes[cause].most_common(4) if g != "-")
        lines.append(f"| {cause} | {sum(causes[cause].values())} | {genres} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold", help="gold JSON Lines")
    ap.add_argument("pred", help="predictions JSON Lines (quotecraft extract -q)")
    a = ap.parse_args(argv)
    print(report(categorize(read_jsonl_by_id(a.gold), read_jsonl_by_id(a.pred))))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
