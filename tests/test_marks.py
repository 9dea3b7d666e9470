"""Stage 1 (quotation marks): pairing across conventions, apostrophes, multi-paragraph
quotes and recovery from unbalanced marks. Works on text alone: no model needed."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quotecraft.marks import Quoted, find_quoted, mark_table
from quotecraft.segment import segment, split_paragraphs


def quoted(text: str, warnings: list[str] | None = None) -> list[Quoted]:
    return find_quoted(text, split_paragraphs(text), warnings=warnings)


def contents(text: str) -> list[list[str]]:
    """The pieces of each quoted stretch, as strings."""
    return [[text[s:e] for s, e in q.pieces] for q in quoted(text)]


# -- conventions --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"Go," he said, "now."', [["Go,"], ["now."]]),
        ("“Go,” he said, “now.”", [["Go,"], ["now."]]),
        ("'Go,' he said, 'now.'", [["Go,"], ["now."]]),
        ("‘Go,’ he said, ‘now.’", [["Go,"], ["now."]]),
        ("«Allons-y», dit-il.", [["Allons-y"]]),
        ("»Hallo«, sagte er.", [["Hallo"]]),  # reversed guillemets (German)
        ("„Hallo“, sagte er.", [["Hallo"]]),  # German low-high
        ("„Hallo”, sagte er.", [["Hallo"]]),  # Polish/Romanian low-high
        ("”Hej”, sa han.", [["Hej"]]),  # Swedish/Finnish: the same mark both ways
        ("‹Oui›, dit-elle.", [["Oui"]]),
        ("「こんにちは」と彼は言った。", [["こんにちは"]]),
        ("＂Wide,＂ he said.", [["Wide,"]]),
    ],
)
def test_quote_conventions(text: str, expected: list[list[str]]) -> None:
    assert contents(text) == expected


def test_offsets_exclude_the_marks() -> None:
    text = "“Go,” he said."
    [q] = quoted(text)
    assert (q.open, q.close, q.mark) == (0, 4, "“")
    assert (q.start, q.end, q.outer_end) == (1, 4, 5)
    assert q.closed


def test_single_quotes_nested_in_double_are_part_of_the_outer_quote() -> None:
    text = "“He told me ‘stop the vote’ twice,” she said."
    assert contents(text) == [["He told me ‘stop the vote’ twice,"]]


def test_straight_quotes_nested_in_straight_quotes() -> None:
    text = '"They called it a "deal" on Friday," she said.'
    assert contents(text) == [['They called it a "deal" on Friday,']]


def test_single_quotes_as_outer_marks_in_running_text() -> None:
    text = "Officials called the plan 'a good start' on Monday."
    assert contents(text) == [["a good start"]]


def test_guillemets_with_inner_spaces_give_the_words_only() -> None:
    text = "« Nous partons », dit-il."
    assert contents(text) == [["Nous partons"]]


def test_mark_table_is_read_from_the_data_file() -> None:
    table = mark_table()
    assert {"“", "„", "«", "‘"} <= table.opens
    assert {"”", "»", "’"} <= table.closes
    assert {'"', "'"} <= table.either
    assert "’" in table.apostrophes and "'" in table.apostrophes
    assert "“" in table.closers["„"]


# -- apostrophes are not quotation marks --------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The workers’ union voted on Monday.",
        "The workers' union voted on Monday.",
        "Music from the ’90s and the '80s filled the hall.",
        "They played rock ’n’ roll all night.",
        "They played rock 'n' roll all night.",
        "It was Jones’ idea, and Jones' car.",
        "Don’t ask O’Brien why it’s late; ’tis the season.",
        "She said ’em all were fine.",
    ],
)
def test_apostrophes_never_open_or_close(text: str) -> None:
    warnings: list[str] = []
    assert quoted(text, warnings) == []
    assert warnings == []


@pytest.mark.parametrize(
    ("text", "inner"),
    [
        (
            "“The workers’ union will not sign,” she said.",
            "The workers’ union will not sign,",
        ),
        (
            "‘We need the workers’ votes,’ she said.",
            "We need the workers’ votes,",
        ),
        (
            "“We grew up on rock ’n’ roll in the ’90s,” she said.",
            "We grew up on rock ’n’ roll in the ’90s,",
        ),
        ('"It was Jones\' idea," she said.', "It was Jones' idea,"),
        ("“Don’t ask,” she said.", "Don’t ask,"),
        ("She called it ‘the Joneses’ car’ on Monday.", "the Joneses’ car"),
        ("'Rock 'n' roll kept us going,' he said.", "Rock 'n' roll kept us going,"),
        ("‘They loved rock ’n’ roll,’ he said.", "They loved rock ’n’ roll,"),
    ],
)
def test_apostrophes_inside_quotes_do_not_cut_them(text: str, inner: str) -> None:
    assert contents(text) == [[inner]]


# -- quotes over several paragraphs -------------------------------------------------------------


def test_multi_paragraph_quote_opens_each_paragraph_and_closes_once() -> None:
    text = "“We listened.\n\n“We read every letter.\n\n“And we changed the plan,” she said."
    warnings: list[str] = []
    [q] = quoted(text, warnings)
    assert [text[s:e] for s, e in q.pieces] == [
        "We listened.",
        "We read every letter.",
        "And we changed the plan,",
    ]
    assert q.closed and q.open == 0 and text[q.close] == "”"  # type: ignore[index]
    assert warnings == []


def test_multi_paragraph_quote_with_straight_marks() -> None:
    text = '"One.\n\n"Two.\n\n"Three," he said.'
    assert contents(text) == [["One.", "Two.", "Three,"]]


def test_multi_paragraph_quote_on_single_line_paragraphs() -> None:
    text = "“One.\n“Two,” he said.\nNext paragraph."
    assert contents(text) == [["One.", "Two,"]]


def test_multi_paragraph_quote_on_lines_of_a_block_with_blank_lines_elsewhere() -> None:
    """A headline set off by a blank line, then paragraphs one a line: a line left open and a
    line opening with the same mark go on with one quote; the next quotes stay their own."""
    text = (
        "Harbor vote\n\n“Open ones, shut ones,” Ada Pike said. “We fix the ferries first.\n"
        "“Then the bridge,” added Tom Reyes. “Not before.”\n"
        "“Late again,” he said."
    )
    assert contents(text) == [
        ["Open ones, shut ones,"],
        ["We fix the ferries first.", "Then the bridge,"],
        ["Not before."],
        ["Late again,"],
    ]


def test_an_open_quote_runs_on_over_a_line_break_inside_its_sentence() -> None:
    text = "Intro.\n\nShe called it “a plan that\nnobody wanted” in May."
    assert contents(text) == [["a plan that\nnobody wanted"]]


def test_quote_does_not_run_into_a_paragraph_that_does_not_open_with_a_mark() -> None:
    text = "“First part.\n\nPlain paragraph.\n\n“Second,” he said."
    warnings: list[str] = []
    qs = quoted(text, warnings)
    assert [[text[s:e] for s, e in q.pieces] for q in qs] == [["First part."], ["Second,"]]
    assert qs[0].closed is False and qs[1].closed is True
    assert [w[:4] for w in warnings] == ["W001"]


def test_multi_paragraph_quote_never_closed() -> None:
    text = "“Para one.\n\n“Para two.\n\nPlain text."
    warnings: list[str] = []
    [q] = quoted(text, warnings)
    assert [text[s:e] for s, e in q.pieces] == ["Para one.", "Para two."]
    assert not q.closed and q.close is None
    assert warnings == [
        "W001 unclosed quotation mark at offset 0: quote runs to the end of its paragraph"
    ]


# -- unbalanced marks: recover and warn ---------------------------------------------------------


def test_unclosed_quote_runs_to_its_paragraph_end_and_the_rest_is_found() -> None:
    text = "“We will never give up, she said.\n\nThe crowd cheered. “Fine,” he said. “Good.”"
    warnings: list[str] = []
    qs = quoted(text, warnings)
    assert [[text[s:e] for s, e in q.pieces] for q in qs] == [
        ["We will never give up, she said."],
        ["Fine,"],
        ["Good."],
    ]
    assert [q.closed for q in qs] == [False, True, True]
    assert any(w.startswith("W001") and "offset 0" in w for w in warnings)


def test_unclosed_quote_at_the_end_of_the_text() -> None:
    text = 'He said: "We are not done'
    warnings: list[str] = []
    [q] = quoted(text, warnings)
    assert text[q.start : q.end] == "We are not done"
    assert not q.closed and q.outer_end == len(text)
    assert warnings and warnings[0].startswith("W001")


def test_stray_closing_mark_is_ignored_with_a_warning() -> None:
    text = "The plan” failed. “Fine,” he said."
    warnings: list[str] = []
    assert contents(text) == [["Fine,"]]
    quoted(text, warnings)
    assert warnings == ["W002 stray closing quotation mark at offset 8 ignored"]


def test_inch_marks_do_not_swallow_the_next_quote() -> None:
    text = 'He is 6\'2" tall and "strong," she said.'
    assert contents(text)[-1] == ["strong,"]


def test_quotes_in_skipped_paragraphs_are_ignored() -> None:
    text = "“Subscribe” now\n\n“Real,” he said."
    paras = split_paragraphs(text)
    qs = find_quoted(text, paras, skip=[paras[0]])
    assert [text[q.start : q.end] for q in qs] == ["Real,"]


def test_boilerplate_never_yields_a_quote_after_segmentation() -> None:
    text = "“Real,” he said.\n\nSubscribe to our newsletter “The Harbor Daily”"
    seg = segment(text)
    qs = find_quoted(seg.normalized, seg.paragraphs, skip=seg.boilerplate)
    assert seg.boilerplate
    assert [text[q.start : q.end] for q in qs] == ["Real,"]


def test_unclosed_quote_before_an_opening_paragraph_is_read_as_a_multi_paragraph_quote() -> None:
    """The news convention: a paragraph that opens and does not close continues in the next."""
    text = "“We will never give up.\n\n“Fine,” he said."
    assert contents(text) == [["We will never give up.", "Fine,"]]


def test_empty_and_markless_text() -> None:
    assert find_quoted("") == []
    assert find_quoted("No quotes at all.") == []
    assert find_quoted("“”") == []  # nothing inside: not a quote
    assert find_quoted("“ . ”") == []


# -- properties over random text with random marks ----------------------------------------------

MARKS = list("\"'“”‘’«»„‹›")
WORDS = ["we", "said", "No", "the", "workers", "union", "90s", "n", "Jones", ".", ",", "!"]


@st.composite
def marked_text(draw: st.DrawFn) -> str:
    parts = draw(
        st.lists(
            st.one_of(
                st.sampled_from(WORDS),
                st.sampled_from(MARKS),
                st.sampled_from([" ", " ", " ", "\n", "\n\n"]),
                st.text(alphabet="abcXYZ ’'\"", max_size=5),
            ),
            max_size=60,
        )
    )
    return "".join(parts)


@settings(max_examples=300, deadline=None)
@given(marked_text())
def test_any_text_gives_ordered_in_bounds_pieces(text: str) -> None:
    warnings: list[str] = []
    paras = split_paragraphs(text)
    qs = find_quoted(text, paras, warnings=warnings)
    last_end = -1
    for q in qs:
        assert q.open >= 0 and text[q.open] == q.mark
        assert q.pieces, q
        if q.close is not None:
            assert q.closed and q.open < q.close < len(text)
            assert q.end <= q.close
        for s, e in q.pieces:
            assert q.open < s <= e <= len(text)
            # each piece lies within one paragraph
            assert any(ps <= s and e <= pe for ps, pe in paras), (s, e, paras)
        starts = [s for s, _ in q.pieces]
        assert starts == sorted(starts)
        # outermost quotes only: no two returned quotes overlap
        assert q.open > last_end
        last_end = q.outer_end - 1 if q.close is not None else q.end
    for w in warnings:
        assert w[:4] in ("W001", "W002")


# -- two-character marks (newspaper archives, Penn Treebank text) -----------------------------

TWO = "''"


def _quoted_texts(raw: str) -> list[str]:
    seg = segment(raw)
    return [
        " ".join(seg.text[s:e] for s, e in q.pieces)
        for q in find_quoted(seg.normalized, seg.paragraphs)
    ]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (f"{TWO}We will win,{TWO} she said.", ["We will win,"]),
        (f"He called it {TWO}a disaster{TWO} on Monday.", ["a disaster"]),
        (f"``We will win,{TWO} she said.", ["We will win,"]),
        (f"{TWO}One.{TWO} Then: {TWO}Two, it's over.{TWO}", ["One.", "Two, it's over."]),
    ],
)
def test_two_apostrophes_and_two_backticks_are_double_quotes(raw: str, expected: list[str]) -> None:
    assert _quoted_texts(raw) == expected


@pytest.mark.parametrize(
    "raw",
    [
        f"In code, x = {TWO} is the empty string.",  # spaces on both sides: not a mark
        "The pipe is 3''' long and the shelf 2' wide.",  # a run of three is left alone
        "She said it's the Joneses' house, not ours.",
    ],
)
def test_two_apostrophes_that_are_not_quotation_marks(raw: str) -> None:
    assert _quoted_texts(raw) == []


def test_two_apostrophes_keep_offsets_into_the_callers_text() -> None:
    raw = f"{TWO}We will win,{TWO} said Ms. Diaz, the mayor."
    seg = segment(raw)
    assert seg.text == raw and len(seg.normalized) == len(raw)
    (q,) = find_quoted(seg.normalized, seg.paragraphs)
    assert raw[q.start : q.end] == "We will win,"


# -- a quote over several paragraphs whose marks are not repeated -----------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a letter quoted at length, straight marks, one line a paragraph
            'A neighbour wrote, "The water took the cellar.\nThe roof held.\n'
            'We start again in May."\nThe council has not answered.',
            [["The water took the cellar.", "The roof held.", "We start again in May."]],
        ),
        (  # typographic marks, dialogue set one sentence a line
            "“Sorry,” I say, “she is my sister.\nShe gets scared.\nLet go.”\nHe shrugs.",
            [["Sorry,"], ["she is my sister.", "She gets scared.", "Let go."]],
        ),
    ],
    ids=["straight", "typographic"],
)
def test_an_open_quote_closes_a_few_paragraphs_on_without_reopening(
    text: str, expected: list[list[str]]
) -> None:
    warnings: list[str] = []
    assert [[text[s:e] for s, e in q.pieces] for q in quoted(text, warnings)] == expected
    assert all(q.closed for q in quoted(text))
    assert not warnings  # no unclosed mark, no stray one


def test_an_open_quote_is_not_carried_past_another_quote() -> None:
    # a quotation of its own between the open mark and the stray closer: nothing is joined
    text = 'She wrote, "We lost the barn.\nHe called it "a shame" then.\nAll of it."'
    pieces = contents(text)
    assert pieces[0] == ["We lost the barn."]
    assert ["a shame"] in pieces


# -- dialogue set with dashes --------------------------------------------------------------------


def test_a_dash_line_with_an_attribution_is_a_quoted_stretch() -> None:
    text = "— Are we there yet? — asked the boy.\n— Almost, — said his father."
    assert contents(text) == [["Are we there yet?"], ["Almost,"]]


@pytest.mark.parametrize(
    "text",
    [
        "—The ferry runs daily — weather permitting.",  # no space after the opening dash
        "Two things:\n— a new roof — the old one leaks;\n— a boiler.",  # a list, in lower case
        "— Price: 40 euros",  # no second dash
        'He said — "We stay."',  # marks of its own
    ],
)
def test_dash_lines_that_are_not_dialogue_give_no_dash_stretch(text: str) -> None:
    assert all(q.mark not in "—–―" for q in quoted(text, []))
