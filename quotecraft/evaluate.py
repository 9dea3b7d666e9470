"""Score extracted quotations against gold annotations.

The matching is the one of the shared reference scorer (``eval/score.py``) and
gives identical figures:

- a predicted quote matches a gold quote when their content spans, each trimmed
  of quotation marks, spaces and final punctuation, overlap by at least half of
  *each* span; matching is one-to-one, largest overlap first;
- of the matched pairs, the speaker is right when the predicted speaker name
  equals the gold name or one of its aliases (case, accents and full stops
  folded), or, where the gold has only a mention span, when the predicted
  mention overlaps it or the predicted name contains the gold mention's last word;
- end-to-end: a quote counts when both its span and its speaker are right.

Gold records are JSON objects ``{"id", "text", "quotes": [{"kind", "content",
"speaker", "speaker_name", "speaker_aliases"?}]}``; predictions are what
``quotecraft extract`` writes (:func:`quotecraft.to_dict`). Documents are paired
by ``id``; a prediction for a document absent from the gold is ignored, a gold
document without a prediction counts as one with no quotes.

Example:
    >>> text = 'Tax will rise, Ann Lee said.'
    >>> gold = [{"id": "a", "text": text, "quotes": [{"kind": "indirect",
    ...     "content": {"start": 0, "end": 13, "text": "Tax will rise"},
    ...     "speaker": None, "speaker_name": "Ann Lee"}]}]
    >>> pred = [{"id": "a", "quotes": [{"kind": "indirect",
    ...     "content": {"start": 0, "end": 14, "text": "Tax will rise,"},
    ...     "speaker": {"name": "Ann Lee", "mention": None}}]}]
    >>> s = evaluate(gold, pred)
    >>> s.quote_f1, s.exact_share, s.speaker_acc
    (1.0, 1.0, 1.0)
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from attrs import field, frozen

from .jsonl import json_lines

__all__ = [
    "KindCounts",
    "Matching",
    "Miss",
    "Scores",
    "evaluate",
    "evaluate_files",
    "fold",
    "match",
    "read_jsonl",
    "read_jsonl_by_id",
    "speaker_ok",
    "trimmed",
]

TRIM = frozenset(" \t\r\n\"'“”‘’«»„‟‚‛‹›.,;:!?—–-")
"""Characters trimmed from both ends of a content span before matching."""

Record = Mapping[str, Any]
Span = tuple[int, int]


def fold(s: str | None) -> str:
    """Lowercase, strip accents, turn full stops into spaces, squeeze spaces.

    Example:
        >>> fold("Dr. Élise  MÜLLER")
        'dr elise muller'
    """
    s = unicodedata.normalize("NFKD", s or "").replace(".", " ")
    return " ".join("".join(c for c in s if not unicodedata.combining(c)).lower().split())


def trimmed(text: str, start: int, end: int) -> Span:
    """``(start, end)`` without quotation marks, spaces and punctuation at either end.

    Example:
        >>> trimmed("“Yes,” he said.", 0, 6)
        (1, 4)
    """
    while start < end and text[start] in TRIM:
        start += 1
    while end > start and text[end - 1] in TRIM:
        end -= 1
    return start, end


def _overlap(a: Span, b: Span) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def speaker_ok(gold: Record, pred: Record) -> bool:
    """True when the predicted quote's speaker counts as right for the gold quote.

    Example:
        >>> speaker_ok({"speaker_name": "Ann Lee"}, {"speaker": {"name": "ann lee"}})
        True
        >>> speaker_ok({"speaker": {"start": 0, "end": 7, "text": "Mr. Lee"}},
        ...            {"speaker": {"name": "Bo Lee", "mention": None}})
        True
    """
    ps = pred.get("speaker") or {}
    if not ps:
        return False
    gname = gold.get("speaker_name")
    pname = ps.get("name") or ""
    if gname:
        names = {fold(gname)} | {fold(a) for a in gold.get("speaker_aliases") or ()}
        return fold(pname) in names
    gm = gold.get("speaker")
    if not gm:
        return False
    pm = ps.get("mention")
    if pm and _overlap((gm["start"], gm["end"]), (pm["start"], pm["end"])) > 0:
        return True
    words = fold(gm["text"]).split()
    return bool(words) and words[-1] in fold(pname).split()


@frozen
class Matching:
    """The one-to-one matching of one document's gold and predicted quotes."""

    gold_spans: tuple[Span, ...]
    """Trimmed ``(start, end)`` of each gold quote's content."""
    pred_spans: tuple[Span, ...]
    """Trimmed ``(start, end)`` of each predicted quote's content (clamped to the text)."""
    pairs: dict[int, int] = field(factory=dict)
    """Gold index -> predicted index of each matched pair."""


def match(text: str, gold_quotes: Sequence[Record], pred_quotes: Sequence[Record]) -> Matching:
    """Match the quotes of one document: half of each span overlapping, largest overlap first.

    Args:
        text: the document text both sides' offsets index.
        gold_quotes: gold quotes (``content`` spans).
        pred_quotes: predicted quotes (``content`` spans).

    Example:
        >>> text = '"We won," she said. He said no.'
        >>> q = lambda s, e: {"content": {"start": s, "end": e}}
        >>> match(text, [q(0, 9), q(28, 30)], [q(1, 7), q(20, 31)]).pairs
        {0: 0}
    """
    gs = tuple(trimmed(text, q["content"]["start"], q["content"]["end"]) for q in gold_quotes)
    spans = []
    for q in pred_quotes:
        c = q.get("content") or {}
        s, e = int(c.get("start", 0)), int(c.get("end", 0))
        spans.append(trimmed(text, max(0, s), min(len(text), e)))
    ps = tuple(spans)
    candidates = []
    for i, g in enumerate(gs):
        for j, p in enumerate(ps):
            o = _overlap(g, p)
            if o and o >= 0.5 * (g[1] - g[0]) and o >= 0.5 * (p[1] - p[0]):
                candidates.append((o, i, j))
    candidates.sort(reverse=True)
    used_p: set[int] = set()
    pairs: dict[int, int] = {}
    for _, i, j in candidates:
        if i in pairs or j in used_p:
            continue
        used_p.add(j)
        pairs[i] = j
    return Matching(gs, ps, pairs)


@frozen
class Miss:
    """A gold quote that was not found, or found with the wrong speaker."""

    id: str
    """Document id."""
    why: str
    """``"quote"`` (no predicted quote matched) or ``"speaker"`` (matched, wrong speaker)."""
    kind: str | None
    """Gold kind."""
    content: str
    """The first 80 characters of the gold content."""
    gold_speaker: str | None = None
    """Gold speaker name or mention (speaker misses)."""
    predicted_speaker: str | None = None
    """Predicted speaker name (speaker misses)."""
    index: int = -1
    """Position of the gold quote among the document's (kind-filtered) gold quotes."""


@frozen
class KindCounts:
    """Counts behind the figures of one gold kind."""

    gold: int
    """Gold quotes of this kind."""
    matched: int
    """Of them, matched by a predicted quote."""
    speaker_right: int
    """Of those, with the right speaker."""


@frozen
class Scores:
    """Figures of one evaluation run (same names and values as the reference scorer).

    Example:
        >>> s = evaluate([{"id": "a", "text": "x", "quotes": []}], [])
        >>> s.summary()
        'gold=0 predicted=0 matched=0 quote_p=0.0 quote_r=0.0 quote_f1=0.0 exact_share=0.0 speaker_acc=0.0 e2e_f1=0.0 recall_by_kind={}'
    """

    gold: int
    """Gold quotes."""
    predicted: int
    """Predicted quotes."""
    matched: int
    """One-to-one matched pairs."""
    quote_p: float
    """Precision of quote spans."""
    quote_r: float
    """Recall of quote spans."""
    quote_f1: float
    """F1 of quote spans."""
    exact_share: float
    """Share of matched pairs whose trimmed spans are identical."""
    speaker_acc: float
    """Share of matched pairs whose speaker is right."""
    e2e_f1: float
    """F1 counting a quote only when both its span and its speaker are right."""
    recall_by_kind: dict[str, float] = field(factory=dict)
    """Recall per gold kind (direct, indirect, mixed)."""
    misses: tuple[Miss, ...] = ()
    """Every gold quote missed or given the wrong speaker, in document order."""
    kind_counts: dict[str, KindCounts] = field(factory=dict)
    """The counts behind :attr:`recall_by_kind` (not part of the reference scorer's output)."""

    def summary(self) -> str:
        """One line, in the reference scorer's format."""
        d = self.as_dict()
        return " ".join(f"{k}={v}" for k, v in d.items() if k != "misses")

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready dict with exactly the reference scorer's keys and values."""
        return {
            "gold": self.gold,
            "predicted": self.predicted,
            "matched": self.matched,
            "quote_p": self.quote_p,
            "quote_r": self.quote_r,
            "quote_f1": self.quote_f1,
            "exact_share": self.exact_share,
            "speaker_acc": self.speaker_acc,
            "e2e_f1": self.e2e_f1,
            "recall_by_kind": dict(self.recall_by_kind),
            "misses": [_miss_dict(m) for m in self.misses],
        }

    def kind_table(self) -> str:
        """Recall (and speaker accuracy) by gold kind, as a Markdown table."""
        rows = [
            "| kind | gold | found | recall | speaker right |",
            "|---|---:|---:|---:|---:|",
        ]
        for k, c in self.kind_counts.items():
            recall = c.matched / c.gold if c.gold else 0.0
            spk = c.speaker_right / c.matched if c.matched else 0.0
            rows.append(f"| {k} | {c.gold} | {c.matched} | {recall:.3f} | {spk:.3f} |")
        return "\n".join(rows)


def _miss_dict(m: Miss) -> dict[str, Any]:
    if m.why == "speaker":
        return {
            "id": m.id,
            "why": m.why,
            "gold": m.gold_speaker,
            "pred": m.predicted_speaker,
            "content": m.content,
        }
    return {"id": m.id, "why": m.why, "kind": m.kind, "content": m.content}


def _by_id(records: Iterable[Record] | Mapping[str, Record]) -> Mapping[str, Record]:
    if isinstance(records, Mapping):
        return records
    return {str(r.get("id", n)): r for n, r in enumerate(records)}


def evaluate(
    gold: Iterable[Record] | Mapping[str, Record],
    predicted: Iterable[Record] | Mapping[str, Record],
    *,
    kinds: Iterable[str] | None = None,
) -> Scores:
    """Score predicted records against gold records.

    Args:
        gold: gold documents (with ``text`` and ``quotes``), or a mapping id -> document.
        predicted: predicted documents (``quotecraft extract`` output), or a mapping
            id -> document; paired with the gold by ``id`` (a record without one gets its
            position). Error records and documents absent from the gold are ignored.
        kinds: score only these kinds, on both sides (default: all).

    Returns:
        The :class:`Scores`, equal to the reference scorer's figures.
    """
    kind_set = set(kinds) if kinds else None
    gold_docs = _by_id(gold)
    pred_docs = _by_id(predicted)
    n_gold = n_pred = n_match = n_exact = n_spk = n_gold_spk = 0
    by_kind: dict[str, list[int]] = {}
    misses: list[Miss] = []
    for doc_id, gdoc in gold_docs.items():
        text = gdoc["text"]
        gq = [q for q in gdoc["quotes"] if not kind_set or q.get("kind") in kind_set]
        pq = [
            q
            for q in (pred_docs.get(doc_id) or {}).get("quotes", []) or []
            if not kind_set or q.get("kind") in kind_set
        ]
        m = match(text, gq, pq)
        n_gold += len(gq)
        n_pred += len(pq)
        n_match += len(m.pairs)
        for i, q in enumerate(gq):
            k = by_kind.setdefault(q.get("kind", "unknown"), [0, 0, 0])
            k[0] += 1
            has_spk = bool(q.get("speaker_name") or q.get("speaker"))
            n_gold_spk += has_spk
            content = q["content"]["text"][:80]
            if i in m.pairs:
                k[1] += 1
                j = m.pairs[i]
                n_exact += m.gold_spans[i] == m.pred_spans[j]
                if has_spk and speaker_ok(q, pq[j]):
                    n_spk += 1
                    k[2] += 1
                elif has_spk:
                    misses.append(
                        Miss(
                            doc_id,
                            "speaker",
                            q.get("kind"),
                            content,
                            gold_speaker=q.get("speaker_name")
                            or (q.get("speaker") or {}).get("text"),
                            predicted_speaker=(pq[j].get("speaker") or {}).get("name"),
                            index=i,
                        )
                    )
            else:
                misses.append(Miss(doc_id, "quote", q.get("kind"), content, index=i))
    p = n_match / n_pred if n_pred else 0.0
    r = n_match / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    e2e_p = n_spk / n_pred if n_pred else 0.0
    e2e_r = n_spk / n_gold_spk if n_gold_spk else 0.0
    e2e_f = 2 * e2e_p * e2e_r / (e2e_p + e2e_r) if e2e_p + e2e_r else 0.0
    ordered = sorted(by_kind.items())
    return Scores(
        gold=n_gold,
        predicted=n_pred,
        matched=n_match,
        quote_p=round(p, 4),
        quote_r=round(r, 4),
        quote_f1=round(f, 4),
        exact_share=round(n_exact / n_match, 4) if n_match else 0.0,
        speaker_acc=round(n_spk / n_match, 4) if n_match else 0.0,
        e2e_f1=round(e2e_f, 4),
        recall_by_kind={k: round(v[1] / v[0], 4) for k, v in ordered if v[0]},
        misses=tuple(misses),
        kind_counts={k: KindCounts(*v) for k, v in ordered},
    )


def read_jsonl(path: str | Path) -> list[dict[str, Any]]:
    """The records of a JSON Lines file (blank lines skipped)."""
    with open(path, encoding="utf-8") as f:
        return [_parsed(path, n, obj, problem) for n, obj, problem in json_lines(f)]


def read_jsonl_by_id(path: str | Path) -> dict[str, dict[str, Any]]:
    """The records of a JSON Lines file by ``id``, as the reference scorer reads them.

    A record without an ``id`` is keyed by its 0-based line number (blank lines
    counted); of two records with the same id, the later one wins.
    """
    out: dict[str, dict[str, Any]] = {}
    with open(path, encoding="utf-8") as f:
        for n, obj, problem in json_lines(f):
            d = _parsed(path, n, obj, problem)
            out[str(d.get("id", n - 1))] = d
    return out


def _parsed(path: str | Path, n: int, obj: Any, problem: str) -> Any:
    if problem:
        raise ValueError(f"{path} line {n}: not JSON ({problem})")
    return obj


def evaluate_files(
    gold: str | Path, predicted: str | Path, *, kinds: Iterable[str] | None = None
) -> Scores:
    """:func:`evaluate` on two JSON Lines files (read exactly as the reference scorer does)."""
    return evaluate(read_jsonl_by_id(gold), read_jsonl_by_id(predicted), kinds=kinds)
