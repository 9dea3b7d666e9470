"""The documentation builds, its links resolve, and its examples run.

- the MkDocs site builds with ``--strict`` (any warning fails it);
- every internal link and anchor of the built site resolves;
- the command-line reference carries every command and option of the parser;
- every ``python`` and ``console`` example in ``docs/*.md`` and ``README.md`` runs
  and prints what the page says (``pycon`` examples run as doctests, through
  ``--doctest-glob=*.md``; see ``docs/conftest.py`` for the conventions);
- every public name has an example in its docstring, and every rule name the
  package can put in ``Quote.rule`` is explained in ``docs/how-it-works.md``.
"""

from __future__ import annotations

import importlib
import importlib.util
import os
import pkgutil
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from types import ModuleType
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest

REPO = Path(__file__).resolve().parent.parent
DOCS = REPO / "docs"
CONFIG = DOCS / "config" / "mkdocs.yml"
PAGES = sorted(DOCS.glob("*.md"))
EXAMPLE_PAGES = [REPO / "README.md", *PAGES]


def _docs_conftest() -> ModuleType:
    """``docs/conftest.py``, which holds the fenced-block parser shared with the doctests."""
    spec = importlib.util.spec_from_file_location("quotecraft_docs_conftest", DOCS / "conftest.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


doc_tools = _docs_conftest()


def _pages_with(lang: str) -> list[Path]:
    """The pages (README.md and docs/*.md) that have runnable ``lang`` blocks."""
    return [
        page
        for page in EXAMPLE_PAGES
        if any(
            b.lang == lang and not b.skip
            for b in doc_tools.fenced_blocks(page.read_text(encoding="utf-8"))
        )
    ]


# -- the site builds, strictly ------------------------------------------------------------------


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site, built once per session with ``mkdocs build --strict``."""
    pytest.importorskip("mkdocs")
    pytest.importorskip("mkdocstrings_handlers.python")
    out = tmp_path_factory.mktemp("site")
    res = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(CONFIG), "-d", str(out)],
        cwd=REPO,
        capture_output=True,
        text=True,
    )
    assert res.returncode == 0, f"mkdocs build --strict failed:\n{res.stdout}{res.stderr}"
    return out


def test_site_builds_strict(site: Path) -> None:
    for page in PAGES:
        built = site / ("index.html" if page.stem == "index" else f"{page.stem}/index.html")
        assert built.is_file(), f"{page.name} was not built"


# -- internal links -----------------------------------------------------------------------------


class _Links(HTMLParser):
    """Collects the ids of a page and its links (href/src)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value is None:
                continue
            if name in ("id", "name") and (name == "id" or tag == "a"):
                self.ids.add(value)
            elif (name == "href" and tag in ("a", "link")) or (
                name == "src" and tag in ("img", "script")
            ):
                self.links.append(value)


def _parse(path: Path) -> _Links:
    parser = _Links()
    parser.feed(path.read_text(encoding="utf-8", errors="replace"))
    return parser


def broken_links(site_dir: Path) -> tuple[list[str], int]:
    """Every internal link of the built site that does not resolve, and how many were checked.

    A link resolves when its target file exists (a folder means its ``index.html``)
    and, when it has a fragment, the target page has an element with that id.
    """
    pages = {p: _parse(p) for p in site_dir.rglob("*.html")}
    broken: list[str] = []
    checked = 0
    for page, parsed in pages.items():
        for link in parsed.links:
            parts = urlsplit(link)
            if parts.scheme or parts.netloc or link.startswith(("mailto:", "javascript:")):
                continue  # external
            checked += 1
            where = f"{page.relative_to(site_dir)}: {link}"
            if parts.path.startswith("/"):  # root-relative (404.html): the site root
                target = (site_dir / unquote(parts.path).lstrip("/")).resolve()
            elif parts.path:
                target = (page.parent / unquote(parts.path)).resolve()
                if target.is_dir():
                    target = target / "index.html"
            else:
                target = page.resolve()
            if not target.exists():
                broken.append(f"{where} (no file {target})")
                continue
            fragment = unquote(parts.fragment)
            if fragment and target.suffix == ".html":
                ids = pages[target].ids if target in pages else _parse(target).ids
                if fragment not in ids:
                    broken.append(f"{where} (no anchor #{fragment})")
    return broken, checked


def test_internal_links_resolve(site: Path) -> None:
    broken, checked = broken_links(site)
    assert checked > 100, f"only {checked} internal links found: is the checker reading the site?"
    assert not broken, "broken internal links:\n" + "\n".join(broken)


def test_link_checker_finds_broken_links(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text('<h2 id="here">x</h2><a href="#here">ok</a>')
    (tmp_path / "index.html").write_text(
        '<a href="a/">ok</a><a href="a/#here">ok</a><a href="https://example.org/x">ext</a>'
        '<a href="b/">missing page</a><a href="a/#gone">missing anchor</a><img src="i.png">'
    )
    broken, checked = broken_links(tmp_path)
    assert checked == 6
    assert len(broken) == 3
    assert any("b/" in b for b in broken)
    assert any("#gone" in b for b in broken)
    assert any("i.png" in b for b in broken)


# -- the command-line reference is generated from the parser -----------------------------------


def test_cli_reference_lists_every_command_and_option(site: Path) -> None:
    import argparse

    from quotecraft.cli import build_parser

    html = (site / "cli" / "index.html").read_text(encoding="utf-8")
    parser = build_parser()
    commands: list[argparse.ArgumentParser] = [parser]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            commands.extend(action.choices.values())
    assert len(commands) > 2
    missing = []
    for command in commands:
        if f"$ {command.prog} --help" not in html:
            missing.append(command.prog)
        for action in command._actions:
            missing.extend(
                f"{command.prog} {opt}" for opt in action.option_strings if opt not in html
            )
    assert not missing, f"docs/cli.md lacks: {missing}"


# -- examples in the pages run ------------------------------------------------------------------


def _blocks(page: Path, lang: str) -> list[Any]:
    text = page.read_text(encoding="utf-8")
    return [b for b in doc_tools.fenced_blocks(text) if b.lang == lang and not b.skip]


def test_fenced_blocks_parser() -> None:
    text = "a\n<!-- file: x.txt -->\n```text\nhello\n```\n\n<!-- skip -->\n```python\n1/0\n```\n"
    blocks = list(doc_tools.fenced_blocks(text))
    assert [(b.lang, b.file, b.skip, b.code) for b in blocks] == [
        ("text", "x.txt", False, "hello\n"),
        ("python", None, True, "1/0\n"),
    ]


@pytest.mark.model
@pytest.mark.parametrize("page", _pages_with("python"), ids=lambda p: p.name)
def test_python_examples_run(
    page: Path, extractor: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocks = _blocks(page, "python")
    namespace: dict[str, Any] = {"__name__": "__docs__"}
    doc_tools.write_page_files(page.read_text(encoding="utf-8"), tmp_path)
    monkeypatch.chdir(tmp_path)
    for block in blocks:
        assert ">>>" not in block.code, (
            f"{page.name}:{block.line}: interactive examples go in a ```pycon fence"
        )
        try:
            exec(compile(block.code, f"{page.name}:{block.line}", "exec"), namespace)
        except Exception as exc:  # pragma: no cover - reported as the failure
            pytest.fail(f"{page.name}, example at line {block.line} failed: {exc!r}")


def _console_steps(code: str) -> Iterator[tuple[str, list[str]]]:
    """``(command, expected output lines)`` for each ``$ `` line of a console block."""
    command: str | None = None
    expected: list[str] = []
    for line in code.splitlines():
        if line.startswith("$ "):
            if command is not None:
                yield command, expected
            command, expected = line[2:], []
        elif command is not None:
            expected.append(line)
    if command is not None:
        yield command, expected


def output_matches(expected: list[str], actual: list[str]) -> bool:
    """Line-by-line equality where an expected line ``...`` stands for any number of lines."""
    exp = [e.rstrip() for e in expected]
    act = [a.rstrip() for a in actual]
    while exp and not exp[-1]:
        exp.pop()
    while act and not act[-1]:
        act.pop()
    pattern = "".join(r"(?:.*\n)*?" if e == "..." else re.escape(e) + r"\n" for e in exp)
    return re.fullmatch(pattern, "".join(a + "\n" for a in act)) is not None


def test_output_matching() -> None:
    assert output_matches(["a", "...", "d"], ["a", "b", "c", "d"])
    assert output_matches(["a", "..."], ["a"])
    assert not output_matches(["a", "c"], ["a", "b"])
    assert not output_matches(["a"], ["a", "b"])
    assert not output_matches(["...", "c"], ["a", "b"])
    assert output_matches(["...", "b"], ["a", "b"])
    assert output_matches([], [])


@pytest.mark.model
@pytest.mark.parametrize("page", _pages_with("console"), ids=lambda p: p.name)
def test_console_examples_run(page: Path, extractor: object, tmp_path: Path) -> None:
    blocks = _blocks(page, "console")
    bash = shutil.which("bash")
    if bash is None:  # pragma: no cover
        pytest.skip("bash not found")
    env = dict(os.environ, COLUMNS="88", NO_COLOR="1")
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    env.pop("QUOTECRAFT_MODEL", None)
    doc_tools.write_page_files(page.read_text(encoding="utf-8"), tmp_path)
    for block in blocks:
        for command, expected in _console_steps(block.code):
            res = subprocess.run(
                [bash, "-o", "pipefail", "-c", command],
                cwd=tmp_path,
                env=env,
                capture_output=True,
                text=True,
                timeout=120,
            )
            where = f"{page.name}:{block.line}: $ {command}"
            assert res.returncode == 0, f"{where}\nexit {res.returncode}\n{res.stderr}"
            assert output_matches(expected, res.stdout.splitlines()), (
                f"{where}\n--- the page says:\n"
                + "\n".join(expected)
                + "\n--- the command printed:\n"
                + res.stdout
            )


def test_pycon_blocks_end_with_a_blank_line() -> None:
    """Doctest reads expected output up to a blank line: a fence right after output breaks it."""
    bad = []
    for page in EXAMPLE_PAGES:
        for block in _blocks(page, "pycon"):
            last = block.code[:-1].rsplit("\n", 1)[-1]  # code ends with one added newline
            if last.strip() and not last.startswith((">>>", "...")):
                bad.append(f"{page.name}:{block.line}")
    assert not bad, f"add a blank line before the closing fence of: {bad}"


# -- README -------------------------------------------------------------------------------------


def test_readme_is_short_and_points_into_the_docs() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert len(readme.splitlines()) < 80, "README.md should stay short: move detail into docs/"
    targets = re.findall(r"\]\((docs/[^)#\s]+)", readme)
    assert "docs/index.md" in targets
    missing = [t for t in targets if not (REPO / t).exists()]
    assert not missing, f"README.md links to missing files: {missing}"


# -- docstrings ---------------------------------------------------------------------------------


def test_every_public_name_has_an_example() -> None:
    import quotecraft

    lacking = []
    for name in quotecraft.__all__:
        obj = getattr(quotecraft, name)
        if isinstance(obj, str):
            continue  # __version__
        doc = obj.__doc__ or ""
        if "Example" not in doc or ">>>" not in doc:
            lacking.append(name)
    assert not lacking, f"public names without an Example in their docstring: {lacking}"


OPTIONAL = frozenset({"dask", "distributed", "yaml", "playwright", "pytest_benchmark"})
"""Third-party modules some quotecraft modules need only when a feature is used."""


def test_every_module_imports() -> None:
    """Doctest collection skips nothing silently: every module of the package imports."""
    import quotecraft

    failed = []
    for info in pkgutil.walk_packages(quotecraft.__path__, "quotecraft."):
        if info.name == "quotecraft.__main__":
            continue  # runs the command line when imported
        try:
            importlib.import_module(info.name)
        except ModuleNotFoundError as exc:
            if (exc.name or "").split(".")[0] not in OPTIONAL:
                failed.append(f"{info.name}: {exc!r}")
        except Exception as exc:
            failed.append(f"{info.name}: {exc!r}")
    assert not failed, "\n".join(failed)


# -- rules are documented -----------------------------------------------------------------------

_RULE_NAME = re.compile(r"""["']((?:direct|mixed|reported)\.[a-z_]+\.v\d+)["']""")


def rule_names() -> set[str]:
    """Every rule name the package can put in ``Quote.rule``."""
    from quotecraft import registry

    names = set()
    for path in (REPO / "quotecraft").rglob("*.py"):
        names.update(_RULE_NAME.findall(path.read_text(encoding="utf-8")))
    for get in registry.pattern_sets.get_all().values():
        names.update(rule.name for rule in get())
    # pipeline.py renames a standalone quote that continues the previous speaker
    names.update(n.replace("standalone", "continuation") for n in list(names))
    return names


def test_every_rule_is_explained() -> None:
    page = (DOCS / "how-it-works.md").read_text(encoding="utf-8")
    names = rule_names()
    assert {"direct.cue_after.v1", "reported.ccomp.v1"} <= names
    missing = sorted(n for n in names if f"`{n}`" not in page)
    assert not missing, f"docs/how-it-works.md does not explain the rules {missing}"


def test_griffe_extension_rewrites_docstrings() -> None:
    pytest.importorskip("griffe")
    spec = importlib.util.spec_from_file_location(
        "quotecraft_docs_griffe", DOCS / "config" / "griffe_docstrings.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    text = "See :class:`~quotecraft.records.Quote` and :func:`quotecraft.load`.\n\nExample:\n    >>> 1\n    1"
    assert module.rewrite(text) == (
        "See `Quote` and `quotecraft.load`.\n\nExamples:\n    >>> 1\n    1"
    )


DOCS_CODE = ["docs/conftest.py", "docs/config/hooks.py", "docs/config/griffe_docstrings.py"]
"""The Python files of docs/, which tests/test_lint.py does not cover."""


def test_docs_code_is_lint_and_type_clean() -> None:
    pytest.importorskip("ruff")
    pytest.importorskip("mypy")
    for args in (
        ["ruff", "check", *DOCS_CODE],
        ["ruff", "format", "--check", *DOCS_CODE],
        ["mypy", "--follow-imports=skip", "--check-untyped-defs", *DOCS_CODE],
    ):
        res = subprocess.run(
            [sys.executable, "-m", *args], cwd=REPO, capture_output=True, text=True
        )
        assert res.returncode == 0, f"{' '.join(args[:2])}:\n{res.stdout}{res.stderr}"
