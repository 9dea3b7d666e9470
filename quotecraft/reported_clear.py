"""*Make clear that ...*: a statement made by a verb that is no speech verb of its own.

Rule ``reported.make_clear.v1``: ``The governor made clear that she would veto the bill``,
``Officials made it clear on Monday that the deadline would not move``, ``The memo makes
it plain the plan was never approved``, ``The firm has made known that it will appeal``.
*Make* with *clear*, *plain* or *known* as its complement states what the clause after
them says; neither word is a cue alone, so no pattern of the lexicon reaches it. The rule
takes

- a form of *make* with one of those adjectives as its clausal complement or predicate
  (``made clear``, ``made it clear``: the parser reads *it* as the adjective's subject),
  or with the noun *case* or *point* as its object and a *that* clause on it (``Critics
  made the case that the law is unfair``; ``made the case for ...`` states no clause);
- a clause with a subject of its own after the adjective, hung on the adjective or on
  *make*: opened by *that* or by its subject, never by a question word or another
  conjunction (``made it clear when he spoke`` says when, not what);
- the subject of *make* as the speaker (``The memo makes clear ...``: a document).

The cue is *make* with the words up to the adjective or noun (``made it clear``, ``made
the case``), of type speech.

Example:
    >>> import quotecraft
    >>> ex = quotecraft.load()
    >>> q = ex("The mayor made it clear that the plan was dead.").quotes[0]
    >>> (q.content.text, q.cue.text, q.speaker.name, q.rule)
    ('the plan was dead', 'made it clear', 'mayor', 'reported.make_clear.v1')
"""

from __future__ import annotations

from spacy.attrs import LOWER
from spacy.tokens import Doc, Token

from .attribution import attribute
from .candidates import Candidate, reported_candidate
from .content_trim import trim_bounds
from .speaker_names import tokens_lowered

__all__ = ["MAKE_CLEAR_RULE", "make_clear", "make_clear_attributions"]

MAKE_CLEAR_RULE = "reported.make_clear.v1"
_CONFIDENCE = 0.85
_MADE_NOUNS = ("case", "point")
"""Nouns that with *make* state their clause (``made the case that``, ``made the point that``)."""
_COMPLEMENTS = ("clear", "plain", "known", *_MADE_NOUNS)
"""The words that with *make* state a clause: three adjectives and two nouns."""
_NOUN_CLAUSE_DEPS = frozenset({"acl", "ccomp", "relcl", "advcl"})
_ADJECTIVE_DEPS = frozenset({"ccomp", "oprd", "acomp", "xcomp"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "expl", "csubj"})


def _stated_clause(clause: Token, adjective: Token) -> bool:
    """A finite clause after ``adjective`` with a subject of its own, opened by *that* or
    by its subject (not *when*, *if*, *because*, ...)."""
    if clause.i <= adjective.i or clause.pos_ not in ("VERB", "AUX"):
        return False
    if not any(c.dep_ in _SUBJECTS for c in clause.children):
        return False
    marks = [c for c in clause.children if c.dep_ == "mark"]
    if any(m.lower_ != "that" for m in marks):
        return False
    first = clause.left_edge
    return first.tag_ not in ("WRB", "WP", "WDT", "WP$") and (
        first.lower_ == "that" or first.dep_ in _SUBJECTS or first.head.dep_ in _SUBJECTS
    )


def make_clear(adjective: Token) -> tuple[Token, Token] | None:
    """*Make* and the clause it states for ``adjective`` (*clear*, *plain*, *known*, or
    the noun *case* or *point*: ``made the case that ...``), else None (see the module)."""
    verb = adjective.head
    if adjective.lower_ in _MADE_NOUNS:
        if adjective.dep_ != "dobj" or verb.lemma_.lower() != "make" or verb.pos_ != "VERB":
            return None
        clause = next(  # on the noun, or on "make" past an aside ("the case, in a book, that")
            (c for c in (*adjective.rights, *verb.rights) if c.dep_ in _NOUN_CLAUSE_DEPS), None
        )
        if clause is None or not any(m.lower_ == "that" for m in clause.children):
            return None  # "made the case for ...": no clause stated
        return (verb, clause) if _stated_clause(clause, adjective) else None
    if adjective.dep_ not in _ADJECTIVE_DEPS or verb.lemma_.lower() != "make":
        return None
    if verb.pos_ != "VERB" or verb.i > adjective.i:
        return None
    for clause in (*adjective.rights, *verb.rights):
        if clause.dep_ in ("ccomp", "advcl") and _stated_clause(clause, adjective):
            return verb, clause
    return None


def make_clear_attributions(doc: Doc) -> list[Candidate]:
    """Rule ``reported.make_clear.v1`` (see the module)."""
    out: list[Candidate] = []
    for adjective in tokens_lowered(doc, _COMPLEMENTS, LOWER):
        found = make_clear(adjective)
        if found is None:
            continue
        verb, clause = found
        start = clause.left_edge.i
        if doc[start].lower_ == "that":
            start += 1
        bounds = trim_bounds(doc, start, clause.right_edge.i + 1)
        att = attribute(verb)
        if bounds is None or att.speaker is None:
            continue
        cand = reported_candidate(
            doc, bounds, verb, MAKE_CLEAR_RULE, _CONFIDENCE, att, lemma=_lemma(adjective)
        )
        cand.cue = (verb.idx, adjective.idx + len(adjective.text))
        cand.cue_type = "speech"
        out.append(cand)
    return out


def _lemma(word: Token) -> str:
    """The cue's lemma: ``make clear``, ``make the case``, ``make the point``."""
    return f"make the {word.lower_}" if word.lower_ in _MADE_NOUNS else f"make {word.lower_}"
