"""Stage 1: pair quotation marks into quoted stretches of text.

Works on text alone (no parse), in one left-to-right pass per paragraph, so it
is linear in the length of the text. It knows every common convention
(“…”, "…", ‘…’, '…', «…», »…«, „…“, ‹…›, 「…」), tells apostrophes from
single quotation marks (``workers’ union``, ``’90s``, ``rock ’n’ roll``,
``Jones’``), follows a quotation over several paragraphs when each of them
opens with a mark and only the last one closes (or, when none reopens it, to a
closing mark a few paragraphs on with no mark between), takes dialogue set with
dashes (``— Out, — he said.``) as quoted stretches, and recovers from unbalanced
marks instead of giving up.

Example:
    >>> [t.pieces for t in find_quoted('“Go,” he said, “now.”')]
    [((1, 4),), ((16, 20),)]
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence

from attrs import define, frozen

from .mark_table import OPEN_CONTEXT, MarkTable, mark_table, replace_digraphs

Offsets = tuple[int, int]

__all__ = ["MAX_LISTED", "MarkTable", "Quoted", "find_quoted", "mark_table", "replace_digraphs"]

MAX_LISTED = 20
"""Warnings listed per kind (W001, W002) and document; the rest are counted in one W_MORE."""
_LETTER_AFTER_APOS = frozenset("stdmlrvn")


@frozen
class Quoted:
    """One quoted stretch: where its marks are and which text they enclose."""

    open: int
    """Offset of the opening mark."""
    close: int | None
    """Offset of the closing mark, or None when it never closed (recovered)."""
    pieces: tuple[Offsets, ...]
    """Content inside the marks, one ``(start, end)`` per paragraph it spans."""
    mark: str
    """The opening mark character."""
    closed: bool = True
    """False when no closing mark was found and the quote was cut at its paragraph end."""

    @property
    def start(self) -> int:
        """Offset of the first content character."""
        return self.pieces[0][0]

    @property
    def end(self) -> int:
        """Offset one past the last content character."""
        return self.pieces[-1][1]

    @property
    def outer_end(self) -> int:
        """Offset one past the closing mark (or the content end when unclosed)."""
        return self.close + 1 if self.close is not None else self.end


@define
class _Open:
    mark: str
    pos: int
    pieces: list[Offsets]
    piece_start: int


def _is_word(ch: str) -> bool:
    return ch.isalnum()


def _classify(text: str, i: int, table: MarkTable, p_start: int, p_end: int) -> str:
    """'open', 'close', 'apos' or 'either' for the mark at ``i`` (context only)."""
    ch = text[i]
    prev = text[i - 1] if i > p_start else " "
    nxt = text[i + 1] if i + 1 < p_end else " "
    if ch in table.apostrophes:
        if _is_word(prev) and _is_word(nxt):
            return "apos"  # don’t, O’Brien
        if (prev.isspace() or prev in "([") and nxt.isdigit():
            return "apos"  # ’90s
        if (
            (prev.isspace() or prev in "([")
            and nxt in "nN"
            and (i + 2 >= p_end or text[i + 2] in "’' ")
        ):
            return "apos"  # rock ’n’ roll
        if (
            prev in "nN"
            and i - 2 >= p_start
            and text[i - 2] in "’'"
            and (i - 3 < p_start or text[i - 3].isspace())
            and nxt.isspace()
        ):
            return "apos"  # the second mark of rock ’n’ roll
    if ch in table.opens:
        return "open"
    if ch in table.closes:
        if ch == "’" and (prev.isspace() or prev in "([") and _is_word(nxt):
            return "apos"  # ’em, ’til, an opening apostrophe
        return "close"
    # straight marks: decide by what surrounds them
    before_open = prev.isspace() or prev in OPEN_CONTEXT or prev in table.opens
    after_close = nxt.isspace() or not _is_word(nxt)
    if before_open and not nxt.isspace():
        return "open"
    if not prev.isspace() and after_close:
        return "close"
    return "either"


_Search = Callable[[str, int, int], "re.Match[str] | None"]
_MARK_SEARCH: dict[frozenset[str], _Search] = {}


def _mark_search(marks: frozenset[str]) -> _Search:
    """``search`` of a compiled pattern matching any of ``marks`` (one per mark set)."""
    found = _MARK_SEARCH.get(marks)
    if found is None:
        pattern = re.compile("[" + "".join(re.escape(c) for c in sorted(marks)) + "]")
        found = _MARK_SEARCH[marks] = pattern.search
    return found


def _paragraph_quotes(
    text: str, p_start: int, p_end: int, table: MarkTable, carried: _Open | None
) -> tuple[list[Quoted], _Open | None, list[int]]:
    """Pair the marks of one paragraph. Returns quotes, a still-open quote and stray offsets."""
    found: list[Quoted] = []
    stack: list[_Open] = []
    # closer -> the stack entries it could close, lowest first (stale ones dropped lazily),
    # so finding the innermost quote a mark closes takes constant time, not a stack scan
    closable: dict[str, list[tuple[int, _Open]]] = {}
    nxt_mark = _NextMark(text, p_end)

    def push(op: _Open) -> None:
        for c in table.closers.get(op.mark, ()):
            closable.setdefault(c, []).append((len(stack), op))
        stack.append(op)

    if carried is not None:
        push(carried)
    stray: list[int] = []
    all_marks = table.all_marks
    next_mark = _mark_search(all_marks)
    i = p_start
    while i < p_end:
        ch = text[i]
        if ch not in all_marks:
            m = next_mark(text, i, p_end)  # jump to the next mark in C, not char by char
            i = m.start() if m is not None else p_end
            continue
        role = _classify(text, i, table, p_start, p_end)
        if role == "apos":
            i += 1
            continue
        fam = table.family[ch]
        # a closer is any mark that can end an open quote on the stack
        closes_idx = -1
        entries = closable.get(ch)
        while entries:
            k, candidate = entries[-1]
            if k < len(stack) and stack[k] is candidate:
                closes_idx = k
                break
            entries.pop()  # closed or dropped since: never on the stack again
        if closes_idx >= 0 and role == "open" and not _closing_context(text, i, p_start, p_end):
            closes_idx = -1  # „ ... „ : a new quote, not the end of the old one
        if (
            stack
            and role != "close"
            and _continues_line(text, i, p_start, stack[0].mark, ch, table)
        ):
            # a paragraph of single lines: a line left open and the next line opening with
            # the same mark go on with one quotation, as across a blank line
            op = stack[0]
            del stack[1:]
            op.pieces.append((op.piece_start, _rstrip(text, op.piece_start, i)))
            op.piece_start = i + 1
            i += 1
            continue
        if ch in table.apostrophes and role == "close" and closes_idx >= 0:
            # workers’ union inside ‘...’: an apostrophe when a later mark can close
            prev = text[i - 1]
            nxt2 = text[i + 1 : i + 3]
            if (
                prev in "sS"
                and len(nxt2) == 2
                and nxt2[0] == " "
                and nxt2[1].isalpha()
                and any(nxt_mark.after(c, i) >= 0 for c in table.closers[stack[closes_idx].mark])
            ):
                i += 1
                continue
        if closes_idx >= 0:
            op = stack[closes_idx]
            del stack[closes_idx:]
            pieces = [_strip(text, s, e) for s, e in (*op.pieces, (op.piece_start, i))]
            pieces = [(s, e) for s, e in pieces if e > s]
            if pieces:
                found.append(Quoted(open=op.pos, close=i, pieces=tuple(pieces), mark=op.mark))
            i += 1
            continue
        if role == "open" or role == "either" or (ch in table.reversible and closes_idx < 0):
            if fam == "single" and stack and role == "either" and ch in table.apostrophes:
                i += 1
                continue
            push(_Open(mark=ch, pos=i, pieces=[], piece_start=i + 1))
            i += 1
            continue
        if ch not in table.apostrophes and _opening_context(text, i, p_start, p_end):
            # ”Hej”: a closing-only mark used to open (Swedish, Finnish)
            push(_Open(mark=ch, pos=i, pieces=[], piece_start=i + 1))
        elif ch not in table.apostrophes:
            stray.append(i)
        i += 1
    # paragraph end: the outermost open quote may continue (the rest are unclosed)
    return found, (stack[0] if stack else None), stray


class _NextMark:
    """Where a character next occurs after an offset, for offsets that only increase.

    Remembers the last answer per character, so a paragraph is searched at most
    once per character however many times the question is asked.
    """

    def __init__(self, text: str, end: int) -> None:
        self.text = text
        self.end = end
        self.found: dict[str, int] = {}

    def after(self, ch: str, i: int) -> int:
        """Offset of the first ``ch`` after ``i`` (before the end), or -1."""
        pos = self.found.get(ch)
        if pos is None or 0 <= pos <= i:
            pos = self.found[ch] = self.text.find(ch, i + 1, self.end)
        return pos


def _continues_line(
    text: str, i: int, p_start: int, open_mark: str, ch: str, table: MarkTable
) -> bool:
    """Whether the mark ``ch`` at ``i`` opens a line that goes on with the quote ``open_mark``
    opened on an earlier line (the multi-paragraph convention, one line a paragraph):
    same family, both straight or both typographic, and the line before ends inside it."""
    return (
        i > p_start
        and text[i - 1] == "\n"
        and table.family.get(ch) == table.family.get(open_mark)
        and (ch == '"') == (open_mark == '"')
        and ch not in table.apostrophes
    )


def _opening_context(text: str, i: int, p_start: int, p_end: int) -> bool:
    prev = text[i - 1] if i > p_start else " "
    nxt = text[i + 1] if i + 1 < p_end else " "
    return (prev.isspace() or prev in OPEN_CONTEXT) and _is_word(nxt)


def _closing_context(text: str, i: int, p_start: int, p_end: int) -> bool:
    prev = text[i - 1] if i > p_start else " "
    nxt = text[i + 1] if i + 1 < p_end else " "
    return not prev.isspace() and (nxt.isspace() or not _is_word(nxt))


def find_quoted(
    text: str,
    paragraphs: Sequence[Offsets] | None = None,
    *,
    skip: Iterable[Offsets] = (),
    warnings: list[str] | None = None,
) -> list[Quoted]:
    """Find the quoted stretches of ``text``.

    Args:
        text: the (normalized) text.
        paragraphs: paragraph offsets; the whole text is one paragraph when omitted.
        skip: paragraphs to ignore (boilerplate).
        warnings: a list that receives coded notes about unbalanced marks (the first
            ``MAX_LISTED`` of each kind with their offsets, then one line counting the rest).

    Returns:
        The quoted stretches in text order. Single-quoted stretches nested in a
        double-quoted one are not returned on their own: they are part of it.

    Example:
        >>> q = find_quoted("They call it ‘the deal’ and the workers’ union agrees.")
        >>> [(text_piece) for t in q for text_piece in t.pieces]
        [(14, 22)]
    """
    from .errors import W_MORE, W_STRAY, W_UNCLOSED

    table = mark_table()
    if paragraphs is None:
        paragraphs = [(0, len(text))]
    noted: dict[str, int] = {}

    def note(template: str, offset: int) -> None:
        # the first MAX_LISTED of each kind, then a count (a page of marks is not 10^5 warnings)
        noted[template] = noted.get(template, 0) + 1
        if warnings is not None and noted[template] <= MAX_LISTED:
            warnings.append(template.format(offset=offset))

    skipped = set(skip)
    paras = [p for p in paragraphs if p not in skipped]
    out: list[Quoted] = []
    carried: _Open | None = None
    bare = False  # the carried quote goes on without a mark opening the paragraph
    for idx, (p_start, p_end) in enumerate(paras):
        if carried is not None and bare:
            p_inner, bare = p_start, False
        elif carried is not None:
            # continuation paragraph must open with a mark of the same family
            first = text[p_start] if p_start < p_end else ""
            if (
                first
                and first in table.all_marks
                and table.family.get(first) == table.family.get(carried.mark)
            ):
                p_inner = p_start + 1
            else:
                out.append(_unclosed(carried, text))
                note(W_UNCLOSED, carried.pos)
                carried = None
                p_inner = p_start
        else:
            p_inner = p_start
        if carried is not None:
            carried.piece_start = p_inner
        found, still_open, stray = _paragraph_quotes(text, p_inner, p_end, table, carried)
        out.extend(found)
        carried = None
        if still_open is not None:
            still_open.pieces.append(
                (still_open.piece_start, _rstrip(text, still_open.piece_start, p_end))
            )
            nxt = paras[idx + 1] if idx + 1 < len(paras) else None
            if (
                nxt is not None
                and text[nxt[0]] in table.all_marks
                and (table.family.get(text[nxt[0]]) == table.family.get(still_open.mark))
                # a continuation paragraph repeats the opening mark: after '"Trump walked ...'
                # left open, '“That’s right,” Melanie said.' is a quotation of its own
                and (text[nxt[0]] == '"') == (still_open.mark == '"')
                and not opens_turn(text, nxt[0] + 1, nxt[1])
            ):
                carried = still_open
            elif nxt is not None and opens_turn(
                text, nxt[0] + (text[nxt[0]] in table.all_marks), nxt[1]
            ):
                out.append(_unclosed(still_open, text))
                if not opens_turn(text, still_open.pos + 1, p_end):
                    note(W_UNCLOSED, still_open.pos)  # a turn's mark is never closed
            elif _closes_later(text, paras, idx, still_open.mark, table):
                carried, bare = still_open, True
            else:
                out.append(_unclosed(still_open, text))
                note(W_UNCLOSED, still_open.pos)
        for s in stray:
            note(W_STRAY, s)
    for template, n in noted.items():
        if warnings is not None and n > MAX_LISTED:
            warnings.append(W_MORE.format(code=template[:4], n=n - MAX_LISTED))
    if carried is not None:
        out.append(_unclosed(carried, text))
    out = [q for q in out if _keep(text, q)]
    out.extend(_dash_dialogue(text, paras, out))
    out.sort(key=lambda q: q.open)
    return _drop_nested(out)


_WORD = r"[A-Z][A-Z'’.\-]*[A-Z.]"
TURN_LABEL = re.compile(
    rf"(?P<label>{_WORD}(?:[ \u00a0]{_WORD}){{0,3}})(?:[ \u00a0]\([^()\n]{{1,40}}\))?:[ \u00a0\t]+(?=\S)"
)
"""A transcript's speaker label: one to four words in capitals (each of two characters or
more, so no ``Q:``), an optional bracket (``ALDER (D-Ore.):``), a colon and a first word."""


def opens_turn(text: str, start: int, end: int) -> bool:
    """Whether the paragraph text from ``start`` (past any opening mark) to ``end`` opens
    with a speaker's label (``WALLACE: ...``): a turn of a transcript
    (:mod:`quotecraft.transcripts`), which a quotation carried from the paragraph before
    does not go on into."""
    return TURN_LABEL.match(text, start, end) is not None


_BARE_REACH = 4
"""Paragraphs after an open quote searched for its closing mark when they do not reopen it."""


def _closes_later(
    text: str, paras: Sequence[Offsets], idx: int, mark: str, table: MarkTable
) -> bool:
    """Whether a quote left open at the end of paragraph ``idx`` closes a few paragraphs on,
    its writer not repeating the mark at each paragraph (a letter quoted at length, dialogue
    set one sentence a line): the first mark after it closes it, with no mark before that
    in the paragraphs between."""
    next_mark = _mark_search(table.all_marks)
    for p_start, p_end in paras[idx + 1 : idx + 1 + _BARE_REACH]:
        m = next_mark(text, p_start, p_end)
        while m is not None:
            i = m.start()
            m = next_mark(text, i + 1, p_end)
            role = _classify(text, i, table, p_start, p_end)
            if role == "apos":
                continue
            ch = text[i]
            return (
                role == "close"
                and table.family.get(ch) == table.family.get(mark)
                and (ch == '"') == (mark == '"')
            )
    return False


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _strip(text: str, start: int, end: int) -> Offsets:
    """``(start, end)`` without surrounding whitespace (« Nous partons »)."""
    while start < end and text[start].isspace():
        start += 1
    return start, _rstrip(text, start, end)


def _unclosed(op: _Open, text: str) -> Quoted:
    pieces = tuple(p for p in (_strip(text, s, e) for s, e in op.pieces) if p[1] > p[0])
    if not pieces:
        pieces = ((op.pos + 1, op.pos + 1),)
    return Quoted(open=op.pos, close=None, pieces=pieces, mark=op.mark, closed=False)


def _keep(text: str, q: Quoted) -> bool:
    content = "".join(text[s:e] for s, e in q.pieces).strip()
    if not any(ch.isalnum() for ch in content):
        return False
    return not (q.mark in "‘'‛‚" and len(content) <= 2)


def _drop_nested(quotes: list[Quoted]) -> list[Quoted]:
    """Keep outermost quotes only (a nested quote is part of its outer quote's content)."""
    out: list[Quoted] = []
    for q in quotes:
        if out and out[-1].open < q.open and q.outer_end <= out[-1].outer_end:
            continue
        out.append(q)
    return out


_DIALOGUE_DASHES = frozenset("—–―")
"""Dashes that open a line of dialogue (``— Where are you going? — he asked.``)."""
_DASH_ATTRIBUTION = re.compile(r"\s[—–―]\s+(?=[a-z])")
"""A dash inside the line, before the lowercase attribution that follows the words."""


def _dash_dialogue(text: str, paras: Sequence[Offsets], marked: Sequence[Quoted]) -> list[Quoted]:
    """Lines of dialogue set with dashes instead of quotation marks (European and some
    literary usage): a paragraph that opens with a dash and a space, has no quotation marks
    of its own, and goes on after a second dash with a lowercase attribution
    (``— Out, — he said.``), its first word capitalized. The words between the two dashes
    are the quoted stretch, closed by the second dash; a line without that attribution, or
    in lower case, is left alone (a list item).
    """
    out: list[Quoted] = []
    taken = [(q.open, q.outer_end) for q in marked]
    for p_start, p_end in paras:
        if p_end - p_start < 4 or text[p_start] not in _DIALOGUE_DASHES:
            continue
        if not text[p_start + 1].isspace() or not text[p_start + 2 : p_start + 3].isupper():
            continue  # a spoken line opens with a capital; a list item often does not
        if any(p_start <= a < p_end for a, _ in taken):
            continue
        m = _DASH_ATTRIBUTION.search(text, p_start + 2, p_end)
        if m is None:
            continue
        close = m.start() + 1
        start, end = _strip(text, p_start + 1, close)
        if end > start:
            out.append(
                Quoted(open=p_start, close=close, pieces=((start, end),), mark=text[p_start])
            )
    return out
