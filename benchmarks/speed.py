"""Speed of quotecraft and its peers on real news, measured side by side in one run.

Corpus: PolNeAR train texts (``corpora/polnear-train.jsonl`` in the shared data
folder), the first ``--docs`` of them (cycled when more are asked for). Every system
uses the same spaCy pipeline object, so the parse is the same work for all:

- ``bare nlp.pipe``: the parse alone, the cost floor;
- ``textacy direct_quotations``: ``nlp.pipe`` plus ``textacy.extract.triples.direct_quotations``;
- ``quotecraft``: :meth:`quotecraft.Extractor.pipe` in one process (segmentation,
  parse, extraction, records);
- ``quotecraft n_process=2``: the same with two parser processes;
- ``bare nlp.pipe n_process=2``: the parse alone with two processes, for reference.

Each system first runs on a few documents to warm up. A repetition then runs every
system over all the texts, interleaved: the texts are cut in chunks of ``--chunk``
documents and each chunk goes through every system in turn (the order rotates), so a
change in machine load hits all systems alike. The tables give the median of
``--reps`` repetitions, as documents and words (whitespace-separated) per second,
and as ratios to bare ``nlp.pipe``: by wall-clock time (what the targets are about)
and by CPU time of the process (steadier on a shared machine). Then:

- ``parsed``: extraction from already parsed ``Doc`` objects
  (:meth:`~quotecraft.Extractor.analyze`), in words per second, with the segmentation
  alone beside it;
- ``stream``: memory over a long stream (``--stream`` documents by cycling the corpus
  through ``Extractor.pipe``): resident set size at the start, along the way and at the
  end; ``--stream-parsed`` does the same for ``analyze`` over parsed Docs (quotecraft's
  own memory, without the parser's);
- ``profile``: where quotecraft's own time goes beyond the parse (``profile_quotecraft.py``).

Usage::

    python benchmarks/speed.py                                # everything (long: the stream)
    python benchmarks/speed.py --parts throughput,parsed,profile --docs 200 --reps 3
    python benchmarks/speed.py --parts stream --stream 20000 --stream-parsed 20000
    python benchmarks/speed.py --json speed.json              # also write the figures

Data: ``--data DIR`` or ``$QUOTECRAFT_DATA``, else ``../shared`` beside the repository.
Exits 0 with a message when the data is absent.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import multiprocessing
import os
import platform
import statistics
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from html import escape
from itertools import cycle, islice
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from profile_quotecraft import data_dir, profile_own_work, read_texts, report

Runner = Callable[[Sequence[str]], None]

PARTS = ("throughput", "parsed", "stream", "profile")
BARE = "bare nlp.pipe"
SINGLE = "quotecraft"
MULTI = "quotecraft n_process=2"
BARE_MULTI = "bare nlp.pipe n_process=2"
TARGETS = {
    "single_vs_bare": 0.90,
    "n2_vs_single": 1.6,
    "analyze_words_per_s": 100_000,
    "rss_growth_mb": 50,
}


# -- measuring ---------------------------------------------------------------------------------


def rss_mb(pid: int | str = "self") -> float:
    """Current resident set size of a process in MB (Linux ``/proc``; else the peak)."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1024 if sys.platform != "darwin" else peak / 1024 / 1024


def children_rss_mb() -> float:
    """Summed RSS of this process's live child processes (the parser workers)."""
    return sum(rss_mb(p.pid) for p in multiprocessing.active_children() if p.pid is not None)


def cpu_times() -> tuple[float, float]:
    """CPU seconds of this process and of its finished (joined) children."""
    t = os.times()
    return t.user + t.system, t.children_user + t.children_system


def words_of(texts: Iterable[str]) -> int:
    return sum(len(t.split()) for t in texts)


def systems(ex: Any, batch_size: int, with_textacy: bool, with_multi: bool) -> dict[str, Runner]:
    """The runners, each taking the texts and consuming every result.

    The bare and textacy runs use the same pipeline object with quotecraft's own
    components (``quotecraft_paragraphs``) switched off: the spaCy model alone.
    """
    nlp = ex.nlp
    own = [name for name in nlp.pipe_names if name.startswith("quotecraft")]

    def model_only() -> contextlib.AbstractContextManager[Any]:
        return nlp.select_pipes(disable=own) if own else contextlib.nullcontext()

    def bare(texts: Sequence[str]) -> None:
        with model_only():
            for _ in nlp.pipe(texts, batch_size=batch_size):
                pass

    def bare2(texts: Sequence[str]) -> None:
        with model_only():
            for _ in nlp.pipe(texts, batch_size=batch_size, n_process=2):
                pass

    def textacy(texts: Sequence[str]) -> None:
        from textacy.extract.triples import direct_quotations

        with model_only():
            for doc in nlp.pipe(texts, batch_size=batch_size):
                with contextlib.suppress(Exception):  # textacy raises on some documents
                    list(direct_quotations(doc))

    def quotecraft(texts: Sequence[str]) -> None:
        for _ in ex.pipe(texts, batch_size=batch_size):
            pass

    def quotecraft2(texts: Sequence[str]) -> None:
        for _ in ex.pipe(texts, batch_size=batch_size, n_process=2):
            pass

    out: dict[str, Runner] = {BARE: bare}
    if with_textacy:
        out["textacy direct_quotations"] = textacy
    out[SINGLE] = quotecraft
    if with_multi:
        out[MULTI] = quotecraft2
        out[BARE_MULTI] = bare2
    return out


def _spin(n: int) -> int:
    total = 0
    for i in range(n):
        total += i
    return total


def parallel_capacity(n: int = 15_000_000) -> float:
    """How much faster two CPU-bound processes finish side by side than one after the other.

    2.0 on two idle cores; less when other work or the host holds the CPUs.
    """
    t0 = time.perf_counter()
    _spin(n)
    _spin(n)
    serial = time.perf_counter() - t0
    procs = [multiprocessing.Process(target=_spin, args=(n,)) for _ in range(2)]
    t0 = time.perf_counter()
    for p in procs:
        p.start()
    for p in procs:
        p.join()
    return serial / (time.perf_counter() - t0)


def time_systems(
    runners: dict[str, Runner], texts: Sequence[str], reps: int, warmup: int, chunk: int
) -> dict[str, dict[str, list[float]]]:
    """Wall, own CPU and children's CPU seconds per repetition and system.

    Every chunk of texts goes through every system before the next chunk, in an
    order that rotates from chunk to chunk and from repetition to repetition.
    ``chunks`` keeps each chunk's wall time, for ratios paired chunk by chunk.
    """
    for run in runners.values():
        run(texts[:warmup])
    names = list(runners)
    chunks = [texts[i : i + chunk] for i in range(0, len(texts), chunk)]
    out: dict[str, dict[str, list[float]]] = {
        n: {"wall": [], "cpu": [], "cpu_children": [], "chunks": []} for n in names
    }
    step = 0
    for rep in range(reps):
        acc = {n: [0.0, 0.0, 0.0] for n in names}
        for part in chunks:
            k = step % len(names)
            step += 1
            for name in names[k:] + names[:k]:
                (c0, k0), t0 = cpu_times(), time.perf_counter()
                runners[name](part)
                wall = time.perf_counter() - t0
                c1, k1 = cpu_times()
                acc[name][0] += wall
                out[name]["chunks"].append(wall)
                acc[name][1] += c1 - c0
                acc[name][2] += k1 - k0
        for name in names:
            out[name]["wall"].append(acc[name][0])
            out[name]["cpu"].append(acc[name][1])
            out[name]["cpu_children"].append(acc[name][2])
        print(
            f"  rep {rep + 1}: " + ", ".join(f"{n} {acc[n][0]:.1f} s" for n in names),
            file=sys.stderr,
        )
    return out


def as_html(text: str) -> str:
    """The text as a small HTML page: a title, one ``<p>`` per paragraph, a script, a footer."""
    paras = [p.strip() for p in text.split("\n\n") if p.strip()]
    body = "".join(f"<p>{escape(p)}</p>\n" for p in paras[1:])
    title = escape(paras[0]) if paras else ""
    return (
        f"<!DOCTYPE html><html><head><title>{title}</title><script>var x = 1;</script></head>"
        f"<body><article><h1>{title}</h1>\n{body}</article><footer>© News</footer></body></html>"
    )


def time_analyze(ex: Any, texts: Sequence[str], docs: Sequence[Any], reps: int) -> dict[str, Any]:
    """Wall and CPU seconds (medians) for segmentation alone and ``analyze`` on parsed Docs."""
    from quotecraft.model import paragraph_sentences
    from quotecraft.segment import segment

    html = ex.config.html
    segs = [segment(t, html=html) for t in texts]
    for d, s in zip(docs[:10], segs[:10], strict=True):
        ex.analyze(d, s)

    def timed(run: Callable[[], object]) -> tuple[float, float]:
        c0, t0 = time.process_time(), time.perf_counter()
        run()
        return time.perf_counter() - t0, time.process_time() - c0

    pages = [as_html(t) for t in texts]
    made = [ex.nlp.make_doc(s.parse_text) for s in segs]
    jobs: dict[str, Callable[[], object]] = {
        "paragraph_component": lambda: [paragraph_sentences(d) for d in made],
        "segment": lambda: [segment(t, html=html) for t in texts],
        "segment_html": lambda: [segment(p) for p in pages],
        "analyze_with_seg": lambda: [ex.analyze(d, s) for d, s in zip(docs, segs, strict=True)],
        # segments doc.text itself: all of quotecraft's work on a parsed Doc
        "analyze_doc": lambda: [ex.analyze(d) for d in docs],
    }
    got: dict[str, list[tuple[float, float]]] = {k: [] for k in jobs}
    for _ in range(reps):
        for name, run in jobs.items():
            got[name].append(timed(run))
    return {
        k: {
            "wall": statistics.median(w for w, _ in v),
            "cpu": statistics.median(c for _, c in v),
        }
        for k, v in got.items()
    }


def sample_rss(
    results: Iterator[Any], n: int, marks: set[int], children: bool
) -> list[dict[str, float]]:
    """Consume ``n`` results, sampling RSS after the marked counts."""
    samples = [{"docs": 0, "rss_mb": rss_mb(), "children_mb": 0.0, "seconds": 0.0}]
    t0 = time.perf_counter()
    for k, _ in enumerate(results, 1):
        if k in marks:
            samples.append(
                {
                    "docs": k,
                    "rss_mb": rss_mb(),
                    "children_mb": children_rss_mb() if children else 0.0,
                    "seconds": time.perf_counter() - t0,
                }
            )
            print(f"  {k:,} docs, RSS {samples[-1]['rss_mb']:.0f} MB", file=sys.stderr)
        if k >= n:
            break
    return samples


WARM = 100
"""Documents after which a stream counts as started: the pipeline's batch buffers and
lazily built tables exist by then, so later growth is what the stream accumulates."""


def stream_marks(n: int, corpus: int) -> set[int]:
    return {1, min(WARM, n), min(corpus, n), n} | {n * k // 10 for k in range(1, 10)}


# -- reporting ---------------------------------------------------------------------------------


def med(xs: Sequence[float]) -> float:
    return statistics.median(xs)


def paired(times: dict[str, dict[str, list[float]]], base: str, name: str) -> float:
    """Median over chunks of base time / system time (the two ran one after the other)."""
    return med([b / t for b, t in zip(times[base]["chunks"], times[name]["chunks"], strict=True)])


def speed_table(
    times: dict[str, dict[str, list[float]]], words: int, docs: int
) -> tuple[str, dict[str, Any]]:
    base = med(times[BARE]["wall"])
    base_cpu = med(times[BARE]["cpu"])
    rows = [
        "| system | docs/s | words/s | × bare (wall) | × bare (wall, paired by chunk) "
        "| CPU s: own + workers | × bare (CPU) | wall s, each rep |",
        "|---|---:|---:|---:|---:|---:|---:|---|",
    ]
    figures: dict[str, Any] = {}
    for name, t in times.items():
        wall, cpu, kids = med(t["wall"]), med(t["cpu"]), med(t["cpu_children"])
        figures[name] = {
            "wall_s": [round(x, 2) for x in t["wall"]],
            "cpu_s": [round(x, 2) for x in t["cpu"]],
            "cpu_children_s": [round(x, 2) for x in t["cpu_children"]],
            "docs_per_s": round(docs / wall, 2),
            "words_per_s": round(words / wall),
            "ratio_to_bare": round(base / wall, 3),
            "ratio_to_bare_paired": round(paired(times, BARE, name), 3),
        }
        cpu_ratio = "–"
        if kids == 0:  # one process: its CPU time is its work
            figures[name]["cpu_ratio_to_bare"] = round(base_cpu / cpu, 3)
            cpu_ratio = f"{base_cpu / cpu:.2f}×"
        reps = ", ".join(f"{x:.1f}" for x in t["wall"])
        rows.append(
            f"| {name} | {docs / wall:.2f} | {words / wall:,.0f} | {base / wall:.2f}× "
            f"| {figures[name]['ratio_to_bare_paired']:.2f}× "
            f"| {cpu:.1f} + {kids:.1f} | {cpu_ratio} | {reps} |"
        )
    return "\n".join(rows), figures


def verdict(ok: bool) -> str:
    return "met" if ok else "MISSED"


def run_throughput(
    ex: Any, texts: Sequence[str], args: argparse.Namespace, fig: dict[str, Any]
) -> None:
    words, ndocs = words_of(texts), len(texts)
    runners = systems(ex, args.batch_size, not args.no_textacy, not args.no_multi)
    capacity = [parallel_capacity()]
    times = time_systems(runners, texts, args.reps, args.warmup, args.chunk)
    capacity.append(parallel_capacity())
    fig["parallel_capacity"] = [round(c, 2) for c in capacity]
    table, fig["systems"] = speed_table(times, words, ndocs)
    print("## Throughput\n\n" + table + "\n")
    s = fig["systems"][SINGLE]
    target = TARGETS["single_vs_bare"]
    print(
        f"- quotecraft single process: {s['ratio_to_bare']:.2f}× bare nlp.pipe by wall-clock time "
        f"(median reps), {s['ratio_to_bare_paired']:.2f}× paired chunk by chunk, "
        f"{s['cpu_ratio_to_bare']:.2f}× by CPU time "
        f"(target ≥ {target}: {verdict(s['ratio_to_bare'] >= target)} by the median, "
        f"{verdict(s['ratio_to_bare_paired'] >= target)} paired, "
        f"{verdict(s['cpu_ratio_to_bare'] >= target)} by CPU time)"
    )
    if MULTI in fig["systems"]:
        multi = fig["systems"][MULTI]["words_per_s"] / s["words_per_s"]
        fig["n2_vs_single"] = round(multi, 3)
        fig["n2_vs_single_paired"] = round(paired(times, SINGLE, MULTI), 3)
        bare2 = fig["systems"][BARE_MULTI]["ratio_to_bare"]
        # what two otherwise idle cores would give: the workers' and the main process's CPU
        # time shared by two cores, never less than the main process's own share
        own, kids = med(times[MULTI]["cpu"]), med(times[MULTI]["cpu_children"])
        ideal = med(times[SINGLE]["cpu"]) / max(own, (own + kids) / 2)
        fig["n2_vs_single_cpu_bound_estimate"] = round(ideal, 3)
        print(
            f"- quotecraft n_process=2: {multi:.2f}× quotecraft single process, "
            f"{fig['n2_vs_single_paired']:.2f}× paired chunk by chunk "
            f"(target ≥ {TARGETS['n2_vs_single']}: {verdict(multi >= TARGETS['n2_vs_single'])}); "
            f"bare nlp.pipe gains {bare2:.2f}× from n_process=2 on this machine at this load. "
            f"From CPU times, two idle cores would give {ideal:.2f}× (single-process CPU time / "
            f"max(main process CPU, (main + workers CPU) / 2))"
        )
    print(
        "- parallel capacity of the machine (two busy-loop processes side by side vs one after "
        "the other; 2.0 on two idle cores), before and after the runs: "
        + ", ".join(f"{c:.2f}×" for c in capacity)
    )


def run_parsed(ex: Any, texts: Sequence[str], args: argparse.Namespace, fig: dict[str, Any]) -> Any:
    from quotecraft.segment import segment

    words = words_of(texts)
    docs = list(
        ex.nlp.pipe((segment(t, html=ex.config.html).parse_text for t in texts), batch_size=32)
    )
    t = time_analyze(ex, texts, docs, args.reps)
    fig["analyze"] = {
        k: {
            "wall_s": round(v["wall"], 3),
            "cpu_s": round(v["cpu"], 3),
            "words_per_s": round(words / v["wall"]),
            "words_per_cpu_s": round(words / v["cpu"]),
        }
        for k, v in t.items()
    }
    labels = {
        "segment": "segmentation alone (`segment`: HTML check, normalization, paragraphs, "
        "boilerplate)",
        "segment_html": "segmentation of the same texts as HTML pages (BeautifulSoup to text)",
        "paragraph_component": "sentence starts at paragraph breaks (the `quotecraft_paragraphs` "
        "component, run inside the parse)",
        "analyze_with_seg": "`Extractor.analyze(doc, seg)` (segmentation given)",
        "analyze_doc": "`Extractor.analyze(doc)` (all of quotecraft's work on a parsed Doc)",
    }
    bare_cpu = None
    if "systems" in fig:
        bare_cpu = med(fig["systems"][BARE]["cpu_s"])
    rows = []
    for k, label in labels.items():
        a = fig["analyze"][k]
        share = f"{t[k]['cpu'] / bare_cpu:.1%}" if bare_cpu else "–"
        rows.append(f"| {label} | {a['words_per_s']:,} | {a['words_per_cpu_s']:,} | {share} |")
    print(
        "\n## Extraction from already parsed Docs\n\n"
        "| work | words/s (wall) | words per CPU second | CPU time as a share of the bare parse |\n"
        "|---|---:|---:|---:|\n" + "\n".join(rows) + "\n"
    )
    a = fig["analyze"]["analyze_doc"]
    ok = a["words_per_s"] >= TARGETS["analyze_words_per_s"]
    print(
        f"- extraction of parsed Docs: {a['words_per_s']:,} words/s wall-clock, "
        f"{a['words_per_cpu_s']:,} per CPU second "
        f"(target ≥ {TARGETS['analyze_words_per_s']:,}: {verdict(ok)})"
    )
    return docs


def stream_report(title: str, samples: list[dict[str, float]], corpus: int, fig: Any) -> None:
    before, end = samples[0]["rss_mb"], samples[-1]["rss_mb"]
    start = next((s["rss_mb"] for s in samples if s["docs"] >= WARM), end)
    after_pass = next((s["rss_mb"] for s in samples if s["docs"] >= corpus), end)
    peak = max(s["rss_mb"] for s in samples)
    growth = end - start
    fig.update(
        rss_before_mb=round(before, 1),
        rss_start_mb=round(start, 1),
        rss_end_mb=round(end, 1),
        rss_peak_sampled_mb=round(peak, 1),
        growth_mb=round(growth, 1),
        growth_after_first_pass_mb=round(end - after_pass, 1),
    )
    rows = "\n".join(
        f"| {s['docs']:,} | {s['rss_mb']:.0f} | {s['children_mb']:.0f} | {s['seconds']:.0f} |"
        for s in samples
    )
    print(
        f"\n## {title}\n\n"
        "| documents | RSS MB | parser workers' RSS MB | seconds |\n|---:|---:|---:|---:|\n"
        + rows
        + f"\n\n- RSS before the stream {before:.0f} MB; start (after {WARM} documents) "
        f"{start:.0f} MB, end {end:.0f} MB, highest sample {peak:.0f} MB: growth "
        f"{growth:+.0f} MB (target < {TARGETS['rss_growth_mb']} MB: "
        f"{verdict(growth < TARGETS['rss_growth_mb'])}); since the end of the first pass over "
        f"the corpus ({corpus} docs): {end - after_pass:+.0f} MB"
    )


def run_stream(
    ex: Any, root: Path, args: argparse.Namespace, fig: dict[str, Any], docs: Any
) -> None:
    corpus = read_texts(root, 840)
    if args.stream_parsed > 0:
        from quotecraft.segment import segment

        if docs is None:
            docs = list(ex.nlp.pipe(segment(t).parse_text for t in corpus[: args.docs]))
        n = args.stream_parsed
        results = (ex.analyze(d) for d in cycle(docs))
        samples = sample_rss(results, n, stream_marks(n, len(docs)), children=False)
        fig["stream_parsed"] = {"docs": n, "distinct_docs": len(docs), "samples": samples}
        stream_report(
            f"Memory: `analyze` over {n:,} parsed Docs ({len(docs)} distinct, cycled)",
            samples,
            len(docs),
            fig["stream_parsed"],
        )
    if args.stream > 0:
        n = args.stream
        items = islice(cycle(corpus), n)
        results = iter(ex.pipe(items, batch_size=args.batch_size, n_process=args.stream_jobs))
        samples = sample_rss(results, n, stream_marks(n, len(corpus)), args.stream_jobs > 1)
        fig["stream"] = {"docs": n, "jobs": args.stream_jobs, "samples": samples}
        stream_report(
            f"Memory: `Extractor.pipe` over a stream of {n:,} documents "
            f"(PolNeAR train cycled, n_process={args.stream_jobs})",
            samples,
            len(corpus),
            fig["stream"],
        )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", help="shared data folder (default: $QUOTECRAFT_DATA or ../shared)")
    ap.add_argument(
        "--parts", default=",".join(PARTS), help=f"comma-separated, of {', '.join(PARTS)}"
    )
    ap.add_argument("--docs", type=int, default=200, help="documents per timing run (default 200)")
    ap.add_argument("--reps", type=int, default=3, help="timed repetitions (default 3)")
    ap.add_argument("--chunk", type=int, default=50, help="documents per interleaved chunk")
    ap.add_argument("--warmup", type=int, default=20, help="warm-up documents (default 20)")
    ap.add_argument("--batch-size", type=int, default=32, help="nlp.pipe batch size (default 32)")
    ap.add_argument("--stream", type=int, default=20_000, help="documents in the RSS stream")
    ap.add_argument(
        "--stream-jobs", type=int, default=1, help="parser processes for the stream (default 1)"
    )
    ap.add_argument(
        "--stream-parsed", type=int, default=20_000, help="parsed Docs through analyze (RSS)"
    )
    ap.add_argument("--no-textacy", action="store_true", help="leave textacy out")
    ap.add_argument("--no-multi", action="store_true", help="leave the n_process=2 runs out")
    ap.add_argument("--profile-docs", type=int, default=100, help="documents to profile")
    ap.add_argument("--top", type=int, default=20, help="functions listed by the profile")
    ap.add_argument("--model", help="spaCy pipeline (default: quotecraft's choice)")
    ap.add_argument("--json", metavar="FILE", help="also write the figures as JSON")
    args = ap.parse_args(argv)
    parts = {p.strip() for p in args.parts.split(",") if p.strip()}
    if parts - set(PARTS):
        ap.error(f"unknown parts {sorted(parts - set(PARTS))}; use some of {', '.join(PARTS)}")
    root = data_dir(args.data)
    if root is None or not (root / "corpora/polnear-train.jsonl").is_file():
        print("speed: PolNeAR train not found (use --data or QUOTECRAFT_DATA); skipped")
        return 0

    import quotecraft

    ex = quotecraft.load(args.model)
    texts = read_texts(root, args.docs)
    words, ndocs = words_of(texts), len(texts)
    load0 = os.getloadavg()
    print(
        f"# quotecraft speed\n\nmodel `{ex.model_name}` (spaCy pipes: {', '.join(ex.nlp.pipe_names)}); "
        f"{ndocs} PolNeAR train texts, {words:,} words; batch size {args.batch_size}; "
        f"{args.reps} reps, median; {os.cpu_count()} CPUs, Python {platform.python_version()}; "
        f"load average at start {load0[0]:.1f}\n"
    )
    fig: dict[str, Any] = {
        "model": ex.model_name,
        "docs": ndocs,
        "words": words,
        "reps": args.reps,
        "batch_size": args.batch_size,
        "load_average_start": round(load0[0], 2),
    }
    docs = None
    if "throughput" in parts:
        run_throughput(ex, texts, args, fig)
    if "parsed" in parts:
        docs = run_parsed(ex, texts, args, fig)
    if "stream" in parts:
        run_stream(ex, root, args, fig, docs)
    if "profile" in parts and args.profile_docs > 0:
        from quotecraft.segment import segment

        ptexts = texts[: args.profile_docs]
        pdocs = list(ex.nlp.pipe(segment(x, html=ex.config.html).parse_text for x in ptexts))
        stats = profile_own_work(ex, ptexts, pdocs)
        print(
            "\n## Profile of quotecraft's own work (cProfile)\n\n"
            + report(stats, words_of(ptexts), args.top)
        )
    fig["load_average_end"] = round(os.getloadavg()[0], 2)
    print(f"load average at the end {fig['load_average_end']:.1f}")
    if args.json:
        Path(args.json).write_text(json.dumps(fig, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
