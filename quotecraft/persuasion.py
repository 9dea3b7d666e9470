"""Persuasion verbs in the passive: the one persuaded holds the view.

``The jury was persuaded that the witness had lied``, ``The senator is convinced the
bill will pass``: a verb of word list ``persuasion_verbs`` reports, in the passive, what
its subject has come to believe, not what someone told it (``Employees were told that
...`` has no speaker: whoever told them is not named). The subject is the speaker and
the cue's type is ``belief`` (rule ``cue_type.persuaded.v1``); the active (``She
persuaded the board that ...``) stays speech, the persuader's argument.
"""

from __future__ import annotations

from spacy.tokens import Token

from .wordlists import word_list

__all__ = ["persuaded_cue_type", "persuaded_subject"]

_SUBJECTS = ("nsubjpass", "nsubj")


def persuaded_subject(verb: Token) -> Token | None:
    """The subject of a passive persuasion verb (``The jury was persuaded``), also when the
    parser hung it on the auxiliary (``The senator is | convinced``), else None."""
    if verb.lemma_.lower() not in word_list("persuasion_verbs"):
        return None
    for c in verb.children:
        if c.dep_ in _SUBJECTS and c.i < verb.i:
            return c
        if c.dep_ == "auxpass":
            own = next((s for s in c.children if s.dep_ in _SUBJECTS), None)
            if own is not None:
                return own
    return None


def persuaded_cue_type(base: str | None, cue: Token) -> str | None:
    """Rule ``cue_type.persuaded.v1``: ``belief`` for a persuasion verb in the passive or
    read as an adjective (``are convinced that``), else None (no change)."""
    if base != "speech" or cue.lemma_.lower() not in word_list("persuasion_verbs"):
        return None
    passive = any(c.dep_ == "auxpass" for c in cue.children)
    return "belief" if passive or cue.dep_ in ("acomp", "oprd") else None
