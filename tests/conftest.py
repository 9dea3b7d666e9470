"""Shared fixtures.

Tests that need third-party data (the seed articles, the corpora) read it from
``$QUOTECRAFT_DATA`` or ``../shared`` beside the repository and skip cleanly
when it is absent. Tests that need the English model skip when none is installed.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

# Property tests run with a fixed seed by default, so a run of the suite (and CI) is
# reproducible: the same few thousand generated examples every time. Set
# HYPOTHESIS_PROFILE=explore to draw fresh random examples (and tests/fuzz/ for long runs).
settings.register_profile("repeatable", derandomize=True)
settings.register_profile("explore", derandomize=False)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "repeatable"))

REPO = Path(__file__).resolve().parent.parent


def shared_dir() -> Path | None:
    """The shared data folder (seeds, corpora, scorer), or None when absent."""
    env = os.environ.get("QUOTECRAFT_DATA")
    path = Path(env) if env else REPO.parent / "shared"
    return path if path.is_dir() else None


@pytest.fixture(scope="session")
def shared() -> Path:
    path = shared_dir()
    if path is None:
        pytest.skip("shared data not found: set QUOTECRAFT_DATA or put it in ../shared")
    return path


@pytest.fixture(scope="session")
def extractor() -> Iterator[object]:
    import quotecraft

    try:
        yield quotecraft.load()
    except quotecraft.ModelNotFoundError as exc:  # pragma: no cover - depends on the machine
        pytest.skip(str(exc))


@pytest.fixture(scope="session")
def nlp(extractor: object) -> object:
    return extractor.nlp  # type: ignore[attr-defined]
