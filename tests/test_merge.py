"""The merge stage and the per-document context, on hand-built Docs (no model needed)."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from quotecraft.attribution import Attribution
from quotecraft.candidates import Candidate
from quotecraft.context import DocContext, sentence_ids
from quotecraft.marks import Quoted
from quotecraft.merge import drop_described_objects, drop_quoted_speakers, merge, merge_local
from quotecraft.segment import segment


def span(text: str, part: str, after: int = 0) -> tuple[int, int]:
    start = text.index(part, after)
    return start, start + len(part)


def direct(text: str, content: str, *, cue_token: int | None = None) -> Candidate:
    s, e = span(text, content)
    return Candidate("direct", s, e, "direct.cue_after.v1", 0.95, cue_token=cue_token)


def reported(
    text: str, content: str, cue: str, *, confidence: float = 0.8, cue_token: int = 1
) -> Candidate:
    s, e = span(text, content)
    return Candidate(
        "indirect", s, e, "reported.ccomp.v1", confidence, cue=span(text, cue), cue_token=cue_token
    )


def quoted(text: str, content: str) -> Quoted:
    s, e = span(text, content)
    return Quoted(open=s - 1, close=e, pieces=((s, e),), mark='"')


def shown(text: str, cands: list[Candidate]) -> list[tuple[str, str, list[str]]]:
    return [(c.kind, text[c.start : c.end], [text[s:e] for s, e in c.pieces]) for c in cands]


def test_a_reported_reading_of_a_thought_inside_a_direct_quote_is_dropped() -> None:
    text = '"I think the vote was fair," Lee said.'
    d = direct(text, "I think the vote was fair,")
    r = reported(text, "the vote was fair", "think")
    assert shown(text, merge([d], [r], [])) == [("direct", "I think the vote was fair,", [])]


def test_a_reported_content_holding_a_direct_quote_and_more_words_is_mixed() -> None:
    text = 'Lee said the plan was "a dead end" for the whole city.'
    d = direct(text, "a dead end")
    r = reported(text, 'the plan was "a dead end" for the whole city', "said")
    assert shown(text, merge([d], [r], [])) == [
        ("mixed", 'the plan was "a dead end" for the whole city', ["a dead end"])
    ]


def test_a_direct_quote_with_its_own_cue_wins_over_a_reading_across_the_cue() -> None:
    text = 'Asked about it, Lee said, "We are ready for the storm."'
    d = direct(text, "We are ready for the storm.", cue_token=5)
    r = reported(text, 'Asked about it, Lee said, "We are ready for the storm', "said", cue_token=5)
    assert shown(text, merge([d], [r], [])) == [("direct", "We are ready for the storm.", [])]


def test_a_content_cut_just_inside_a_quote_grows_to_its_end() -> None:
    text = 'Lee said the town needs "a new bridge soon" now.'
    d = direct(text, "a new bridge soon")
    s, _ = span(text, "the town")
    r = Candidate(
        "indirect", s, span(text, "a new")[1], "reported.ccomp.v1", 0.8, cue=span(text, "said")
    )
    [c] = merge([d], [r], [])
    assert (c.kind, text[c.start : c.end]) == ("mixed", 'the town needs "a new bridge soon')


def test_of_overlapping_reported_readings_the_most_confident_stays() -> None:
    text = "Lee said the mayor believed the plan would fail."
    strong = reported(text, "the mayor believed the plan would fail", "said", confidence=0.9)
    weak = reported(text, "the plan would fail", "believed", confidence=0.5, cue_token=4)
    assert shown(text, merge([], [weak, strong], [])) == [
        ("indirect", "the mayor believed the plan would fail", [])
    ]


def test_an_attribution_holding_another_whole_wins_over_it_even_when_less_confident() -> None:
    """'The ferry company said the captain told the crew that the pier was unsafe': the outer
    report's content holds the inner cue and its content; the outer one is the quote."""
    text = "The ferry company said the captain told the crew that the pier was unsafe."
    outer = reported(
        text, "the captain told the crew that the pier was unsafe", "said", confidence=0.6
    )
    inner = reported(text, "the pier was unsafe", "told", confidence=0.9, cue_token=6)
    assert shown(text, merge([], [inner, outer], [])) == [
        ("indirect", "the captain told the crew that the pier was unsafe", [])
    ]


def test_the_outer_attribution_keeps_the_quoted_words_the_inner_one_took_in() -> None:
    text = 'Ada said the captain told the crew the pier was "a death trap" in winter.'
    d = direct(text, "a death trap")
    outer = reported(
        text,
        'the captain told the crew the pier was "a death trap" in winter',
        "said",
        confidence=0.6,
    )
    inner = reported(
        text, 'the pier was "a death trap" in winter', "told", confidence=0.9, cue_token=4
    )
    assert shown(text, merge([d], [inner, outer], [])) == [
        (
            "mixed",
            'the captain told the crew the pier was "a death trap" in winter',
            ["a death trap"],
        )
    ]


def test_an_object_naming_the_medium_of_the_inner_report_does_not_hold_it() -> None:
    """'issued [a notice saying the pier was closed]': the notice is where it was said; the
    'saying' report, with what the notice says, stays."""
    text = "The port issued a notice saying the pier was closed."
    s, e = span(text, "a notice saying the pier was closed")
    outer = Candidate(
        "indirect", s, e, "reported.dobj.v1", 0.6, cue=span(text, "issued"), cue_token=2
    )
    inner = reported(text, "the pier was closed", "saying", confidence=0.9, cue_token=5)
    assert shown(text, merge([], [inner, outer], [])) == [("indirect", "the pier was closed", [])]


def test_readings_that_overlap_without_nesting_keep_the_most_confident() -> None:
    text = "Lee said the plan would fail and Ann said it would not."
    left = reported(text, "the plan would fail", "said", confidence=0.9)
    s, e = span(text, "would fail and Ann")
    cue = span(text, "said", text.index("Ann"))
    right = Candidate("indirect", s, e, "reported.ccomp.v1", 0.6, cue=cue, cue_token=8)
    assert shown(text, merge([], [right, left], [])) == [("indirect", "the plan would fail", [])]


def test_a_quoted_fragment_in_reported_content_makes_it_mixed() -> None:
    text = 'Lee said the deal was "fair" to everyone.'
    r = reported(text, 'the deal was "fair" to everyone', "said")
    assert shown(text, merge([], [r], [quoted(text, "fair")])) == [
        ("mixed", 'the deal was "fair" to everyone', ["fair"])
    ]


def test_a_content_that_opens_a_long_quotation_takes_it_whole() -> None:
    # the parse cut the content after the first clause of the marks; opening at the mark,
    # the content is the quotation, however far its end lies
    words = " ".join(["It rained for weeks and the river kept rising."] * 6)
    text = f'According to the warden, "If it holds, we stay. {words}"'
    r = reported(text, '"If it holds', "According to")
    (got,) = shown(text, merge([], [r], [quoted(text, f"If it holds, we stay. {words}")]))
    assert got[0] == "direct" and got[1] == f"If it holds, we stay. {words}"


def test_a_content_reaches_no_further_into_marks_it_does_not_open() -> None:
    words = " ".join(["It rained for weeks and the river kept rising."] * 6)
    text = f'The warden said the levee "would hold. {words}"'
    r = reported(text, 'the levee "would hold', "said")
    quote = quoted(text, f"would hold. {words}")
    assert shown(text, merge([], [r], [quote])) == [("indirect", 'the levee "would hold', [])]


def test_a_content_does_not_take_in_marks_paired_across_its_own_cue() -> None:
    # marks the scanner paired from the quote before the attribution to the end of the
    # one after it hold the content's own cue: no quotation the content opens
    words = " ".join(["It rained for weeks and the river kept rising."] * 6)
    text = f'"Fine, said Ann Lee, a neighbour, it is quiet. {words}"'
    r = reported(text, "Fine", "said")
    quote = quoted(text, f"Fine, said Ann Lee, a neighbour, it is quiet. {words}")
    assert shown(text, merge([], [r], [quote]))[0][1] == "Fine"


def test_a_fragment_outside_every_content_changes_nothing() -> None:
    text = 'The film "Harbor" opened. Lee said the town was proud.'
    r = reported(text, "the town was proud", "said")
    assert shown(text, merge([], [r], [quoted(text, "Harbor")])) == [
        ("indirect", "the town was proud", [])
    ]


def test_merge_local_gives_merge_s_result_group_by_group() -> None:
    text = (
        'Lee said the plan was "a dead end" for the city. "We will see," Park said. '
        "Ray said the deal was fair. Kim argued the deal was not fair at all."
    )

    def cands() -> tuple[list[Candidate], list[Candidate], list[Quoted]]:
        ds = [direct(text, "a dead end"), direct(text, "We will see,")]
        rs = [
            reported(text, 'the plan was "a dead end" for the city', "said"),
            reported(text, "the deal was fair", "said the deal", cue_token=20),
            reported(text, "the deal was not fair at all", "argued", cue_token=25),
        ]
        return ds, rs, []

    whole = shown(text, merge(*cands()))
    assert shown(text, merge_local(*cands())) == whole
    assert [k for k, _, _ in whole] == ["mixed", "direct", "indirect", "indirect"]


def test_merge_of_nothing_is_nothing() -> None:
    assert merge([], [], []) == [] and merge_local([], [], []) == []


def hand_built(words: list[str], spaces: list[bool], heads: list[int]) -> Doc:
    """A Doc as a parser leaves it: each token's head; a token that is its own head is a root."""
    deps = ["ROOT" if h == i else "dep" for i, h in enumerate(heads)]
    return Doc(spacy.blank("en").vocab, words=words, spaces=spaces, heads=heads, deps=deps)


def test_a_reported_speaker_inside_a_direct_quote_is_dropped() -> None:
    # Asked about it , she said , " We are ready . "
    words = ["Asked", "about", "it", ",", "she", "said", ",", '"', "We", "are", "ready", ".", '"']
    spaces = [True, True, False, True, True, False, True, False, True, True, False, False, False]
    doc = hand_built(words, spaces, [5] * 13)
    text = doc.text
    d = direct(text, "We are ready.")
    asked = Candidate("indirect", 0, 15, "reported.ccomp.v1", 0.6, cue=span(text, "Asked"))
    asked.attribution = Attribution(speaker=(8, 9), speaker_head=8)  # "We", a quoted word
    said = Candidate("indirect", 27, 40, "reported.ccomp.v1", 0.6, cue=span(text, "said"))
    said.attribution = Attribution(speaker=(4, 5), speaker_head=4)  # "she"
    assert drop_quoted_speakers(doc, [asked, said], [d]) == [said]
    assert drop_quoted_speakers(doc, [asked, said], []) == [asked, said]


def test_the_context_carries_text_index_sentences_and_paragraphs() -> None:
    words = ["Lee", "left", ".", "\n\n", "Park", "stayed", "."]
    spaces = [True, False, False, False, True, False, False]
    doc = hand_built(words, spaces, [1, 1, 1, 1, 5, 5, 5])
    ctx = DocContext.of(doc)
    assert ctx.text == "Lee left.\n\nPark stayed." == doc.text
    assert ctx.sent_ids == [0, 0, 0, 0, 1, 1, 1] == sentence_ids(doc)
    assert [ctx.text[s:e] for s, e in ctx.paragraphs] == ["Lee left.", "Park stayed."]
    assert ctx.boilerplate == ()
    assert [ctx.index.at(c) for c in (0, 4, 11, 22)] == [0, 1, 4, 6]


def test_the_context_uses_the_segmented_text_only_when_it_is_the_doc_s() -> None:
    doc = hand_built(["Yes", "."], [False, False], [0, 0])
    seg = segment("Yes.")
    assert DocContext.of(doc, seg).text == "Yes." and DocContext.of(doc, seg).seg is seg
    longer = segment("Yes. And more words after it.")
    assert DocContext.of(doc, longer).text == "Yes."  # not the Doc's text: use the Doc's own


def test_sentence_ids_without_sentence_boundaries_are_all_zero() -> None:
    doc = Doc(spacy.blank("en").vocab, words=["a", "b", "c"])
    assert sentence_ids(doc) == [0, 0, 0]
    assert sentence_ids(Doc(spacy.blank("en").vocab, words=[])) == []


def test_a_report_in_the_attribution_between_a_split_quotes_pieces_is_kept() -> None:
    text = (
        '"The vote is final," the clerk said, noting that two ballots were spoiled. "No recount."'
    )
    first, second = span(text, "The vote is final,"), span(text, "No recount.")
    d = Candidate(
        "direct", first[0], second[1], "direct.split_sentence.v1", 0.95, pieces=[first, second]
    )
    r = reported(text, "two ballots were spoiled", "noting", confidence=0.9)
    assert [c.rule for c in merge([d], [r], [])] == [
        "direct.split_sentence.v1",
        "reported.ccomp.v1",
    ]
    # a reading that reaches into the quoted words still loses to the quote
    r2 = reported(text, 'two ballots were spoiled. "No recount', "noting", confidence=0.9)
    assert [c.rule for c in merge([d], [r2], [])] == ["direct.split_sentence.v1"]


def test_a_speaker_in_a_split_quotes_attribution_is_not_a_quoted_word() -> None:
    text = (
        '"The vote is final," the clerk said, noting that two ballots were spoiled. "No recount."'
    )
    doc = Doc(spacy.blank("en").vocab, words=text.split(" "))
    first, second = span(text, "The vote is final,"), span(text, "No recount.")
    d = Candidate(
        "direct", first[0], second[1], "direct.split_sentence.v1", 0.95, pieces=[first, second]
    )
    clerk = next(t.i for t in doc if t.text == "clerk")
    r = reported(text, "two ballots were spoiled", "noting")
    r.attribution = Attribution(speaker=(clerk, clerk + 1), speaker_head=clerk)
    assert drop_quoted_speakers(doc, [r], [d]) == [r]


def _object(text: str, content: str, cue: str, rule: str, cue_token: int) -> Candidate:
    s, e = span(text, content)
    return Candidate("indirect", s, e, rule, 0.8, cue=span(text, cue), cue_token=cue_token)


def test_a_cue_whose_content_is_a_quotation_has_no_object_reading() -> None:
    text = '"Where is the rent?" the landlord demanded to know.'
    quote = direct(text, "Where is the rent?", cue_token=8)
    infinitive = _object(text, "to know", "demanded", "reported.xcomp.v1", 8)
    assert drop_described_objects([infinitive], [quote]) == []
    text = '"You are a liar," Okafor accused the minister of the crime.'
    quote = direct(text, "You are a liar,", cue_token=8)
    objects = [
        _object(text, "the minister", "accused", "reported.dobj.v1", 8),
        _object(text, "the crime", "accused", "reported.prep_of.v1", 8),
    ]
    assert drop_described_objects(objects, [quote]) == []


def test_an_object_reading_of_another_cue_or_holding_the_quote_stays() -> None:
    text = '"We will stay," Ana Ruiz said, and she vowed to fight the closure.'
    quote = direct(text, "We will stay,", cue_token=7)
    other_cue = _object(text, "to fight the closure", "vowed", "reported.xcomp.v1", 12)
    assert drop_described_objects([other_cue], [quote]) == [other_cue]
    text = 'The union accused the minister of "reckless cuts."'
    quote = direct(text, "reckless cuts.", cue_token=2)
    holding = _object(text, 'of "reckless cuts."', "accused", "reported.prep_of.v1", 2)
    assert drop_described_objects([holding], [quote]) == [holding]
    clause = _object(text, "the minister", "accused", "reported.ccomp.v1", 2)
    assert drop_described_objects([clause], [quote]) == [clause]  # not an object reading
