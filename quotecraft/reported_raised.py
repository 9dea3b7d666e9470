"""Rule ``reported.raised.v1``: a passive report whose subject is what the report is about.

``The minister is said to be furious``, ``The vote is expected to pass``, ``Three people
are feared to have died``: a verb of ``raising_verbs`` in the passive, with a subject
before it and an infinitive after it. What is said, believed or expected is the subject
and the infinitive together (the cue stands between them); no one is named as its source
unless an agent is (``is expected by analysts to``). A passive with no infinitive (``The
vote is expected on Tuesday``) reports nothing, and an infinitive that reports a clause of
its own keeps it (``The company is expected to announce that ...``: what it announces).

Example:
    >>> import quotecraft
    >>> [(q.content.text, q.cue.text) for q in
    ...  quotecraft.extract("The minister is said to be furious about the leak.").quotes]
    [('The minister is said to be furious about the leak', 'said')]
"""

from __future__ import annotations

from spacy.attrs import LEMMA
from spacy.tokens import Doc, Token

from .attribution import Attribution, mention_bounds
from .candidates import Candidate, reported_candidate
from .content_trim import trim_bounds
from .cues import CueLexicon
from .speaker_names import tokens_lowered
from .wordlists import word_list

RAISED_RULE = "reported.raised.v1"
_CONFIDENCE = 0.6


def raised_parts(verb: Token) -> tuple[Token, Token] | None:
    """The subject and the infinitive of a raising passive ``verb`` (``is said to``)."""
    if verb.tag_ != "VBN" or not any(c.dep_ == "auxpass" for c in verb.children):
        return None
    subject = next((c for c in verb.lefts if c.dep_ == "nsubjpass"), None)
    clause = next((c for c in verb.rights if c.dep_ == "xcomp" and _infinitive(c)), None)
    if subject is None or clause is None or subject.lower_ == "it":
        return None  # "It is expected to rain": no one it is about
    return subject, clause


def _infinitive(verb: Token) -> bool:
    """*to* and a verb (``to be``, ``to have drowned``)."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _reports_itself(clause: Token, lexicon: CueLexicon) -> bool:
    """An infinitive that is a report with a clause of its own (``is expected to announce
    that ...``): the inner report is the one to keep."""
    return lexicon.verb(clause) is not None and any(c.dep_ == "ccomp" for c in clause.children)


def raised_attributions(doc: Doc, lexicon: CueLexicon) -> list[Candidate]:
    """Rule ``reported.raised.v1`` (see the module's docstring)."""
    out: list[Candidate] = []
    for verb in tokens_lowered(doc, word_list("raising_verbs"), LEMMA):
        parts = raised_parts(verb)
        if parts is None:
            continue
        subject, clause = parts
        if _reports_itself(clause, lexicon):
            continue
        bounds = trim_bounds(doc, subject.left_edge.i, clause.right_edge.i + 1)
        if bounds is None:
            continue
        agent = next(
            (o for c in verb.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"),
            None,
        )
        attribution = (
            Attribution(speaker=mention_bounds(agent), speaker_head=agent.i)
            if agent is not None
            else Attribution()
        )
        out.append(reported_candidate(doc, bounds, verb, RAISED_RULE, _CONFIDENCE, attribution))
    return out
