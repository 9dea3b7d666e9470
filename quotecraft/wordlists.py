"""Word lists: packaged in ``quotecraft/data/lists/``, extended by rule files.

Every list of words a stage consults (medium nouns, telling verbs, denial verbs,
platforms, group nouns, function words for the language guess, HTML tags...) is a
file ``quotecraft/data/lists/<name>.txt``: a ``#`` header saying what it is for,
then one entry per line, compared in lowercase. The files are read once per process.

A rule file adds words to any of them by name::

    {"lists": {"medium_nouns": ["livestream"], "denial_verbs": ["rebut"]}}

An :class:`~quotecraft.extractor.Extractor` holds its :class:`WordLists` (the
packaged lists plus those of its rule files) and makes them the active lists while
it works on a document; stages read a list with :func:`word_list`. With no
extractor at work (a stage function called on its own), the packaged lists apply.

Example:
    >>> "interview" in word_list("medium_nouns")
    True
    >>> mine = packaged_lists().extended({"medium_nouns": ["livestream"]})
    >>> with mine.active():
    ...     "livestream" in word_list("medium_nouns")
    True
    >>> "livestream" in word_list("medium_nouns")
    False
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache
from importlib import resources

from .errors import UNKNOWN_WORD_LIST, RuleError
from .resources import data_set


class WordLists:
    """Named word lists (lowercase sets); build one with :func:`packaged_lists`."""

    def __init__(self, lists: Mapping[str, frozenset[str]]) -> None:
        self._lists = dict(lists)

    def __getitem__(self, name: str) -> frozenset[str]:
        try:
            return self._lists[name]
        except KeyError:
            raise RuleError(
                f"{UNKNOWN_WORD_LIST} " + unknown_list_message(name, self.names())
            ) from None

    def names(self) -> list[str]:
        """The names of the lists, sorted."""
        return sorted(self._lists)

    def extended(self, additions: Mapping[str, Iterable[str]]) -> WordLists:
        """A copy with words added to the named lists (lowercased).

        Raises:
            RuleError: a name is not one of the lists.
        """
        out = dict(self._lists)
        for name, words in additions.items():
            out[name] = self[name] | {w.strip().lower() for w in words if w.strip()}
        return WordLists(out)

    @contextmanager
    def active(self) -> Iterator[WordLists]:
        """Make these the lists :func:`word_list` reads, for the ``with`` block."""
        token = _ACTIVE.set(self)
        try:
            yield self
        finally:
            _ACTIVE.reset(token)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, WordLists) and self._lists == other._lists

    def __hash__(self) -> int:
        return hash(frozenset(self._lists.items()))

    def __repr__(self) -> str:
        return f"WordLists({', '.join(self.names())})"


def unknown_list_message(name: str, known: Iterable[str]) -> str:
    """What the error for a list name that does not exist says (after its code)."""
    return (
        f"there is no word list named {name!r}; the lists are {', '.join(sorted(known))} "
        "(files in quotecraft/data/lists/)"
    )


@cache
def packaged_lists() -> WordLists:
    """Every list of ``quotecraft/data/lists/``, read once per process."""
    folder = resources.files("quotecraft").joinpath("data").joinpath("lists")
    names = sorted(p.name[: -len(".txt")] for p in folder.iterdir() if p.name.endswith(".txt"))
    return WordLists({name: data_set(f"lists/{name}.txt") for name in names})


_ACTIVE: ContextVar[WordLists | None] = ContextVar("quotecraft_word_lists", default=None)


def word_list(name: str) -> frozenset[str]:
    """The list ``name`` of the extractor at work (else the packaged one), lowercase.

    Raises:
        RuleError: there is no such list.
    """
    lists = _ACTIVE.get()
    return (lists if lists is not None else packaged_lists())[name]
