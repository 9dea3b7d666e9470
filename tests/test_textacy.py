"""quotecraft.textacy: a drop-in for textacy's ``direct_quotations`` (issue 18).

The triples must have textacy's own type and shape (lists of tokens, a content
``Span`` with its quotation marks), agree with textacy where textacy answers,
and keep answering where textacy raises. Texts written for these tests.
"""

from __future__ import annotations

import subprocess
import sys
from typing import Any

import pytest
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

import quotecraft
from quotecraft.textacy import DQTriple, direct_quotations, quotations, triple_type

pytestmark = [pytest.mark.issue(18), pytest.mark.model]

textacy_triples = pytest.importorskip("textacy.extract.triples")

TEXT = (
    '"The tunnel will open in spring," said Engineer Lars Berg. '
    '"We are testing the fans now," he said.\n\n'
    "Berg added that the cost had risen."
)
ODD = '"The ferry is late," said Captain Ida Roos. "It is fog," she said. She shrugged: "Really'


@pytest.fixture(scope="module")
def nlp(extractor: Any) -> Language:
    return extractor.nlp  # type: ignore[no-any-return]


def shape(t: Any) -> tuple[list[int], list[int], tuple[int, int]]:
    return [w.i for w in t.speaker], [w.i for w in t.cue], (t.content.start, t.content.end)


def test_triples_have_textacys_type_and_shape(nlp: Language) -> None:
    doc = nlp(TEXT)
    got = list(direct_quotations(doc))
    assert len(got) == 2
    for t in got:
        assert type(t) is textacy_triples.DQTriple and triple_type() is textacy_triples.DQTriple
        assert t._fields == ("speaker", "cue", "content")
        assert isinstance(t.speaker, list) and all(isinstance(w, Token) for w in t.speaker)
        assert isinstance(t.cue, list) and all(isinstance(w, Token) for w in t.cue)
        assert isinstance(t.content, Span) and t.content.doc is doc
        assert t.speaker == sorted(t.speaker, key=lambda w: w.i)
        # the content holds its quotation marks, as textacy's does
        assert t.content[0].is_quote and t.content[-1].is_quote
    assert got[0].content.text == '"The tunnel will open in spring,"'
    assert [w.text for w in got[0].speaker] == ["Engineer", "Lars", "Berg"]
    assert [w.text for w in got[0].cue] == ["said"]
    assert [w.text for w in got[1].speaker] == ["he"]


def test_agrees_with_textacy_where_textacy_answers(nlp: Language) -> None:
    doc = nlp(TEXT)
    theirs = list(textacy_triples.direct_quotations(doc))
    ours = list(direct_quotations(doc))
    assert theirs, "textacy should find these quotes"
    assert [t.content.text for t in ours] == [t.content.text for t in theirs]
    assert [[w.i for w in t.cue][:1] for t in ours] == [[w.i for w in t.cue][:1] for t in theirs]
    # textacy keeps the whole subject; quotecraft's mention is the same words here
    assert [{w.i for w in t.speaker} for t in ours] == [{w.i for w in t.speaker} for t in theirs]


def test_never_raises_on_an_odd_number_of_marks(nlp: Language) -> None:
    doc = nlp(ODD)
    with pytest.raises(ValueError, match="quotation marks found"):
        list(textacy_triples.direct_quotations(doc))
    got = [(t.content.text, [w.text for w in t.speaker]) for t in direct_quotations(doc)]
    assert got[:2] == [
        ('"The ferry is late,"', ["Captain", "Ida", "Roos"]),
        ('"It is fog,"', ["she"]),
    ]


def test_quotations_gives_every_kind_in_the_same_shape(nlp: Language) -> None:
    doc = nlp(TEXT)
    every = list(quotations(doc))
    assert [t.content.text for t in every] == [
        '"The tunnel will open in spring,"',
        '"We are testing the fans now,"',
        "the cost had risen",
    ]
    (reported,) = quotations(doc, kinds=["indirect"])
    assert type(reported) is textacy_triples.DQTriple
    assert [w.text for w in reported.speaker] == ["Berg"]
    assert [w.text for w in reported.cue] == ["added"]
    assert list(quotations(doc, kinds=("mixed",))) == []
    assert [t.content.text for t in quotations(doc, kinds="indirect")] == ["the cost had risen"]
    with pytest.raises(quotecraft.RuleError, match="E013 unknown quote kinds"):
        list(quotations(doc, kinds=["reported"]))


def test_unattributed_quotes_on_request(nlp: Language) -> None:
    doc = nlp('"The road is closed."\n\n"Nobody told us," a driver said.')
    attributed = [t.content.text for t in quotations(doc)]
    assert attributed == ['"Nobody told us,"']
    everything = list(quotations(doc, attributed=False))
    assert [t.content.text for t in everything] == ['"The road is closed."', '"Nobody told us,"']
    assert everything[0].speaker == [] and everything[0].cue == []


def test_a_split_quote_gives_one_triple_per_piece_as_textacy_does(nlp: Language) -> None:
    doc = nlp('"The bridge is safe," said Mayor Ann Lee, "and it will stay open."')
    got = list(direct_quotations(doc))
    assert [t.content.text for t in got] == ['"The bridge is safe,"', '"and it will stay open."']
    assert all([w.text for w in t.speaker] == ["Mayor", "Ann", "Lee"] for t in got)


def test_uses_the_records_the_component_stored(nlp: Language) -> None:
    import spacy

    qnlp = spacy.load(quotecraft.model.resolve_model_name())
    qnlp.add_pipe("quotecraft", config={"kinds": ["indirect"]})
    doc = qnlp(TEXT)
    # the component kept only reported speech: the adapter gives what it stored
    assert [t.content.text for t in quotations(doc)] == ["the cost had risen"]
    assert list(direct_quotations(doc)) == []


def test_a_doc_without_a_parse_is_a_clear_error() -> None:
    import spacy

    doc: Doc = spacy.blank("en")('"No," she said.')
    with pytest.raises(quotecraft.MissingAnnotationError, match="E004"):
        list(direct_quotations(doc))


def test_without_textacy_the_triple_keeps_its_shape(
    nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "textacy.extract.triples", None)
    assert triple_type() is DQTriple
    (t, *_) = direct_quotations(nlp(TEXT))
    assert type(t) is DQTriple and t._fields == ("speaker", "cue", "content")


def test_nothing_else_in_the_package_imports_textacy() -> None:
    code = (
        "import sys, quotecraft, quotecraft.component, quotecraft.frame, quotecraft.stats, "
        "quotecraft.render, quotecraft.cli, quotecraft.evaluate, quotecraft.testing; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'textacy'))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"
