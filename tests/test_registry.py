"""Rule registries: packaged defaults, unknown names, and a third-party package.

``tests/extension`` is a rule package as another project would write one: it
registers a cue lexicon and a pattern set through entry points, and ships the
same rules as a rule file. The tests below check that each route changes the
output exactly as documented in ``docs/rules.md``, after checking that the
packaged rules alone do not find those quotes. All texts are written for these tests.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import catalogue
import pytest

import quotecraft
from quotecraft import registry
from quotecraft.cues import CueLexicon, PatternRule
from quotecraft.errors import RuleError
from quotecraft.speakers import Resolver
from quotecraft.testing import assert_quotes

EXTENSION = Path(__file__).resolve().parent / "extension"

REGISTRIES = {
    "cue_lexicons": ["en.v1"],
    "pattern_sets": ["en.reported.v1", "none.v1"],
    "title_lexicons": ["en.v1"],
    "speaker_resolvers": ["en.v1"],
    "boilerplate_detectors": ["en.v1", "none.v1"],
}

# What the extension's rules find, and the packaged rules do not (see docs/rules.md).
EXAMPLES: list[tuple[str, dict[str, Any]]] = [
    (
        '"The bridge is safe," she tooted.',
        {"kind": "direct", "content": "The bridge is safe", "speaker": "she", "cue": "toot"},
    ),
    (
        "Ann Lee messaged that the bridge was safe.",
        {
            "kind": "indirect",
            "content": "the bridge was safe",
            "speaker": "Ann Lee",
            "cue": "message",
        },
    ),
    (
        "Acme's spokesperson reaffirmed that the bridge was safe.",
        {
            "kind": "indirect",
            "content": "the bridge was safe",
            "speaker": "Acme's spokesperson",
            "cue": "reaffirm",
            "rule": "test_ext.spokesperson.v1",
        },
    ),
]
EXAMPLE_IDS = ["toot", "message", "spokesperson"]


# -- the packaged registries ------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(REGISTRIES))
def test_each_registry_has_its_versioned_defaults(name: str) -> None:
    reg = getattr(registry, name)
    assert reg.entry_point_group == f"quotecraft_{name}"
    assert set(REGISTRIES[name]) <= set(reg.names())
    for rule_name in REGISTRIES[name]:
        assert re.fullmatch(r"[a-z_.]+\.v\d+", rule_name)
        assert rule_name in reg


def test_the_defaults_are_what_the_pipeline_uses() -> None:
    assert isinstance(registry.cue_lexicons.get("en.v1")(), CueLexicon)
    pats = registry.pattern_sets.get("en.reported.v1")()
    assert pats and all(isinstance(p, PatternRule) for p in pats)
    assert registry.pattern_sets.get("none.v1")() == []
    titles = registry.title_lexicons.get("en.v1")()
    assert {"mayor", "spokesperson"} <= titles.words
    assert registry.speaker_resolvers.get("en.v1")() is Resolver
    boiler = registry.boilerplate_detectors.get("en.v1")()
    assert any(p.fullmatch("Sign up for our newsletter") for p in boiler)
    assert registry.boilerplate_detectors.get("none.v1")() == ()


@pytest.mark.parametrize("name", sorted(REGISTRIES))
def test_an_unknown_name_lists_the_available_ones(name: str) -> None:
    reg = getattr(registry, name)
    with pytest.raises(RuleError) as info:
        reg.get("xx.v9")
    message = str(info.value)
    assert message.startswith(f"E020 no {name} named 'xx.v9'; available: ")
    for known in REGISTRIES[name]:
        assert known in message


@pytest.mark.model
def test_load_reports_unknown_names() -> None:
    with pytest.raises(RuleError, match=r"E020 no pattern_sets named 'en.reported.v9'"):
        quotecraft.load(patterns="en.reported.v9")


# -- a third-party package, through entry points ----------------------------------------------

ENTRY_POINTS = """\
[quotecraft_cue_lexicons]
test_ext.social.v1 = quotecraft_test_ext:social_lexicon

[quotecraft_pattern_sets]
test_ext.spokesperson.v1 = quotecraft_test_ext:spokesperson_patterns
test_ext.broken.v1 = quotecraft_test_ext:no_such_function
"""


def write_dist_info(folder: Path) -> Path:
    """Install the extension's metadata as pip would: a .dist-info folder with entry points."""
    info = folder / "quotecraft_test_ext-0.1.0.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: quotecraft-test-ext\nVersion: 0.1.0\n", encoding="utf-8"
    )
    (info / "entry_points.txt").write_text(ENTRY_POINTS, encoding="utf-8")
    return info


@pytest.fixture
def installed_extension(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The extension, visible to importlib.metadata for this test only."""
    write_dist_info(tmp_path)
    monkeypatch.syspath_prepend(str(EXTENSION))
    monkeypatch.syspath_prepend(str(tmp_path))
    # what the extension registers is forgotten after the test
    monkeypatch.setattr(catalogue, "REGISTRY", dict(catalogue.REGISTRY))
    yield tmp_path


@pytest.mark.model
def test_the_packaged_rules_miss_the_examples() -> None:
    # the lexicon and patterns alone: the learned cue scorer admits some verbs it does not know
    rules_only = quotecraft.load(config={"disabled_rules": ["reported.scored.v1"]})
    for text, expected in EXAMPLES:
        if expected["kind"] == "direct":
            # quotation marks beside "she tooted" are a direct quote by their structure;
            # outside the lexicon the verb only gives a lower confidence
            [q] = rules_only(text).quotes
            assert q.kind.value == "direct" and q.confidence < 0.9
        else:
            assert_quotes(text, [], nlp=rules_only)


def test_entry_points_are_found_after_import(installed_extension: Path) -> None:
    assert "test_ext.social.v1" in registry.cue_lexicons.names()
    assert "test_ext.spokesperson.v1" in registry.pattern_sets.names()
    lex = registry.cue_lexicons.get("test_ext.social.v1")()
    assert {"toot", "message", "say"} <= set(lex.verbs)
    with pytest.raises(RuleError, match=r"E021 the pattern_sets entry point 'test_ext.broken.v1'"):
        registry.pattern_sets.get("test_ext.broken.v1")


@pytest.mark.model
@pytest.mark.parametrize(("text", "expected"), EXAMPLES, ids=EXAMPLE_IDS)
def test_the_extension_changes_the_output(
    installed_extension: Path, text: str, expected: dict[str, Any]
) -> None:
    ex = quotecraft.load(lexicon="test_ext.social.v1", patterns="test_ext.spokesperson.v1")
    assert_quotes(text, [expected], nlp=ex)


@pytest.mark.model
@pytest.mark.parametrize("suffix", [".json", ".yaml"])
def test_the_rule_file_changes_the_output_the_same_way(suffix: str, extractor: Any) -> None:
    if suffix == ".yaml":
        pytest.importorskip("yaml")
    ex = quotecraft.load(rules=EXTENSION / "rules" / f"social{suffix}")
    for text, expected in EXAMPLES:
        assert_quotes(text, [expected], nlp=ex)


@pytest.mark.model
def test_a_fresh_interpreter_finds_the_extension_without_importing_it(tmp_path: Path) -> None:
    """Entry points as catalogue reads them at import, in a pipeline built by spaCy's config."""
    write_dist_info(tmp_path)
    script = textwrap.dedent(
        """
        import json, sys
        import spacy
        from quotecraft.model import resolve_model_name
        nlp = spacy.load(resolve_model_name())
        nlp.add_pipe("quotecraft", config={
            "lexicon": "test_ext.social.v1", "patterns": "test_ext.spokesperson.v1"})
        imported_before = "quotecraft_test_ext" in sys.modules
        texts = json.loads(sys.argv[1])
        out = [[[q.kind.value, q.content.text, q.cue.lemma, q.rule] for q in nlp(t)._.quotes]
               for t in texts]
        print(json.dumps({"out": out, "config": nlp.config["components"]["quotecraft"]}))
        """
    )
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(
        [str(tmp_path), str(EXTENSION), env.get("PYTHONPATH", "")]
    ).rstrip(os.pathsep)
    texts = [t for t, _ in EXAMPLES]
    res = subprocess.run(
        [sys.executable, "-c", script, json.dumps(texts)],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert res.returncode == 0, res.stderr
    result = json.loads(res.stdout.strip().splitlines()[-1])
    assert result["out"] == [
        [["direct", "The bridge is safe,", "toot", "direct.cue_after.v1"]],
        [["indirect", "the bridge was safe", "message", "reported.ccomp.v1"]],
        [["indirect", "the bridge was safe", "reaffirm", "test_ext.spokesperson.v1"]],
    ]
    assert result["config"]["lexicon"] == "test_ext.social.v1"


# -- the registries are wired into the pipeline -----------------------------------------------


@pytest.fixture
def scratch_registry(monkeypatch: pytest.MonkeyPatch) -> None:
    """Registrations made in the test are forgotten after it."""
    monkeypatch.setattr(catalogue, "REGISTRY", dict(catalogue.REGISTRY))


class _AnonymousResolver(Resolver):
    """Resolves as usual, then withholds every name (for the test)."""

    def record(self, ent: Any, bounds: Any, text: str) -> Any:
        import attrs

        return attrs.evolve(super().record(ent, bounds, text), name=None)


@pytest.mark.model
def test_speaker_resolver_and_boilerplate_come_from_the_registry(
    scratch_registry: None, extractor: Any
) -> None:
    import spacy

    registry.speaker_resolvers.register("test.anonymous.v1", func=lambda: _AnonymousResolver)
    text = "Sign up for our newsletter\n\n“We will rebuild,” said Mayor Ann Lee."
    pipe = spacy.load(quotecraft.model.resolve_model_name())
    pipe.add_pipe("quotecraft", name="default")
    doc = pipe(text)
    # the same output as quotecraft.extract(), though this Doc was parsed with the boilerplate
    assert doc._.quotes == quotecraft.load()(text).quotes
    (q,) = doc._.quotes
    assert q.speaker is not None and q.speaker.name == "Ann Lee"
    default = pipe.get_pipe("default").extractor
    assert [b.text for b in default.analyze(doc).boilerplate] == ["Sign up for our newsletter"]

    pipe.remove_pipe("default")
    pipe.add_pipe("quotecraft", config={"speakers": "test.anonymous.v1", "boilerplate": "none.v1"})
    doc = pipe(text)
    direct = [q for q in doc._.quotes if q.kind.value == "direct"]
    assert len(direct) == 1 and direct[0].speaker is not None
    assert direct[0].speaker.name is None and direct[0].speaker.mention is not None
    assert pipe.get_pipe("quotecraft").extractor.analyze(doc).boilerplate == ()


@pytest.mark.model
def test_a_registered_title_lexicon_reaches_the_speaker_stage(scratch_registry: None) -> None:
    packaged = registry.title_lexicons.get("en.v1")()

    def with_bosun() -> registry.TitleLexicon:
        return registry.TitleLexicon(
            phrases=packaged.phrases | {"bosun"},
            words=packaged.words | {"bosun"},
            modifiers=packaged.modifiers,
        )

    registry.title_lexicons.register("test.bosun.v1", func=with_bosun)
    text = "Bosun Ola Brekke said the pier would close."
    (q,) = quotecraft.load()(text).quotes
    assert q.speaker is not None and q.speaker.title is None  # "bosun" is no packaged title
    (q,) = quotecraft.load(titles="test.bosun.v1")(text).quotes
    assert q.speaker is not None
    assert (q.speaker.name, q.speaker.title) == ("Ola Brekke", "Bosun")
    # the same through the spaCy component's config
    import spacy

    pipe = spacy.load(quotecraft.model.resolve_model_name())
    pipe.add_pipe("quotecraft", config={"titles": "test.bosun.v1"})
    (q,) = pipe(text)._.quotes
    assert q.speaker is not None and q.speaker.title == "Bosun"


@pytest.mark.model
def test_load_takes_speakers_and_boilerplate_by_name(scratch_registry: None) -> None:
    registry.speaker_resolvers.register("test.anonymous.v1", func=lambda: _AnonymousResolver)
    text = "Sign up for our newsletter\n\n“We will rebuild,” said Mayor Ann Lee."
    art = quotecraft.load(speakers="test.anonymous.v1", boilerplate="none.v1")(text)
    assert art.boilerplate == ()
    (q,) = art.quotes
    assert q.speaker is not None and q.speaker.name is None
    with pytest.raises(RuleError, match=r"E020 no title_lexicons named 'xx.v1'"):
        quotecraft.load(titles="xx.v1")


class _OldResolver:
    """A resolver written before title lexicons: ``cls(doc, quote_spans)`` only."""

    def __init__(self, doc: Any, quote_spans: Any = ()) -> None:
        self.inner = Resolver(doc, quote_spans)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)


@pytest.mark.model
def test_a_resolver_without_titles_still_loads_but_refuses_other_titles(
    scratch_registry: None,
) -> None:
    registry.speaker_resolvers.register("test.old.v1", func=lambda: _OldResolver)
    registry.title_lexicons.register("test.same.v1", func=registry.title_lexicons.get("en.v1"))
    (q,) = quotecraft.load(speakers="test.old.v1")("“Yes,” said Mayor Ann Lee.").quotes
    assert q.speaker is not None and q.speaker.name == "Ann Lee"
    with pytest.raises(RuleError, match=r"E022 the speaker resolver .* takes no 'titles'"):
        quotecraft.load(speakers="test.old.v1", titles="test.same.v1")


_SEEN: list[str | None] = []


class _SpyResolver(Resolver):
    """Keeps the source text it was given (for the test)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _SEEN.append(kwargs.get("source_text"))


@pytest.mark.model
def test_the_resolver_is_built_with_the_text_its_bylines_are_in(scratch_registry: None) -> None:
    registry.speaker_resolvers.register("test.spy.v1", func=lambda: _SpyResolver)
    text = "Sign up for our newsletter\n\n“We will rebuild,” said Mayor Ann Lee."
    _SEEN.clear()
    quotecraft.load(speakers="test.spy.v1")(text)
    # the text before the boilerplate line was blanked, given at construction
    assert [text] == _SEEN
