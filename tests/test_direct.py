"""Direct quotes: every rule and quote convention, on short texts written for these tests.

The model-based cases run through the shared ``extractor`` fixture, all texts in
one batch. Two unit tests at the end run :func:`quotecraft.direct.detect` on
hand-built Docs (no model).
"""

from __future__ import annotations

from typing import Any

import pytest

from quotecraft import Article, Quote, QuoteKind, TextSpan
from quotecraft.context import DocContext

MARK_CHARS = set("\"'“”‘’«»„‹›")


def case(
    id: str,
    text: str,
    content: str,
    *,
    rule: str | None = None,
    cue: str | None = None,
    lemma: str | None = None,
    name: str | None = None,
    mention: str | None = None,
    fragments: list[str] | None = None,
    xfail: str | None = None,
) -> Any:
    """One text whose first direct quote must match the given fields (None: not checked)."""
    expect = {
        "content": content,
        "rule": rule,
        "cue": cue,
        "lemma": lemma,
        "name": name,
        "mention": mention,
        "fragments": fragments,
    }
    marks = [pytest.mark.xfail(strict=True, reason=xfail)] if xfail else []
    return pytest.param(id, text, expect, id=id, marks=marks)


CASES = [
    case(
        "split across an attribution with abbreviations (Mr., an initial)",
        '"We are almost there," said Alderman Mark D. Ruiz, whose ward includes the port. '
        '"More is being decided than anyone imagined."',
        'We are almost there," said Alderman Mark D. Ruiz, whose ward includes the port. '
        '"More is being decided than anyone imagined.',
        rule="direct.split_sentence.v1",
        cue="said",
        name="Mark D. Ruiz",
    ),
    case(
        "two-apostrophe marks (newspaper archives)",
        "''We will not back down,'' said Maria Ortiz, the union's president.",
        "We will not back down,",
        rule="direct.cue_after.v1",
        cue="said",
        name="Maria Ortiz",
    ),
    # -- cue after ---------------------------------------------------------------------------
    case(
        "cue_after_name_said",
        '"We will rebuild the pier," Mayor Ann Lee said.',
        "We will rebuild the pier,",
        rule="direct.cue_after.v1",
        cue="said",
        lemma="say",
        name="Ann Lee",
        mention="Mayor Ann Lee",
    ),
    case(
        "cue_after_said_name",
        '"We will rebuild the pier," said Ann Lee, the mayor.',
        "We will rebuild the pier,",
        rule="direct.cue_after.v1",
        cue="said",
        name="Ann Lee",
    ),
    case(
        "cue_after_other_verb",
        '"The vote was fair," Maria Gomez insisted on Tuesday.',
        "The vote was fair,",
        rule="direct.cue_after.v1",
        cue="insisted",
        lemma="insist",
        name="Maria Gomez",
    ),
    case(
        "cue_after_long_subject",
        '"The water is safe," Jo Park, 61, a retired nurse from the valley, said.',
        "The water is safe,",
        cue="said",
        name="Jo Park",
    ),
    case(
        "cue_after_name_and_age_read_apart_from_the_verb",
        "The vote split the town.\n\n“We were very wrong not to have stopped the project at "
        "the beginning,” Ramos, 66, told AFP in an interview in Quito on Tuesday.",
        "We were very wrong not to have stopped the project at the beginning,",
        rule="direct.cue_after.v1",
        cue="told",
        name="Ramos",
    ),
    case(
        "cue_before_as_someone_put_it",
        "As one ferry captain put it, “The harbor has never been this quiet in winter.”",
        "The harbor has never been this quiet in winter.",
        rule="direct.cue_before.v1",
        cue="put",
        mention="one ferry captain",
    ),
    case(
        "split across a speaker described at length",
        '"We have kept an office in the valley since April," said Rosa Lind, the campaign\'s '
        'regional director, "and we have built ties there that will last."',
        "We have kept an office in the valley since April,\" said Rosa Lind, the campaign's "
        'regional director, "and we have built ties there that will last.',
        rule="direct.split.v1",
        cue="said",
        name="Rosa Lind",
    ),
    case(
        "cue_after_organization",
        '"We did not do it," the company said in a statement.',
        "We did not do it,",
        cue="said",
        mention="the company",
    ),
    # -- cue before --------------------------------------------------------------------------
    case(
        "cue_before_colon",
        'Ann Lee said: "We will rebuild the pier."',
        "We will rebuild the pier.",
        rule="direct.cue_before.v1",
        cue="said",
        name="Ann Lee",
    ),
    case(
        "cue_before_told_colon",
        'Tom Brady told reporters: "Nobody was hurt."',
        "Nobody was hurt.",
        rule="direct.cue_before.v1",
        cue="told",
        lemma="tell",
        name="Tom Brady",
    ),
    case(
        "cue_before_told_comma",
        'Priya Raman told the council, "We need the design finished by March."',
        "We need the design finished by March.",
        rule="direct.cue_before.v1",
        cue="told",
        name="Priya Raman",
    ),
    case(
        "cue_before_sentence_follows",
        'Maria Gomez said: "It is over." Then she left the room.',
        "It is over.",
        cue="said",
        lemma="say",
        name="Maria Gomez",
    ),
    # -- split quotes ------------------------------------------------------------------------
    case(
        "split_comma",
        '"We need a line," Ann Lee said, "and we need it now."',
        'We need a line," Ann Lee said, "and we need it now.',
        rule="direct.split.v1",
        cue="said",
        name="Ann Lee",
    ),
    case(
        "split_comma_fragments",
        '"We need a line," Ann Lee said, "and we need it now."',
        'We need a line," Ann Lee said, "and we need it now.',
        fragments=["We need a line,", "and we need it now."],
    ),
    case(
        "split_sentence",
        '"We lost a day," Ann Lee said. "It will not happen again."',
        'We lost a day," Ann Lee said. "It will not happen again.',
        rule="direct.split_sentence.v1",
        cue="said",
        name="Ann Lee",
        fragments=["We lost a day,", "It will not happen again."],
    ),
    # -- colon lead-ins, dashes, 'That was the view of X' ------------------------------------
    case(
        "colon_lead_in",
        'The minister was blunt: "This plan is dead."',
        "This plan is dead.",
        rule="direct.colon.v1",
        cue=":",
        lemma=":",
        mention="The minister",
    ),
    case(
        "colon_lead_in_named",
        'Ann Lee was blunt: "Nobody should pretend this is cheap."',
        "Nobody should pretend this is cheap.",
        rule="direct.colon.v1",
        name="Ann Lee",
    ),
    case(
        "colon_lead_in_apposition",
        'The chief engineer, Priya Raman, was blunt: "We are late."',
        "We are late.",
        rule="direct.colon.v1",
        name="Priya Raman",
    ),
    case(
        "dash",
        '"The port will reopen in May" — Commissioner Jane Roe',
        "The port will reopen in May",
        rule="direct.dash.v1",
        cue="—",
        name="Jane Roe",
        mention="Commissioner Jane Roe",
    ),
    case(
        "dash_after_full_stop",
        '"The port will reopen in May." — Commissioner Jane Roe',
        "The port will reopen in May.",
        rule="direct.dash.v1",
        name="Jane Roe",
    ),
    case(
        "view_of",
        '"We listened to every resident.\n\n"We read every letter.\n\n"And we changed the plan."'
        "\n\nThat was the view of Sam Ortiz, a spokesman for the mayor.",
        'We listened to every resident.\n\n"We read every letter.\n\n"And we changed the plan.',
        rule="direct.view_of.v1",
        name="Sam Ortiz",
        fragments=[
            "We listened to every resident.",
            "We read every letter.",
            "And we changed the plan.",
        ],
    ),
    # -- short quotes (textacy drops them) ---------------------------------------------------
    case("short_no", '"No," he said.', "No,", cue="said", mention="he"),
    case("short_never_again", '"Never again," she said.', "Never again,", cue="said"),
    case("short_yes_named", '"Yes," said Ann Lee.', "Yes,", name="Ann Lee"),
    # -- pronoun speakers --------------------------------------------------------------------
    case(
        "pronoun_previous_sentence",
        'Ann Lee arrived late. "We lost a day," she said.',
        "We lost a day,",
        name="Ann Lee",
        mention="she",
    ),
    case(
        "pronoun_titled_antecedent",
        'Police Chief Maria Gomez arrived at noon. She spoke briefly. "We made an arrest," she said.',
        "We made an arrest,",
        name="Maria Gomez",
        mention="she",
    ),
    case(
        "pronoun_honorific_gender",
        'Ms. Ann Lee met Mr. Tom Brady at the pier. "We will not sell it," he said.',
        "We will not sell it,",
        name="Tom Brady",
        mention="he",
    ),
    # -- conventions -------------------------------------------------------------------------
    case(
        "curly_double",
        "“Go home,” said Ann Lee.",
        "Go home,",
        name="Ann Lee",
    ),
    case(
        "single_outer",
        "'We are not finished,' said Ann Lee.",
        "We are not finished,",
        name="Ann Lee",
    ),
    case(
        "curly_single_outer",
        "‘We are not finished,’ said Ann Lee.",
        "We are not finished,",
        name="Ann Lee",
    ),
    case(
        "single_nested_in_double",
        "“They told us ‘wait’ for a year,” said Ann Lee.",
        "They told us ‘wait’ for a year,",
        name="Ann Lee",
    ),
    case(
        "guillemets",
        "«We are leaving», said Pierre Dubois.",
        "We are leaving",
        name="Pierre Dubois",
    ),
    case(
        "guillemets_comma_inside",
        "«We are leaving,» said Pierre Dubois.",
        "We are leaving,",
        name="Pierre Dubois",
    ),
    case(
        "german_low_high",
        "„We stay here“, said Angela Weber.",
        "We stay here",
        name="Angela Weber",
    ),
    case(
        "apostrophes_inside",
        "“The workers’ union grew up on rock ’n’ roll in the ’90s,” Ann Lee said.",
        "The workers’ union grew up on rock ’n’ roll in the ’90s,",
        name="Ann Lee",
    ),
    case(
        "apostrophes_straight_inside",
        "\"It was Jones' idea, not the workers' union's,\" Ann Lee said.",
        "It was Jones' idea, not the workers' union's,",
        name="Ann Lee",
    ),
    case(
        "a cue noun after was: its from phrase speaks",
        '"Out of the question," was the reply from the harbour board.',
        "Out of the question,",
        rule="direct.reply_noun.v1",
        cue="reply",
        mention="the harbour board",
    ),
    case(
        "a cue noun after was: its possessor speaks",
        '"We will appeal," was the family lawyer\'s curt answer.',
        "We will appeal,",
        rule="direct.reply_noun.v1",
        cue="answer",
        mention="the family lawyer",
    ),
    case(
        "a cue noun after was: no one named",
        '"Not before spring," was the answer.',
        "Not before spring,",
        rule="direct.reply_noun.v1",
        cue="answer",
    ),
]

CONTINUATION_TEXT = (
    '"It is a good day," said Ann Lee. "We waited ten years for this."\n\n'
    '"Nobody thought it would happen."'
)
PARAGRAPH_CONTINUATION_TEXT = (
    "Ann Lee spoke first at the meeting.\n\n"
    '"We lost a day," she said.\n\n'
    '"We will try again on Monday with more crews."'
)
NOT_DIRECT = [
    '"Unbelievable" was the word on every fan\'s lips.',  # a noun outside the cue lexicon
    'He called it the so-called "NATO umbrella" in his speech on Monday.',
    'The film "Dark Harbor" opened on Friday in four cities.',
    'The senator called the bill a "disaster" during the debate.',
    "The book “Harbor Lights” sold well.",
]
UNBALANCED_TEXT = (
    '"We will never give up, the crowd shouted at the council.\n\n'
    "The meeting went on for hours.\n\n"
    '"We will vote again next week," Ann Lee said.'
)
STRAY_TEXT = 'The plan" failed on Monday. "We will try again," Ann Lee said.'
SECOND_CUE_TEXT = (
    "“Keep the lights on for the night shift,” Quist sang to Leo before asking "
    "him, “Who pays the bill this winter?”"
)
LINE_PARAGRAPHS_TEXT = (
    "Harbor vote\n\n"
    "“The ferries come first,” Ada Pike said on Friday. “If the pier is not repaired, "
    "nothing else matters.\n"
    "“We have waited for the bridge long enough,” added Tom Reyes, the council leader. "
    "“The town deserves both.”\n"
    "The vote is on Monday."
)
REOPENED_OWN_TEXT = (
    "The ferry board met on Friday.\n\n"
    '"Every boat on the lake will need a new engine within five years.\n\n'
    '"The money for that has to come from the province," Ola Berg said.\n\n'
    "The board votes in May."
)
REOPENED_GOES_ON_TEXT = (
    '"The engines are old," Ola Berg said. "Every boat on the lake needs a new one.\n\n'
    '"All of them, without exception."\n\n'
    "The board votes in May."
)
REOPENED_LEAD_IN_TEXT = (
    'Ada Pike told the board: "Every boat on the lake will need a new engine.\n\n'
    '"The money for that has to come from the province," Ola Berg said.'
)

EXTRA_TEXTS = [
    REOPENED_OWN_TEXT,
    REOPENED_LEAD_IN_TEXT,
    REOPENED_GOES_ON_TEXT,
    CONTINUATION_TEXT,
    PARAGRAPH_CONTINUATION_TEXT,
    UNBALANCED_TEXT,
    STRAY_TEXT,
    SECOND_CUE_TEXT,
    LINE_PARAGRAPHS_TEXT,
    *NOT_DIRECT,
]


@pytest.fixture(scope="module")
def articles(extractor: Any) -> dict[str, Article]:
    texts = list(dict.fromkeys([p.values[1] for p in CASES] + EXTRA_TEXTS))
    out = {}
    for text, art in zip(texts, extractor.pipe(texts), strict=True):
        assert isinstance(art, Article), art
        out[text] = art
    return out


def directs(art: Article) -> list[Quote]:
    return [q for q in art.quotes if q.kind is QuoteKind.DIRECT]


def check_spans(art: Article) -> None:
    text = art.text
    for q in art.quotes:
        spans: list[TextSpan | None] = [q.content, *q.fragments]
        if q.cue is not None:
            spans.append(q.cue.span)
        if q.speaker is not None:
            spans.append(q.speaker.mention)
        for s in spans:
            if s is not None:
                assert text[s.start : s.end] == s.text, s


@pytest.mark.model
@pytest.mark.parametrize(("name", "text", "expect"), CASES)
def test_direct_quote(
    articles: dict[str, Article], name: str, text: str, expect: dict[str, Any]
) -> None:
    art = articles[text]
    check_spans(art)
    found = directs(art)
    assert found, f"{name}: no direct quote in {art.quotes}"
    q = found[0]
    assert q.content.text == expect["content"]
    assert text[q.content.start : q.content.end] == expect["content"]
    assert q.content.text[:1] not in MARK_CHARS and q.content.text[-1:] not in MARK_CHARS
    if expect["rule"] is not None:
        assert q.rule == expect["rule"]
    if expect["cue"] is not None:
        assert q.cue is not None and q.cue.text == expect["cue"]
    if expect["lemma"] is not None:
        assert q.cue is not None and q.cue.lemma == expect["lemma"]
    if expect["name"] is not None:
        assert q.speaker is not None and q.speaker.name == expect["name"]
    if expect["mention"] is not None:
        assert q.speaker is not None and q.speaker.mention is not None
        assert q.speaker.mention.text == expect["mention"]
    if expect["fragments"] is not None:
        assert [f.text for f in q.fragments] == expect["fragments"]
    assert 0.0 < q.confidence <= 1.0


@pytest.mark.model
def test_split_quote_is_one_quote(articles: dict[str, Article]) -> None:
    text = '"We need a line," Ann Lee said, "and we need it now."'
    assert len(articles[text].quotes) == 1


@pytest.mark.model
def test_a_second_cue_in_the_attribution_opens_a_quote_of_its_own(
    articles: dict[str, Article],
) -> None:
    """'"A," X sings before asking him, "B?"': two quotes, not one split quote; A's cue is the
    verb of the attribution ("sang", outside the lexicon), B's the verb before it."""
    qs = directs(articles[SECOND_CUE_TEXT])
    assert [(q.content.text, q.cue.text if q.cue else None) for q in qs] == [
        ("Keep the lights on for the night shift,", "sang"),
        ("Who pays the bill this winter?", "asking"),
    ]
    assert all(q.speaker is not None and q.speaker.name == "Quist" for q in qs)


@pytest.mark.model
def test_a_line_left_open_goes_on_in_the_next_line_that_opens_with_a_mark(
    articles: dict[str, Article],
) -> None:
    """Paragraphs one a line (a blank line only after the headline): the first speaker's
    quote is complete on its own; the open line and the next line's quote are one quote
    with the second attribution, as a quote over two paragraphs is."""
    art = articles[LINE_PARAGRAPHS_TEXT]
    assert [q.content.text for q in art.quotes][:1] == ["The ferries come first,"]
    assert art.quotes[0].speaker is not None and art.quotes[0].speaker.name == "Ada Pike"
    second = art.quotes[1]
    assert [f.text for f in second.fragments][:2] == [
        "If the pier is not repaired, nothing else matters.",
        "We have waited for the bridge long enough,",
    ]
    assert second.speaker is not None and second.speaker.name == "Tom Reyes"


@pytest.mark.model
def test_multi_paragraph_quote_fragments_follow_the_paragraphs(
    articles: dict[str, Article],
) -> None:
    text = next(p.values[1] for p in CASES if p.id == "view_of")
    art = articles[text]
    [q] = directs(art)
    assert [art.paragraphs[i].text.strip('"') for i in range(3)] == [f.text for f in q.fragments]
    assert q.paragraph == 0


@pytest.mark.model
def test_a_reopened_paragraph_with_its_own_attribution_is_its_own_quote(
    articles: dict[str, Article],
) -> None:
    # the first quote stays open at its paragraph end; the next paragraph reopens the marks,
    # closes them and carries an attribution: a new quotation, not the same one going on
    qs = directs(articles[REOPENED_OWN_TEXT])
    assert [q.content.text for q in qs] == [
        "Every boat on the lake will need a new engine within five years.",
        "The money for that has to come from the province,",
    ]
    assert qs[1].rule == "direct.cue_after.v1"
    assert qs[1].speaker is not None and qs[1].speaker.name == "Ola Berg"
    # the paragraph left open runs into the attributed one: the same speaker's words
    assert qs[0].rule == "direct.open_paragraphs.v1"
    assert qs[0].speaker is not None and qs[0].speaker.id == qs[1].speaker.id
    assert qs[0].cue is not None and qs[0].cue.span == qs[1].cue.span  # type: ignore[union-attr]
    # an open paragraph with an attribution of its own keeps it
    lead, own = directs(articles[REOPENED_LEAD_IN_TEXT])
    assert (lead.rule, own.rule) == ("direct.cue_before.v1", "direct.cue_after.v1")
    assert [q.speaker.name if q.speaker else None for q in (lead, own)] == ["Ada Pike", "Ola Berg"]
    # without an attribution of its own, the reopened paragraph goes on with the quote
    (q,) = directs(articles[REOPENED_GOES_ON_TEXT])
    assert q.content.text.endswith("All of them, without exception.")
    assert len(q.fragments) == 3


@pytest.mark.model
def test_continuation_quote_keeps_the_speaker(articles: dict[str, Article]) -> None:
    art = articles[CONTINUATION_TEXT]
    qs = directs(art)
    assert [q.content.text for q in qs][-1] == "Nobody thought it would happen."
    last = qs[-1]
    assert last.rule == "direct.continuation.v1"
    assert last.paragraph == 1
    assert last.speaker is not None and last.speaker.name == "Ann Lee"
    assert last.speaker.id == qs[0].speaker.id  # type: ignore[union-attr]


@pytest.mark.model
def test_continuation_in_the_next_paragraph_after_a_pronoun(articles: dict[str, Article]) -> None:
    art = articles[PARAGRAPH_CONTINUATION_TEXT]
    qs = directs(art)
    assert [q.content.text for q in qs] == [
        "We lost a day,",
        "We will try again on Monday with more crews.",
    ]
    assert [q.speaker.name if q.speaker else None for q in qs] == ["Ann Lee", "Ann Lee"]
    assert qs[1].rule == "direct.continuation.v1"


@pytest.mark.model
@pytest.mark.parametrize("text", NOT_DIRECT)
def test_scare_quotes_and_titles_are_not_direct_quotes(
    articles: dict[str, Article], text: str
) -> None:
    assert directs(articles[text]) == []


@pytest.mark.model
def test_unclosed_mark_does_not_lose_the_article(articles: dict[str, Article]) -> None:
    art = articles[UNBALANCED_TEXT]
    check_spans(art)
    assert any(w.startswith("W001") for w in art.warnings)
    last = directs(art)[-1]
    assert last.content.text == "We will vote again next week,"
    assert last.speaker is not None and last.speaker.name == "Ann Lee"


@pytest.mark.model
def test_stray_mark_does_not_lose_the_article(articles: dict[str, Article]) -> None:
    art = articles[STRAY_TEXT]
    check_spans(art)
    assert [q.content.text for q in directs(art)] == ["We will try again,"]
    assert any(w.startswith("W002") for w in art.warnings)


@pytest.mark.model
def test_every_case_has_consistent_paragraph_indexes(articles: dict[str, Article]) -> None:
    for art in articles.values():
        for q in art.quotes:
            para = art.paragraphs[q.paragraph]
            assert para.start <= q.content.start <= para.end


# -- unit tests on hand-built Docs (no model) ---------------------------------------------------


def _doc(
    words: list[str],
    spaces: list[bool],
    heads: list[int],
    deps: list[str],
    pos: list[str],
    lemmas: list[str],
) -> Any:
    import spacy
    from spacy.tokens import Doc

    return Doc(
        spacy.blank("en").vocab,
        words=words,
        spaces=spaces,
        heads=heads,
        deps=deps,
        pos=pos,
        lemmas=lemmas,
    )


def test_detect_cue_after_on_a_hand_built_doc() -> None:
    from quotecraft.cues import default_lexicon
    from quotecraft.direct import detect
    from quotecraft.marks import find_quoted

    doc = _doc(
        ['"', "No", ",", '"', "he", "said", "."],
        [False, False, False, True, True, False, False],
        [5, 5, 5, 5, 5, 5, 5],
        ["punct", "intj", "punct", "punct", "nsubj", "ROOT", "punct"],
        ["PUNCT", "INTJ", "PUNCT", "PUNCT", "PRON", "VERB", "PUNCT"],
        ['"', "no", ",", '"', "he", "say", "."],
    )
    assert doc.text == '"No," he said.'
    cands, fragments = detect(DocContext.of(doc), find_quoted(doc.text), default_lexicon())
    assert fragments == []
    [c] = cands
    assert (c.kind, c.rule, doc.text[c.start : c.end]) == ("direct", "direct.cue_after.v1", "No,")
    assert c.cue is not None and doc.text[c.cue[0] : c.cue[1]] == "said" and c.cue_lemma == "say"
    assert c.attribution.speaker == (4, 5)  # "he"


def test_detect_cue_before_on_a_hand_built_doc() -> None:
    from quotecraft.cues import default_lexicon
    from quotecraft.direct import detect
    from quotecraft.marks import find_quoted

    doc = _doc(
        ["Lee", "said", ":", '"', "We", "won", ".", '"'],
        [True, False, True, False, True, False, False, False],
        [1, 1, 1, 1, 5, 1, 5, 1],
        ["nsubj", "ROOT", "punct", "punct", "nsubj", "ccomp", "punct", "punct"],
        ["PROPN", "VERB", "PUNCT", "PUNCT", "PRON", "VERB", "PUNCT", "PUNCT"],
        ["Lee", "say", ":", '"', "we", "win", ".", '"'],
    )
    [c], _ = detect(DocContext.of(doc), find_quoted(doc.text), default_lexicon())
    assert c.rule == "direct.cue_before.v1"
    assert doc.text[c.start : c.end] == "We won."
    assert c.attribution.speaker == (0, 1)


def test_detect_leaves_a_title_as_a_fragment() -> None:
    from quotecraft.cues import default_lexicon
    from quotecraft.direct import detect
    from quotecraft.marks import find_quoted

    # The film "Dark Harbor" opened .
    doc = _doc(
        ["The", "film", '"', "Dark", "Harbor", '"', "opened", "."],
        [True, True, False, True, False, True, False, False],
        [1, 6, 4, 4, 1, 4, 6, 6],
        ["det", "nsubj", "punct", "compound", "appos", "punct", "ROOT", "punct"],
        ["DET", "NOUN", "PUNCT", "PROPN", "PROPN", "PUNCT", "VERB", "PUNCT"],
        ["the", "film", '"', "Dark", "Harbor", '"', "open", "."],
    )
    cands, fragments = detect(DocContext.of(doc), find_quoted(doc.text), default_lexicon())
    assert cands == []
    assert [doc.text[f.start : f.end] for f in fragments] == ["Dark Harbor"]


@pytest.mark.model
def test_a_quote_two_sentences_after_its_attribution_is_not_joined(extractor: Any) -> None:
    art = extractor('"We need help," she said. It was late. "There is no plan."')
    assert [(q.rule, q.content.text) for q in art.quotes] == [
        ("direct.cue_after.v1", "We need help,"),
        ("direct.continuation.v1", "There is no plan."),
    ]


@pytest.mark.parametrize(
    ("sentence", "person"),
    [
        ("The fisherman waited.", True),
        ("Her mother waited.", True),
        ("The governor waited.", True),
        ("The human waited.", False),  # a word in -man that names no role
        ("The ferry waited.", False),
    ],
)
def test_role_and_kin_nouns_of_action_beats(extractor: Any, sentence: str, person: bool) -> None:
    from quotecraft.structure import person_noun

    doc = extractor.nlp(sentence)
    assert person_noun(doc[1]) is person
