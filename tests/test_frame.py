"""quotecraft.to_frame: one row per quotation, fixed columns and dtypes (issue 18).

The hand-built articles pin every column's value; the extracted ones check that
real output fits the same frame. Texts written for these tests.
"""

from __future__ import annotations

import sys
from typing import Any

import pytest

import quotecraft
from quotecraft.frame import COLUMNS, quote_rows
from quotecraft.records import Article, Cue, Link, Quote, Speaker, TextSpan

pd = pytest.importorskip("pandas")

pytestmark = pytest.mark.issue(18)

WANT_COLUMNS = [
    "id",
    "kind",
    "content",
    "start",
    "end",
    "paragraph",
    "speaker",
    "speaker_id",
    "mention",
    "title",
    "organization",
    "speaker_kind",
    "cue",
    "cue_type",
    "rule",
    "confidence",
]

TEXT = '"The tide is late," Warden Pia Novak said, "and the boats wait." Officials said the dock was shut.'


def span(sub: str, nth: int = 0) -> TextSpan:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(sub, start + 1)
    return TextSpan.of(TEXT, start, start + len(sub))


def hand_article(doc_id: str | None = "a1") -> Article:
    novak = Speaker(
        "S1",
        "Pia Novak",
        "Warden",
        None,
        "person",
        span("Warden Pia Novak"),
        link=Link("Pia Novak", "K1"),
    )
    officials = Speaker("S2", None, None, None, "group", span("Officials"))
    first, last = span("The tide is late,"), span("and the boats wait.")
    said = span("said")
    split = Quote(
        "direct",
        TextSpan.of(TEXT, first.start, last.end),
        fragments=(first, last),
        cue=Cue(said.start, said.end, "said", "say", type="speech"),
        speaker=novak,
        rule="direct.split.v1",
        confidence=0.95,
    )
    said2 = span("said", 1)
    reported = Quote(
        "indirect",
        span("the dock was shut"),
        cue=Cue(said2.start, said2.end, "said", "say"),
        speaker=officials,
        rule="reported.ccomp.v1",
        confidence=0.9,
    )
    orphan = Quote("indirect", span("the boats wait"), rule="test.v1", confidence=0.5)
    return Article(
        TEXT,
        id=doc_id,
        paragraphs=(TextSpan.of(TEXT, 0, len(TEXT)),),
        quotes=(split, reported, orphan),
        speakers=(novak, officials),
    )


def test_columns_and_dtypes() -> None:
    df = quotecraft.to_frame(hand_article())
    assert list(df.columns) == WANT_COLUMNS == list(COLUMNS)
    dtypes = {c: str(t) for c, t in df.dtypes.items()}
    assert dtypes == {
        "id": "string",
        "kind": "category",
        "content": "string",
        "start": "Int64",
        "end": "Int64",
        "paragraph": "Int64",
        "speaker": "string",
        "speaker_id": "string",
        "mention": "string",
        "title": "string",
        "organization": "string",
        "speaker_kind": "category",
        "cue": "string",
        "cue_type": "category",
        "rule": "string",
        "confidence": "Float64",
    }
    assert df["kind"].cat.categories.tolist() == ["direct", "indirect", "mixed"]
    assert df["cue_type"].cat.categories.tolist() == [
        "speech",
        "writing",
        "belief",
        "intention",
        "evidence",
    ]
    # the empty frame has the same columns and dtypes
    empty = quotecraft.to_frame([])
    assert empty.shape == (0, 16)
    assert {c: str(t) for c, t in empty.dtypes.items()} == dtypes


def test_one_row_per_quote_with_every_value() -> None:
    df = quotecraft.to_frame(hand_article())
    assert len(df) == 3
    split, reported, orphan = (row for _, row in df.iterrows())
    # content is what a person reads: the split quote without its attribution
    assert split["content"] == "The tide is late, and the boats wait."
    assert TEXT[split["start"] : split["end"]].startswith("The tide is late,")
    assert TEXT[split["start"] : split["end"]].endswith("and the boats wait.")
    assert (split["speaker"], split["speaker_id"], split["mention"]) == (
        "Pia Novak",
        "S1",
        "Warden Pia Novak",
    )
    assert (split["title"], split["speaker_kind"], split["cue"], split["cue_type"]) == (
        "Warden",
        "person",
        "said",
        "speech",
    )
    assert (split["rule"], split["confidence"], split["paragraph"], split["id"]) == (
        "direct.split.v1",
        0.95,
        0,
        "a1",
    )
    assert split["organization"] is pd.NA
    # an unnamed speaker is shown by its mention; an unknown cue type is missing, not "None"
    assert (reported["speaker"], reported["mention"]) == ("Officials", "Officials")
    assert reported["cue_type"] is pd.NA or pd.isna(reported["cue_type"])
    assert reported["content"] == TEXT[reported["start"] : reported["end"]]
    # no speaker, no cue: missing values in every speaker and cue column
    for col in ("speaker", "speaker_id", "mention", "title", "speaker_kind", "cue", "cue_type"):
        assert pd.isna(orphan[col]), col
    assert "None" not in df.astype(str).to_numpy().ravel().tolist()


def test_many_articles_and_failures() -> None:
    failed = quotecraft.ErrorRecord("bad", "InputTypeError", "E002 not a str")
    with pytest.warns(quotecraft.errors.QuotecraftWarning, match="1 document"):
        df = quotecraft.to_frame(iter([hand_article("a1"), failed, hand_article(None)]))
    assert df["id"].tolist()[:3] == ["a1"] * 3
    assert df["id"].isna().tolist()[3:] == [True] * 3
    assert df.attrs["errors"] == [
        {"id": "bad", "type": "InputTypeError", "message": "E002 not a str"}
    ]
    # frames of different batches concatenate without losing the categories
    both = pd.concat([quotecraft.to_frame(hand_article()), quotecraft.to_frame([])])
    assert str(both["kind"].dtype) == "category"
    with pytest.raises(quotecraft.InputTypeError, match="E002 to_frame takes Article"):
        quotecraft.to_frame(["a text, not an article"])  # type: ignore[list-item]


def test_quote_rows_match_the_records() -> None:
    art = hand_article()
    rows = quote_rows(art)
    assert [r["content"] for r in rows] == [q.words for q in art.quotes]
    assert all(list(r) == WANT_COLUMNS for r in rows)


def test_missing_pandas_names_the_install_command(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)  # "import pandas" now fails
    with pytest.raises(quotecraft.MissingDependencyError) as info:
        quotecraft.to_frame(hand_article())
    assert 'pip install "quotecraft[pandas]"' in str(info.value)
    assert isinstance(info.value, ImportError)
    assert quote_rows(hand_article())  # the rows need no pandas


@pytest.mark.model
def test_extracted_articles_fit_the_frame(extractor: Any) -> None:
    texts = [
        ("x", '"We are ready," said Coach Remy Alba. "The team is fit."'),
        ("y", "The council said that the budget was balanced."),
        ("z", "No quotes here."),
    ]
    arts = list(extractor.pipe(texts))
    df = quotecraft.to_frame(arts)
    assert set(df["id"]) == {"x", "y"}
    for (_, row), q in zip(df.iterrows(), [q for a in arts for q in a.quotes], strict=True):
        assert row["content"] == q.words
        assert (row["start"], row["end"]) == (q.content.start, q.content.end)
    assert df.loc[df["id"] == "x", "speaker"].tolist()[0] == "Remy Alba"
