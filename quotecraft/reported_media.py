"""A speech or writing verb's *that* clause the parser hung on the relative clause of the
text it was said in.

Rule ``reported.medium_clause.v1``: ``The mayor said in an interview that aired Sunday |
that the plan was dead``, ``She said in a statement that was released late Friday | that
she would resign``. With two *that* in a row, the parser reads the first as the relative
pronoun of the medium (*interview*, *statement*) and hangs the second clause on the
relative clause's verb (*aired*, *released*), which cannot take one; the cue then has no
content. The rule gives the clause back to the cue when

- the cue is a speech or writing verb of the lexicon whose frames take a clause, with no
  clause or infinitive of its own;
- the medium is the object of its *in* and a document, medium, evidence or answer noun
  (:func:`quotecraft.sources.is_document`);
- the relative (or participle) clause's own verb is no cue that takes a clause (``in a
  letter that warned that ...`` keeps the letter's warning);
- the clause, opened by *that*, closes the relative clause.

Example:
    >>> import quotecraft
    >>> ex = quotecraft.load()
    >>> text = "The mayor said in an interview that aired Sunday that the plan was dead."
    >>> [(q.content.text, q.rule) for q in ex(text).quotes]
    [('the plan was dead', 'reported.medium_clause.v1')]
"""

from __future__ import annotations

from spacy.attrs import LOWER
from spacy.tokens import Doc, Token

from .attribution import attribute
from .candidates import Candidate, reported_candidate
from .content_trim import trim_bounds
from .cues import CueLexicon
from .reported_misread import CLAUSE_TAKING_FRAMES
from .sources import is_document
from .speaker_names import tokens_lowered

__all__ = ["MEDIUM_CLAUSE_RULE", "medium_clause", "medium_clause_attributions"]

MEDIUM_CLAUSE_RULE = "reported.medium_clause.v1"
_CONFIDENCE = 0.6
_SAYING = frozenset({"speech", "writing"})


def medium_clause(prep: Token, lexicon: CueLexicon) -> tuple[Token, Token] | None:
    """The cue and the clause the rule gives it for the *in* ``prep``, else None."""
    verb = prep.head
    if prep.dep_ != "prep" or verb.pos_ != "VERB":
        return None
    entry = lexicon.verb(verb)
    if entry is None or entry.cls not in _SAYING or not entry.frames & CLAUSE_TAKING_FRAMES:
        return None
    if any(c.dep_ in ("ccomp", "xcomp", "csubj") for c in verb.children):
        return None
    doc = prep.doc
    for noun in prep.children:
        if noun.dep_ != "pobj" or not is_document(noun):
            continue
        rel = next((c for c in noun.rights if c.dep_ in ("relcl", "acl")), None)
        if rel is None:
            continue
        own = lexicon.verb(rel)
        if own is not None and own.frames & CLAUSE_TAKING_FRAMES:
            continue  # "in a letter that warned that ...": the letter's own clause
        for said in rel.rights:
            if (
                said.dep_ == "ccomp"
                and said.right_edge.i == rel.right_edge.i
                and doc[said.left_edge.i].lower_ == "that"
            ):
                return verb, said
    return None


def medium_clause_attributions(doc: Doc, lexicon: CueLexicon) -> list[Candidate]:
    """Rule ``reported.medium_clause.v1`` (see the module)."""
    out: list[Candidate] = []
    for prep in tokens_lowered(doc, ("in",), LOWER):
        found = medium_clause(prep, lexicon)
        if found is None:
            continue
        verb, said = found
        bounds = trim_bounds(doc, said.left_edge.i + 1, said.right_edge.i + 1)
        att = attribute(verb)
        if bounds is None or att.speaker is None:
            continue
        out.append(reported_candidate(doc, bounds, verb, MEDIUM_CLAUSE_RULE, _CONFIDENCE, att))
    return out
