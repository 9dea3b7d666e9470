"""What changed in the speakers between two runs of ``quotecraft extract`` on one corpus.

The reference scorer matches a speaker by its mention, so a change of name, title or
organization often leaves every score as it was. This script compares two outputs
record by record (the quotes with the same content offsets in both) and counts what
changed in their speakers: the name, the title, the organization (gained, lost,
changed) and how the name was resolved, with examples.

Usage::

    git checkout OLD && quotecraft extract -q ../shared/corpora/polnear-train.jsonl > old.jsonl
    git checkout NEW && quotecraft extract -q ../shared/corpora/polnear-train.jsonl > new.jsonl
    python benchmarks/speaker_diff.py old.jsonl new.jsonl             # counts and 10 examples
    python benchmarks/speaker_diff.py old.jsonl new.jsonl --examples 0 --field organization

Output: Markdown on stdout. Quotes found in only one of the runs are counted, not compared.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path
from typing import Any

FIELDS = ("name", "title", "organization", "resolution")


def _records(path: Path) -> dict[str, dict[tuple[int, int], dict[str, Any]]]:
    """Document id -> (content start, end) -> quote, from a JSON Lines output."""
    out: dict[str, dict[tuple[int, int], dict[str, Any]]] = {}
    with path.open(encoding="utf-8") as f:
        for line in f:
            doc = json.loads(line)
            quotes = doc.get("quotes") or []
            out[doc["id"]] = {(q["content"]["start"], q["content"]["end"]): q for q in quotes}
    return out


def _speaker(quote: dict[str, Any]) -> tuple[Any, ...]:
    s = quote.get("speaker") or {}
    return tuple(s.get(f) for f in FIELDS)


def compare(
    old: Path, new: Path
) -> tuple[Counter[str], list[tuple[str, tuple[Any, ...], tuple[Any, ...]]]]:
    """Counts of the changes between two runs, and the changed records (doc, old, new)."""
    a, b = _records(old), _records(new)
    counts: Counter[str] = Counter()
    changed = []
    for doc_id, quotes in a.items():
        other = b.get(doc_id, {})
        counts["only in the first run"] += len(quotes.keys() - other.keys())
        counts["only in the second run"] += len(other.keys() - quotes.keys())
        for key in sorted(quotes.keys() & other.keys()):
            counts["compared"] += 1
            before, after = _speaker(quotes[key]), _speaker(other[key])
            if before == after:
                continue
            counts["changed"] += 1
            changed.append((doc_id, before, after))
            for field, x, y in zip(FIELDS, before, after, strict=True):
                if x == y:
                    continue
                counts[field] += 1
                if field == "organization":
                    kind = "gained" if x is None else "lost" if y is None else "changed"
                    counts[f"organization {kind}"] += 1
    return counts, changed


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("old", type=Path, help="the first run's JSON Lines output")
    ap.add_argument("new", type=Path, help="the second run's JSON Lines output")
    ap.add_argument("--examples", type=int, default=10, help="changed records to show")
    ap.add_argument("--field", choices=FIELDS, help="show only records where this changed")
    args = ap.parse_args(argv)
    counts, changed = compare(args.old, args.new)
    print(f"# Speakers: {args.old.name} -> {args.new.name}\n")
    print("| what | records |\n|---|---:|")
    order = ["compared", "changed", *FIELDS, "organization gained", "organization lost"]
    order += ["organization changed", "only in the first run", "only in the second run"]
    for key in order:
        print(f"| {key} | {counts[key]:,} |")
    if args.field is not None:
        k = FIELDS.index(args.field)
        changed = [c for c in changed if c[1][k] != c[2][k]]
    if args.examples and changed:
        print("\n| document | before (name, title, organization, resolution) | after |")
        print("|---|---|---|")
        for doc_id, before, after in changed[: args.examples]:
            print(f"| {doc_id} | {before} | {after} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
