"""The tokens around a quoted stretch where its attribution may stand (stage 2a helpers).

:mod:`quotecraft.direct` looks for a cue in the window after a quote's closing mark
(up to the sentence end, the next quote or the paragraph end) and in the window before its
opening mark (from the sentence start).
"""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc, Token

from .candidates import TokenIndex
from .marks import Quoted

FINAL = frozenset(".!?")
"""Sentence-final punctuation."""
DASHES = ("—", "–", "--", "―")
"""Dashes that introduce an attribution after a quote (``"..." — Jo Lee``)."""

AFTER_WINDOW = 8
"""Tokens looked at after a closing mark (six more are allowed for punctuation)."""
BEFORE_WINDOW = 20
"""Tokens looked at before an opening mark."""


def typed_dash(tok: Token) -> bool:
    """A hyphen typed for a dash: spaces on both sides (``"A" - she said``, ``The vote -
    the clerk said - will go ahead``), not one inside a word (``re-election``)."""
    return (
        tok.text == "-" and bool(tok.whitespace_) and tok.i > 0 and bool(tok.nbor(-1).whitespace_)
    )


def para_start(para_starts: list[int], char: int) -> int:
    """The start of the paragraph holding ``char``, given the sorted paragraph starts."""
    i = bisect_right(para_starts, char) - 1
    return para_starts[max(i, 0)]


def after_window(
    doc: Doc, text: str, index: TokenIndex, q: Quoted, next_q: Quoted | None
) -> list[Token]:
    """Tokens after the closing mark up to the sentence end, the next quote or the paragraph end."""
    if q.close is None:
        return []
    inner = text[q.start : q.end].rstrip()
    if inner.endswith(".") and text[q.close + 1 : q.close + 4].strip()[:1] not in DASHES:
        return []  # "... the end." He said: a full stop inside the marks ends the sentence
    i = index.at(q.close) + 1
    limit = next_q.open if next_q is not None else len(text)
    out: list[Token] = []
    while i < len(doc) and len(out) < AFTER_WINDOW + 6:
        t = doc[i]
        if t.idx >= limit or "\n" in t.text:
            break
        if t.is_space:
            i += 1
            continue
        out.append(t)
        if t.text in FINAL or t.text in (":", ";"):
            break
        if t.text == "," and len(out) > 1:
            break
        i += 1
    return out


def before_window(
    doc: Doc, index: TokenIndex, q: Quoted, prev_q: Quoted | None, para_start: int
) -> list[Token]:
    """Tokens from the sentence start (or previous quote) up to the opening mark."""
    lower = max(para_start, prev_q.outer_end if prev_q is not None else 0)
    i = index.at(q.open) - 1
    out: list[Token] = []
    while i >= 0 and len(out) < BEFORE_WINDOW:
        t = doc[i]
        if t.idx < lower or "\n" in t.text:
            break
        if t.text in FINAL and out:
            break
        if t.text in FINAL and not out:
            break
        if not t.is_space:
            out.append(t)
        i -= 1
    out.reverse()
    return out


def lead_in_window(
    doc: Doc, text: str, index: TokenIndex, q: Quoted, prev_q: Quoted | None, para_start: int
) -> list[Token]:
    """The previous paragraph's last sentence, when it leads into a quote that opens its own
    paragraph: ``The mayor said:`` or ``and they say,`` at a paragraph end, then ``"..."``.

    Empty unless only white space stands between the paragraph start and the opening mark
    and the previous paragraph ends with a colon or a comma; the sentence starts after the
    previous quote, if that ends in it (``"A," Mom says,`` then ``"B."``).
    """
    if text[para_start : q.open].strip() or para_start == 0:
        return []
    end = len(text[:para_start].rstrip())
    if end == 0 or text[end - 1] not in ":,":
        return []
    i = index.at(end - 1)
    lower = prev_q.outer_end if prev_q is not None else 0
    out: list[Token] = []
    while i >= 0 and len(out) < BEFORE_WINDOW:
        t = doc[i]
        if t.idx < lower or "\n" in t.text or (t.text in FINAL and out):
            break
        if not t.is_space:
            out.append(t)
        i -= 1
    out.reverse()
    return out if len(out) >= 2 and out[-1].text in (":", ",") else []


def dash_lead_in(q: Quoted, before: list[Token], text: str) -> bool:
    """A dash right before the mark, after a clause of two words or more, and the quote
    ends the sentence: a sentence end inside the marks, or the line end after them."""
    if before[-1].text not in DASHES or len([t for t in before if not t.is_punct]) < 2:
        return False
    if any(t.text in DASHES for t in before[:-1]):
        return False  # '-- when he was away -- "..."': the dash closes an aside
    inner = text[q.start : q.end].rstrip()
    rest = text[q.outer_end : q.outer_end + 3].lstrip(" '’”\"")
    return q.close is not None and (inner.endswith(tuple(FINAL)) or rest[:1] in ("", ".", "!", "?"))


def ends_its_line(q: Quoted, text: str) -> bool:
    """Whether the quotation closes and nothing but spaces follows it on its line."""
    return q.close is not None and not text[q.close + 1 :].split("\n", 1)[0].strip()


def whole_paragraph(q: Quoted, text: str, words: list[str]) -> bool:
    """A quotation that fills its paragraph, with no final punctuation (``"We will be
    back"`` on a line of its own): a sentence when it has four words or more and not
    every one is capitalized, as a title's would be."""
    if not ends_its_line(q, text):
        return False
    return len(words) >= 4 and not all(w[:1].isupper() for w in words if w[:1].isalpha())


_CLEFT_WORDS = frozenset({"all", "what", "everything"})


def cue_reach(words: list[Token]) -> int:
    """How many words after a quotation the cue may be among: six, and ten after ``was
    all`` or ``is what`` (``"No comment," was all the senator's office would say``),
    whose subject is the quotation and whose relative clause says who said it."""
    cleft = len(words) > 2 and words[0].lemma_ == "be" and words[1].lower_ in _CLEFT_WORDS
    return 10 if cleft else 6
