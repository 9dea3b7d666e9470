"""Seeds: how many gold quotes get the right speaker name *and* title.

The reference scorer checks names only; the seed articles also give each speaker's
title (``speaker_title``). A quote counts when the predicted quote overlapping it most
has the gold name (or an alias) and the gold title, both folded as the scorer folds
names (case, accents, full stops).

Usage::

    python benchmarks/seed_titles.py    # needs ../shared (or --data DIR, $QUOTECRAFT_DATA)
"""

from __future__ import annotations

import argparse
import sys
import unicodedata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import corpus_path, data_dir, read_jsonl


def fold(text: str | None) -> str:
    """The scorer's folding: NFKD, no accents, no full stops, lowercase, single spaces."""
    text = unicodedata.normalize("NFKD", text or "").replace(".", " ")
    return " ".join("".join(c for c in text if not unicodedata.combining(c)).lower().split())


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", help="the shared data folder")
    a = ap.parse_args(argv)
    root = data_dir(a.data)
    if root is None:
        print("seed_titles: no shared data folder; nothing to measure")
        return 0
    import quotecraft

    extractor = quotecraft.load()
    right = total = 0
    for doc in read_jsonl(corpus_path(root, "seeds")):
        article = extractor(doc["text"], id=doc["id"])
        for g in doc["quotes"]:
            total += 1
            gs, ge = g["content"]["start"], g["content"]["end"]
            best = max(
                article.quotes,
                key=lambda q: min(ge, q.content.end) - max(gs, q.content.start),
                default=None,
            )
            sp = best.speaker if best is not None else None
            names = {fold(g["speaker_name"]), *(fold(x) for x in g.get("speaker_aliases") or ())}
            ok = sp is not None and fold(sp.name) in names
            ok = ok and fold(sp.title if sp else None) == fold(g.get("speaker_title"))
            right += ok
            if not ok:
                print(
                    f"miss {doc['id']}: {sp.name if sp else None!r} / {sp.title if sp else None!r}"
                )
    print(f"seeds with the right name and title: {right}/{total}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
