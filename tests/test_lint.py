"""Static checks, run through pytest so the one test command covers them."""

from __future__ import annotations

import ast
import functools
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

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
    res = _run("ruff", "format", "--check", "quotecraft", "tests", "benchmarks")
    assert res.returncode == 0, res.stdout + res.stderr


def test_mypy() -> None:
    pytest.importorskip("mypy")
    res = _run("mypy")
    assert res.returncode == 0, res.stdout + res.stderr


# -- the package's layout ---------------------------------------------------------------------
# These guard the layout of quotecraft/ (issue 14): short modules, no import cycles, no private
# names used across modules, no word lists written in Python. A known case still open is
# marked as a strict xfail naming its owner: fixing it turns the xfail into a failure that
# says to remove the mark.

PACKAGE = REPO / "quotecraft"
MAX_MODULE_LINES = 500
MIN_WORD_LIST = 8


def _modules() -> dict[str, Path]:
    """Dotted module name -> path, for every module of the package."""
    out = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(REPO).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        out[".".join(parts)] = path
    return out


MODULES = _modules()


def _known(owner: str, what: str) -> pytest.MarkDecorator:
    return pytest.mark.xfail(strict=True, reason=f"known, owned by {owner}: {what}")


def _cases(known: dict[str, pytest.MarkDecorator]) -> list[Any]:
    return [pytest.param(name, marks=known.get(name, ()), id=name) for name in MODULES]


TOO_LONG: dict[str, pytest.MarkDecorator] = {}


@pytest.mark.parametrize("module", _cases(TOO_LONG))
def test_module_is_short(module: str) -> None:
    n = len(MODULES[module].read_text(encoding="utf-8").splitlines())
    assert n <= MAX_MODULE_LINES, f"{module} has {n} lines (at most {MAX_MODULE_LINES})"


MAX_EXTRACTOR_LINES = 150


def test_the_extractor_only_composes() -> None:
    """The Extractor class composes the stages; their work lives in the stage modules."""
    tree = _trees()["quotecraft.extractor"]
    (cls,) = [n for n in ast.walk(tree) if isinstance(n, ast.ClassDef) and n.name == "Extractor"]
    n = (cls.end_lineno or cls.lineno) - cls.lineno + 1
    assert n < MAX_EXTRACTOR_LINES, f"Extractor has {n} lines (under {MAX_EXTRACTOR_LINES})"


def _imported_modules(module: str, tree: ast.AST) -> Iterator[tuple[str, ast.ImportFrom]]:
    """Package modules ``module`` imports (anywhere: top level, functions, TYPE_CHECKING)."""
    package = module if MODULES[module].name == "__init__.py" else module.rpartition(".")[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                target = ".".join([*base, node.module] if node.module else base)
            else:
                target = node.module or ""
            if target in MODULES:
                yield target, node
            for alias in node.names:  # from . import direct
                if f"{target}.{alias.name}" in MODULES:
                    yield f"{target}.{alias.name}", node
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name in MODULES:
                    yield alias.name, ast.ImportFrom(module=alias.name, names=[], level=0)


@functools.cache
def _trees() -> dict[str, ast.AST]:
    """Every module's syntax tree, parsed once per run (the checks only read them)."""
    return {m: _parse(m) for m in MODULES}


def _parse(module: str) -> ast.AST:
    return ast.parse(MODULES[module].read_text(encoding="utf-8"))


def _import_graph() -> dict[str, set[str]]:
    """Module -> the package modules it imports (the package itself left out)."""
    return {
        m: {t for t, _ in _imported_modules(m, tree) if t not in (m, "quotecraft")}
        for m, tree in _trees().items()
    }


def _cycles(graph: dict[str, set[str]]) -> list[str]:
    """Every module that can reach itself through imports, with one such path."""
    out = []
    for start in sorted(graph):
        stack, seen = [(start, [start])], {start}
        while stack:
            node, path = stack.pop()
            if start in graph.get(node, ()):
                out.append(" -> ".join([*path, start]))
                break
            for nxt in sorted(graph.get(node, ())):
                if nxt not in seen:
                    seen.add(nxt)
                    stack.append((nxt, [*path, nxt]))
    return out


KNOWN_IMPORTS: dict[tuple[str, str], str] = {}
"""Imports known to close a cycle, left out of the check until their owner removes them."""


def test_no_import_cycles() -> None:
    """No package module imports itself through other modules (known imports aside)."""
    graph = _import_graph()
    for source, target in KNOWN_IMPORTS:
        graph[source].discard(target)
    assert _cycles(graph) == []


@pytest.mark.parametrize(
    "edge",
    [
        pytest.param(e, marks=_known(*reason.split(": ", 1)), id="->".join(e))
        for e, reason in KNOWN_IMPORTS.items()
    ],
)
def test_known_cycle_imports_are_gone(edge: tuple[str, str]) -> None:
    source, target = edge
    assert target not in _import_graph()[source] or not _cycles(_import_graph())


def _private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


def _private_uses(module: str, tree: ast.AST) -> list[str]:
    """Private names of other package modules that ``module`` uses."""
    out = []
    bound: dict[str, str] = {}  # local name -> package module
    for target, node in _imported_modules(module, tree):
        if target == module:
            continue
        for alias in node.names:
            if f"{target}.{alias.name}" in MODULES:
                bound[alias.asname or alias.name] = f"{target}.{alias.name}"
            elif _private(alias.name) and target != module:
                out.append(f"{module} imports {target}.{alias.name}")
        if not node.names:
            bound[target.rpartition(".")[2]] = target
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and node.value.id in bound
            and bound[node.value.id] != module
            and _private(node.attr)
        ):
            out.append(f"{module} uses {bound[node.value.id]}.{node.attr}")
    return out


PRIVATE_USES: dict[str, pytest.MarkDecorator] = {}


@pytest.mark.parametrize("module", _cases(PRIVATE_USES))
def test_no_private_names_across_modules(module: str) -> None:
    assert _private_uses(module, _trees()[module]) == []


_WORD = re.compile(r"[^\W\d_]+(?:['’ -][^\W\d_]+)*")


@functools.cache
def _not_words() -> frozenset[str]:
    """Strings that look like words but name things: spaCy's labels, the records' fields."""
    import attrs
    from spacy.glossary import GLOSSARY

    from quotecraft import extractor, records

    fields = {
        f.name
        for cls in [*vars(records).values(), extractor.Config]
        if isinstance(cls, type) and attrs.has(cls)
        for f in attrs.fields(cls)
    }
    return frozenset(GLOSSARY) | frozenset(fields)


def _word_lists(tree: ast.AST) -> list[str]:
    """Lists, tuples and sets of eight or more words written as string literals."""
    out = []
    for node in ast.walk(tree):
        strings: list[str] = []
        if isinstance(node, (ast.List, ast.Tuple, ast.Set)):
            strings = [e.value for e in node.elts if isinstance(e, ast.Constant)]
        elif (  # "a b c d".split()
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "split"
            and isinstance(node.func.value, ast.Constant)
            and isinstance(node.func.value.value, str)
        ):
            strings = node.func.value.value.split()
        words = [
            s
            for s in strings
            if isinstance(s, str) and _WORD.fullmatch(s) and s not in _not_words()
        ]
        if len(words) >= MIN_WORD_LIST:
            out.append(f"line {node.lineno}: {len(words)} words ({', '.join(words[:4])}, ...)")
    return out


WORD_LISTS: dict[str, pytest.MarkDecorator] = {}


@pytest.mark.parametrize("module", _cases(WORD_LISTS))
def test_no_word_lists_in_python(module: str) -> None:
    """Word lists live in quotecraft/data/ (read through quotecraft.resources)."""
    tree = _parse(module)  # a copy of its own: the exports are blanked below
    for node in ast.walk(tree):  # the package's exports are names, not words
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets
        ):
            node.value = ast.Constant(None)
    assert _word_lists(tree) == []


_CODE = re.compile(r"[EW]\d{3}\b")


def _code_strings(tree: ast.AST) -> list[str]:
    """String literals (an f-string's parts included) that open with an error or warning code."""
    return [
        f"line {node.lineno}: {node.value[:30]!r}"
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and _CODE.match(node.value)
    ]


@pytest.mark.parametrize("module", [m for m in MODULES if m != "quotecraft.errors"])
def test_error_codes_are_named_constants(module: str) -> None:
    """Error and warning codes are written once, as the named constants of errors.py."""
    assert _code_strings(_trees()[module]) == []


def test_the_layout_checks_can_fail() -> None:
    """Each check finds what it is there to find."""
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [
        "a -> b -> c -> a",
        "b -> c -> a -> b",
        "c -> a -> b -> c",
    ]
    assert _cycles({"a": {"b"}, "b": set()}) == []
    tree = ast.parse("from . import direct\nfrom .merge import merge\nimport quotecraft.marks\n")
    assert {t for t, _ in _imported_modules("quotecraft.extractor", tree)} == {
        "quotecraft",
        "quotecraft.direct",
        "quotecraft.merge",
        "quotecraft.marks",
    }
    uses = _private_uses("quotecraft.merge", ast.parse("from .direct import _text\n"))
    assert uses == ["quotecraft.merge imports quotecraft.direct._text"]
    uses = _private_uses("quotecraft.merge", ast.parse("from . import direct\ndirect._TEXTS\n"))
    assert uses == ["quotecraft.merge uses quotecraft.direct._TEXTS"]
    words = "('said', 'told', 'added', 'noted', 'asked', 'wrote', 'argued', 'cried')"
    assert len(_word_lists(ast.parse(f"X = {words}"))) == 1
    assert (
        len(_word_lists(ast.parse("X = 'said told added noted asked wrote argued cried'.split()")))
        == 1
    )
    assert (
        len(_code_strings(ast.parse('raise E(f"E012 pattern {n!r}")\nx = ("W001", "W002")'))) == 3
    )
    assert _code_strings(ast.parse('raise E(f"{BAD_PATTERN} pattern {n!r}")')) == []
    labels = "('nsubj', 'dobj', 'prep', 'pobj', 'advcl', 'xcomp', 'ccomp', 'conj')"
    assert _word_lists(ast.parse(f"X = {labels}")) == []
