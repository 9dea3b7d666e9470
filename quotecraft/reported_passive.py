"""Passive reports: what was said is a predicate or a quoted reason, the speaker the agent.

Rule ``reported.passive.v1``:

- ``The plan was described as "reckless" by opposition leader X.``: the ``as`` phrase
  (or the predicate, or a quoted phrase the parse read as its object: ``was branded "a
  disaster" by X``) of a passive cue verb is what was said.
- ``The proposal, called "reckless" by critics, ...``: the same with a participle on a
  noun or clause and its ``by`` phrase (:func:`reduced_passive`).
- ``The board was criticized by shareholders for "reckless spending."``, ``The council
  was accused by residents of "hiding the numbers."``: a ``for``, ``of`` or ``over``
  phrase holding a quotation is what was said (the active voice keeps its object with
  the phrase: ``criticized the board for "reckless spending"``, rule
  ``reported.dobj.v1``).

The speaker is the agent (``by X``). Other candidates of the same cue, the passive
subject read as the content (``The plan``, ``The board``), give way.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .attribution import Attribution, is_negated, mention_bounds
from .candidates import Candidate, cue_bounds
from .cues import CueLexicon
from .doc_arrays import token_values
from .name_ends import partitive
from .reported_bounds import content_bounds
from .structure import opens_quote
from .wordlists import word_list

#: prepositions whose quoted object is the words said in a passive report
REASON_PREPS = frozenset({"for", "of", "over"})


def quoted_reason(cue: Token, agent: Token | None) -> Token | None:
    """The object of a ``for``, ``of`` or ``over`` phrase that holds a quotation mark, on
    the passive ``cue`` or on its ``agent`` (the parser may hang the phrase on the agent:
    ``accused by residents of "hiding ..."``), or None."""
    for head in (cue, agent):
        if head is None:
            continue
        for prep in head.children:
            if prep.dep_ != "prep" or prep.lower_ not in REASON_PREPS or prep.i < cue.i:
                continue
            obj = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)
            if obj is not None and any(t.is_quote for t in prep.subtree):
                return obj
    return None


def reduced_passive(cue: Token) -> bool:
    """A participle with its agent that modifies a noun or its clause (``The proposal,
    called "reckless" by critics, was withdrawn``, ``Under the plan, described by one
    official as "bold",``): a passive with no auxiliary, which the tagger may read as a past
    verb set off by a comma (``The statue, called "the Iron Lady" by locals, stands``)."""
    # the parse may read the participle as a past verb after the comma
    if cue.dep_ not in ("acl", "advcl") and not (cue.i > 0 and cue.doc[cue.i - 1].text == ","):
        return False
    return any(c.dep_ == "agent" for c in cue.children)


def passive_attributions(doc: Doc, lexicon: CueLexicon, cands: list[Candidate]) -> list[Candidate]:
    """``The plan was described as "reckless" by opposition leader X.``, ``The board was
    criticized by shareholders for "reckless spending."``

    Rule ``reported.passive.v1``: a passive cue verb of the lexicon (``described as``,
    ``called``, ``accused of``) whose ``as`` phrase, predicate or quoted ``for`` / ``of``
    / ``over`` phrase is what was said and whose ``by`` phrase (an agent, or a ``by`` the
    parser hung on the content) names a person or organization: the content is that
    phrase, the speaker the agent. Other candidates of the same cue (its passive subject
    read as the content) give way.
    """
    out: list[Candidate] = []
    taken: set[tuple[int, int, int]] = set()
    participle, past = doc.vocab.strings["VBN"], doc.vocab.strings["VBD"]
    for i, tag in enumerate(token_values(doc, "TAG")):
        if tag != participle and tag != past:
            continue  # read from the tag array: most tokens are no participle
        cue = doc[i]
        verb = lexicon.verb(cue)
        if verb is None or verb.cls not in ("speech", "writing", "object"):
            continue
        # a past verb only as a participle misread ('The bridge, labelled "unsafe" by ...,')
        auxiliary = tag == participle and any(c.dep_ == "auxpass" for c in cue.children)
        if not auxiliary and not reduced_passive(cue):
            continue
        agent = None
        for c in cue.children:
            if c.dep_ == "agent":
                agent = next((x for x in c.children if x.dep_ == "pobj"), None)
        pred = None
        lemma = cue.lemma_.lower()  # 'were denied "basic dignity"': what they were refused
        denied = lemma in word_list("denial_verbs") or lemma in word_list("refusal_verbs")
        for c in cue.children:
            if c.dep_ == "oprd":
                pred = c
            elif c.dep_ == "prep" and c.lower_ == "as":
                pred = next((x for x in c.children if not x.is_punct), None)
            elif c.dep_ == "dobj" and c.left_edge.i > cue.i and opens_quote(c) and not denied:
                pred = c  # 'was branded "a disaster" by ...': the predicate read as an object
        if pred is None:
            pred = quoted_reason(cue, agent)
        if pred is None:
            continue
        by_prep = None
        if agent is None:
            for c in pred.subtree:
                if c.dep_ == "prep" and c.lower_ == "by" and c.head.i == pred.i:
                    agent = next((x for x in c.children if x.dep_ == "pobj"), None)
                    by_prep = c
        if agent is None or not (
            agent.pos_ in ("PROPN", "NOUN") or (partitive(agent) and agent.tag_ != "JJS")
        ):
            continue  # "by several of her colleagues", not "by the narrowest of margins"
        excluded = [by_prep] if by_prep is not None else []
        bounds = content_bounds(pred, excluded)
        if bounds is None:
            continue
        s, e = bounds
        # words wholly in quotation marks ("reckless") are a direct quote
        while s < e and doc[s].is_quote:
            s += 1
        while e > s and doc[e - 1].is_quote:
            e -= 1
        if e <= s:
            continue
        quoted = (s > 0 and e < len(doc) and doc[s - 1].is_quote and doc[e].is_quote) and not any(
            t.is_quote for t in doc[s:e]
        )
        sp_s, sp_e = mention_bounds(agent)
        if sp_s < pred.head.i < sp_e:
            sp_e = pred.head.i  # "residents of "hiding ..."": the speaker stops at the phrase
        cue_s, cue_e, lemma = cue_bounds(cue)
        out.append(
            Candidate(
                kind="direct" if quoted else "indirect",
                start=doc[s].idx,
                end=doc[e - 1].idx + len(doc[e - 1].text),
                rule="reported.passive.v1",
                confidence=round(min(0.8, verb.confidence), 3),
                cue=(cue_s, cue_e),
                cue_lemma=lemma,
                cue_token=cue.i,
                negated=is_negated(cue),
                attribution=Attribution(speaker=(sp_s, sp_e), speaker_head=agent.i),
            )
        )
        # other readings of the same cue give way: the content read with its "by" phrase
        taken.add((cue.i, doc[s].idx, doc[e - 1].idx + len(doc[e - 1])))
        subj = next((c for c in cue.children if c.dep_ == "nsubjpass"), None)
        if subj is not None:
            taken.add((cue.i, subj.left_edge.idx, subj.right_edge.idx + len(subj.right_edge)))
    if not out:
        return cands
    # the passive subject read as the content ("The plan" was described) gives way
    return [
        c
        for c in cands
        if not any(c.cue_token == i and c.start < e and s < c.end for i, s, e in taken)
    ] + out
