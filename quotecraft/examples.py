"""The example article bundled with the package (written for quotecraft, no real people).

Example:
    >>> import quotecraft
    >>> quotecraft.examples.article().splitlines()[0]
    'Harbor city council approves new bridge after months of debate'
"""

from __future__ import annotations

from .resources import read_text


def article() -> str:
    """The bundled example news article, as used by ``quotecraft demo``.

    Example:
        >>> article().startswith("Harbor city")
        True
    """
    return read_text("examples/harbor_bridge.txt")
