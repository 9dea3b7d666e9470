"""What kind of speaker a description with no name is: a person, a group, a body."""

from __future__ import annotations

from collections.abc import Container

from spacy.tokens import Token

from .records import SpeakerKind
from .sources import is_document
from .speaker_features import gendered_nouns
from .structure import age_noun
from .wordlists import word_list

_ANONYMOUS = frozenset({"source"})
"""A source stays a group in the singular: an anonymous source may be several people."""


def written_title(head: Token, title_words: Container[str], modifiers: Container[str]) -> bool:
    """``the Prime Minister``, ``The President``: a title written with capitals after
    *the* describes a person as ``the prime minister`` does. Every word from the article
    to ``head`` is a title word or a title modifier (``Prime``, ``Vice``); not ``the White
    House``, nor a name (``the Kennedys``)."""
    if head.pos_ != "PROPN" or not head.text[:1].isupper() or head.left_edge.lower_ != "the":
        return False
    words = head.doc[head.left_edge.i + 1 : head.i + 1]
    return all(t.lower_ in title_words or t.lower_ in modifiers or t.text == "-" for t in words)


def description_kind(
    head: Token, title_words: Container[str], modifiers: Container[str] = ()
) -> SpeakerKind:
    """The kind of the speaker a description with head ``head`` names.

    A word of ``groups`` names a group (``officials``, ``residents``, ``many``), but in the
    singular a title or a word whose plural is a group word names one person (``a senior
    official``, ``a witness``, ``the Democrat``; not a document, ``a poll``, nor ``a
    source``); a title word names a person (a group in the plural), then a word of
    ``organization_nouns`` a body, a gendered noun a person (``her father``); anything
    else is unknown. A title written with capitals is one with ``modifiers``
    (:func:`written_title`). An age that heads its phrase names a person (``the
    19-year-old``: :func:`~quotecraft.structure.age_noun`).
    """
    head_low, low = head.lemma_.lower(), head.lower_
    titled = (head.pos_ == "NOUN" and (head_low in title_words or low in title_words)) or (
        written_title(head, title_words, modifiers)
    )
    groups = word_list("groups")
    person = (
        not is_document(head)
        and head_low not in _ANONYMOUS
        and bool({f"{head_low}s", f"{head_low}es"} & groups)
    )
    one = head.tag_ in ("NN", "NNP") and (titled or person)
    if (head_low in groups or low in groups) and not one:
        return SpeakerKind.GROUP
    if titled or one:
        return SpeakerKind.GROUP if head.tag_ == "NNS" else SpeakerKind.PERSON
    if head_low in word_list("organization_nouns"):
        return SpeakerKind.ORGANIZATION
    if low in gendered_nouns() or head_low in gendered_nouns():
        return SpeakerKind.GROUP if head.tag_ == "NNS" else SpeakerKind.PERSON
    if age_noun(head):
        return SpeakerKind.PERSON
    return SpeakerKind.UNKNOWN


def who_antecedent(relative: Token, title_words: Container[str]) -> Token:
    """The noun *who* or *whom* refers to: the noun its clause hangs on, unless that is no
    person but the object of a preposition on a noun (``a nurse at the clinic, who``,
    ``a baker in Leeds, who``): then the noun the preposition hangs on, when it names a
    person or the object is a place; the name an apposition describes when the parser read
    the apposition as an adjective (``Olga, a cleaner who``: *Olga*)."""
    noun = relative.head.head
    if noun.pos_ == "ADJ" and noun.dep_ == "appos":
        return noun.head
    if relative.lower_ not in ("who", "whom") or noun.dep_ != "pobj" or noun.head.dep_ != "prep":
        return noun
    holder = noun.head.head
    if holder.pos_ not in ("NOUN", "PROPN") or _personal(noun, title_words):
        return noun
    place = noun.ent_type_ in ("GPE", "LOC", "FAC")
    return holder if place or _personal(holder, title_words) else noun


def predicated_subject(noun: Token) -> Token | None:
    """The subject ``noun`` is predicated of by *be* (``Joe Ray was a baker``: *Joe Ray*),
    the last of nouns joined by *and* too (``She is a liar and a cheat``): a name or a
    pronoun (not a relative one), or a noun when ``noun`` is *one* (``The mayor is the one
    who``; not ``Learning is an advantage that``). None otherwise."""
    one = noun.lower_ in ("one", "ones")
    while noun.dep_ == "conj":
        noun = noun.head
    verb = noun.head
    if noun.dep_ != "attr" or verb.lemma_ != "be":
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
    if subj is None or subj.pos_ not in (("PROPN", "PRON", "NOUN") if one else ("PROPN", "PRON")):
        return None
    return None if subj.lower_ in ("who", "whom", "that", "which") else subj


def _personal(noun: Token, title_words: Container[str]) -> bool:
    """Whether ``noun`` names a person or people (a PERSON entity, a title, a group word)."""
    if noun.ent_type_:
        return noun.ent_type_ in ("PERSON", "NORP")
    return description_kind(noun, title_words) in (SpeakerKind.PERSON, SpeakerKind.GROUP)
