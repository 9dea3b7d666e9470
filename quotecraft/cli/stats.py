"""The ``quotecraft stats`` command (the library side is :mod:`quotecraft.stats`)."""

from __future__ import annotations

import argparse
import json
import sys

from ..stats import read_jsonl, speaker_stats


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``quotecraft stats``."""
    parser.add_argument(
        "files",
        nargs="*",
        metavar="FILE",
        help="'quotecraft extract' JSON Lines output; '-' or none for stdin",
    )
    parser.add_argument(
        "-f",
        "--format",
        choices=("text", "json"),
        default="text",
        help="a plain-text table (default) or JSON",
    )
    parser.add_argument(
        "-n",
        "--top",
        type=int,
        default=25,
        metavar="N",
        help="speakers to list in the table, most quoted first (default: 25; 0: all)",
    )


def run(args: argparse.Namespace) -> int:
    """Run ``quotecraft stats``."""
    try:
        st = speaker_stats(read_jsonl(args.files or ["-"]))
    except (OSError, ValueError) as exc:
        sys.stderr.write(f"quotecraft stats: {exc}\n")
        return 1
    if args.format == "json":
        sys.stdout.write(json.dumps(st.as_dict(), ensure_ascii=False, indent=1) + "\n")
    else:
        sys.stdout.write(st.table(top=args.top if args.top > 0 else None))
    return 0
