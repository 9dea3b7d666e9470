"""The names of a group speaker's members (``Maria and Luis Ortega``: Maria Ortega and
Luis Ortega), for :mod:`quotecraft.speakers`; which conjoined nouns are members is
:mod:`quotecraft.speaker_groups`'s."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .speaker_names import POSSESSIVE, mention_span, name_tokens, text_slice


def member_names(doc: Doc, tokens: list[Token], start: int) -> list[str]:
    """The names of a group's members, one per member token (the mention starts at
    ``start``): ``Maria and Luis Ortega`` gives Maria Ortega and Luis Ortega (a one-word
    name takes the last member's surname); a role is named by its words without the
    determiner (``the mayor and the police chief``: mayor, police chief)."""
    members = []
    for tok in tokens:
        s, e = mention_span(tok)
        s = max(s, start)
        toks = [t for t in doc[s:e] if not (t.dep_ in ("cc", "conj") and t.i != tok.i)]
        toks = [t for t in toks if t.i <= tok.i]
        if tok.pos_ == "NOUN":  # a role: "the police chief" is the member "police chief"
            owner = {x.i for c in tok.children if c.dep_ == "poss" for x in c.subtree}
            words = [t for t in toks if t.pos_ != "DET" and t.i not in owner]  # "the club's"
            members.append(text_slice(words or [tok]))
            continue
        members.append(POSSESSIVE.sub("", text_slice(name_tokens(doc[toks[0].i : tok.i + 1]))))
    last = members[-1].split()
    # "Maria and Luis Ortega": Maria Ortega; not "Mayor Liu and her deputy, Paolo Conti"
    if len(last) > 1 and tokens[-1].pos_ == "PROPN" and tokens[-1].dep_ == "conj":
        members = [
            m if len(m.split()) > 1 or t.pos_ != "PROPN" or _titled(t) else f"{m} {last[-1]}"
            for m, t in zip(members, tokens, strict=True)
        ]
    return members


def _titled(name: Token) -> bool:
    """Whether a one-word name comes after a title or honorific (``Mayor Liu``, ``Dr.
    Lee``): a surname, not a first name to share the next member's surname."""
    s, _ = mention_span(name)
    return len(name_tokens(name.doc[s : name.i + 1])) < name.i + 1 - s
