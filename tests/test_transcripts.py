"""Transcripts (``direct.transcript.v1``): labelled turns, the marks they are printed in,
and what is no transcript. Behaviour cases: ``tests/behaviour/detection/hw9.jsonl``."""

from __future__ import annotations

from typing import Any

from quotecraft.marks import find_quoted, opens_turn
from quotecraft.segment import split_paragraphs
from quotecraft.transcripts import find_turns

MARKED = (
    "The panel heard two witnesses. From the record:\n\n"
    '"CHAIR: Please state your name.\n\n'
    '"OKAFOR: Adaeze Okafor. I run the water plant.\n\n'
    '"It serves nine towns.\n\n'
    '"CHAIR: Thank you."\n\n'
    "The hearing went on until noon."
)


def turn_texts(text: str) -> list[tuple[str, list[str]]]:
    return [
        (text[t.label[0] : t.label[1]], [text[s:e] for s, e in t.pieces])
        for t in find_turns(text, split_paragraphs(text))
    ]


def test_a_label_in_capitals_opens_a_turn() -> None:
    assert opens_turn("WALLACE: Good morning.", 0, 22)
    assert opens_turn("SEN. RUTH ALDER (D-Ore.): Yes.", 0, 30)
    assert not opens_turn("Q: Why?", 0, 7)  # one letter: an interview's question, no name
    assert not opens_turn("Wallace: Good morning.", 0, 22)
    assert not opens_turn("WALLACE:", 0, 8)  # no words after the colon


def test_marked_turns_each_paragraph_a_turn_and_continuations_join() -> None:
    assert turn_texts(MARKED) == [
        ("CHAIR", ["Please state your name."]),
        ("OKAFOR", ["Adaeze Okafor. I run the water plant.", "It serves nine towns."]),
        ("CHAIR", ["Thank you."]),  # the closing mark is the quotation's, not the words'
    ]


def test_marks_end_a_carried_quotation_where_a_turn_begins() -> None:
    warnings: list[str] = []
    quoted = find_quoted(MARKED, split_paragraphs(MARKED), warnings=warnings)
    firsts = [MARKED[q.start : q.start + 6] for q in quoted]
    assert firsts == ["CHAIR:", "OKAFOR", "CHAIR:"]
    assert warnings == []  # a turn's mark is left open by the convention


def test_one_label_or_one_line_is_no_transcript() -> None:
    assert turn_texts("UPDATE: The road is open.\n\nIt had been closed since May.") == []
    assert turn_texts("LEE: Yes.\n\nLEE: No.") == []  # one label: no dialogue
    assert turn_texts("BREAKING: Polls close.\n\nVIDEO: The count begins.") == []  # headline labels


def test_turns_are_direct_quotes_of_their_label(extractor: Any) -> None:
    article = extractor(MARKED)
    got = [(q.content.text, q.speaker.name if q.speaker else None, q.rule) for q in article.quotes]
    assert got == [
        ("Please state your name.", "CHAIR", "direct.transcript.v1"),
        (
            'Adaeze Okafor. I run the water plant.\n\n"It serves nine towns.',
            "OKAFOR",
            "direct.transcript.v1",
        ),
        ("Thank you.", "CHAIR", "direct.transcript.v1"),
    ]
    q = article.quotes[1]
    assert q.kind.value == "direct" and q.cue is not None and q.cue.text == ":"
    assert q.words == "Adaeze Okafor. I run the water plant. It serves nine towns."
    for q in article.quotes:
        assert MARKED[q.content.start : q.content.end] == q.content.text


def test_switched_off_the_turns_are_what_they_were(extractor: Any) -> None:
    from quotecraft import Config, load

    off = load(config=Config(disabled_rules=["direct.transcript.v1"]))
    rules = {q.rule for q in off(MARKED).quotes}
    assert "direct.transcript.v1" not in rules
    assert rules  # the quotation marks still give quotes
