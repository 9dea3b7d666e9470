"""The subject across an aside (:mod:`quotecraft.subject_asides`), on hand-built parses
where the verb has no subject (as a small model's parse often leaves it). Sentences
written for these tests."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from spacy.tokens import Doc

from quotecraft.subject_asides import (
    set_off_object,
    subject_across_aside,
    subject_of_verb_read_as_participle,
    subject_read_as_clause,
    subject_read_as_object,
)
from quotecraft.testing import make_doc

# "Pavel Novak, meanwhile, who has not endorsed anyone, said the race was over."
_NOVAK = [
    ("Pavel", 1, "compound", "PROPN"),
    ("Novak", 11, "dep", "PROPN"),
    (",", 1, "punct", "PUNCT"),
    ("meanwhile", 1, "advmod", "ADV"),
    (",", 1, "punct", "PUNCT"),
    ("who", 8, "nsubj", "PRON"),
    ("has", 8, "aux", "AUX"),
    ("not", 8, "neg", "PART"),
    ("endorsed", 1, "relcl", "VERB"),
    ("anyone", 8, "dobj", "PRON"),
    (",", 11, "punct", "PUNCT"),
    ("said", 11, "ROOT", "VERB"),
    ("the", 13, "det", "DET"),
    ("race", 14, "nsubj", "NOUN"),
    ("was", 11, "ccomp", "AUX"),
    ("over", 14, "acomp", "ADV"),
    (".", 11, "punct", "PUNCT"),
]


def _doc(rows: Sequence[tuple[Any, ...]], ents: list[str] | None = None) -> Doc:
    """The parse ``rows`` describe: word, head, relation, part of speech and, when every
    row has one, a fine tag (else guessed)."""
    tagged = all(len(r) > 4 for r in rows)
    return make_doc(
        [r[0] for r in rows],
        heads=[r[1] for r in rows],
        deps=[r[2] for r in rows],
        pos=[r[3] for r in rows],
        tags=[r[4] for r in rows] if tagged else None,
        lemmas=[{"said": "say", "endorsed": "endorse", "was": "be"}.get(r[0], r[0]) for r in rows],
        ents=ents,
    )


_NOVAK_ENTS = ["B-PERSON", "I-PERSON"] + ["O"] * 15


def test_the_name_before_the_aside_is_the_subject() -> None:
    doc = _doc(_NOVAK, ents=_NOVAK_ENTS)
    head = subject_across_aside(doc[11])
    assert head is not None and head.text == "Novak"


def test_a_capitalized_word_the_model_did_not_tag_as_a_name_is_no_subject() -> None:
    assert subject_across_aside(_doc(_NOVAK)[11]) is None


def test_a_verb_with_a_subject_of_its_own_needs_none() -> None:
    rows = list(_NOVAK)
    rows[13] = ("race", 11, "nsubj", "NOUN")  # "race" read as the subject of "said"
    assert subject_across_aside(_doc(rows, ents=_NOVAK_ENTS)[11]) is None


def test_a_place_inside_the_apposition_is_no_speaker() -> None:
    # "Ari Tal, a Haifa, Israel, native, said the port was shut."
    rows = [
        ("Ari", 1, "compound", "PROPN"),
        ("Tal", 10, "dep", "PROPN"),
        (",", 1, "punct", "PUNCT"),
        ("a", 8, "det", "DET"),
        ("Haifa", 8, "compound", "PROPN"),
        (",", 4, "punct", "PUNCT"),
        ("Israel", 4, "appos", "PROPN"),
        (",", 4, "punct", "PUNCT"),
        ("native", 1, "appos", "NOUN"),
        (",", 10, "punct", "PUNCT"),
        ("said", 10, "ROOT", "VERB"),
        ("the", 12, "det", "DET"),
        ("port", 13, "nsubj", "NOUN"),
        ("was", 10, "ccomp", "AUX"),
        ("shut", 13, "acomp", "ADJ"),
        (".", 10, "punct", "PUNCT"),
    ]
    ents = ["B-PERSON", "I-PERSON", "O", "O", "B-GPE", "O", "B-GPE"] + ["O"] * 9
    head = subject_across_aside(_doc(rows, ents=ents)[10])
    assert head is not None and head.text == "Tal"


def test_the_object_of_a_preposition_is_no_subject() -> None:
    # "In a letter to Ann Lee, who runs the mill, said ..." (no subject before the aside)
    rows = [
        ("In", 9, "prep", "ADP"),
        ("a", 2, "det", "DET"),
        ("letter", 0, "pobj", "NOUN"),
        ("to", 2, "prep", "ADP"),
        ("Lee", 3, "pobj", "PROPN"),
        (",", 4, "punct", "PUNCT"),
        ("who", 7, "nsubj", "PRON"),
        ("runs", 4, "relcl", "VERB"),
        (",", 9, "punct", "PUNCT"),
        ("said", 9, "ROOT", "VERB"),
        ("it", 11, "nsubj", "PRON"),
        ("closed", 9, "ccomp", "VERB"),
        (".", 9, "punct", "PUNCT"),
    ]
    assert subject_across_aside(_doc(rows)[9]) is None


def test_a_main_verb_read_as_a_participle_takes_the_root_noun_phrase() -> None:
    # "One of the nurses who signed the letter called the ward unsafe."
    rows = [
        ("One", 0, "ROOT", "NUM"),
        ("of", 0, "prep", "ADP"),
        ("the", 3, "det", "DET"),
        ("nurses", 1, "pobj", "NOUN"),
        ("who", 5, "nsubj", "PRON"),
        ("signed", 3, "relcl", "VERB"),
        ("the", 7, "det", "DET"),
        ("letter", 5, "dobj", "NOUN"),
        ("called", 7, "acl", "VERB"),
        ("the", 10, "det", "DET"),
        ("ward", 8, "dobj", "NOUN"),
        ("unsafe", 8, "oprd", "ADJ"),
        (".", 0, "punct", "PUNCT"),
    ]
    doc = make_doc(
        [r[0] for r in rows],
        heads=[r[1] for r in rows],
        deps=[r[2] for r in rows],
        pos=[r[3] for r in rows],
        tags=["CD", "IN", "DT", "NNS", "WP", "VBD", "DT", "NN", "VBN", "DT", "NN", "JJ", "."],
    )
    head = subject_of_verb_read_as_participle(doc[8])
    assert head is not None and head.text == "nurses"


def test_a_participle_in_a_sentence_with_its_own_verb_is_a_participle() -> None:
    # "They traced the story to a website called Real News."
    rows = [
        ("They", 1, "nsubj", "PRON"),
        ("traced", 1, "ROOT", "VERB"),
        ("the", 3, "det", "DET"),
        ("story", 1, "dobj", "NOUN"),
        ("to", 1, "prep", "ADP"),
        ("a", 6, "det", "DET"),
        ("website", 4, "pobj", "NOUN"),
        ("called", 6, "acl", "VERB"),
        ("Real", 9, "compound", "PROPN"),
        ("News", 7, "oprd", "PROPN"),
        (".", 1, "punct", "PUNCT"),
    ]
    doc = make_doc(
        [r[0] for r in rows],
        heads=[r[1] for r in rows],
        deps=[r[2] for r in rows],
        pos=[r[3] for r in rows],
        tags=["PRP", "VBD", "DT", "NN", "IN", "DT", "NN", "VBN", "NNP", "NNP", "."],
    )
    assert subject_of_verb_read_as_participle(doc[7]) is None


# "Rents rose after the landlord, who bought the block in May, announced that ..."
_LANDLORD = [
    ("Rents", 1, "nsubj", "NOUN", "NNS"),
    ("rose", 1, "ROOT", "VERB", "VBD"),
    ("after", 1, "prep", "ADP", "IN"),
    ("the", 4, "det", "DET", "DT"),
    ("landlord", 2, "pobj", "NOUN", "NN"),
    (",", 4, "punct", "PUNCT", ","),
    ("who", 7, "nsubj", "PRON", "WP"),
    ("bought", 4, "relcl", "VERB", "VBD"),
    ("the", 9, "det", "DET", "DT"),
    ("block", 7, "dobj", "NOUN", "NN"),
    (",", 1, "punct", "PUNCT", ","),
    ("announced", 1, "conj", "VERB", "VBD"),
    ("that", 15, "mark", "SCONJ", "IN"),
    ("fees", 15, "nsubj", "NOUN", "NNS"),
    ("would", 15, "aux", "AUX", "MD"),
    ("double", 11, "ccomp", "VERB", "VB"),
    (".", 1, "punct", "PUNCT", "."),
]


def test_the_noun_of_after_set_off_by_a_relative_clause_is_the_subject() -> None:
    head = subject_read_as_object(_doc(_LANDLORD)[11])
    assert head is not None and head.text == "landlord"


def test_a_preposition_that_opens_no_clause_gives_no_subject() -> None:
    rows = list(_LANDLORD)
    rows[2] = ("with", 1, "prep", "ADP", "IN")  # "Rents rose with the landlord, who ..."
    assert subject_read_as_object(_doc(rows)[11]) is None


def test_a_comma_that_only_closes_the_phrase_of_time_gives_no_subject() -> None:
    # "After the vote, asked whether he would quit, the mayor said no."
    rows = [
        ("After", 9, "prep", "ADP", "IN"),
        ("the", 2, "det", "DET", "DT"),
        ("vote", 0, "pobj", "NOUN", "NN"),
        (",", 9, "punct", "PUNCT", ","),
        ("asked", 9, "advcl", "VERB", "VBD"),
        ("whether", 7, "mark", "SCONJ", "IN"),
        ("he", 7, "nsubj", "PRON", "PRP"),
        ("quit", 4, "ccomp", "VERB", "VBD"),
        ("mayor", 9, "nsubj", "NOUN", "NN"),
        ("said", 9, "ROOT", "VERB", "VBD"),
        ("no", 9, "dobj", "DET", "DT"),
        (".", 9, "punct", "PUNCT", "."),
    ]
    assert subject_read_as_object(_doc(rows)[4]) is None


def test_a_verb_with_its_own_subject_is_left_alone() -> None:
    rows = list(_LANDLORD)
    rows[13] = ("fees", 11, "nsubj", "NOUN", "NNS")  # "fees" read as the subject of "announced"
    assert subject_read_as_object(_doc(rows)[11]) is None


# "Tolls will rise, the port's director, Ada Voss, said, adding that ..." as a small
# model may parse it: the director the object of "rise", "said" a second verb of it
_DIRECTOR = [
    ("Tolls", 2, "nsubj", "NOUN", "NNS"),
    ("will", 2, "aux", "AUX", "MD"),
    ("rise", 2, "ROOT", "VERB", "VB"),
    (",", 2, "punct", "PUNCT", ","),
    ("the", 5, "det", "DET", "DT"),
    ("port", 7, "poss", "NOUN", "NN"),
    ("'s", 5, "case", "PART", "POS"),
    ("director", 2, "dobj", "NOUN", "NN"),
    (",", 7, "punct", "PUNCT", ","),
    ("Ada", 10, "compound", "PROPN", "NNP"),
    ("Voss", 7, "appos", "PROPN", "NNP"),
    (",", 7, "punct", "PUNCT", ","),
    ("said", 2, "conj", "VERB", "VBD"),
    (".", 2, "punct", "PUNCT", "."),
]


def test_an_object_set_off_after_the_clause_is_the_subject_of_its_cue() -> None:
    head = set_off_object(_doc(_DIRECTOR)[12])
    assert head is not None and head.text == "director"


def test_an_object_right_after_its_verb_is_no_subject() -> None:
    rows = list(_DIRECTOR)
    rows[3] = ("now", 2, "advmod", "ADV", "RB")  # "Tolls will rise now the port's ..."
    assert set_off_object(_doc(rows)[12]) is None
    rows = list(_DIRECTOR)
    rows[12] = ("said", 2, "conj", "VERB", "VB")  # no finite verb: no clause of its own
    assert set_off_object(_doc(rows)[12]) is None


# "Volunteers who searched the woods after the storm said they found nothing.", as the
# small model parses it: the noun left as the root, "after the storm said ..." a clause of
# its relative clause, with "storm" the subject of "said".
_VOLUNTEERS = [
    ("Volunteers", 0, "ROOT", "NOUN", "NNS"),
    ("who", 2, "nsubj", "PRON", "WP"),
    ("searched", 0, "relcl", "VERB", "VBD"),
    ("the", 4, "det", "DET", "DT"),
    ("woods", 2, "dobj", "NOUN", "NNS"),
    ("after", 8, "mark", "SCONJ", "IN"),
    ("the", 7, "det", "DET", "DT"),
    ("storm", 8, "nsubj", "NOUN", "NN"),
    ("said", 2, "advcl", "VERB", "VBD"),
    ("they", 10, "nsubj", "PRON", "PRP"),
    ("found", 8, "ccomp", "VERB", "VBD"),
    ("nothing", 10, "dobj", "PRON", "NN"),
    (".", 0, "punct", "PUNCT", "."),
]


def test_a_clause_hung_on_the_relative_clause_of_a_root_noun_is_that_nouns_verb() -> None:
    head = subject_read_as_clause(_doc(_VOLUNTEERS)[8])
    assert head is not None and head.text == "Volunteers"


def test_a_clause_whose_subject_may_speak_keeps_it() -> None:
    # "Guests who stayed after the mayor said the dam was safe left at dawn.": the same
    # parse (the main verb "left" lost), but the mayor speaks
    rows = list(_VOLUNTEERS)
    rows[7] = ("mayor", 8, "nsubj", "NOUN", "NN")
    assert subject_read_as_clause(_doc(rows)[8]) is None


def test_a_clause_opened_by_no_preposition_keeps_its_own_subject() -> None:
    rows = list(_VOLUNTEERS)
    rows[5] = ("because", 8, "mark", "SCONJ", "IN")
    assert subject_read_as_clause(_doc(rows)[8]) is None


def test_a_clause_of_a_main_verb_keeps_its_own_subject() -> None:
    # "Volunteers searched the woods after the storm said ...": no relative clause
    rows = list(_VOLUNTEERS)
    rows[0] = ("Volunteers", 2, "nsubj", "NOUN", "NNS")
    rows[1] = ("then", 2, "advmod", "ADV", "RB")
    rows[2] = ("searched", 2, "ROOT", "VERB", "VBD")
    rows[12] = (".", 2, "punct", "PUNCT", ".")
    assert subject_read_as_clause(_doc(rows)[8]) is None


def test_a_titled_name_a_fronted_phrase_swallowed_is_the_subject() -> None:
    from quotecraft.name_ends import swallowed_name, titled_from

    # "At a meeting of the Harbour Board Mayor Ines Calder said it closed.", the tagger's
    # organization running over the name
    rows = [
        ("At", 9, "prep", "ADP", "IN"),
        ("a", 2, "det", "DET", "DT"),
        ("meeting", 0, "pobj", "NOUN", "NN"),
        ("of", 2, "prep", "ADP", "IN"),
        ("Harbour", 5, "compound", "PROPN", "NNP"),
        ("Board", 8, "compound", "PROPN", "NNP"),
        ("Mayor", 8, "compound", "PROPN", "NNP"),
        ("Ines", 8, "compound", "PROPN", "NNP"),
        ("Calder", 3, "pobj", "PROPN", "NNP"),
        ("said", 9, "ROOT", "VERB", "VBD"),
        ("it", 11, "nsubj", "PRON", "PRP"),
        ("closed", 9, "ccomp", "VERB", "VBD"),
        (".", 9, "punct", "PUNCT", "."),
    ]
    ents = ["O", "O", "O", "O", "B-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG", "O", "O", "O", "O"]
    doc = _doc(rows, ents)
    assert titled_from(doc[8]) == 6
    assert swallowed_name(doc[8], doc[9])
    # no title: an organization's last word is no person
    rows[6] = ("Port", 8, "compound", "PROPN", "NNP")
    doc = _doc(rows, ents)
    assert titled_from(doc[8]) is None
    assert not swallowed_name(doc[8], doc[9])
