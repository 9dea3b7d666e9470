"""quotecraft stats: quotations per speaker and per kind, from extract output."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest

import quotecraft
from quotecraft.cli import main
from quotecraft.records import Article, ErrorRecord, Quote, Speaker, TextSpan
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
    ]
    assert lines[3].split()[:3] == ["Ann", "Lee", "Mayor"] and lines[3].split()[-5:] == [
        "2",
        "2",
        "1",
        "0",
        "3",
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
            row = next(r for r in data["speakers"] if r["name"] == sp.name)
            n = sum(1 for q in art.quotes if q.speaker is not None and q.speaker.name == sp.name)
            assert row["total"] == 2 * n and row["documents"] == 2
