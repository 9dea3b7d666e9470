"""Admission checks (quotecraft.admission): candidates no reading calls a quotation.

All texts are written for these tests. Each refused case must give no reported quote;
each admitted case is the same construction with a speaker or a content that does
report something, and must keep its quote.
"""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.model

OWN_ACTS = [
    # the writer's or the reader's own act or wish: an object or an infinitive
    "We want to thank the volunteers who cleaned the beach.",
    "I would like to welcome our guests from the harbour board.",
    "You may want to call a plumber before the pipes freeze.",
    "We offer a free trial to every new reader.",
    "We criticized the new schedule in our last issue.",
    "I promise a full refund to anyone who asks.",
    "In this chapter we propose a simpler method for counting birds.",
    "I urge the council to reopen the ferry route.",
    "I want them to leave the keys at the front desk.",
]

ADMITTED = [
    # rule, text, content
    # through a preposition a passive cue's participle is what was said of its subject,
    # read with the subject across the verb (reported_objects.passive_clause_end)
    ("reported.dobj.v1", "The harbour master was accused of hiding it.", "hiding it"),
    ("reported.dobj.v1", "The ferry firm was criticized for raising fares.", "raising fares"),
    # a pronoun subject is no content on its own: the prepositional content alone
    ("reported.prep_of.v1", "She was accused of hiding it.", "hiding it"),
    (
        "reported.xcomp.v1",
        "The mayor wants to rebuild the old bridge.",
        "to rebuild the old bridge",
    ),
    ("reported.xcomp.v1", "The minister urged the council to reopen the ferry route.", "to reopen"),
    ("reported.dobj.v1", "The union criticized the new schedule.", "the new schedule"),
    # a first-person statement with a clause is a view, and stays
    ("reported.ccomp.v1", "I think that the ferry will run again in May.", "the ferry will run"),
    ("reported.ccomp.v1", "We believe the bridge is safe.", "the bridge is safe"),
    # a belief whose content has a subject of its own is a view, not an act
    ("reported.ccomp.v1", "I expect the night ferry to stop in winter.", "the night ferry to stop"),
    ("reported.ccomp.v1", "I find the new timetable confusing.", "the new timetable confusing"),
    ("reported.ccomp.v1", "You told me that the shop was closed.", "the shop was closed"),
    ("reported.ccomp.v1", "I wonder whether the ferry will run.", "whether the ferry will run"),
]


def _reported(extractor: Any, text: str) -> list[Any]:
    return [q for q in extractor(text).quotes if q.rule.startswith("reported.")]


@pytest.mark.parametrize("text", OWN_ACTS)
def test_own_acts_are_not_reports(extractor: Any, text: str) -> None:
    assert [(q.rule, q.content.text) for q in _reported(extractor, text)] == []


@pytest.mark.parametrize(("rule", "text", "content"), ADMITTED)
def test_reports_with_a_speaker_or_a_clause_stay(
    extractor: Any, rule: str, text: str, content: str
) -> None:
    found = [(q.rule, q.content.text) for q in _reported(extractor, text)]
    assert any(r == rule and content in c for r, c in found), found


def test_finite_clause_test(extractor: Any) -> None:
    from quotecraft.admission import is_finite_clause

    doc = extractor.nlp("She said the plan works, asked them to leave and called it a mistake.")
    heads = {t.text: t for t in doc}
    assert is_finite_clause(heads["works"])
    assert not is_finite_clause(heads["leave"])
    assert not is_finite_clause(heads["mistake"])


def test_refusal_names_the_check(extractor: Any) -> None:
    from quotecraft.admission import CHECKS, refusal

    doc = extractor.nlp("We want to thank the volunteers.")
    cue = next(t for t in doc if t.lemma_ == "want")
    content = next(t for t in doc if t.lemma_ == "thank")
    assert refusal(cue, content) == "own_act"
    assert "own_act" in CHECKS
    doc = extractor.nlp("The mayor wants to thank the volunteers.")
    cue = next(t for t in doc if t.lemma_ == "want")
    content = next(t for t in doc if t.lemma_ == "thank")
    assert refusal(cue, content) is None


NO_SOURCE = [
    # "according to" + a word that names how things go, not who says so
    "The night ferry left the harbour at nine, according to plan.",
    "The lanterns were lit at dusk, according to custom.",
    "The festival closed with a parade, according to tradition.",
    # a criterion
    "The rowers were seated according to height.",
    "Ferry fares vary according to season.",
]

SOURCES = [
    ("The night ferry was late again, according to the harbour master.", "harbour master"),
    (
        "The lanterns were lit too early, according to the festival's own schedule committee.",
        "committee",
    ),
]


@pytest.mark.parametrize("text", NO_SOURCE)
def test_according_to_a_non_source_is_no_quote(extractor: Any, text: str) -> None:
    assert [(q.rule, q.content.text) for q in extractor(text).quotes] == []


@pytest.mark.parametrize(("text", "speaker"), SOURCES)
def test_according_to_a_source_is_a_quote(extractor: Any, text: str, speaker: str) -> None:
    (q,) = extractor(text).quotes
    assert q.cue is not None and q.cue.text.lower() == "according to"
    assert q.speaker is not None and speaker in (q.speaker.name or "")


def test_names_no_source(extractor: Any) -> None:
    from quotecraft.admission import names_no_source

    doc = extractor.nlp("The ferry left, according to plan, and arrived, according to the captain.")
    first, second = (t for t in doc if t.lower_ == "according")
    assert names_no_source(first)
    assert not names_no_source(second)


NOT_STATEMENTS = [
    # a negated speech cue (or one with a negative subject) whose content asks whether
    "The harbour master did not say whether the night ferry would run.",
    "The council has not said if the library will reopen.",
    "No official would say whether the border crossing would reopen.",
    "Nobody at the club would say if the coach had resigned.",
    "Neither bakery would confirm whether the prices would rise.",
]

NEGATED_STATEMENTS = [
    # a negated cue with a statement, a negated belief, an asking verb: kept
    ("The senator never said that she would run for a third term.", "she would run"),
    ("The coach did not know whether the striker was fit.", "whether the striker was fit"),
    ("Dr. Amara Singh asked whether the clinic would stay open.", "whether the clinic would"),
    ("Nobody told the tenants that the building had been sold.", "the building had been sold"),
]


@pytest.mark.parametrize("text", NOT_STATEMENTS)
def test_negated_whether_is_no_statement(extractor: Any, text: str) -> None:
    assert [(q.rule, q.content.text) for q in _reported(extractor, text)] == []


@pytest.mark.parametrize(("text", "content"), NEGATED_STATEMENTS)
def test_negated_statements_stay(extractor: Any, text: str, content: str) -> None:
    found = [q.content.text for q in _reported(extractor, text)]
    assert any(content in c for c in found), found


@pytest.mark.parametrize(
    ("text", "negated"),
    [
        ("Nobody told the tenants that the building had been sold.", True),
        ("No engineer has claimed that the old bridge is unsafe.", True),
        ("The senator never said that she would run for a third term.", True),
        ("Every engineer has claimed that the old bridge is unsafe.", False),
    ],
)
def test_negative_subject_negates_the_cue(extractor: Any, text: str, negated: bool) -> None:
    # "Nobody said X" is no one's statement of X: the cue says so, as "never said" does
    cues = [q.cue for q in _reported(extractor, text)]
    assert cues and all(c is not None and c.negated is negated for c in cues), cues


IMPERSONAL = [
    # the dummy "it" of an impersonal phrase is no speaker
    "It is too early to tell whether the new vaccine works.",
    "It is fair to say that the season was a disappointment.",
    "It's safe to say the hotel will not get a good review.",
    "It goes without saying that the merger hurt the town.",
    "In hindsight it is easy to say that the warning signs were there.",
]

PERSONAL = [
    # a subject that can speak, or an "it" that is the cue's own subject: kept
    ("Ms. Ortiz was quick to say that the figures were wrong.", "Ortiz"),
    ("The ministry was keen to stress that the figures were provisional.", "ministry"),
    ("The agency published its report. It said that the river was polluted.", "It"),
]


@pytest.mark.parametrize("text", IMPERSONAL)
def test_impersonal_it_is_no_speaker(extractor: Any, text: str) -> None:
    # the writer's view: kept, with no speaker (PolNeAR annotates it so)
    (q,) = _reported(extractor, text)
    assert q.speaker is None


@pytest.mark.parametrize(("text", "speaker"), PERSONAL)
def test_a_real_subject_of_an_infinitive_cue_stays(extractor: Any, text: str, speaker: str) -> None:
    found = _reported(extractor, text)
    assert found, text
    mention = found[-1].speaker.mention if found[-1].speaker else None
    assert mention is not None and speaker in mention.text


EXAMPLE_SAY = [
    # "say" as "for example": a singular noun after it is an example, not a speaker
    "To make the dough, say, a pound of flour, mix it with water.",
    "Take a city, say Lisbon, and count its bridges.",
    "You could hire a tutor, say a retired teacher, for a few weeks.",
]

INVERTED_SAY = [
    # an inverted attribution has a plural subject, which "say" agrees with
    ("Prices will rise again next spring, say analysts at the bank.", "analysts"),
    ("The harvest was poor, say farmers in the valley.", "farmers"),
    ("The harvest was poor, say Lena Berg and her brother.", "Lena Berg"),
    ("Fares are too high, say 58% of commuters.", "58%"),
    ("On fares, 58% say the ferry is too expensive.", "58%"),
]


@pytest.mark.parametrize("text", EXAMPLE_SAY)
def test_say_for_example_is_no_cue(extractor: Any, text: str) -> None:
    assert [(q.rule, q.content.text) for q in _reported(extractor, text)] == []


@pytest.mark.parametrize(("text", "speaker"), INVERTED_SAY)
def test_inverted_say_keeps_its_speaker(extractor: Any, text: str, speaker: str) -> None:
    (q,) = _reported(extractor, text)
    assert q.cue is not None and q.cue.text == "say"
    assert q.speaker is not None and q.speaker.mention is not None
    assert speaker in q.speaker.mention.text


@pytest.mark.parametrize(
    ("text", "cue_text", "content_text", "check"),
    [
        ("Mr. Li did not say whether the mill would close.", "say", "close", "no_statement"),
        # a refusal's infinitive that asks whether states nothing either
        ("The firm refused to say whether the mill would close.", "refused", "say", "no_statement"),
        # anonymity asked for or kept: a surname withheld is a name withheld
        (
            "A cook, who asked that her surname not be used, left.",
            "asked",
            "used",
            "no_statement",
        ),
        ("A driver who declined to give his surname left.", "declined", "give", "no_statement"),
        ("Take a city, say Lisbon, and count its bridges.", "say", "Take", "example_say"),
        # a passive cue's participle says how: no report
        ("Street names are written using the old spelling.", "written", "using", "passive_manner"),
        ("The drop can be explained using a simple model.", "explained", "using", "passive_manner"),
        # a time clause the parser hung on "ask": after its prepositional object, or fronted
        (
            "The pilot asked for a new heading when the fog thickened.",
            "asked",
            "thickened",
            "adverbial_wh",
        ),
        (
            "When the fog thickened, the pilot asked the tower for a new heading.",
            "asked",
            "thickened",
            "adverbial_wh",
        ),
        # a clause opened by "what" is the subject of the verb the parser gave the cue
        ("What the tenants think is hard to know.", "think", "is", "free_relative"),
        (
            "What the coach believes matters less than results.",
            "believes",
            "matters",
            "free_relative",
        ),
        # a relative clause on the object of a cue that neither tells nor asks
        (
            "I don't want to call my uncle who is probably at the races.",
            "call",
            "is",
            "relative_on_object",
        ),
        # a cleft's verb with a modal of possibility or duty: what one could say
        ("All I can promise is that the ferry will run.", "promise", "run", "possible_cleft"),
        ("Most riders find it hard to sleep on the night bus.", "find", "hard", "hard_to_do"),
        (
            "What the council should admit is that the bridge failed.",
            "admit",
            "failed",
            "possible_cleft",
        ),
        (
            "The one thing the mayor can promise is that the bridge will open.",
            "promise",
            "open",
            "possible_cleft",
        ),
        # a term named with quotation marks of its own before the noun
        ('This habit is called the "sunk cost" fallacy.', "called", "fallacy", "quoted_term"),
        ('Doctors call this the "rest and digest" state.', "call", "state", "quoted_term"),
        # the object before a that clause of the same cue is whom it was said to
        (
            "Tom Berg promised the council that taxes would not rise.",
            "promised",
            "council",
            "object_beside_clause",
        ),
        # with no "that", when the object names people and the clause follows it
        (
            "Ada Lind promised her children she would never leave.",
            "promised",
            "children",
            "object_beside_clause",
        ),
    ],
)
def test_refusal_names_the_new_checks(
    extractor: Any, text: str, cue_text: str, content_text: str, check: str
) -> None:
    from quotecraft.admission import CHECKS, refusal

    doc = extractor.nlp(text)
    cue = next(t for t in doc if t.text == cue_text)
    content = next(t for t in doc if t.text == content_text)
    assert check in CHECKS
    assert refusal(cue, content, extractor.lexicon) == check


@pytest.mark.parametrize(
    ("text", "cue_text", "content_text"),
    [
        ('Neighbours called the renovation "transformative."', "called", "transformative"),
        # a possessive apostrophe in the marks closes nothing
        (
            "Ana Lee called the young frontrunner “the lobbyists’ best recruiter.”",
            "called",
            "recruiter",
        ),
    ],
)
def test_a_quoted_predicate_is_no_term(
    extractor: Any, text: str, cue_text: str, content_text: str
) -> None:
    from quotecraft.admission_forms import quoted_term

    doc = extractor.nlp(text)
    cue = next(t for t in doc if t.text == cue_text)
    content = next(t for t in doc if t.text == content_text)
    assert content.dep_ == "oprd"  # the reading the check is about
    assert not quoted_term(cue, content)


def test_a_question_hung_on_ask_as_an_adverbial_clause_is_admitted(extractor: Any) -> None:
    from quotecraft.admission import refusal

    doc = extractor.nlp("Parents asked the school when the leaking roof would be fixed.")
    asked, fixed = doc[1], next(t for t in doc if t.text == "fixed")
    assert fixed.dep_ == "advcl" and fixed.head.i == asked.i  # the misreading this is about
    assert refusal(asked, fixed, extractor.lexicon) is None


IDIOMS = [
    # "That said," is a connective; "time will tell" is an idiom
    "That said, the ferry was clean and the crew were friendly.",
    "This being said, the second half of the book drags.",
    "Time will tell whether the new harbour master can cope.",
    "Only time will tell if the repaired pier holds.",
]

NOT_IDIOMS = [
    ("That said, Ines Varga added that the ferry was clean.", "the ferry was clean"),
    ("The captain told us that time was running out.", "time was running out"),
    ("Lena said that the ferry was late.", "the ferry was late"),
]


@pytest.mark.parametrize("text", IDIOMS)
def test_idioms_with_cue_words_are_no_reports(extractor: Any, text: str) -> None:
    assert [(q.rule, q.content.text) for q in _reported(extractor, text)] == []


@pytest.mark.parametrize(("text", "content"), NOT_IDIOMS)
def test_reports_beside_idioms_stay(extractor: Any, text: str, content: str) -> None:
    assert [q.content.text for q in _reported(extractor, text)] == [content]


def test_impersonal_it_finds_the_dummy_it(extractor: Any) -> None:
    from quotecraft.admission import impersonal_it

    doc = extractor.nlp("It is fair to say that the plan failed. It said that the plan failed.")
    first, second = (t for t in doc if t.lemma_ == "say")
    content = [t for t in doc if t.text == "failed"]
    assert impersonal_it(first, content[0])
    assert not impersonal_it(second, content[1])


QUESTIONS_ABOUT_WHO = [
    "Who says the night ferry can't run in winter?",
    "Who told you that the harbour was closed?",
    "Which official announced that the pier would close?",
]

RELATIVE_WHO = [
    ("The pilots who said the fog was too thick were right.", "the fog was too thick"),
    ("Lena asked who had said that the pier was unsafe.", "who had said that the pier"),
]


@pytest.mark.parametrize("text", QUESTIONS_ABOUT_WHO)
def test_a_question_word_is_no_speaker(extractor: Any, text: str) -> None:
    assert [(q.rule, q.content.text) for q in _reported(extractor, text)] == []


@pytest.mark.parametrize(("text", "content"), RELATIVE_WHO)
def test_relative_who_and_indirect_questions_stay(extractor: Any, text: str, content: str) -> None:
    found = [q.content.text for q in _reported(extractor, text)]
    assert any(content in c for c in found), found


SEEN_OR_HEARD = [
    # a perception verb with a bare infinitive: an event, not a statement
    "Coach Peter Haldane watched his daughter Mia win the final.",
    "The neighbours heard the shed door slam twice before midnight.",
    "Two guards noticed a van leave the yard without lights.",
    # a participle with its own subject: what was seen or heard going on
    "The lodgers heard the landlady singing in the kitchen.",
    "From the bridge we watched the barges drifting downstream.",
    "The said property shall pass to the trust on the death of the tenant.",
    "The said sum was paid into the court in March.",
]

STATED_BESIDE_SEEN = [
    # the same verbs with a clause of their own report what was seen or learned
    (
        "The inspector noticed that the fire doors had been locked.",
        "the fire doors had been locked",
    ),
    ("Ruth said the shed door had slammed twice.", "the shed door had slammed twice"),
    ("The coach felt that the referee had been unfair.", "the referee had been unfair"),
    ("Most voters feel the tax is too high.", "the tax is too high"),
    # a view of something, not of what is hard to do
    ("Most voters found the debate confusing.", "the debate confusing"),
    # evidence that "sees" something going on forecasts it
    ("Recent polls see the mayor losing her seat.", "the mayor losing her seat"),
]


@pytest.mark.parametrize("text", SEEN_OR_HEARD)
def test_events_seen_and_the_said_thing_are_no_reports(extractor: Any, text: str) -> None:
    assert [(q.rule, q.content.text) for q in _reported(extractor, text)] == []


@pytest.mark.parametrize(("text", "content"), STATED_BESIDE_SEEN)
def test_clauses_of_perception_and_speech_stay(extractor: Any, text: str, content: str) -> None:
    assert [q.content.text for q in _reported(extractor, text)] == [content]


@pytest.mark.parametrize(
    ("text", "cue_text", "content_text", "check"),
    [
        ("The said property shall pass to the trust.", "said", "pass", "said_adjective"),
        ("Peter watched his daughter win the final.", "watched", "win", "perceived_event"),
        ('"No," Mara said, shaking her head.', "said", "shaking", "manner_aside"),
    ],
)
def test_refusal_names_the_session_six_checks(
    extractor: Any, text: str, cue_text: str, content_text: str, check: str
) -> None:
    from quotecraft.admission import refusal

    doc = extractor.nlp(text)
    cue = next(t for t in doc if t.text == cue_text)
    content = next(t for t in doc if t.text == content_text)
    assert refusal(cue, content, extractor.lexicon) == check


def test_a_refusal_to_do_something_else_is_admitted(extractor: Any) -> None:
    from quotecraft.admission import refusal

    doc = extractor.nlp("The firm refused to sell the mill.")
    cue = next(t for t in doc if t.text == "refused")
    content = next(t for t in doc if t.text == "sell")
    assert refusal(cue, content, extractor.lexicon) is None


MANNER_ASIDES = [
    # a participle after a comma right after the cue, its adverb or its object: the manner
    '"No," Mara said, shaking her head.',  # the parser's xcomp: refused by manner_aside
    '"Enough," Petra said, slamming the ledger shut.',
    '"Later," the porter said quietly, lifting the trunk.',
    '"Run," Omar told them, pointing at the gate.',
]

GERUND_CONTENTS = [
    # the same participle as the cue's object, with no comma: what was said
    ("The clerk admitted losing the ledger.", "losing the ledger"),
    ("Two neighbours reported seeing smoke above the mill.", "seeing smoke above the mill"),
]


@pytest.mark.parametrize("text", MANNER_ASIDES)
def test_a_participle_of_manner_is_no_report(extractor: Any, text: str) -> None:
    assert [(q.rule, q.content.text) for q in _reported(extractor, text)] == []
    assert len(extractor(text).quotes) == 1  # the direct quote stays


@pytest.mark.parametrize(("text", "content"), GERUND_CONTENTS)
def test_a_gerund_object_stays(extractor: Any, text: str, content: str) -> None:
    assert [q.content.text for q in _reported(extractor, text)] == [content]


def test_a_cleft_of_what_was_said_is_admitted(extractor: Any) -> None:
    """``would`` reports what was said: only modals of possibility or duty refuse."""
    from quotecraft.admission import refusal

    doc = extractor.nlp("All the captain would say was that the ferry will run.")
    cue = next(t for t in doc if t.text == "say")
    content = next(t for t in doc if t.text == "run")
    assert refusal(cue, content, extractor.lexicon) is None


def _parsed(words: list[str], heads: list[int], deps: list[str]) -> Any:
    """A doc with the parse given, so a check is tested on the reading it is about."""
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    return Doc(Vocab(), words=words, heads=heads, deps=deps)


def test_a_content_a_semicolon_sets_apart_is_refused() -> None:
    from quotecraft.admission_forms import set_apart

    # "Habits are shaped by memory; however, the easiest place to see them is a kitchen."
    # with the clause after the semicolon hung on "shaped", as the parser may
    words = [
        "Habits",
        "are",
        "shaped",
        "by",
        "memory",
        ";",
        "however",
        ",",
        "the",
        "place",
        "is",
        "a",
        "kitchen",
        ".",
    ]
    heads = [2, 2, 2, 2, 3, 2, 10, 10, 9, 10, 2, 12, 10, 2]
    deps = ["nsubjpass", "auxpass", "ROOT", "agent", "pobj", "punct", "advmod", "punct"]
    deps += ["det", "nsubj", "ccomp", "det", "attr", "punct"]
    doc = _parsed(words, heads, deps)
    assert set_apart(doc[2], doc[10])
    # without the semicolon the same parse is a report
    words[5] = ","
    doc = _parsed(words, heads, deps)
    assert not set_apart(doc[2], doc[10])


def test_a_content_alone_in_brackets_is_refused() -> None:
    from quotecraft.admission_forms import set_apart

    # "The monks kept books called codices (the singular is codex)."
    words = [
        "The",
        "monks",
        "kept",
        "books",
        "called",
        "codices",
        "(",
        "the",
        "singular",
        "is",
        "codex",
        ")",
        ".",
    ]
    heads = [1, 2, 2, 2, 3, 4, 9, 8, 9, 2, 9, 9, 2]
    deps = ["det", "nsubj", "ROOT", "dobj", "acl", "oprd", "punct", "det", "nsubj", "ccomp"]
    deps += ["attr", "punct", "punct"]
    doc = _parsed(words, heads, deps)
    assert set_apart(doc[2], doc[9])
    # brackets round a part of the content only: "said (in May) that it was over"
    words = ["He", "said", "(", "in", "May", ")", "that", "it", "was", "over", "."]
    heads = [1, 1, 3, 1, 3, 3, 8, 8, 1, 8, 1]
    deps = ["nsubj", "ROOT", "punct", "prep", "pobj", "punct", "mark", "nsubj", "ccomp"]
    deps += ["acomp", "punct"]
    doc = _parsed(words, heads, deps)
    assert not set_apart(doc[1], doc[8])


def _hand_parse(rows: list[tuple[str, int, str, str, str]], tags: list[str] | None = None) -> Any:
    """A parse from rows of (word, head, dep, pos, lemma), with fine tags if given."""
    from quotecraft.handbuilt import make_doc

    words, heads, deps, pos, lemmas = (list(col) for col in zip(*rows, strict=True))
    return make_doc(words, heads=heads, deps=deps, pos=pos, lemmas=lemmas, tags=tags)


def test_quoted_subject_of_a_bare_copula_is_no_content() -> None:
    """'"No comment," was all the office would say': the parse may make *was* (with the
    quoted words its subject) the clause of *say*; it states nothing (``bare_copula``).
    The same copula with a predicate is a content."""
    from quotecraft.admission import refusal

    doc = _hand_parse(
        [
            ('"', 10, "punct", "PUNCT", '"'),
            ("No", 2, "det", "DET", "no"),
            ("comment", 5, "nsubj", "NOUN", "comment"),
            (",", 5, "punct", "PUNCT", ","),
            ('"', 5, "punct", "PUNCT", '"'),
            ("was", 10, "ccomp", "AUX", "be"),
            ("all", 8, "predet", "DET", "all"),
            ("the", 8, "det", "DET", "the"),
            ("office", 10, "nsubj", "NOUN", "office"),
            ("would", 10, "aux", "AUX", "would"),
            ("say", 10, "ROOT", "VERB", "say"),
            (".", 10, "punct", "PUNCT", "."),
        ]
    )
    assert refusal(doc[10], doc[5]) == "bare_copula"
    doc = _hand_parse(
        [
            ('"', 1, "punct", "PUNCT", '"'),
            ("Tolls", 3, "nsubj", "NOUN", "toll"),
            ('"', 1, "punct", "PUNCT", '"'),
            ("were", 9, "ccomp", "AUX", "be"),
            ("unfair", 3, "acomp", "ADJ", "unfair"),
            (",", 9, "punct", "PUNCT", ","),
            ("the", 7, "det", "DET", "the"),
            ("guard", 9, "nsubj", "NOUN", "guard"),
            ("would", 9, "aux", "AUX", "would"),
            ("say", 9, "ROOT", "VERB", "say"),
            (".", 9, "punct", "PUNCT", "."),
        ]
    )
    assert refusal(doc[9], doc[3]) is None


def test_a_participle_with_words_of_its_own_on_a_named_object_is_a_relative_clause() -> None:
    """'called the guards stationed at the gate': a relative clause on the object
    (``reduced_relative``); 'called the decision shortsighted' names a judgement."""
    from quotecraft.admission import refusal

    rows = [
        ("She", 1, "nsubj", "PRON", "she"),
        ("called", 1, "ROOT", "VERB", "call"),
        ("the", 3, "det", "DET", "the"),
        ("guards", 1, "dobj", "NOUN", "guard"),
        ("stationed", 3, "acl", "VERB", "station"),
        ("outside", 4, "advmod", "ADV", "outside"),
        (".", 1, "punct", "PUNCT", "."),
    ]
    tags = ["PRP", "VBD", "DT", "NNS", "VBN", "RB", "."]
    doc = _hand_parse(rows, tags)
    assert refusal(doc[1], doc[4]) == "reduced_relative"
    doc = _hand_parse([*rows[:5], rows[6]], [*tags[:5], "."])  # "She called the guards stationed."
    assert refusal(doc[1], doc[4]) is None


def test_a_noun_after_a_clause_is_the_writers_comment() -> None:
    """'said the vote was fair, a claim voters disputed': the parse may make the noun a
    second complement of *said*; with a clause of its own subject on it, it comments on
    what was said (``comment_noun``). Read as the subject of a clause (*a claim voters*
    of *disputed*), only a cue noun is a comment: *a recount ended it* is a listed clause."""
    from quotecraft.admission import refusal

    rows = [
        ("The", 1, "det", "DET", "the"),
        ("board", 2, "nsubj", "NOUN", "board"),
        ("said", 2, "ROOT", "VERB", "say"),
        ("the", 4, "det", "DET", "the"),
        ("vote", 5, "nsubj", "NOUN", "vote"),
        ("was", 2, "ccomp", "AUX", "be"),
        ("fair", 5, "acomp", "ADJ", "fair"),
        (",", 5, "punct", "PUNCT", ","),
        ("a", 9, "det", "DET", "a"),
        ("claim", 2, "ccomp", "NOUN", "claim"),
        ("voters", 11, "nsubj", "NOUN", "voter"),
        ("disputed", 9, "relcl", "VERB", "dispute"),
        (".", 2, "punct", "PUNCT", "."),
    ]
    doc = _hand_parse(rows)
    assert refusal(doc[2], doc[9]) == "comment_noun"
    assert refusal(doc[2], doc[11]) == "comment_noun"  # the clause on the noun
    # "a claim voters disputed" read as the subject of a clause of *said*
    rows[9:12] = [
        ("claim", 10, "compound", "NOUN", "claim"),
        ("voters", 11, "nsubj", "NOUN", "voter"),
        ("disputed", 2, "ccomp", "VERB", "dispute"),
    ]
    doc = _hand_parse(rows)
    assert refusal(doc[2], doc[11]) == "comment_noun"
    rows[9:12] = [
        ("recount", 11, "nsubj", "NOUN", "recount"),
        ("ended", 2, "ccomp", "VERB", "end"),
        ("it", 11, "dobj", "PRON", "it"),
    ]
    doc = _hand_parse(rows)
    assert refusal(doc[2], doc[10]) is None


def test_a_participle_after_the_cues_phrase_of_time_is_the_manner() -> None:
    """'testified on Monday, his voice shaking': the participle after the comma that
    closes the cue's phrase says how it was said (``manner_aside``)."""
    from quotecraft.admission import refusal

    rows = [
        ("Ferrand", 1, "nsubj", "PROPN", "Ferrand"),
        ("testified", 1, "ROOT", "VERB", "testify"),
        ("on", 1, "prep", "ADP", "on"),
        ("Monday", 2, "pobj", "PROPN", "Monday"),
        (",", 1, "punct", "PUNCT", ","),
        ("his", 6, "poss", "PRON", "his"),
        ("voice", 7, "nsubj", "NOUN", "voice"),
        ("shaking", 1, "ccomp", "VERB", "shake"),
        (".", 1, "punct", "PUNCT", "."),
    ]
    tags = ["NNP", "VBD", "IN", "NNP", ",", "PRP$", "NN", "VBG", "."]
    doc = _hand_parse(rows, tags)
    assert refusal(doc[1], doc[7]) == "manner_aside"
    # without the comma the participle is no aside: 'admitted on Monday taking the money'
    no_comma = [r if k != 4 else ("then", 1, "advmod", "ADV", "then") for k, r in enumerate(rows)]
    doc = _hand_parse(no_comma, [*tags[:4], "RB", *tags[5:]])
    assert refusal(doc[1], doc[7]) != "manner_aside"
