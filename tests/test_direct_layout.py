"""Direct quotes in fiction, letter and interview layouts: lead-ins, two attributions in a
row, a split around a manner adjective. Sentences written for these tests."""

from __future__ import annotations

from typing import Any

import pytest

from quotecraft import Article, Quote


def _directs(art: Article) -> list[Quote]:
    return [q for q in art.quotes if q.kind.value == "direct"]


def _seen(art: Article) -> list[tuple[str, str | None, str | None]]:
    return [
        (q.content.text, q.cue.text if q.cue else None, q.speaker.name if q.speaker else None)
        for q in _directs(art)
    ]


@pytest.mark.model
def test_two_attributions_in_a_row_give_two_quotes(extractor: Any) -> None:
    """'I said, "A" and he said, "B."': the words after A lead into B; A has its own."""
    art = extractor('Nora Vik said, "Call me when you land" and Tor Lund said, "Only if it rains."')
    assert _seen(art) == [
        ("Call me when you land", "said", "Nora Vik"),
        ("Only if it rains.", "said", "Tor Lund"),
    ]


@pytest.mark.model
def test_a_second_verb_of_the_same_speaker_stays_in_the_reported_clause(extractor: Any) -> None:
    """'said A was "x" and called for "y"': the parse joins *called* to the reported clause,
    with no subject of its own, so the quoted phrase after it is part of that content (one
    mixed quote, as the unquoted sentence gives), not a direct quote of its own; a verb
    with its own subject starts a quote of its own."""
    art = extractor('Ines Roth said the depot was "unsafe" and called for "urgent repairs."')
    assert [(q.kind.value, q.content.text, q.cue.text if q.cue else None) for q in art.quotes] == [
        ("mixed", 'the depot was "unsafe" and called for "urgent repairs."', "said")
    ]
    art = extractor('Ines Roth said the depot was "unsafe" and Tor Lund said, "It is fine."')
    assert [(q.kind.value, q.content.text) for q in art.quotes] == [
        ("mixed", 'the depot was "unsafe"'),
        ("direct", "It is fine."),
    ]


@pytest.mark.model
def test_a_lead_in_wins_over_the_next_sentence_lead_in(extractor: Any) -> None:
    """A question closes the first quote; the next sentence's attribution is the second's."""
    text = (
        'The pilot turned to Ida Berg and asked, "Ready for the climb?" '
        'To the crew the pilot said in a calm voice, "Seat belts stay on."'
    )
    seen = _seen(extractor(text))
    assert [s[0] for s in seen] == ["Ready for the climb?", "Seat belts stay on."]
    assert [s[1] for s in seen] == ["asked", "said"]


@pytest.mark.model
def test_a_comma_lead_in_keeps_its_quote_when_a_clause_follows(extractor: Any) -> None:
    """'I said, "A," because ...': the comma closes the quoted clause; words may follow."""
    art = extractor(
        'At the meeting Lena Moss said, "Do not sell the farm," because prices would rise.'
    )
    assert _seen(art) == [("Do not sell the farm,", "said", "Lena Moss")]
    assert _directs(art)[0].rule == "direct.cue_before.v1"


@pytest.mark.model
def test_a_term_without_a_lead_in_comma_is_still_a_term(extractor: Any) -> None:
    art = extractor('The council called the plan "a dead end" and moved on to the budget.')
    assert _directs(art) == []


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "cue", "name"),
    [
        (
            'The harbour master said:\n\n"No boat leaves before the storm has passed."',
            "said",
            "harbour master",
        ),
        (
            'Then the twins looked at us, and they say,\n"We never saw a bigger fish in our lives."',
            "say",
            None,
        ),
    ],
    ids=["colon", "comma"],
)
def test_a_paragraph_ending_in_a_lead_in_attributes_the_next_paragraph_quote(
    extractor: Any, text: str, cue: str, name: str | None
) -> None:
    """'X said:' ending one paragraph, the quote opening the next: the quote is X's."""
    [q] = _directs(extractor(text))
    assert q.rule == "direct.cue_before.v1"
    assert q.cue is not None and q.cue.text == cue
    assert q.speaker is not None
    if name is not None:
        assert q.speaker.name is not None and name in q.speaker.name
    else:
        assert q.speaker.mention is not None and q.speaker.mention.text == "they"


@pytest.mark.model
def test_a_paragraph_without_a_lead_in_still_continues_the_speaker(extractor: Any) -> None:
    art = extractor('"The road is closed," said Aron Falk.\n\n"It will stay closed all week."')
    qs = _directs(art)
    assert [q.rule for q in qs] == ["direct.cue_after.v1", "direct.continuation.v1"]


@pytest.mark.model
def test_a_split_quote_goes_on_across_a_manner_adjective(extractor: Any) -> None:
    """'"A," I said, suddenly quiet, "B."': one quote, the adjective describes the speaker."""
    art = extractor('"The old mill," Greta Lund said, suddenly pale, "burned down last night."')
    [q] = _directs(art)
    assert q.rule == "direct.split.v1"
    assert [f.text for f in q.fragments] == ["The old mill,", "burned down last night."]
    assert q.speaker is not None and q.speaker.name == "Greta Lund"


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        'The coach kept questioning their "perfect little season."',
        'Lena Berg said it on Radio Nord\'s "Morning Hour."',
    ],
    ids=["adjectives", "possessive"],
)
def test_a_noun_phrase_begun_before_the_marks_is_not_a_direct_quote(
    extractor: Any, text: str
) -> None:
    """The words before the mark describe a quoted noun: a term inside a phrase; a reading
    of the whole phrase as the verb's object (mixed) may take it in."""
    art = extractor(text)
    assert _directs(art) == []
    for q in art.quotes:
        assert q.kind.value == "mixed" and q.content.text.startswith("their")


@pytest.mark.model
def test_an_article_alone_does_not_make_a_term(extractor: Any) -> None:
    art = extractor('The league branded the club a "disgrace to the sport."')
    assert [q.content.text for q in _directs(art)] == ["disgrace to the sport."]


@pytest.mark.model
def test_a_dash_after_a_term_in_a_sentence_is_no_attribution(extractor: Any) -> None:
    art = extractor('Is her sense of self — her "spark" — only an illusion of her circuits?')
    assert _directs(art) == []
    art = extractor('"We build for the next century." — Ingrid Solberg\n\nThe bridge opens in May.')
    [q] = _directs(art)
    assert q.rule == "direct.dash.v1"
    assert q.speaker is not None and q.speaker.name == "Ingrid Solberg"


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "cue", "speaker"),
    [
        ('"Out of my kitchen," snapped the cook.', "snapped", "cook"),
        ("'It's over,' sobbed Dora at the window.", "sobbed", "Dora"),
        ('"Hold still," ordered Captain Ruth Obi.', "ordered", "Ruth Obi"),
    ],
)
def test_an_inverted_attribution_gives_the_speaker_after_the_verb(
    extractor: Any, text: str, cue: str, speaker: str
) -> None:
    """Verb then speaker after the quote, whatever the verb (direct.inverted.v1 for a verb
    the lexicon lacks), the speaker read from the words the parser takes for an object."""
    [(_, got_cue, got_speaker)] = _seen(extractor(text))
    assert (got_cue, got_speaker) == (cue, speaker)


@pytest.mark.model
def test_an_auxiliary_after_the_quote_is_not_an_inverted_attribution(extractor: Any) -> None:
    """'"Maybe," was all she said.': the cue is "said", not "was"."""
    assert _seen(extractor('"Maybe," was all she said.')) == [("Maybe,", "said", "she")]


@pytest.mark.model
def test_a_quote_that_ends_a_relative_clause_on_the_subject_is_direct(extractor: Any) -> None:
    """The main clause's verb after the closing mark does not make the quote a term."""
    art = extractor('The critic, who called the film "a triumph," left before the end.')
    assert _seen(art) == [("a triumph,", "called", "critic")]


@pytest.mark.model
def test_a_quote_in_a_relative_clause_on_an_object_stays_a_term(extractor: Any) -> None:
    """Only a relative clause on the subject closes before the main verb."""
    art = extractor('Voters punished the mayor who called the plan "a gift" in 2019.')
    assert _seen(art) == []


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('"The pier," said the harbour master, Lise Holm, "opens at six."', "Lise Holm"),
        ('"The pier," the harbour master, Lise Holm, said, "opens at six."', "Lise Holm"),
        ('"The pier," growled the harbour master, "opens at six."', "harbour master"),
    ],
)
def test_words_inside_the_marks_never_speak_them(extractor: Any, text: str, speaker: str) -> None:
    """The parse reads 'The pier said'; the speaker is the noun phrase outside the marks,
    and the attribution joins the two pieces."""
    [q] = _directs(extractor(text))
    assert (q.rule, q.speaker.name if q.speaker else None) == ("direct.split.v1", speaker)


@pytest.mark.model
def test_a_dash_before_a_quote_that_ends_the_sentence_leads_in_like_a_colon(
    extractor: Any,
) -> None:
    art = extractor('Her verdict was brief — "Not guilty."')
    assert [(q.rule, q.content.text, q.cue.text if q.cue else None) for q in art.quotes] == [
        ("direct.colon.v1", "Not guilty.", "—")
    ]


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        'He took the remark -- as a joke -- "That is rich" -- and moved on.',
        'Lots of people -- though not all -- "love the new park."',
    ],
)
def test_a_dash_that_closes_an_aside_is_no_lead_in(extractor: Any, text: str) -> None:
    assert all(q.rule != "direct.colon.v1" for q in extractor(text).quotes)


@pytest.mark.model
def test_according_to_after_a_whole_quotation_makes_it_direct(extractor: Any) -> None:
    art = extractor('"The mill will close," according to a union official.')
    assert [(q.kind.value, q.content.text, q.rule) for q in art.quotes] == [
        ("direct", "The mill will close,", "direct.according_to.v1")
    ]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "rule"),
    [
        (
            'Growers are "running out of patience," union leader Mara Quist said. '
            '"That should worry every buyer."',
            "mixed.split_sentence.v1",
        ),
        (
            'Growers are "running out of patience," Mara Quist said, "and every buyer knows it."',
            "mixed.split.v1",
        ),
    ],
)
def test_a_mixed_quote_goes_on_in_the_quote_after_its_attribution(
    extractor: Any, text: str, rule: str
) -> None:
    """As a direct quote does: one record with both quoted stretches as its fragments, its
    content holding both pairs of marks whole."""
    (q,) = extractor(text).quotes
    assert (q.kind.value, q.rule) == ("mixed", rule)
    assert q.content.text.startswith("Growers are") and q.content.text.endswith('."')
    assert q.content.text.count('"') == 4
    assert len(q.fragments) == 2
    assert q.speaker is not None and q.speaker.name == "Mara Quist"


@pytest.mark.model
def test_a_mixed_quote_keeps_its_closing_mark(extractor: Any) -> None:
    (q,) = extractor('Growers are "running out of patience," Mara Quist said.').quotes
    assert (q.kind.value, q.content.text) == ("mixed", 'Growers are "running out of patience,"')


@pytest.mark.model
def test_a_title_in_marks_is_not_the_quoted_part_of_a_mixed_quote(extractor: Any) -> None:
    text = 'The band closed with "Long Way Home," the singer said. "We cried."'
    quotes = extractor(text).quotes
    assert all(q.rule not in ("mixed.cue_after.v1", "mixed.split_sentence.v1") for q in quotes)


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        'They opened a bakery called "Second Rise."',
        'He wrote for a magazine named "Open Water."',
        'She hosts a weekly show called "Night Shift."',
        # the parser reads the participle as a past tense with no subject
        'She hosts a radio show on Coast FM called "Morning Tide."',
        'Lena runs a podcast with her brother Tomas Berg called "The Night Shift."',
        'The club (formerly called "Harbour Rowers") moved in June.',
        # ... or as a finite verb whose subject is the noun before it
        'Noor also hosts a weekly quiz on Radio Bay 2 called "Brain Drain."',
        'Mia hosts a weekly chart show on Wave FM 3 called "Top 20."',
        'Sam does a podcast with his partner Ben Ortiz called "Two Chairs."',
    ],
)
def test_a_name_after_a_naming_participle_is_no_direct_quote(extractor: Any, text: str) -> None:
    assert _directs(extractor(text)) == []


@pytest.mark.model
def test_a_finite_naming_verb_still_attributes(extractor: Any) -> None:
    assert _seen(extractor('Ada Lund called the plan "a disgrace."')) == [
        ("a disgrace.", "called", "Ada Lund")
    ]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('The council shut the pool, a decision Tom Berg called "painful but fair."', "Tom Berg"),
        ('They cut the ferry, a move Mayor Ines Calder called "short-sighted."', "Ines Calder"),
    ],
)
def test_a_named_persons_judgement_in_lowercase_words_is_a_quote(
    extractor: Any, text: str, speaker: str
) -> None:
    """A name the parser made the subject of a naming verb with a lowercase predicate in
    marks judges (a zero relative clause on the noun before), where a name given is
    capitalized (above)."""
    [(content, cue, name)] = _seen(extractor(text))
    assert (cue, name) == ("called", speaker) and content[0].islower()


@pytest.mark.model
def test_a_call_with_a_lead_in_comma_is_speech(extractor: Any) -> None:
    assert _seen(extractor('From the porch Ada Lund called, "Supper is ready!"')) == [
        ("Supper is ready!", "called", "Ada Lund")
    ]


@pytest.mark.model
def test_a_quote_goes_on_after_its_attribution_and_a_joining_word(extractor: Any) -> None:
    """'"A," he said, but "B."': one quote across the attribution, as with a bare comma."""
    (q,) = extractor('"I like Dana," Omar Haddad said, but "on this she is wrong."').quotes
    assert q.rule == "direct.split.v1"
    assert q.content.text == 'I like Dana," Omar Haddad said, but "on this she is wrong.'
    assert q.speaker is not None and q.speaker.name == "Omar Haddad"


@pytest.mark.model
def test_a_stretch_with_its_own_attribution_after_a_joining_word_stays_apart(
    extractor: Any,
) -> None:
    quotes = extractor(
        '"We won," Omar Haddad said, and "we will win again," his aide added.'
    ).quotes
    assert quotes[0].content.text == "We won,"
    assert len(quotes) == 2
