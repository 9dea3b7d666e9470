"""First names: the gender the packaged table guesses, and which person a first name
alone names.

``Ruth Amsel argued ... "You never listen," Ruth said.``: a one-word name that is no one's
surname is the first name of the one person of the text whose full name opens with it
(:func:`first_name_holders`); with two such persons (``Ruth Amsel`` and ``Ruth Berg``)
the text does not say which, and the name stays a person of its own. The text's own
evidence comes first: a word it writes after an honorific or a title (``Mr. Obama``) is
a surname (:func:`titled_surnames`), and a word the table does not know as a first name
needs a full name the text never writes in lower case (``Obama Says``, a headline the
tagger took for a name, is no one's full name: the text writes *says*).
"""

from __future__ import annotations

from collections.abc import Container, Iterable, Sequence
from typing import TypeVar

from spacy.tokens import Doc

from .speaker_features import first_names, honorifics
from .speaker_names import tokens_lowered

P = TypeVar("P")


def guessed_gender(names: Sequence[str]) -> str | None:
    """The gender the packaged first-name table gives a person's names: the first word
    of a full name, or a one-word name when the person has no longer one (a one-word name
    never seen after a first name is taken as a first name)."""
    alone = all(len(n.split()) == 1 for n in names)
    for name in names:
        parts = name.split()
        if len(parts) > 1 or alone:
            gender = first_names().get(parts[0].lower())
            if gender:
                return gender
    return None


def titled_surnames(doc: Doc, title_words: Iterable[str]) -> set[str]:
    """The words (lower case) ``doc`` writes right after an honorific or a title word with
    no other name after them (``Mr. Obama said``, ``Senator Alder``): surnames. Not
    ``Miss Marcie Rickenbacker``, whose honorific stands before a first name."""
    words = frozenset(honorifics()) | frozenset(title_words)
    return {
        doc[t.i + 1].lower_
        for t in tokens_lowered(doc, words)  # from the token array: no Token for the rest
        if t.i + 1 < len(doc) and (t.i + 2 >= len(doc) or doc[t.i + 2].pos_ != "PROPN")
    }


def first_name_holders(
    people: Iterable[tuple[P, Sequence[str]]], word: str, lowercase: Container[str]
) -> list[P]:
    """The persons (of ``people``: each with its names) whose full name opens with
    ``word``; for a word the first-name table does not know, only full names whose last
    word is not in ``lowercase`` (the words the text writes in lower case)."""
    key = word.lower()
    known = key in first_names()
    return [
        person
        for person, names in people
        if any(
            len(parts := n.split()) > 1
            and parts[0].lower() == key
            and (known or parts[-1].lower() not in lowercase)
            for n in names
        )
    ]
