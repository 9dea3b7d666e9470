"""Datelines: the place (and agency) a wire story opens with, which no one said.

``WASHINGTON (AP) — The Senate will vote next week, the leader said.``: the content is
what follows the dash. A dateline opens a paragraph; it is a run of capitalized words
(``BEDFORD, N.H.``), optionally a date and the agency in brackets (``LONDON, March 3
(Reuters)``), and a dash. The same shape with a heading in capitals (``NO DEAL IN SIGHT
— Talks broke down ...``) is left out the same way: a heading is no one's words either.
Nor is the place a speaker, though the parser often makes it the subject of the first
verb (:func:`undated`), and a cue inside a heading reports nothing (:func:`dateline_stop`).
A letter's salutation that opens a paragraph is no speaker either (``Dear Editor, Your
article claimed ...``: the parser makes *Editor* the subject, the article its apposition).
"""

from __future__ import annotations

from spacy.attrs import ORTH
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

from .doc_arrays import token_values

_COMMA = get_string_id(",")
_DASHES = frozenset({"-", "--", "—", "–", "―"})
_BETWEEN = 4  # words allowed between the place and the agency: ", March 3" or ", N.H."
_AGENCY = 6  # words allowed inside the agency's brackets
_REACH = 16  # the most tokens a dateline has before its dash


def dateline_end(doc: Doc, s: int, e: int) -> int:
    """The first token after a dateline that opens ``doc[s:e]`` at a paragraph's start,
    else ``s``.

    Example:
        >>> import spacy
        >>> doc = spacy.blank("en")("OSLO (Reuters) — Prices rose, the bank said.")
        >>> doc[dateline_end(doc, 0, len(doc)):].text
        'Prices rose, the bank said.'
    """
    if not _opens_paragraph(doc, s):
        return s
    i = s
    while i < e and _capitals(doc[i].text):
        i += 1
    if i == s or not any(sum(c.isalpha() for c in t.text) >= 2 for t in doc[s:i]):
        return s
    i = _skip_agency(doc, i, e)
    if i + 1 < e and doc[i].text in _DASHES and _opens_sentence(doc[i + 1]):
        return i + 1
    return s  # "US — and only US — ...": the words go on after the dash


def dateline_stop(tok: Token) -> int | None:
    """The first token after the dateline ``tok`` is a word of (``GENEVA`` in ``GENEVA,
    June 9 (Reuters) - Aid agencies warned``), else None. Only a word in capitals is
    looked at: the place that opens a dateline."""
    if not (tok.is_upper and tok.is_alpha):
        return None
    doc, s = tok.doc, tok.i
    while not _opens_paragraph(doc, s):
        if tok.i - s >= _REACH or doc[s - 1].is_lower:
            return None  # "the FBI said": a word in lower case is no dateline's
        s -= 1
    end = dateline_end(doc, s, min(len(doc), s + _REACH + 2))
    return end if s <= tok.i < end else None


def undated(subject: Token) -> Token | None:
    """A subject outside the dateline: ``subject`` itself when it is no dateline's word,
    else the noun the parser hung on it after the dateline (``NAIROBI, Kenya — The
    commission said``: *commission*), else None (``GENEVA - Aid agencies warned``, whose
    verb has a subject of its own). So for a salutation (``Dear Editor, Your article
    claimed``: *article*)."""
    if _salutation(subject):
        return next((c for c in subject.rights if c.dep_ == "appos"), None)
    end = dateline_stop(subject)
    if end is None:
        return subject
    return next((c for c in subject.children if c.i >= end and c.dep_ in ("appos", "conj")), None)


def _salutation(word: Token) -> bool:
    """``Dear Editor,`` opening a paragraph: a letter's greeting of ``word``."""
    orth = token_values(word.doc, ORTH)
    if word.i + 1 >= len(orth) or orth[word.i + 1] != _COMMA:
        return False  # checked first, on the token array: most subjects have no comma after
    first = word.left_edge
    return first.lower_ == "dear" and first.i < word.i and _opens_paragraph(word.doc, first.i)


def _opens_sentence(tok: Token) -> bool:
    return tok.text[:1].isupper() or tok.text[:1].isdigit() or tok.is_quote


def _opens_paragraph(doc: Doc, s: int) -> bool:
    if s == 0:
        return True
    before = doc[s - 1]
    return "\n" in before.whitespace_ or (before.is_space and "\n" in before.text)


def _capitals(word: str) -> bool:
    """``LONDON``, ``N.H.``, ``,``: a word of a place or heading in capitals."""
    return word == "," or (any(c.isalpha() for c in word) and word.isupper())


def _skip_agency(doc: Doc, i: int, e: int) -> int:
    """Past ``, March 3 (Reuters)`` or ``(AP)`` after the place, else ``i``."""
    for j in range(i, min(e, i + _BETWEEN + 1)):
        tok = doc[j]
        if tok.text == "(":
            close = next(
                (k for k in range(j + 1, min(e, j + _AGENCY + 2)) if doc[k].text == ")"), None
            )
            return i if close is None else close + 1
        if tok.text in _DASHES:
            return j
        if not (tok.is_punct or tok.is_digit or tok.text[:1].isupper()):
            return i  # "LONDON officials said": not a date
    return i
