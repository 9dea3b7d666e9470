"""Where a clausal reported content ends beside what follows it (quotecraft.reported_neighbours,
quotecraft.reported_bounds). Texts written for these tests."""

from __future__ import annotations

from typing import Any

import pytest

from quotecraft.reported_clauses import adjacent_complement, adjacent_complement_tail
from quotecraft.reported_neighbours import speaker_next_acts


def _cue_and_content(nlp: Any, text: str, cue: str) -> tuple[Any, Any]:
    doc = nlp(text)
    tok = next(t for t in doc if t.text == cue)
    content = next(c for c in tok.children if c.dep_ == "ccomp")
    return tok, content


@pytest.mark.parametrize(
    ("text", "acts"),
    [
        # a past verb after a modal's bare verb: the speaker's next act
        ("The vet said the dog would recover and thanked us for waiting.", ["thanked"]),
        ("Lena said she would call back later and hung up.", ["hung"]),
        # a bare verb continues the modal's clause
        ("The vet said the dog would recover and eat normally again.", []),
        # a perfect after the modal: "used a key and locked" both hang on "have"
        ("The detective said the thief must have used a key and locked the door.", []),
        # a conjunct with its own subject is no act of the speaker's
        ("The vet said the dog would recover and the cat slept.", []),
    ],
)
def test_speaker_next_acts(nlp: Any, text: str, acts: list[str]) -> None:
    cue, content = _cue_and_content(nlp, text, "said")
    assert [t.text for t in speaker_next_acts(cue, content)] == acts


def test_no_next_act_after_a_present_cue(nlp: Any) -> None:
    # "says ... would recover and thanked": a present cue is not coordinated with a past verb
    cue, content = _cue_and_content(
        nlp, "The vet says the dog would recover and thanked us.", "says"
    )
    assert speaker_next_acts(cue, content) == []


def _cut_doc(nlp: Any, between: list[tuple[str, str, str]], verb: str, lemma: str) -> Any:
    """``We think the guide written last year | needs work .`` as the parser sometimes cuts
    one clause: ``written`` and the verb after it both complements of ``think``, with the
    tokens ``between`` (word, dependency, tag; all hung on the verb) before the verb."""
    from spacy.tokens import Doc

    rows = [
        ("We", 1, "nsubj", "PRP", "we"),
        ("think", 1, "ROOT", "VBP", "think"),
        ("the", 3, "det", "DT", "the"),
        ("guide", 4, "nsubj", "NN", "guide"),
        ("written", 1, "ccomp", "VBN", "write"),
        ("last", 6, "amod", "JJ", "last"),
        ("year", 4, "npadvmod", "NN", "year"),
    ]
    v = len(rows) + len(between)
    rows += [(w, v, d, t, w.lower()) for w, d, t in between]
    rows += [
        (verb, 1, "ccomp", "VBZ", lemma),
        ("work", v, "dobj", "NN", "work"),
        (".", 1, "punct", ".", "."),
    ]
    words, heads, deps, tags, lemmas = (list(x) for x in zip(*rows, strict=True))
    spaces = [True] * (len(rows) - 2) + [False, False]
    return Doc(
        nlp.vocab, words=words, spaces=spaces, heads=heads, deps=deps, tags=tags, lemmas=lemmas
    )


@pytest.mark.parametrize(
    ("between", "verb", "lemma", "joined"),
    [
        # nothing between: one clause, "the guide written last year needs work"
        ([], "needs", "need", True),
        # a comma, a connective or a subject of its own: a clause of its own
        ([(",", "punct", ",")], "needs", "need", False),
        ([("so", "advmod", "RB")], "needs", "need", False),
        ([("it", "nsubj", "PRP")], "needs", "need", False),
        # a speech verb: a report whose subject the parse put in the first half
        ([], "says", "say", False),
    ],
)
def test_adjacent_complement(
    nlp: Any,
    extractor: Any,
    between: list[tuple[str, str, str]],
    verb: str,
    lemma: str,
    joined: bool,
) -> None:
    doc = _cut_doc(nlp, between, verb, lemma)
    cue, first, second = doc[1], doc[4], doc[7 + len(between)]
    end = adjacent_complement_tail(cue, first, 7, extractor.lexicon)
    assert doc[2:end].text == (
        "the guide written last year " + verb + " work" if joined else "the guide written last year"
    )
    assert adjacent_complement(cue, second, extractor.lexicon) is joined
    assert adjacent_complement(cue, first, extractor.lexicon) is False


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        # "not A, but B" says one thing: the correction is part of the content
        (
            "Our teacher said the war was not a single event, but a long chain of choices.",
            "said",
            "the war was not a single event, but a long chain of choices",
        ),
        # without a negation, a phrase after "but" still qualifies a clausal content
        (
            "The minister said the tax was fair, but a burden for pensioners.",
            "said",
            "the tax was fair, but a burden for pensioners",
        ),
        # a list of questions is one content, the conjunct opening with a question word too
        (
            "The guide tells visitors what the tower was for, and why it leans.",
            "tells",
            "what the tower was for, and why it leans",
        ),
        # a clause with its own subject after an object content is the writer's, not said
        (
            "The union shared these worries, but the owners want a quick deal.",
            "shared",
            "these worries",
        ),
    ],
)
def test_where_a_content_ends_before_or_after_a_coordination(
    extractor: Any, text: str, cue: str, content: str
) -> None:
    quotes = [q for q in extractor(text).quotes if q.cue is not None and q.cue.text == cue]
    assert [q.content.text for q in quotes] == [content]


def test_a_trailing_attribution_coordinated_with_the_first_clause_scopes_over_both(
    nlp: Any,
) -> None:
    from quotecraft.reported_clauses import coordinated_lead

    doc = nlp(
        "Tom had asked the school that his son skip the trip, but the principal refused "
        "that request, the boy's aunt said."
    )
    cue = next(t for t in doc if t.text == "said")
    content = next(c for c in cue.children if c.dep_ == "ccomp")
    if cue.dep_ != "conj" or cue.head.dep_ != "ROOT":
        pytest.skip("the model parses the attribution as the root here")
    start = content.left_edge.i
    assert doc[coordinated_lead(cue, content, start)].text == "Tom"


def test_a_trailing_attribution_at_the_root_keeps_its_content(nlp: Any) -> None:
    from quotecraft.reported_clauses import coordinated_lead

    doc = nlp("The bakery had planned to open on Sunday, but the oven broke down, the owner said.")
    cue = next(t for t in doc if t.text == "said")
    content = next(c for c in cue.children if c.dep_ == "ccomp")
    assert coordinated_lead(cue, content, content.left_edge.i) == content.left_edge.i


def _demanding(obj: list[str], obj_deps: list[str], rest: list[str] | None = None) -> Any:
    """'Critics are demanding OBJ make a pledge .' parsed with OBJ as the cue's object and
    'make' as a clause with no subject (the misparse object_read_for_subject mends)."""
    from quotecraft.testing import make_doc

    words = ["Critics", "are", "demanding", *obj, *(rest or []), "make", "a", "pledge", "."]
    n = len(obj)
    cue, head_of_obj = 2, 2 + n
    make = 3 + n + len(rest or [])
    heads = [cue, cue, cue] + [head_of_obj] * (n - 1) + [cue]
    deps = ["nsubj", "aux", "ROOT", *obj_deps]
    pos = ["NOUN", "AUX", "VERB"] + ["PROPN" if w[0].isupper() else "PRON" for w in obj]
    for w in rest or []:
        heads.append(make if w == "to" else head_of_obj)
        deps.append("aux" if w == "to" else "relcl")
        pos.append("PART" if w == "to" else "VERB")
    heads += [cue, make + 2, make, cue]
    deps += ["ccomp", "det", "dobj", "punct"]
    pos += ["VERB", "DET", "NOUN", "PUNCT"]
    return make_doc(words, heads=heads, deps=deps, pos=pos)


def test_an_object_read_for_the_clause_subject_opens_the_content() -> None:
    from quotecraft.reported_clauses import object_read_for_subject

    doc = _demanding(["Ann", "Lee"], ["compound", "dobj"])
    cue, content = doc[2], doc[5]
    assert object_read_for_subject(cue, content, content.left_edge.i) == 3  # from "Ann"


@pytest.mark.parametrize(
    ("obj", "deps", "rest"),
    [
        (["him"], ["dobj"], None),  # an object-case pronoun: the person asked
        (["Lee"], ["dobj"], ["to"]),  # before an infinitive: the addressee
        (["Lee"], ["dobj"], ["left"]),  # the object has a clause of its own
    ],
)
def test_an_object_stays_out_of_the_content(
    obj: list[str], deps: list[str], rest: list[str] | None
) -> None:
    from quotecraft.reported_clauses import object_read_for_subject

    doc = _demanding(obj, deps, rest)
    cue = doc[2]
    content = next(t for t in doc if t.dep_ == "ccomp")
    start = content.left_edge.i
    assert object_read_for_subject(cue, content, start) == start
