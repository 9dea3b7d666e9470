"""Speaker resolution: one test per rule, including cases whose right answer is "unknown".

All texts are written for these tests.
"""

from __future__ import annotations

from typing import Any

import attrs
import pytest
from spacy.tokens import Doc

from quotecraft import Quote, SpeakerKind
from quotecraft.records import Resolution

pytestmark = pytest.mark.model


def _quotes(extractor: Any, text: str) -> tuple[Quote, ...]:
    art = extractor(text)
    assert art.quotes, f"no quote found in {text!r}"
    return art.quotes


def test_cluster_full_name_surname_and_pronoun(extractor: Any) -> None:
    text = (
        "Former NATO Secretary-General Jens Stoltenberg said the war must end. "
        "Stoltenberg added that talks were needed. “We are ready,” he said."
    )
    qs = _quotes(extractor, text)
    assert len(qs) == 3
    assert {q.speaker.id for q in qs if q.speaker} == {"S1"}
    assert all(q.speaker and q.speaker.name == "Jens Stoltenberg" for q in qs)
    assert [q.speaker.mention.text for q in qs if q.speaker and q.speaker.mention] == [
        "Former NATO Secretary-General Jens Stoltenberg",
        "Stoltenberg",
        "he",
    ]


def test_premodifier_title_and_organization(extractor: Any) -> None:
    (q,) = _quotes(
        extractor,
        "Ukrainian Foreign Ministry spokesman Oleg Nikolenko said the idea was unacceptable.",
    )
    assert q.speaker is not None
    assert (q.speaker.name, q.speaker.title, q.speaker.organization) == (
        "Oleg Nikolenko",
        "Ukrainian Foreign Ministry spokesman",
        "Ukrainian Foreign Ministry",
    )


def test_senator_with_party_tag(extractor: Any) -> None:
    (q,) = _quotes(extractor, "Sen. Elizabeth Warren (D-Mass.) said the bill would help families.")
    assert q.speaker is not None
    assert (q.speaker.name, q.speaker.title) == ("Elizabeth Warren", "Sen.")


def test_appositive_titles(extractor: Any) -> None:
    (q,) = _quotes(
        extractor,
        "Dana Whitfield, a spokeswoman for the Harbor Authority, said the pier would close.",
    )
    assert q.speaker is not None
    assert q.speaker.name == "Dana Whitfield"
    assert q.speaker.title == "spokeswoman"  # the role words; the body is the organization
    assert q.speaker.organization == "Harbor Authority"
    (q,) = _quotes(extractor, "Hugh Hill, a doctor, said the clinic was full.")
    assert q.speaker is not None and (q.speaker.name, q.speaker.title) == ("Hugh Hill", "doctor")
    # a capitalized title in apposition is not a second name ("Secretary" is no surname)
    (q,) = _quotes(
        extractor, "Mara Ellison, the General Secretary of the Union, said the strike was over."
    )
    assert q.speaker is not None
    assert (q.speaker.name, q.speaker.title) == ("Mara Ellison", "General Secretary of the Union")


def test_a_role_ends_before_the_time_it_was_held(extractor: Any) -> None:
    """Since when or for how long a person has held a role is no part of the title; a
    *for* phrase that is no stretch of time stays (``an advocate for human rights``)."""
    cases = [
        ("Ola Berg, the port's harbourmaster since 2011, said", "port's harbourmaster"),
        ("Ola Berg, the port's harbourmaster for 12 years, said", "port's harbourmaster"),
        ("The port's harbourmaster since 2011, Ola Berg, said", "port's harbourmaster"),
        ("Ola Berg, a spokeswoman for the port, said", "spokeswoman"),
        ("Ola Berg, a campaigner for workers' rights, said", "campaigner for workers' rights"),
    ]
    for opening, title in cases:
        (q,) = _quotes(extractor, f"{opening} the quay would close.")
        assert q.speaker is not None
        assert (q.speaker.name, q.speaker.title) == ("Ola Berg", title), opening


def test_apposition_makes_a_person_even_when_ner_says_otherwise(extractor: Any) -> None:
    (q,) = _quotes(
        extractor, "Smith, the council leader, told The Herald that the project was over budget."
    )
    assert q.speaker is not None
    assert (q.speaker.name, q.speaker.title, q.speaker.kind) == (
        "Smith",
        "council leader",
        SpeakerKind.PERSON,
    )


def _reparsed(extractor: Any, text: str, arcs: dict[str, tuple[str, str]]) -> Any:
    """``text`` parsed, then with the arcs the parser sometimes draws instead: each word
    (its first occurrence) -> (its head word, or itself for a root; its dependency)."""
    doc = extractor.nlp(text)
    words = [t.text for t in doc]
    heads = [t.head.i for t in doc]
    deps = [t.dep_ for t in doc]
    for word, (head, dep) in arcs.items():
        heads[words.index(word)], deps[words.index(word)] = words.index(head), dep
    return Doc(
        doc.vocab,
        words=words,
        spaces=[bool(t.whitespace_) for t in doc],
        heads=heads,
        deps=deps,
        tags=[t.tag_ for t in doc],
        pos=[t.pos_ for t in doc],
        lemmas=[t.lemma_ for t in doc],
        ents=[t.ent_iob_ + ("-" + t.ent_type_ if t.ent_type_ else "") for t in doc],
        sent_starts=[t.is_sent_start for t in doc],
    )


def test_a_name_apposed_to_a_misread_subject_is_the_mention(extractor: Any) -> None:
    # "the election" (the object of "until") read as the subject, the name apposed to
    # it: the name is the speaker and the mention, and the noun gives no title
    text = (
        "With 50 days until the election, Mina Holt, a senior adviser to the campaign, "
        "said the race was wide open."
    )
    misread = {"election": ("said", "nsubj"), "Holt": ("election", "appos")}
    (q,) = extractor.analyze(_reparsed(extractor, text, misread)).quotes
    assert q.speaker is not None and q.speaker.mention is not None
    assert (q.speaker.name, q.speaker.mention.text) == ("Mina Holt", "Mina Holt")
    assert q.speaker.title == "senior adviser to the campaign"
    # a real description keeps its mention
    (q,) = _quotes(extractor, "The city's chief engineer, Priya Raman, said the bridge was safe.")
    assert q.speaker is not None and q.speaker.mention is not None
    assert q.speaker.mention.text == "The city's chief engineer"


def test_a_cue_read_as_a_conjunct_of_the_quoted_verb_keeps_its_speaker(extractor: Any) -> None:
    # the parser makes "said" a conjunct of the quotation's verb "find" and the title
    # and name a "dep" of it: the speaker is the name just before the cue
    text = (
        "“I will make this promise to you: We will find out what happened,” Marlow police "
        "Chief Ines Varga said Monday. “We owe it to the families.”"
    )
    misread = {
        "find": ("find", "ROOT"),
        "said": ("find", "conj"),
        "Marlow": ("find", "dep"),
        "Chief": ("Marlow", "dobj"),
        "police": ("Chief", "compound"),
        "Varga": ("Chief", "appos"),
    }
    (q,) = extractor.analyze(_reparsed(extractor, text, misread)).quotes
    assert q.speaker is not None and q.speaker.name == "Ines Varga"
    # a conjunct after a scare quote keeps the first verb's subject
    text = 'Ines Varga called the ruling "absurd" and said she would appeal.'
    quotes = _quotes(extractor, text)
    assert all(q.speaker is not None and q.speaker.name == "Ines Varga" for q in quotes)


def test_a_narrative_verb_read_into_the_quotation_keeps_its_subject(extractor: Any) -> None:
    # the parser hangs "checks" (and "says", its conjunct) on the quoted verb "be" after
    # them: the speaker is the subject of "checks", not the quotation's "We"
    text = "The pilot checks the gauges and says, “We’re going to be fine, I promise.”"
    misread = {
        "be": ("be", "ROOT"),
        "going": ("be", "aux"),
        "checks": ("be", "ccomp"),
        "promise": ("be", "parataxis"),
    }
    (q,) = extractor.analyze(_reparsed(extractor, text, misread)).quotes
    assert q.speaker is not None and q.speaker.name == "pilot"


def test_relative_clause_is_not_part_of_the_name(extractor: Any) -> None:
    (q,) = _quotes(
        extractor, "The mayor, who has been in office since 2019, said taxes would fall."
    )
    assert q.speaker is not None
    assert q.speaker.title == "mayor"
    # no name in the article: the normalized description, not a guessed name
    assert q.speaker.name == "mayor"
    assert q.speaker.resolution is Resolution.UNRESOLVED
    assert q.speaker.name_mention is None
    assert q.speaker.mention is not None and "who" not in q.speaker.mention.text


def test_nominal_description_links_to_titled_entity(extractor: Any) -> None:
    text = "President Maria Santos visited the port. The Brazilian president said trade would grow."
    (q,) = _quotes(extractor, text)
    assert q.speaker is not None and q.speaker.name == "Maria Santos"
    assert q.speaker.mention is not None and q.speaker.mention.text == "The Brazilian president"


def test_nominal_without_antecedent_stays_unnamed(extractor: Any) -> None:
    (q,) = _quotes(extractor, "The spokesman said the office was closed.")
    assert q.speaker is not None
    assert (q.speaker.name, q.speaker.title, q.speaker.kind, q.speaker.resolution) == (
        "spokesman",
        "spokesman",
        SpeakerKind.PERSON,
        Resolution.UNRESOLVED,
    )


def test_pronoun_respects_gender(extractor: Any) -> None:
    text = "Mayor Ann Lee met Governor Tom Rusk on Monday. She said the budget was fine."
    (q,) = _quotes(extractor, text)
    assert q.speaker is not None and q.speaker.name == "Ann Lee"


def test_pronoun_without_antecedent_is_unknown(extractor: Any) -> None:
    (q,) = _quotes(extractor, "He said the budget was fine.")
    assert q.speaker is not None
    assert q.speaker.kind is SpeakerKind.UNKNOWN
    assert q.speaker.name in (None, "He")


def test_organizations_and_groups(extractor: Any) -> None:
    qs = _quotes(extractor, "The Kremlin said the talks had failed. NATO said it would respond.")
    assert [(q.speaker.name, q.speaker.kind) for q in qs if q.speaker] == [
        ("Kremlin", SpeakerKind.ORGANIZATION),
        ("NATO", SpeakerKind.ORGANIZATION),
    ]
    qs = _quotes(
        extractor,
        "Officials said the border was closed. A source familiar with the matter said the deal was off.",
    )
    assert [q.speaker.kind for q in qs if q.speaker] == [SpeakerKind.GROUP, SpeakerKind.GROUP]
    (q,) = _quotes(extractor, "The union said the strike would continue.")
    assert q.speaker is not None and q.speaker.kind is SpeakerKind.ORGANIZATION


def test_addressee_medium_and_date(extractor: Any) -> None:
    (q,) = _quotes(extractor, "Rutte told President Trump to reconsider the plan.")
    assert q.addressee is not None and q.addressee.mention is not None
    assert q.addressee.mention.text == "President Trump"
    (q,) = _quotes(
        extractor,
        "Jo Park said in an interview with The Daily Ledger on Monday, December 2nd, that rents were too high.",
    )
    assert q.medium is not None and q.medium.text == "an interview with The Daily Ledger"
    assert q.date is not None and q.date.text == "on Monday, December 2nd"
    (q,) = _quotes(extractor, "In a Facebook post, the union said the strike would continue.")
    assert q.medium is not None and q.medium.text == "a Facebook post"


def test_continuation_quote_inherits_speaker_and_mention(extractor: Any) -> None:
    text = "“We have seen this before,” said Councilman Derek Vance.\n\n“The numbers always look good on paper.”"
    qs = _quotes(extractor, text)
    assert len(qs) == 2
    assert qs[1].rule == "direct.continuation.v1"
    assert attrs.evolve(qs[0].speaker, resolution=Resolution.CONTINUATION) == qs[1].speaker
    assert qs[1].speaker is not None and qs[1].speaker.resolution is Resolution.CONTINUATION


def test_speaker_ids_follow_quote_order(extractor: Any) -> None:
    text = "Ann Lee said taxes would fall. Bo Chan said taxes would rise. Lee said she was sure."
    qs = _quotes(extractor, text)
    assert [q.speaker.id for q in qs if q.speaker] == ["S1", "S2", "S1"]


def test_possessor_is_not_the_speaker(extractor: Any) -> None:
    (q,) = _quotes(extractor, "Mayor Ann Lee's spokesperson said the pier would close.")
    assert q.speaker is not None
    assert q.speaker.resolution is Resolution.UNRESOLVED  # the spokesperson is unnamed
    assert q.speaker.name_mention is None
    assert q.speaker.name != "Ann Lee"
    assert q.speaker.title == "Mayor Ann Lee's spokesperson"
    (q,) = _quotes(extractor, "Acme's spokesperson, Jo Park, said the plant would close.")
    assert q.speaker is not None
    assert (q.speaker.name, q.speaker.organization) == ("Jo Park", "Acme")


# -- a cue the parser left without a subject (hand-built parses) ------------------------------

# "Alarmed by the vote in Ohio , Ann Lee , the mayor , said taxes would rise ."
# as the small model parses such sentences: "Lee" a conjunct of "Ohio", "said" with no subject
_STRANDED_WORDS = [
    "Alarmed", "by", "the", "vote", "in", "Ohio", ",", "Ann", "Lee", ",", "the", "mayor", ",",
    "said", "taxes", "would", "rise", ".",
]  # fmt: skip
_STRANDED_HEADS = [13, 0, 3, 1, 3, 4, 5, 8, 5, 8, 11, 8, 13, 13, 16, 16, 13, 13]
_STRANDED_DEPS = [
    "advcl", "prep", "det", "pobj", "prep", "pobj", "punct", "compound", "conj", "punct", "det",
    "appos", "punct", "ROOT", "nsubj", "aux", "ccomp", "punct",
]  # fmt: skip
_STRANDED_POS = [
    "VERB", "ADP", "DET", "NOUN", "ADP", "PROPN", "PUNCT", "PROPN", "PROPN", "PUNCT", "DET",
    "NOUN", "PUNCT", "VERB", "NOUN", "AUX", "VERB", "PUNCT",
]  # fmt: skip


def _stranded(ents: list[tuple[int, int, str]]) -> str | None:
    from quotecraft.attribution import attribute
    from quotecraft.testing import make_doc

    lemmas = [{"said": "say", "Alarmed": "alarm"}.get(w, w) for w in _STRANDED_WORDS]
    doc = make_doc(
        _STRANDED_WORDS,
        heads=_STRANDED_HEADS,
        deps=_STRANDED_DEPS,
        pos=_STRANDED_POS,
        lemmas=lemmas,
        ents=ents,
    )
    att = attribute(doc[13])
    return None if att.speaker is None else doc[att.speaker[0] : att.speaker[1]].text


def test_a_cue_without_subject_takes_the_name_just_before_it() -> None:
    assert _stranded([(5, 6, "GPE"), (7, 9, "PERSON")]) == "Ann Lee"


def test_no_name_before_a_cue_without_subject_means_no_speaker() -> None:
    # "the mayor" alone is no entity: unknown, not a guess
    assert _stranded([(5, 6, "GPE")]) is None


# (text, cue, speaker mention or None): how a cue without a subject of its own finds one
_CLIMBS = [
    # an infinitive on an adjective: the adjective's subject speaks
    ("Senator Ann Lee was quick to point out that the bill had passed.", "point out", "Senator Ann Lee"),
    # a participle on a passive verb: the passive subject is the doer
    ("The governor was sidelined after demonstrating that the plan would fail.", "demonstrating", "The governor"),
    # a noun cue held "in" or "under": the subject holds it
    ("The council acted in the belief that the loan would be repaid.", "belief", "The council"),
    # a participle on a noun: the group speaks for itself, a document for its issuer
    ("The Lee campaign issued a statement saying the report was false.", "saying", "The Lee campaign"),
    # poll shares: a percentage, or a number the parser hangs on the cue
    ("On taxes, 42% say they are worse off than last year.", "say", "42%"),
    ("About 4 in 10 say they want a new mayor.", "say", "About 4 in 10"),
]  # fmt: skip
_NO_SPEAKER = [
    # someone else made the suggestion Ann Lee reacted to
    "Senator Ann Lee bristled at the suggestion that she had misled voters.",
    # being careful about mentioning something is not mentioning it
    "Senator Ann Lee was cautious about mentioning any tax increase.",
    # a statement no one is said to have issued
    "A statement saying the report was false appeared online.",
]


@pytest.mark.parametrize(("text", "cue", "speaker"), _CLIMBS)
def test_cue_without_its_own_subject_finds_the_speaker(
    extractor: Any, text: str, cue: str, speaker: str
) -> None:
    quotes = [q for q in extractor(text).quotes if q.cue is not None and q.cue.text == cue]
    assert len(quotes) == 1, [(q.rule, q.content.text) for q in extractor(text).quotes]
    assert quotes[0].speaker is not None and quotes[0].speaker.mention is not None
    assert quotes[0].speaker.mention.text == speaker


@pytest.mark.parametrize("text", _NO_SPEAKER)
def test_cue_whose_speaker_is_someone_else_gives_no_quote_for_them(
    extractor: Any, text: str
) -> None:
    # reported content needs a speaker: none is found, so nothing is returned
    assert extractor(text).quotes == ()


def test_pronoun_agrees_in_gender_with_a_first_name(extractor: Any) -> None:
    text = "Laura Finch met Daniel Ortiz at the harbour. “The deal is done,” she said."
    (q,) = _quotes(extractor, text)
    assert q.speaker is not None and q.speaker.name == "Laura Finch"
    assert q.speaker.resolution is Resolution.PRONOUN
    assert q.speaker.name_mention is not None and q.speaker.name_mention.text == "Laura Finch"


def test_relative_pronoun_is_the_mention_and_its_antecedent_the_name(extractor: Any) -> None:
    text = "The plan was backed by Ilse Varga, who said it would cut costs."
    qs = [q for q in _quotes(extractor, text) if q.content.text.startswith("it would")]
    assert qs and qs[0].speaker is not None
    assert qs[0].speaker.mention is not None and qs[0].speaker.mention.text == "who"
    assert qs[0].speaker.name == "Ilse Varga"


def test_hyphenated_name_keeps_its_spelling(extractor: Any) -> None:
    (q,) = _quotes(extractor, "Anne-Marie Duval-Roche said the bridge would reopen.")
    assert q.speaker is not None and q.speaker.name == "Anne-Marie Duval-Roche"


def test_asking_speaker_is_not_the_addressee(extractor: Any) -> None:
    (q,) = _quotes(extractor, "“Who pays for the repairs?” asked Senator Olu Bakare.")
    assert q.speaker is not None and q.speaker.name == "Olu Bakare"
    assert q.addressee is None


def test_first_person_in_a_letter_is_its_signer(extractor: Any) -> None:
    text = (
        "Dear Ruth,\n\nThe garden is finally green again. I think the roses will survive the"
        " winter after all.\n\nWith love,\nGreta\n"
    )
    qs = [q for q in _quotes(extractor, text) if q.speaker is not None]
    assert qs and qs[0].speaker is not None
    assert (qs[0].speaker.name, qs[0].speaker.resolution) == ("Greta", Resolution.PRONOUN)


def test_first_person_without_an_author_stays_unresolved(extractor: Any) -> None:
    (q,) = _quotes(extractor, "I think the roses will survive the winter.")
    assert q.speaker is not None and q.speaker.name == "I"
    assert q.speaker.resolution is Resolution.UNRESOLVED


def test_surname_ahead_of_no_earlier_full_name_is_not_completed(extractor: Any) -> None:
    # no table of famous people: a bare surname stays as the text gives it
    (q,) = _quotes(extractor, "Johnson, the team's goalkeeper, said the season was over.")
    assert q.speaker is not None and q.speaker.name == "Johnson"


def test_pronoun_skips_a_person_of_the_other_gender(extractor: Any) -> None:
    text = "Brandon and his sister Greta walked in from the snow. “It is freezing out there,” she said."
    (q,) = _quotes(extractor, text)
    assert q.speaker is not None and (q.speaker.name, q.speaker.resolution) == (
        "Greta",
        Resolution.PRONOUN,
    )


def test_relative_pronoun_with_an_unnamed_antecedent(extractor: Any) -> None:
    text = "The firm refused to pay an architect who said he was owed money."
    qs = [q for q in _quotes(extractor, text) if q.content.text.startswith("he was")]
    assert qs and qs[0].speaker is not None
    assert (qs[0].speaker.name, qs[0].speaker.mention.text if qs[0].speaker.mention else None) == (
        "architect",
        "who",
    )


def test_coordinated_names_are_one_group(extractor: Any) -> None:
    (q,) = _quotes(extractor, "“We will not sell the farm,” said Marta and Jonas Berglund.")
    assert q.speaker is not None
    assert (q.speaker.kind, q.speaker.name, q.speaker.members) == (
        SpeakerKind.GROUP,
        "Marta and Jonas Berglund",
        ("Marta Berglund", "Jonas Berglund"),
    )


def test_a_report_by_a_body_is_that_body_speaking(extractor: Any) -> None:
    (q,) = _quotes(extractor, "According to a report by the Fiscal Council, growth will slow.")
    assert q.speaker is not None and q.speaker.name == "Fiscal Council"
    assert q.medium is not None and q.medium.text == "a report"


def test_a_portfolio_is_part_of_the_title_not_an_organization(extractor: Any) -> None:
    (q,) = _quotes(extractor, "Finance Minister Lena Vogt said the budget was balanced.")
    assert q.speaker is not None
    assert (q.speaker.title, q.speaker.organization) == ("Finance Minister", None)


def test_role_for_a_lowercase_body(extractor: Any) -> None:
    (q,) = _quotes(
        extractor, "A spokesman for the regional water authority said supplies were safe."
    )
    assert q.speaker is not None
    assert q.speaker.organization == "regional water authority"
    assert q.speaker.resolution is Resolution.UNRESOLVED


def test_a_bracketed_reference_number_is_not_the_subject() -> None:
    """A parse that makes ``[7]`` a second subject of ``argues``: the name speaks."""
    import spacy
    from spacy.tokens import Doc

    from quotecraft.attribution import _subject

    vocab = spacy.blank("en").vocab

    words = ["[", "7", "]", "Okafor", "argues", "that", "it", "works", "."]
    heads = [4, 4, 4, 4, 4, 7, 7, 4, 4]
    deps = ["dep", "nsubj", "dep", "nsubj", "ROOT", "mark", "nsubj", "ccomp", "punct"]
    doc = Doc(vocab, words=words, heads=heads, deps=deps)
    subject = _subject(doc[4], doc[4], passive=False)
    assert subject is not None and subject.text == "Okafor"
    alone = Doc(
        vocab,
        words=["[", "7", "]", "argues"],
        heads=[3, 3, 3, 3],
        deps=["dep", "nsubj", "dep", "ROOT"],
    )
    assert _subject(alone[3], alone[3], passive=False).text == "7"  # nothing better: kept


def test_a_name_with_a_number_is_no_person() -> None:
    """A tagger's PERSON entity holding a number is an event or a product (``Rewind 2013``)."""
    import spacy
    from spacy.tokens import Doc

    from quotecraft.speaker_names import looks_like_name

    doc = Doc(spacy.blank("en").vocab, words=["Harbour", "Fest", "2019", "with", "Louis", "XIV"])
    assert not looks_like_name(list(doc[0:3]))
    assert looks_like_name(list(doc[4:6]))  # a regnal number is a name's


@pytest.mark.parametrize(
    "text",
    [
        "Ilse Vanderbeek",
        "Seo-yeon Park",
        "Jae-won",
        "Okonkwo Achebe ran. He",
        "The mechanic wiped his hands. He",
        "Tom Hale, 34,",
        "The nurses left. They",
    ],
)
def test_a_text_that_ends_inside_a_name_or_a_pronoun_clue(extractor: Any, text: str) -> None:
    """The evidence steps for names and descriptions look a few tokens ahead and back;
    a text that ends there gives no quote and raises nothing."""
    assert extractor(text).quotes == ()


@pytest.mark.parametrize(
    "text",
    [
        "“You are early,” Ines Varga said to Victor Hale.",
        "“You are early,” said Ines Varga to Victor Hale.",  # the parse hangs 'to' on the name
    ],
)
def test_the_person_spoken_to_is_the_addressee(extractor: Any, text: str) -> None:
    (q,) = _quotes(extractor, text)
    assert q.speaker is not None and q.speaker.name == "Ines Varga"
    assert q.addressee is not None and q.addressee.name == "Victor Hale"


def test_a_line_that_calls_the_last_speaker_by_name_is_not_theirs(extractor: Any) -> None:
    text = "“Lunch is ready,” Omar Haddad told Nadia Petrov.\n\n“Thanks, Omar. I will come down.”"
    first, second = _quotes(extractor, text)
    assert first.speaker is not None and first.speaker.name == "Omar Haddad"
    assert second.speaker is not None and second.speaker.name == "Nadia Petrov"
    assert second.speaker.resolution is Resolution.TURN
    # without the name the line continues the speaker, as a quotation over two paragraphs does
    plain = text.replace("Thanks, Omar. ", "")
    assert _quotes(extractor, plain)[1].speaker.name == "Omar Haddad"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("line", "calls"),
    [
        ("Hello, Tom. Did you sleep well?", True),
        ("Tom, sit down.", True),
        ("Hey Tom, look at this.", True),
        ("Thank you, Mr. Reyes.", True),
        ("We owe it all to you, Tom!", True),
        ("Tom said he slept well.", False),
        ("Tomas is here.", False),
        ("I asked Tom about it.", False),
        ("Tom Reyes is late, again.", False),
    ],
)
def test_a_vocative_is_a_name_said_to_someone(line: str, calls: bool) -> None:
    from quotecraft.speaker_turns import addresses

    assert addresses(line, ["Tom Reyes"]) is calls


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # the tagger reads these first names as common nouns; a pronoun of their gender follows
        ("Mara set down her cup.", ["Mara"]),
        ('Ines looked up from the ledger. "Who sent you?" she asked.', ["Ines"]),
        ("Grace stood at the window. Then she turned.", ["Grace"]),
        # no pronoun, or one of the other gender, or a person named before it: no name
        ("Grace stood at the window.", []),
        ("Grace stood at the window. Then he turned.", []),
        ("Mara set down the cup. Tomas turned. She left.", []),
        # a pronoun inside a quotation is someone the speaker mentions
        ('Ines looked up. "She is not here," the clerk said.', []),
    ],
)
def test_misread_first_names(extractor: Any, text: str, names: list[str]) -> None:
    from quotecraft.speaker_untagged import misread_first_names

    doc = extractor.nlp(text)
    assert [sp.text for sp in misread_first_names(doc, frozenset())] == names


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Will Carter, the coach, said the team was ready.", "Will Carter"),
        ("Will Okafor told the council the bridge would reopen.", "Will Okafor"),
    ],
)
def test_a_first_name_read_as_a_verb_stays_in_the_name(
    extractor: Any, text: str, name: str
) -> None:
    (q,) = _quotes(extractor, text)
    assert q.speaker is not None and q.speaker.name == name


def test_a_question_keeps_its_auxiliary_out_of_the_name(extractor: Any) -> None:
    from quotecraft.speaker_names import name_tokens

    doc = extractor.nlp("Will Carter run again?")
    (person,) = [e for e in doc.ents if e.label_ == "PERSON"]
    assert person.text == "Will Carter"  # the tagger's entity; the name is Carter
    assert [t.text for t in name_tokens(person)] == ["Carter"]


# "Kofi and Ama walked home ." with Kofi tagged a person, Ama in no entity
_PAIRED_WORDS = ["Kofi", "and", "Ama", "walked", "home", "."]
_PAIRED_HEADS = [3, 0, 0, 3, 3, 3]
_PAIRED_DEPS = ["nsubj", "cc", "conj", "ROOT", "advmod", "punct"]
_PAIRED_POS = ["PROPN", "CCONJ", "PROPN", "VERB", "ADV", "PUNCT"]


@pytest.mark.parametrize(
    ("change", "names"),
    [
        ({}, ["Ama"]),  # paired with a person as the subject: a person
        ({"words": {1: "&"}}, []),  # "Kofi & Ama": a firm's name
        ({"deps": {0: "dobj"}, "pos": {3: "VERB"}}, []),  # the pair is no subject: things
        ({"ents": [(0, 1, "PERSON"), (5, 6, "ORG")], "words": {5: "Ama"}}, []),  # a body elsewhere
        ({"ents": [(0, 1, "ORG")]}, []),  # the partner is no person
    ],
)
def test_a_name_paired_with_a_person_as_subject_is_a_person(
    change: dict[str, Any], names: list[str]
) -> None:
    from quotecraft.speaker_names import title_sets
    from quotecraft.speaker_untagged import untagged_names
    from quotecraft.testing import make_doc

    words, deps, pos = list(_PAIRED_WORDS), list(_PAIRED_DEPS), list(_PAIRED_POS)
    for k, w in change.get("words", {}).items():
        words[k] = w
    for k, d in change.get("deps", {}).items():
        deps[k] = d
    for k, p in change.get("pos", {}).items():
        pos[k] = p
    if words[5] != ".":
        pos[5], deps[5] = "PROPN", "npadvmod"
    ents = change.get("ents", [(0, 1, "PERSON")])
    doc = make_doc(words, heads=_PAIRED_HEADS, deps=deps, pos=pos, ents=ents)
    assert [sp.text for sp in untagged_names(doc, title_sets(None))] == names


@pytest.mark.parametrize(
    ("text", "narrated"),
    [
        ("I told him the road was shut, but he said it was open.", ["I"]),
        ("“I held them,” he said, and I believed him.", ["I"]),
        ("We came early. I saw it,” she said.", []),  # a quotation opened before
        ("He wrote that ''my plan is sound,'' and I agreed.", ["I"]),
        ('"My boat is gone," he said.', []),
    ],
)
def test_narrated_first_person_skips_quoted_words(nlp: Any, text: str, narrated: list[str]) -> None:
    from quotecraft.speaker_uptake import narrated_first_person

    doc = nlp(text)
    found = [t.text for s in doc.sents for t in narrated_first_person(s)]
    assert found == narrated


@pytest.mark.parametrize(
    ("text", "gender"),
    [
        ("Brandt said he would not respond.", "male"),
        ("Okafor said she was proud of them.", "female"),
        ("Brandt said the bill was flawed.", None),
        ("Brandt told Lee he was wrong.", "male"),
    ],
)
def test_bound_gender_reads_the_pronoun_a_report_binds_to_its_speaker(
    nlp: Any, text: str, gender: str | None
) -> None:
    from quotecraft.speaker_gender import bound_gender

    doc = nlp(text)
    assert bound_gender(doc[0]) == gender


def test_a_person_name_ending_in_a_company_word_is_a_body() -> None:
    """entity_spans relabels a PERSON entity whose last word is of ``company_words``
    (the tagger's reading of an unknown company name), and no other."""
    import spacy

    from quotecraft.speaker_spans import entity_spans

    words = ["Halvorsen", "Shipping", "and", "Laura", "Banks", "met", "Shipping", "."]
    ents = ["B-PERSON", "I-PERSON", "O", "B-PERSON", "I-PERSON", "O", "B-PERSON", "O"]
    pos = ["PROPN", "PROPN", "CCONJ", "PROPN", "PROPN", "VERB", "PROPN", "PUNCT"]
    doc = Doc(spacy.blank("en").vocab, words=words, pos=pos, ents=ents)
    assert [(e.text, e.label_) for e in entity_spans(doc)] == [
        ("Halvorsen Shipping", "ORG"),
        ("Laura Banks", "PERSON"),
        ("Shipping", "PERSON"),  # one word alone: no name left to be a company's
    ]


def test_a_lowercase_verb_the_tagger_let_into_a_name_is_cut() -> None:
    """entity_spans drops a lowercase verb at either end of a person's or body's name
    (``Tom muttered``, read as one PERSON), and leaves other labels alone (``coming
    weeks``, a DATE)."""
    import spacy

    from quotecraft.speaker_spans import entity_spans

    words = ["Tom", "muttered", "in", "the", "coming", "weeks", "."]
    ents = ["B-PERSON", "I-PERSON", "O", "B-DATE", "I-DATE", "I-DATE", "O"]
    pos = ["PROPN", "VERB", "ADP", "DET", "VERB", "NOUN", "PUNCT"]
    doc = Doc(spacy.blank("en").vocab, words=words, pos=pos, ents=ents)
    assert [(e.text, e.label_) for e in entity_spans(doc)] == [
        ("Tom", "PERSON"),
        ("the coming weeks", "DATE"),
    ]


@pytest.mark.parametrize(
    ("first", "name"),
    [
        ("Ana", "Ana Cole"),  # a first name before a first name the tagger took for a product
        ("Senator", "Cole"),  # a title word is no part of the name
    ],
)
def test_a_first_name_taken_for_a_product_takes_the_first_name_before_it(
    first: str, name: str
) -> None:
    import spacy

    from quotecraft.speaker_spans import entity_spans, person_spans

    words = [first, "Cole", "said", "no", "."]
    doc = Doc(
        spacy.blank("en").vocab,
        words=words,
        pos=["PROPN", "PROPN", "VERB", "INTJ", "PUNCT"],
        heads=[1, 2, 2, 2, 2],
        deps=["compound", "nsubj", "ROOT", "dobj", "punct"],
        ents=["O", "B-PRODUCT", "O", "O", "O"],
    )
    assert [(sp.text, sp.label_) for sp in person_spans(doc, entity_spans(doc))][:1] == [
        (name, "PERSON" if " " in name else "PRODUCT")
    ]


def test_stated_they_needs_one_person_named_before_the_statement(nlp: Any) -> None:
    from quotecraft.speaker_gender import stated_they

    doc = nlp(
        "Jordan Vale, who uses they/them pronouns, spoke first. "
        'Ana Cole and Tom Hale (they/them) came later. "Ask them," Ivo said (they/them).'
    )
    first = {t.text: t.i for t in doc}
    mentions = [(first["Jordan"], 1), (first["Ana"], 2), (first["Tom"], 3), (first["Ivo"], 4)]
    quote = (doc.text.index('"Ask'), doc.text.index('," Ivo'))
    # Jordan Vale alone before the statement; two persons before the second: no one
    assert stated_they(doc, mentions, lambda i: quote[0] <= i < quote[1]) == {1, 4}


@pytest.mark.parametrize(
    ("earlier", "named"),
    [
        ("Officer", True),  # 'Officer Keely': the word with its capital after another word
        (".", False),  # only at the start of sentences: no evidence it is a name
    ],
)
def test_a_name_read_as_an_adverb_needs_evidence_from_the_text(earlier: str, named: bool) -> None:
    """``Keely said he ...``, *Keely* read as an adverb of *said*: the subject when the text
    writes it elsewhere as a name (:func:`quotecraft.name_ends.adverb_name`)."""
    import spacy

    from quotecraft.name_ends import adverb_name

    words = [earlier, "Keely", "left", ".", "Keely", "said", "he", "left", "."]
    doc = Doc(
        spacy.blank("en").vocab,
        words=words,
        pos=["PROPN", "ADV", "VERB", "PUNCT", "ADV", "VERB", "PRON", "VERB", "PUNCT"],
        tags=["NNP", "RB", "VBD", ".", "RB", "VBD", "PRP", "VBD", "."],
        heads=[2, 2, 2, 2, 5, 5, 7, 5, 5],
        deps=["nsubj", "advmod", "ROOT", "punct", "advmod", "ROOT", "nsubj", "ccomp", "punct"],
        sent_starts=[True, False, False, False, True, False, False, False, False],
    )
    assert adverb_name(doc[4], doc[5]) is named
    assert not adverb_name(doc[6], doc[5])  # no adverb


def _rows_doc(rows: list[tuple[str, str, str, int, str]]) -> Doc:
    """A parsed Doc from rows of (word, pos, tag, head, dep), heads absolute."""
    import spacy

    return Doc(
        spacy.blank("en").vocab,
        words=[r[0] for r in rows],
        pos=[r[1] for r in rows],
        tags=[r[2] for r in rows],
        heads=[r[3] for r in rows],
        deps=[r[4] for r in rows],
    )


def test_a_participle_read_as_the_subject_gives_the_name_in_its_phrase() -> None:
    """``Writing online, the mayor, Lisk, called it``, parsed with *Writing* the subject
    and *the mayor* in apposition to *online*: the subject is *mayor*
    (:func:`quotecraft.name_ends.participle_opener`)."""
    from quotecraft.name_ends import participle_opener

    doc = _rows_doc(
        [
            ("Writing", "VERB", "VBG", 8, "nsubj"),
            ("online", "NOUN", "NN", 0, "dobj"),
            (",", "PUNCT", ",", 1, "punct"),
            ("the", "DET", "DT", 4, "det"),
            ("mayor", "NOUN", "NN", 1, "appos"),
            (",", "PUNCT", ",", 4, "punct"),
            ("Lisk", "PROPN", "NNP", 4, "appos"),
            (",", "PUNCT", ",", 4, "punct"),
            ("called", "VERB", "VBD", 8, "ROOT"),
            ("it", "PRON", "PRP", 8, "dobj"),
            (".", "PUNCT", ".", 8, "punct"),
        ]
    )
    assert participle_opener(doc[0], doc[8]).text == "mayor"
    assert participle_opener(doc[4], doc[8]).text == "mayor"  # not a participle: itself


_TWEETED = [  # word, pos, tag, head, dep: "tweeted the goalkeeper, X Y, after it."
    ("tweeted", "VERB", "VBD", 0, "ROOT"),
    ("the", "DET", "DT", 2, "det"),
    ("goalkeeper", "NOUN", "NN", 0, "dobj"),
    (",", "PUNCT", ",", 0, "punct"),
]
_AFTER_IT = [(",", "PUNCT", ",", 0, "punct"), ("after", "ADP", "IN", 0, "prep")]
_AFTER_IT += [("it", "PRON", "PRP", 7, "pobj"), (".", "PUNCT", ".", 0, "punct")]


@pytest.mark.parametrize(
    ("middle", "apposed"),
    [
        # "Ivo Stanek" hung on the verb: the noun's apposition
        (
            [("Ivo", "PROPN", "NNP", 5, "compound"), ("Stanek", "PROPN", "NNP", 0, "npadvmod")],
            ["Stanek"],
        ),
        # "Stanek wrote": a clause, no name
        ([("Stanek", "PROPN", "NNP", 5, "nsubj"), ("wrote", "VERB", "VBD", 0, "npadvmod")], []),
    ],
)
def test_a_name_the_parser_hung_on_the_verb_is_the_apposition(
    middle: list[tuple[str, str, str, int, str]], apposed: list[str]
) -> None:
    """``tweeted the goalkeeper, Ivo Stanek, after it``, with *Stanek* a modifier of the
    verb: the name set off by commas right after the noun is its apposition
    (:func:`quotecraft.speaker_groups.appos_of`)."""
    from quotecraft.speaker_groups import appos_of

    doc = _rows_doc([*_TWEETED, *middle, *_AFTER_IT])
    assert [t.text for t in appos_of(doc[2])] == apposed


def test_a_pronoun_takes_the_object_a_gendered_noun_names_over_a_subject_of_no_gender() -> None:
    """``The envoy met the duchess. She ...``: the duchess; ``The envoy met her aunt. She
    ...``: *her* is the envoy's, so the envoy (:func:`quotecraft.speaker_gender.gendered_rival`)."""
    import spacy

    from quotecraft.speaker_gender import gendered_rival

    def parse(obj: list[str]) -> Doc:
        words = ["The", "envoy", "met", *obj, "."]
        return Doc(
            spacy.blank("en").vocab,
            words=words,
            pos=["DET", "NOUN", "VERB", "DET" if obj[0] == "the" else "PRON", "NOUN", "PUNCT"],
            tags=["DT", "NN", "VBD", "DT" if obj[0] == "the" else "PRP$", "NN", "."],
            heads=[1, 2, 2, 4, 2, 2],
            deps=["det", "nsubj", "ROOT", "det" if obj[0] == "the" else "poss", "dobj", "punct"],
        )

    doc = parse(["the", "duchess"])
    assert gendered_rival(doc[1], "female", lambda t: True) == doc[4]
    assert gendered_rival(doc[1], "male", lambda t: True) is None
    assert gendered_rival(doc[1], "female", lambda t: False) is None
    doc = parse(["her", "aunt"])
    assert gendered_rival(doc[1], "female", lambda t: True) is None
