"""The tokens the speaker table reads as names: proper nouns, and the words the tagger misread.

The entity tagger and the part-of-speech tagger miss names they cannot read: ``Pike
disagreed`` (*Pike* tagged as a foreign word or an interjection), ``Dahl frowned`` (*Dahl*
as a plural noun). :func:`names_and_gendered_nouns` hands
:meth:`quotecraft.speaker_table.EntityTable._collect_echoes` the proper nouns, those
misread words and the gendered nouns; a misread word counts only when it repeats the name
of a person the text has already named.
"""

from __future__ import annotations

from functools import cache

import numpy as np
from spacy.attrs import DEP, IS_TITLE, LOWER, POS
from spacy.parts_of_speech import ADJ, INTJ, NOUN, PROPN, X
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

from .doc_arrays import token_array, token_positions
from .speaker_features import gendered_nouns
from .speaker_names import string_hashes

__all__ = ["names_and_gendered_nouns"]


def names_and_gendered_nouns(doc: Doc) -> list[Token]:
    """The proper nouns of ``doc``, the words the tagger may have misread for a name's
    (tagged foreign, ``Pike disagreed``, or a capitalized subject read as a common noun,
    an adjective or an interjection, ``Dahl frowned``) and its words of the gendered-noun list
    (``mother``, ``actress``), in text order, found in the token arrays (no Token for the
    others)."""
    pos, dep = token_array(doc, POS), token_array(doc, DEP)
    misread = (
        np.isin(pos, (NOUN, INTJ, ADJ))
        & (token_array(doc, IS_TITLE) != 0)
        & np.isin(dep, _subject_hashes())
    )
    names = ((pos == PROPN) | (pos == X) | misread).nonzero()[0].tolist()
    gendered = token_positions(doc, LOWER, _gendered_hashes())
    return [doc[i] for i in sorted(set(names).union(gendered))]


@cache
def _subject_hashes() -> np.ndarray:
    return np.array([get_string_id(d) for d in ("nsubj", "nsubjpass")], dtype=np.uint64)


@cache
def _gendered_hashes() -> np.ndarray:
    return string_hashes(frozenset(gendered_nouns()))
