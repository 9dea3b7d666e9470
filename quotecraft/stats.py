"""Who is quoted how often, by kind: a summary of ``quotecraft extract`` output.

:func:`speaker_stats` counts the quotations of many documents per speaker.
Speaker ids (``S1``...) hold within one document only, so across documents a
speaker is known by name: the same name (case and spacing aside) is the same
speaker. A speaker with no name is counted under its mention (``officials``);
quotations with no speaker at all are counted in one ``(no speaker)`` row.

``quotecraft stats FILE.jsonl`` prints the table (``--format json`` for JSON).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, TextIO

from attrs import asdict, frozen

from .errors import InputFormatError
from .records import Article, ErrorRecord, QuoteKind

NO_SPEAKER = "(no speaker)"
"""The row that counts quotations with no speaker."""

_KINDS = tuple(k.value for k in QuoteKind)


@frozen
class SpeakerCount:
    """How often one speaker is quoted, over all documents."""

    name: str
    """The speaker's name (its most frequent spelling), else its mention, else ``(no speaker)``."""
    title: str | None
    """The speaker's most frequent title, if any."""
    organization: str | None
    """The speaker's most frequent organization, if any."""
    kind: str | None
    """Most frequent speaker kind (``person``, ``organization``...)."""
    documents: int
    """Documents quoting the speaker."""
    direct: int
    indirect: int
    mixed: int

    @property
    def total(self) -> int:
        """All quotations of the speaker."""
        return self.direct + self.indirect + self.mixed


@frozen
class Stats:
    """The summary of many documents' quotations.

    Example:
        >>> import quotecraft
        >>> arts = [quotecraft.extract('"Yes," said Ann Lee. Lee added that it was fine.'),
        ...         quotecraft.extract('"No," said Ann Lee.')]
        >>> st = speaker_stats(arts)
        >>> st.documents, st.quotes, st.speakers[0].name, st.speakers[0].total
        (2, {'direct': 2, 'indirect': 1, 'mixed': 0}, 'Ann Lee', 3)
    """

    documents: int
    """Documents read, failed ones included."""
    errors: int
    """Documents that failed to extract (error records)."""
    quotes: dict[str, int]
    """Quotations by kind."""
    speakers: tuple[SpeakerCount, ...]
    """One row per speaker, most quoted first (ties by name)."""

    @property
    def total(self) -> int:
        """All quotations."""
        return sum(self.quotes.values())

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready: ``{"documents", "errors", "quotes", "speakers": [...]}``."""
        return {
            "documents": self.documents,
            "errors": self.errors,
            "quotes": {**self.quotes, "total": self.total},
            "speakers": [{**asdict(s), "total": s.total} for s in self.speakers],
        }

    def table(self, top: int | None = None) -> str:
        """A plain-text table: a summary line, then one row per speaker (the ``top`` first)."""
        kinds = ", ".join(f"{self.quotes[k]} {k}" for k in _KINDS)
        named = sum(1 for s in self.speakers if s.name != NO_SPEAKER)
        errors = f" ({self.errors} failed)" if self.errors else ""
        lines = [
            f"{self.documents} documents{errors}, {self.total} quotations ({kinds}), "
            f"{named} speakers"
        ]
        rows = list(self.speakers[:top] if top is not None else self.speakers)
        if not rows:
            return lines[0] + "\n"
        head = ["speaker", "title", "organization", "docs", *_KINDS, "total"]
        body = [
            [
                s.name,
                s.title or "",
                s.organization or "",
                str(s.documents),
                str(s.direct),
                str(s.indirect),
                str(s.mixed),
                str(s.total),
            ]
            for s in rows
        ]
        limits = [32, 32, 24]  # text columns are cut to these widths
        body = [[_cut(c, limits[i]) if i < 3 else c for i, c in enumerate(r)] for r in body]
        widths = [max(len(r[i]) for r in [head, *body]) for i in range(len(head))]
        lines.append("")
        for r in [head, *body]:
            cells = [
                c.ljust(w) if i < 3 else c.rjust(w)
                for i, (c, w) in enumerate(zip(r, widths, strict=True))
            ]
            lines.append("  ".join(cells).rstrip())
        if top is not None and len(self.speakers) > top:
            lines.append(f"... {len(self.speakers) - top} more speakers (--top 0 lists all)")
        return "\n".join(lines) + "\n"


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _norm(name: str) -> str:
    return " ".join(name.split()).casefold()


def speaker_stats(documents: Iterable[Article | ErrorRecord | Mapping[str, Any]]) -> Stats:
    """Count quotations per speaker and per kind over many documents.

    Args:
        documents: :class:`~quotecraft.records.Article` or
            :class:`~quotecraft.records.ErrorRecord` objects, or the JSON objects
            ``quotecraft extract`` writes (dicts; error objects count as failures).

    Returns:
        A :class:`Stats`: totals by kind and one :class:`SpeakerCount` per speaker,
        most quoted first.

    Example:
        >>> import quotecraft
        >>> st = speaker_stats([quotecraft.to_dict(quotecraft.extract('"Go," said Mayor Ann Lee.'))])
        >>> print(st.table())
        1 documents, 1 quotations (1 direct, 0 indirect, 0 mixed), 1 speakers
        <BLANKLINE>
        speaker  title  organization  docs  direct  indirect  mixed  total
        Ann Lee  Mayor                   1       1         0      0      1
        <BLANKLINE>
    """
    n_docs = n_errors = 0
    kinds: Counter[str] = Counter({k: 0 for k in _KINDS})
    counts: dict[str, Counter[str]] = {}
    docs: Counter[str] = Counter()
    names: dict[str, Counter[str]] = {}
    titles: dict[str, Counter[str]] = {}
    orgs: dict[str, Counter[str]] = {}
    sp_kinds: dict[str, Counter[str]] = {}
    for doc in documents:
        n_docs += 1
        seen: set[str] = set()
        quotes = _quotes(doc)
        if quotes is None:
            n_errors += 1
            continue
        for kind, sp in quotes:
            kinds[kind] += 1
            label = NO_SPEAKER
            if sp is not None:
                mention = sp.get("mention") or {}
                label = sp.get("name") or mention.get("text") or NO_SPEAKER
            key = _norm(label)
            counts.setdefault(key, Counter())[kind] += 1
            names.setdefault(key, Counter())[label] += 1
            if sp is not None:
                for table, value in (
                    (titles, sp.get("title")),
                    (orgs, sp.get("organization")),
                    (sp_kinds, sp.get("kind")),
                ):
                    if value:
                        table.setdefault(key, Counter())[str(value)] += 1
            if key not in seen:
                seen.add(key)
                docs[key] += 1

    def top(table: dict[str, Counter[str]], key: str) -> str | None:
        c = table.get(key)
        return _most_common(c) if c else None

    rows = [
        SpeakerCount(
            name=_most_common(names[key]),
            title=top(titles, key),
            organization=top(orgs, key),
            kind=top(sp_kinds, key),
            documents=docs[key],
            direct=c["direct"],
            indirect=c["indirect"],
            mixed=c["mixed"],
        )
        for key, c in counts.items()
    ]
    rows.sort(key=lambda s: (s.name == NO_SPEAKER, -s.total, -s.documents, s.name.casefold()))
    return Stats(n_docs, n_errors, {k: kinds[k] for k in _KINDS}, tuple(rows))


def _most_common(counter: Counter[str]) -> str:
    """The most frequent value; ties go to the longest, then the first in sort order."""
    return min(counter, key=lambda v: (-counter[v], -len(v), v))


def _quotes(
    doc: Article | ErrorRecord | Mapping[str, Any],
) -> list[tuple[str, Mapping[str, Any] | None]] | None:
    """``(kind, speaker dict)`` of every quote of a document, or None for a failed one."""
    if isinstance(doc, ErrorRecord):
        return None
    if isinstance(doc, Article):
        from .serialize import converter

        return [
            (q.kind.value, converter.unstructure(q.speaker) if q.speaker else None)
            for q in doc.quotes
        ]
    if "error" in doc:
        return None
    problem = record_problem(doc)
    if problem:
        raise InputFormatError(f"E007 document {doc.get('id')!r}: {problem}")
    return [(q["kind"], q.get("speaker")) for q in doc.get("quotes") or ()]


def record_problem(doc: Mapping[str, Any]) -> str:
    """What makes a ``quotecraft extract`` JSON object unreadable for the counts, or ``""``.

    Example:
        >>> record_problem({"id": "a", "quotes": [{"kind": "direct", "speaker": None}]})
        ''
        >>> record_problem({"id": "a", "quotes": [{"kind": "shouted"}]})
        "quote 0: unknown kind 'shouted' (one of direct, indirect, mixed)"
    """
    quotes = doc.get("quotes")
    if quotes is None:
        return ""
    if not isinstance(quotes, list):
        return '"quotes" is not a list'
    for k, q in enumerate(quotes):
        if not isinstance(q, Mapping):
            return f"quote {k} is not an object but {json.dumps(q)[:40]}"
        if q.get("kind") not in _KINDS:
            return f"quote {k}: unknown kind {q.get('kind')!r} (one of {', '.join(_KINDS)})"
        sp = q.get("speaker")
        if sp is None:
            continue
        if not isinstance(sp, Mapping):
            return f"quote {k}: the speaker is not an object or null"
        if not isinstance(sp.get("mention") or {}, Mapping):
            return f"quote {k}: the speaker's mention is not an object or null"
        for key in ("name", "title", "organization", "kind"):
            if sp.get(key) is not None and not isinstance(sp.get(key), str):
                return f"quote {k}: the speaker's {key} is not a string or null"
        if not isinstance((sp.get("mention") or {}).get("text", ""), str):
            return f"quote {k}: the speaker's mention text is not a string"
    return ""


def read_jsonl(paths: Iterable[str], stdin: TextIO | None = None) -> Iterator[dict[str, Any]]:
    """The JSON objects of ``quotecraft extract`` output files, lazily (``-`` is stdin)."""
    for path in paths:
        fh = (stdin or sys.stdin) if path == "-" else open(path, encoding="utf-8")  # noqa: SIM115
        try:
            for n, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                try:
                    obj = json.loads(line)
                except ValueError as exc:
                    raise InputFormatError(f"E007 {path} line {n}: not JSON ({exc})") from None
                if not isinstance(obj, dict) or not ("quotes" in obj or "error" in obj):
                    raise InputFormatError(
                        f"E007 {path} line {n}: not 'quotecraft extract' output "
                        '(an object with "quotes" or "error")'
                    )
                problem = "" if "error" in obj else record_problem(obj)
                if problem:
                    raise InputFormatError(f"E007 {path} line {n}: {problem}")
                yield obj
        finally:
            if fh is not stdin and fh is not sys.stdin:
                fh.close()


# -- command line --------------------------------------------------------------------------------


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
