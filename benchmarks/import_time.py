"""How long ``import quotecraft`` takes, and what importing textacy would add.

Runs ``python -X importtime -c "import quotecraft"`` in fresh processes and reads
the cumulative time of the ``quotecraft`` package from Python's own report; then
the same with ``import textacy.extract.triples`` after it (what a user of
:mod:`quotecraft.textacy` pays on the first call, when textacy is installed).
Checks that no ``textacy`` module is imported by ``import quotecraft``.

Usage::

    python benchmarks/import_time.py            # 7 runs each, medians in ms
    python benchmarks/import_time.py --runs 15

The figures go into ``docs/textacy.md`` with the command and the commit.
"""

from __future__ import annotations

import argparse
import re
import statistics
import subprocess
import sys

_LINE = re.compile(r"import time:\s+(\d+)\s+\|\s+(\d+)\s+\|\s+(\S+)")


def cumulative_ms(code: str) -> dict[str, float]:
    """Cumulative import time (ms) of every top-level module ``code`` imports, one process."""
    err = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", code], capture_output=True, text=True, check=True
    ).stderr
    out: dict[str, float] = {}
    for m in _LINE.finditer(err):
        name = m.group(3)
        if "." not in name:
            out[name] = out.get(name, 0.0) + int(m.group(2)) / 1000
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=7, help="fresh processes per figure (default 7)")
    args = ap.parse_args(argv)
    alone = [cumulative_ms("import quotecraft") for _ in range(args.runs)]
    textacy_in = sorted({m for run in alone for m in run if m == "textacy"})
    both = [
        cumulative_ms("import quotecraft; import textacy.extract.triples") for _ in range(args.runs)
    ]
    qc = statistics.median(r["quotecraft"] for r in alone)
    spacy_ms = statistics.median(r.get("spacy", 0.0) for r in alone)
    tx = statistics.median(r.get("textacy", 0.0) for r in both)
    print(f"runs: {args.runs} fresh processes each; medians")
    print(f"import quotecraft: {qc:.0f} ms cumulative (spaCy imported by it: {spacy_ms:.0f} ms)")
    print(f"textacy modules imported by 'import quotecraft': {textacy_in or 'none'}")
    print(f"import textacy.extract.triples afterwards: +{tx:.0f} ms")
    return 1 if textacy_in else 0


if __name__ == "__main__":
    sys.exit(main())
