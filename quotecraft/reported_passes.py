"""Passes over all reported candidates of a document that fix their contents' extent.

:func:`clip_to_paragraph` keeps a content inside its cue's paragraph,
:func:`balance_marks` keeps the quotation marks in a content paired and
:func:`drop_across_stops` drops a content a colon or semicolon cuts off from its cue and
:func:`drop_time_clauses` a time clause after a direct quote's cue;
:func:`take_in_opened_quotes` extends a content the parse cut at an opening mark over
the quotation its clause introduces. Merging
(:mod:`quotecraft.merge`) runs them before overlaps are settled; where a single
match's content starts and ends is :mod:`quotecraft.reported_bounds`.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

from attrs import evolve
from spacy.tokens import Doc, Token

from .candidates import Candidate
from .content_trim import SUBJECT_DEPS
from .direct_naming import adjunct_of
from .doc_arrays import document_text
from .reported_blocks import BLOCK_RULE


def clip_to_paragraph(
    cands: list[Candidate], paragraphs: Sequence[tuple[int, int]], text: str
) -> list[Candidate]:
    """Keep each reported content inside the paragraph of its cue.

    The parser reads a headline without a full stop as the start of the next
    sentence, so a clause can reach across a paragraph break; reported speech
    never does (only direct quotes run over several paragraphs), but for a block
    quotation (``X wrote:`` closing a paragraph, rule ``reported.block.v1``), which is
    kept inside its own paragraph, the one after its cue's.
    """
    if len(paragraphs) < 2:
        return cands
    starts = [s for s, _ in paragraphs]
    out = []
    for c in cands:
        anchor = c.cue[0] if c.cue is not None and c.rule != BLOCK_RULE else c.start
        k = max(0, bisect_right(starts, anchor) - 1)
        p_start, p_end = paragraphs[k]
        start, end = max(c.start, p_start), min(c.end, p_end)
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end - start < 2:
            continue
        pieces = [(s, e) for s, e in c.pieces if s >= start and e <= end]
        out.append(evolve(c, start=start, end=end, pieces=pieces))
    return out


def drop_across_stops(cands: list[Candidate], text: str) -> list[Candidate]:
    """Drop a content that ends before its cue with a colon or semicolon between them.

    ``The plan was simple: the mayor wanted a vote``, ``Sales fell; analysts blamed the
    heat``: the clause before the stop stands on its own, and the clause after it is a
    new statement, not its attribution (which would follow a comma: ``A, she said``).
    """
    out = []
    for c in cands:
        if c.cue is not None and c.end <= c.cue[0]:
            between = text[c.end : c.cue[0]]
            if (":" in between or ";" in between) and "\n" not in between:
                continue
        out.append(c)
    return out


_TIME_OPENERS = re.compile(r"(?:when|while|as|before|after|once|until|whenever)\b", re.IGNORECASE)


def drop_time_clauses(
    cands: list[Candidate], direct_cands: Sequence[Candidate], text: str
) -> list[Candidate]:
    """Drop a clause of time after the cue of a direct quote: ``"We won," Lee said when
    the results came in.`` The cue's words are the quote; the parser took the *when*
    clause for a second complement. (``She asked when the train would leave``, with no
    quote of its own, keeps its question.)"""
    quoted_cues = {d.cue_token for d in direct_cands if d.cue_token is not None}
    if not quoted_cues:
        return cands
    return [
        c
        for c in cands
        if not (
            c.cue_token in quoted_cues
            and c.cue is not None
            and c.start >= c.cue[1]
            and _TIME_OPENERS.match(text, c.start)
        )
    ]


_OPENING_MARKS = "“‘«"
_CLOSING_MARKS = "”’»"


def balance_marks(cands: list[Candidate], text: str) -> list[Candidate]:
    """Keep quotation marks and brackets in a content paired.

    ``X said the bill was "a gift to Wall Street."``: the parse ends the content before the
    full stop, leaving the opening mark without its closing one; the content is extended
    over the closing mark when only punctuation stands between, else it starts after
    an opening mark that opens it. A bracket the content opens and the parse left out
    right after it is taken in (``found that sleep improves recall (in adults).``).
    """
    out = []
    for c in cands:
        if _opens_before(text, c.start, c.end):
            c = evolve(c, start=c.start - 1)  # Jones hails 'fantastic' win: the opening mark
        body = text[c.start : c.end]
        opened = sum(body.count(m) for m in _OPENING_MARKS if m != "‘")
        closed = sum(body.count(m) for m in _CLOSING_MARKS if m != "’")
        straight = body.count('"') % 2 == 1
        if opened > closed or straight:
            tail = re.match(r"[.,!?;:…]*[”\"»]", text[c.end : c.end + 6])
            if tail is not None:
                c = evolve(c, end=c.end + tail.end())
            elif body[:1] in '“"«':
                c = evolve(c, start=c.start + 1)
        elif _single_mark_left_open(body):
            # in the 'near future.': a single mark, told from an apostrophe by its place
            tail = re.match(r"[.,!?;:…]*['’](?!\w)", text[c.end : c.end + 6])
            if tail is not None:
                c = evolve(c, end=c.end + tail.end())
        after = text[c.end : c.end + 1]
        if after in (")", "]"):  # "recall (in adults)": the parse left ")" out
            body = text[c.start : c.end]
            if body.count("(" if after == ")" else "[") > body.count(after):
                c = evolve(c, end=c.end + 1)
        out.append(c)
    return out


_SINGLE_MARK = re.compile(
    r"(?P<open>(?:^|(?<=[\s(\[—–-]))['‘](?=\w))|(?P<close>(?<=[\w.,!?…])['’](?!\w))"
)
"""A single mark that opens (after a space, before a letter) or may close (after a letter
or punctuation, not before a letter: a closing mark or a plural possessive)."""


_PAIRS = {"“": "”", "«": "»", "‘": "’’", '"': '"', "'": "'’"}
"""Each opening mark and the marks that may close it."""


def _opens_before(text: str, start: int, end: int) -> bool:
    """The character before a content is an opening mark (after a space or the text's
    start) whose closing mark follows a word inside the content, with no other opening
    of it there: the parse began the content at the quoted word (``hails 'fantastic'
    win``), leaving the closing mark without its opening one."""
    if start == 0 or text[start - 1] not in _PAIRS:
        return False
    mark = text[start - 1]
    if start > 1 and not (text[start - 2].isspace() or text[start - 2] in "([—–-"):
        return False
    body = text[start:end]
    closing = next((k for k, ch in enumerate(body) if ch in _PAIRS[mark]), None)
    if (
        closing is None
        or closing == 0
        or not (body[closing - 1].isalnum() or body[closing - 1] in ".,!?…")
    ):
        return False
    after = body[closing + 1 : closing + 2]
    return not after.isalpha() and mark not in body[:closing]


def _single_mark_left_open(body: str) -> bool:
    """Whether a single quotation mark opened in ``body`` is not closed in it. A mark that
    may close closes only an open one; with none open it is an apostrophe (workers')."""
    depth = 0
    for m in _SINGLE_MARK.finditer(body):
        if m.group("open"):
            depth += 1
        elif depth:
            depth -= 1
    return depth > 0


def take_in_opened_quotes(
    doc: Doc, text: str, cands: list[Candidate], directs: Sequence[Candidate]
) -> list[Candidate]:
    """Extend a reported content that ends with an opening mark over the quotation after
    it, when the quotation is a direct quote whose cue heads the content's clause or hangs
    in it by no conjunct (``Lynch said she recalled thinking, "This is ..."``: the parse
    cut *said*'s content at the mark), or a content of the same cue (``Ito said he
    recalled wondering, "Is anyone ...?"``, the question read as *said*'s clause). The
    report holds the whole, the quote with its attribution, and merging then makes it one
    mixed quote. A quote whose cue is conjoined to the content (``She said A, and when
    pressed, the mother replied, "..."``) is a report of its own and stays one.
    """
    quotes = {d.start: d for d in directs if d.kind == "direct" and d.cue_token is not None}
    clauses = {c.start: c for c in cands if c.cue_token is not None}
    out = []
    for c in cands:
        if c.kind == "direct" or c.end < 1 or text[c.end - 1] not in _OPENING_QUOTES:
            out.append(c)
            continue
        d, r = quotes.get(c.end), clauses.get(c.end)
        if d is not None and reports_quote(doc, c, d):
            end = d.end
        elif r is not None and r.cue_token == c.cue_token:
            end = r.end
        else:
            out.append(c)
            continue
        tail = re.match(r"[.,!?;:…]*[”\"»]", text[end : end + 6])  # the closing mark
        out.append(evolve(c, end=end + (tail.end() if tail is not None else 0)))
    return out


_OPENING_QUOTES = frozenset('"“«')


OBJECT_RULES = ("reported.dobj.v1", "reported.object.v1")
"""Rules whose content is a cue's object (``issued a statement saying, "..."``)."""


INFINITIVE_RULE = "reported.xcomp.v1"
"""The rule whose content is a cue's infinitive (``vowed to ...``)."""


def reports_quote(doc: Doc, report: Candidate, quote: Candidate) -> bool:
    """Whether the direct ``quote`` is reported, with its attribution, in the clause that
    ``report``'s content opens with (``Lynch said she recalled thinking, "..."``,
    ``saying anyone who blames the weather "has already lost"``): the report's cue comes
    first, or after its whole content (:func:`_trailing_report`), its content is a clause,
    not an object (``issued a statement saying, "..."`` stays the quote's), and the
    quote's cue is in the words before the quote, reaching their root through no conjunct
    but a verb that shares the clause's subject (:func:`heads_clause`), or anywhere in the
    content when the quote is a phrase of the cue's clause
    (:func:`~quotecraft.direct_naming.adjunct_of`)."""
    if (
        report.rule in OBJECT_RULES
        or report.cue_token is None
        or quote.cue_token is None
        or not (report.cue_token < quote.cue_token or _trailing_report(doc, report))
    ):
        return False
    cue = doc[quote.cue_token]
    # 'said that it would respond "in due course."': the marks hold a phrase of the
    # reported clause, whatever the clause's shape
    return heads_clause(
        doc, report.start, quote.start, quote.cue_token, report.rule == INFINITIVE_RULE
    ) or (report.start <= cue.idx < quote.start and adjunct_of(cue, quote.start, quote.end))


def _trailing_report(doc: Doc, report: Candidate) -> bool:
    """``report``'s cue follows its whole content, set off by a comma (also one inside the
    content's closing mark: ``If the bill passes, "...," Mara Quist said``; ``... labelled
    "secret" by the ministry, according to two officials``) or right after it, not joined
    to it by *and*, as a parse reads ``Nora Vik said, "..." and Tor Lund said, "..."``."""
    cue = report.cue
    if cue is None or cue[0] < report.end:
        return False
    text = document_text(doc) or doc.text  # (read once per document in the pipeline)
    between = text[report.end : cue[0]].strip()
    content = text[report.start : report.end].rstrip("\"”'’ ")
    return between == "" or between.startswith(",") or content.endswith(",")


def heads_clause(
    doc: Doc, start: int, end: int, cue_token: int | None, infinitive: bool = False
) -> bool:
    """Whether token ``cue_token`` lies in the words from character ``start`` to ``end``
    and reaches their root through no conjunct (but one of :func:`_shares_subject`), the
    root being a noun or a verb with a subject (a clause, not a participle of the
    speaker's: ``suggesting ..., including``),
    or, when ``infinitive``, the infinitive a cue takes as its content (``pledged to act
    against what it called "..."``)."""
    if cue_token is None or not len(doc) or not 0 <= start < end:
        return False  # (a quote that opens before the content reports nothing in it)
    if end > doc[-1].idx + len(doc[-1].text_with_ws):
        return False
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not span.start <= cue_token < span.end:
        return False
    tok, root = doc[cue_token], span.root
    if (
        root.pos_ in ("VERB", "AUX")
        and not any(c.dep_ in SUBJECT_DEPS for c in root.children)
        and not (infinitive and root.tag_ == "VB")
    ):
        return False  # "said, suggesting a few fixes, including, "...": the speaker's act
    while tok.i != root.i:
        if (tok.dep_ == "conj" and not _shares_subject(tok)) or (
            tok.head.i == tok.i or not span.start <= tok.head.i < span.end
        ):
            return False
        tok = tok.head
    return True


def _shares_subject(conj: Token) -> bool:
    """A verb joined by *and* to the clause before it that has no subject of its own and
    is no imperative (``said conditions were "grim" and called for "urgent action"``):
    the clause's speaker goes on, where ``... and Tor Lund said, "..."`` starts anew."""
    return (
        conj.pos_ == "VERB"
        and conj.tag_ in ("VBD", "VBZ", "VBP")
        and not any(c.dep_ in SUBJECT_DEPS for c in conj.children)
    )
