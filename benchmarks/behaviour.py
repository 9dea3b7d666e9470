"""The behaviour suites: pass rate by capability.

Two suites of sentences written for them (no corpus text), one JSON object a line:

- **speakers** (``tests/behaviour/speakers.jsonl``): ``capability``, ``text``, an
  optional ``quote`` (words of the content that pick the quote, else the first quote),
  ``expect`` (any of ``name``, ``title``, ``organization``, ``kind``, ``resolution``,
  ``members``, ``medium``; ``null`` means none).
- **detection** (every ``tests/behaviour/detection/*.jsonl``): ``capability``, ``text``
  and ``expect``, the list of *every* quote the text gives (``[]``: none at all). Each
  expected quote has ``content`` (the words of the content, or of a split quote's pieces,
  with surrounding quotation marks, spaces and final punctuation trimmed as the reference
  scorer trims them) and any of ``kind``, ``cue`` (the cue's text), ``type`` (the cue's
  type), ``speaker`` (the speaker's name; ``null``: no speaker), ``medium`` (the
  medium's text) and ``negated`` (whether the cue is negated).

A known failure has ``xfail`` (the reason). ``tests/test_behaviour.py`` runs each case as
a test (known failures as strict xfails); this script prints the pass rate by capability
for the docs.

Usage::

    python benchmarks/behaviour.py                     # speakers, Markdown table on stdout
    python benchmarks/behaviour.py --suite detection   # the detection suite
    python benchmarks/behaviour.py --failures          # + each failing case and what differed
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

SUITE_DIR = Path(__file__).resolve().parent.parent / "tests" / "behaviour"
CASES = SUITE_DIR / "speakers.jsonl"
DETECTION = SUITE_DIR / "detection"
# what the reference scorer trims from both ends of a content before comparing
TRIM = " \t\r\n\"'“”‘’«»„‟‚‛‹›.,;:!?—–-"


def load_cases(path: Path = CASES) -> list[dict[str, Any]]:
    """The behaviour cases, in file order."""
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def load_detection_cases(folder: Path = DETECTION) -> list[dict[str, Any]]:
    """The detection cases of every ``*.jsonl`` in ``folder``, by file name then line,
    each with its file's stem as ``suite_file``."""
    cases = []
    for path in sorted(folder.glob("*.jsonl")):
        cases.extend({**c, "suite_file": path.stem} for c in load_cases(path))
    return cases


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


def _trim(text: str) -> str:
    return " ".join(text.strip(TRIM).split())


def _quote_fields(q: Any) -> dict[str, Any]:
    return {
        "kind": q.kind.value,
        "cue": q.cue.text if q.cue is not None else None,
        "type": q.cue.type.value if q.cue is not None and q.cue.type is not None else None,
        "medium": q.medium.text if q.medium is not None else None,
        "speaker": q.speaker.name if q.speaker is not None else None,
        "negated": q.cue.negated if q.cue is not None else None,
    }


def check_detection(case: dict[str, Any], article: Any) -> list[str]:
    """What differs between the quotes found and the case's full list (empty: passes).

    Each expected quote takes the first unused quote whose trimmed content (or, for a
    split quote, its quoted words) equals the expected content; every quote left over
    is an extra, every expected quote without one is missing.
    """
    found = list(article.quotes)
    used: set[int] = set()
    out = []
    for want in case["expect"]:
        text = _trim(want["content"])
        hit = next(
            (
                i
                for i, q in enumerate(found)
                if i not in used and text in (_trim(q.content.text), _trim(q.words))
            ),
            None,
        )
        if hit is None:
            out.append(f"missing quote {want['content']!r}")
            continue
        used.add(hit)
        got = _quote_fields(found[hit])
        for key, value in want.items():
            if key == "content":
                continue
            if key not in got:
                out.append(f"unknown field {key!r} (known: content, {', '.join(got)})")
            elif got[key] != value:
                out.append(f"{want['content'][:40]!r} {key}: expected {value!r}, got {got[key]!r}")
    for i, q in enumerate(found):
        if i not in used:
            out.append(f"extra quote {q.content.text!r} ({q.rule})")
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--failures", action="store_true", help="list the failing cases")
    ap.add_argument("--suite", choices=("speakers", "detection"), default="speakers")
    a = ap.parse_args(argv)
    import quotecraft

    extractor = quotecraft.load()
    detection = a.suite == "detection"
    cases = load_detection_cases() if detection else load_cases()
    total: Counter[str] = Counter()
    passed: Counter[str] = Counter()
    failures = []
    for n, case in enumerate(cases, 1):
        article = extractor(case["text"])
        diff = check_detection(case, article) if detection else check(case, article)
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
