"""Word lists in quotecraft/data/lists/, read once, extended by rule files."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import quotecraft
from quotecraft.errors import RuleError
from quotecraft.rulefiles import rules_from_source
from quotecraft.wordlists import WordLists, packaged_lists, word_list

LISTS = Path(quotecraft.__file__).parent / "data" / "lists"


@pytest.mark.parametrize("path", sorted(LISTS.glob("*.txt")), ids=lambda p: p.stem)
def test_every_list_file_says_what_it_is_for(path: Path) -> None:
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("# ") and len(lines[0]) > 20, "the header says what it is for"
    entries = [ln for ln in lines if ln.strip() and not ln.startswith("#")]
    assert entries, "a list has words"
    assert len(set(entries)) == len(entries), "no word twice"


def test_packaged_lists_are_read_once() -> None:
    assert packaged_lists() is packaged_lists()
    assert "interview" in packaged_lists()["medium_nouns"]
    assert {"tell", "warn"} <= word_list("telling_verbs")
    assert "deny" in word_list("denial_verbs")


def test_an_unknown_list_is_a_rule_error_naming_the_lists() -> None:
    with pytest.raises(
        RuleError, match=r"E050 there is no word list named 'medium_noun'.*medium_nouns"
    ):
        word_list("medium_noun")
    with pytest.raises(RuleError, match=r"E050"):
        packaged_lists().extended({"no_such_list": ["x"]})


def test_extended_lists_are_active_only_inside_their_block() -> None:
    mine = packaged_lists().extended({"medium_nouns": [" Livestream "], "groups": ["ushers"]})
    assert isinstance(mine, WordLists) and mine != packaged_lists()
    assert "livestream" in mine["medium_nouns"] and "interview" in mine["medium_nouns"]
    assert "livestream" not in packaged_lists()["medium_nouns"]
    with mine.active():
        assert "ushers" in word_list("groups")
        with packaged_lists().active():
            assert "ushers" not in word_list("groups")
        assert "ushers" in word_list("groups")
    assert "ushers" not in word_list("groups")


def test_a_rule_file_adds_words_to_named_lists() -> None:
    rf = rules_from_source('{"lists": {"denial_verbs": ["Rebut"], "platforms": ["mastodon"]}}')
    assert rf.lists == {"denial_verbs": ("rebut",), "platforms": ("mastodon",)}


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ('{"lists": ["medium_nouns"]}', r"E050 <rules> line 1: 'lists' must map list names"),
        (
            '{"lists": {\n"medium_noun": ["x"]}}',
            r"E050 <rules> line 2: there is no word list named",
        ),
        ('{"lists": {"groups": "ushers"}}', r"E050 <rules> line 1: list 'groups': give a list"),
        ('{"lists": {"groups": [""]}}', r"E050 .*give a list of words"),
    ],
)
def test_bad_lists_in_a_rule_file_say_where(source: str, message: str) -> None:
    with pytest.raises(RuleError, match=message):
        rules_from_source(source)


@pytest.mark.model
def test_rule_file_lists_reach_the_stages_of_their_extractor_only(
    extractor: Any, tmp_path: Path
) -> None:
    rules = tmp_path / "lists.json"
    rules.write_text('{"lists": {"medium_nouns": ["livestream"], "groups": ["ushers"]}}')
    text = "Jo Park said in a livestream that the pier is open. The ushers said the race was fair."
    mine = quotecraft.load(rules=rules)(text).quotes
    assert [q.medium.text if q.medium else None for q in mine] == ["a livestream", None]
    assert [q.speaker.kind.value for q in mine if q.speaker] == ["person", "group"]
    packaged = extractor(text).quotes  # the same process, another extractor: packaged lists
    assert [q.medium for q in packaged] == [None, None]
    assert [q.speaker.kind.value for q in packaged if q.speaker] == ["person", "unknown"]


@pytest.mark.model
def test_rule_file_lists_reach_an_article_analyzed_in_units(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from quotecraft import parse

    rules = tmp_path / "lists.json"
    rules.write_text('{"lists": {"medium_nouns": ["livestream"]}}')
    paragraphs = [f"Jo Park said in a livestream that pier {k} is open." for k in range(60)]
    monkeypatch.setattr(parse, "UNIT_CHARS", 1000)  # about 20 paragraphs a unit
    quotes = quotecraft.load(rules=rules, config={"chunk_chars": 1000})(
        "\n\n".join(paragraphs)
    ).quotes
    assert len(quotes) == 60
    assert {q.medium.text if q.medium else None for q in quotes} == {"a livestream"}
