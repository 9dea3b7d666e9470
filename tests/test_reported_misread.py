"""Rules ``reported.misread_verb.v1``, ``reported.misread_object.v1``,
``reported.xcomp_clause.v1`` and ``reported.marked_object.v1`` on hand-built parses (the misreading depends on the model
and the context, so the parses are written out). Sentences written for these tests."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from quotecraft.cues import default_lexicon
from quotecraft.reported_marked import marked_object_attributions
from quotecraft.reported_misread import (
    misread_object_attributions,
    misread_verb_attributions,
    xcomp_clause_attributions,
)
from quotecraft.testing import make_doc

Row = tuple[str, int, str, str, str, str]
"""One token of a hand-built parse: word, head, relation, part of speech, tag, lemma."""


def _doc(rows: list[Row]) -> Doc:
    """The parse ``rows`` describe."""
    return make_doc(
        [r[0] for r in rows],
        heads=[r[1] for r in rows],
        deps=[r[2] for r in rows],
        pos=[r[3] for r in rows],
        tags=[r[4] for r in rows],
        lemmas=[r[5] for r in rows],
    )


def _found(rows: list[tuple[str, int, str, str, str, str]]) -> list[tuple[str, str]]:
    """(content, speaker) of each candidate; rows are (word, head, dep, pos, tag, lemma)."""
    doc = _doc(rows)
    out = []
    for c in misread_verb_attributions(doc, default_lexicon()):
        assert c.attribution.speaker is not None
        s, e = c.attribution.speaker
        out.append((doc.text[c.start : c.end], doc[s:e].text))
    return out


def test_a_name_and_a_clause_make_the_noun_a_verb() -> None:
    rows = [
        ("Moreno", 1, "compound", "PROPN", "NNP", "Moreno"),
        ("claims", 1, "ROOT", "NOUN", "NNS", "claim"),
        ("she", 3, "nsubj", "PRON", "PRP", "she"),
        ("saw", 1, "ccomp", "VERB", "VBD", "see"),
        ("the", 5, "det", "DET", "DT", "the"),
        ("thief", 3, "dobj", "NOUN", "NN", "thief"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ]
    assert _found(rows) == [("she saw the thief", "Moreno")]


def test_a_noun_phrase_with_a_determiner_and_an_infinitive() -> None:
    rows = [
        ("The", 2, "det", "DET", "DT", "the"),
        ("council", 2, "compound", "NOUN", "NN", "council"),
        ("plans", 2, "ROOT", "NOUN", "NNS", "plan"),
        ("to", 4, "aux", "PART", "TO", "to"),
        ("sell", 2, "xcomp", "VERB", "VB", "sell"),
        ("the", 6, "det", "DET", "DT", "the"),
        ("park", 4, "dobj", "NOUN", "NN", "park"),
        (".", 2, "punct", "PUNCT", ".", "."),
    ]
    assert _found(rows) == [("to sell the park", "The council")]


def test_a_that_clause_hung_on_the_noun_as_a_relative_clause() -> None:
    rows = [
        ("Tanaka", 1, "compound", "PROPN", "NNP", "Tanaka"),
        ("charges", 1, "ROOT", "NOUN", "NNS", "charge"),
        ("that", 4, "mark", "SCONJ", "IN", "that"),
        ("officials", 4, "nsubj", "NOUN", "NNS", "official"),
        ("lied", 1, "acl", "VERB", "VBD", "lie"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ]
    assert _found(rows) == [("officials lied", "Tanaka")]


def test_a_relative_pronoun_is_no_conjunction() -> None:
    # "The Lee claims that voters believe": the claims voters believe, a noun phrase
    rows = [
        ("The", 2, "det", "DET", "DT", "the"),
        ("Lee", 2, "compound", "PROPN", "NNP", "Lee"),
        ("claims", 2, "ROOT", "NOUN", "NNS", "claim"),
        ("that", 5, "dobj", "PRON", "WDT", "that"),
        ("voters", 5, "nsubj", "NOUN", "NNS", "voter"),
        ("believe", 2, "relcl", "VERB", "VBP", "believe"),
        (".", 2, "punct", "PUNCT", ".", "."),
    ]
    assert _found(rows) == []


def test_a_compound_noun_names_no_one_and_a_passive_is_no_plan() -> None:
    loan = [
        ("Student", 1, "compound", "NOUN", "NN", "student"),
        ("loan", 2, "compound", "NOUN", "NN", "loan"),
        ("plans", 2, "ROOT", "NOUN", "NNS", "plan"),
        ("to", 4, "aux", "PART", "TO", "to"),
        ("cut", 2, "xcomp", "VERB", "VB", "cut"),
        ("fees", 4, "dobj", "NOUN", "NNS", "fee"),
        (".", 2, "punct", "PUNCT", ".", "."),
    ]
    assert _found(loan) == []
    passive = [
        ("The", 2, "det", "DET", "DT", "the"),
        ("Ruiz", 2, "compound", "PROPN", "NNP", "Ruiz"),
        ("plans", 2, "ROOT", "NOUN", "NNS", "plan"),
        ("to", 5, "aux", "PART", "TO", "to"),
        ("be", 5, "auxpass", "AUX", "VB", "be"),
        ("debated", 2, "xcomp", "VERB", "VBN", "debate"),
        (".", 2, "punct", "PUNCT", ".", "."),
    ]
    assert _found(passive) == []


def test_a_verb_outside_the_complement_keeps_the_noun_a_noun() -> None:
    # "The Ruiz plans to sell the park, the paper reported." read with the noun as root
    rows = [
        ("The", 2, "det", "DET", "DT", "the"),
        ("Ruiz", 2, "compound", "PROPN", "NNP", "Ruiz"),
        ("plans", 2, "ROOT", "NOUN", "NNS", "plan"),
        ("to", 4, "aux", "PART", "TO", "to"),
        ("sell", 2, "xcomp", "VERB", "VB", "sell"),
        ("it", 4, "dobj", "PRON", "PRP", "it"),
        (",", 2, "punct", "PUNCT", ",", ","),
        ("Kim", 8, "nsubj", "PROPN", "NNP", "Kim"),
        ("said", 2, "parataxis", "VERB", "VBD", "say"),
        (".", 2, "punct", "PUNCT", ".", "."),
    ]
    assert _found(rows) == []


def test_a_misread_verb_that_ends_the_sentence_attributes_what_comes_before() -> None:
    # "The ferry will not run before May, the harbour master notes."
    rows = [
        ("The", 1, "det", "DET", "DT", "the"),
        ("ferry", 4, "nsubj", "NOUN", "NN", "ferry"),
        ("will", 4, "aux", "AUX", "MD", "will"),
        ("not", 4, "neg", "PART", "RB", "not"),
        ("run", 4, "ROOT", "VERB", "VB", "run"),
        ("before", 4, "prep", "ADP", "IN", "before"),
        ("May", 5, "pobj", "PROPN", "NNP", "May"),
        (",", 4, "punct", "PUNCT", ",", ","),
        ("the", 11, "det", "DET", "DT", "the"),
        ("harbour", 11, "compound", "NOUN", "NN", "harbour"),
        ("master", 11, "compound", "NOUN", "NN", "master"),
        ("notes", 4, "npadvmod", "NOUN", "NNS", "note"),
        (".", 4, "punct", "PUNCT", ".", "."),
    ]
    assert _found(rows) == [("The ferry will not run before May", "the harbour master")]


def test_a_plural_noun_ending_a_list_is_no_trailing_cue() -> None:
    # "Turnout rose in the north, the south and most coastal states." : no one "states"
    rows = [
        ("Turnout", 1, "nsubj", "NOUN", "NN", "turnout"),
        ("rose", 1, "ROOT", "VERB", "VBD", "rise"),
        ("in", 1, "prep", "ADP", "IN", "in"),
        ("the", 4, "det", "DET", "DT", "the"),
        ("north", 2, "pobj", "NOUN", "NN", "north"),
        (",", 4, "punct", "PUNCT", ",", ","),
        ("the", 7, "det", "DET", "DT", "the"),
        ("south", 4, "conj", "NOUN", "NN", "south"),
        ("and", 7, "cc", "CCONJ", "CC", "and"),
        ("most", 11, "amod", "ADJ", "JJS", "most"),
        ("coastal", 11, "amod", "ADJ", "JJ", "coastal"),
        ("states", 7, "conj", "NOUN", "NNS", "state"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ]
    assert _found(rows) == []


def _objects(rows: list[tuple[str, int, str, str, str, str]]) -> list[tuple[str, str]]:
    """(content, speaker) of each ``reported.misread_object.v1`` candidate."""
    doc = _doc(rows)
    out = []
    for c in misread_object_attributions(doc, default_lexicon()):
        assert c.rule == "reported.misread_object.v1"
        assert c.attribution.speaker is not None
        s, e = c.attribution.speaker
        out.append((doc.text[c.start : c.end], doc[s:e].text))
    return out


def _said(
    obj: list[tuple[str, int, str, str, str, str]],
) -> list[tuple[str, int, str, str, str, str]]:
    """``Lee said`` + ``obj`` (heads in ``obj`` count from the whole sentence) + a full stop."""
    return [
        ("Lee", 1, "nsubj", "PROPN", "NNP", "Lee"),
        ("said", 1, "ROOT", "VERB", "VBD", "say"),
        *obj,
        (".", 1, "punct", "PUNCT", ".", "."),
    ]


@pytest.mark.parametrize(
    ("obj", "content"),
    [
        (  # "every spring" hung on "said"
            [
                ("the", 4, "det", "DET", "DT", "the"),
                ("creek", 4, "compound", "NOUN", "NN", "creek"),
                ("floods", 1, "dobj", "NOUN", "NNS", "flood"),
                ("every", 6, "det", "DET", "DT", "every"),
                ("spring", 1, "npadvmod", "NOUN", "NN", "spring"),
            ],
            "the creek floods every spring",
        ),
        (  # "at noon" hung on the misread verb itself
            [
                ("the", 4, "det", "DET", "DT", "the"),
                ("ferry", 4, "compound", "NOUN", "NN", "ferry"),
                ("leaves", 1, "dobj", "VERB", "VBZ", "leave"),
                ("at", 4, "prep", "ADP", "IN", "at"),
                ("noon", 5, "pobj", "NOUN", "NN", "noon"),
            ],
            "the ferry leaves at noon",
        ),
    ],
)
def test_a_clause_read_as_the_object_of_say(obj: list[Row], content: str) -> None:
    assert _objects(_said(obj)) == [(content, "Lee")]


def test_a_noun_phrase_with_an_of_phrase_or_no_modifier_is_an_object() -> None:
    with_of = _said(
        [
            ("the", 4, "det", "DET", "DT", "the"),
            ("police", 4, "compound", "NOUN", "NN", "police"),
            ("reports", 1, "dobj", "NOUN", "NNS", "report"),
            ("of", 4, "prep", "ADP", "IN", "of"),
            ("theft", 5, "pobj", "NOUN", "NN", "theft"),
        ]
    )
    bare = _said(
        [
            ("the", 4, "det", "DET", "DT", "the"),
            ("code", 4, "compound", "NOUN", "NN", "code"),
            ("words", 1, "dobj", "NOUN", "NNS", "word"),
        ]
    )
    told = _said(
        [
            ("the", 4, "det", "DET", "DT", "the"),
            ("code", 4, "compound", "NOUN", "NN", "code"),
            ("words", 1, "dobj", "NOUN", "NNS", "word"),
            ("yesterday", 1, "npadvmod", "NOUN", "NN", "yesterday"),
        ]
    )
    assert _objects(with_of) == []
    assert _objects(bare) == []
    assert _objects(told) == []  # "word" is what is said (told_things)


def test_no_subject_before_the_noun_or_a_verb_that_takes_objects() -> None:
    adjective = _said(
        [
            ("the", 4, "det", "DET", "DT", "the"),
            ("magic", 4, "amod", "ADJ", "JJ", "magic"),
            ("words", 1, "dobj", "NOUN", "NNS", "word"),
            ("at", 4, "prep", "ADP", "IN", "at"),
            ("dawn", 5, "pobj", "NOUN", "NN", "dawn"),
        ]
    )
    praised = [
        ("Lee", 1, "nsubj", "PROPN", "NNP", "Lee"),
        ("praised", 1, "ROOT", "VERB", "VBD", "praise"),
        ("the", 4, "det", "DET", "DT", "the"),
        ("rescue", 4, "compound", "NOUN", "NN", "rescue"),
        ("teams", 1, "dobj", "NOUN", "NNS", "team"),
        ("at", 4, "prep", "ADP", "IN", "at"),
        ("dawn", 5, "pobj", "NOUN", "NN", "dawn"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ]
    assert _objects(adjective) == []
    assert _objects(praised) == []  # an object is what "praise" reports


def _xcomp_clauses(rows: list[tuple[str, int, str, str, str, str]]) -> list[str]:
    """The contents of the ``reported.xcomp_clause.v1`` candidates."""
    doc = _doc(rows)
    found = xcomp_clause_attributions(doc, default_lexicon())
    assert all(c.rule == "reported.xcomp_clause.v1" for c in found)
    return [doc.text[c.start : c.end] for c in found]


def test_a_tensed_clause_read_as_an_open_complement() -> None:
    rows = [
        ("Lee", 1, "nsubj", "PROPN", "NNP", "Lee"),
        ("told", 1, "ROOT", "VERB", "VBD", "tell"),
        ("police", 1, "dobj", "NOUN", "NNS", "police"),
        ("the", 4, "det", "DET", "DT", "the"),
        ("van", 6, "nsubj", "NOUN", "NN", "van"),  # hung on the auxiliary "been"
        ("had", 6, "aux", "AUX", "VBD", "have"),
        ("been", 7, "aux", "AUX", "VBN", "be"),
        ("speeding", 1, "xcomp", "VERB", "VBG", "speed"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ]
    assert _xcomp_clauses(rows) == ["the van had been speeding"]


def test_an_infinitive_has_no_tense() -> None:
    rows = [
        ("Lee", 1, "nsubj", "PROPN", "NNP", "Lee"),
        ("told", 1, "ROOT", "VERB", "VBD", "tell"),
        ("police", 1, "dobj", "NOUN", "NNS", "police"),
        ("to", 4, "aux", "PART", "TO", "to"),
        ("leave", 1, "xcomp", "VERB", "VB", "leave"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ]
    assert _xcomp_clauses(rows) == []


def _marked(obj: list[Row]) -> list[tuple[str, str]]:
    """(content, speaker) of each ``reported.marked_object.v1`` candidate of ``Ines
    argued`` + ``obj`` (heads count from the whole sentence) + a full stop."""
    rows = [
        ("Ines", 1, "nsubj", "PROPN", "NNP", "Ines"),
        ("argued", 1, "ROOT", "VERB", "VBD", "argue"),
        *obj,
        (".", 1, "punct", "PUNCT", ".", "."),
    ]
    doc = _doc(rows)
    out = []
    for c in marked_object_attributions(doc, default_lexicon()):
        assert c.rule == "reported.marked_object.v1"
        assert c.attribution.speaker is not None
        s, e = c.attribution.speaker
        out.append((doc.text[c.start : c.end], doc[s:e].text))
    return out


@pytest.mark.parametrize("subject_head", [5, 4], ids=["on-the-object", "on-the-compound"])
def test_an_object_opened_by_that_as_a_conjunction_is_the_clause_said(subject_head: int) -> None:
    # "Ines argued that habit shapes taste": "habit shapes taste" read as a compound noun
    rows: list[Row] = [
        ("that", 5, "mark", "SCONJ", "IN", "that"),
        ("habit", subject_head, "compound", "NOUN", "NN", "habit"),
        ("shapes", 5, "compound", "NOUN", "NNS", "shape"),
        ("taste", 1, "dobj", "NOUN", "NN", "taste"),
    ]
    assert _marked(rows) == [("habit shapes taste", "Ines")]


def test_that_read_as_the_object_with_the_clause_hung_on_it() -> None:
    # "Ines argued that rent caps slow building": "that" the object, the rest its phrase
    rows: list[Row] = [
        ("that", 1, "dobj", "SCONJ", "IN", "that"),
        ("rent", 4, "compound", "NOUN", "NN", "rent"),
        ("caps", 6, "compound", "NOUN", "NNS", "cap"),
        ("slow", 6, "amod", "ADJ", "JJ", "slow"),
        ("building", 2, "pobj", "NOUN", "NN", "building"),
    ]
    assert _marked(rows) == [("rent caps slow building", "Ines")]
    # "Ines argued that.": a pronoun
    assert _marked([("that", 1, "dobj", "PRON", "DT", "that")]) == []
    # "Ines argued that from the start": a pronoun tagged as a conjunction; no subject
    start: list[Row] = [
        ("that", 1, "dobj", "SCONJ", "IN", "that"),
        ("from", 2, "prep", "ADP", "IN", "from"),
        ("the", 5, "det", "DET", "DT", "the"),
        ("start", 3, "pobj", "NOUN", "NN", "start"),
    ]
    assert _marked(start) == []


def test_that_as_a_determiner_or_before_one_word_is_no_clause() -> None:
    # "Ines argued that point": a determiner
    point: list[Row] = [
        ("that", 3, "det", "DET", "DT", "that"),
        ("point", 1, "dobj", "NOUN", "NN", "point"),
    ]
    assert _marked(point) == []
    # "Ines argued that taxes": too short to be a clause, whatever the parse
    short: list[Row] = [
        ("that", 3, "mark", "SCONJ", "IN", "that"),
        ("taxes", 1, "dobj", "NOUN", "NNS", "tax"),
    ]
    assert _marked(short) == []
