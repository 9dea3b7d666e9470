"""Who speaks an unattributed line of a dialogue: the person it addresses is not its speaker.

A quote with no attribution of its own continues the previous speaker (news: a quotation
running over several paragraphs) or, in a dialogue, is the other speaker's turn
(:func:`quotecraft.assemble.build_quotes`). A line that calls someone by name
(``"Hello, Tom."``, ``"Tom, sit down."``, ``"Hey Ann, look."``) is spoken *to* that person,
so that person is never its speaker: :func:`pick_speaker` passes over anyone the line
addresses, to the other speaker of the dialogue or the person the previous line was told
to (``"Hi," Tom said to Ann.``), and leaves the line without a speaker when no one is left.

Example:
    >>> addresses("Hello, Tom. Did you sleep well?", ["Tom Reyes"])
    True
    >>> addresses("Tom said he slept well.", ["Tom Reyes"])
    False
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import TypeVar

_GREETINGS = (
    r"(?:hey|hi|hello|oh|dear|thanks|thank\s+you|bye|goodbye|good\s+(?:morning|night|evening))"
)
_TITLE = r"(?:(?:Mr|Mrs|Ms|Miss|Dr|Prof|Mister|Madam|Sir|Aunt|Uncle)\.?\s+)?"

T = TypeVar("T")


@lru_cache(maxsize=4096)
def _vocative(name: str) -> re.Pattern[str]:
    """A name (or a title and the name) said to someone: at the line's start or after a
    comma or a greeting, and followed by a comma or the end of a sentence."""
    before = rf"(?:^|[,;]\s*|\b(?i:{_GREETINGS}),?\s+)"
    after = r"(?=\s*(?:[,.!?;:]|$))"
    return re.compile(before + _TITLE + re.escape(name) + after)


def _forms(names: Iterable[str]) -> list[str]:
    """The names and each capitalized word of a person's full name (``Tom Reyes``: the
    full name, ``Tom``, ``Reyes``)."""
    out: list[str] = []
    for name in names:
        out.append(name)
        words = name.split()
        if len(words) > 1:
            out.extend(w for w in words if len(w) > 1 and w[0].isupper() and w.isalpha())
    return out


def addresses(line: str, names: Iterable[str]) -> bool:
    """Whether ``line`` calls someone by one of ``names`` (a vocative)."""
    stripped = line.strip().strip("\"“”‘’'«»").strip()
    # the name's words must be in the line before a pattern is built for them
    return any(form in stripped and _vocative(form).search(stripped) for form in _forms(names))


def pick_speaker(line: str, choices: Sequence[tuple[T, Iterable[str]] | None]) -> T | None:
    """The first of ``choices`` (each a speaker and their names, in order of preference)
    that ``line`` does not address; None when it addresses every one. Choices that are
    None (no such speaker) are skipped."""
    for choice in choices:
        if choice is not None and not addresses(line, choice[1]):
            return choice[0]
    return None


_CALLED_FIRST = re.compile(rf"^(?:(?i:{_GREETINGS}),?\s+)?{_TITLE}([A-Z][\w’'-]+)(?=\s*[,!])")
_CALLED_LAST = re.compile(rf",\s*{_TITLE}([A-Z][\w’'-]+)\s*[.!?]?\s*$")


def called_word(line: str) -> tuple[int, int] | None:
    """Where in ``line`` (a quotation's words) the one word it calls someone by stands, at
    its start or end (``Anna, come here``, ``Hello, Tom.``, ``Sit down, Anna.``), as
    character offsets in ``line``; None when it calls no one so. Whether the word is a
    name is for the caller to tell (``Look, ...`` is none)."""
    m = _CALLED_FIRST.match(line) or _CALLED_LAST.search(line)
    return (m.start(1), m.end(1)) if m else None
