"""The ``quotecraft demo`` command: the packaged example article, extracted and summarized."""

from __future__ import annotations

import argparse
import io
import sys
import textwrap
from typing import Any

from ..records import Article


def add_arguments(sub: Any) -> None:
    """The ``demo`` subcommand of the ``quotecraft`` parser."""
    p = sub.add_parser(
        "demo",
        help="extract the bundled example article and print a readable summary",
        description="Run quotecraft on the example article bundled with the package.",
    )
    p.add_argument("-m", "--model", help="installed spaCy pipeline to use")
    p.add_argument(
        "--json", action="store_true", help="print the JSON object instead of the summary"
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Run ``quotecraft demo``."""
    from .. import examples
    from ..api import load
    from ..serialize import to_json

    text = examples.article()
    article = load(args.model)(text, id="example")
    if args.json:
        sys.stdout.write(to_json(article) + "\n")
        return 0
    sys.stdout.write(summary(article))
    return 0


def summary(article: Article, width: int = 88) -> str:
    """A readable plain-text summary of one extracted article (what ``quotecraft demo`` prints)."""
    buf = io.StringIO()
    n_by_kind: dict[str, int] = {}
    for q in article.quotes:
        n_by_kind[q.kind.value] = n_by_kind.get(q.kind.value, 0) + 1
    kinds = ", ".join(f"{n} {k}" for k, n in sorted(n_by_kind.items())) or "none"
    buf.write(
        f"{len(article.quotes)} quotations ({kinds}) in {len(article.paragraphs)} paragraphs; "
        f"{len(article.boilerplate)} boilerplate lines skipped\n\n"
    )
    for n, q in enumerate(article.quotes, 1):
        sp = q.speaker
        who = "unknown speaker"
        if sp is not None:
            who = sp.name or (sp.mention.text if sp.mention else "unknown")
            if sp.title:
                who += f" ({sp.title})"
            if sp.mention is not None and sp.mention.text != sp.name:
                who += f" [as “{sp.mention.text}”]"
        cue = f" — cue “{q.cue.text}”" if q.cue else ""
        buf.write(f"{n:>2}. {q.kind.value.upper():<8} {who}{cue}\n")
        body = textwrap.fill(
            q.words, width=width, initial_indent="      “", subsequent_indent="       "
        )
        buf.write(body + "”\n")
        if q.fragments and q.kind.value == "mixed":
            buf.write("      quoted words: " + "; ".join(f"“{f.text}”" for f in q.fragments) + "\n")
        buf.write(
            f"      rule {q.rule}, confidence {q.confidence:.2f}, offsets {q.content.start}-{q.content.end}\n"
        )
    if article.speakers:
        buf.write("\nSpeakers:\n")
        for sp in article.speakers:
            extra = ", ".join(x for x in (sp.title, sp.organization) if x)
            buf.write(
                f"  {sp.id:<4} {sp.name or '?'}{' — ' + extra if extra else ''} ({sp.kind.value})\n"
            )
    if article.boilerplate:
        buf.write(
            "\nBoilerplate (never quoted): "
            + " | ".join(b.text for b in article.boilerplate)
            + "\n"
        )
    return buf.getvalue()
