"""Where quotecraft's own time goes, beyond the spaCy parse.

Parses the texts once, then profiles (cProfile) only what quotecraft adds: the
segmentation of each raw text (HTML detection, normalization, paragraphs,
boilerplate) and :meth:`quotecraft.Extractor.analyze` on the parsed ``Doc``.
Prints the time per stage and the top functions by own time. Usage::

    python benchmarks/profile_quotecraft.py                 # 100 PolNeAR train texts
    python benchmarks/profile_quotecraft.py --docs 300 --top 30

Data: ``--data DIR`` or ``$QUOTECRAFT_DATA``, else ``../shared`` beside the repository.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import pstats
import sys
from collections.abc import Sequence
from itertools import cycle, islice
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
CORPUS = "corpora/polnear-train.jsonl"

STAGES: tuple[tuple[str, str, str], ...] = (
    # (label, file suffix, function name) as cProfile names them
    ("segmentation (HTML, normalization, paragraphs, boilerplate)", "segment.py", "segment"),
    ("quotation marks (marks.find_quoted)", "marks.py", "find_quoted"),
    ("token index", "candidates.py", "__init__"),
    ("direct speech (direct.detect)", "direct.py", "detect"),
    ("reported speech (ReportedMatcher, all)", "reported.py", "__call__"),
    ("  of which: pattern matching (depmatch)", "depmatch.py", "__call__"),
    ("  of which: content bounds, cues, attribution", "reported.py", "_candidate"),
    ("headline colon attributions", "reported_frames.py", "colon_attributions"),
    ("merging candidates", "merge.py", "merge_local"),
    ("speakers and records (assemble.build_quotes)", "assemble.py", "build_quotes"),
    ("  of which: speaker table (Resolver.__init__)", "speaker_table.py", "__init__"),
    ("  of which: mention resolution (Resolver.resolve)", "speakers.py", "resolve"),
    ("renumbering speakers", "assemble.py", "renumber_speakers"),
    ("all of Extractor.analyze", "extractor.py", "analyze"),
)


def data_dir(arg: str | None) -> Path | None:
    """The shared data folder, or None when it is absent."""
    path = Path(arg or os.environ.get("QUOTECRAFT_DATA") or REPO.parent / "shared")
    return path if path.is_dir() else None


def read_texts(root: Path, n: int) -> list[str]:
    """The first ``n`` PolNeAR train texts, cycling through the corpus when it is shorter."""
    with (root / CORPUS).open(encoding="utf-8") as f:
        texts = [json.loads(line)["text"] for line in f if line.strip()]
    return list(islice(cycle(texts), n))


def profile_own_work(extractor: Any, texts: Sequence[str], docs: Sequence[Any]) -> pstats.Stats:
    """cProfile of segmentation plus ``analyze`` over already parsed ``docs``.

    As :meth:`quotecraft.Extractor.pipe` does it: each raw text is segmented, and the
    Doc parsed from the normalized text is analyzed with that segmentation.
    """
    from quotecraft.segment import segment

    html = extractor.config.html
    prof = cProfile.Profile()
    prof.enable()
    for text, doc in zip(texts, docs, strict=True):
        seg = segment(text, html=html)
        extractor.analyze(doc, seg)
    prof.disable()
    return pstats.Stats(prof)


def stage_table(stats: pstats.Stats) -> list[tuple[str, float, int]]:
    """``(stage, cumulative seconds, calls)`` for the stages found in the profile."""
    raw: dict[Any, Any] = stats.stats  # type: ignore[attr-defined]
    out = []
    for label, suffix, func in STAGES:
        cum, calls = 0.0, 0
        for (path, _line, name), (_cc, nc, _tt, ct, _callers) in raw.items():
            if name == func and path.endswith(f"quotecraft/{suffix}"):
                cum += ct
                calls += nc
        if calls:
            out.append((label, cum, calls))
    return out


def top_functions(stats: pstats.Stats, n: int) -> list[tuple[str, float, float, int]]:
    """``(function, own seconds, cumulative seconds, calls)``, largest own time first."""
    raw: dict[Any, Any] = stats.stats  # type: ignore[attr-defined]
    rows = []
    for (path, line, name), (_cc, nc, tt, ct, _callers) in raw.items():
        where = path
        if "site-packages/" in path:
            where = path.split("site-packages/", 1)[1]
        elif "/quotecraft/" in path:
            where = "quotecraft/" + path.rsplit("/quotecraft/", 1)[1]
        label = f"{where}:{line}({name})" if line else name
        rows.append((label, tt, ct, nc))
    rows.sort(key=lambda r: -r[1])
    return rows[:n]


def module_shares(stats: pstats.Stats) -> list[tuple[str, float]]:
    """Own time summed per module (quotecraft modules, spaCy, other)."""
    raw: dict[Any, Any] = stats.stats  # type: ignore[attr-defined]
    by: dict[str, float] = {}
    for (path, _line, _name), (_cc, _nc, tt, _ct, _callers) in raw.items():
        if "/quotecraft/" in path and "site-packages" not in path:
            key = "quotecraft/" + path.rsplit("/quotecraft/", 1)[1]
        elif "spacy" in path:
            key = "spaCy (Doc/Token/Span access)"
        elif "numpy" in path:
            key = "numpy"
        else:
            key = "other (builtins, attrs, re, ...)"
        by[key] = by.get(key, 0.0) + tt
    return sorted(by.items(), key=lambda kv: -kv[1])


def report(stats: pstats.Stats, words: int, top: int) -> str:
    """The profile as Markdown: stages, modules, top functions."""
    total = sum(tt for (_cc, _nc, tt, _ct, _c) in stats.stats.values())  # type: ignore[attr-defined]
    buf = io.StringIO()
    w = buf.write
    calls = sum(nc for (_cc, nc, _tt, _ct, _c) in stats.stats.values())  # type: ignore[attr-defined]
    w(f"Profiled own work: {total:.2f} s for {words:,} words (under cProfile, which inflates\n")
    w("Python-heavy code; compare shares, not absolute times).\n")
    w(f"Python calls: {calls:,} (load-free: compare two commits by this count).\n\n")
    w("| stage | cumulative s | share | calls |\n|---|---:|---:|---:|\n")
    for label, cum, calls in stage_table(stats):
        w(f"| {label} | {cum:.3f} | {cum / total:.0%} | {calls:,} |\n")
    w("\n| module (own time) | s | share |\n|---|---:|---:|\n")
    for mod, tt in module_shares(stats):
        w(f"| {mod} | {tt:.3f} | {tt / total:.0%} |\n")
    w(f"\nTop {top} functions by own time:\n\n")
    w("| function | own s | cumulative s | calls |\n|---|---:|---:|---:|\n")
    for label, tt, ct, nc in top_functions(stats, top):
        w(f"| `{label}` | {tt:.3f} | {ct:.3f} | {nc:,} |\n")
    return buf.getvalue()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", help="shared data folder (default: $QUOTECRAFT_DATA or ../shared)")
    ap.add_argument("--docs", type=int, default=100, help="texts to profile (default: 100)")
    ap.add_argument("--top", type=int, default=25, help="functions to list (default: 25)")
    ap.add_argument("--model", help="spaCy pipeline (default: quotecraft's choice)")
    args = ap.parse_args(argv)
    root = data_dir(args.data)
    if root is None:
        print("profile: shared data not found (use --data or QUOTECRAFT_DATA); skipped")
        return 0
    import quotecraft
    from quotecraft.segment import segment

    ex = quotecraft.load(args.model)
    texts = read_texts(root, args.docs)
    docs = list(ex.nlp.pipe(segment(t, html=ex.config.html).parse_text for t in texts))
    words = sum(len(t.split()) for t in texts)
    profile_own_work(ex, texts[:5], docs[:5])  # warm-up: lazy tables, caches
    print(report(profile_own_work(ex, texts, docs), words, args.top))
    return 0


if __name__ == "__main__":
    sys.exit(main())
