"""User rule files: cue words and DependencyMatcher patterns as data, never code.

A rule file is JSON, or YAML when its name ends in ``.yaml``/``.yml`` (needs
PyYAML: ``pip install "quotecraft[yaml]"``)::

    {
      "description": "Social-media cues and a spokesperson pattern",
      "verbs": ["toot",
                {"lemma": "message", "class": "speech", "frames": ["ccomp", "quote"], "confidence": 0.9}],
      "nouns": {"toot": 0.8},
      "patterns": [{"name": "my.spokesperson.v1", "confidence": 0.85,
                    "pattern": [{"RIGHT_ID": "cue", "RIGHT_ATTRS": {"POS": "VERB"}}, ...]}]
    }

- ``verbs``: lemmas, or objects with ``lemma`` and optionally ``class`` (one of
  :data:`~quotecraft.cues.BASE_CONFIDENCE`), ``frames`` (``ccomp``: takes a
  clause, ``quote``: introduces direct speech, ``obj``, ``dobj``, ``xcomp``,
  ``prep_<preposition>``) and ``confidence``. An entry replaces the lexicon's
  entry for the same lemma.
- ``nouns``: noun cues (``statement``, ``claim``) with their confidence, or a list of them.
- ``patterns``: :class:`~quotecraft.cues.PatternRule` records: a ``name``, a
  DependencyMatcher ``pattern`` with a node for the ``cue`` and one for the
  ``content`` (their ``RIGHT_ID`` names, ``"cue"`` and ``"content"`` by default),
  optionally a ``content_from`` node whose subtree opens the content, and a ``confidence``. Attribute values may refer to the lexicon:
  ``"@verbs:ccomp"``, ``"@verbs"``, ``"@nouns"``, ``"@noun_preps:PREP"``, ``"@propositional_nouns"``.

Loading checks every entry (each pattern node with spaCy's own pattern
validation, then the whole pattern compiled in a ``DependencyMatcher``) and an
error names the file and the line of the offending entry. The file is only ever
read as data: YAML goes through ``yaml.SafeLoader``, which refuses tags such as
``!!python/object``.

Example:
    >>> import pathlib, tempfile
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "rules.json"
    >>> _ = path.write_text('{"verbs": ["toot"],\\n "nouns": {"toot": 2}}')
    >>> load_rule_file(path)
    Traceback (most recent call last):
    ...
    quotecraft.errors.RuleError: E035 .../rules.json line 2: noun 'toot': the confidence must be a number from 0 to 1
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from attrs import field, frozen

from .cues import BASE_CONFIDENCE, PatternRule, VerbCue
from .errors import (
    RULE_FILE_ENCODING,
    RULE_FILE_KEYS,
    RULE_FILE_NOUN,
    RULE_FILE_UNREADABLE,
    RULE_FILE_VERB,
    UNKNOWN_WORD_LIST,
)
from .rulefile_parse import (
    Path_,
    RuleChecker,
    is_confidence,
    parse_rules,
    rule_error,
    sorted_keys,
)
from .rulefile_patterns import FRAME_PATTERN, FRAMES_HELP, read_patterns

_FRAME = re.compile(FRAME_PATTERN)
_TOP_KEYS = ("description", "verbs", "nouns", "patterns", "lists")
_VERB_KEYS = frozenset({"lemma", "class", "frames", "confidence"})
DEFAULT_NOUN_CONFIDENCE = 0.8
"""Confidence of a noun cue given in a list, without one."""


def _verbs(value: Iterable[VerbCue]) -> tuple[VerbCue, ...]:
    return tuple(value)


def _patterns(value: Iterable[PatternRule]) -> tuple[PatternRule, ...]:
    return tuple(value)


def _nouns(value: Mapping[str, float]) -> dict[str, float]:
    return dict(value)


@frozen
class RuleFile:
    """What one rule file adds to a cue lexicon and a pattern set.

    Example:
        >>> rf = rules_from_source('{"verbs": ["toot"], "nouns": ["toot"]}')
        >>> [v.lemma for v in rf.verbs], rf.nouns
        (['toot'], {'toot': 0.8})
    """

    path: str
    """The file it was read from (``"<rules>"`` for text)."""
    verbs: tuple[VerbCue, ...] = field(default=(), converter=_verbs)
    """Cue verbs to add or replace."""
    nouns: dict[str, float] = field(factory=dict, converter=_nouns)
    """Noun cues to add or replace, with their confidence."""
    patterns: tuple[PatternRule, ...] = field(default=(), converter=_patterns)
    """Reported-speech patterns to add."""
    description: str = ""
    """The file's own ``description``."""
    lists: dict[str, tuple[str, ...]] = field(factory=dict)
    """Words to add to the named word lists (:mod:`quotecraft.wordlists`)."""


# -- reading ----------------------------------------------------------------------------------


def load_rule_file(path: str | Path) -> RuleFile:
    """Read and validate a rule file (JSON, or YAML for ``.yaml``/``.yml``).

    The file must be UTF-8 (a byte-order mark is allowed).

    Raises:
        RuleError: the file is missing, not UTF-8, not valid JSON/YAML, or an entry is
            invalid; the message gives the file and the line.

    Example:
        >>> import pathlib, tempfile
        >>> path = pathlib.Path(tempfile.mkdtemp()) / "rules.json"
        >>> _ = path.write_text('{"verbs": ["toot", "message"]}')
        >>> [v.lemma for v in load_rule_file(path).verbs]
        ['toot', 'message']
    """
    p = Path(path)
    try:
        raw = p.read_bytes()
    except OSError as exc:
        raise rule_error(
            RULE_FILE_UNREADABLE, str(p), None, f"cannot read: {exc.strerror or exc}"
        ) from exc
    source = _decode(raw, str(p))
    return rules_from_source(source, name=str(p), yaml=p.suffix.lower() in (".yaml", ".yml"))


def _decode(raw: bytes, name: str) -> str:
    """The text of a UTF-8 file (with or without a byte-order mark), else a RuleError."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise rule_error(
            RULE_FILE_ENCODING,
            name,
            1,
            "the file is UTF-16 (it starts with a UTF-16 byte-order mark); save it as UTF-8",
        )
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise rule_error(
            RULE_FILE_ENCODING,
            name,
            line,
            f"not UTF-8 text (byte 0x{raw[exc.start]:02x} at offset {exc.start}); "
            "save the file as UTF-8",
        ) from None


def rules_from_source(source: str, *, name: str = "<rules>", yaml: bool = False) -> RuleFile:
    """Validate rule-file text (JSON, or YAML with ``yaml=True``) and build a :class:`RuleFile`.

    Example:
        >>> rules_from_source("verbs: [toot]", yaml=True).verbs[0].cls
        'speech'
    """
    data, lines = parse_rules(source, name=name, yaml=yaml)
    return rules_from_data(data, name=name, lines=lines)


# -- validating -------------------------------------------------------------------------------


def _did_you_mean(frame: object) -> str:
    import difflib

    if not isinstance(frame, str):
        return ""
    close = difflib.get_close_matches(frame, ["ccomp", "quote", "obj", "dobj", "xcomp"], n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""


def rules_from_data(
    data: Any, *, name: str = "<rules>", lines: Mapping[Path_, int] | None = None
) -> RuleFile:
    """Validate parsed rule data and build a :class:`RuleFile`.

    Args:
        data: the parsed file.
        name: the file name, for messages.
        lines: the line of each value (from :func:`parse_rules`), for messages.

    Raises:
        RuleError: an entry is invalid.

    Example:
        >>> rules_from_data({"verbs": [{"lemma": "toot", "class": "shout"}]})
        Traceback (most recent call last):
        ...
        quotecraft.errors.RuleError: E034 <rules>: verb 'toot': unknown class 'shout'; use one of ...
    """
    check = RuleChecker(name, lines if lines is not None else {})
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise check.error(
            RULE_FILE_KEYS, (), f"a rule file holds one object with the keys {', '.join(_TOP_KEYS)}"
        )
    unknown = sorted(str(k) for k in data if k not in _TOP_KEYS)
    if unknown:
        raise check.error(
            RULE_FILE_KEYS,
            (unknown[0],),
            f"unknown keys {unknown} (allowed: {', '.join(_TOP_KEYS)})",
        )
    description = data.get("description") or ""
    if not isinstance(description, str):
        raise check.error(RULE_FILE_KEYS, ("description",), "'description' must be a string")
    return RuleFile(
        path=name,
        verbs=_read_verbs(data.get("verbs"), check),
        nouns=_read_nouns(data.get("nouns"), check),
        patterns=read_patterns(data.get("patterns"), check),
        description=description,
        lists=_read_lists(data.get("lists"), check),
    )


def _read_verbs(raw: Any, check: RuleChecker) -> list[VerbCue]:
    if raw is None:
        return []
    if not isinstance(raw, list):
        raise check.error(RULE_FILE_VERB, ("verbs",), "'verbs' must be a list of lemmas or objects")
    out = []
    for k, entry in enumerate(raw):
        at: Path_ = ("verbs", k)
        if isinstance(entry, str):
            entry = {"lemma": entry}
        if not isinstance(entry, dict):
            raise check.error(
                RULE_FILE_VERB, at, f"a verb is a lemma string or an object, not {entry!r}"
            )
        lemma = entry.get("lemma")
        if not isinstance(lemma, str) or not lemma.strip() or " " in lemma.strip():
            raise check.error(RULE_FILE_VERB, at, "each verb needs a 'lemma': one word")
        lemma = lemma.strip().lower()
        extra = entry.keys() - _VERB_KEYS
        if extra:
            raise check.error(
                RULE_FILE_VERB,
                at,
                f"verb {lemma!r}: unknown keys {sorted_keys(extra)} (allowed: {sorted(_VERB_KEYS)})",
            )
        cls = entry.get("class", "speech")
        if cls not in BASE_CONFIDENCE:
            raise check.error(
                RULE_FILE_VERB,
                (*at, "class"),
                f"verb {lemma!r}: unknown class {cls!r}; use one of {sorted(BASE_CONFIDENCE)}",
            )
        frames = entry.get("frames", ["ccomp", "quote"])
        if not isinstance(frames, list) or not frames:
            raise check.error(
                RULE_FILE_VERB,
                (*at, "frames"),
                f"verb {lemma!r}: 'frames' must be a list of {FRAMES_HELP}",
            )
        for n, frame in enumerate(frames):
            if not isinstance(frame, str) or not _FRAME.fullmatch(frame):
                raise check.error(
                    RULE_FILE_VERB,
                    (*at, "frames", n),
                    f"verb {lemma!r}: unknown frame {frame!r}{_did_you_mean(frame)}; "
                    f"frames are {FRAMES_HELP}",
                )
        conf = entry.get("confidence", BASE_CONFIDENCE[cls])
        if not is_confidence(conf):
            raise check.error(
                RULE_FILE_VERB,
                (*at, "confidence"),
                f"verb {lemma!r}: the confidence must be a number from 0 to 1",
            )
        out.append(VerbCue(lemma, cls, frozenset(frames), float(conf)))
    return out


def _read_nouns(raw: Any, check: RuleChecker) -> dict[str, float]:
    if raw is None:
        return {}
    if isinstance(raw, list):
        for k, word in enumerate(raw):
            if not isinstance(word, str) or not word.strip():
                raise check.error(RULE_FILE_NOUN, ("nouns", k), "each noun must be a word")
        return {w.strip().lower(): DEFAULT_NOUN_CONFIDENCE for w in raw}
    if not isinstance(raw, dict):
        raise check.error(
            RULE_FILE_NOUN, ("nouns",), "'nouns' must map words to confidences (or list words)"
        )
    out = {}
    for word, conf in raw.items():
        if not is_confidence(conf):
            raise check.error(
                RULE_FILE_NOUN,
                ("nouns", word),
                f"noun {word!r}: the confidence must be a number from 0 to 1",
            )
        out[str(word).strip().lower()] = float(conf)
    return out


def _read_lists(raw: Any, check: RuleChecker) -> dict[str, tuple[str, ...]]:
    """``"lists": {"medium_nouns": ["livestream"]}``: words for the packaged word lists."""
    from .wordlists import packaged_lists, unknown_list_message

    if raw is None:
        return {}
    if not isinstance(raw, dict):
        raise check.error(
            UNKNOWN_WORD_LIST, ("lists",), "'lists' must map list names to lists of words"
        )
    known = packaged_lists().names()
    out = {}
    for name, words in raw.items():
        if name not in known:
            raise check.error(
                UNKNOWN_WORD_LIST, ("lists", name), unknown_list_message(str(name), known)
            )
        if not isinstance(words, list) or not all(isinstance(w, str) and w.strip() for w in words):
            raise check.error(
                UNKNOWN_WORD_LIST, ("lists", name), f"list {name!r}: give a list of words"
            )
        out[str(name)] = tuple(w.strip().lower() for w in words)
    return out
