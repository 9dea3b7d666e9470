"""A cue next to a quotation the parser read into its clause: a closing mark between a
word and a later cue (:func:`quoted_before`), the verb of a quotation closed before its
attribution (:func:`quote_verb_before`: ``"We will win," Ann Lee said`` parsed with
*said* as a conjunct of *win*), and a name after an inverted cue (:func:`inverted_object`).
Used by :mod:`quotecraft.attribution` to keep a quotation's words out of its speaker."""

from __future__ import annotations

from spacy.tokens import Token

from .name_ends import partitive
from .sources import is_document
from .titles import packaged_titles

__all__ = [
    "CLOSING_MARKS",
    "OPENING_MARKS",
    "in_quoted_clause",
    "inverted_object",
    "opened_before",
    "participle_after_quote",
    "quote_verb_before",
    "quoted_before",
    "role_read_as_subject",
    "titled_name_after",
]

CLOSING_MARKS = frozenset({'"', "”", "’", "'", "»", "''"})
"""Tokens that close a quotation (straight marks both open and close)."""
OPENING_MARKS = frozenset({'"', "“", "«", "``"})
"""Tokens that open a quotation."""
_BY_TURNS = frozenset({'"', "''"})


def quoted_before(word: Token, cue: Token) -> bool:
    """True when a closing quotation mark stands between ``word`` and the later ``cue``."""
    if word.i >= cue.i:
        return False
    return any(t.text in CLOSING_MARKS for t in word.doc[word.i + 1 : cue.i])


def quote_verb_before(verb: Token, cue: Token) -> bool:
    """Whether ``verb`` and its subject stand inside a quotation that closes before the
    later ``cue`` (``"We will win," Ann Lee said``), not a scare quote (``called the
    ruling "absurd" and said``, ``he will "try harder" and said``): the marks from the
    start of the paragraph (at most 80 tokens back) leave a quotation open at ``verb``,
    opened before its subject."""
    opened = opened_before(verb, cue)
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return opened >= 0 and (subject is None or subject.i > opened)


def in_quoted_clause(word: Token, cue: Token) -> bool:
    """Whether ``word`` stands in a quoted clause (with a verb) that closes before the
    later ``cue``: ``''That makes me smart'' -- and ... asserting``; not a scare quote
    (``a “super PAC” supporting``, ``this “reporter” has revealed``)."""
    opened = opened_before(word, cue)
    if opened < 0:
        return False
    doc = word.doc
    close = next((t.i for t in doc[word.i + 1 : cue.i] if t.text in CLOSING_MARKS), cue.i)
    return any(t.pos_ in ("VERB", "AUX") for t in doc[opened + 1 : close])


def participle_after_quote(cue: Token) -> Token | None:
    """The speaker of a participle right after a quotation's closing mark that the parse
    hung on a verb inside the quotation (``"A," she said, "but B," adding that C``:
    *adding* on *B*'s verb): the subject of the verb the quotation hangs on, outside the
    marks (*she*); None otherwise."""
    doc = cue.doc
    k = cue.i - 1 - (cue.i > 1 and doc[cue.i - 1].text == ",")
    if cue.tag_ != "VBG" or k < 1 or doc[k].text not in CLOSING_MARKS:
        return None
    verb = cue.head
    if not in_quoted_clause(verb, cue):
        return None  # hung outside the quotation: its own subject, or none
    while in_quoted_clause(verb, cue) and verb.dep_ in ("ccomp", "conj") and verb.head.i < k:
        verb = verb.head
    if verb.i == cue.i or in_quoted_clause(verb, cue):
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return None if subject is None or in_quoted_clause(subject, cue) else subject


def opened_before(word: Token, cue: Token) -> int:
    """Where the quotation ``word`` stands in opened, when it closes before the later
    ``cue``; else -1. The marks are read from the start of the paragraph (at most 80
    tokens back); a straight mark (or two single ones, ``''``) opens or closes by turns."""
    if not quoted_before(word, cue):
        return -1
    doc, start = word.doc, word.i
    while start > 0 and word.i - start < 80 and "\n" not in doc[start - 1].text:
        start -= 1
    opened = -1  # where the quotation open at word opened, -1 when none is
    for t in doc[start : word.i]:
        if t.text in _BY_TURNS:
            opened = t.i if opened < 0 else -1
        elif t.text in OPENING_MARKS:
            opened = t.i
        elif t.text in CLOSING_MARKS:
            opened = -1
    return opened


def inverted_object(cue: Token) -> Token | None:
    """``“Are you coming?” asked Laura``: a name (or ``one of the boys``) right after a cue
    that follows a quotation (or after a title the parser read as a verb: ``said
    epidemiologist Rosa Vega of ...``), or a document read as the cue's object (``"...,"
    read a statement from the ministry``)."""
    doc = cue.doc
    k = cue.i - 1
    while k >= 0 and doc[k].text in (",", "?", "!"):
        k -= 1
    if k < 0 or doc[k].text not in CLOSING_MARKS:
        return None
    for c in cue.rights:
        named = c.pos_ == "PROPN" or partitive(c)  # "asked Laura", "yelled one of the boys"
        if c.dep_ in ("dobj", "npadvmod", "attr") and c.i == cue.i + 1 and named:
            return c
        if (
            c.dep_ == "dobj"
            and c.left_edge.i == cue.i + 1
            and doc[cue.i + 1].tag_ == "DT"  # "a statement", not "her record": no one's own
            and cue.dep_ != "conj"
            and is_document(c)
        ):
            return c  # '"...," read a statement from the ministry': the document, then its author
        if c.i == cue.i + 1 and c.lower_ in packaged_titles()[1]:
            # "said epidemiologist Rosa Vega of ...": the title read as a verb, the name its object
            return next(
                (n for n in c.rights if n.pos_ == "PROPN" and n.left_edge.i == c.i + 1), None
            )
    return titled_name_after(cue)


_NOT_TITLE_TAGS = frozenset({"DT", "PRP", "PRP$", "IN", "CC", "RB", "WDT", "WP", "TO", "MD"})


def titled_name_after(cue: Token) -> Token | None:
    """``"...," said product lead Tomas Berg``: up to three lower-case words (a role, after
    *its* or *the company's*), then a person's name, the name ending the sentence or
    followed by a comma or *of* / *at* / *from*, whatever the parser made of the role
    (here *lead* a verb whose object is the name). Returns the name's last token."""
    doc = cue.doc
    k = cue.i + 1
    if k < len(doc) and doc[k].tag_ == "PRP$":
        k += 1  # "said its product lead"
    elif k + 2 < len(doc) and doc[k].lower_ == "the" and doc[k + 2].tag_ == "POS":
        k += 3  # "said the company's product lead"
    start, limit = k, min(cue.sent.end, k + 3)
    while (
        k < limit
        and doc[k].is_lower
        and doc[k].is_alpha
        and not doc[k].ent_type_
        and doc[k].tag_ not in _NOT_TITLE_TAGS
    ):
        k += 1
    if k == start or k >= len(doc) or doc[k].ent_type_ != "PERSON" or doc[k].ent_iob_ != "B":
        return None
    end = k + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    if end < len(doc) and not (doc[end].is_punct or doc[end].lower_ in ("of", "at", "from")):
        return None
    return doc[end - 1]


def role_read_as_subject(word: Token | None, cue: Token) -> Token | None:
    """The speaker for ``word``, the subject the parser gave an inverted ``cue``: the name
    after the role (:func:`titled_name_after`) when ``word`` is a role word after the cue
    (``"...," wrote product lead Tomas Berg``: *lead*) or a noun inside the quotation
    before it (``"The update ships," said design lead ...``: *ships*); else ``word``."""
    if word is None or (named := titled_name_after(cue)) is None or word.i >= named.i:
        return word  # checked first: seldom a name after role words
    return named if cue.i < word.i or quoted_before(word, cue) else word


def report_set_off(prep: Token) -> Token | None:
    """The cue whose speaker goes on to speak in a participle after *before* or *after*,
    set off by a comma at the end of the cue's reported clause (``The coach said the team
    had played well, before adding that ...``: the coach adds it, not the team, the
    clause's subject the parse hangs the phrase on); None for any other ``prep``."""
    if prep.lower_ not in ("before", "after") or prep.dep_ != "prep" or prep.i == 0:
        return None
    doc, clause = prep.doc, prep.head
    if doc[prep.i - 1].text != "," or clause.dep_ != "ccomp" or clause.i > prep.i:
        return None
    cue = clause.head
    if cue.pos_ != "VERB" or cue.i > clause.i or any(t.is_quote for t in doc[cue.i : clause.i]):
        return None  # '"Thank you," Cruz replied, before adding': no reported clause
    return cue
