"""Which verb a word the tagger read as a noun is, and whose (``reported.misread_verb.v1``).

A small model reads a cue verb as a noun after its subject (``Lee claims``, ``As Brandt
notes``, ``Silva and Lund report``): :func:`verb_lemma` reads the third-person form,
:func:`plural_form` and :func:`bare_form` the plain form after a plural subject, and
:func:`without_citation` cuts a citation's year off the subject. Used by
:mod:`quotecraft.reported_misread` and :mod:`quotecraft.reported_as_misread`.

For ``reported.trailing.v1`` (:mod:`quotecraft.reported_frames`):
:func:`misread_content` tells the pieces of a fronted content the parser hung on the cue,
and :func:`past_read_as_participle` a past-tense cue read as a participle of its subject.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .cues import CueLexicon
from .titles import role_or_body


def verb_lemma(noun: Token, lexicon: CueLexicon) -> str | None:
    """The verb of the lexicon whose third-person form the noun is (``claims``: claim,
    ``Vows``: vow, ``guarantees``: guarantee), when the noun's lemma is that verb (a
    name's lemma is its text: ``Predicts``)."""
    lower = noun.lower_
    if not lower.endswith("s"):
        return None
    lemma = noun.lemma_.lower()
    for base in (lower[:-1], lower[:-2]):
        if base in lexicon.verbs and (lemma == base or noun.pos_ == "PROPN"):
            return base
    return None


def bare_form(noun: Token, lexicon: CueLexicon) -> tuple[str, Token] | None:
    """A verb of the lexicon in its bare form read as a singular noun that the parse gave
    a subject of its own before it (``Ferreira and Lund note that ...``, ``Critics warn
    that ...``), or names joined by *and* as its modifier (``Silva and Lund report that
    ...``): no noun takes a subject, and no noun without an article reads well after a
    pair of names, so the word is the verb. Its lemma and the subject's head."""
    lower = noun.lower_
    if noun.tag_ != "NN" or lower not in lexicon.verbs or noun.lemma_.lower() != lower:
        return None
    if any(c.dep_ in ("det", "poss") for c in noun.children):
        return None  # "the Smith and Wesson report": a noun
    subject = next((c for c in noun.lefts if c.dep_ == "nsubj" or _joined_names(c)), None)
    return None if subject is None else (lower, subject)


def _joined_names(tok: Token) -> bool:
    """Names joined by *and* that the parse hung on a noun as its modifier (``Silva and
    Lund report``): the plural subject of a verb read as a noun."""
    return (
        tok.dep_ in ("nmod", "compound")
        and tok.pos_ == "PROPN"
        and any(c.dep_ == "cc" for c in tok.children)
        and any(c.dep_ == "conj" and c.pos_ == "PROPN" for c in tok.children)
    )


def without_citation(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Token bounds ``[start, end)`` of a subject without the bracket that closes it (the
    year of a citation: ``Ferreira and Lund (2018)``)."""
    if end - start > 2 and doc[end - 1].text == ")":
        for k in range(end - 2, start, -1):
            if doc[k].text == "(":
                return start, k
    return start, end


def plural_form(noun: Token, lexicon: CueLexicon) -> str | None:
    """The verb of the lexicon the noun is in its plain form, after names joined by *and*
    or *et al.* (``As Brandt and Ito report``, ``As Brandt et al. (2019) argue``): the
    form of a plural subject, read as a noun; else None."""
    words = {t.lower_ for t in noun.doc[noun.left_edge.i : noun.i]}
    if noun.lower_ not in lexicon.verbs or not words & {"and", "&", "al", "al."}:
        return None
    return noun.lower_


_MISREAD_DEPS = frozenset({"npadvmod", "dep", "nsubj", "punct"})


def misread_content(tok: Token) -> bool:
    """Whether ``tok``, a word the parse hung on the cue before its subject, is part of
    a fronted content the parser broke up (``The strike could last weeks, union leaders
    warned.``: *last* read as an adjective, *weeks* a noun of time on *warned*, *strike*
    a second subject of it): a noun of time, an unlabelled word, a subject or a mark,
    never a phrase of the cue's own (``In a statement, ...``)."""
    return tok.dep_ in _MISREAD_DEPS


def past_read_as_participle(verb: Token) -> bool:
    """A past tense the parser read as a participle hung on the noun before it
    (``The vote was rigged, the opposition alleged on Sunday.``: *alleged* an ``acl`` of
    *opposition*): no auxiliary and no agent (not ``the governor challenged by Lee``),
    right after a noun phrase with a determiner or a name, which the parse made an
    apposition or a subject, and that names someone who speaks: a name, a plural, a
    person's title or a body (:func:`~.titles.role_or_body`; not ``..., the deal
    announced in May.``)."""
    head = verb.head
    return (
        verb.dep_ == "acl"
        and head.i == verb.i - 1
        and head.dep_ in ("appos", "nsubj", "npadvmod", "conj")
        and not any(c.dep_ in ("aux", "auxpass", "neg", "agent") for c in verb.children)
        and (head.pos_ == "PROPN" or any(c.dep_ in ("det", "poss") for c in head.children))
        and (head.tag_ in ("NNS", "NNP", "NNPS") or role_or_body(head.lower_))
    )
