"""Rules ``reported.misread_adjective.v1`` and ``As X notes`` (``reported.misread_verb.v1``)
on hand-built parses (the misreading depends on the model, so the parses are written out
as a small model gives them). Sentences written for these tests."""

from __future__ import annotations

from spacy.tokens import Doc

from quotecraft.cues import default_lexicon
from quotecraft.reported_adjective import misread_adjective_attributions
from quotecraft.reported_as_misread import as_misread_attributions
from quotecraft.testing import make_doc

Row = tuple[str, int, str, str, str, str]
"""One token of a hand-built parse: word, head, relation, part of speech, tag, lemma."""

_AGED = [
    ("The", 7, "det", "DET", "DT", "the"),
    ("35", 3, "nummod", "NUM", "CD", "35"),
    ("-", 3, "punct", "PUNCT", "HYPH", "-"),
    ("year", 5, "npadvmod", "NOUN", "NN", "year"),
    ("-", 5, "punct", "PUNCT", "HYPH", "-"),
    ("old", 7, "amod", "ADJ", "JJ", "old"),
]


def _doc(rows: list[Row]) -> Doc:
    words = [r[0] for r in rows]
    spaces = [
        w != "-" and nxt not in ("-", ".") for w, nxt in zip(words, [*words[1:], "."], strict=True)
    ]
    return make_doc(
        [r[0] for r in rows],
        heads=[r[1] for r in rows],
        deps=[r[2] for r in rows],
        pos=[r[3] for r in rows],
        tags=[r[4] for r in rows],
        lemmas=[r[5] for r in rows],
        spaces=spaces,
    )


def _found(rows: list[Row]) -> list[tuple[str, str, str]]:
    """(content, speaker, cue) of each candidate."""
    doc = _doc(rows)
    out = []
    for c in misread_adjective_attributions(doc, default_lexicon()):
        assert c.rule == "reported.misread_adjective.v1"
        assert c.attribution.speaker is not None
        s, e = c.attribution.speaker
        out.append((doc.text[c.start : c.end], doc[s:e].text, doc.text[c.cue[0] : c.cue[1]]))
    return out


def test_said_read_as_an_adjective_of_the_subject() -> None:
    # "The 35-year-old said rents had doubled." read as "the said rents"
    rows = [
        *_AGED,
        ("said", 7, "amod", "VERB", "VBN", "say"),
        ("rents", 9, "nsubj", "NOUN", "NNS", "rent"),
        ("had", 9, "aux", "AUX", "VBD", "have"),
        ("doubled", 9, "ROOT", "VERB", "VBN", "double"),
        (".", 9, "punct", "PUNCT", ".", "."),
    ]
    assert _found(rows) == [("rents had doubled", "The 35-year-old", "said")]


def test_the_noun_may_sit_inside_the_subject() -> None:
    # "The nurse of ten years said wards were full." with "said wards" under "of"
    rows = [
        ("The", 1, "det", "DET", "DT", "the"),
        ("nurse", 7, "nsubj", "NOUN", "NN", "nurse"),
        ("of", 1, "prep", "ADP", "IN", "of"),
        ("ten", 4, "nummod", "NUM", "CD", "ten"),
        ("years", 6, "compound", "NOUN", "NNS", "year"),
        ("said", 6, "amod", "VERB", "VBN", "say"),
        ("wards", 2, "pobj", "NOUN", "NNS", "ward"),
        ("were", 7, "ROOT", "AUX", "VBD", "be"),
        ("full", 7, "acomp", "ADJ", "JJ", "full"),
        (".", 7, "punct", "PUNCT", ".", "."),
    ]
    assert _found(rows) == [("wards were full", "The nurse of ten years", "said")]


def test_told_read_as_an_adjective_of_the_person_told() -> None:
    # "The 35-year-old told police she was at work."
    rows = [
        *_AGED,
        ("told", 7, "amod", "VERB", "VBD", "tell"),
        ("police", 7, "ROOT", "NOUN", "NNS", "police"),
        ("she", 9, "nsubj", "PRON", "PRP", "she"),
        ("was", 7, "relcl", "AUX", "VBD", "be"),
        ("at", 9, "prep", "ADP", "IN", "at"),
        ("work", 10, "pobj", "NOUN", "NN", "work"),
        (".", 7, "punct", "PUNCT", ".", "."),
    ]
    assert _found(rows) == [("she was at work", "The 35-year-old", "told")]


def test_the_said_adjective_is_left_alone() -> None:
    # "The said parcel was sold." : "said" right after "the" is "aforementioned"
    rows = [
        ("The", 2, "det", "DET", "DT", "the"),
        ("said", 2, "amod", "VERB", "VBN", "say"),
        ("parcel", 4, "nsubjpass", "NOUN", "NN", "parcel"),
        ("was", 4, "auxpass", "AUX", "VBD", "be"),
        ("sold", 4, "ROOT", "VERB", "VBN", "sell"),
        (".", 4, "punct", "PUNCT", ".", "."),
    ]
    assert _found(rows) == []


def test_a_participle_that_is_no_speech_verb_is_left_alone() -> None:
    # "The old painted fence was repaired." : "painted" is an adjective
    rows = [
        ("The", 3, "det", "DET", "DT", "the"),
        ("old", 3, "amod", "ADJ", "JJ", "old"),
        ("painted", 3, "amod", "VERB", "VBN", "paint"),
        ("fence", 5, "nsubjpass", "NOUN", "NN", "fence"),
        ("was", 5, "auxpass", "AUX", "VBD", "be"),
        ("repaired", 5, "ROOT", "VERB", "VBN", "repair"),
        (".", 5, "punct", "PUNCT", ".", "."),
    ]
    assert _found(rows) == []


def test_a_person_told_with_no_clause_after_is_left_alone() -> None:
    # "The 35-year-old told stories." read as a noun phrase: nothing told as a clause
    rows = [
        *_AGED,
        ("told", 7, "amod", "VERB", "VBD", "tell"),
        ("stories", 7, "ROOT", "NOUN", "NNS", "story"),
        (".", 7, "punct", "PUNCT", ".", "."),
    ]
    assert _found(rows) == []


def test_a_participle_used_as_an_adjective_is_left_alone() -> None:
    # "Her lead of 400 pledged delegates is large." : "pledged" is an adjective
    rows = [
        ("Her", 1, "poss", "PRON", "PRP$", "her"),
        ("lead", 6, "nsubj", "NOUN", "NN", "lead"),
        ("of", 1, "prep", "ADP", "IN", "of"),
        ("400", 5, "nummod", "NUM", "CD", "400"),
        ("pledged", 5, "amod", "VERB", "VBN", "pledge"),
        ("delegates", 2, "pobj", "NOUN", "NNS", "delegate"),
        ("is", 6, "ROOT", "AUX", "VBZ", "be"),
        ("large", 6, "acomp", "ADJ", "JJ", "large"),
        (".", 6, "punct", "PUNCT", ".", "."),
    ]
    assert _found(rows) == []


def _as_found(rows: list[Row]) -> list[tuple[str, str, str]]:
    """(content, speaker, cue) of each ``As X notes, ...`` candidate."""
    doc = _doc(rows)
    out = []
    for c in as_misread_attributions(doc, default_lexicon()):
        assert c.rule == "reported.misread_verb.v1"
        assert c.attribution.speaker is not None
        s, e = c.attribution.speaker
        out.append((doc.text[c.start : c.end], doc[s:e].text, doc.text[c.cue[0] : c.cue[1]]))
    return out


def _as_rows(subject: list[Row], cue: str, cue_lemma: str) -> list[Row]:
    """``As`` + ``subject`` (heads counted in the whole sentence) + ``cue`` read as the
    object of *as* + ``, the dam held.``"""
    n = len(subject) + 1  # the cue's index
    return [
        ("As", n + 4, "prep", "ADP", "IN", "as"),
        *subject,
        (cue, 0, "pobj", "NOUN", "NNS", cue_lemma),
        (",", n + 4, "punct", "PUNCT", ",", ","),
        ("the", n + 3, "det", "DET", "DT", "the"),
        ("dam", n + 4, "nsubj", "NOUN", "NN", "dam"),
        ("held", n + 4, "ROOT", "VERB", "VBD", "hold"),
        (".", n + 4, "punct", "PUNCT", ".", "."),
    ]


def test_as_with_the_cue_read_as_a_noun() -> None:
    # "As Okafor notes, the dam held." with "Okafor notes" read as a noun phrase
    rows = _as_rows([("Okafor", 2, "amod", "ADJ", "JJ", "okafor")], "notes", "note")
    assert _as_found(rows) == [("the dam held", "Okafor", "notes")]


def test_as_with_a_noun_that_is_no_cue_is_left_alone() -> None:
    # "As Okafor plans, ..." : no speech, writing or belief verb
    rows = _as_rows([("Okafor", 2, "amod", "ADJ", "JJ", "okafor")], "plans", "plan")
    assert _as_found(rows) == []


def test_as_with_a_lowercase_noun_phrase_is_left_alone() -> None:
    # "As water notes, ..." : "water" names no one
    rows = _as_rows([("water", 2, "compound", "NOUN", "NN", "water")], "notes", "note")
    assert _as_found(rows) == []
