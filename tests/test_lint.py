"""Static checks, run through pytest so the one test command covers them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *args], cwd=REPO, capture_output=True, text=True)


def test_ruff_check() -> None:
    pytest.importorskip("ruff")
    res = _run("ruff", "check", "quotecraft", "tests", "benchmarks")
    assert res.returncode == 0, res.stdout + res.stderr


def test_ruff_format() -> None:
    pytest.importorskip("ruff")
    res = _run("ruff", "format", "--check", "quotecraft")
    assert res.returncode == 0, res.stdout + res.stderr


def test_mypy() -> None:
    pytest.importorskip("mypy")
    res = _run("mypy")
    assert res.returncode == 0, res.stdout + res.stderr
