"""Sources that are documents (quotecraft.sources): rule ``source.document.v1`` gives a
document's author as the speaker and the document as the medium, no speaker for a
message with no author after *according to*, and the evidence itself for evidence with
none; rule ``source.cue_type.v1`` types a speech cue by its source. All sentences are
written for these tests."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.model


def _one(extractor: Any, text: str) -> Any:
    quotes = extractor(text).quotes
    assert len(quotes) == 1, [(q.content.text, q.rule) for q in quotes]
    return quotes[0]


@pytest.mark.parametrize(
    ("text", "speaker", "medium"),
    [
        # by / from: the author speaks through the document
        (
            "The mill will close, according to a note from Harwell Capital.",
            "Harwell Capital",
            "a note",
        ),
        (
            "According to a letter from Dr. Ines Maalouf, the ward will reopen.",
            "Ines Maalouf",
            "a letter",
        ),
        (
            "Fares will rise, according to a report by the transit board.",
            "transit board",
            "a report",
        ),
        # an authoring participle names the author ...
        (
            "According to figures released by the port authority, exports fell.",
            "port authority",
            "figures",
        ),
        (
            "Rents doubled, according to a survey published by the tenants' union.",
            "tenants' union",
            "a survey",
        ),
        # ... a participle that only holds the document does not
        ("According to a memo obtained by the Courier, the plant leaked.", None, "a memo"),
        # a message with no author: no speaker, the message is the medium
        ("The bank will cut rates, according to a note to clients.", None, "a note"),
        ("According to a filing in the county court, the firm owes $2 million.", None, "a filing"),
        ("Turnout was 58 percent, according to the minutes.", None, "the minutes"),
    ],
)
def test_document_sources(extractor: Any, text: str, speaker: str | None, medium: str) -> None:
    q = _one(extractor, text)
    assert q.cue.text.lower() == "according to"
    assert (q.speaker.name if q.speaker else None) == speaker
    assert q.medium is not None and q.medium.text == medium


def test_evidence_with_no_author_is_its_own_source(extractor: Any) -> None:
    q = _one(extractor, "Crime fell by a third, according to the data.")
    assert q.speaker is not None and q.speaker.name == "data"
    assert q.cue.type.value == "evidence"


def test_a_possessive_pronoun_author_is_resolved(extractor: Any) -> None:
    text = (
        "Nadia Ferreira wrote to the board in May. According to her letter, the school will merge."
    )
    q = _one(extractor, text)
    assert q.speaker.name == "Nadia Ferreira" and q.speaker.resolution.value == "pronoun"
    assert q.medium.text == "her letter"


def test_the_cue_stops_at_according_to(extractor: Any) -> None:
    """``according to a note to clients``: the second *to* is not part of the cue."""
    q = _one(extractor, "The bank will cut rates, according to a note to clients.")
    text = "The bank will cut rates, according to a note to clients."
    assert (q.cue.start, q.cue.end) == (text.index("according"), text.index(" a note"))


@pytest.mark.parametrize(
    ("text", "cue_type"),
    [
        ("In a statement, the Delmar Cooperative said it would cut prices.", "writing"),
        ("Oskar Brandt said in a letter to members that dues would rise.", "writing"),
        ("The ferry will stop, according to a memo from the harbour office.", "writing"),
        ("Research from Tallinn University suggests that naps help memory.", "evidence"),
        ("Voters favour the tax, according to a poll by the Ledger.", "evidence"),
        # a spoken medium, or none, leaves a speech cue speech
        ("Oskar Brandt said in an interview that dues would rise.", "speech"),
        ("Oskar Brandt said that dues would rise.", "speech"),
        # a cue with a type of its own keeps it
        ("A study by Tallinn University found that naps help memory.", "evidence"),
        # a direct quote too: its medium types it as a reported one's does
        ('"Dues will rise," the Delmar Cooperative said in a statement.', "writing"),
        ('"Dues will rise," Oskar Brandt said in an email to members.', "writing"),
        ('"Dues will rise," Oskar Brandt said in an interview.', "speech"),
    ],
)
def test_the_source_types_a_speech_cue(extractor: Any, text: str, cue_type: str) -> None:
    q = extractor(text).quotes[0]
    assert q.cue.type.value == cue_type, (q.cue.text, q.content.text)


@pytest.mark.parametrize(
    ("text", "medium"),
    [
        ("Rosa Lindt wrote in an op-ed that the levy was too low.", "an op-ed"),
        ("The brewery said on social media that it would close for a week.", "social media"),
        (
            "Writing in the Harrow Gazette, Ruth Mbeki argued that the levy was too low.",
            "the Harrow Gazette",
        ),
        (
            "Rosa Lindt said during a council meeting that the levy was too low.",
            "a council meeting",
        ),
        (
            "In her memoir, the former ambassador writes that the talks nearly collapsed.",
            "her memoir",
        ),
    ],
)
def test_media(extractor: Any, text: str, medium: str) -> None:
    q = _one(extractor, text)
    assert q.medium is not None and q.medium.text == medium


def test_a_press_conference_is_a_medium_not_an_addressee(extractor: Any) -> None:
    q = _one(extractor, "Tessa Grant told a press conference that the strike would go ahead.")
    assert q.addressee is None
    assert q.medium is not None and q.medium.text == "a press conference"
    told = _one(extractor, "Tessa Grant told the Morning Courier that the strike would go ahead.")
    assert told.addressee is not None and told.addressee.name == "Morning Courier"


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            "The treasurer is reported to have said that the fund was empty.",
            "the fund was empty",
            "treasurer",
        ),
        (
            "The striker is believed to have told the club that he wants to leave.",
            "he wants to leave",
            "striker",
        ),
    ],
)
def test_a_hearsay_frame_is_no_quote_of_its_own(
    extractor: Any, text: str, content: str, speaker: str
) -> None:
    """``X is reported to have said that ...``: one quote, X's, not also 'X' as what was reported."""
    q = _one(extractor, text)
    assert q.content.text == content and q.speaker.name == speaker


@pytest.mark.parametrize(
    ("text", "cue_type"),
    [
        ("Governor Nell Asante has vowed to reopen the mine.", "intention"),
        ("The dockers threatened to walk out over the new shifts.", "intention"),
        # a clause, not a to-infinitive: a statement
        ("Teodor Balan promised that the shelter would get a new roof.", "speech"),
    ],
)
def test_a_commitment_with_an_infinitive_is_an_intention(
    extractor: Any, text: str, cue_type: str
) -> None:
    q = _one(extractor, text)
    assert q.cue.type.value == cue_type


def test_a_pattern_may_give_its_cue_type() -> None:
    """``reported.as_put_it.v1`` gives its quotes type speech ('put' is no lexicon verb);
    a type that does not exist is a rule error."""
    from quotecraft.cues import default_patterns, pattern_rule_from_dict
    from quotecraft.errors import RuleError

    rules = {r.name: r for r in default_patterns()}
    assert rules["reported.as_put_it.v1"].cue_type == "speech"
    record = {"name": "x.v1", "pattern": [{"RIGHT_ID": "cue"}, {"RIGHT_ID": "content"}]}
    assert pattern_rule_from_dict(record).cue_type is None
    with pytest.raises(RuleError, match="cue_type"):
        pattern_rule_from_dict({**record, "cue_type": "gossip"})


@pytest.mark.parametrize(
    ("text", "holder"),
    [
        ("The auditors made the claim that the fund was short.", "made"),
        ("The auditors reached the conclusion that the fund was short.", "reached"),
        ("The auditors came to the conclusion that the fund was short.", "came"),
        ("The auditors acted in the belief that the fund was short.", "acted"),
        # someone else's view: the verb holds no view of its subject's
        ("The auditors objected to the claim that the fund was short.", None),
        ("The auditors came across the claim that the fund was short.", None),
    ],
)
def test_the_verb_holding_a_noun_cue(extractor: Any, text: str, holder: str | None) -> None:
    from quotecraft.sources import holding_verb

    doc = extractor.nlp(text)
    noun = next(t for t in doc if t.lemma_ in ("claim", "conclusion", "belief"))
    verb = holding_verb(noun)
    assert (verb.text if verb is not None else None) == holder


def _rows_doc(rows: list[tuple[str, int, str, str, str]]) -> Any:
    """A hand-built parse from rows of (word, head, dep, pos, tag)."""
    from quotecraft.handbuilt import make_doc

    words, heads, deps, pos, tags = (list(col) for col in zip(*rows, strict=True))
    return make_doc(words, heads=heads, deps=deps, pos=pos, tags=tags)


def test_a_recording_shows_its_object_speaking() -> None:
    """'footage of the governor saying': the participle right after the object of *of*
    is the object's act; after a comma it is the subject's (shown_speaker)."""
    from quotecraft.sources import shown_speaker

    rows = [
        ("The", 1, "det", "DET", "DT"),
        ("ad", 2, "nsubj", "NOUN", "NN"),
        ("ends", 2, "ROOT", "VERB", "VBZ"),
        ("with", 2, "prep", "ADP", "IN"),
        ("footage", 3, "pobj", "NOUN", "NN"),
        ("of", 4, "prep", "ADP", "IN"),
        ("the", 7, "det", "DET", "DT"),
        ("governor", 5, "pobj", "NOUN", "NN"),
        ("saying", 2, "advcl", "VERB", "VBG"),
        ("so", 8, "advmod", "ADV", "RB"),
    ]
    doc = _rows_doc(rows)
    speaker = shown_speaker(doc[8])
    assert speaker is not None and speaker.text == "governor"
    # "The ad ends with footage of the governor, saying so": the ad says it
    comma = [*rows[:8], (",", 2, "punct", "PUNCT", ","), rows[8], ("so", 9, "advmod", "ADV", "RB")]
    doc = _rows_doc(comma)
    assert doc[9].text == "saying" and shown_speaker(doc[9]) is None
