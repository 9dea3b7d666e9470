"""Error and warning codes: one named constant per code in quotecraft/errors.py, each code once."""

from __future__ import annotations

import ast
import logging
import re
from pathlib import Path

import pytest

from quotecraft import errors

PACKAGE = Path(errors.__file__).parent
CODE = re.compile(r"\b[EW]0\d\d\b")


def _declared() -> dict[str, str]:
    """Constant name -> code, for the codes declared in errors.py."""
    out = {}
    tree = ast.parse(Path(errors.__file__).read_text(encoding="utf-8"))
    for node in tree.body:
        if (
            isinstance(node, ast.Assign)
            and isinstance(node.value, ast.Constant)
            and isinstance(node.value.value, str)
            and re.fullmatch(r"E0\d\d", node.value.value)
        ):
            for target in node.targets:
                assert isinstance(target, ast.Name)
                out[target.id] = node.value.value
    return out


def _warnings() -> dict[str, str]:
    """Constant name -> code, for the coded warning texts (W_...)."""
    return {
        name: m.group(0)
        for name, value in vars(errors).items()
        if name.startswith("W_") and isinstance(value, str) and (m := CODE.match(value))
    }


def test_each_code_has_one_constant_and_each_constant_one_code() -> None:
    declared = _declared()
    assert len(declared) >= 30
    assert len(set(declared.values())) == len(declared), "two constants share a code"
    for name, code in declared.items():
        assert getattr(errors, name) == code
    warnings = _warnings()
    assert len(set(warnings.values())) == len(warnings), "two warnings share a code"


def _codes_used() -> dict[str, set[str]]:
    """Code -> the modules whose strings use it."""
    used: dict[str, set[str]] = {}
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                for code in CODE.findall(node.value):
                    used.setdefault(code, set()).add(path.relative_to(PACKAGE).as_posix())
    return used


def test_every_code_used_in_the_package_is_declared() -> None:
    known = set(_declared().values()) | set(_warnings().values())
    unknown = {code: sorted(where) for code, where in _codes_used().items() if code not in known}
    assert unknown == {}, (
        "declare these codes in quotecraft/errors.py (a new code, not a reused one)"
    )


def test_a_reused_code_would_be_found() -> None:
    assert CODE.findall("E013 unknown quote kinds; W004 split") == ["E013", "W004"]
    assert errors.WORKER_DIED != errors.UNKNOWN_KINDS


def test_a_failed_document_in_a_batch_is_logged(caplog: pytest.LogCaptureFixture) -> None:
    from quotecraft.batch import error_record

    with caplog.at_level(logging.DEBUG, logger="quotecraft"):
        bug = error_record("d1", RuntimeError("a stage failed"))
        mistake = error_record("d2", errors.InputTypeError("E002 not a str"))
    assert (bug.id, bug.type, bug.message) == ("d1", "RuntimeError", "a stage failed")
    assert mistake.type == "InputTypeError"
    [warned, noted] = caplog.records
    assert warned.levelno == logging.WARNING and "'d1'" in warned.getMessage()
    assert warned.exc_info is not None  # the traceback of the bug
    assert noted.levelno == logging.DEBUG and "'d2'" in noted.getMessage()
