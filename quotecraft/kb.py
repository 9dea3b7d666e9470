"""Knowledge-base linking: world knowledge the user registers, never built in.

A knowledge base is a table of people (canonical name, an identifier such as a
Wikidata QID, aliases, gender, usual titles). A resolved speaker gets
``Speaker.link`` (:class:`~quotecraft.records.Link`) when its name matches an
entry's name or alias (a bare surname only when one entry has it) and the text does
not contradict the entry: a gender the text gives (pronouns, honorifics, first
names) must agree, and a title the text gives must share a word with the entry's
titles. The link never replaces the name the text gives.

Files: TSV with the header ``name id aliases gender titles`` (aliases and titles
separated by ``|``), or JSON (a list of objects with those keys).

Example:
    >>> kb = KnowledgeBase.from_rows([
    ...     {"name": "Ann Lee", "id": "Q000001", "aliases": ["Annie Lee"],
    ...      "gender": "female", "titles": ["mayor"]},
    ... ])
    >>> kb.link("Lee", gender="female", title="Mayor").id
    'Q000001'
    >>> kb.link("Lee", gender="male") is None
    True
"""

from __future__ import annotations

import json
import os
import re
import unicodedata
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from attrs import field, frozen

from .errors import BAD_KNOWLEDGE_BASE, RuleError


def _fold(text: str) -> str:
    """Case, accents and full stops folded, spaces normalized."""
    text = unicodedata.normalize("NFKD", text).replace(".", " ")
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(text.lower().split())


def _tuple(value: Any) -> tuple[str, ...]:
    if value is None or value == "":
        return ()
    if isinstance(value, str):
        return tuple(v.strip() for v in value.split("|") if v.strip())
    return tuple(str(v).strip() for v in value if str(v).strip())


@frozen
class KBEntry:
    """One person of a knowledge base."""

    name: str
    """The canonical name."""
    id: str
    """The identifier (a Wikidata QID, a staff id...)."""
    aliases: tuple[str, ...] = field(default=(), converter=_tuple)
    gender: str | None = None
    """``male``, ``female`` or ``None`` (unknown)."""
    titles: tuple[str, ...] = field(default=(), converter=_tuple)
    """Usual titles or roles, lowercase or not (``mayor``, ``Finance Minister``)."""


@frozen
class KnowledgeBase:
    """A table of people to link speakers to. Build with :meth:`from_rows` or :meth:`load`."""

    entries: tuple[KBEntry, ...]
    _by_name: Mapping[str, tuple[KBEntry, ...]] = field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        index: dict[str, list[KBEntry]] = {}
        for e in self.entries:
            keys = {_fold(e.name), *(_fold(a) for a in e.aliases)}
            keys.add(_fold(e.name).split()[-1])  # the surname alone
            for key in keys:
                index.setdefault(key, []).append(e)
        object.__setattr__(self, "_by_name", {k: tuple(v) for k, v in index.items()})

    @classmethod
    def from_rows(cls, rows: Iterable[Mapping[str, Any]]) -> KnowledgeBase:
        """A knowledge base from dicts with ``name``, ``id`` and optional ``aliases``,
        ``gender``, ``titles``.

        Raises:
            RuleError: a row has no name or no id (E060, with the row number).
        """
        entries = []
        for n, row in enumerate(rows, 1):
            name, ident = str(row.get("name") or "").strip(), str(row.get("id") or "").strip()
            if not name or not ident:
                raise RuleError(
                    f"{BAD_KNOWLEDGE_BASE} knowledge-base row {n} needs a 'name' and an 'id': {row!r}"
                )
            gender = (str(row.get("gender") or "").strip().lower()) or None
            entries.append(KBEntry(name, ident, row.get("aliases"), gender, row.get("titles")))
        return cls(tuple(entries))

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> KnowledgeBase:
        """A knowledge base from a TSV file (header ``name id aliases gender titles``) or JSON.

        Raises:
            RuleError: the file cannot be read or parsed (E060, saying which file).
        """
        p = Path(path)
        try:
            text = p.read_text(encoding="utf-8")
        except OSError as exc:
            raise RuleError(
                f"{BAD_KNOWLEDGE_BASE} cannot read the knowledge base {str(p)!r}: {exc}"
            ) from exc
        if p.suffix.lower() == ".json":
            try:
                rows = json.loads(text)
            except json.JSONDecodeError as exc:
                raise RuleError(
                    f"{BAD_KNOWLEDGE_BASE} the knowledge base {str(p)!r} is not JSON: {exc}"
                ) from exc
            if not isinstance(rows, list):
                raise RuleError(
                    f"{BAD_KNOWLEDGE_BASE} the knowledge base {str(p)!r} must be a JSON list of rows"
                )
            return cls.from_rows(rows)
        lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
        if not lines:
            return cls(())
        header = [h.strip().lower() for h in lines[0].split("\t")]
        return cls.from_rows(dict(zip(header, ln.split("\t"), strict=False)) for ln in lines[1:])

    def link(
        self, name: str, *, gender: str | None = None, title: str | None = None
    ) -> KBEntry | None:
        """The one entry ``name`` refers to, unless the gender or title contradicts it."""
        found = [e for e in self._by_name.get(_fold(name), ()) if _agrees(e, gender, title)]
        return found[0] if len(found) == 1 else None


def _agrees(entry: KBEntry, gender: str | None, title: str | None) -> bool:
    """The text's gender and title do not contradict the entry's."""
    if (
        gender in ("male", "female")
        and entry.gender in ("male", "female")
        and gender != entry.gender
    ):
        return False
    if title and entry.titles:
        words = set(re.split(r"[\s-]+", _fold(title)))
        known = {w for t in entry.titles for w in re.split(r"[\s-]+", _fold(t))}
        if not words & known:
            return False
    return True
