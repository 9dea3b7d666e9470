"""Who is quoted how often, by kind: a summary of ``quotecraft extract`` output.

:func:`speaker_stats` counts the quotations of many documents per speaker, and
links the speakers of different articles. Speaker ids (``S1``...) hold within
one article only, so across articles a speaker is linked by evidence:

1. its knowledge-base link (``Speaker.link.id``, when the user registered a
   knowledge base): the same id is the same speaker, whatever the spelling, and
   two ids are two speakers, whatever the name;
2. else its normalized full name: the name the article gives (``Ann Lee``, also
   for ``Mayor Ann Lee``, ``she`` or ``the mayor`` resolved to her), case,
   spacing, a leading title and a possessive aside. An unlinked name does not
   join a linked speaker of the same name: the linker left it out, so the text
   did not agree with the knowledge base, and a namesake is no evidence.

A mention with no name behind it (a pronoun or description the article never
resolves: ``he``, ``officials``, ``a spokesperson``) never merges across
articles: it gets a row of its own per article. Quotations with no speaker at
all are counted in one ``(no speaker)`` row. Every row lists the articles it
came from.

``quotecraft stats FILE.jsonl`` prints the table (``--format json`` for JSON).
"""

from __future__ import annotations

import functools
import json
import sys
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, TextIO

from attrs import asdict, frozen

from .errors import BAD_RECORD, InputFormatError
from .jsonl import json_lines
from .records import Article, ErrorRecord, QuoteKind
from .resources import data_json

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
    articles: tuple[str, ...] = ()
    """The articles quoting the speaker, in reading order: their ids, else ``#N``
    (the N-th document read)."""
    link: str | None = None
    """The knowledge-base id the speaker was linked by, if any."""
    linked_by: str = "name"
    """How the row's quotations were put together across articles: ``"link"`` (the
    knowledge-base id), ``"name"`` (the normalized full name), ``"article"`` (a mention with
    no name: never merged across articles) or ``"none"`` (the ``(no speaker)`` row)."""

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
            "speakers": [
                {**asdict(s), "articles": list(s.articles), "total": s.total} for s in self.speakers
            ],
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
        head = ["speaker", "title", "organization", "docs", *_KINDS, "total", "articles"]
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
                _articles(s.articles),
            ]
            for s in rows
        ]
        limits = [32, 32, 24]  # text columns are cut to these widths
        body = [[_cut(c, limits[i]) if i < 3 else c for i, c in enumerate(r)] for r in body]
        widths = [max(len(r[i]) for r in [head, *body]) for i in range(len(head))]
        lines.append("")
        for r in [head, *body]:
            cells = [
                c.ljust(w) if i < 3 or i == len(head) - 1 else c.rjust(w)
                for i, (c, w) in enumerate(zip(r, widths, strict=True))
            ]
            lines.append("  ".join(cells).rstrip())
        if top is not None and len(self.speakers) > top:
            lines.append(f"... {len(self.speakers) - top} more speakers (--top 0 lists all)")
        return "\n".join(lines) + "\n"


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _articles(ids: tuple[str, ...], width: int = 40) -> str:
    """The article ids of a table row, cut after ``width`` characters with a count of the rest."""
    out = ""
    for n, i in enumerate(ids):
        piece = i if not out else f"{out}, {i}"
        if len(piece) > width and out:
            return f"{out}, … (+{len(ids) - n})"
        out = piece
    return out


def _norm(name: str) -> str:
    return " ".join(name.split()).casefold()


@functools.cache
def _pronouns() -> frozenset[str]:
    """Every personal pronoun of ``data/pronouns.json`` (never a name to link by)."""
    data = data_json("pronouns.json")
    kinds = ("male", "female", "plural", "neuter", "first_person", "second_person")
    return frozenset(p for kind in kinds for p in data.get(kind, ()))


def full_name_key(name: str, title: str | None = None) -> str:
    """The key two articles' speakers are linked by: the name, case, spacing, a leading
    title and a possessive aside.

    Example:
        >>> full_name_key("Mayor  Ann LEE", "Mayor"), full_name_key("Ann Lee's")
        ('ann lee', 'ann lee')
    """
    key = _norm(name)
    if title:
        t = _norm(title)
        if key.startswith(t + " "):
            key = key[len(t) + 1 :]
    for suffix in ("'s", "’s"):
        if key.endswith(suffix):
            key = key[: -len(suffix)]
    return key.strip(" .,")


def _display_name(name: str, title: str | None) -> str:
    """The name as written, spacing normalized, without a leading title (``Mayor Ann Lee``)."""
    name = " ".join(name.split())
    if title:
        t = " ".join(title.split())
        if name.casefold().startswith(t.casefold() + " "):
            name = name[len(t) + 1 :]
    return name


def _has_name(sp: Mapping[str, Any]) -> bool:
    """True when the speaker has a name from the text, not just a pronoun or a description."""
    name = sp.get("name")
    if not name or full_name_key(name, sp.get("title")) in _pronouns():
        return False
    resolution = sp.get("resolution")
    if resolution is None:  # records without a resolution: names of persons and organizations
        return sp.get("kind") in ("person", "organization")
    return str(resolution) != "unresolved"


def _link_id(sp: Mapping[str, Any]) -> str | None:
    link = sp.get("link")
    if isinstance(link, Mapping) and link.get("id"):
        return str(link["id"])
    return None


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
        speaker  title  organization  docs  direct  indirect  mixed  total  articles
        Ann Lee  Mayor                   1       1         0      0      1  #1
        <BLANKLINE>
    """
    n_docs = n_errors = 0
    kinds: Counter[str] = Counter({k: 0 for k in _KINDS})
    groups: dict[tuple[Any, ...], list[tuple[int, str, str, Mapping[str, Any] | None]]] = {}
    for doc in documents:
        n_docs += 1
        quotes = _quotes(doc)
        if quotes is None:
            n_errors += 1
            continue
        article = _article_label(doc, n_docs)
        for kind, sp in quotes:
            kinds[kind] += 1
            key: tuple[Any, ...]
            if sp is None:
                key = ("none",)
            elif (link := _link_id(sp)) is not None:
                key = ("link", link)
            elif _has_name(sp):
                key = ("name", full_name_key(sp["name"], sp.get("title")))
            else:
                label = sp.get("name") or (sp.get("mention") or {}).get("text") or ""
                key = ("article", n_docs, _norm(label))
            groups.setdefault(key, []).append((n_docs, article, kind, sp))

    rows = [_row(key, members) for key, members in groups.items()]
    rows.sort(key=lambda s: (s.name == NO_SPEAKER, -s.total, -s.documents, s.name.casefold()))
    return Stats(n_docs, n_errors, {k: kinds[k] for k in _KINDS}, tuple(rows))


def _article_label(doc: Article | ErrorRecord | Mapping[str, Any], n: int) -> str:
    doc_id = doc.id if isinstance(doc, (Article, ErrorRecord)) else doc.get("id")
    return str(doc_id) if doc_id not in (None, "") else f"#{n}"


def _row(
    key: tuple[Any, ...], members: list[tuple[int, str, str, Mapping[str, Any] | None]]
) -> SpeakerCount:
    """One table row: the quotations of one speaker, from one or more articles."""
    counts: Counter[str] = Counter(kind for _, _, kind, _ in members)
    names: Counter[str] = Counter()
    titles: Counter[str] = Counter()
    orgs: Counter[str] = Counter()
    sp_kinds: Counter[str] = Counter()
    for _, _, _, sp in members:
        if sp is None:
            continue
        label = sp.get("name") or (sp.get("mention") or {}).get("text")
        if label:
            names[_display_name(label, sp.get("title"))] += 1
        for table, value in (
            (titles, sp.get("title")),
            (orgs, sp.get("organization")),
            (sp_kinds, sp.get("kind")),
        ):
            if value:
                table[str(value)] += 1
    docs = dict.fromkeys((n, a) for n, a, _, _ in members)  # two documents may share an id
    articles = tuple(a for _, a in docs)
    by = {"none": "none", "link": "link", "name": "name", "article": "article"}[key[0]]
    return SpeakerCount(
        name=_most_common(names) if names else NO_SPEAKER,
        title=_most_common(titles) if titles else None,
        organization=_most_common(orgs) if orgs else None,
        kind=_most_common(sp_kinds) if sp_kinds else None,
        documents=len(docs),
        direct=counts["direct"],
        indirect=counts["indirect"],
        mixed=counts["mixed"],
        articles=articles,
        link=key[1] if key[0] == "link" else None,
        linked_by=by,
    )


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
        raise InputFormatError(f"{BAD_RECORD} document {doc.get('id')!r}: {problem}")
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
            for n, obj, not_json in json_lines(fh):
                if not_json:
                    raise InputFormatError(f"{BAD_RECORD} {path} line {n}: not JSON ({not_json})")
                if not isinstance(obj, dict) or not ("quotes" in obj or "error" in obj):
                    raise InputFormatError(
                        f"{BAD_RECORD} {path} line {n}: not 'quotecraft extract' output "
                        '(an object with "quotes" or "error")'
                    )
                problem = "" if "error" in obj else record_problem(obj)
                if problem:
                    raise InputFormatError(f"{BAD_RECORD} {path} line {n}: {problem}")
                yield obj
        finally:
            if fh is not stdin and fh is not sys.stdin:
                fh.close()
