"""The quotation-mark table (``data/quote_marks.json``) and two-character marks.

:mod:`quotecraft.marks` pairs marks by the roles this table gives them;
:func:`replace_digraphs` rewrites ``''`` and ``` `` ``` marks as one mark before that.
"""

from __future__ import annotations

import re
from functools import cache

from attrs import frozen

from .resources import data_json

OPEN_CONTEXT = frozenset(" \t\n([{<—–-/:;,")
"""Characters after which a straight mark opens a quote."""


@frozen
class MarkTable:
    """Quotation marks by role, read from ``data/quote_marks.json``."""

    family: dict[str, str]
    opens: frozenset[str]
    closes: frozenset[str]
    either: frozenset[str]
    apostrophes: frozenset[str]
    closers: dict[str, frozenset[str]]
    reversible: dict[str, str]
    digraphs: dict[str, str]
    """Two-character marks -> the one-character mark they stand for."""

    @property
    def all_marks(self) -> frozenset[str]:
        return self.opens | self.closes | self.either


@cache
def mark_table() -> MarkTable:
    """The packaged quotation-mark table (read once per process)."""
    data = data_json("quote_marks.json")
    family: dict[str, str] = {}
    opens: set[str] = set()
    closes: set[str] = set()
    either: set[str] = set()
    for fam, roles in data["families"].items():
        for ch in roles["open"]:
            family[ch] = fam
            opens.add(ch)
        for ch in roles["close"]:
            family[ch] = fam
            closes.add(ch)
        for ch in roles["either"]:
            family[ch] = fam
            either.add(ch)
    closers: dict[str, frozenset[str]] = {}
    for ch in opens | either:
        same = {c for c in closes | either if family[c] == family[ch]}
        closers[ch] = frozenset(same | set(data["extra_closers"].get(ch, ())))
    for ch, extra in data["extra_closers"].items():
        closers[ch] = closers.get(ch, frozenset()) | frozenset(extra)
    return MarkTable(
        family=family,
        opens=frozenset(opens),
        closes=frozenset(closes),
        either=frozenset(either),
        apostrophes=frozenset(data["apostrophes"]),
        closers=closers,
        reversible=dict(data["reversible"]),
        digraphs=dict(data.get("digraphs", {})),
    )


@cache
def _digraph_pattern() -> re.Pattern[str] | None:
    pairs = mark_table().digraphs
    if not pairs:
        return None
    # exactly two of the same character, not part of a longer run of it
    alts = [f"(?<!{re.escape(d[0])}){re.escape(d)}(?!{re.escape(d[-1])})" for d in pairs]
    return re.compile("|".join(alts))


def replace_digraphs(text: str) -> str:
    """Rewrite two-character quotation marks as one mark and a space (same length).

    Newspaper archives often write double quotes as two apostrophes, and Penn
    Treebank text opens them with two backticks. Each pair becomes the
    one-character mark given in ``data/quote_marks.json``: an opening pair (a word
    follows) becomes a space and the mark, a closing pair the mark and a space, so
    the mark stays next to the quoted words. A pair with spaces on both sides is
    left alone.

    Example:
        >>> replace_digraphs(chr(39) * 2 + "Yes," + chr(39) * 2 + " he said.")
        ' "Yes,"  he said.'
    """
    pattern = _digraph_pattern()
    pairs = mark_table().digraphs
    if pattern is None or not any(d in text for d in pairs):
        return text
    n = len(text)

    def sub(m: re.Match[str]) -> str:
        mark = pairs[m.group()]
        s, e = m.start(), m.end()
        prev = text[s - 1] if s > 0 else " "
        nxt = text[e] if e < n else " "
        if not nxt.isspace() and (prev.isspace() or prev in OPEN_CONTEXT):
            return " " + mark  # an opening pair
        if not prev.isspace():
            return mark + " "  # a closing pair
        return m.group()

    return pattern.sub(sub, text)


def restore_digraphs(normalized: str, text: str) -> str:
    """``normalized`` with the two-character marks :func:`replace_digraphs` rewrote put
    back as ``text`` has them (where ``normalized`` did not blank them out).

    Example:
        >>> t = chr(39) * 2 + "Yes," + chr(39) * 2 + " he said."
        >>> restore_digraphs(replace_digraphs(t), t) == t
        True
    """
    pattern = _digraph_pattern()
    if pattern is None or normalized == text or not any(d in text for d in mark_table().digraphs):
        return normalized
    chars = list(normalized)
    for m in pattern.finditer(text):
        s, e = m.start(), m.end()
        if normalized[s:e] != text[s:e] and normalized[s:e].strip():
            chars[s:e] = text[s:e]
    return "".join(chars)


def as_mark(text: str) -> str:
    """A token's text, a two-character mark (``''``) read as the one mark it stands for.

    The parse keeps such a pair as one token
    (:attr:`~quotecraft.segment.Segmentation.parse_text`), which the checks for
    quotation marks must take for that mark.

    Example:
        >>> as_mark(chr(39) * 2), as_mark("said")
        ('"', 'said')
    """
    return mark_table().digraphs.get(text, text)
