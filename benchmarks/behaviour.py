"""The speaker behaviour suite: pass rate by capability.

The cases are ``tests/behaviour/speakers.jsonl`` (sentences written for this suite, no
corpus text): one JSON object a line with ``capability``, ``text``, an optional
``quote`` (words of the content that pick the quote, else the first quote),
``expect`` (any of ``name``, ``title``, ``organization``, ``kind``, ``resolution``,
``members``, ``medium``; ``null`` means none) and, for a known failure, ``xfail``
(the reason). ``tests/test_behaviour.py`` runs each case as a test (known failures
as strict xfails); this script prints the pass rate by capability for the docs.

Usage::

    python benchmarks/behaviour.py            # Markdown table on stdout
    python benchmarks/behaviour.py --failures # + each failing case and what differed
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

CASES = Path(__file__).resolve().parent.parent / "tests" / "behaviour" / "speakers.jsonl"


def load_cases(path: Path = CASES) -> list[dict[str, Any]]:
    """The behaviour cases, in file order."""
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def _field(speaker: Any, quote: Any, key: str) -> Any:
    if key == "medium":
        return quote.medium.text if quote.medium is not None else None
    value = getattr(speaker, key)
    if key == "members":
        return list(value)
    return getattr(value, "value", value)


def check(case: dict[str, Any], article: Any) -> list[str]:
    """What differs from the case's expectations (empty when the case passes)."""
    quotes = list(article.quotes)
    if case.get("quote"):
        quotes = [q for q in quotes if case["quote"] in q.content.text]
    if not quotes:
        return ["no quote found"]
    q = quotes[0]
    if q.speaker is None:
        return ["no speaker"]
    out = []
    for key, want in case["expect"].items():
        got = _field(q.speaker, q, key)
        if got != want:
            out.append(f"{key}: expected {want!r}, got {got!r}")
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--failures", action="store_true", help="list the failing cases")
    a = ap.parse_args(argv)
    import quotecraft

    extractor = quotecraft.load()
    cases = load_cases()
    total: Counter[str] = Counter()
    passed: Counter[str] = Counter()
    failures = []
    for n, case in enumerate(cases, 1):
        diff = check(case, extractor(case["text"]))
        total[case["capability"]] += 1
        passed[case["capability"]] += not diff
        if diff:
            failures.append((n, case, diff))
    print("| capability | cases | pass | rate |")
    print("|---|---:|---:|---:|")
    for cap in total:
        print(f"| {cap} | {total[cap]} | {passed[cap]} | {passed[cap] / total[cap]:.2f} |")
    n_all, p_all = sum(total.values()), sum(passed.values())
    print(f"| **all** | {n_all} | {p_all} | {p_all / n_all:.2f} |")
    if a.failures:
        for n, case, diff in failures:
            print(f"\n{n} [{case['capability']}] {case['text']!r}\n    " + "; ".join(diff))
    return 0


if __name__ == "__main__":
    sys.exit(main())
