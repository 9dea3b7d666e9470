"""quotecraft stats: quotations per speaker and per kind, from extract output."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import attrs
import pytest

import quotecraft
from quotecraft.cli import main
from quotecraft.records import Article, ErrorRecord, Link, Quote, Speaker, TextSpan
from quotecraft.stats import NO_SPEAKER, read_jsonl, speaker_stats


def speaker(name: str | None, mention: str = "x", **kw: Any) -> dict[str, Any]:
    return {
        "id": "S1",
        "name": name,
        "title": kw.get("title"),
        "organization": kw.get("organization"),
        "kind": kw.get("kind", "person"),
        "mention": {"start": 0, "end": len(mention), "text": mention},
    }


def doc(doc_id: str, *quotes: tuple[str, dict[str, Any] | None]) -> dict[str, Any]:
    return {
        "id": doc_id,
        "quotes": [{"kind": k, "speaker": sp} for k, sp in quotes],
        "speakers": [],
        "paragraphs": [],
        "boilerplate": [],
        "warnings": [],
    }


DOCS = [
    doc(
        "1",
        ("direct", speaker("Ann Lee", title="Mayor")),
        ("indirect", speaker("Ann Lee", title="Mayor")),
        ("mixed", speaker(None, "officials", kind="group")),
        ("indirect", None),
    ),
    doc(
        "2",
        ("direct", speaker("ann  LEE", title="former Mayor", organization="City Hall")),
        ("direct", speaker("Bo Chan")),
    ),
    {"id": "3", "error": {"type": "InputTypeError", "message": "bytes"}},
    doc("4"),
]


def test_counts_per_speaker_across_documents() -> None:
    st = speaker_stats(DOCS)
    assert (st.documents, st.errors, st.total) == (4, 1, 6)
    assert st.quotes == {"direct": 3, "indirect": 2, "mixed": 1}
    rows = {s.name: s for s in st.speakers}
    # same name, case and spacing aside: one speaker; its most frequent spelling wins
    lee = rows["Ann Lee"]
    assert (lee.documents, lee.direct, lee.indirect, lee.mixed, lee.total) == (2, 2, 1, 0, 3)
    assert lee.title == "Mayor" and lee.organization == "City Hall" and lee.kind == "person"
    assert rows["officials"].mixed == 1 and rows["officials"].kind == "group"
    assert rows[NO_SPEAKER].indirect == 1
    # most quoted first, the unattributed row last
    assert [s.name for s in st.speakers] == ["Ann Lee", "Bo Chan", "officials", NO_SPEAKER]
    assert sum(s.total for s in st.speakers) == st.total


def test_articles_and_dicts_give_the_same_stats() -> None:
    text = '"Yes," said Ann Lee.'
    sp = Speaker("S1", "Ann Lee", kind="person", mention=TextSpan(12, 19, "Ann Lee"))
    art = Article(text, id="a", quotes=[Quote("direct", TextSpan(1, 5, "Yes,"), speaker=sp)])
    err = ErrorRecord("b", "InputTypeError", "bytes")
    from_records = speaker_stats([art, err])
    from_dicts = speaker_stats([quotecraft.to_dict(art), quotecraft.to_dict(err)])
    assert from_records == from_dicts
    assert from_records.as_dict()["speakers"][0]["total"] == 1


def test_table_and_json() -> None:
    st = speaker_stats(DOCS)
    table = st.table()
    lines = table.splitlines()
    assert (
        lines[0]
        == "4 documents (1 failed), 6 quotations (3 direct, 2 indirect, 1 mixed), 3 speakers"
    )
    assert lines[2].split() == [
        "speaker",
        "title",
        "organization",
        "docs",
        "direct",
        "indirect",
        "mixed",
        "total",
        "articles",
    ]
    assert lines[3].split()[:3] == ["Ann", "Lee", "Mayor"] and lines[3].split()[-7:] == [
        "2",
        "2",
        "1",
        "0",
        "3",
        "1,",
        "2",
    ]
    assert len(lines) == 3 + len(st.speakers)
    top = st.table(top=1).splitlines()
    assert len(top) == 5 and top[-1].startswith("... 3 more speakers")
    data = json.loads(json.dumps(st.as_dict()))
    assert data["quotes"]["total"] == 6 and data["errors"] == 1
    assert data["speakers"][0]["name"] == "Ann Lee"


def test_empty_input() -> None:
    st = speaker_stats([])
    assert st.total == 0 and st.speakers == ()
    assert st.table() == "0 documents, 0 quotations (0 direct, 0 indirect, 0 mixed), 0 speakers\n"


def test_cli_stats(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "out.jsonl"
    path.write_text("".join(json.dumps(d) + "\n" for d in DOCS) + "\n")
    assert main(["stats", str(path)]) == 0
    assert capsys.readouterr().out == speaker_stats(DOCS).table(top=25)
    assert main(["stats", "--format", "json", str(path)]) == 0
    assert json.loads(capsys.readouterr().out) == speaker_stats(DOCS).as_dict()
    assert main(["stats", "-n", "1", str(path), str(path)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("8 documents (2 failed), 12 quotations")


def test_cli_stats_bad_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "a", "text": "an input line, not output"}\n')
    assert main(["stats", str(bad)]) == 1
    assert "line 1: not 'quotecraft extract' output" in capsys.readouterr().err
    bad.write_text("not json\n")
    assert main(["stats", str(bad)]) == 1
    assert "line 1: not JSON" in capsys.readouterr().err
    assert main(["stats", str(tmp_path / "missing.jsonl")]) == 1


def test_read_jsonl_from_stdin() -> None:
    stdin = io.StringIO(json.dumps(DOCS[0]) + "\n\n" + json.dumps(DOCS[1]) + "\n")
    assert [d["id"] for d in read_jsonl(["-"], stdin=stdin)] == ["1", "2"]


@pytest.mark.model
def test_stats_of_the_example(
    extractor: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = tmp_path / "example.txt"
    src.write_text(quotecraft.examples.article(), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(src), str(src), "-o", str(out)]) == 0
    assert main(["stats", "--format", "json", str(out)]) == 0
    data = json.loads(capsys.readouterr().out)
    art = quotecraft.extract(quotecraft.examples.article())
    assert data["documents"] == 2
    assert data["quotes"]["total"] == 2 * len(art.quotes)
    for sp in art.speakers:
        if sp.name:
            rows = [r for r in data["speakers"] if r["name"] == sp.name]
            n = sum(1 for q in art.quotes if q.speaker is not None and q.speaker.name == sp.name)
            if rows[0]["linked_by"] == "article":  # no name behind the mention: one row per copy
                assert [(r["total"], r["documents"]) for r in rows] == [(n, 1), (n, 1)]
            else:  # a name: the two copies are one speaker
                assert [(r["total"], r["documents"]) for r in rows] == [(2 * n, 2)]
    linked_by = {r["name"]: r["linked_by"] for r in data["speakers"]}
    assert linked_by["Helen Okafor"] == "name"


# -- speakers across documents (issue 18) --------------------------------------------------------


def _art(doc_id: str, text: str, *quotes: tuple[str, str, Speaker | None]) -> Article:
    """An article whose quotes are (kind, quoted words, speaker), found in ``text``."""
    out = []
    for kind, words, sp in quotes:
        start = text.index(words)
        out.append(Quote(kind, TextSpan(start, start + len(words), words), speaker=sp))
    return Article(text, id=doc_id, quotes=out)


def _sp(
    text: str,
    mention: str,
    name: str | None,
    sid: str = "S1",
    nth: int = 0,
    **kw: Any,
) -> Speaker:
    start = -1
    for _ in range(nth + 1):
        start = text.index(mention, start + 1)
    return Speaker(sid, name, mention=TextSpan(start, start + len(mention), mention), **kw)


T1 = '"The dam holds," said Mayor Ann Lee. "It will," he said. Officials said it was safe.'
T2 = '"We are ready," Ann Lee said. "Yes," he said. Officials said the road was shut.'
T3 = '"No comment," said Ann Lee, the chemist. "Later," she said.'
T4 = '"Rain again," Lee said.'


def cross_articles() -> list[Article]:
    lee1 = _sp(T1, "Mayor Ann Lee", "Ann Lee", title="Mayor", kind="person", resolution="named")
    he1 = _sp(T1, "he", None, "S2", kind="person", resolution="unresolved")
    off1 = _sp(T1, "Officials", "officials", "S3", kind="group", resolution="unresolved")
    lee2 = _sp(T2, "Ann Lee", "Ann Lee", kind="person", resolution="named")
    he2 = _sp(T2, "he", None, "S2", kind="person", resolution="unresolved")
    off2 = _sp(T2, "Officials", "officials", "S3", kind="group", resolution="unresolved")
    # another Ann Lee: the knowledge base says so
    chem = _sp(
        T3, "Ann Lee", "Ann Lee", kind="person", resolution="linked", link=Link("Ann Lee", "K2")
    )
    chem_she = _sp(
        T3, "she", "Ann Lee", kind="person", resolution="pronoun", link=Link("Ann Lee", "K2")
    )
    surname = _sp(T4, "Lee", "Lee", kind="person", resolution="surname")
    return [
        _art(
            "a1",
            T1,
            ("direct", "The dam holds,", lee1),
            ("direct", "It will,", he1),
            ("indirect", "it was safe", off1),
        ),
        _art(
            "a2",
            T2,
            ("direct", "We are ready,", lee2),
            ("direct", "Yes,", he2),
            ("indirect", "the road was shut", off2),
        ),
        _art("a3", T3, ("direct", "No comment,", chem), ("direct", "Later,", chem_she)),
        _art("a4", T4, ("direct", "Rain again,", surname)),
    ]


def _rows(st: Any) -> list[tuple[str, tuple[str, ...], int, str]]:
    return [(s.name, s.articles, s.total, s.linked_by) for s in st.speakers]


@pytest.mark.issue(18)
def test_speakers_link_across_articles_by_full_name_not_by_pronoun() -> None:
    arts = cross_articles()
    st = speaker_stats(arts[:2])
    rows = _rows(st)
    # "Mayor Ann Lee" in one article and "Ann Lee" in another: one speaker
    assert ("Ann Lee", ("a1", "a2"), 2, "name") in rows
    # "he" and "officials" with no name behind them stay in their own article
    assert ("he", ("a1",), 1, "article") in rows and ("he", ("a2",), 1, "article") in rows
    assert ("officials", ("a1",), 1, "article") in rows
    assert ("officials", ("a2",), 1, "article") in rows
    assert len(rows) == 5
    assert sum(s.total for s in st.speakers) == st.total == 6


@pytest.mark.issue(18)
def test_a_knowledge_base_link_separates_namesakes_and_joins_mentions() -> None:
    st = speaker_stats(cross_articles())
    by = {(s.name, s.link): s for s in st.speakers}
    # the linked chemist: her name and her resolved "she" in one row, linked by the id
    chem = by[("Ann Lee", "K2")]
    assert (chem.articles, chem.total, chem.linked_by) == (("a3",), 2, "link")
    # the unlinked Ann Lee (the mayor) is not joined to a linked namesake
    mayor = by[("Ann Lee", None)]
    assert (mayor.articles, mayor.title, mayor.linked_by) == (("a1", "a2"), "Mayor", "name")
    # a surname alone is not a full name: it does not join "Ann Lee"
    assert by[("Lee", None)].articles == ("a4",)


@pytest.mark.issue(18)
def test_two_linked_namesakes_keep_unlinked_mentions_apart() -> None:
    arts = cross_articles()
    t5 = '"Fine," said Ann Lee.'
    other = _sp(
        t5, "Ann Lee", "Ann Lee", kind="person", resolution="linked", link=Link("Ann Lee", "K9")
    )
    arts.append(_art("a5", t5, ("direct", "Fine,", other)))
    st = speaker_stats(arts)
    rows = {(s.link, s.articles) for s in st.speakers if s.name == "Ann Lee"}
    # K2 and K9 are two people: the unlinked "Ann Lee" of a1/a2 joins neither
    assert rows == {("K2", ("a3",)), ("K9", ("a5",)), (None, ("a1", "a2"))}


@pytest.mark.issue(18)
def test_cross_article_rows_from_dicts_table_and_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    arts = cross_articles()
    assert speaker_stats(quotecraft.to_dict(a) for a in arts) == speaker_stats(arts)
    path = tmp_path / "out.jsonl"
    path.write_text("".join(quotecraft.to_json(a) + "\n" for a in arts), encoding="utf-8")
    assert main(["stats", "--format", "json", str(path)]) == 0
    data = json.loads(capsys.readouterr().out)
    row = next(r for r in data["speakers"] if r["link"] == "K2")
    assert (row["articles"], row["linked_by"], row["total"]) == (["a3"], "link", 2)
    assert main(["stats", str(path)]) == 0
    table = capsys.readouterr().out.splitlines()
    assert table[2].split()[-1] == "articles"
    he_rows = [ln for ln in table if ln.startswith("he ")]
    assert sorted(ln.split()[-1] for ln in he_rows) == ["a1", "a2"]


@pytest.mark.issue(18)
def test_articles_without_ids_are_numbered_in_reading_order() -> None:
    arts = [attrs.evolve(a, id=None) for a in cross_articles()[:2]]
    lee = next(s for s in speaker_stats(arts).speakers if s.name == "Ann Lee")
    assert lee.articles == ("#1", "#2")
