"""Robustness benchmark (issues 8 and 17): attacks, many messy documents, huge inputs, linear time.

Four parts, all on text generated here (no third-party data):

0. the attacks of issue 17, one at a time, each with its figure: seconds, and what it gave
   (a result, a typed error with its code, or a command's exit status and stderr), and
   the peak resident memory of a fresh process extracting a 1, 2.5 and 5 MB article
   (``--memory-sizes``). Fails only when a command prints a traceback.

1. ``--docs N`` (default 10,000) messy documents from :func:`fuzz.robust.random_document`
   (every quote convention, unbalanced and stray marks, apostrophes, HTML, control and
   invisible characters, emoji, CRLF, foreign text, empty text), plus one non-text item in
   every hundred (bytes, None), go through :func:`quotecraft.extract_many`. Counted: results,
   typed error records, uncaught exceptions, and broken invariants (every span of every record
   checked by :func:`fuzz.robust.problems`). Must be zero uncaught, zero broken.
2. ``--big``: a 5 MB text, 100,000 short lines, a 1 MB single paragraph, 1 MB of quotation
   marks, 1 MB of HTML, one at a time through :func:`quotecraft.extract`.
3. ``--linear``: for several text shapes, the time for 10x the text must be at most 12x the
   time for the text (CPU time of this process, parse included).

Usage::

    python benchmarks/robustness.py                    # all four parts, 10,000 documents
    python benchmarks/robustness.py --no-docs --no-big --no-linear   # the attacks only
    python benchmarks/robustness.py --docs 500 --no-big --no-linear
    python benchmarks/robustness.py --no-docs --linear --size 20000

Exit status 1 when any uncaught exception, broken invariant or linear-time failure occurs.
Results are printed and written to ``benchmarks/results/robustness.json``.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))

from fuzz.robust import MARK_PAIRS, MARKS, problems, random_document  # noqa: E402

import quotecraft  # noqa: E402
from quotecraft import ErrorRecord  # noqa: E402

RESULTS = REPO / "benchmarks" / "results"

# -- generators -----------------------------------------------------------------------------

_NAMES = ("Ann Lee", "John Smith", "Maria Garcia", "Omar Haddad", "Sara Berg", "Tom Novak")
_TITLES = ("Mayor", "Senator", "Dr.", "spokesman", "Minister", "former President")
_TEMPLATES = (
    '"We will build bridge {i} by spring," said {title} {name}.',
    "{name} said that plan {i} was fair and that the vote would go ahead.",
    '"It is not over," {pron} told reporters on Monday. "We are only starting."',
    "According to {name}, the council spent {i} million on the project.",
    "{Pron} added that the budget was tight, citing figure {i}.",
    '{title} {name} said: "Item {i} is done, and we will not go back."',
    "The council met on day {i} and approved the plan without debate.",
    '"Enough," {name} wrote in a statement, calling plan {i} "a mistake."',
    "Officials warned that the cost of item {i} could rise, a source familiar with the matter said.",
)


def news_text(rng: random.Random, n_chars: int) -> str:
    """News-like paragraphs (quotes, reported speech, names, pronouns) of about ``n_chars``."""
    out: list[str] = []
    size, i = 0, 0
    while size < n_chars:
        sents = []
        for _ in range(rng.randint(1, 4)):
            name = rng.choice(_NAMES)
            pron = rng.choice(("he", "she", "they"))
            sents.append(
                rng.choice(_TEMPLATES).format(
                    i=i, name=name, title=rng.choice(_TITLES), pron=pron, Pron=pron.capitalize()
                )
            )
            i += 1
        para = " ".join(sents)
        out.append(para)
        size += len(para) + 2
    return "\n\n".join(out)


def one_paragraph(rng: random.Random, n_chars: int) -> str:
    """The same sentences with no line break at all."""
    return news_text(rng, n_chars).replace("\n\n", " ")


def short_lines(rng: random.Random, n_chars: int) -> str:
    """Short lines, one sentence each, no blank line."""
    lines, size, i = [], 0, 0
    while size < n_chars:
        line = rng.choice(
            (f'"Line {i}," he said.', f"Item {i} was sold.", f"{rng.choice(_NAMES)}: no {i}.")
        )
        lines.append(line)
        size += len(line) + 1
        i += 1
    return "\n".join(lines)


def marks_soup(rng: random.Random, n_chars: int) -> str:
    """Quotation marks of every convention with single letters and spaces, few words."""
    pieces = [*MARKS, " ", " ", "a", "s", "\n\n"]
    return "".join(rng.choice(pieces) for _ in range(n_chars))


def html_page(rng: random.Random, n_chars: int) -> str:
    """An HTML page: the news paragraphs in <p>, with scripts, styles and broken tags."""
    paras = news_text(rng, n_chars * 2 // 3).split("\n\n")
    parts = [
        "<!doctype html><html><head><style>p{}</style><script>var a='\"';</script></head><body>"
    ]
    for k, p in enumerate(paras):
        parts.append(f"<p class='c{k}'>{p}</p>" if k % 7 else f"<div><p>{p}<b>broken</div>")
        if k % 11 == 0:
            parts.append("<script>if (a < b) { x('</p>'); }</script><!-- “c” -->")
    parts.append("</body></html>")
    return "".join(parts)


def quote_dense(rng: random.Random, n_chars: int) -> str:
    """Quote after quote in every convention, with named speakers, in few paragraphs."""
    out, size, i = [], 0, 0
    while size < n_chars:
        o, c = rng.choice(MARK_PAIRS)
        s = f"{o}Point {i} stands,{c} said {rng.choice(_NAMES)}."
        if i % 25 == 24:
            s += "\n\n"
        out.append(s)
        size += len(s) + 1
        i += 1
    return " ".join(out)


def one_pronoun(rng: random.Random, n_chars: int) -> str:
    """Sentence after sentence whose main subject is the same pronoun, half of them
    attributions (``He paused. "Point 3 stands," he said.``): a pronoun's antecedent
    search follows such runs back, which must stay linear (no recursion per sentence)."""
    out, size, i = [], 0, 0
    while size < n_chars:
        s = f'He {rng.choice(("paused", "waited", "smiled"))}. "Point {i} stands," he said.'
        out.append(s)
        size += len(s) + 1
        i += 1
    return " ".join(out)


SHAPES: dict[str, Callable[[random.Random, int], str]] = {
    "news": news_text,
    "one_paragraph": one_paragraph,
    "short_lines": short_lines,
    "quote_dense": quote_dense,
    "marks_soup": marks_soup,
    "one_pronoun": one_pronoun,
}

# -- part 0: the attacks of issue 17 ------------------------------------------------------------


def _timed(fn: Callable[[], Any]) -> tuple[float, str]:
    """Seconds ``fn`` took, and what it gave: its value, or the error's type and code."""
    start = time.perf_counter()
    try:
        value = fn()
        outcome = f"ok: {value}" if value is not None else "ok"
    except Exception as exc:  # the figure is which error, typed or not
        outcome = f"{type(exc).__name__}: {str(exc)[:90]}"
    return time.perf_counter() - start, outcome


def _cli(args: list[str], stdin: str = "") -> tuple[float, str]:
    """Run ``python -m quotecraft ARGS``: seconds, exit status and the first stderr line."""
    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "quotecraft", *args],
        input=stdin,
        capture_output=True,
        text=True,
        check=False,
    )
    err = proc.stderr.strip().splitlines()
    traceback = any(line.startswith("Traceback") for line in err)
    last = err[-1][:100] if err else ""
    lines = proc.stdout.strip().splitlines()
    out = f" stdout {lines[-1][:100]!r}" if lines and len(lines) <= 2 else ""
    return time.perf_counter() - start, (
        f"exit {proc.returncode}, {len(err)} stderr lines{' WITH TRACEBACK' if traceback else ''}: "
        f"{last!r}{out}"
    )


def _peak_memory(n_chars: int, seed: int) -> tuple[float, str]:
    """Extract a generated news article of ``n_chars`` in a fresh process: its peak RSS.

    The peak is the child's own high-water mark (``VmHWM`` in ``/proc/self/status``):
    ``ru_maxrss`` would report this process's size, which a forked child inherits.
    """
    code = (
        "import random, sys\n"
        f"sys.path[:0] = [{str(REPO / 'benchmarks')!r}, {str(REPO / 'tests')!r}]\n"
        "def hwm():\n"
        "    for line in open('/proc/self/status'):\n"
        "        if line.startswith('VmHWM:'):\n"
        "            return int(line.split()[1]) // 1024\n"
        "from robustness import news_text\n"
        "import quotecraft\n"
        f"text = news_text(random.Random({seed}), {n_chars})\n"
        "ex = quotecraft.load()\n"
        "ex('\"Warm-up,\" she said.')\n"
        "base = hwm()\n"
        "art = ex(text)\n"
        "print(len(text), len(art.quotes), base, hwm())\n"
    )
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - start
    if proc.returncode:
        return seconds, f"exit {proc.returncode}: {proc.stderr.strip()[-200:]}"
    _chars, quotes, base, peak = proc.stdout.split()
    return seconds, f"peak {peak} MB resident (model loaded: {base} MB), {quotes} quotes"


def _alias_bomb(levels: int = 9) -> str:
    names = "abcdefghijklmnopqrstuvwxyz"
    lines = ["a: &a [" + ",".join(["x"] * 10) + "]"]
    for k in range(1, levels):
        lines.append(f"{names[k]}: &{names[k]} [" + ",".join([f"*{names[k - 1]}"] * 10) + "]")
    return "\n".join(lines) + "\n"


def _pattern_rules(attrs: dict[str, Any]) -> str:
    """A rule file whose one pattern's content node has the attributes ``attrs``."""
    return json.dumps(
        {
            "patterns": [
                {
                    "name": "evil.v1",
                    "pattern": [
                        {"RIGHT_ID": "cue", "RIGHT_ATTRS": {"LEMMA": "say"}},
                        {
                            "LEFT_ID": "cue",
                            "REL_OP": ">",
                            "RIGHT_ID": "content",
                            "RIGHT_ATTRS": attrs,
                        },
                    ],
                }
            ]
        }
    )


def _verbs_file(n: int) -> str:
    verbs = [
        {"lemma": f"verb{k}", "class": "speech", "frames": ["ccomp"], "confidence": 0.5}
        for k in range(n)
    ]
    return json.dumps({"verbs": verbs}, indent=1)


def run_attacks(seed: int, memory_sizes: list[int], only: str = "") -> list[dict[str, Any]]:
    """Each attack of issue 17 once: what it gives, in how many seconds (memory for 13)."""
    from quotecraft.rulefiles import load_rule_file, rules_from_source

    tmp = Path(tempfile.mkdtemp(prefix="quotecraft-attacks-"))
    ok = tmp / "ok.txt"
    ok.write_text('"The pier opens in May," said Mayor Ann Lee.\n', encoding="utf-8")
    files: dict[str, str | bytes] = {
        "bomb.yaml": _alias_bomb(),
        "utf16.json": b"\xff\xfe{\x00}\x00",
        "brackets.json": "[" * 200_000 + "]" * 200_000,
        "deep.yaml": "verbs: " + "[" * 5000 + "]" * 5000 + "\n",
        "ext.json": _pattern_rules({"_": {"os_system": True}}),
        "regex.json": _pattern_rules({"TEXT": {"REGEX": "^(a+)+$"}}),
        "render.jsonl": '{"id": "q", "text": "abc", "quotes": [{}]}\n',
        "stats.jsonl": '{"id": "a", "quotes": [1]}\n',
        "mixed.jsonl": '{"id": "m", "text": "x"}\n\n{"id": "n", "text": null}\n',
    }
    for name, content in files.items():
        path = tmp / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    ex = quotecraft.load()
    ex('"Warm-up," she said.')
    long_line = " ".join(news_text(random.Random(seed), 60_000).replace("\n\n", " ").split(" "))
    texts = {
        '"' * 100000: "3. 100,000 quotation marks",
        ('“”«»„"' * 20000)[:100000]: "3. 100,000 marks of six conventions",
        "x" + "'s" * 50_000: "3. x's's's... 100,000 characters (tokens: half the characters)",
        '"a," she said ' * 7143: '3. "a," she said ×7,143 (100,000 characters, no full stop)',
        news_text(random.Random(seed), 100_000): "3. (reference) 100,000 characters of news",
    }
    verb_files = {n: _verbs_file(n) for n in (15_000, 30_000, 60_000)}
    attacks: list[tuple[str, Callable[[], tuple[float, str]]]] = [
        (
            "1. extract_many(batch_size=0)",
            lambda: _timed(lambda: list(quotecraft.extract_many(["x"], batch_size=0))),
        ),
        (
            "1. extract_many(n_process=-2)",
            lambda: _timed(lambda: list(quotecraft.extract_many(["x"], n_process=-2))),
        ),
        (
            "1. quotecraft extract --batch-size 0",
            lambda: _cli(["extract", "--batch-size", "0", str(ok)]),
        ),
        (
            "2. YAML alias bomb (9 levels of 10 aliases)",
            lambda: _timed(lambda: load_rule_file(tmp / "bomb.yaml")),
        ),
        *[
            (label, lambda t=text: _timed(lambda: f"{len(ex(t).quotes)} quotes"))
            for text, label in texts.items()
        ],
        (
            "4. REGEX ^(a+)+$ in a rule file",
            lambda: _timed(lambda: load_rule_file(tmp / "regex.json")),
        ),
        (
            "5. rule file starting with bytes FF FE",
            lambda: _timed(lambda: load_rule_file(tmp / "utf16.json")),
        ),
        (
            "5. 200,000 nested JSON brackets",
            lambda: _timed(lambda: load_rule_file(tmp / "brackets.json")),
        ),
        ("5. YAML nested 5,000 deep", lambda: _timed(lambda: load_rule_file(tmp / "deep.yaml"))),
        (
            '5. {"_": {"os_system": true}} in a pattern',
            lambda: _timed(lambda: load_rule_file(tmp / "ext.json")),
        ),
        (
            "6. extract -o /nonexistent/d/x.jsonl",
            lambda: _cli(["extract", str(ok), "-o", "/nonexistent/d/x.jsonl"]),
        ),
        ("6. extract -o <a directory>", lambda: _cli(["extract", str(ok), "-o", str(tmp)])),
        (
            "6. render -o /nonexistent/x.html",
            lambda: _cli(["render", str(ok), "-o", "/nonexistent/x.html"]),
        ),
        ('7. render {"quotes": [{}]}', lambda: _cli(["render", str(tmp / "render.jsonl")])),
        ('7. stats {"quotes": [1]}', lambda: _cli(["stats", str(tmp / "stats.jsonl")])),
        (
            '8. {"id": "n", "text": null} in a .jsonl',
            lambda: _cli(["extract", str(tmp / "mixed.jsonl")]),
        ),
        (
            "9. extract --jobs 24 on 4 documents",
            lambda: _cli(["extract", "-q", "--jobs", "24", *[str(ok)] * 4]),
        ),
        ("9. extract --jobs -3", lambda: _cli(["extract", "--jobs", "-3", str(ok)])),
        (
            "10. extract --min-confidence nan",
            lambda: _cli(["extract", "--min-confidence", "nan", str(ok)]),
        ),
        (
            "10. Config(min_confidence=2)",
            lambda: _timed(lambda: quotecraft.Config(min_confidence=2)),
        ),
        *[
            (
                f"11. JSON rule file of {n:,} verbs",
                lambda source=source: _timed(lambda: len(rules_from_source(source).verbs)),
            )
            for n, source in verb_files.items()
        ],
        (
            "12. W004 for one 60,000-character line",
            lambda: _timed(lambda: next(w for w in ex(long_line).warnings if w.startswith("W004"))),
        ),
        *[
            (f"13. peak memory, {n / 1e6:g} MB article", lambda n=n: _peak_memory(n, seed))
            for n in memory_sizes
        ],
    ]
    out = []
    for name, attack in attacks:
        if not name.startswith(only):
            continue
        seconds, outcome = attack()
        row = {"attack": name, "seconds": round(seconds, 2), "outcome": outcome}
        out.append(row)
        print(f"  {name}: {seconds:.2f} s, {outcome}", file=sys.stderr)
    return out


# -- part 1: many documents ---------------------------------------------------------------------


def items(n: int, seed: int) -> Iterator[Any]:
    rng = random.Random(seed)
    for k in range(n):
        if k % 100 == 99:
            yield rng.choice([b"raw \xe2\x80\x9cbytes\xe2\x80\x9d", None, 42])
        else:
            yield {"id": f"doc{k}", "text": random_document(rng)}


def run_docs(n: int, seed: int, n_process: int, batch_size: int, chunk: int) -> dict[str, Any]:
    counts: Counter[str] = Counter()
    broken: list[str] = []
    uncaught: list[str] = []
    quotes = chars = 0
    start = time.perf_counter()
    all_items = items(n, seed)
    done = 0
    while done < n:
        block = [next(all_items) for _ in range(min(chunk, n - done))]
        try:
            results = list(
                quotecraft.extract_many(block, n_process=n_process, batch_size=batch_size)
            )
        except Exception as exc:  # counted, never expected
            uncaught.append(f"docs {done}-{done + len(block)}: {type(exc).__name__}: {exc}")
            done += len(block)
            continue
        if len(results) != len(block):
            broken.append(f"docs {done}-{done + len(block)}: {len(results)} results")
        for item, res in zip(block, results, strict=False):
            text = item.get("text") if isinstance(item, dict) else item
            if isinstance(res, ErrorRecord):
                counts[f"ErrorRecord {res.type}"] += 1
                if isinstance(text, str):
                    broken.append(f"{res.id}: a str gave {res.type}: {res.message}")
                continue
            counts["Article"] += 1
            quotes += len(res.quotes)
            chars += len(res.text)
            for p in problems(res, text):
                broken.append(f"{res.id}: {p}")
        done += len(block)
        print(f"  {done}/{n} documents, {time.perf_counter() - start:.0f} s", file=sys.stderr)
    elapsed = time.perf_counter() - start
    return {
        "documents": n,
        "seed": seed,
        "n_process": n_process,
        "results": dict(counts),
        "quotes": quotes,
        "characters": chars,
        "uncaught_exceptions": len(uncaught),
        "broken_invariants": len(broken),
        "examples": (uncaught + broken)[:20],
        "seconds": round(elapsed, 1),
        "documents_per_second": round(n / elapsed, 1),
    }


# -- part 2: huge inputs ------------------------------------------------------------------------


def big_inputs(seed: int) -> dict[str, str]:
    rng = random.Random(seed)
    return {
        "5 MB news text": news_text(rng, 5_000_000),
        "100,000 short lines": "\n".join(short_lines(rng, 2_500_000).split("\n")[:100_000]),
        "1 MB single paragraph": one_paragraph(rng, 1_000_000),
        "1 MB of quotation marks": "".join(rng.choice(MARKS) for _ in range(1_000_000)),
        "1 MB of HTML": html_page(rng, 1_000_000),
    }


def run_big(seed: int) -> list[dict[str, Any]]:
    out = []
    for name, text in big_inputs(seed).items():
        start, cpu = time.perf_counter(), time.process_time()
        try:
            art = quotecraft.extract(text)
        except Exception as exc:
            out.append({"input": name, "chars": len(text), "error": f"{type(exc).__name__}: {exc}"})
            print(f"  {name}: {type(exc).__name__}", file=sys.stderr)
            continue
        wall, cpu = time.perf_counter() - start, time.process_time() - cpu
        found = problems(art, text)
        row = {
            "input": name,
            "chars": len(text),
            "paragraphs": len(art.paragraphs),
            "quotes": len(art.quotes),
            "warnings": len(art.warnings),
            "broken_invariants": len(found),
            "seconds": round(wall, 1),
            "cpu_seconds": round(cpu, 1),
        }
        out.append(row)
        print(f"  {name}: {row}", file=sys.stderr)
    return out


# -- part 3: linear time ------------------------------------------------------------------------


def _cpu(fn: Callable[[], Any], reps: int) -> float:
    """The least CPU time of ``reps`` runs (the least disturbed by other work)."""
    times = []
    for _ in range(reps):
        start = time.process_time()
        fn()
        times.append(time.process_time() - start)
    return min(times)


def run_linear(size: int, factor: int, seed: int, reps: int, limit: float) -> list[dict[str, Any]]:
    ex = quotecraft.load()
    ex('"Warm-up," she said.')
    out = []
    for name, make in SHAPES.items():
        big = make(random.Random(seed), size * factor)
        small = make(random.Random(seed), size)
        t_small = _cpu(lambda s=small: ex(s), reps)
        t_big = _cpu(lambda b=big: ex(b), reps)
        # the stages after the parse, alone (where quadratic pairing would hide)
        seg_s, seg_b = ex.segment(small), ex.segment(big)
        doc_s, doc_b = next(ex.parse_stream(iter([seg_s]))), next(ex.parse_stream(iter([seg_b])))
        a_small = _cpu(lambda d=doc_s, s=seg_s: ex.analyze(d, s), reps)
        a_big = _cpu(lambda d=doc_b, s=seg_b: ex.analyze(d, s), reps)
        size_ratio = len(big) / len(small)
        # the time ratio for exactly ``factor`` times the text (the sizes differ slightly)
        ratio = t_big / t_small * factor / size_ratio
        row = {
            "shape": name,
            "chars": [len(small), len(big)],
            "cpu_seconds": [round(t_small, 2), round(t_big, 2)],
            "time_ratio": round(ratio, 2),
            "after_parse_seconds": [round(a_small, 3), round(a_big, 3)],
            "after_parse_ratio": round(a_big / max(a_small, 1e-9) * factor / size_ratio, 2),
            "ok": ratio <= limit,
        }
        out.append(row)
        print(f"  {name}: {row}", file=sys.stderr)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--no-attacks", action="store_true", help="skip part 0 (issue 17's attacks)")
    ap.add_argument(
        "--memory-sizes",
        default="1000000,2500000,5000000",
        help="article sizes (characters) whose peak memory part 0 measures; '' for none",
    )
    ap.add_argument(
        "--only", default="", help="part 0: only the attacks whose name starts with this"
    )
    ap.add_argument("--docs", type=int, default=10_000, help="generated documents (part 1)")
    ap.add_argument("--no-docs", action="store_true", help="skip part 1")
    ap.add_argument("--no-big", action="store_true", help="skip part 2")
    ap.add_argument("--no-linear", action="store_true", help="skip part 3")
    ap.add_argument("--seed", type=int, default=8)
    ap.add_argument("--n-process", type=int, default=1)
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--chunk", type=int, default=500, help="documents per extract_many call")
    ap.add_argument("--size", type=int, default=20_000, help="smaller text of the linear check")
    ap.add_argument("--factor", type=int, default=10)
    ap.add_argument("--limit", type=float, default=12.0, help="max time ratio for 10x the text")
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("--out", type=Path, default=RESULTS / "robustness.json")
    args = ap.parse_args(argv)

    report: dict[str, Any] = {"quotecraft": quotecraft.__version__, "commit": _commit()}
    failed = False
    if not args.no_attacks:
        print("part 0: the attacks of issue 17", file=sys.stderr)
        sizes = [int(x) for x in args.memory_sizes.split(",") if x.strip()]
        report["attacks"] = run_attacks(args.seed, sizes, only=args.only)
        failed |= any("TRACEBACK" in r["outcome"] for r in report["attacks"])
    if not args.no_docs:
        print(f"part 1: {args.docs} generated documents through extract_many", file=sys.stderr)
        docs = run_docs(args.docs, args.seed, args.n_process, args.batch_size, args.chunk)
        report["documents"] = docs
        failed |= bool(docs["uncaught_exceptions"] or docs["broken_invariants"])
    if not args.no_big:
        print("part 2: huge inputs", file=sys.stderr)
        big = run_big(args.seed)
        report["big_inputs"] = big
        failed |= any("error" in r or r["broken_invariants"] for r in big)
    if not args.no_linear:
        print(f"part 3: {args.factor}x the text within {args.limit}x the time", file=sys.stderr)
        lin = run_linear(args.size, args.factor, args.seed, args.reps, args.limit)
        report["linear"] = lin
        failed |= not all(r["ok"] for r in lin)
    report["ok"] = not failed
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(summary(report))
    return 1 if failed else 0


def _commit() -> str:
    """The commit measured (with ``+`` when the worktree has changes)."""
    try:
        rev = subprocess.run(
            ["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "-C", str(REPO), "status", "--porcelain", "--untracked-files=no"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return rev + ("+" if dirty else "")


def summary(report: dict[str, Any]) -> str:
    """The report as a few Markdown tables (what ``docs/robustness.md`` quotes)."""
    lines: list[str] = [f"commit {report.get('commit', 'unknown')}", ""]
    if report.get("attacks"):
        lines += ["| attack | seconds | outcome |", "|---|---:|---|"]
        for r in report["attacks"]:
            outcome = r["outcome"].replace("|", "\\|")
            lines.append(f"| {r['attack']} | {r['seconds']} | {outcome} |")
        lines.append("")
    d = report.get("documents")
    if d:
        res = ", ".join(f"{v} {k}" for k, v in sorted(d["results"].items()))
        lines += [
            f"documents: {d['documents']} (seed {d['seed']}, n_process {d['n_process']}): {res}",
            f"quotes: {d['quotes']}, characters: {d['characters']}",
            f"uncaught exceptions: {d['uncaught_exceptions']}, "
            f"broken invariants: {d['broken_invariants']}",
            f"time: {d['seconds']} s ({d['documents_per_second']} documents/s)",
            *d["examples"],
            "",
        ]
    if report.get("big_inputs"):
        lines += [
            "| input | characters | quotes | broken | seconds (cpu) |",
            "|---|---|---|---|---|",
        ]
        for r in report["big_inputs"]:
            if "error" in r:
                lines.append(f"| {r['input']} | {r['chars']} | ERROR {r['error']} | | |")
            else:
                lines.append(
                    f"| {r['input']} | {r['chars']:,} | {r['quotes']:,} | {r['broken_invariants']}"
                    f" | {r['seconds']} ({r['cpu_seconds']}) |"
                )
        lines.append("")
    if report.get("linear"):
        lines += [
            "| shape | characters | cpu seconds | 10x time ratio | after-parse ratio | ok |",
            "|---|---|---|---|---|---|",
        ]
        for r in report["linear"]:
            lines.append(
                f"| {r['shape']} | {r['chars'][0]:,} / {r['chars'][1]:,} | {r['cpu_seconds'][0]}"
                f" / {r['cpu_seconds'][1]} | {r['time_ratio']} | {r['after_parse_ratio']} |"
                f" {'yes' if r['ok'] else 'NO'} |"
            )
        lines.append("")
    lines.append("OK" if report["ok"] else "FAILED")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
