"""quotecraft.testing: the pytest plugin (run with pytester), assert_quotes, make_doc, golden.

All texts are written for these tests.
"""

from __future__ import annotations

import ast
import shutil
from importlib import metadata
from pathlib import Path
from typing import Any

# pytester's in-process runs forget the modules first imported during a run: hypothesis's
# plugin would import hypothesis afresh in every run (seconds each) unless it is loaded here
import hypothesis  # noqa: F401
import pytest

import quotecraft
from quotecraft import testing
from quotecraft.testing import (
    assert_quotes,
    golden,
    golden_path,
    guess_spaces,
    make_doc,
    summarize,
)

pytest_plugins = ["pytester"]

EXTENSION_RULES = Path(__file__).resolve().parent / "extension" / "rules" / "social.json"
MAYOR = "“We will rebuild,” said Mayor Ann Lee. She added that the tolls would stay low."


# -- the plugin -------------------------------------------------------------------------------


def test_the_plugin_is_a_pytest11_entry_point() -> None:
    eps = {ep.name: ep.value for ep in metadata.entry_points(group="pytest11")}
    assert eps.get("quotecraft") == "quotecraft.testing"


def test_importing_the_plugin_is_cheap() -> None:
    """Only the standard library and pytest at import time; spaCy and models load on use."""
    tree = ast.parse(Path(testing.__file__).read_text(encoding="utf-8"))
    allowed = {"__future__", "ast", "difflib", "json", "os", "threading", "collections", "pathlib"}
    allowed |= {"typing", "pytest"}
    for node in tree.body:  # top level only: imports inside functions are lazy
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            names = [node.module or ""]
            assert node.level == 0, f"line {node.lineno}: relative import at module level"
        else:
            continue
        for name in names:
            assert name.split(".")[0] in allowed, f"line {node.lineno}: imports {name}"


def test_options_are_registered(pytester: pytest.Pytester) -> None:
    result = pytester.runpytest("--help")
    result.stdout.fnmatch_lines(["*--update-golden*", "*quotecraft_model*", "*quotecraft_rules*"])


@pytest.mark.model
def test_fixture_and_assert_quotes_in_a_test_suite(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        f"""
        from quotecraft.testing import assert_quotes

        TEXT = {MAYOR!r}
        seen = []

        def test_finds_the_mayor(quotecraft_nlp):
            seen.append(quotecraft_nlp)
            assert quotecraft_nlp.pipe_names[-1] == "quotecraft"
            assert_quotes(quotecraft_nlp(TEXT), [
                {{"kind": "direct", "content": "rebuild", "speaker": "Ann Lee", "cue": "say"}},
                {{"kind": "indirect", "content": "tolls", "speaker": "Ann Lee", "cue": "add"}},
            ])

        def test_one_pipeline_per_session(quotecraft_nlp):
            assert seen == [quotecraft_nlp]

        def test_a_wrong_speaker(quotecraft_nlp):
            assert_quotes(quotecraft_nlp(TEXT), [
                {{"kind": "direct", "content": "rebuild", "speaker": "Bob Ray"}},
            ])
        """
    )
    result = pytester.runpytest("-p", "no:cacheprovider")
    result.assert_outcomes(passed=2, failed=1)
    result.stdout.fnmatch_lines(
        [
            "*AssertionError: quotes differ from the expected ones: 1 differ, 1 unexpected",
            "*differs     {'kind': 'direct', 'content': 'rebuild', 'speaker': 'Bob Ray'}",
            "*found     {'kind': 'direct', 'content': 'We will rebuild,', 'speaker': 'Ann Lee', 'cue': 'say'}",
            "*where     speaker: found 'Ann Lee', expected 'Bob Ray'",
            "*unexpected  {'kind': 'indirect', 'content': 'the tolls would stay low'*",
            "*found (copy into expected):*",
        ]
    )


@pytest.mark.model
def test_rule_files_from_the_ini(pytester: pytest.Pytester) -> None:
    (pytester.path / "rules").mkdir()
    shutil.copy(EXTENSION_RULES, pytester.path / "rules" / "social.json")
    pytester.makeini("[pytest]\nquotecraft_rules =\n    rules/social.json\n")
    pytester.makepyfile(
        """
        from quotecraft.testing import assert_quotes

        def test_toot(quotecraft_nlp):
            assert_quotes(quotecraft_nlp('"The bridge is safe," she tooted.'),
                          [{"kind": "direct", "cue": "toot"}])
        """
    )
    pytester.runpytest("-p", "no:cacheprovider").assert_outcomes(passed=1)


def test_hand_built_docs_need_no_model(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        """
        import sys
        from quotecraft.testing import assert_quotes, make_doc

        def test_said():
            doc = make_doc(
                ["Lee", "said", "the", "bridge", "is", "safe", "."],
                heads=[1, 1, 3, 4, 1, 4, 1],
                deps=["nsubj", "ROOT", "det", "nsubj", "ccomp", "acomp", "punct"],
                pos=["PROPN", "VERB", "DET", "NOUN", "AUX", "ADJ", "PUNCT"],
                lemmas=["Lee", "say", "the", "bridge", "be", "safe", "."],
                ents=[(0, 1, "PERSON")],
            )
            assert_quotes(doc, [{"kind": "indirect", "content": "the bridge is safe",
                                 "speaker": "Lee", "cue": "said"}])
        """
    )
    pytester.runpytest("-p", "no:cacheprovider").assert_outcomes(passed=1)


@pytest.mark.model
def test_golden_files_record_fail_and_update(pytester: pytest.Pytester) -> None:
    articles = pytester.path / "articles"
    articles.mkdir()
    (articles / "bridge.txt").write_text(MAYOR, encoding="utf-8")
    (articles / "council.txt").write_text("“It is fair,” said Jo Park.", encoding="utf-8")
    pytester.makepyfile(
        """
        from pathlib import Path
        from quotecraft.testing import golden

        def test_articles():
            golden(Path(__file__).parent / "articles")
        """
    )

    def run(*args: str) -> pytest.RunResult:
        return pytester.runpytest("-p", "no:cacheprovider", *args)

    first = run()
    first.assert_outcomes(failed=1)
    first.stdout.fnmatch_lines(["*golden: 2 golden files are missing (run pytest --update-golden*"])

    run("--update-golden").assert_outcomes(passed=1)
    gold = articles / "bridge.golden.jsonl"
    assert gold.read_text(encoding="utf-8").count("\n") == 2  # one line per quote
    run().assert_outcomes(passed=1)

    (articles / "bridge.txt").write_text(MAYOR.replace("Ann Lee", "Bob Ray"), encoding="utf-8")
    changed = run()
    changed.assert_outcomes(failed=1)
    changed.stdout.fnmatch_lines(
        [
            "*golden: the output changed for 1 of 2 articles (run pytest --update-golden to accept)",
            "*--- */articles/bridge.golden.jsonl",
            "*+++ */articles/bridge.txt (current output)",
            '*-{"kind": "direct", *"speaker": "Ann Lee", *',
            '*+{"kind": "direct", *"speaker": "Bob Ray", *',
        ]
    )
    run("--update-golden").assert_outcomes(passed=1)
    assert "Bob Ray" in gold.read_text(encoding="utf-8")

    (articles / "council.txt").unlink()
    stale = run()
    stale.assert_outcomes(failed=1)
    stale.stdout.fnmatch_lines(
        ["*1 golden files have no article*", "*stale: */council.golden.jsonl"]
    )
    run("--update-golden").assert_outcomes(passed=1)
    assert not (articles / "council.golden.jsonl").exists()


# -- assert_quotes ----------------------------------------------------------------------------


def _said() -> Any:
    return make_doc(
        ["“", "Not", "now", ",", "”", "Lee", "said", "."],
        heads=[6, 2, 6, 6, 6, 6, 6, 6],
        deps=["punct", "neg", "ccomp", "punct", "punct", "nsubj", "ROOT", "punct"],
        pos=["PUNCT", "PART", "ADV", "PUNCT", "PUNCT", "PROPN", "VERB", "PUNCT"],
        lemmas=["“", "not", "now", ",", "”", "Lee", "say", "."],
        ents=[(5, 6, "PERSON")],
    )


def test_assert_quotes_matches_short_dicts() -> None:
    doc = _said()
    (q,) = assert_quotes(doc, [{"content": "now"}])
    assert q.content.text == "Not now,"
    assert_quotes(doc, [{"kind": "direct", "speaker": "Lee", "cue": "said", "negated": False}])
    assert_quotes(doc, [{"mention": "Le", "speaker_kind": "person", "title": None}])
    assert_quotes(doc, [{"rule": "direct.cue_after.v1", "addressee": None}])


def test_assert_quotes_reports_each_kind_of_difference() -> None:
    doc = _said()
    with pytest.raises(AssertionError) as info:
        assert_quotes(doc, [{"kind": "indirect", "content": "now"}])
    assert str(info.value).splitlines()[:5] == [
        "quotes differ from the expected ones: 1 differ",
        "text: '“Not now,” Lee said.'",
        "  differs     {'kind': 'indirect', 'content': 'now'}",
        "    found     {'kind': 'direct', 'content': 'Not now,', 'speaker': 'Lee', 'cue': 'say'}",
        "    where     kind: found 'direct', expected 'indirect'",
    ]
    with pytest.raises(AssertionError, match=r"1 missing\n(.*\n)*  missing     \{'content': 'x'\}"):
        assert_quotes(doc, [{"content": "now"}, {"content": "x"}])
    with pytest.raises(AssertionError, match=r"1 unexpected\n(.*\n)*  unexpected  \{'kind'"):
        assert_quotes(doc, [])
    assert assert_quotes(doc, [], exact=False) == []
    with pytest.raises(AssertionError, match=r"content: found 'Not now,', expected 'later'"):
        assert_quotes(doc, [{"content": "later"}])


@pytest.mark.model
def test_assert_quotes_matches_in_any_order(extractor: Any) -> None:
    article = extractor(MAYOR)
    assert_quotes(article, [{"kind": "indirect"}, {"kind": "direct"}])
    assert_quotes(list(article.quotes), [{"speaker": "Ann Lee"}, {"speaker": "Ann Lee"}])
    with pytest.raises(AssertionError, match="1 differ"):
        assert_quotes(article, [{"kind": "direct"}, {"kind": "direct"}])
    with pytest.raises(
        AssertionError, match=r"1 missing\n(.*\n)*  missing     \{'kind': 'mixed'\}"
    ):
        assert_quotes(article, [{"kind": "direct"}, {"kind": "indirect"}, {"kind": "mixed"}])


@pytest.mark.model
def test_a_split_quote_reads_as_its_quoted_words(extractor: Any) -> None:
    article = extractor('"The pier is unsafe," Ola Berg warned. "Nobody should fish there."')
    (q,) = article.quotes
    assert "Ola Berg" in q.content.text
    # the summary a user copies into a test shows the words, without the attribution ...
    assert summarize(q)["content"] == "The pier is unsafe, Nobody should fish there."
    # ... and both that and a substring of the content span match
    assert_quotes(article, [summarize(q)])
    assert_quotes(article, [{"content": 'unsafe," Ola Berg warned'}])
    with pytest.raises(AssertionError, match="content: found 'The pier is unsafe, Nobody"):
        assert_quotes(article, [{"content": "Nobody should swim there"}])


def test_assert_quotes_rejects_what_it_cannot_check() -> None:
    with pytest.raises(ValueError, match=r"expected\[0\] has unknown keys \['quote'\]"):
        assert_quotes(_said(), [{"quote": "Not now"}])
    with pytest.raises(TypeError, match="a list of dicts"):
        assert_quotes(_said(), {"content": "now"})  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="not int"):
        assert_quotes(42, [])


@pytest.mark.model
def test_assert_quotes_on_text_uses_the_given_pipeline() -> None:
    text = "Ann Lee messaged that the bridge was safe."
    rules_only = quotecraft.load(config={"disabled_rules": ["reported.scored.v1"]})
    assert_quotes(text, [], nlp=rules_only)  # the packaged rules: "message" is no cue
    assert_quotes(text, [{"cue": "message"}], nlp=quotecraft.load(rules=EXTENSION_RULES))


# -- make_doc ---------------------------------------------------------------------------------


def test_make_doc_builds_a_parsed_doc() -> None:
    doc = _said()
    assert doc.text == "“Not now,” Lee said."
    assert doc.has_annotation("DEP") and doc.has_annotation("TAG")
    assert [(e.text, e.label_) for e in doc.ents] == [("Lee", "PERSON")]
    assert [t.tag_ for t in doc][5:7] == ["NNP", "VBD"]
    assert doc[1].is_alpha and doc[0].is_punct  # English lexical attributes
    same = make_doc(["Lee", "said", "."], ents=["B-PERSON", "O", "O"], spaces=[True, False, False])
    assert same.text == "Lee said." and not same.has_annotation("DEP")
    assert same.vocab is doc.vocab


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"heads": [0, 0]}, "give both heads and deps"),
        ({"deps": ["ROOT", "punct"], "heads": [0]}, "2 words but 1 heads"),
        ({"ents": [(0, 1)]}, r"\(start, end, label\)"),
        ({"ents": ["O"]}, "2 words but 1 entity tags"),
    ],
)
def test_make_doc_checks_its_arguments(kwargs: dict[str, Any], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        make_doc(["Yes", "."], **kwargs)


@pytest.mark.parametrize(
    ("words", "text"),
    [
        (['"', "Yes", ",", '"', "Lee", "said", "."], '"Yes," Lee said.'),
        (["“", "No", "”", "(", "really", ")", "."], "“No” (really)."),
        (["It", "'s", "Lee", "'s", "."], "It's Lee's."),
        (["He", "said", ":", '"', "Go", '"', "and", '"', "stay", '"'], 'He said: "Go" and "stay"'),
    ],
)
def test_guess_spaces(words: list[str], text: str) -> None:
    spaces = guess_spaces(words)
    assert "".join(w + (" " if s else "") for w, s in zip(words, spaces, strict=True)) == text


# -- golden, as a function --------------------------------------------------------------------


@pytest.mark.model
def test_golden_updates_from_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, extractor: Any
) -> None:
    article = tmp_path / "one.txt"
    article.write_text("“It is fair,” said Jo Park.", encoding="utf-8")
    with pytest.raises(AssertionError, match="1 golden files are missing"):
        golden(article, nlp=extractor)
    monkeypatch.setenv(testing.UPDATE_ENV, "1")
    assert golden(article, nlp=extractor) == [article]
    monkeypatch.delenv(testing.UPDATE_ENV)
    assert golden_path(article).read_text(encoding="utf-8").startswith('{"kind": "direct"')
    assert golden(tmp_path, nlp=extractor) == [article]
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "two.html").write_text("<p>“No,” said Jo Park.</p>", encoding="utf-8")
    with pytest.raises(AssertionError, match=r"missing: .*sub/two.golden.jsonl"):
        golden(tmp_path, nlp=extractor)
    with pytest.raises(FileNotFoundError):
        golden(tmp_path / "nowhere")
