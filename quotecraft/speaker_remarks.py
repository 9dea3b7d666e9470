"""Who gives a speech a document prints: the voice of its *I*.

A transcript of a speech, remarks or testimony says whose words follow in its opening
lines: ``Remarks by Governor Ann Lee at the Harbour Forum``, ``Speaker Ann Lee delivered
remarks on the Floor ...``, ``Ann Lee gave the following address:``. The person named so
is the document's voice (:class:`~quotecraft.speaker_voice.VoicedEntityTable`), as a
byline's writer or an interview's subject is: *I* in the text that follows.

Example:
    >>> import quotecraft
    >>> text = "Remarks by Governor Ann Lee at the Harbour Forum\\n\\nI said the port would reopen."
    >>> quotecraft.extract(text).quotes[0].speaker.name
    'Ann Lee'
"""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Doc, Span, Token

from .wordlists import word_list


@cache
def _speech_words() -> re.Pattern[str]:
    """The speech nouns of ``speech_nouns.txt`` as one pattern (a quick test on the text
    before the parse is read)."""
    words = sorted(word_list("speech_nouns"), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")e?s?\b", re.IGNORECASE)


_GIVING_VERBS = frozenset({"deliver", "give", "make", "present"})


def speech_giver(
    doc: Doc, start: int, end: int, people: list[Span], text: str | None = None
) -> Span | None:
    """The one person the characters ``start:end`` (the opening lines) say gives the
    speech: the object of *by* after a speech noun (``Remarks by Ann Lee``), the subject
    of *deliver*, *give*, *make* or *present* with a speech noun for object (``Ann Lee
    delivered remarks``) or the possessor of a speech noun (``Ann Lee's speech``).
    ``people`` are the document's PERSON spans; the name must be one of them. None when
    no one, or more than one person, is named so. ``text`` is the Doc's text (default
    ``doc.text``, which spaCy builds anew on each call)."""
    if not _speech_words().search((doc.text if text is None else text)[start:end]):
        return None
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    found: dict[str, Span] = {}
    for t in span:
        nouns = word_list("speech_nouns")
        if t.lemma_.lower() not in nouns and t.lower_ not in nouns:
            continue
        if t.pos_ not in ("NOUN", "PROPN"):
            continue
        for giver in _givers(t):
            person = next((p for p in people if p.start <= giver.i < p.end), None)
            if person is not None:
                found.setdefault(person.text, person)
    return next(iter(found.values())) if len(found) == 1 else None


def _givers(noun: Token) -> list[Token]:
    out = [c for c in noun.children if c.dep_ == "poss"]
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ == "by":
            out += [o for o in prep.children if o.dep_ == "pobj"]
    verb = noun.head
    if noun.dep_ == "dobj" and verb.lemma_.lower() in _GIVING_VERBS:
        out += [c for c in verb.children if c.dep_ == "nsubj"]
    # "Ann Lee and Jo Park gave speeches": each of them, so no one voice
    return out + [c for g in out for c in g.children if c.dep_ == "conj"]
