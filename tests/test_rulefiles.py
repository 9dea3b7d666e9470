"""User rule files: JSON and YAML as data only, validated, with the line of every error.

The rule files and texts here are written for these tests.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quotecraft.cues import PatternRule, VerbCue, default_lexicon, expand_pattern
from quotecraft.errors import RuleError
from quotecraft.rulefiles import (
    RuleFile,
    load_rule_file,
    parse_rules,
    rules_from_data,
    rules_from_source,
)

EXTENSION = Path(__file__).resolve().parent / "extension"

GOOD_JSON = """{
  "description": "social media cues",
  "verbs": [
    "toot",
    {"lemma": "message", "class": "writing", "frames": ["ccomp", "quote", "prep_about"], "confidence": 0.7}
  ],
  "nouns": {"toot": 0.6},
  "patterns": [
    {"name": "t.spokesperson.v1", "confidence": 0.85, "pattern": [
      {"RIGHT_ID": "cue", "RIGHT_ATTRS": {"POS": "VERB"}},
      {"LEFT_ID": "cue", "REL_OP": ">", "RIGHT_ID": "who", "RIGHT_ATTRS": {"DEP": "nsubj", "LEMMA": "spokesperson"}},
      {"LEFT_ID": "cue", "REL_OP": ">", "RIGHT_ID": "content", "RIGHT_ATTRS": {"DEP": "ccomp"}}
    ]}
  ]
}
"""


def test_a_valid_file_becomes_cues_and_patterns() -> None:
    rf = rules_from_source(GOOD_JSON, name="good.json")
    assert rf.description == "social media cues"
    assert rf.verbs == (
        VerbCue("toot", "speech", frozenset({"ccomp", "quote"}), 0.9),
        VerbCue("message", "writing", frozenset({"ccomp", "quote", "prep_about"}), 0.7),
    )
    assert rf.nouns == {"toot": 0.6}
    (rule,) = rf.patterns
    assert isinstance(rule, PatternRule)
    assert (rule.name, rule.cue, rule.content, rule.exclude, rule.confidence) == (
        "t.spokesperson.v1",
        "cue",
        "content",
        ("cue",),
        0.85,
    )


def test_json_and_yaml_files_say_the_same() -> None:
    pytest.importorskip("yaml")
    a = load_rule_file(EXTENSION / "rules" / "social.json")
    b = load_rule_file(EXTENSION / "rules" / "social.yaml")
    assert a.verbs == b.verbs and a.patterns == b.patterns and a.nouns == b.nouns
    assert [v.lemma for v in a.verbs] == ["toot", "message"]


def test_an_empty_or_sparse_file_adds_nothing() -> None:
    assert rules_from_source("{}").verbs == ()
    assert rules_from_source('{"verbs": null, "patterns": []}').patterns == ()
    pytest.importorskip("yaml")
    assert rules_from_source("", yaml=True).verbs == ()
    assert rules_from_source("nouns: [claim]", yaml=True).nouns == {"claim": 0.8}


def test_every_value_knows_its_line() -> None:
    _, lines = parse_rules(GOOD_JSON)
    assert lines[()] == 1
    assert lines[("verbs", 0)] == 4
    assert lines[("verbs", 1, "frames", 2)] == 5
    assert lines[("patterns", 0, "pattern", 1, "RIGHT_ATTRS", "LEMMA")] == 11
    pytest.importorskip("yaml")
    _, ylines = parse_rules("verbs:\n  - toot\n  - lemma: message\n    class: writing\n", yaml=True)
    assert ylines[("verbs", 1, "class")] == 4


def _node(rid: str, attrs: dict[str, Any], left: str | None = None, op: str = ">") -> str:
    node: dict[str, Any] = {"RIGHT_ID": rid, "RIGHT_ATTRS": attrs}
    if left is not None:
        node = {"LEFT_ID": left, "REL_OP": op, **node}
    return json.dumps(node)


def _pattern_file(*nodes: str, extra: str = "") -> str:
    """A rule file with one pattern, one node per line: node k is on line 4 + k."""
    body = ",\n".join(nodes)
    return '{"patterns": [\n  {"name": "p.v1",' + extra + '\n   "pattern": [\n' + body + "\n]}]}"


CUE = _node("cue", {"POS": "VERB"})
CONTENT = _node("content", {"DEP": "ccomp"}, left="cue")

BAD_FILES = [
    # (source, code, line, part of the message)
    ('{"verbs": ["toot"],\n "nouns": {"toot": 2}}', "E035", 2, "noun 'toot'"),
    (
        '{\n"verbs": [\n "toot",\n {"lemma": "fume", "class": "shout"}\n]}',
        "E034",
        4,
        "unknown class",
    ),
    (
        '{\n"verbs": [\n "toot",\n {"lemma": "fume",\n  "frames": ["ccomp",\n "quotes"]}]}',
        "E034",
        6,
        "did you mean 'quote'?",
    ),
    ('{"verbs": [\n  "toot",\n  {"lemma": "two words"}]}', "E034", 3, "one word"),
    ('{"verbs": [\n  {"lemma": "toot", "frame": ["ccomp"]}]}', "E034", 2, "unknown keys ['frame']"),
    ('{\n  "verbs": [],\n  "cues": []\n}', "E033", 3, "unknown keys ['cues']"),
    ('["toot"]', "E033", 1, "one object"),
    ('{"verbs": [\n  "toot",\n  "message",\n]}', "E032", 4, "invalid JSON"),
    ('{"verbs": [],\n "verbs": []}', "E032", 1, "twice"),
    (_pattern_file(CUE, _node("content", {"DEPP": "ccomp"}, left="cue")), "E036", 5, "DEPP"),
    (
        _pattern_file(CUE, _node("content", {"DEP": "ccomp"}, left="cue", op=">>>")),
        "E036",
        5,
        "E1007",
    ),
    (_pattern_file(CUE, _node("content", {"DEP": "ccomp"}, left="nobody")), "E036", 5, "E101"),
    (_pattern_file(CUE, '{"RIGHT_ID": "content", "RIGHT_ATTRS": {}}'), "E036", 5, "missing"),
    (
        _pattern_file(_node("cue", {"LEMMA": {"IN": "@verbs:quotes"}}), CONTENT),
        "E036",
        4,
        "unknown lexicon reference '@verbs:quotes'",
    ),
    (
        _pattern_file(CUE, _node("clause", {"DEP": "ccomp"}, left="cue")),
        "E036",
        2,
        "for the content",
    ),
    (_pattern_file(CUE, CONTENT, extra='\n   "confidence": 1.5,'), "E036", 3, "confidence"),
    (_pattern_file(CUE, CONTENT, extra='\n   "exclude": ["who"],'), "E036", 3, "'exclude'"),
    (_pattern_file(CUE, CONTENT, extra='\n   "content_from": "obj",'), "E036", 3, "content_from"),
    (_pattern_file(CUE, CONTENT, extra='\n   "cue_type": "rumour",'), "E036", 3, "'cue_type'"),
    (_pattern_file(CUE, CONTENT, extra='\n   "set_off": "yes",'), "E036", 3, "'set_off'"),
    (
        _pattern_file(_node("cue", {"LEMMA": {"IN": "@verbs:quote|asides"}}), CONTENT),
        "E036",
        4,
        "unknown lexicon reference '@verbs:quote|asides'",
    ),
]


@pytest.mark.parametrize(("source", "code", "line", "fragment"), BAD_FILES)
def test_errors_name_the_file_and_line(source: str, code: str, line: int, fragment: str) -> None:
    with pytest.raises(RuleError) as info:
        rules_from_source(source, name="my_rules.json")
    message = str(info.value)
    assert message.startswith(f"{code} my_rules.json line {line}: "), message
    assert fragment in message


def test_a_pattern_may_open_its_content_at_another_node() -> None:
    obj = _node("obj", {"DEP": "dobj"}, left="cue")
    content = _node("content", {"DEP": "oprd"}, left="cue")
    (rule,) = rules_from_source(
        _pattern_file(CUE, obj, content, extra='"content_from": "obj",')
    ).patterns
    assert rule.content_from == "obj"
    (plain,) = rules_from_source(_pattern_file(CUE, CONTENT)).patterns
    assert plain.content_from is None


def test_a_pattern_may_set_its_cue_type_and_ask_for_an_aside() -> None:
    # both keys are documented in docs/rules.md; the reader refused them before
    (rule,) = rules_from_source(
        _pattern_file(CUE, CONTENT, extra='"cue_type": "belief", "set_off": true,')
    ).patterns
    assert (rule.cue_type, rule.set_off) == ("belief", True)
    (plain,) = rules_from_source(_pattern_file(CUE, CONTENT)).patterns
    assert (plain.cue_type, plain.set_off) == (None, False)


def test_verb_lists_join_frames_and_verbs_take_the_aside_frame() -> None:
    either = _node("cue", {"LEMMA": {"IN": "@verbs:quote|aside"}})
    rules = rules_from_source(
        '{"verbs": [{"lemma": "grouse", "frames": ["aside"]}], "patterns": [{"name": "p.v1",'
        f'"pattern": [{either}, {CONTENT}]}}]}}'
    )
    assert rules.verbs[0].frames == frozenset({"aside"})
    lemmas = expand_pattern(rules.patterns[0].pattern, default_lexicon())[0]["RIGHT_ATTRS"]
    assert {"say", "believe"} <= set(lemmas["LEMMA"]["IN"])  # a quote verb, an aside verb
    assert "know" not in lemmas["LEMMA"]["IN"]  # "you know, ..." is no aside


def test_a_pattern_name_twice_is_an_error() -> None:
    pattern = {"name": "p.v1", "pattern": [json.loads(CUE), json.loads(CONTENT)]}
    source = json.dumps({"patterns": [pattern, pattern]}, indent=1)
    with pytest.raises(RuleError, match=r"E036 .* line \d+: pattern 'p.v1' twice"):
        rules_from_source(source)


def test_yaml_errors_name_the_line() -> None:
    pytest.importorskip("yaml")
    source = "verbs:\n  - toot\n  - lemma: fume\n    confidence: high\n"
    with pytest.raises(RuleError, match=r"^E034 r.yaml line 4: verb 'fume': the confidence"):
        rules_from_source(source, name="r.yaml", yaml=True)
    with pytest.raises(RuleError, match=r"^E032 r.yaml line 3: invalid YAML"):
        rules_from_source("verbs:\n  - toot\n - fume\n", name="r.yaml", yaml=True)


@pytest.mark.parametrize(
    "tag",
    [
        "!!python/object/apply:os.system ['touch {marker}']",
        "!!python/object/new:os.system ['touch {marker}']",
        "!!python/name:os.system",
        "!!python/object:pathlib.Path {{}}",
    ],
)
def test_yaml_never_runs_code(tmp_path: Path, tag: str) -> None:
    pytest.importorskip("yaml")
    marker = tmp_path / "pwned"
    path = tmp_path / "evil.yaml"
    path.write_text("verbs:\n  - toot\n  - " + tag.format(marker=marker) + "\n", encoding="utf-8")
    with pytest.raises(RuleError) as info:
        load_rule_file(path)
    assert str(info.value).startswith(f"E037 {path} line 3: only plain data is allowed")
    assert not marker.exists()


def test_yaml_without_pyyaml_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "yaml", None)  # makes "import yaml" fail
    with pytest.raises(RuleError, match=r"E031 r.yml: YAML rule files need PyYAML"):
        rules_from_source("verbs: [toot]", name="r.yml", yaml=True)


def test_an_unreadable_file(tmp_path: Path) -> None:
    with pytest.raises(RuleError, match=r"^E030 .*missing.json: cannot read"):
        load_rule_file(tmp_path / "missing.json")


def test_data_without_lines_still_validates() -> None:
    with pytest.raises(RuleError, match=r"^E034 <rules>: verb 'x': unknown class"):
        rules_from_data({"verbs": [{"lemma": "x", "class": "y"}]})


@settings(max_examples=40, deadline=None)
@given(
    lemmas=st.lists(st.from_regex(r"[a-z]{2,10}", fullmatch=True), min_size=1, max_size=12),
    data=st.data(),
)
def test_the_line_of_a_bad_verb_is_its_own(lemmas: list[str], data: st.DataObject) -> None:
    bad = data.draw(st.integers(0, len(lemmas) - 1))
    entries = [json.dumps(lemma) for lemma in lemmas]
    entries[bad] = json.dumps({"lemma": lemmas[bad], "class": "gossip"})
    source = '{\n  "verbs": [\n    ' + ",\n    ".join(entries) + "\n  ]\n}\n"
    with pytest.raises(RuleError) as info:
        rules_from_source(source, name="r.json")
    assert str(info.value).startswith(f"E034 r.json line {bad + 3}: verb {lemmas[bad]!r}")


# -- hostile files (issue 17): a RuleError with the file and line, quickly, never a hang ----------


def _alias_bomb(levels: int) -> str:
    """``levels`` YAML lists of ten aliases each to the previous one (10**levels values)."""
    names = "abcdefghijklmnopqrstuvwxyz"
    lines = ["a: &a [" + ",".join(["x"] * 10) + "]"]
    for k in range(1, levels):
        lines.append(f"{names[k]}: &{names[k]} [" + ",".join([f"*{names[k - 1]}"] * 10) + "]")
    return "\n".join(lines) + "\n"


@pytest.mark.issue(17)
def test_a_yaml_alias_bomb_is_refused() -> None:
    pytest.importorskip("yaml")
    source = _alias_bomb(9)
    assert len(source) < 350
    with pytest.raises(RuleError, match=r"^E040 bomb.yaml line 6: its aliases \(\*name\) expand"):
        rules_from_source(source, name="bomb.yaml", yaml=True)


@pytest.mark.issue(17)
def test_a_yaml_alias_cycle_is_refused() -> None:
    pytest.importorskip("yaml")
    with pytest.raises(RuleError, match=r"^E040 c.yaml line 2: an alias .* refers to a value"):
        rules_from_source("verbs: [toot]\nnouns: &n [*n]\n", name="c.yaml", yaml=True)


@pytest.mark.issue(17)
def test_a_few_yaml_aliases_still_work() -> None:
    pytest.importorskip("yaml")
    source = (
        "patterns:\n"
        "  - name: a.v1\n"
        "    pattern:\n"
        "      - &cue {RIGHT_ID: cue, RIGHT_ATTRS: {POS: VERB}}\n"
        "      - &content {LEFT_ID: cue, REL_OP: '>', RIGHT_ID: content, RIGHT_ATTRS: {DEP: ccomp}}\n"
        "  - name: b.v1\n"
        "    pattern: [*cue, *content]\n"
    )
    rf = rules_from_source(source, yaml=True)
    assert [p.name for p in rf.patterns] == ["a.v1", "b.v1"]
    assert rf.patterns[0].pattern == rf.patterns[1].pattern


def _regex_file(regex: str) -> str:
    return _pattern_file(
        _node("cue", {"POS": "VERB"}), _node("content", {"TEXT": {"REGEX": regex}}, left="cue")
    )


@pytest.mark.issue(17)
@pytest.mark.parametrize(
    ("regex", "problem"),
    [
        ("^(a+)+$", "a repetition inside a repetition"),
        ("(x*y?)*z", "a repetition inside a repetition"),
        ("^(?:a|ab)+$", "alternatives inside a repetition"),
        (r"^(?:ab|a)+$", "alternatives inside a repetition"),
        ("((a+))+", "a repetition inside a repetition"),
        ("[a-", "not a valid regular expression"),
    ],
)
def test_a_regex_that_backtracks_catastrophically_is_refused(regex: str, problem: str) -> None:
    with pytest.raises(RuleError) as info:
        rules_from_source(_regex_file(regex), name="re.json")
    assert str(info.value).startswith("E041 re.json line 5: pattern 'p.v1', node 1: REGEX")
    assert problem in str(info.value)


@pytest.mark.issue(17)
@pytest.mark.parametrize(
    "regex",
    [
        "^[A-Z][a-z]+(?:-[A-Z][a-z]+)?$",
        "^(?:said|told|wrote)$",
        "^(?:ab){2}c+$",
        "^(?>a|ab)+$",
        "^(a++)+$",
        r"^\d{1,3}(?:,\d{3})*$",
    ],
)
def test_a_safe_regex_is_kept(regex: str) -> None:
    (rule,) = rules_from_source(_regex_file(regex)).patterns
    assert rule.pattern[1]["RIGHT_ATTRS"]["TEXT"]["REGEX"] == regex


@pytest.mark.issue(17)
@pytest.mark.model
def test_the_refused_regex_never_runs(tmp_path: Path) -> None:
    import quotecraft

    path = tmp_path / "re.json"
    path.write_text(_regex_file("^(a+)+$"), encoding="utf-8")
    with pytest.raises(RuleError, match=r"^E041"):
        quotecraft.load(rules=str(path))


@pytest.mark.issue(17)
@pytest.mark.parametrize(
    ("raw", "line", "fragment"),
    [
        (b"\xff\xfe{\x00}\x00", 1, "UTF-16"),
        (b'{"verbs": [\n  "toot",\n  "caf\xe9"]}', 3, "not UTF-8 text (byte 0xe9 at offset 28)"),
    ],
)
def test_a_file_that_is_not_utf8(tmp_path: Path, raw: bytes, line: int, fragment: str) -> None:
    path = tmp_path / "enc.json"
    path.write_bytes(raw)
    with pytest.raises(RuleError) as info:
        load_rule_file(path)
    assert str(info.value).startswith(f"E038 {path} line {line}: ")
    assert fragment in str(info.value)


@pytest.mark.issue(17)
def test_a_utf8_byte_order_mark_is_fine(tmp_path: Path) -> None:
    path = tmp_path / "bom.json"
    path.write_bytes(b'\xef\xbb\xbf{"verbs": ["toot"]}')
    assert [v.lemma for v in load_rule_file(path).verbs] == ["toot"]


@pytest.mark.issue(17)
def test_deep_json_nesting_is_refused() -> None:
    source = '{"verbs":\n' + "[" * 200_000 + "]" * 200_000 + "}"
    with pytest.raises(RuleError, match=r"^E039 deep.json line 2: values nest more than 32"):
        rules_from_source(source, name="deep.json")


@pytest.mark.issue(17)
def test_deep_yaml_nesting_is_refused() -> None:
    pytest.importorskip("yaml")
    source = "verbs:\n  - toot\nnouns: " + "[" * 5000 + "]" * 5000 + "\n"
    with pytest.raises(RuleError, match=r"^E039 deep.yaml line 3: values nest more than 32"):
        rules_from_source(source, name="deep.yaml", yaml=True)
    block = "".join(f"{'  ' * k}- \n" for k in range(60))
    with pytest.raises(RuleError, match=r"^E039 deep.yaml line \d+: values nest"):
        rules_from_source("nouns:\n" + block, name="deep.yaml", yaml=True)


@pytest.mark.issue(17)
def test_an_unregistered_token_extension_is_refused_at_load() -> None:
    source = _pattern_file(CUE, _node("content", {"_": {"os_system": True}}, left="cue"))
    with pytest.raises(RuleError) as info:
        rules_from_source(source, name="ext.json")
    message = str(info.value)
    assert message.startswith("E042 ext.json line 5: pattern 'p.v1', node 1: the token extension")
    assert "Token.set_extension('os_system'" in message


@pytest.mark.issue(17)
def test_a_registered_token_extension_is_allowed() -> None:
    from spacy.tokens import Token

    Token.set_extension("qc_test_flag", default=False, force=True)
    try:
        source = _pattern_file(CUE, _node("content", {"_": {"qc_test_flag": True}}, left="cue"))
        (rule,) = rules_from_source(source).patterns
        assert rule.pattern[1]["RIGHT_ATTRS"]["_"] == {"qc_test_flag": True}
    finally:
        Token.remove_extension("qc_test_flag")


@pytest.mark.issue(17)
def test_yaml_keys_that_are_not_strings() -> None:
    pytest.importorskip("yaml")
    with pytest.raises(RuleError, match=r"^E034 k.yaml line 2: verb 'toot': unknown keys \['1'"):
        rules_from_source("verbs:\n  - {lemma: toot, 1: x, z: y}\n", name="k.yaml", yaml=True)


@pytest.mark.issue(17)
def test_a_large_json_file_keeps_every_line() -> None:
    lemmas = [f"verb{k}" for k in range(3000)]
    source = '{"verbs": [\n' + ",\n".join(json.dumps(w) for w in lemmas) + "\n]}"
    _, lines = parse_rules(source)
    assert [lines[("verbs", k)] for k in range(0, 3000, 500)] == list(range(2, 3002, 500))


_JSON_VALUE = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-2, 2)
    | st.floats(allow_nan=True)
    | st.text(max_size=4)
    | st.sampled_from(["cue", "content", "VERB", "ccomp", "@verbs", "@x", ">", "toot"]),
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(
            st.sampled_from(
                [
                    "verbs",
                    "nouns",
                    "patterns",
                    "name",
                    "pattern",
                    "lemma",
                    "class",
                    "frames",
                    "confidence",
                    "RIGHT_ID",
                    "RIGHT_ATTRS",
                    "LEFT_ID",
                    "REL_OP",
                    "POS",
                    "REGEX",
                    "_",
                    "IN",
                    "exclude",
                    "cue",
                    "content",
                    "x",
                ]
            ),
            inner,
            max_size=4,
        )
    ),
    max_leaves=12,
)


@pytest.mark.issue(17)
@settings(max_examples=150, deadline=None)
@given(data=_JSON_VALUE)
def test_any_data_gives_rules_or_a_rule_error(data: Any) -> None:
    try:
        result = rules_from_data(data, name="h.json")
    except RuleError as exc:  # anything else fails the test
        assert str(exc).startswith("E0")
    else:
        assert isinstance(result, RuleFile)
