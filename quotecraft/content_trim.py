"""What a reported content sheds at its ends: a leading *that*, conjunction or punctuation,
a trailing one, a paragraph's dateline (:func:`trim_bounds`). Every rule that reads a
content from the parse passes its token bounds through here."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from .datelines import dateline_end
from .mark_table import as_mark

_LEADING_DROP = frozenset({"that", ",", ":", "—", "-", "–", "and"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
_CLOCK = frozenset({"a.m.", "p.m."})
_CLOCK_NUMBER = re.compile(r"\d{1,2}(?:[:.]\d{2})?")


def _clock_number(word: str) -> bool:
    """An hour and its minutes (``2:14``, ``9.30``), which are no ``like_num``."""
    return _CLOCK_NUMBER.fullmatch(word) is not None


def trim_bounds(doc: Doc, s: int, e: int) -> tuple[int, int] | None:
    """``(s, e)`` without a leading *that* (and an adverb before it: *only that*) unless it
    is the subject (*said that was fine*; a determiner goes, as the tagger reads most
    complementizers before a noun that way: *said that time was short*, but not one
    opening its sentence: *That plan, he said, was dead*), conjunction, space or
    punctuation (opening quotation marks and brackets stay), nor a trailing space,
    conjunction or punctuation (closing marks stay), nor a dateline opening a paragraph
    (*WASHINGTON (AP) —*), and with the *a.m.* or *p.m.* of a clock time the parser hung
    elsewhere (*saw smoke at 3 a.m.*); None when nothing is left."""
    while s < e and (
        (
            doc[s].lower_ in _LEADING_DROP
            and doc[s].dep_ not in SUBJECT_DEPS  # "that was fine"
            and not (doc[s].dep_ == "det" and doc[s].is_sent_start)  # "That plan, he said,"
        )
        or doc[s].is_space
        or (  # "only that"
            doc[s].dep_ == "advmod"
            and s + 1 < e
            and (doc[s + 1].lower_, doc[s + 1].dep_) == ("that", "mark")
        )
        or (doc[s].is_punct and as_mark(doc[s].text) not in '“"‘«(')
    ):
        s += 1
    s = dateline_end(doc, s, e)
    while e > s and (
        doc[e - 1].is_space
        or doc[e - 1].dep_ == "cc"
        or (
            doc[e - 1].is_punct
            and as_mark(doc[e - 1].text) not in "”\"’»)'"
            and not (doc[e - 1].text == "%" and doc[e - 2].like_num)  # "fell to 4.1%"
        )
    ):
        e -= 1
    hour = 0 < e < len(doc) and (doc[e - 1].like_num or _clock_number(doc[e - 1].text))
    if hour and doc[e].lower_ in _CLOCK:
        e += 1  # "saw smoke at 3 a.m.", "at 2:14 a.m.": the parser hung the a.m. on the cue
    return (s, e) if e > s else None
