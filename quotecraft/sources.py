"""Sources that are documents: who speaks through a report, a note or a study.

A document noun (word lists ``medium_nouns`` and ``evidence_nouns``: *report*, *note*,
*statement*, *poll*, *data*...) names where something was said, written or shown,
not who said it. Rule ``source.document.v1``:

- a document with an author gives the author as the speaker and the document as the
  medium: ``X's letter``, ``a report by X``, ``a note from X``, ``figures released by
  X`` (an authoring participle, word list ``authoring_verbs``), ``a Reuters poll`` (a
  named organization or person compounded with the document);
- a message with no author after *according to* gives no speaker and the message as
  the medium (``according to a note to clients``): the text does not say who wrote it;
- evidence with no author is itself the source (``according to the poll``, ``the data
  show``): it keeps the speaker.

Rule ``source.cue_type.v1``: a speech cue (``said``, ``according to``) reports evidence
when its source is evidence (``according to the poll``, ``research suggests``) and
writing when its medium or source is written (``in a statement``, ``a memo said``:
word list ``written_media``).

Example:
    >>> import quotecraft
    >>> q = quotecraft.extract("The bank will cut rates, according to a note to clients.").quotes[0]
    >>> q.cue.text, q.cue.type.value, q.speaker, q.medium.text
    ('according to', 'writing', None, 'a note')
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .wordlists import word_list

_AUTHOR_LABELS = frozenset({"ORG", "PERSON"})
_AUTHOR_PREPS = frozenset({"by", "from"})


def _listed(noun: Token, name: str) -> bool:
    words = word_list(name)
    return noun.lemma_.lower() in words or noun.lower_ in words


def is_evidence(noun: Token) -> bool:
    """True when ``noun`` names evidence (word list ``evidence_nouns``: *poll*, *data*)."""
    return noun.pos_ in ("NOUN", "PROPN") and _listed(noun, "evidence_nouns")


def is_document(noun: Token) -> bool:
    """True when ``noun`` names a document, a medium or evidence (word lists
    ``medium_nouns``, ``evidence_nouns``)."""
    return noun.pos_ in ("NOUN", "PROPN") and (
        _listed(noun, "medium_nouns") or _listed(noun, "evidence_nouns")
    )


def document_author(doc_noun: Token) -> Token | None:
    """Who a document speaks for: ``X's letter``, ``a report by X``, ``a note from X``,
    ``figures released by X``, ``a Reuters poll``; None when the text does not say."""
    if not is_document(doc_noun):
        return None
    for c in doc_noun.children:
        if c.dep_ == "poss" and c.pos_ in ("PROPN", "NOUN", "PRON"):
            return c
        if c.dep_ == "prep" and c.lower_ in _AUTHOR_PREPS:
            for obj in c.children:
                if obj.dep_ == "pobj" and obj.pos_ in ("PROPN", "NOUN"):
                    return obj
    for c in doc_noun.children:
        if c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() in word_list("authoring_verbs"):
            agent = _agent(c)
            if agent is not None:
                return agent
    return _compound_author(doc_noun)


def _agent(participle: Token) -> Token | None:
    """``released by X``: X."""
    for c in participle.children:
        if c.dep_ == "agent":
            for obj in c.children:
                if obj.dep_ == "pobj" and obj.pos_ in ("PROPN", "NOUN"):
                    return obj
    return None


def _compound_author(doc_noun: Token) -> Token | None:
    """``a Reuters poll``, ``a Goldman Sachs note``: the named organization or person
    compounded with the document (its last word), not a date or a place."""
    named = [
        c
        for c in doc_noun.lefts
        if c.dep_ == "compound" and c.pos_ == "PROPN" and c.ent_type_ in _AUTHOR_LABELS
    ]
    return named[-1] if named else None


def document_bounds(doc: Doc, noun: Token) -> tuple[int, int]:
    """Token bounds of the document phrase up to its noun: ``a report`` of ``a report
    by X``, ``a note`` of ``a note to clients``."""
    start, end = noun.left_edge.i, noun.i + 1
    while start < noun.i and (doc[start].is_punct or doc[start].is_space):
        start += 1
    return start, end


def unsigned_document(head: Token | None, according: bool) -> bool:
    """True for ``according to`` a message that names no author (``a note to clients``):
    the quote has that medium and no speaker. Evidence (``the poll``) is its own source."""
    return (
        according
        and head is not None
        and is_document(head)
        and not is_evidence(head)
        and document_author(head) is None
    )


def source_cue_type(
    base: str | None, doc: Doc, document: int | None, medium: tuple[int, int] | None
) -> str | None:
    """Rule ``source.cue_type.v1``: the type of a speech cue given its source document
    (token index) and medium (token bounds): evidence or writing, else None (no change)."""
    if base != "speech":
        return None
    nouns = [doc[document]] if document is not None else []
    if medium is not None:
        nouns.append(doc[medium[0] : medium[1]].root)
    if any(is_evidence(n) for n in nouns):
        return "evidence"
    if any(_listed(n, "written_media") for n in nouns):
        return "writing"
    return None
