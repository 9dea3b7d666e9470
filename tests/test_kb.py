"""Knowledge-base linking: a link only when the text agrees, never a replaced name."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import quotecraft
from quotecraft.errors import RuleError
from quotecraft.kb import KnowledgeBase
from quotecraft.records import Link, SpeakerKind
from quotecraft.speaker_table import Entity
from quotecraft.speakers import Resolver

ROWS = [
    {
        "name": "Ann Lee",
        "id": "Q000001",
        "aliases": "Annie Lee",
        "gender": "female",
        "titles": "mayor",
    },
    {
        "name": "Tomas Berg",
        "id": "Q000002",
        "gender": "male",
        "titles": ["harbour master", "captain"],
    },
]


@pytest.fixture(scope="module")
def linked(extractor: Any) -> Any:
    return quotecraft.load(extractor.model_name, kb=KnowledgeBase.from_rows(ROWS))


def test_link_keeps_the_text_name(linked: Any) -> None:
    (q,) = linked("Mayor Annie Lee said the pier would close.").quotes
    assert q.speaker is not None
    assert q.speaker.name == "Annie Lee"  # the text's name, not the canonical one
    assert q.speaker.link == Link("Ann Lee", "Q000001")


def test_a_contradicting_title_or_gender_gives_no_link(linked: Any) -> None:
    (q,) = linked("Tomas Berg, a surgeon, said the clinic would open.").quotes
    assert q.speaker is not None and q.speaker.link is None
    kb = KnowledgeBase.from_rows(ROWS)
    assert kb.link("Lee", gender="male") is None
    assert kb.link("Lee", gender="female", title="Mayor") is not None


def test_no_knowledge_base_no_link(extractor: Any) -> None:
    (q,) = extractor("Mayor Ann Lee said the pier would close.").quotes
    assert q.speaker is not None and q.speaker.link is None


def test_tsv_and_json_files_load(tmp_path: Path) -> None:
    tsv = tmp_path / "people.tsv"
    tsv.write_text("name\tid\taliases\tgender\ttitles\nAnn Lee\tQ1\tAnnie Lee\tfemale\tmayor\n")
    js = tmp_path / "people.json"
    js.write_text(json.dumps(ROWS))
    assert KnowledgeBase.load(tsv).link("Annie Lee").id == "Q1"  # type: ignore[union-attr]
    assert len(KnowledgeBase.load(js).entries) == 2


def test_bad_rows_and_files_are_clear_errors(tmp_path: Path) -> None:
    with pytest.raises(RuleError, match=r"E060.*row 1"):
        KnowledgeBase.from_rows([{"name": "No Id"}])
    with pytest.raises(RuleError, match="E060"):
        KnowledgeBase.load(tmp_path / "missing.tsv")
    bad = tmp_path / "bad.json"
    bad.write_text("{")
    with pytest.raises(RuleError, match=r"E060.*not JSON"):
        KnowledgeBase.load(bad)


def test_a_registered_knowledge_base_is_found_by_name(extractor: Any) -> None:
    from quotecraft import registry

    @registry.knowledge_bases.register("test-people.v1")
    def _people() -> KnowledgeBase:
        return KnowledgeBase.from_rows(ROWS)

    ex = quotecraft.load(extractor.model_name, kb="test-people.v1")
    (q,) = ex("Captain Tomas Berg said the ship was late.").quotes
    assert q.speaker is not None and q.speaker.link == Link("Tomas Berg", "Q000002")


def test_a_name_glued_to_markup_links_by_its_cleaned_name(extractor: Any) -> None:
    # scraped text: the record trims '">' from a name, and the lookup must use that name
    doc = extractor.nlp("The ferries were idle.")
    resolver = Resolver(doc, kb=KnowledgeBase.from_rows(ROWS))
    ent = Entity("S1", SpeakerKind.PERSON, names=['">Tomas Berg'])
    record = resolver.record(ent, None, doc.text)
    assert record.name == "Tomas Berg"
    assert record.link == Link("Tomas Berg", "Q000002")
