"""The ``quotecraft evaluate`` command (the library side is :mod:`quotecraft.evaluate`)."""

from __future__ import annotations

import argparse
import json
import sys

from ..evaluate import evaluate_files


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``quotecraft evaluate``."""
    parser.add_argument("gold", help="gold JSON Lines file")
    parser.add_argument("pred", help="predictions (quotecraft extract output)")
    parser.add_argument("--kinds", help="comma-separated kinds to score (default: all)")
    parser.add_argument("--json", action="store_true", help="print the full result as JSON")
    parser.add_argument(
        "--misses", type=int, default=40, metavar="N", help="misses to list (default 40)"
    )


def run(args: argparse.Namespace) -> int:
    """Run ``quotecraft evaluate``: misses, the per-kind table, then the summary line."""
    kinds = args.kinds.split(",") if args.kinds else None
    scores = evaluate_files(args.gold, args.pred, kinds=kinds)
    out = sys.stdout
    if args.json:
        json.dump(scores.as_dict(), out, ensure_ascii=False, indent=1)
        out.write("\n")
        return 0
    for m in scores.as_dict()["misses"][: max(0, args.misses)]:
        out.write("miss: " + json.dumps(m, ensure_ascii=False) + "\n")
    out.write(scores.kind_table() + "\n")
    out.write(scores.summary() + "\n")
    return 0
