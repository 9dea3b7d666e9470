"""MkDocs hooks of the quotecraft documentation.

- The command-line reference (``docs/cli.md``) is generated here, at build time,
  from the same ``argparse`` parser the ``quotecraft`` command uses, so the page
  cannot drift from ``quotecraft --help``. The page holds the marker
  ``<!-- quotecraft --help -->``; this hook replaces it with one section per
  command, each the verbatim ``--help`` text.
- A page listed in the navigation but not written yet gets a short placeholder,
  so that the site (and the links to that page) still build in ``--strict`` mode
  while the page is being written. The build log names each placeholder.
"""

from __future__ import annotations

import argparse
import logging
import os
from collections.abc import Iterator
from typing import Any

from mkdocs.structure.files import File, Files

log = logging.getLogger("mkdocs.hooks.quotecraft")

MARKER = "<!-- quotecraft --help -->"
HELP_WIDTH = 88
"""Columns the help is wrapped at (argparse otherwise follows the terminal)."""


def subcommands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    """The subcommand parsers of ``parser``, in the order ``--help`` lists them."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def help_texts() -> dict[str, str]:
    """``{"quotecraft": help, "quotecraft extract": help, ...}``, as ``--help`` prints them."""
    from quotecraft.cli import build_parser

    old = os.environ.get("COLUMNS")
    os.environ["COLUMNS"] = str(HELP_WIDTH)
    try:
        parser = build_parser()
        out = {parser.prog: parser.format_help()}
        for sub in subcommands(parser).values():
            out[sub.prog] = sub.format_help()
    finally:
        if old is None:
            del os.environ["COLUMNS"]
        else:
            os.environ["COLUMNS"] = old
    return out


def cli_reference() -> str:
    """The generated Markdown: a section per command with its ``--help`` output."""
    parts = []
    for prog, text in help_texts().items():
        parts.append(f"## `{prog}`\n\n```text\n$ {prog} --help\n{text.rstrip()}\n```\n")
    return "\n".join(parts)


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    """Fill in the command-line reference where the page asks for it."""
    if MARKER not in markdown:
        return markdown
    return markdown.replace(MARKER, cli_reference())


def nav_pages(nav: Any) -> Iterator[tuple[str, str]]:
    """``(title, path)`` of every Markdown page in a MkDocs ``nav`` setting."""
    if isinstance(nav, list):
        for item in nav:
            yield from nav_pages(item)
    elif isinstance(nav, dict):
        for title, value in nav.items():
            if isinstance(value, str):
                if value.endswith(".md"):
                    yield title, value
            else:
                yield from nav_pages(value)


def on_files(files: Files, config: Any) -> Files:
    """Add a placeholder for each navigation page that does not exist yet."""
    for title, path in nav_pages(config["nav"]):
        if files.get_file_from_path(path) is None:
            log.info("placeholder for %s: the page is not written yet", path)
            content = f"# {title}\n\nThis page is being written.\n"
            files.append(File.generated(config, path, content=content))
    return files
