"""Job titles that make a mention a titled person, for the speaker stage.

:class:`TitleLexicon` is what the ``title_lexicons`` registry
(:mod:`quotecraft.registry`) returns and what the speaker resolver
(:mod:`quotecraft.speakers`) receives; :func:`packaged_titles` reads the packaged
lists (``data/titles.txt``, ``data/title_modifiers.txt``) once per process.

Example:
    >>> phrases, words, modifiers = packaged_titles()
    >>> "mayor" in words, "former" in modifiers
    (True, True)
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from attrs import frozen

from .resources import data_lines, data_set
from .wordlists import word_list

Titles = tuple[frozenset[str], frozenset[str], frozenset[str]]
"""(title phrases, title words, modifiers), lowercase."""


@frozen
class TitleLexicon:
    """Job titles that make a mention a titled person (``Mayor``, ``Secretary-General``).

    Example:
        >>> from quotecraft import registry
        >>> lex = registry.title_lexicons.get("en.v1")()
        >>> "mayor" in lex.words, "former" in lex.modifiers
        (True, True)
    """

    phrases: frozenset[str]
    """Title phrases, lowercase (``"chief of staff"``)."""
    words: frozenset[str]
    """Single title words, lowercase (``"mayor"``)."""
    modifiers: frozenset[str]
    """Words that may precede a title (``"former"``, ``"deputy"``)."""


@cache
def packaged_titles() -> Titles:
    """The packaged titles: (title phrases, title words, modifiers), lowercase."""
    phrases = data_set("titles.txt")
    words = frozenset(w for p in phrases if " " not in p for w in p.split("-") if w)
    # an abbreviation is also written without its full stop ("Cllr Sam Perry", "Supt Jane Marsh")
    words |= {w[:-1] for w in words if w.endswith(".") and len(w) > 2}
    return phrases, words, data_set("title_modifiers.txt")


@cache
def title_abbreviations() -> dict[str, str]:
    """Abbreviated titles and the title word each stands for, lowercase, with and without
    the full stop (``data/title_abbreviations.tsv``): *Dr. Samuel Okoye* is *the doctor*.

    Example:
        >>> title_abbreviations()["sen."], title_abbreviations()["dr"]
        ('senator', 'doctor')
    """
    out = {}
    for line in data_lines("title_abbreviations.tsv"):
        short, word = line.split("\t")
        out[short] = out[short.rstrip(".")] = word
    return out


@lru_cache(maxsize=8192)  # bounded: titles are text, and a process may read millions
def title_words(title: str) -> tuple[str, ...]:
    """The words of a lowercase title, and the words its abbreviations stand for.

    Example:
        >>> title_words("florida sen.")
        ('florida', 'sen.', 'senator')
    """
    words = re.split(r"[\s-]+", title)
    return (*words, *(full for w in words if (full := title_abbreviations().get(w))))


def role_or_body(noun: str) -> bool:
    """Whether a lowercase noun is a packaged title word (``coach``, ``spokeswoman``) or a
    body that speaks (``council``, ``panel``: ``data/lists/organization_nouns.txt``).

    Example:
        >>> role_or_body("coach"), role_or_body("panel"), role_or_body("ending")
        (True, True, False)
    """
    return noun in packaged_titles()[1] or noun in word_list("organization_nouns")
