"""Where a reported content starts and ends (quotecraft.reported_bounds). Texts written
for these tests."""

from __future__ import annotations

from typing import Any

import pytest


def _content(extractor: Any, text: str, cue: str) -> str:
    quotes = [q for q in extractor(text).quotes if q.cue is not None and q.cue.text == cue]
    assert len(quotes) == 1, [(q.rule, q.content.text) for q in extractor(text).quotes]
    return str(quotes[0].content.text)


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        # a place or medium phrase between the object and its "for" phrase is crossed
        (
            "The mayor thanked the volunteers on the radio for clearing the river banks.",
            "thanked",
            "the volunteers on the radio for clearing the river banks",
        ),
        # a date deep inside the phrase does not make it a time phrase
        (
            "The union criticized the manager for firing a 30-year-old driver.",
            "criticized",
            "the manager for firing a 30-year-old driver",
        ),
        # a that clause the parser hung on the verb completes the object
        (
            "The minister echoed claims by the opposition last month that the harbor tax "
            "would hurt fishermen.",
            "echoed",
            "claims by the opposition last month that the harbor tax would hurt fishermen",
        ),
        (
            "The council condemned the closure of the clinic, including the loss of its "
            "night shift.",
            "condemned",
            "the closure of the clinic, including the loss of its night shift",
        ),
        # a phrase of place says where the reported thing is ("in", "on": a list)
        (
            "The ministry issued a statement in observance of the day of mourning.",
            "issued",
            "a statement in observance of the day of mourning",
        ),
        (
            "The coach blamed the defeat on a lack of sleep.",
            "blamed",
            "the defeat on a lack of sleep",
        ),
        # a noun phrase or an embedded question the parser hung on the verb is the
        # object's second item; the speaker's next act is not
        (
            "She emphasized fairness, and a need to raise wages.",
            "emphasized",
            "fairness, and a need to raise wages",
        ),
        (
            "Aunt Mira questioned his manners and whether he would ever find work.",
            "questioned",
            "his manners and whether he would ever find work",
        ),
        ("He denied the charges and resigned on Friday.", "denied", "the charges"),
        # alone, a phrase of place, medium or time does not complete it
        ("The coach praised the players at the stadium.", "praised", "the players"),
        ("Critics blasted the mayor in a radio interview.", "blasted", "the mayor"),
        ("Critics blasted the mayor on Twitter.", "blasted", "the mayor"),
        ("The bishop thanked the volunteers in March.", "thanked", "the volunteers"),
    ],
)
def test_object_content_takes_what_completes_it(
    extractor: Any, text: str, cue: str, content: str
) -> None:
    assert _content(extractor, text, cue) == content


def test_a_place_phrase_does_not_make_one_common_word_a_content(extractor: Any) -> None:
    # "life" alone is too little to be what was praised; its place phrase does not help
    text = "The old guide praised life on the island."
    assert [q.content.text for q in extractor(text).quotes] == []


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        # the parse hangs the interposed "she said" on the fronted clause
        (
            "Though the first merger was relatively seamless, she said, undoing it would be "
            "much more acrimonious.",
            "said",
            "Though the first merger was relatively seamless, she said, undoing it would be "
            "much more acrimonious",
        ),
        # the parse hangs the fronted clause on the interposed "the mayor said"
        (
            "If the talks fail, the mayor said, the town will look for other ways to fund "
            "the bridge.",
            "said",
            "If the talks fail, the mayor said, the town will look for other ways to fund "
            "the bridge",
        ),
    ],
)
def test_content_reads_across_an_interposed_attribution(
    extractor: Any, text: str, cue: str, content: str
) -> None:
    assert _content(extractor, text, cue) == content


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        # the parse coordinates "rely" with "agreed"; a bare verb continues the infinitive
        (
            "The two countries agreed to share a single port and rely on one another for "
            "coast patrols.",
            "agreed",
            "to share a single port and rely on one another for coast patrols",
        ),
        (
            "The ministers agreed to cut fares, raise wages and rely on the rail company for "
            "the rest.",
            "agreed",
            "to cut fares, raise wages and rely on the rail company for the rest",
        ),
    ],
)
def test_a_bare_verb_coordinated_with_the_cue_continues_the_content(
    extractor: Any, text: str, cue: str, content: str
) -> None:
    assert _content(extractor, text, cue) == content


def test_a_coordinated_cue_with_its_own_clause_is_a_report_of_its_own(extractor: Any) -> None:
    text = "The residents agreed to keep the ferry and say that the bridge costs too much."
    assert _content(extractor, text, "agreed") == "to keep the ferry"
    # a finite conjunct is the speaker's next act
    text = "The residents agreed to keep the ferry and warned that the bridge costs too much."
    assert _content(extractor, text, "agreed") == "to keep the ferry"


def test_a_trailing_according_to_ends_the_content_unless_a_coordinate_follows(
    extractor: Any,
) -> None:
    text = (
        "Fares will rise by ten percent, according to the ferry company, compared with five "
        "percent last year."
    )
    assert _content(extractor, text, "according to") == "Fares will rise by ten percent"
    text = (
        "Fares rose by ten percent in May, according to the ferry company, and bus fares rose "
        "by six percent."
    )
    assert _content(extractor, text, "according to") == (
        "Fares rose by ten percent in May, according to the ferry company, and bus fares rose "
        "by six percent"
    )


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "It matters, she said in an interview afterward, that the council listens to "
            "small towns.",
            "It matters, she said in an interview afterward, that the council listens to "
            "small towns",
        ),
        (
            "One crew offered to shelter the hikers at a nearby station, the ranger said, "
            "while others refused to help.",
            "One crew offered to shelter the hikers at a nearby station, the ranger said, "
            "while others refused to help",
        ),
        # what the cue itself takes after the comma is not content
        ("Prices will fall next year, the bank said on Monday.", "Prices will fall next year"),
    ],
)
def test_content_goes_on_after_an_interposed_attribution(
    extractor: Any, text: str, content: str
) -> None:
    assert _content(extractor, text, "said") == content


def test_a_participle_right_after_the_object_completes_it() -> None:
    from quotecraft.reported_objects import object_tail
    from quotecraft.testing import make_doc

    def tail(words: list[str], heads: list[int], deps: list[str], tags: list[str]) -> str:
        doc = make_doc(words, heads=heads, deps=deps, tags=tags, pos=[_POS[t] for t in tags])
        end = doc[4].right_edge.i + 1  # the object "the image of his cousin"
        return str(doc[3 : object_tail(doc[2], end)].text)

    words = ["The", "memo", "revealed", "the", "image", "of", "his", "cousin"]
    tags = ["DT", "NN", "VBD", "DT", "NN", "IN", "PRP$", "NN"]
    heads = [1, 2, 2, 4, 2, 4, 7, 5]
    deps = ["det", "nsubj", "ROOT", "det", "dobj", "prep", "poss", "pobj"]
    # the parse hangs "collecting fees" on the verb: what the cousin is shown doing
    assert (
        tail(
            [*words, "collecting", "fees", "."],
            [*heads, 2, 8, 2],
            [*deps, "advcl", "dobj", "punct"],
            [*tags, "VBG", "NNS", "."],
        )
        == "the image of his cousin collecting fees"
    )
    # after a comma the participle is the subject's own act
    assert (
        tail(
            [*words, ",", "citing", "fees", "."],
            [*heads, 2, 2, 9, 2],
            [*deps, "punct", "advcl", "dobj", "punct"],
            [*tags, ",", "VBG", "NNS", "."],
        )
        == "the image of his cousin"
    )


_POS = {
    "DT": "DET",
    "NN": "NOUN",
    "NNS": "NOUN",
    "VBD": "VERB",
    "VBG": "VERB",
    "IN": "ADP",
    "PRP$": "PRON",
    ",": "PUNCT",
    ".": "PUNCT",
}


def _quotes(extractor: Any, text: str) -> list[tuple[str, str, str | None]]:
    return sorted(
        (
            str(q.content.text),
            str(q.cue.text) if q.cue is not None else "",
            q.speaker.name if q.speaker is not None else None,
        )
        for q in extractor(text).quotes
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a coordinated report with its own subject ends the first content
        (
            "The harbour master said the pier was sound, and the diver said it was rotten.",
            [
                ("it was rotten", "said", "diver"),
                ("the pier was sound", "said", "harbour master"),
            ],
        ),
        # a view of its own with a pronoun for what it is about: no report, but no content
        (
            "The warden insisted the gates were locked, but the guards doubted that.",
            [("the gates were locked", "insisted", "warden")],
        ),
        # a contrast clause with a report of its own
        (
            "Olsen said the vote was fair, although Mbeki said ballots were missing.",
            [("ballots were missing", "said", "Mbeki"), ("the vote was fair", "said", "Olsen")],
        ),
        (
            "The guild argues the rules are too strict, whereas the board claims they protect "
            "members.",
            [
                ("the rules are too strict", "argues", "guild"),
                ("they protect members", "claims", "board"),
            ],
        ),
    ],
)
def test_a_report_beside_the_content_is_not_part_of_it(
    extractor: Any, text: str, expected: list[tuple[str, str, str | None]]
) -> None:
    assert _quotes(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # nested in the complement: the outer report keeps it (PolNeAR's convention)
        (
            "The clerk said that the judge told her the case was closed.",
            "the judge told her the case was closed",
        ),
        # a second complement of the same cue, marked by "that", is the same report's
        (
            "The pilot said the runway was icy and that the tower had warned him of it.",
            "the runway was icy and that the tower had warned him of it",
        ),
        # a passive has no one who reports: it stays in the content
        (
            "Nour said the firm could expand, but only if its owners are persuaded that "
            "demand will last.",
            "the firm could expand, but only if its owners are persuaded that demand will last",
        ),
    ],
)
def test_a_nested_or_second_complement_stays_in_the_content(
    extractor: Any, text: str, content: str
) -> None:
    assert _content(extractor, text, "said") == content


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "A said X; B said Y": the parser makes A's report B's complement
        (
            "The referee said the goal stood; the coach said it was offside.",
            [("it was offside", "said", "coach"), ("the goal stood", "said", "referee")],
        ),
        (
            "Petra said the lake was frozen, Ivan said it was thawing.",
            [("it was thawing", "said", "Ivan"), ("the lake was frozen", "said", "Petra")],
        ),
        # "A said X, yet B believed Y": the second a complement of the first cue
        (
            "The pilot said the engine was fine, yet the mechanic believed the fuel line "
            "was cracked.",
            [
                ("the engine was fine", "said", "pilot"),
                ("the fuel line was cracked", "believed", "mechanic"),
            ],
        ),
    ],
)
def test_each_of_two_reports_has_its_own_content(
    extractor: Any, text: str, expected: list[tuple[str, str, str | None]]
) -> None:
    assert _quotes(extractor, text) == expected


def test_a_fronted_content_without_a_clause_after_the_cue_stays_the_cues() -> None:
    from quotecraft import extract

    quotes = extract("The lake was frozen, Ivan said.").quotes
    assert [(q.content.text, q.speaker.name if q.speaker else None) for q in quotes] == [
        ("The lake was frozen", "Ivan")
    ]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The minister said the talks had failed, adding that sanctions would follow.", "minister"),
        ("The curator said the vase was fake, noting that its glaze was modern.", "curator"),
    ],
)
def test_a_participle_cue_after_the_content_is_the_first_speakers(
    extractor: Any, text: str, speaker: str
) -> None:
    quotes = [q for q in extractor(text).quotes if q.cue is not None and q.cue.text.endswith("ing")]
    assert len(quotes) == 1
    assert quotes[0].speaker is not None and quotes[0].speaker.name == speaker


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # clauses listed after the first complement are one content with it
        (
            "Grace said the roof leaked, the walls were damp and the boiler was broken.",
            "the roof leaked, the walls were damp and the boiler was broken",
        ),
        (
            "The guide said the path was steep, the bridge was out, and the hut was closed.",
            "the path was steep, the bridge was out, and the hut was closed",
        ),
    ],
)
def test_listed_clauses_are_one_content(extractor: Any, text: str, content: str) -> None:
    assert _content(extractor, text, "said") == content


def test_a_question_after_the_content_is_not_listed_with_it(extractor: Any) -> None:
    # the parser makes "why should we even start" a second complement of "thinks"
    text = "Mara thinks the first task is hard, why should we even start, is there any point?"
    contents = [q.content.text for q in extractor(text).quotes]
    assert "the first task is hard" in contents


def test_a_coordinated_belief_with_its_own_clause_is_its_own_report(extractor: Any) -> None:
    assert _quotes(
        extractor, "Fatima thinks the election was fair, and her brother believes it was rigged."
    ) == [
        ("it was rigged", "believes", "her brother"),
        ("the election was fair", "thinks", "Fatima"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the report after an interposed attribution ends what it reads across
        (
            "The vote was close, Ahmed said, but Lina said the result was wrong.",
            [("The vote was close", "said", "Ahmed"), ("the result was wrong", "said", "Lina")],
        ),
        # a clause closed by a colon before the attribution is a heading, not its content
        (
            "Both sides claimed victory: the union said the strike had worked, and the company "
            "said it had lost nothing.",
            [
                ("it had lost nothing", "said", "company"),
                ("the strike had worked", "said", "union"),
            ],
        ),
    ],
)
def test_a_report_beside_a_fronted_or_interposed_content(
    extractor: Any, text: str, expected: list[tuple[str, str, str | None]]
) -> None:
    assert _quotes(extractor, text) == expected


def test_listed_that_clauses_are_one_content(extractor: Any) -> None:
    text = (
        "In her speech, the governor said the state was strong, that its farms were the best "
        "in the world, and that its future was bright."
    )
    assert _content(extractor, text, "said") == (
        "the state was strong, that its farms were the best in the world, and that its future "
        "was bright"
    )


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        # the fronted "As X said ..." clause runs to its comma, its time phrase with it
        (
            "As the minister said last week, the reforms will take time.",
            "said",
            "the reforms will take time",
        ),
        (
            "As Ellen noted in her blog on Monday, the ferry is often late.",
            "noted",
            "the ferry is often late",
        ),
        # a clause coordinated with a noun cue is not the noun's content
        (
            "Her claim that the data were stolen, and his insistence that they were lost, "
            "confused the jury.",
            "claim",
            "the data were stolen",
        ),
    ],
)
def test_a_content_does_not_take_the_attributions_words(
    extractor: Any, text: str, cue: str, content: str
) -> None:
    assert _content(extractor, text, cue) == content


@pytest.mark.parametrize(
    ("text", "date", "content"),
    [
        (
            "Harbour officials said Tuesday the ferry would resume in April.",
            "Tuesday",
            "the ferry would resume in April",
        ),
        ("The coach said on Friday his team was tired.", "on Friday", "his team was tired"),
        ("The coach said last week that his team was tired.", "last week", "his team was tired"),
    ],
)
def test_a_date_after_the_cue_dates_the_saying(
    extractor: Any, text: str, date: str, content: str
) -> None:
    (q,) = extractor(text).quotes
    assert q.content.text == content
    assert q.date is not None and q.date.text == date


def test_a_date_inside_the_clause_stays_there(extractor: Any) -> None:
    (q,) = extractor("She said Friday's vote was a disgrace.").quotes
    assert q.content.text == "Friday's vote was a disgrace"
    assert q.date is None


@pytest.mark.parametrize(
    ("text", "speaker", "words"),
    [
        # the parse gives the cue both subjects; the first, before the comma, is the clause's
        (
            "The new pool, the council said on Monday, will open in June.",
            "council",
            "The new pool will open in June",
        ),
        (
            "The old ferry, a harbour clerk said, would be sold.",
            "harbour clerk",
            "The old ferry would be sold",
        ),
    ],
)
def test_a_fronted_subject_starts_the_clause_across_the_attribution(
    extractor: Any, text: str, speaker: str, words: str
) -> None:
    (q,) = extractor(text).quotes
    assert q.content.text == text.rstrip(".")
    assert q.speaker is not None and q.speaker.name == speaker
    assert q.words == words


def test_a_quoted_predicate_ends_before_where_or_how_it_was_said() -> None:
    """'called the mayor a "clown" | on his radio show': after an object predicate in
    quotation marks, a medium or a date phrase, or a participle after the comma, is the
    speaker's; a phrase that goes on with the predicate stays (``a "scar" on the
    skyline``)."""
    from quotecraft.cues import default_lexicon
    from quotecraft.handbuilt import make_doc
    from quotecraft.reported_cuts import participle_tails

    def tails(pobj: str) -> list[str]:
        rows = [  # word, head, dep, pos
            ("Ann", 1, "nsubj", "PROPN"),
            ("called", 1, "ROOT", "VERB"),
            ("the", 3, "det", "DET"),
            ("mayor", 1, "dobj", "NOUN"),
            ("a", 6, "det", "DET"),
            ('"', 6, "punct", "PUNCT"),
            ("clown", 1, "oprd", "NOUN"),
            ('"', 6, "punct", "PUNCT"),
            ("on", 6, "prep", "ADP"),
            ("his", 10, "poss", "PRON"),
            (pobj, 8, "pobj", "NOUN"),
        ]
        words, heads, deps, pos = (list(col) for col in zip(*rows, strict=True))
        lemmas = [w if w != "called" else "call" for w in words]
        doc = make_doc(words, heads=heads, deps=deps, pos=pos, lemmas=lemmas)
        return [t.text for t in participle_tails(doc[6], default_lexicon())]

    assert tails("show") == ["on"]
    assert tails("street") == []
