"""The ``quotecraft`` command: extract (files, stdin, formats, errors), demo, --version, --help.

Most tests call :func:`quotecraft.cli.main` in-process (the model is loaded once
per session); one runs the installed console script in a subprocess.
"""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import quotecraft
from quotecraft import cli

DOC_KEYS = {"id", "quotes", "speakers", "paragraphs", "boilerplate", "warnings"}

ARTICLE = (
    "Harbor council backs the pier plan\n\n"
    '"We will rebuild the pier," said Mayor Ann Lee.\n\n'
    "Councilman Tom Brady said the cost was too high.\n\n"
    '"No," he said.\n\n'
    "Subscribe to our newsletter"
)
HTML = (
    "<html><head><title>x</title><script>var a = '<p>';</script></head><body>"
    "<p>“We will rebuild the pier,” said <b>Mayor Ann Lee</b>.</p>"
    "<p>Tom Brady said the cost was too high.</p>"
    "<p>Share this article</p></body></html>"
)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def lines(out: str) -> list[dict[str, Any]]:
    return [json.loads(ln) for ln in out.splitlines() if ln.strip()]


def check_offsets(obj: dict[str, Any], text: str) -> None:
    def spans(q: dict[str, Any]) -> list[dict[str, Any]]:
        out = [q["content"], *q["fragments"]]
        if q["cue"]:
            out.append(q["cue"])
        if q["speaker"] and q["speaker"]["mention"]:
            out.append(q["speaker"]["mention"])
        return out

    all_spans = [*obj["paragraphs"], *obj["boilerplate"]]
    for q in obj["quotes"]:
        all_spans.extend(spans(q))
    assert all_spans
    for s in all_spans:
        assert text[s["start"] : s["end"]] == s["text"], s


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    txt = tmp_path / "article.txt"
    txt.write_text(ARTICLE, encoding="utf-8")
    html = tmp_path / "page.html"
    html.write_text(HTML, encoding="utf-8")
    jsonl = tmp_path / "batch.jsonl"
    jsonl.write_text(
        "\n".join(
            [
                json.dumps({"id": "a", "text": '"Yes," she said.'}),
                "",  # blank lines are skipped
                "this is not json",
                json.dumps({"id": "c", "text": "“Fine,” said Ann Lee."}),
                json.dumps({"id": "d", "text": 42}),
                json.dumps({"text": "No quotes here."}),
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    return {"txt": txt, "html": html, "jsonl": jsonl}


# -- extract: inputs ----------------------------------------------------------------------------


@pytest.mark.model
def test_extract_txt_file(capsys: pytest.CaptureFixture[str], files: dict[str, Path]) -> None:
    code, out, _ = run(capsys, "extract", str(files["txt"]))
    assert code == 0
    [obj] = lines(out)
    assert set(obj) == DOC_KEYS  # no "text" for plain text
    assert obj["id"] == str(files["txt"])
    check_offsets(obj, ARTICLE)
    direct = [q for q in obj["quotes"] if q["kind"] == "direct"]
    assert [q["content"]["text"] for q in direct] == ["We will rebuild the pier,", "No,"]
    assert direct[0]["speaker"]["name"] == "Ann Lee"
    assert set(direct[0]["speaker"]) == {
        "id",
        "name",
        "title",
        "organization",
        "kind",
        "mention",
        "resolution",
        "name_mention",
        "members",
        "link",
    }
    assert direct[1]["speaker"]["name"] == "Tom Brady"  # "he"
    assert [b["text"] for b in obj["boilerplate"]] == ["Subscribe to our newsletter"]


@pytest.mark.model
def test_extract_html_file_adds_the_extracted_text(
    capsys: pytest.CaptureFixture[str], files: dict[str, Path]
) -> None:
    code, out, _ = run(capsys, "extract", str(files["html"]))
    assert code == 0
    [obj] = lines(out)
    assert set(obj) == DOC_KEYS | {"text"}
    text = obj["text"]
    assert "<" not in text and "var a" not in text
    check_offsets(obj, text)
    assert obj["quotes"][0]["content"]["text"] == "We will rebuild the pier,"
    assert [b["text"] for b in obj["boilerplate"]] == ["Share this article"]


@pytest.mark.model
def test_extract_jsonl_one_object_per_line_with_errors_in_place(
    capsys: pytest.CaptureFixture[str], files: dict[str, Path]
) -> None:
    path = str(files["jsonl"])
    code, out, _ = run(capsys, "extract", path)
    assert code == 0  # some documents were read
    objs = lines(out)
    # a line that is an object keeps its own id (issue 17); one that is not JSON gets path:line
    assert [o["id"] for o in objs] == ["a", f"{path}:3", "c", "d", f"{path}:6"]
    assert objs[1]["error"]["type"] == "InputFormatError"
    assert "line 3" in objs[1]["error"]["message"]
    assert set(objs[3]) == {"id", "error"} and "text" in objs[3]["error"]["message"]
    assert "line 5" in objs[3]["error"]["message"]
    assert objs[0]["quotes"][0]["content"]["text"] == "Yes,"
    assert objs[2]["quotes"][0]["speaker"]["name"] == "Ann Lee"
    assert objs[4]["quotes"] == []


@pytest.mark.model
def test_extract_several_paths_in_order(
    capsys: pytest.CaptureFixture[str], files: dict[str, Path], tmp_path: Path
) -> None:
    missing = str(tmp_path / "missing.txt")
    code, out, _ = run(
        capsys, "extract", str(files["txt"]), missing, str(files["jsonl"]), str(files["html"])
    )
    assert code == 0
    ids = [o["id"] for o in lines(out)]
    assert ids[:3] == [str(files["txt"]), missing, "a"]
    assert ids[-1] == str(files["html"])
    assert len(ids) == 2 + 5 + 1


@pytest.mark.model
def test_extract_stdin_plain_text(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(ARTICLE))
    code, out, _ = run(capsys, "extract")
    assert code == 0
    [obj] = lines(out)
    assert obj["id"] == "-"
    check_offsets(obj, ARTICLE)


@pytest.mark.model
def test_extract_stdin_json_lines(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    data = json.dumps({"id": "x1", "text": '"Yes," she said.'}) + "\n"
    data += json.dumps({"text": "“No,” he said."}) + "\n"
    monkeypatch.setattr(sys, "stdin", io.StringIO(data))
    code, out, _ = run(capsys, "extract", "-")
    assert code == 0
    objs = lines(out)
    assert [o["id"] for o in objs] == ["x1", "-:2"]
    assert [o["quotes"][0]["content"]["text"] for o in objs] == ["Yes,", "No,"]


def test_extract_nothing_readable_exits_1(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, extractor: Any
) -> None:
    missing = str(tmp_path / "nope.txt")
    code, out, err = run(capsys, "extract", missing)
    assert code == 1
    [obj] = lines(out)
    assert obj == {
        "id": missing,
        "error": {
            "type": "FileNotFoundError",
            "message": f"cannot read {missing}: No such file or directory",
        },
    }
    assert "no document could be read" in err


# -- extract: options ---------------------------------------------------------------------------


@pytest.mark.model
@pytest.mark.parametrize(("fmt", "delimiter"), [("csv", ","), ("tsv", "\t")])
def test_extract_csv_and_tsv(
    capsys: pytest.CaptureFixture[str], files: dict[str, Path], fmt: str, delimiter: str
) -> None:
    code, out, err = run(capsys, "extract", "--format", fmt, str(files["txt"]), str(files["jsonl"]))
    assert code == 0
    rows = list(csv.reader(io.StringIO(out), delimiter=delimiter))
    assert rows[0] == [
        "id",
        "kind",
        "start",
        "end",
        "content",
        "speaker",
        "title",
        "organization",
        "speaker_kind",
        "cue",
        "rule",
        "confidence",
        "speaker_id",
        "mention",
        "cue_type",
    ]
    body = rows[1:]
    txt_rows = [r for r in body if r[0] == str(files["txt"])]
    assert len(txt_rows) >= 3  # two direct quotes and a reported one
    for r in txt_rows:
        assert ARTICLE[int(r[2]) : int(r[3])] == r[4]
        assert 0.0 <= float(r[11]) <= 1.0
    first = next(r for r in txt_rows if r[1] == "direct")
    assert first[1:2] + first[4:6] + first[9:10] == [
        "direct",
        "We will rebuild the pier,",
        "Ann Lee",
        "said",
    ]
    assert {r[0] for r in body} == {str(files["txt"]), "a", "c"}
    assert "InputFormatError" in err  # error documents go to stderr, not into the table


@pytest.mark.model
def test_extract_output_file(
    capsys: pytest.CaptureFixture[str], files: dict[str, Path], tmp_path: Path
) -> None:
    target = tmp_path / "out.jsonl"
    code, out, _ = run(capsys, "extract", "-o", str(target), str(files["txt"]))
    assert code == 0 and out == ""
    [obj] = lines(target.read_text(encoding="utf-8"))
    assert obj["id"] == str(files["txt"])


@pytest.mark.model
def test_extract_kinds_filter(capsys: pytest.CaptureFixture[str], files: dict[str, Path]) -> None:
    _, out, _ = run(capsys, "extract", str(files["txt"]))
    kinds_all = {q["kind"] for q in lines(out)[0]["quotes"]}
    assert {"direct", "indirect"} <= kinds_all
    code, out, _ = run(capsys, "extract", "--kinds", "direct", str(files["txt"]))
    assert code == 0
    assert {q["kind"] for q in lines(out)[0]["quotes"]} == {"direct"}
    code, out, _ = run(capsys, "extract", "--kinds", "indirect,mixed", str(files["txt"]))
    assert {q["kind"] for q in lines(out)[0]["quotes"]} == {"indirect"}


def test_extract_unknown_kind_is_an_error(
    capsys: pytest.CaptureFixture[str], files: dict[str, Path]
) -> None:
    code, out, err = run(capsys, "extract", "--kinds", "direct,gossip", str(files["txt"]))
    assert code == 1 and out == ""
    assert "gossip" in err and "E013" in err


@pytest.mark.model
def test_extract_min_confidence(capsys: pytest.CaptureFixture[str], files: dict[str, Path]) -> None:
    _, out, _ = run(capsys, "extract", "--min-confidence", "0.92", str(files["txt"]))
    confs = [q["confidence"] for q in lines(out)[0]["quotes"]]
    assert confs and min(confs) >= 0.92


@pytest.mark.model
def test_extract_with_text(capsys: pytest.CaptureFixture[str], files: dict[str, Path]) -> None:
    _, out, _ = run(capsys, "extract", "--with-text", str(files["txt"]))
    [obj] = lines(out)
    assert obj["text"] == ARTICLE
    assert quotecraft.from_dict(obj).is_html is False


# -- demo, version, help ------------------------------------------------------------------------


@pytest.mark.model
def test_demo_prints_a_readable_summary(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "demo")
    assert code == 0
    head = out.splitlines()[0]
    assert head.startswith(tuple(f"{n} quotations (" for n in range(5, 40)))
    assert "boilerplate lines skipped" in head
    assert "DIRECT   Helen Okafor (Mayor)" in out
    assert "Derek Vance" in out and "[as “he”]" in out  # the pronoun speaker, resolved
    assert "direct.split" in out  # the split quote
    assert "Sam Ortiz" in out  # the multi-paragraph quote's speaker
    assert "Boilerplate (never quoted): Share this article | Subscribe to our newsletter" in out
    assert "Speakers:" in out


@pytest.mark.model
def test_demo_summary_shows_a_split_quote_without_its_attribution() -> None:
    from quotecraft.cli.demo import summary

    art = quotecraft.extract('"The road is closed," said Pia Horn. "It opens in May."')
    out = summary(art)
    assert "“The road is closed, It opens in May.”" in out
    assert 'closed," said' not in out


@pytest.mark.model
def test_demo_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "demo", "--json")
    assert code == 0
    [obj] = lines(out)
    assert obj["id"] == "example"
    check_offsets(obj, quotecraft.examples.article())


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        cli.main(["--version"])
    assert exc.value.code == 0
    assert capsys.readouterr().out.strip() == f"quotecraft {quotecraft.__version__}"


def test_installed_command_version() -> None:
    exe = Path(sys.executable).parent / "quotecraft"
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "quotecraft"]
    res = subprocess.run([*cmd, "--version"], capture_output=True, text=True, timeout=120)
    assert res.returncode == 0, res.stderr
    assert res.stdout.strip() == f"quotecraft {quotecraft.__version__}"


def test_extract_help_documents_inputs_outputs_and_errors(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as exc:
        cli.main(["extract", "--help"])
    assert exc.value.code == 0
    out = capsys.readouterr().out
    for needle in (
        ".txt",
        ".html",
        ".jsonl",
        "standard input",
        '"error": {"type", "message"}',
        '"paragraphs"',
        '"boilerplate"',
        '"text"',
        "--format",
        "--output",
        "--kinds",
        "exit status",
    ):
        assert needle in out, needle


def test_no_command_prints_help_and_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    code = cli.main([])
    assert code == 2
    err = capsys.readouterr().err
    assert "extract" in err and "demo" in err


@pytest.mark.model
def test_extract_can_switch_rules_off(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Mayor Lopez: The bridge will reopen next month.\n\nMore.", encoding="utf-8")
    code, out, _ = run(capsys, "extract", "-q", str(path))
    assert code == 0 and "reported.colon.v1" in out
    code, out, _ = run(capsys, "extract", "-q", "--disable", "reported.colon.v1", str(path))
    assert code == 0 and "reported.colon.v1" not in out
    code, out, err = run(capsys, "extract", "-q", "--disable", "reported.nope.v1", str(path))
    assert code == 1 and "E015" in err and out == ""


@pytest.mark.model
@pytest.mark.issue(18)
def test_csv_speaker_id_mention_cue_type_and_quoted_words(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    text = '"The ferry is late," Captain Ida Roos said. "It always is."\n\n"Wait," she said.'
    src = tmp_path / "ferry.txt"
    src.write_text(text, encoding="utf-8")
    code, out, _ = run(capsys, "extract", "--format", "csv", str(src))
    assert code == 0
    header, *rows = list(csv.reader(io.StringIO(out)))
    assert header[-3:] == ["speaker_id", "mention", "cue_type"]
    got = [dict(zip(header, r, strict=True)) for r in rows]
    art = quotecraft.extract(text)
    assert len(got) == len(art.quotes) >= 2
    for row, q in zip(got, art.quotes, strict=True):
        assert row["content"] == q.words  # a split quote without its attribution
        assert row["speaker_id"] == (q.speaker.id if q.speaker else "")
        want_mention = q.speaker.mention.text if q.speaker and q.speaker.mention else ""
        assert row["mention"] == want_mention
        assert row["cue_type"] == (q.cue.type.value if q.cue and q.cue.type else "")
    assert got[0]["content"] == "The ferry is late, It always is."
    assert got[0]["speaker_id"] == "S1" and got[0]["mention"] == "Captain Ida Roos"
    assert got[-1]["mention"] == "she" and got[-1]["speaker_id"] == "S1"


@pytest.mark.issue(18)
def test_document_count_for_the_progress_bar(tmp_path: Path) -> None:
    batch = tmp_path / "batch.jsonl"
    batch.write_text('{"id": 1, "text": "a"}\n\n{"id": 2, "text": "b"}\nnot json\n', "utf-8")
    one = tmp_path / "one.txt"
    one.write_text("Just one.\n\nTwo paragraphs.", encoding="utf-8")
    # three non-blank lines (the bad one is reported, so it counts) + one text file
    assert cli.count_documents([str(batch), str(one)]) == 4
    assert cli.count_documents([str(tmp_path / "missing.jsonl")]) == 1
    assert cli.count_documents(["-"]) is None and cli.count_documents([]) is None


@pytest.mark.issue(18)
def test_progress_bar_shows_total_and_time_left(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    err = io.StringIO()
    err.isatty = lambda: True  # type: ignore[method-assign]
    monkeypatch.setattr(sys, "stderr", err)
    monkeypatch.delenv("CI", raising=False)
    bar = cli._progress(False, total=4)
    bar.update()
    bar.update()
    bar.close()
    shown = err.getvalue()
    assert "2/4" in shown and "50%" in shown and "<" in shown  # tqdm's "elapsed<left"
    unknown = cli._progress(False, total=None)
    assert unknown.total is None
    unknown.close()
    assert isinstance(cli._progress(True, total=4), cli._NoProgress)


@pytest.mark.model
def test_a_warning_is_one_line_for_the_user(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A rule file's verb the model lemmatizes otherwise warns on one line, as the
    command's own message, not with the library's source line."""
    rules = tmp_path / "rules.json"
    rules.write_text(json.dumps({"verbs": ["gripe", "clonk"]}), encoding="utf-8")
    text = tmp_path / "t.txt"
    text.write_text("The tenants griped that the heat was off again.\n", encoding="utf-8")
    code, out, err = run(capsys, "extract", str(text), "--rules", str(rules))
    assert code == 0
    [obj] = lines(out)
    assert [q["cue"]["text"] for q in obj["quotes"]] == ["griped"]
    warned = [ln for ln in err.splitlines() if "W006" in ln]
    assert warned and all(ln.startswith("quotecraft: warning: W006") for ln in warned), err
    assert ".py:" not in err
