"""The ``quotecraft render`` command (the library side is :mod:`quotecraft.render`)."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from ..errors import BAD_RECORD, InputFormatError
from ..jsonl import json_lines
from ..records import Article
from ..render import render
from .output import open_output


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``quotecraft render``."""
    parser.description = (
        "Render one document as a self-contained HTML page: quotations highlighted by kind, "
        "cues marked, each quotation linked to its speaker. FILE is an article (.txt, .html; "
        "extracted with the model) or a .jsonl file: 'quotecraft extract --with-text' output, "
        'or {"id", "text"} input lines (extracted). "-" reads standard input.'
    )
    parser.add_argument("file", metavar="FILE", help="article or .jsonl file; '-' for stdin")
    parser.add_argument(
        "-o", "--output", metavar="FILE", help="write the page to FILE (default: stdout)"
    )
    parser.add_argument(
        "--id",
        dest="doc_id",
        metavar="ID",
        help="in a .jsonl file, the document to render (default: the first)",
    )
    parser.add_argument("--title", help="page title (default: the document id or first line)")
    parser.add_argument("-m", "--model", help="installed spaCy pipeline to use")
    parser.add_argument(
        "--rules", action="append", default=[], metavar="FILE", help="user rule file; repeatable"
    )


def run(args: argparse.Namespace) -> int:
    """Run ``quotecraft render``."""
    try:
        article = _load_article(args)
    except (OSError, ValueError) as exc:
        sys.stderr.write(f"quotecraft render: {exc}\n")
        return 1
    page = render(article, title=args.title)
    if args.output:
        fh = open_output(args.output, "quotecraft render")
        if fh is None:
            return 2
        with fh:
            fh.write(page)
    else:
        sys.stdout.write(page)
    return 0


def _load_article(args: argparse.Namespace) -> Article:
    from ..serialize import from_dict

    if args.file == "-":
        data = sys.stdin.read()
    else:
        with open(args.file, encoding="utf-8", errors="replace") as fh:
            data = fh.read()
    is_jsonl = args.file.endswith(".jsonl")
    objects = _json_lines(data) if is_jsonl or args.file == "-" else None
    if objects is None:
        if is_jsonl:
            raise ValueError(f"{args.file}: not JSON Lines (one JSON object per line)")
        return _extract(args, data, None if args.file == "-" else args.file)
    if args.doc_id is not None:
        objects = [(n, o) for n, o in objects if str(o.get("id")) == args.doc_id]
        if not objects:
            raise ValueError(f"no document with id {args.doc_id!r} in {args.file}")
    if not objects:
        raise ValueError(f"{args.file} holds no document")
    line, obj = objects[0]
    if "error" in obj:
        raise ValueError(f"document {obj.get('id')!r} failed to extract: {obj['error']}")
    if "quotes" not in obj:  # an input line: extract it
        doc_id = obj.get("id")
        if not isinstance(obj.get("text"), str):
            raise InputFormatError(f'{BAD_RECORD} {args.file} line {line}: "text" must be a string')
        return _extract(args, obj["text"], str(doc_id) if doc_id is not None else None)
    if not isinstance(obj.get("text"), str):
        raise ValueError(
            f"document {obj.get('id')!r} has no text: run 'quotecraft extract --with-text' "
            "so the output carries the text its offsets index"
        )
    try:
        return from_dict(obj)
    except Exception as exc:  # cattrs and the records' validators: say which line and why
        raise InputFormatError(
            f"{BAD_RECORD} {args.file} line {line}: not a 'quotecraft extract' record "
            f"({_why(exc)}); render the output of 'quotecraft extract --with-text'"
        ) from None


def _why(exc: Exception) -> str:
    """The first problem a failed ``from_dict`` found, as one short phrase."""
    from cattrs import BaseValidationError, transform_error

    if isinstance(exc, BaseValidationError):
        problems = transform_error(exc, path="record")
        return problems[0] if problems else type(exc).__name__
    return str(exc) or type(exc).__name__


def _json_lines(data: str) -> list[tuple[int, dict[str, Any]]] | None:
    """The objects of a JSON Lines text with their line numbers, or None when it is not
    one (plain text on stdin)."""
    out = []
    for n, obj, not_json in json_lines(data.splitlines()):
        if not_json or not isinstance(obj, dict):
            return None
        if not ("text" in obj or "quotes" in obj or "error" in obj):
            return None
        out.append((n, obj))
    return out or None


def _extract(args: argparse.Namespace, text: str, doc_id: str | None) -> Article:
    from ..api import load

    return load(args.model, rules=args.rules or None)(text, id=doc_id)
