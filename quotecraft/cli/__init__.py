"""The ``quotecraft`` command line.

Subcommands: ``extract`` (JSON Lines, CSV or TSV out), ``demo``, ``evaluate``,
``render``, ``stats``. Run ``quotecraft COMMAND --help`` for each.
"""

from __future__ import annotations

import argparse
import csv
import math
import os
import sys
import warnings
from collections.abc import Iterator, Sequence
from typing import Any, TextIO

from .. import __version__
from ..errors import QuotecraftError
from ..jsonl import json_lines
from ..records import Article, ErrorRecord
from .output import open_output

EXTRACT_EPILOG = """\
input:
  Each PATH is a document or a batch of documents:
    *.txt, *.html, *.htm, other   one document, its id is the path (HTML is detected)
    *.jsonl                       one {"id": ..., "text": ...} object per line
    -  (or no PATH)               standard input: JSON Lines if every line is a JSON
                                  object with "text", else one plain-text document
output (jsonl, the default): one JSON object per document, in input order:
  {"id", "quotes": [...], "speakers": [...], "paragraphs": [...], "boilerplate": [...],
   "warnings": [...]}   plus "text" (the extracted text the offsets index) for HTML input.
  A quote: {"kind": "direct"|"indirect"|"mixed", "content": {"start","end","text"},
   "fragments": [spans], "cue": {"start","end","text","lemma","negated"}|null,
   "speaker": {"id","name","title","organization","kind","mention": span|null}|null,
   "paragraph", "rule", "confidence", "addressee": speaker|null, "medium": span|null,
   "date": span|null}.
  A document that fails gives {"id", "error": {"type", "message"}} and the run goes on.
output (csv, tsv): one row per quote: id, kind, start, end, content, speaker, title,
  organization, speaker_kind, cue, rule, confidence, speaker_id, mention, cue_type.
  content is the quoted words (a split or interrupted quote without its attribution); mention is the
  words naming the speaker at the quote; speaker_id is S1, S2... within a document.
exit status: 0 when at least one document was read, 1 when none could be, 2 on usage errors.
"""


def _add_extract(sub: Any) -> None:
    p = sub.add_parser(
        "extract",
        help="extract quotations from files (JSON Lines on stdout)",
        description="Extract quotations from news articles.",
        epilog=EXTRACT_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("paths", nargs="*", metavar="PATH", help="input files; '-' or none for stdin")
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")
    p.add_argument(
        "-f",
        "--format",
        choices=("jsonl", "csv", "tsv"),
        default="jsonl",
        help="output format (default: jsonl)",
    )
    p.add_argument(
        "-j",
        "--jobs",
        type=positive_int,
        default=1,
        metavar="N",
        help="processes (default: 1; at most the usable CPUs and the number of documents)",
    )
    p.add_argument(
        "-b",
        "--batch-size",
        type=positive_int,
        default=32,
        metavar="N",
        help="documents per parser batch (default: 32)",
    )
    p.add_argument(
        "-m",
        "--model",
        help="installed spaCy pipeline to use (default: QUOTECRAFT_MODEL or the best installed)",
    )
    p.add_argument(
        "--rules",
        action="append",
        default=[],
        metavar="FILE",
        help="user rule file (JSON/YAML); repeatable",
    )
    p.add_argument(
        "--weights",
        metavar="FILE",
        help="cue scorer weights written by `quotecraft train` (default: the packaged ones)",
    )
    p.add_argument(
        "--kinds",
        default="direct,indirect,mixed",
        help="comma-separated kinds to keep (default: all)",
    )
    p.add_argument(
        "--cue-types",
        default="speech,writing,belief,intention,evidence",
        metavar="TYPES",
        help="comma-separated cue types to keep, e.g. speech,writing (default: all)",
    )
    p.add_argument(
        "--min-confidence",
        type=unit_float,
        default=0.0,
        metavar="X",
        help="drop quotes below confidence X",
    )
    p.add_argument(
        "--disable",
        action="append",
        default=[],
        metavar="RULE",
        help="switch off a rule by name (e.g. reported.colon.v1); repeatable",
    )
    p.add_argument(
        "--with-text", action="store_true", help="include the document text in every JSON object"
    )
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    p.set_defaults(func=run_extract)


def positive_int(value: str) -> int:
    """An argparse type: a whole number of at least 1 (else a usage error, exit status 2)."""
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be a whole number of at least 1, not {value!r}")
    return number


def unit_float(value: str) -> float:
    """An argparse type: a number from 0 to 1 (else a usage error, exit status 2)."""
    try:
        number = float(value)
    except ValueError:
        number = math.nan
    if not 0 <= number <= 1:  # also refuses nan
        raise argparse.ArgumentTypeError(f"must be a number from 0 to 1, not {value!r}")
    return number


def _jobs(requested: int, documents: int | None) -> int:
    """--jobs capped at the usable CPUs and, when known, the number of documents;
    says so once on stderr when it lowers the request."""
    from ..limits import usable_cpus

    cap, why = usable_cpus(), "the number of usable CPUs"
    if documents is not None and documents < cap:
        cap, why = max(1, documents), "the number of documents"
    if requested <= cap:
        return requested
    sys.stderr.write(f"quotecraft: --jobs {requested} lowered to {cap}, {why}\n")
    return cap


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``quotecraft`` command (used for the docs too)."""
    parser = argparse.ArgumentParser(
        prog="quotecraft",
        description="Who said what: quotations, speakers and cues from news text.",
    )
    parser.add_argument("--version", action="version", version=f"quotecraft {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    _add_extract(sub)
    from . import demo, evaluate, render, stats, train

    demo.add_arguments(sub)
    for name, module, help_text in (
        ("evaluate", evaluate, "score predictions against a gold JSON Lines file"),
        ("render", render, "render one extracted document as an HTML page"),
        ("stats", stats, "summarize who is quoted how often in extract output"),
        ("train", train, "fit the cue scorer on gold annotations (JSON Lines)"),
    ):
        p = sub.add_parser(
            name, help=help_text, description=help_text[:1].upper() + help_text[1:] + "."
        )
        module.add_arguments(p)
        p.set_defaults(func=module.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``quotecraft`` command."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return 2
    with warnings.catch_warnings():
        warnings.showwarning = _show_warning
        try:
            return int(args.func(args) or 0)
        except QuotecraftError as exc:
            sys.stderr.write(f"quotecraft: {exc}\n")
            return 1
        except BrokenPipeError:  # pragma: no cover - e.g. piped into head
            return 0


def _show_warning(
    message: Warning | str,
    category: type[Warning],
    filename: str,
    lineno: int,
    file: TextIO | None = None,
    line: str | None = None,
) -> None:
    """A warning as one line for the command's user (``quotecraft: warning: W006 ...``),
    without the source line Python's default adds."""
    sys.stderr.write(f"quotecraft: warning: {message}\n")


# -- extract ------------------------------------------------------------------------------------


def _read_documents(paths: Sequence[str], stdin: TextIO, counter: dict[str, int]) -> Iterator[Any]:
    """Yield ``{"id", "text"}`` dicts or ErrorRecords, lazily, in input order."""
    if not paths:
        paths = ["-"]
    for path in paths:
        if path == "-":
            data = stdin.read()
            lines = [ln for ln in data.splitlines() if ln.strip()]
            parsed = []
            for _, obj, not_json in json_lines(lines):
                if not_json or not isinstance(obj, dict) or "text" not in obj:
                    break
                parsed.append(obj)
            if lines and len(parsed) == len(lines):
                for n, obj in enumerate(parsed):
                    counter["read"] += 1
                    yield {"id": str(obj.get("id", f"-:{n + 1}")), "text": obj["text"]}
            else:
                counter["read"] += 1
                yield {"id": "-", "text": data}
            continue
        if path.endswith(".jsonl"):
            try:
                fh = open(path, encoding="utf-8", errors="replace")  # noqa: SIM115
            except OSError as exc:
                yield ErrorRecord(path, type(exc).__name__, f"cannot read {path}: {exc.strerror}")
                continue
            with fh:
                for n, obj, problem in json_lines(fh):
                    if not problem and (
                        not isinstance(obj, dict) or not isinstance(obj.get("text"), str)
                    ):
                        problem = 'each line must be an object with a "text" string'
                    if problem:
                        # the document's own id when the line has one
                        own = obj.get("id") if isinstance(obj, dict) else None
                        yield ErrorRecord(
                            f"{path}:{n}" if own is None else str(own),
                            "InputFormatError",
                            f"{path} line {n}: {problem}",
                        )
                        continue
                    counter["read"] += 1
                    yield {"id": str(obj.get("id", f"{path}:{n}")), "text": obj["text"]}
            continue
        try:
            with open(path, encoding="utf-8", errors="replace") as fh:
                text = fh.read()
        except OSError as exc:
            yield ErrorRecord(path, type(exc).__name__, f"cannot read {path}: {exc.strerror}")
            continue
        counter["read"] += 1
        yield {"id": path, "text": text}


_CSV_FIELDS = [
    "id",
    "kind",
    "start",
    "end",
    "content",
    "speaker",
    "title",
    "organization",
    "speaker_kind",
    "cue",
    "rule",
    "confidence",
    "speaker_id",
    "mention",
    "cue_type",
]
"""CSV/TSV columns: ``content`` is the quoted words a person reads (``Quote.words``); the
last three came later and go at the end, so existing column positions hold."""


def _rows(result: Article | ErrorRecord) -> Iterator[list[Any]]:
    if isinstance(result, ErrorRecord):
        return
    for q in result.quotes:
        sp = q.speaker
        yield [
            result.id,
            q.kind.value,
            q.content.start,
            q.content.end,
            q.words,
            sp.name if sp else "",
            sp.title if sp and sp.title else "",
            sp.organization if sp and sp.organization else "",
            sp.kind.value if sp else "",
            q.cue.text if q.cue else "",
            q.rule,
            q.confidence,
            sp.id if sp else "",
            sp.mention.text if sp and sp.mention else "",
            q.cue.type.value if q.cue and q.cue.type else "",
        ]


def run_extract(args: argparse.Namespace) -> int:
    from ..api import load
    from ..extractor import Config

    kinds = [k.strip() for k in args.kinds.split(",") if k.strip()]
    total = count_documents(args.paths)
    jobs = _jobs(args.jobs, total)
    extractor = load(
        args.model,
        rules=args.rules,
        config=Config(
            kinds=kinds,
            cue_types=[t.strip() for t in args.cue_types.split(",") if t.strip()],
            min_confidence=args.min_confidence,
            disabled_rules=args.disable,
        ),
        weights=args.weights,
    )
    counter = {"read": 0}
    # unreadable inputs, each with the number of documents read before it (for input order)
    errors_before: list[tuple[int, ErrorRecord]] = []

    def items() -> Iterator[dict[str, Any]]:
        n_read = 0
        for item in _read_documents(args.paths, sys.stdin, counter):
            if isinstance(item, ErrorRecord):
                errors_before.append((n_read, item))
                continue
            n_read += 1
            yield item

    out: TextIO | None = open_output(args.output, "quotecraft") if args.output else sys.stdout
    if out is None:
        return 2
    progress = _progress(args.quiet, total=total)
    try:
        writer = None
        if args.format in ("csv", "tsv"):
            writer = csv.writer(out, delimiter="," if args.format == "csv" else "\t")
            writer.writerow(_CSV_FIELDS)
        results = extractor.pipe(items(), batch_size=args.batch_size, n_process=jobs)
        for n, result in enumerate(results):
            while errors_before and errors_before[0][0] <= n:
                _write(out, writer, errors_before.pop(0)[1], args)
                progress.update()
            _write(out, writer, result, args)
            progress.update()
        while errors_before:
            _write(out, writer, errors_before.pop(0)[1], args)
            progress.update()
    finally:
        progress.close()
        if args.output:
            out.close()
    if counter["read"] == 0:
        sys.stderr.write("quotecraft: no document could be read\n")
        return 1
    return 0


def _write(
    out: TextIO, writer: Any, result: Article | ErrorRecord, args: argparse.Namespace
) -> None:
    from ..serialize import to_json

    if writer is not None:
        if isinstance(result, ErrorRecord):
            sys.stderr.write(f"quotecraft: {result.id}: {result.type}: {result.message}\n")
        for row in _rows(result):
            writer.writerow(row)
        return
    out.write(to_json(result, include_text=True if args.with_text else None))
    out.write("\n")


class _NoProgress:
    def update(self, n: int = 1) -> None:
        pass

    def close(self) -> None:
        pass


def count_documents(paths: Sequence[str]) -> int | None:
    """How many documents (and unreadable inputs) ``extract`` will go through, when known.

    A ``.jsonl`` file holds one per non-blank line, any other file one; standard
    input is unknown (None). Counting reads the ``.jsonl`` files once, in binary,
    which is far faster than parsing them.
    """
    if not paths or "-" in paths:
        return None
    total = 0
    for path in paths:
        if not path.endswith(".jsonl"):
            total += 1
            continue
        try:
            with open(path, "rb") as fh:
                total += sum(1 for line in fh if line.strip())
        except OSError:
            total += 1  # reported as one unreadable input
    return total


def _progress(quiet: bool, total: int | None = None) -> Any:
    """A tqdm bar on stderr when it is a terminal (and not --quiet), else nothing.

    With a ``total``, the bar shows it, the percentage done and the time left.
    """
    if quiet or not sys.stderr.isatty() or os.environ.get("CI"):
        return _NoProgress()
    try:
        from tqdm import tqdm
    except ImportError:  # pragma: no cover
        return _NoProgress()
    return tqdm(total=total, unit="doc", file=sys.stderr, dynamic_ncols=True)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
