"""Fuzz target: quotecraft must give a valid result or a typed error for any input.

Three engines, best first (see ``tests/fuzz/README.md``):

- ``atheris``: coverage-guided, on raw bytes decoded as text (``pip install atheris``);
- ``hypothesis``: the property-test strategies of :mod:`fuzz.robust`, for as long as asked;
- ``random``: :func:`fuzz.robust.random_document` from a seed, in batches through ``pipe``.

Any uncaught exception that is not a :class:`~quotecraft.QuotecraftError`, and any broken
invariant (:func:`fuzz.robust.problems`), is a finding: the input is saved under
``--findings`` and the run fails.

Examples::

    python tests/fuzz/fuzz_extract.py --engine random --seconds 600
    python tests/fuzz/fuzz_extract.py --engine hypothesis --seconds 600
    python tests/fuzz/fuzz_extract.py --engine atheris tests/fuzz_corpus -max_total_time=600
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
if str(HERE.parent) not in sys.path:
    sys.path.insert(0, str(HERE.parent))  # so "fuzz.robust" imports when run as a script

# quotecraft and fuzz.robust are imported inside the functions, so that the atheris
# engine can import (and instrument) them first


class Finding(AssertionError):
    """An input that broke quotecraft."""


def save_finding(findings: Path, text: Any, why: str) -> Path:
    """Write the offending input (JSON, so any string survives) and why it failed."""
    findings.mkdir(parents=True, exist_ok=True)
    blob = json.dumps({"text": text if isinstance(text, str) else repr(text), "why": why})
    path = (
        findings
        / f"finding-{hashlib.sha1(blob.encode('utf-8', 'surrogatepass')).hexdigest()[:12]}.json"
    )
    path.write_text(blob + "\n", encoding="utf-8")
    return path


def check_one(extractor: Any, text: Any) -> list[str]:
    """Problems of one input run alone (a typed error is fine, any other exception is not)."""
    from fuzz.robust import problems

    from quotecraft import QuotecraftError

    try:
        result = extractor(text)
    except QuotecraftError:
        return []
    except Exception as exc:  # the finding we are looking for
        return [f"uncaught {type(exc).__name__}: {exc}"]
    return problems(result, text)


def check_batch(extractor: Any, texts: Sequence[str]) -> list[str]:
    """Problems of a batch through ``pipe`` (it must never raise)."""
    from fuzz.robust import batch_problems

    try:
        results = list(extractor.pipe(list(texts), batch_size=16))
    except Exception as exc:
        return [f"pipe raised {type(exc).__name__}: {exc}"]
    return batch_problems(texts, results)


# -- engines ------------------------------------------------------------------------------------


def run_random(extractor: Any, args: argparse.Namespace) -> int:
    from fuzz.robust import random_document

    rng = random.Random(args.seed)
    deadline = time.monotonic() + args.seconds
    done = 0
    while time.monotonic() < deadline and (args.examples is None or done < args.examples):
        n = 32 if args.examples is None else max(1, min(32, args.examples - done))
        docs = [random_document(rng) for _ in range(n)]
        found = check_batch(extractor, docs)
        if found:
            for k, doc in enumerate(docs):  # narrow down to the document(s)
                mine = [p for p in found if p.startswith(f"item {k}:")] or check_one(extractor, doc)
                if mine:
                    path = save_finding(args.findings, doc, "; ".join(mine))
                    print(f"FINDING {path}: {mine[0]}")
            if not any(p.startswith("item ") for p in found):
                path = save_finding(args.findings, docs, "; ".join(found))
                print(f"FINDING {path}: {found[0]}")
            return 1
        done += n
    print(f"random: {done} documents, seed {args.seed}, no finding")
    return 0


def run_hypothesis(extractor: Any, args: argparse.Namespace) -> int:
    from fuzz.robust import batches
    from hypothesis import HealthCheck, given, settings

    rounds = 0
    deadline = time.monotonic() + args.seconds
    examples = args.examples or 200

    @settings(
        max_examples=examples,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(batches(max_size=16))
    def prop(docs: list[str]) -> None:
        found = check_batch(extractor, docs)
        if found:
            save_finding(args.findings, docs, "; ".join(found))
            raise Finding("; ".join(found[:5]))

    try:
        while True:
            prop()
            rounds += 1
            if args.examples is not None or time.monotonic() >= deadline:
                break
    except Finding as exc:
        print(f"FINDING (minimized by Hypothesis, saved under {args.findings}): {exc}")
        return 1
    print(f"hypothesis: {rounds} round(s) of up to {examples} batches, no finding")
    return 0


def run_atheris(argv: list[str], args: argparse.Namespace) -> int:  # pragma: no cover - optional
    try:
        import atheris
    except ImportError:
        print("atheris is not installed: pip install atheris (or use --engine hypothesis/random)")
        return 2
    if "quotecraft" in sys.modules:
        atheris.instrument_all()  # imported already (e.g. from Python): instrument in place
    else:
        with atheris.instrument_imports(include=["quotecraft"]):
            import quotecraft.extractor
            import quotecraft.marks
            import quotecraft.segment
    import quotecraft

    extractor = quotecraft.load()

    def one_input(data: bytes) -> None:
        fdp = atheris.FuzzedDataProvider(data)
        text = (
            fdp.ConsumeUnicodeNoSurrogates(len(data))
            if fdp.ConsumeBool()
            else fdp.ConsumeUnicode(len(data))
        )
        found = check_one(extractor, text)
        if found:
            save_finding(args.findings, text, "; ".join(found))
            raise Finding("; ".join(found[:5]))

    atheris.Setup([sys.argv[0], *argv], one_input)
    atheris.Fuzz()
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--engine", choices=["atheris", "hypothesis", "random"], default="random")
    parser.add_argument(
        "--seconds", type=float, default=60.0, help="time budget (random, hypothesis)"
    )
    parser.add_argument("--examples", type=int, default=None, help="stop after this many inputs")
    parser.add_argument("--seed", type=int, default=0, help="seed of the random engine")
    parser.add_argument(
        "--findings", type=Path, default=HERE / "findings", help="where offending inputs are saved"
    )
    args, rest = parser.parse_known_args(argv)
    if args.engine == "atheris":
        return run_atheris(rest, args)
    import quotecraft

    extractor = quotecraft.load()
    if args.engine == "hypothesis":
        return run_hypothesis(extractor, args)
    return run_random(extractor, args)


if __name__ == "__main__":
    sys.exit(main())
