"""Robustness (issue 8): whatever the input, a result or a typed error, never an invalid span.

- every file of ``tests/fuzz_corpus/`` (nasty inputs written for these tests) goes through
  the extractor and must give an :class:`~quotecraft.Article` whose every span is valid
  (:func:`fuzz.robust.problems` walks the records generically);
- non-text input gives :class:`~quotecraft.InputTypeError` (a ``TypeError``) that says how
  to decode; a batch turns every bad document into an :class:`~quotecraft.ErrorRecord`
  carrying its id and goes on;
- the same text gives the same output alone, in a batch, twice, and with ``n_process=2``;
- the big shapes (one enormous paragraph, 100,000 short lines, 5 MB split into pieces for
  parsing) run here at a smaller size with the same shape; full size is in
  ``benchmarks/robustness.py`` (see ``docs/robustness.md``).
"""

from __future__ import annotations

import contextlib
import json
import os
import random
from pathlib import Path
from typing import Any

import attrs
import pytest
from fuzz.robust import batch_problems, problems, random_document

import quotecraft
from quotecraft import Article, ErrorRecord, InputTooLargeError, InputTypeError, QuotecraftError
from quotecraft import errors as qerrors

pytestmark = pytest.mark.model

CORPUS = Path(__file__).parent / "fuzz_corpus"
CORPUS_FILES = sorted(p.name for p in CORPUS.iterdir() if p.suffix in (".txt", ".html"))
SPECIAL = [
    json.loads(line) for line in (CORPUS / "not_utf8_or_not_text.jsonl").open(encoding="utf-8")
]
FOREIGN = {
    "french",
    "german",
    "spanish",
    "russian",
    "chinese",
    "japanese",
    "arabic",
    "hebrew",
    "hindi",
}
NO_WORDS = {"all_quotation_marks", "marks_and_spaces", "only_punctuation", "single_mark"}


def _read(name: str) -> str:
    # newline="" keeps CR and CRLF exactly as written
    with (CORPUS / name).open(encoding="utf-8", newline="") as fh:
        return fh.read()


@pytest.fixture(scope="module")
def corpus_results(extractor: Any) -> dict[str, Article]:
    return {name: extractor(_read(name)) for name in CORPUS_FILES}


def test_corpus_is_not_empty() -> None:
    assert len(CORPUS_FILES) >= 30


@pytest.mark.parametrize("name", CORPUS_FILES)
def test_corpus_file(name: str, corpus_results: dict[str, Article]) -> None:
    text = _read(name)
    art = corpus_results[name]
    assert isinstance(art, Article)
    assert problems(art, text) == []
    stem = name.rsplit(".", 1)[0]
    if stem in FOREIGN:
        # not English: no quotes, or a warning saying the language is not supported
        assert not art.quotes or any(w.startswith("W003") for w in art.warnings), art.quotes
    if stem in NO_WORDS or not text.strip():
        assert art.quotes == ()
    if not text.strip():
        assert art.paragraphs == ()
    if name.endswith(".html"):
        assert art.is_html
        # nothing from scripts, styles, comments, templates, svg, noscript or the head
        assert "nobody" not in art.text
        assert "said" in art.text
    if stem in ("control_characters", "invisible_and_rtl", "emoji_combining"):
        assert any(w.startswith("W005") for w in art.warnings)


def test_corpus_batch_equals_single_calls(
    extractor: Any, corpus_results: dict[str, Article]
) -> None:
    texts = [_read(n) for n in CORPUS_FILES]
    items = [{"id": n, "text": t} for n, t in zip(CORPUS_FILES, texts, strict=True)]
    results = list(extractor.pipe(items, batch_size=7))
    assert batch_problems(items, results) == []
    for name, res in zip(CORPUS_FILES, results, strict=True):
        single = attrs.evolve(corpus_results[name], id=name)
        assert quotecraft.to_json(res) == quotecraft.to_json(single), name


# -- inputs that are not (UTF-8) text ----------------------------------------------------------


def _special_value(case: dict[str, Any]) -> Any:
    if "bytes_hex" in case:
        return bytes.fromhex(case["bytes_hex"])
    if "text" in case:
        return case["text"]
    return case["value"]


@pytest.mark.parametrize("case", SPECIAL, ids=[c["name"] for c in SPECIAL])
def test_special_inputs(case: dict[str, Any], extractor: Any) -> None:
    value = _special_value(case)
    if isinstance(value, str):
        art = extractor(value)
        assert problems(art, value) == []
        assert json.loads(quotecraft.to_json(art, include_text=True))["text"] == value
        return
    with pytest.raises(InputTypeError) as info:
        extractor(value)
    assert isinstance(info.value, TypeError) and isinstance(info.value, QuotecraftError)
    assert str(info.value).startswith("E002")
    if isinstance(value, bytes):
        assert ".decode(" in str(info.value)


@pytest.mark.parametrize("value", [b"bytes", bytearray(b"bytes"), memoryview(b"bytes")])
def test_bytes_error_says_how_to_decode(value: Any) -> None:
    with pytest.raises(TypeError, match=r"decode"):
        quotecraft.extract(value)


# -- a batch never dies --------------------------------------------------------------------------


def test_batch_survives_every_kind_of_bad_document(extractor: Any, monkeypatch: Any) -> None:
    from quotecraft import direct

    real_detect = direct.detect

    def exploding_detect(doc: Any, *args: Any, **kwargs: Any) -> Any:
        if "EXPLODE" in doc.text:
            raise RuntimeError("a stage failed on this document")
        return real_detect(doc, *args, **kwargs)

    monkeypatch.setattr(direct, "detect", exploding_detect)
    items: list[Any] = [
        '"Fine," she said.',
        b"raw bytes",
        None,
        {"id": "no-text"},
        {"id": "int-text", "text": 7},
        ("tuple-id", '"Yes," he said.'),
        {"id": "boom", "text": '"EXPLODE now," said Ann Lee.'},
        "",
        {"id": 12, "text": "<p>\u201cHTML,\u201d she said.</p>"},
        _read("html_broken.html"),
        '"Last," said Lee.',
    ]
    results = list(extractor.pipe(items, batch_size=3))
    assert [r.id for r in results] == [
        "0", "1", "2", "no-text", "int-text", "tuple-id", "boom", "7", "12", "9", "10",
    ]  # fmt: skip
    errors = {r.id: r for r in results if isinstance(r, ErrorRecord)}
    assert set(errors) == {"1", "2", "no-text", "int-text", "boom"}
    assert errors["1"].type == "InputTypeError" and "decode" in errors["1"].message
    assert errors["boom"].type == "RuntimeError"
    # everything else is a valid Article
    for item, res in zip(items, results, strict=True):
        if res.id not in errors:
            text = item if isinstance(item, str) else None
            assert problems(res, text) == []
    assert results[0].quotes and results[-1].quotes


def test_batch_survives_a_failing_segmentation(extractor: Any, monkeypatch: Any) -> None:
    from quotecraft import extractor as extractor_module

    real_segment = extractor_module.segment

    def failing_segment(raw: str, **kwargs: Any) -> Any:
        if "SEGFAIL" in raw:
            raise ValueError("segmentation failed")
        return real_segment(raw, **kwargs)

    monkeypatch.setattr(extractor_module, "segment", failing_segment)
    items = ['"A," she said.', "SEGFAIL", '"B," he said.']
    results = list(extractor.pipe(items))
    assert [type(r).__name__ for r in results] == ["Article", "ErrorRecord", "Article"]
    assert results[1].id == "1" and results[1].type == "ValueError"


def test_input_too_large_is_typed_and_says_what_to_do() -> None:
    small = quotecraft.load(config={"max_chars": 40})
    with pytest.raises(InputTooLargeError) as info:
        small("x" * 41)
    assert isinstance(info.value, ValueError)
    assert "max_chars" in str(info.value) and "split the text" in str(info.value)
    results = list(small.pipe(["short", "y" * 41, "also short"]))
    assert [type(r).__name__ for r in results] == ["Article", "ErrorRecord", "Article"]
    assert results[1].type == "InputTooLargeError"


def test_every_error_class_is_a_quotecraft_error() -> None:
    classes = [
        v
        for v in vars(qerrors).values()
        if isinstance(v, type)
        and issubclass(v, Exception)
        and not issubclass(v, Warning)
        and v.__module__ == qerrors.__name__
    ]
    assert len(classes) >= 5
    for cls in classes:
        assert issubclass(cls, qerrors.QuotecraftError)
    codes = [v for k, v in vars(qerrors).items() if k.startswith("W_") and isinstance(v, str)]
    # every warning message starts with its code; W_MORE repeats the code it summarizes
    codes = [c.replace("{code}", "W001") for c in codes]
    assert codes and all(c[:1] == "W" and c[1:4].isdigit() for c in codes)


# -- the big shapes, smaller -------------------------------------------------------------------


def _news_sentences(rng: random.Random, n: int) -> list[str]:
    names = ["Ann Lee", "John Smith", "Maria Garcia", "the spokesman", "officials"]
    forms = [
        '"We will build bridge {i}," said {n}.',
        "{n} said that plan {i} was fair.",
        "According to {n}, vote {i} was close.",
        "The council met on day {i}.",
        '{n} told reporters: "Item {i} is done."',
    ]
    return [rng.choice(forms).format(i=i, n=rng.choice(names)) for i in range(n)]


def test_one_enormous_paragraph(extractor: Any) -> None:
    text = " ".join(_news_sentences(random.Random(1), 160))  # no line break at all
    art = extractor(text)
    assert problems(art, text) == []
    assert len(art.paragraphs) == 1
    assert len(art.quotes) > 50


def test_many_short_lines(extractor: Any) -> None:
    lines = _news_sentences(random.Random(2), 1200)
    text = "\n".join(lines)
    art = extractor(text)
    assert problems(art, text) == []
    assert len(art.paragraphs) == len(lines)
    assert len(art.quotes) > 400


def test_long_text_parsed_in_pieces(extractor: Any) -> None:
    """The path a 5 MB text takes (parsed in pieces cut at paragraph breaks), at 14 kB."""
    text = "\n\n".join(_news_sentences(random.Random(3), 320))
    pieces = quotecraft.load(config={"chunk_chars": 1000})
    art = pieces(text)
    assert problems(art, text) == []
    assert any(w.startswith("W004") for w in art.warnings)
    assert len(art.quotes) > 100
    # a single-paragraph text has no paragraph break to cut at: cut at sentence ends/spaces
    flat = " ".join(_news_sentences(random.Random(4), 120))
    art = pieces(flat)
    assert problems(art, flat) == []


# -- determinism --------------------------------------------------------------------------------


def _docs(seed: int, n: int) -> list[str]:
    rng = random.Random(seed)
    return [random_document(rng, max_paragraphs=3) for _ in range(n)]


def _json(res: Any) -> str:
    """The result as JSON without its id (ids are positions, which differ between batches)."""
    return quotecraft.to_json(attrs.evolve(res, id=None))


def test_same_input_same_output_across_runs(extractor: Any) -> None:
    docs = _docs(5, 30)
    first = [_json(r) for r in extractor.pipe(docs, batch_size=4)]
    second = [_json(r) for r in extractor.pipe(list(reversed(docs)), batch_size=9)]
    assert first == list(reversed(second))
    assert [_json(extractor(d)) for d in docs[:8]] == first[:8]


def test_same_output_with_two_processes(extractor: Any) -> None:
    docs = [*_docs(6, 24), b"bytes", _read("html_broken.html"), _read("control_characters.txt")]
    one = [quotecraft.to_json(r) for r in quotecraft.extract_many(docs, n_process=1, batch_size=5)]
    two = [quotecraft.to_json(r) for r in quotecraft.extract_many(docs, n_process=2, batch_size=5)]
    assert one == two
    assert len(one) == len(docs)


# -- rule files are data ------------------------------------------------------------------------


def test_rule_files_never_execute_code(tmp_path: Path) -> None:
    pytest.importorskip("yaml")
    marker = tmp_path / "executed"
    evil_yaml = tmp_path / "evil.yaml"
    evil_yaml.write_text(f"verbs: !!python/object/apply:os.system ['touch {marker}']\n")
    with pytest.raises(quotecraft.RuleError):
        quotecraft.load(rules=str(evil_yaml))
    code_json = tmp_path / "code.json"
    code_json.write_text(
        json.dumps({"verbs": [f"__import__('os').system('touch {marker}')"], "nouns": {}})
    )
    with contextlib.suppress(quotecraft.RuleError):
        quotecraft.load(rules=str(code_json))  # a strange lemma, or a RuleError: never run
    assert not marker.exists()


# -- the fuzz target runs, and reports what it finds --------------------------------------------


def test_fuzz_target_smoke(tmp_path: Path) -> None:
    from fuzz import fuzz_extract

    args = ["--engine", "random", "--examples", "12", "--seed", "3", "--findings", str(tmp_path)]
    assert fuzz_extract.main(args) == 0
    assert not any(tmp_path.iterdir())


def test_fuzz_target_saves_findings(tmp_path: Path, extractor: Any) -> None:
    import argparse

    from fuzz import fuzz_extract

    class Broken:
        """An extractor whose results have a span that does not match the text."""

        def __call__(self, text: str) -> Article:
            return self._break(extractor(text))

        def pipe(self, texts: list[str], **kw: Any) -> Any:
            return [self._break(r) for r in extractor.pipe(texts, **kw)]

        @staticmethod
        def _break(art: Any) -> Any:
            if not isinstance(art, Article) or not art.text:
                return art
            para = quotecraft.TextSpan(0, 1, "\x00" if art.text[0] != "\x00" else "x")
            return attrs.evolve(art, paragraphs=(para,))

    args = argparse.Namespace(seed=1, seconds=30.0, examples=4, findings=tmp_path)
    assert fuzz_extract.run_random(Broken(), args) == 1
    saved = [json.loads(p.read_text()) for p in tmp_path.iterdir()]
    assert saved and "paragraphs[0]" in saved[0]["why"]


# -- issue 17: sizes, thresholds, outputs and malformed records -----------------------------------

ONE_QUOTE = '"The pier opens in May," said Mayor Ann Lee.'


def _cli(capsys: Any, *argv: str) -> tuple[int, str, str]:
    from quotecraft import cli

    try:
        code = cli.main(list(argv))
    except SystemExit as exc:  # argparse usage errors
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.issue(17)
@pytest.mark.parametrize(
    ("kwargs", "name"),
    [
        ({"batch_size": 0}, "batch_size"),
        ({"batch_size": -1}, "batch_size"),
        ({"batch_size": 2.5}, "batch_size"),
        ({"n_process": 0}, "n_process"),
        ({"n_process": -2}, "n_process"),
        ({"n_process": True}, "n_process"),
    ],
)
def test_invalid_batch_sizes_are_refused_before_any_work(
    extractor: Any, kwargs: dict[str, Any], name: str
) -> None:
    read: list[int] = []

    def items() -> Any:
        read.append(1)
        yield ONE_QUOTE

    with pytest.raises(qerrors.ConfigError, match=rf"^E005 {name} must be a whole number"):
        quotecraft.extract_many(items(), **kwargs)
    with pytest.raises(qerrors.ConfigError, match=rf"^E005 {name} "):
        next(iter(extractor.pipe(items(), **kwargs)))
    assert read == []  # refused before a document was read


@pytest.mark.issue(17)
@pytest.mark.parametrize(
    "argv",
    [
        ["--batch-size", "0"],
        ["-b", "-1"],
        ["--jobs", "0"],
        ["-j", "-3"],
        ["-j", "two"],
        ["--min-confidence", "nan"],
        ["--min-confidence", "2"],
        ["--min-confidence", "-0.1"],
    ],
)
def test_cli_refuses_bad_sizes_and_thresholds(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, argv: list[str]
) -> None:
    doc = tmp_path / "ok.txt"
    doc.write_text(ONE_QUOTE, encoding="utf-8")
    code, out, err = _cli(capsys, "extract", *argv, str(doc))
    assert code == 2 and out == ""
    option = {"-b": "--batch-size", "-j": "--jobs"}.get(argv[0], argv[0])
    assert f"{option}: must be" in err
    assert "at least 1" in err or "from 0 to 1" in err
    assert "Traceback" not in err


@pytest.mark.issue(17)
@pytest.mark.parametrize("value", [2, -0.1, float("nan"), float("inf"), "0.5", None, True])
def test_config_thresholds_must_be_from_0_to_1(value: Any) -> None:
    with pytest.raises(qerrors.ConfigError, match=r"^E006 min_confidence must be a number from 0"):
        quotecraft.Config(min_confidence=value)
    assert quotecraft.Config(min_confidence=1).min_confidence == 1.0


@pytest.mark.issue(17)
@pytest.mark.parametrize("field", ["chunk_chars", "max_chars"])
def test_config_sizes_must_be_positive(field: str) -> None:
    with pytest.raises(qerrors.ConfigError, match=rf"^E005 {field} must be a whole number"):
        quotecraft.Config(**{field: 0})


@pytest.mark.issue(17)
def test_jobs_are_capped_and_said_once(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from quotecraft import limits

    paths = []
    for k in range(3):
        paths.append(tmp_path / f"d{k}.txt")
        paths[-1].write_text(ONE_QUOTE, encoding="utf-8")
    monkeypatch.setattr(limits, "usable_cpus", lambda: 1)
    code, out, err = _cli(capsys, "extract", "-j", "24", *map(str, paths))
    assert code == 0 and len(out.splitlines()) == 3
    assert err == "quotecraft: --jobs 24 lowered to 1, the number of usable CPUs\n"
    monkeypatch.setattr(limits, "usable_cpus", lambda: 8)
    code, out, err = _cli(capsys, "extract", "--jobs", "24", str(paths[0]))
    assert code == 0 and len(out.splitlines()) == 1
    assert err == "quotecraft: --jobs 24 lowered to 1, the number of documents\n"


@pytest.mark.issue(17)
def test_usable_cpus_is_at_least_one() -> None:
    from quotecraft.limits import usable_cpus

    assert 1 <= usable_cpus() <= (os.cpu_count() or 1)


@pytest.mark.issue(17)
@pytest.mark.parametrize("command", ["extract", "render"])
@pytest.mark.parametrize("target", ["missing_dir/x.out", "."])
def test_unwritable_output_is_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, command: str, target: str
) -> None:
    doc = tmp_path / "ok.txt"
    doc.write_text(ONE_QUOTE, encoding="utf-8")
    where = tmp_path / target
    code, out, err = _cli(capsys, command, str(doc), "-o", str(where))
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and f"cannot write {where}: " in err, err
    assert ("No such file or directory" in err) if "missing" in target else ("directory" in err)


@pytest.mark.issue(17)
@pytest.mark.parametrize(
    ("command", "line", "fragment"),
    [
        ("render", '{"id": "q", "text": "abc", "quotes": [{}]}', "required field missing"),
        (
            "render",
            '{"id": "q", "text": "abc", "quotes": [], "paragraphs": [{"start": 0, "end": 9, "text": "abc"}]}',
            "record.paragraphs[0]",
        ),
        ("render", '{"id": "q", "text": 5}', '"text" must be a string'),
        ("stats", '{"id": "a", "quotes": [1]}', "quote 0 is not an object"),
        ("stats", '{"id": "a", "quotes": [{"kind": "direct", "speaker": 7}]}', "the speaker"),
        ("stats", '{"id": "a", "quotes": {"kind": "direct"}}', '"quotes" is not a list'),
        ("stats", '{"id": "a", "quotes": [{"kind": "loud"}]}', "unknown kind 'loud'"),
    ],
)
def test_malformed_extract_output_names_the_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, command: str, line: str, fragment: str
) -> None:
    path = tmp_path / "out.jsonl"
    good = '{"id": "g", "quotes": [], "text": "fine"}'
    path.write_text(good + "\n\n" + line + "\n" if command == "stats" else line + "\n")
    code, out, err = _cli(capsys, command, str(path))
    assert code == 1 and out == ""
    n = 3 if command == "stats" else 1
    assert err.startswith(f"quotecraft {command}: E007 {path} line {n}: "), err
    assert fragment in err and err.count("\n") == 1


@pytest.mark.issue(17)
def test_stats_of_malformed_dicts_is_a_typed_error() -> None:
    from quotecraft.stats import speaker_stats

    with pytest.raises(qerrors.InputFormatError, match=r"^E007 document 'a': quote 0"):
        speaker_stats([{"id": "a", "quotes": [1]}])


@pytest.mark.issue(17)
def test_error_records_keep_the_documents_own_id(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "mixed.jsonl"
    rows = [{"id": "m", "text": ONE_QUOTE}, {"id": "n", "text": None}, {"text": 3}, [1]]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    code, out, _ = _cli(capsys, "extract", str(path))
    assert code == 0
    ids = [json.loads(x)["id"] for x in out.splitlines()]
    assert ids == ["m", "n", f"{path}:3", f"{path}:4"]


@pytest.mark.issue(17)
def test_w004_says_how_the_text_was_split() -> None:
    pieces = quotecraft.load(config={"chunk_chars": 1000})
    sentences = " ".join(_news_sentences(random.Random(2), 80))
    one_line = pieces(sentences)
    (w,) = [w for w in one_line.warnings if w.startswith("W004")]
    assert "paragraph" not in w and ("sentence end" in w or "space" in w), w
    paragraphs = pieces("\n\n".join(_news_sentences(random.Random(2), 80)))
    (w,) = [w for w in paragraphs.warnings if w.startswith("W004")]
    assert w.endswith("paragraph breaks") and "line" not in w, w
    no_breaks = pieces("x" * 2500)
    (w,) = [w for w in no_breaks.warnings if w.startswith("W004")]
    assert "long runs without a space" in w and "paragraph" not in w, w


# -- issue 17: texts dense in punctuation (defect 3); timings are in benchmarks/robustness.py -----


@pytest.mark.issue(17)
@pytest.mark.parametrize(
    "text",
    [
        '"' * 10_000,
        ("“”«»„" + '"') * 2000,
        "x" + "'s" * 5000,
        'Ann said "' + '"' * 500 + 'it was fine," and left. ' + "“” " * 300,
    ],
)
def test_punctuation_dense_text_gives_a_valid_result(extractor: Any, text: str) -> None:
    art = extractor(text)
    assert problems(art, text) == []


@pytest.mark.issue(17)
def test_the_parser_never_sees_marks_without_words(
    extractor: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[str] = []
    pipe = extractor.nlp.pipe

    def recording(texts: Any, **kwargs: Any) -> Any:
        def record() -> Any:
            for t in texts:
                seen.append(t)
                yield t

        return pipe(record(), **kwargs)

    monkeypatch.setattr(extractor.nlp, "pipe", recording)
    text = '"Fine," said Ann Lee.\n\n' + "“”" * 2000 + "\n\nShe left."
    art = extractor(text)
    assert [q.speaker.name for q in art.quotes if q.speaker] == ["Ann Lee"]
    assert seen and all("““" not in t and "””" not in t for t in seen)
    (w,) = [w for w in art.warnings if w.startswith("W004")]
    assert w.endswith("split at 2 runs of marks without words"), w


@pytest.mark.issue(17)
def test_no_sentence_is_longer_than_the_cap(extractor: Any) -> None:
    from quotecraft.pieces import SENTENCE_TOKENS

    text = '"Yes," she said ' * 600  # no full stop anywhere
    doc = next(extractor.parse_stream(iter([extractor.segment(text)])))
    assert max(len(s) for s in doc.sents) <= SENTENCE_TOKENS
    art = extractor(text)
    assert problems(art, text) == [] and art.quotes


@pytest.mark.issue(17)
def test_a_long_sentence_from_the_parser_is_parsed_again(extractor: Any) -> None:
    from quotecraft.model import PARAGRAPHS
    from quotecraft.parse import cap_sentences
    from quotecraft.pieces import SENTENCE_TOKENS

    nlp = extractor.nlp
    with nlp.select_pipes(disable=[PARAGRAPHS]):  # no sentence starts preset
        doc = nlp('"Yes," she said ' * 200)
    assert max(len(s) for s in doc.sents) > SENTENCE_TOKENS
    again = cap_sentences(nlp, doc)
    assert again.text == doc.text and again.has_annotation("DEP")
    assert max(len(s) for s in again.sents) <= SENTENCE_TOKENS
    assert cap_sentences(nlp, again) is again  # short sentences: parsed once


# -- issue 17, defect 13: long articles analyzed in units (memory: tests/test_memory.py) --------


@pytest.mark.issue(17)
def test_units_give_the_whole_articles_quotes(monkeypatch: pytest.MonkeyPatch) -> None:
    from quotecraft import parse

    paragraphs = [
        f'"Pier {k} opens in May," said Harbor Master Ola Berg. '
        f"Councillor Tom Reyes said that plan {k} cost too much."
        for k in range(80)
    ]
    paragraphs[70] = "” A stray mark. " + paragraphs[70]
    text = "\n\n".join(paragraphs)
    small_pieces = quotecraft.load(config={"chunk_chars": 1000})
    whole = small_pieces(text)
    monkeypatch.setattr(parse, "UNIT_CHARS", 2000)
    units = small_pieces(text)

    def key(q: Any) -> Any:
        return (q.kind, q.content, q.cue, q.paragraph, q.rule, q.speaker.name, q.speaker.mention)

    assert problems(units, text) == []
    assert [key(q) for q in units.quotes] == [key(q) for q in whole.quotes]
    assert units.warnings == whole.warnings
    stray = text.index("” A stray")
    assert f"W002 stray closing quotation mark at offset {stray} ignored" in units.warnings
    assert [s.name for s in units.speakers] == ["Ola Berg", "Tom Reyes"]
    assert len({q.speaker.id for q in units.quotes}) == 2


def test_a_long_run_of_one_pronoun_needs_no_deep_recursion(extractor: Any) -> None:
    """``"...," he said.`` sentence after sentence: each *he* is followed back through the
    run of *he* before it, which must be a loop, not a call per sentence (a text of a few
    thousand such sentences raised RecursionError). With the interpreter's limit lowered,
    a run longer than that limit must still give every quote."""
    import sys

    text = " ".join(f'He paused. "Point {i} stands," he said.' for i in range(400))
    extractor("warm up the model")
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(300)
    try:
        article = extractor(text)
    finally:
        sys.setrecursionlimit(limit)
    assert len(article.quotes) == 400
