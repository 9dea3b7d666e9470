"""How the Markdown pages of docs/ are tested.

``python -m pytest`` collects every ``docs/*.md`` page as a doctest
(``--doctest-glob=*.md`` in pyproject.toml): each ``>>>`` example runs with the
real model and its printed output is compared. Conventions for page authors:

- Interactive examples go in `` ```pycon `` fences. Leave a blank line between
  the last output line and the closing fence (doctest reads until a blank line).
- Whole scripts go in `` ```python `` fences; ``tests/test_docs.py`` runs them, in
  page order, in one namespace per page.
- Shell sessions go in `` ```console `` fences: ``$ command`` lines followed by
  the exact output (a line ``...`` stands for any number of lines);
  ``tests/test_docs.py`` runs them with bash.
- A page can provide input files: put ``<!-- file: NAME -->`` on the line before a
  fence and the fence's content is written to ``NAME``. Every example of the page
  runs in a fresh temporary directory holding those files.
- A fence preceded by ``<!-- skip -->`` is shown but not run (say why in the text).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from attrs import frozen

collect_ignore = ["config"]

_FENCE = re.compile(r"^(?P<indent> {0,3})(?P<fence>`{3,}|~{3,})\s*(?P<info>[^\n`]*)$")
_MARKER = re.compile(r"^<!--\s*(?P<what>file:\s*(?P<name>\S+)|skip)\s*-->\s*$")


@frozen
class Block:
    """One fenced code block of a Markdown page."""

    lang: str
    """The first word of the info string (``python``, ``pycon``, ``console``...)."""
    code: str
    """The block's content, without the fences."""
    line: int
    """1-based line number of the opening fence."""
    file: str | None = None
    """The file name given by a ``<!-- file: NAME -->`` marker on the line before."""
    skip: bool = False
    """True when a ``<!-- skip -->`` marker precedes the block."""


def fenced_blocks(text: str) -> Iterator[Block]:
    """The fenced code blocks of a Markdown text, in order."""
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        m = _FENCE.match(lines[i])
        if not m:
            i += 1
            continue
        fence, info = m["fence"], m["info"].strip()
        start = i
        body: list[str] = []
        i += 1
        while i < len(lines) and not lines[i].strip().startswith(fence):
            body.append(lines[i])
            i += 1
        prev = lines[start - 1].strip() if start else ""
        marker = _MARKER.match(prev)
        yield Block(
            lang=info.split()[0].lower() if info else "",
            code="\n".join(body) + "\n",
            line=start + 1,
            file=marker["name"] if marker and marker["name"] else None,
            skip=bool(marker and marker["what"] == "skip"),
        )
        i += 1


def write_page_files(text: str, folder: Path) -> list[Path]:
    """Write the files a page declares with ``<!-- file: NAME -->`` into ``folder``."""
    out = []
    for block in fenced_blocks(text):
        if block.file is not None:
            path = folder / block.file
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(block.code, encoding="utf-8")
            out.append(path)
    return out


@pytest.fixture(autouse=True)
def _page_folder(
    request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Run each page's doctests in a temporary folder holding the page's files."""
    path = Path(str(request.node.path))
    if path.suffix != ".md":
        return
    import quotecraft

    try:
        quotecraft.load()
    except quotecraft.ModelNotFoundError as exc:  # pragma: no cover - depends on the machine
        pytest.skip(str(exc))
    write_page_files(path.read_text(encoding="utf-8"), tmp_path)
    monkeypatch.chdir(tmp_path)
