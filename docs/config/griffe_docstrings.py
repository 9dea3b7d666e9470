"""A Griffe extension that lets the API reference render the package's docstrings as written.

The docstrings follow the Google style as Sphinx napoleon reads it, which
mkdocstrings (through Griffe) reads slightly differently. Before a docstring is
parsed, this extension:

- turns a section header ``Example:`` into ``Examples:``, so its ``>>>`` lines
  render as code (Griffe treats the singular as a plain admonition);
- turns Sphinx roles (``:func:`quotecraft.load```, ``:class:`~quotecraft.records.Article```)
  into inline code (``quotecraft.load``, ``Article``).
"""

from __future__ import annotations

import re
from typing import Any

import griffe

_EXAMPLE_HEADER = re.compile(r"^([ \t]*)Example:[ \t]*$", re.MULTILINE)
_ROLE = re.compile(r":(?:py:)?(?:func|class|meth|mod|data|attr|exc|obj|const):`(~?)([^`]+)`")


def _role(match: re.Match[str]) -> str:
    target = match.group(2)
    return f"`{target.rsplit('.', 1)[-1] if match.group(1) else target}`"


def rewrite(docstring: str) -> str:
    """The docstring with ``Example:`` sections and Sphinx roles made Griffe-friendly.

    Example:
        >>> rewrite("Use :func:`~quotecraft.api.load`.\\n\\nExample:\\n    >>> 1\\n    1")
        'Use `load`.\\n\\nExamples:\\n    >>> 1\\n    1'
    """
    return _ROLE.sub(_role, _EXAMPLE_HEADER.sub(r"\1Examples:", docstring))


class GoogleDocstrings(griffe.Extension):
    """Rewrites every docstring with :func:`rewrite` as objects are loaded."""

    def on_instance(self, *, node: Any, obj: griffe.Object, agent: Any, **kwargs: Any) -> None:
        if obj.docstring is not None:
            obj.docstring.value = rewrite(obj.docstring.value)
