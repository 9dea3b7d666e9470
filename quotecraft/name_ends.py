"""Where a speaker's name ends: cut short by the parser, or run on into what was said.

``The co-founder said``: the tokenizer splits a hyphenated word (*co*, *-*, *founder*) and
the parser may take its first part for the subject; :func:`hyphen_end` and
:func:`hyphen_start` find the whole word, whose last part is the mention's head.

``the Committee to Protect Reporters said``: a title-case name of the form *Noun to
Verb ...*, which a small model parses as a noun with an infinitive (or a preposition) and
cuts at *to*. :func:`quotecraft.attribution.mention_bounds` extends the mention over it,
and over the phrases :func:`mention_phrase` admits (``residents of the town``) but not a
phrase that opens a quotation (``accused by residents of "hiding the numbers"``). A
number or quantifier of a group (:func:`partitive`: ``Some of the residents``) is no
pronoun: its mention runs over the group.

``At a rally in Leeds Tomas Berg said``: a fronted phrase may swallow the subject, which
the parser reads as the last preposition's object (:func:`swallowed_name`). A participle
may be read as the subject: one that opens the sentence hides the subject set in
apposition inside its phrase (:func:`participle_opener`), one after the verb stands for
the noun it hangs on (:func:`participle_after`). A name in *-ly* may be read as an
adverb (:func:`adverb_name`).
"""

from __future__ import annotations

import numpy as np
from spacy.attrs import ORTH
from spacy.tokens import Token

from .doc_arrays import entities, token_positions
from .titles import packaged_titles

_NAME_JOINERS = frozenset({"and", "of", "the", "for", "on", "in"})
"""Lower-case words inside a title-case name (``Campaign to Save the Rivers``)."""


def titled_infinitive_end(head: Token, end: int) -> int:
    """The end of a name of the form *Noun to Verb ...* in title case, which the parser
    cuts at *to* (``the Committee to Protect Reporters``, ``the Alliance to Save
    Energy``): past ``end`` (the mention's end so far), *to* and every word after it in
    title case (lower-case joiners between them allowed), when ``head`` is capitalized
    with *the* before it; else ``end``."""
    doc = head.doc
    if end >= len(doc) or doc[end].lower_ != "to" or head.i + 1 != end:
        return end
    if not head.text[:1].isupper() or not any(c.lower_ == "the" for c in head.lefts):
        return end  # not "Pelosi to Trump: ..."
    last = 0
    for t in doc[end + 1 : min(len(doc), end + 9)]:
        if t.is_alpha and t.text.istitle():
            last = t.i + 1
        elif t.lower_ not in _NAME_JOINERS or not last:
            break
    return last or end


_MENTION_PREPS = frozenset({"for", "of", "at", "with", "from"})


def mention_phrase(prep: Token) -> bool:
    """Whether the phrase ``prep`` heads right after a speaker's head belongs to the
    mention (``a source close to the talks``, ``residents of the town``, ``a spokeswoman
    for the firm``): a preposition of ``_MENTION_PREPS`` that opens no quotation (not
    ``accused by residents of "hiding the numbers"``, where the parser hangs what was said
    on the speaker)."""
    doc = prep.doc
    return prep.lower_ in _MENTION_PREPS and not (
        prep.i + 1 < len(doc) and doc[prep.i + 1].is_quote
    )


def hyphen_end(tok: Token) -> Token:
    """The last part of the hyphenated word ``tok`` opens (``co`` in *co-founder*:
    *founder*), or ``tok`` itself."""
    doc = tok.doc
    # most words have a space after them: no Token is built for them
    while not tok.whitespace_ and tok.i + 2 < len(doc) and tok.is_alpha:
        dash, nxt = doc[tok.i + 1], doc[tok.i + 2]
        if dash.text != "-" or dash.whitespace_ or not nxt.is_alpha:
            break
        tok = nxt
    return tok


def hyphen_subject(tok: Token) -> Token:
    """The subject word for a hyphenated word ``tok`` opens: its last part (``co`` in *The
    co-founder said*: *founder*), or, when that part is a compound of a name after it, the
    name (*said co-founder Ivo Marek*: *Marek*); ``tok`` itself when it opens none."""
    end = hyphen_end(tok)
    if (
        end.i != tok.i
        and end.dep_ == "compound"
        and end.head.pos_ == "PROPN"
        and end.head.i > end.i
    ):
        return end.head
    return end


def hyphen_start(tok: Token) -> Token:
    """The first part of the hyphenated word ``tok`` ends (*founder* in *co-founder*:
    *co*), or ``tok`` itself."""
    doc = tok.doc
    while tok.i >= 2 and tok.is_alpha:
        dash = doc[tok.i - 1]
        if dash.text != "-" or dash.whitespace_:
            break
        prev = doc[tok.i - 2]
        if prev.whitespace_ or not prev.is_alpha:
            break
        tok = prev
    return tok


_NOUN_MODIFIERS = frozenset({"det", "poss", "compound", "amod", "nmod"})


_FLOATING = frozenset({"both", "all", "each"})


def without_floating(subjects: list[Token]) -> list[Token]:
    """``subjects`` without a quantifier that floats after another subject (``Mayor Liu
    and her deputy, Paolo Conti, both said``: the parser made *both* a second subject;
    the speakers are Liu and Conti). A quantifier alone stays (``Both said``)."""
    if len(subjects) < 2:
        return subjects
    kept = [s for s in subjects if s is subjects[0] or s.lower_ not in _FLOATING]
    return kept or subjects


def named_after_noun(subjects: list[Token]) -> list[Token]:
    """``As the naturalist Ellen Morrow wrote``: a noun and the name right after it,
    which the parser made two subjects of one verb, are one mention, and the speaker is
    the name: ``subjects`` with the noun dropped. Only a singular common noun with a
    word of its own before it (``the``, ``Vatican``, ``Lee's``; not ``something
    President Ann Lee said``) and nothing after it but the name, the name a person's (by
    the tagger) and no pair (``hopefuls Ann Lee and Tom Berg``, ``Gov. Ann Lee (D) and
    Gov. Tom Berg``: left alone)."""
    if len(subjects) < 2:
        return subjects
    first, second = subjects[0], subjects[1]
    if (
        first.tag_ == "NN"
        and any(c.dep_ in _NOUN_MODIFIERS for c in first.lefts)  # not "something"
        and not first.ent_type_
        and first.right_edge.i == first.i == second.left_edge.i - 1
        and second.ent_type_ == "PERSON"
        and not any(c.dep_ in ("cc", "conj") for c in second.children)
    ):
        return subjects[1:]
    return subjects


def reference_mark(word: Token) -> bool:
    """A number in brackets (``[39]``): a footnote or reference mark, not a subject."""
    doc = word.doc
    return (
        word.like_num
        and 0 < word.i < len(doc) - 1
        and doc[word.i - 1].text in ("[", "(")
        and doc[word.i + 1].text in ("]", ")")
    )


def partitive(tok: Token) -> bool:
    """``one of the boys``, ``some of them``: a number or quantifier of a group."""
    return partitive_noun(tok) is not None


def partitive_noun(tok: Token) -> Token | None:
    """The group noun of a partitive ``tok`` (*boys* in ``one of the boys``), or None
    (``All of a sudden, voters ...``: no comma inside the phrase)."""
    if tok.pos_ not in ("NUM", "PRON", "DET", "ADJ"):
        return None
    of = next((c for c in tok.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
    group = next((o for o in of.children if o.dep_ == "pobj"), None) if of is not None else None
    if group is None or any(t.text == "," for t in tok.doc[tok.i : group.i]):
        return None
    return group


def aside_ending(comma: Token) -> Token | None:
    """The name whose relative clause, set off by commas, the comma ``comma`` closes
    (``Greta Solheim, who chairs the board,``); None otherwise."""
    if comma.text != "," or comma.i == 0:
        return None
    last = comma.nbor(-1)
    for rel in (t for t in (last, *last.ancestors) if t.dep_ == "relcl"):
        name = rel.head
        opened = rel.left_edge.i - 1
        if rel.right_edge.i == last.i and opened == name.i + 1 and name.doc[opened].text == ",":
            return name if name.ent_type_ == "PERSON" else None
    return None


def swallowed_name(name: Token, cue: Token) -> bool:
    """Whether ``name``, the object of a preposition, is the subject a fronted phrase with
    no comma swallowed: a person's name right before the cue, at the end of a chain of
    prepositional phrases that opens the sentence and hangs on the cue (``At a rally in
    Leeds Tomas Berg said ...``, parsed as *in Leeds Tomas Berg*), or with a relative
    clause set off by commas between (``In an interview with the Courier, Greta Solheim,
    who chairs the board, insisted``). A name the tagger did not label a person's counts
    when a title opens it (``In a meeting with the board of the Daily Ledger Mayor Rosa
    Ortiz said``, tagged as one organization: :func:`titled_from`)."""
    if cue.i == 0:
        return False
    if name.ent_type_ != "PERSON":  # a titled name right before the cue (no aside)
        if name.i != cue.i - 1 or name.pos_ != "PROPN" or titled_from(name) is None:
            return False
    elif name.i != cue.i - 1 and aside_ending(cue.doc[cue.i - 1]) != name:
        return False
    t = name
    while t.dep_ in ("pobj", "prep") and t.head.i != cue.i:
        t = t.head
    return t.dep_ == "prep" and t.head.i == cue.i and t.left_edge.i == cue.sent.start


def participle_after(word: Token, verb: Token) -> Token | None:
    """``word``, unless it is a participle set off by a comma after its verb, which the
    parser made the subject ('"Fine," said Grandma, shrugging.': not *shrugging*): then
    the noun it hung on the participle (*Grandma*), or None."""
    if word.tag_ not in ("VBG", "VBN") or word.i < verb.i + 2 or word.nbor(-1).text != ",":
        return word
    return next(
        (c for c in word.children if c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN", "PRON")),
        None,
    )


def adverb_name(word: Token, verb: Token) -> bool:
    """Whether ``word``, an adverb the parser hung on ``verb``, which has no subject, is
    the subject's name (``Reilly said he ...``, *Reilly* read as an adverb in *-ly*): a
    capitalized word that opens its sentence right before the verb, tagged a proper noun,
    or written elsewhere in the text as one or with its capital after another word
    (``Officer Dan Reilly``). *Finally said* has no such evidence."""
    if word.dep_ != "advmod" or word.i != verb.i - 1 or word.i != word.sent.start:
        return False
    if not word.is_title:
        return False
    if word.tag_ == "NNP":
        return True
    doc = word.doc
    same = token_positions(doc, ORTH, np.array([word.orth], dtype=np.uint64))
    return any(
        i != word.i
        and (doc[i].pos_ == "PROPN" or doc[i].ent_type_ == "PERSON" or (i and doc[i - 1].is_alpha))
        for i in same
    )


def participle_opener(word: Token, verb: Token) -> Token:
    """The subject a participial phrase that opens the sentence swallowed, when the parser
    made the participle itself the subject (``Writing on social media, the mayor, Oona
    Petrakis, called the ruling ...``, parsed as *Writing ... media, the mayor* with *the
    mayor* in apposition to *media*): the first noun set in apposition after a comma
    inside the phrase; else ``word``."""
    if word.tag_ != "VBG" or word.i != word.sent.start or word.head.i != verb.i:
        return word
    for t in word.subtree:
        if t.dep_ == "appos" and t.pos_ in ("NOUN", "PROPN") and t.i < verb.i:
            comma = t.left_edge.i - 1
            if comma > word.i and t.doc[comma].text == ",":
                return t
    return word


def titled_from(name: Token) -> int | None:
    """The index of the title word that opens the proper name ``name`` ends (``Mayor`` in
    *Mayor Rosa Ortiz*, the title words of ``titles.txt``), with only capitalized proper
    nouns after it; else None."""
    words = packaged_titles()[1]
    parts = [c for c in name.lefts if c.dep_ == "compound"]
    for k, c in enumerate(parts):
        if c.lower_ in words and all(x.pos_ == "PROPN" and x.is_title for x in parts[k + 1 :]):
            return int(c.i)
    return None


def swallowed_start(name: Token) -> int:
    """The first token of the swallowed name whose last word is ``name``
    (:func:`swallowed_name`): the start of the tagger's person entity, else the title that
    opens the name, else ``name`` itself."""
    ent = next((e for e in entities(name.doc) if e.start <= name.i < e.end), None)
    if ent is not None and ent.label_ == "PERSON":
        return int(ent.start)
    return titled_from(name) or name.i
