"""The ``quotecraft train`` command (the library side is :mod:`quotecraft.train`)."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from ..errors import TrainingDataError
from ..scorer import ALL_FRAMES, DEFAULT_FRAMES
from ..train import frames_from_spec, train

_DEFAULTS: dict[str, Any] = {
    "min_cue_count": 5,
    "l2": 1e-4,
    "epochs": 300,
    "frames": ",".join(DEFAULT_FRAMES),
}


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("gold", help="gold JSON Lines file (documents with quotes and their cues)")
    p.add_argument("-o", "--output", required=True, help="where to write the weights (JSON)")
    p.add_argument("--model", help="spaCy pipeline to parse with (default: as quotecraft.load)")
    p.add_argument(
        "--min-cue-count",
        type=int,
        default=5,
        help="lemmas seen as cues this often keep a feature (default 5)",
    )
    p.add_argument("--l2", type=float, default=1e-4, help="L2 penalty (default 1e-4)")
    p.add_argument("--epochs", type=int, default=300, help="gradient steps (default 300)")
    p.add_argument(
        "--frames",
        default=",".join(DEFAULT_FRAMES),
        help=f"comma-separated frames to learn and admit, or 'all' (default: {','.join(DEFAULT_FRAMES)}; "
        f"all: {','.join(ALL_FRAMES)})",
    )
    p.add_argument("--corpus", help="corpus name for the file header (default: the file name)")
    p.add_argument("--citation", help="citation of the corpus for the file header")


def run(args: argparse.Namespace) -> int:
    import shlex

    words = ["quotecraft", "train", args.gold, "-o", args.output]
    for opt in ("model", "min_cue_count", "l2", "epochs", "frames", "corpus", "citation"):
        value = getattr(args, opt)
        if value is not None and value != _DEFAULTS.get(opt):
            words += ["--" + opt.replace("_", "-"), str(value)]
    meta: dict[str, Any] = {"command": shlex.join(words)}
    if args.corpus:
        meta["corpus"] = args.corpus
    if args.citation:
        meta["citation"] = args.citation
    if args.min_cue_count < 1 or args.epochs < 1 or args.l2 < 0:
        sys.stderr.write("quotecraft train: --min-cue-count and --epochs must be >= 1, --l2 >= 0\n")
        return 2
    try:
        scorer = train(
            args.gold,
            model=args.model,
            min_cue_count=args.min_cue_count,
            l2=args.l2,
            epochs=args.epochs,
            meta=meta,
            frames=frames_from_spec(args.frames),
        )
    except TrainingDataError as exc:
        sys.stderr.write(f"quotecraft train: {exc}\n")
        return 2
    try:
        scorer.save(args.output)
    except OSError as exc:
        sys.stderr.write(f"quotecraft train: cannot write {args.output!r}: {exc}\n")
        return 2
    n = scorer.meta.get("examples", 0)
    pos = scorer.meta.get("positives", 0)
    sys.stderr.write(
        f"quotecraft train: {len(scorer.weights)} weights from {n} candidate cues "
        f"({pos} gold) written to {args.output}\n"
    )
    return 0
