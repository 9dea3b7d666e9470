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

import json
import json.decoder
import json.scanner
import re
import sys
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from attrs import field, frozen

from .cues import BASE_CONFIDENCE, CueLexicon, PatternRule, VerbCue, default_lexicon, expand_pattern
from .errors import RuleError

if sys.version_info >= (3, 11):
    import re._constants as _sre_constants
    import re._parser as _sre_parser
else:  # pragma: no cover
    import sre_constants as _sre_constants
    import sre_parse as _sre_parser

Path_ = tuple[str | int, ...]
"""Where a value sits in the parsed file: keys and list indices from the top."""

_FRAME = re.compile(r"ccomp|quote|obj|dobj|xcomp|prep_[a-z]+")
FRAMES_HELP = "ccomp, quote, obj, dobj, xcomp, prep_<preposition>"
_TOP_KEYS = ("description", "verbs", "nouns", "patterns", "lists")
_VERB_KEYS = frozenset({"lemma", "class", "frames", "confidence"})
_PATTERN_KEYS = frozenset(
    {"name", "pattern", "cue", "content", "content_from", "exclude", "confidence"}
)
_NODE_KEYS = frozenset({"RIGHT_ID", "RIGHT_ATTRS", "LEFT_ID", "REL_OP"})
DEFAULT_NOUN_CONFIDENCE = 0.8
"""Confidence of a noun cue given in a list, without one."""


def _error(code: str, path: str, line: int | None, message: str) -> RuleError:
    where = f"{path} line {line}" if line is not None else path
    return RuleError(f"{code} {where}: {message}")


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
        raise _error("E030", str(p), None, f"cannot read: {exc.strerror or exc}") from exc
    source = _decode(raw, str(p))
    return rules_from_source(source, name=str(p), yaml=p.suffix.lower() in (".yaml", ".yml"))


def _decode(raw: bytes, name: str) -> str:
    """The text of a UTF-8 file (with or without a byte-order mark), else a RuleError."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise _error(
            "E038",
            name,
            1,
            "the file is UTF-16 (it starts with a UTF-16 byte-order mark); save it as UTF-8",
        )
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise _error(
            "E038",
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


MAX_DEPTH = 32
"""How deeply values may nest in a rule file (a pattern node's attributes sit 6 levels deep)."""

MAX_VALUES = 1_000_000
"""How many values a YAML file may hold once its aliases are expanded (an alias bomb of
280 bytes expands to 10**9)."""


def parse_rules(
    source: str, *, name: str = "<rules>", yaml: bool = False
) -> tuple[Any, Mapping[Path_, int]]:
    """Parse rule-file text as plain data, with the line where each value starts.

    Returns:
        ``(data, lines)``: the parsed value and a map from each value's path
        (keys and list indices from the top, ``()`` for the whole file) to its 1-based line.

    Raises:
        RuleError: the text is not valid JSON or YAML, nests deeper than
            :data:`MAX_DEPTH`, expands (YAML aliases) to more than :data:`MAX_VALUES`
            values, or YAML asks to build anything but plain data.

    Example:
        >>> data, lines = parse_rules('{"verbs": [\\n  "toot",\\n  "message"]}')
        >>> lines[("verbs", 1)]
        3
    """
    return _parse_yaml(source, name) if yaml else _parse_json(source, name)


class _LineIndex:
    """The line of any character offset, by bisection (linear in the file, not quadratic)."""

    def __init__(self, source: str) -> None:
        self.newlines = [m.start() for m in re.finditer("\n", source)]

    def __call__(self, index: int) -> int:
        return bisect_left(self.newlines, index) + 1


class _TooDeep(Exception):
    """Values nest deeper than MAX_DEPTH at ``where``: an offset (JSON) or a line (YAML)."""

    def __init__(self, where: int) -> None:
        self.where = where


def _too_deep(name: str, line: int | None) -> RuleError:
    return _error(
        "E039",
        name,
        line,
        f"values nest more than {MAX_DEPTH} levels deep; a rule file needs about 6 "
        "(file > patterns > pattern > node > RIGHT_ATTRS > value)",
    )


class _LocatingDecoder(json.JSONDecoder):
    """A JSON decoder that records where each value of every array and object starts,
    and refuses to nest deeper than :data:`MAX_DEPTH`."""

    def __init__(self) -> None:
        super().__init__()
        # id(container) -> (container, start index of each element/value, in order)
        self.starts: dict[int, tuple[Any, list[int]]] = {}
        self.depth = 0
        self.parse_object = self._object
        self.parse_array = self._array
        self.scan_once = json.scanner.py_make_scanner(self)  # type: ignore[attr-defined]

    @staticmethod
    def _recording(scan_once: Callable[[str, int], Any], starts: list[int]) -> Any:
        def scan(s: str, idx: int) -> Any:
            starts.append(idx)
            return scan_once(s, idx)

        return scan

    def _enter(self, s_and_end: tuple[str, int]) -> None:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise _TooDeep(s_and_end[1] - 1)

    def _array(self, s_and_end: tuple[str, int], scan_once: Any) -> tuple[list[Any], int]:
        self._enter(s_and_end)
        starts: list[int] = []
        values, end = json.decoder.JSONArray(s_and_end, self._recording(scan_once, starts))  # type: ignore[attr-defined]
        self.depth -= 1
        self.starts[id(values)] = (values, starts)
        return values, end

    def _object(
        self,
        s_and_end: tuple[str, int],
        strict: bool,
        scan_once: Any,
        object_hook: Any,
        object_pairs_hook: Any,
        memo: Any = None,
    ) -> tuple[dict[str, Any], int]:
        self._enter(s_and_end)
        starts: list[int] = []
        obj, end = json.decoder.JSONObject(  # type: ignore[attr-defined]
            s_and_end, strict, self._recording(scan_once, starts), object_hook, None, memo
        )
        self.depth -= 1
        if len(starts) != len(obj):
            raise json.JSONDecodeError(
                "a key appears twice in this object", s_and_end[0], s_and_end[1] - 1
            )
        self.starts[id(obj)] = (obj, starts)
        return obj, end


def _parse_json(source: str, name: str) -> tuple[Any, Mapping[Path_, int]]:
    """Parse with the fast C decoder; the lines are found (by a slower decoder that
    records where each value starts) only when a message needs one."""
    try:
        data = json.loads(source, object_pairs_hook=_unique_keys)
        too_deep = _depth(data) > MAX_DEPTH
    except (ValueError, RecursionError):
        too_deep = True  # the located parse below raises the error, with its line
    if too_deep:
        _locate_json(source, name)
        raise AssertionError("unreachable: the located parse raises")  # pragma: no cover
    return data, _LazyLines(lambda: _locate_json(source, name)[1])


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    obj = dict(pairs)
    if len(obj) != len(pairs):
        raise ValueError("a key appears twice")
    return obj


def _depth(data: Any) -> int:
    """How deeply lists and objects nest in ``data`` (without recursion)."""
    deepest = 0
    todo: list[tuple[Any, int]] = [(data, 1)]
    while todo:
        value, depth = todo.pop()
        if isinstance(value, (dict, list)):
            deepest = max(deepest, depth)
            children = value.values() if isinstance(value, dict) else value
            todo.extend((c, depth + 1) for c in children if isinstance(c, (dict, list)))
    return deepest


class _LazyLines(Mapping[Path_, int]):
    """The line of each value, computed on first use."""

    def __init__(self, compute: Callable[[], dict[Path_, int]]) -> None:
        self._compute: Callable[[], dict[Path_, int]] | None = compute
        self._lines: dict[Path_, int] = {}

    def _get(self) -> dict[Path_, int]:
        if self._compute is not None:
            self._lines, self._compute = self._compute(), None
        return self._lines

    def __getitem__(self, path: Path_) -> int:
        return self._get()[path]

    def __iter__(self) -> Iterator[Path_]:
        return iter(self._get())

    def __len__(self) -> int:
        return len(self._get())


def _locate_json(source: str, name: str) -> tuple[Any, dict[Path_, int]]:
    """Parse recording the line of every value; raises the RuleError of a bad file."""
    decoder = _LocatingDecoder()
    line = _LineIndex(source)
    try:
        data = decoder.decode(source)
    except json.JSONDecodeError as exc:
        raise _error(
            "E032", name, exc.lineno, f"invalid JSON at column {exc.colno}: {exc.msg}"
        ) from exc
    except _TooDeep as exc:
        raise _too_deep(name, line(exc.where)) from None
    lines: dict[Path_, int] = {}
    # (value, its path, its start offset), walked without recursion
    todo: list[tuple[Any, Path_, int]] = [(data, (), len(source) - len(source.lstrip()))]
    while todo:
        value, path, start = todo.pop()
        lines[path] = line(start)
        entry = decoder.starts.get(id(value))
        if entry is None or entry[0] is not value:
            continue
        keys: Iterable[str | int] = value.keys() if isinstance(value, dict) else range(len(value))
        for key, child_start in zip(keys, entry[1], strict=True):
            todo.append((value[key], (*path, key), child_start))
    return data, lines


def _parse_yaml(source: str, name: str) -> tuple[Any, Mapping[Path_, int]]:
    try:
        import yaml
    except ImportError as exc:
        raise _error(
            "E031", name, None, 'YAML rule files need PyYAML: pip install "quotecraft[yaml]"'
        ) from exc

    class Loader(yaml.SafeLoader):
        """The safe loader, refusing to compose nodes deeper than MAX_DEPTH."""

        depth = 0

        def compose_node(self, parent: Any, index: Any) -> Any:
            self.depth += 1
            if self.depth > MAX_DEPTH:
                raise _TooDeep(self.peek_event().start_mark.line + 1)
            try:
                return super().compose_node(parent, index)
            finally:
                self.depth -= 1

    loader = Loader(source)
    try:
        node = loader.get_single_node()
        if node is not None:
            _check_yaml_size(node, name)
        data = loader.construct_document(node) if node is not None else None
    except _TooDeep as exc:
        raise _too_deep(name, exc.where) from None
    except yaml.constructor.ConstructorError as exc:
        mark = exc.problem_mark or exc.context_mark
        raise _error(
            "E037",
            name,
            mark.line + 1 if mark is not None else None,
            f"only plain data is allowed (mappings, lists, strings, numbers): {exc.problem}",
        ) from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc)
        raise _error(
            "E032", name, mark.line + 1 if mark is not None else None, f"invalid YAML: {problem}"
        ) from exc
    finally:
        loader.dispose()
    lines: dict[Path_, int] = {}
    todo: list[tuple[Any, Path_]] = [(node, ())] if node is not None else []
    while todo:  # at most MAX_VALUES nodes, aliases expanded (checked above)
        n, path = todo.pop()
        lines[path] = n.start_mark.line + 1
        if isinstance(n, yaml.MappingNode):
            for key_node, value_node in n.value:
                if isinstance(key_node, yaml.ScalarNode):
                    todo.append((value_node, (*path, key_node.value)))
        elif isinstance(n, yaml.SequenceNode):
            for k, item in enumerate(n.value):
                todo.append((item, (*path, k)))
    return data, lines


def _yaml_children(node: Any) -> list[Any]:
    import yaml

    if isinstance(node, yaml.MappingNode):
        return [n for pair in node.value for n in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []


def _check_yaml_size(root: Any, name: str) -> None:
    """Refuse YAML whose aliases expand to more than MAX_VALUES values, or refer to
    themselves. Each distinct node is visited once, however often aliases repeat it."""
    size: dict[int, int] = {}  # id(node) -> values once expanded, the node included
    open_: set[int] = set()  # nodes whose children are being counted (a cycle meets one)
    todo: list[tuple[Any, bool]] = [(root, False)]
    while todo:
        node, children_done = todo.pop()
        key = id(node)
        if children_done:
            open_.discard(key)
            size[key] = 1 + sum(size[id(c)] for c in _yaml_children(node))
            if size[key] > MAX_VALUES:
                raise _error(
                    "E040",
                    name,
                    node.start_mark.line + 1,
                    f"its aliases (*name) expand to more than {MAX_VALUES:,} values; "
                    "write the values out, or repeat fewer of them",
                )
            continue
        if key in size:
            continue
        if key in open_:
            raise _error(
                "E040",
                name,
                node.start_mark.line + 1,
                "an alias (*name) refers to a value that contains it; rule files hold no cycles",
            )
        open_.add(key)
        todo.append((node, True))
        todo.extend((c, False) for c in _yaml_children(node) if id(c) not in size)


# -- validating -------------------------------------------------------------------------------


class _Checker:
    """Builds :class:`~quotecraft.errors.RuleError` messages that point at a value's line."""

    def __init__(self, name: str, lines: Mapping[Path_, int]) -> None:
        self.name = name
        self.lines = lines

    def error(self, code: str, path: Path_, message: str) -> RuleError:
        for k in range(len(path), -1, -1):  # the value's own line, else its nearest parent's
            if path[:k] in self.lines:
                return _error(code, self.name, self.lines[path[:k]], message)
        return _error(code, self.name, None, message)


def _did_you_mean(frame: object) -> str:
    import difflib

    if not isinstance(frame, str):
        return ""
    close = difflib.get_close_matches(frame, ["ccomp", "quote", "obj", "dobj", "xcomp"], n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _is_confidence(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and 0 <= value <= 1


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
    check = _Checker(name, lines if lines is not None else {})
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise check.error(
            "E033", (), f"a rule file holds one object with the keys {', '.join(_TOP_KEYS)}"
        )
    unknown = sorted(str(k) for k in data if k not in _TOP_KEYS)
    if unknown:
        raise check.error(
            "E033", (unknown[0],), f"unknown keys {unknown} (allowed: {', '.join(_TOP_KEYS)})"
        )
    description = data.get("description") or ""
    if not isinstance(description, str):
        raise check.error("E033", ("description",), "'description' must be a string")
    return RuleFile(
        path=name,
        verbs=_read_verbs(data.get("verbs"), check),
        nouns=_read_nouns(data.get("nouns"), check),
        patterns=_read_patterns(data.get("patterns"), check),
        description=description,
        lists=_read_lists(data.get("lists"), check),
    )


def _read_verbs(raw: Any, check: _Checker) -> list[VerbCue]:
    if raw is None:
        return []
    if not isinstance(raw, list):
        raise check.error("E034", ("verbs",), "'verbs' must be a list of lemmas or objects")
    out = []
    for k, entry in enumerate(raw):
        at: Path_ = ("verbs", k)
        if isinstance(entry, str):
            entry = {"lemma": entry}
        if not isinstance(entry, dict):
            raise check.error("E034", at, f"a verb is a lemma string or an object, not {entry!r}")
        lemma = entry.get("lemma")
        if not isinstance(lemma, str) or not lemma.strip() or " " in lemma.strip():
            raise check.error("E034", at, "each verb needs a 'lemma': one word")
        lemma = lemma.strip().lower()
        extra = entry.keys() - _VERB_KEYS
        if extra:
            raise check.error(
                "E034",
                at,
                f"verb {lemma!r}: unknown keys {_sorted_keys(extra)} (allowed: {sorted(_VERB_KEYS)})",
            )
        cls = entry.get("class", "speech")
        if cls not in BASE_CONFIDENCE:
            raise check.error(
                "E034",
                (*at, "class"),
                f"verb {lemma!r}: unknown class {cls!r}; use one of {sorted(BASE_CONFIDENCE)}",
            )
        frames = entry.get("frames", ["ccomp", "quote"])
        if not isinstance(frames, list) or not frames:
            raise check.error(
                "E034", (*at, "frames"), f"verb {lemma!r}: 'frames' must be a list of {FRAMES_HELP}"
            )
        for n, frame in enumerate(frames):
            if not isinstance(frame, str) or not _FRAME.fullmatch(frame):
                raise check.error(
                    "E034",
                    (*at, "frames", n),
                    f"verb {lemma!r}: unknown frame {frame!r}{_did_you_mean(frame)}; "
                    f"frames are {FRAMES_HELP}",
                )
        conf = entry.get("confidence", BASE_CONFIDENCE[cls])
        if not _is_confidence(conf):
            raise check.error(
                "E034",
                (*at, "confidence"),
                f"verb {lemma!r}: the confidence must be a number from 0 to 1",
            )
        out.append(VerbCue(lemma, cls, frozenset(frames), float(conf)))
    return out


def _read_nouns(raw: Any, check: _Checker) -> dict[str, float]:
    if raw is None:
        return {}
    if isinstance(raw, list):
        for k, word in enumerate(raw):
            if not isinstance(word, str) or not word.strip():
                raise check.error("E035", ("nouns", k), "each noun must be a word")
        return {w.strip().lower(): DEFAULT_NOUN_CONFIDENCE for w in raw}
    if not isinstance(raw, dict):
        raise check.error(
            "E035", ("nouns",), "'nouns' must map words to confidences (or list words)"
        )
    out = {}
    for word, conf in raw.items():
        if not _is_confidence(conf):
            raise check.error(
                "E035",
                ("nouns", word),
                f"noun {word!r}: the confidence must be a number from 0 to 1",
            )
        out[str(word).strip().lower()] = float(conf)
    return out


def _read_lists(raw: Any, check: _Checker) -> dict[str, tuple[str, ...]]:
    """``"lists": {"medium_nouns": ["livestream"]}``: words for the packaged word lists."""
    from .wordlists import packaged_lists, unknown_list_message

    if raw is None:
        return {}
    if not isinstance(raw, dict):
        raise check.error("E050", ("lists",), "'lists' must map list names to lists of words")
    known = packaged_lists().names()
    out = {}
    for name, words in raw.items():
        if name not in known:
            raise check.error("E050", ("lists", name), unknown_list_message(str(name), known))
        if not isinstance(words, list) or not all(isinstance(w, str) and w.strip() for w in words):
            raise check.error("E050", ("lists", name), f"list {name!r}: give a list of words")
        out[str(name)] = tuple(w.strip().lower() for w in words)
    return out


def _read_patterns(raw: Any, check: _Checker) -> list[PatternRule]:
    if raw is None:
        return []
    if not isinstance(raw, list):
        raise check.error("E036", ("patterns",), "'patterns' must be a list of objects")
    out: list[PatternRule] = []
    seen: set[str] = set()
    for k, entry in enumerate(raw):
        rule = _read_pattern(entry, ("patterns", k), check)
        if rule.name in seen:
            raise check.error("E036", ("patterns", k, "name"), f"pattern {rule.name!r} twice")
        seen.add(rule.name)
        out.append(rule)
    return out


def _read_pattern(entry: Any, at: Path_, check: _Checker) -> PatternRule:
    name = _pattern_name(entry, at, check)
    nodes = _pattern_nodes(entry, name, at, check)
    lexicon = default_lexicon()
    ids = [
        _read_node(nodes, n, f"pattern {name!r}, node {n}", (*at, "pattern", n), check, lexicon)
        for n in range(len(nodes))
    ]
    roles = {role: _pattern_role(entry, role, ids, name, at, check) for role in ("cue", "content")}
    return PatternRule(
        name=name.strip(),
        pattern=nodes,
        cue=roles["cue"],
        content=roles["content"],
        exclude=_pattern_exclude(entry, roles["cue"], ids, name, at, check),
        confidence=_pattern_confidence(entry, name, at, check),
        content_from=_pattern_content_from(entry, ids, name, at, check),
    )


def _pattern_name(entry: Any, at: Path_, check: _Checker) -> str:
    """The pattern's name, after checking that the entry is an object with known keys."""
    if not isinstance(entry, dict):
        raise check.error("E036", at, "each pattern must be an object with 'name' and 'pattern'")
    name = entry.get("name")
    if not isinstance(name, str) or not name.strip():
        raise check.error("E036", at, "each pattern needs a 'name' (e.g. 'my.spokesperson.v1')")
    extra = _sorted_keys(set(entry) - _PATTERN_KEYS)
    if extra:
        raise check.error(
            "E036", at, f"pattern {name!r}: unknown keys {extra} (allowed: {sorted(_PATTERN_KEYS)})"
        )
    return name


def _pattern_nodes(entry: dict[str, Any], name: str, at: Path_, check: _Checker) -> list[Any]:
    nodes = entry.get("pattern")
    if not isinstance(nodes, list) or not nodes:
        raise check.error(
            "E036",
            (*at, "pattern"),
            f"pattern {name!r}: 'pattern' must be a non-empty list of nodes",
        )
    return nodes


def _read_node(
    nodes: list[Any], n: int, what: str, where: Path_, check: _Checker, lexicon: CueLexicon
) -> str:
    """Check node ``n`` of a pattern (and that the nodes up to it compile); its RIGHT_ID."""
    node = nodes[n]
    _check_node_keys(node, n, what, where, check)
    attrs_at = (*where, "RIGHT_ATTRS")
    _check_references(node["RIGHT_ATTRS"], what, attrs_at, check)
    try:
        attrs = expand_pattern([node], lexicon)[0]["RIGHT_ATTRS"]
    except RuleError as exc:
        raise check.error("E036", attrs_at, f"{what}: {exc}") from exc
    problems = _token_pattern_problems(attrs)
    if problems:
        raise check.error("E036", attrs_at, f"{what}: invalid RIGHT_ATTRS: {problems}")
    _check_extensions(attrs, what, attrs_at, check)
    _check_regexes(attrs, what, attrs_at, check)
    try:
        _compile(nodes[: n + 1], lexicon)
    except (ValueError, KeyError, TypeError) as exc:
        raise check.error("E036", where, f"{what}: {exc}") from exc
    return str(node["RIGHT_ID"])


def _check_node_keys(node: Any, n: int, what: str, where: Path_, check: _Checker) -> None:
    if not isinstance(node, dict):
        raise check.error("E036", where, f"{what}: a node must be an object")
    extra = _sorted_keys(set(node) - _NODE_KEYS)
    missing = sorted((_NODE_KEYS if n else {"RIGHT_ID", "RIGHT_ATTRS"}) - set(node))
    if extra or missing:
        raise check.error(
            "E036",
            where,
            f"{what}: "
            + (f"unknown keys {extra}" if extra else f"missing {missing}")
            + " (the first node has RIGHT_ID and RIGHT_ATTRS; the others also LEFT_ID and REL_OP)",
        )
    if not isinstance(node["RIGHT_ATTRS"], dict):
        raise check.error("E036", (*where, "RIGHT_ATTRS"), f"{what}: RIGHT_ATTRS must be an object")


def _check_references(attrs: dict[str, Any], what: str, at: Path_, check: _Checker) -> None:
    bad_refs = [r for r in _references(attrs) if not _REFERENCE.fullmatch(r)]
    if bad_refs:
        raise check.error(
            "E036",
            at,
            f"{what}: unknown lexicon reference {bad_refs[0]!r} (use @verbs:FRAME with a "
            f"frame of {FRAMES_HELP}; @verbs, @nouns, "
            "@noun_preps:PREP or @propositional_nouns)",
        )


def _check_extensions(attrs: dict[str, Any], what: str, at: Path_, check: _Checker) -> None:
    """Every ``"_"`` attribute must be a registered Token extension (else every document
    would fail at match time)."""
    from spacy.tokens import Token

    ext = attrs.get("_")
    if ext is None:
        return
    if not isinstance(ext, dict):
        raise check.error("E042", (*at, "_"), f"{what}: '_' must map extension names to values")
    for key in ext:
        if not isinstance(key, str) or not Token.has_extension(key):
            raise check.error(
                "E042",
                (*at, "_", key) if isinstance(key, str) else (*at, "_"),
                f"{what}: the token extension {key!r} is not registered; register it with "
                f"spacy.tokens.Token.set_extension({key!r}, default=...) before loading "
                "the rules, or remove it from the pattern",
            )


def _check_regexes(attrs: dict[str, Any], what: str, at: Path_, check: _Checker) -> None:
    """Every ``REGEX`` value must compile and must not backtrack catastrophically."""
    for path, regex in _regexes(attrs):
        problem = regex_problem(regex)
        if problem:
            raise check.error("E041", (*at, *path), f"{what}: REGEX {regex!r}: {problem}")


def _regexes(value: Any, path: Path_ = ()) -> Iterator[tuple[Path_, Any]]:
    """``(path, regex)`` of every ``{"REGEX": ...}`` in a node's attributes."""
    if isinstance(value, dict):
        for key, child in value.items():
            if key == "REGEX":
                yield (*path, key), child
            else:
                yield from _regexes(child, (*path, key))


def _pattern_role(
    entry: dict[str, Any], role: str, ids: list[str], name: str, at: Path_, check: _Checker
) -> str:
    node_id = entry.get(role, role)
    if node_id not in ids:
        raise check.error(
            "E036",
            (*at, role) if role in entry else at,
            f"pattern {name!r}: no node with RIGHT_ID {node_id!r} for the {role} "
            f"(nodes: {', '.join(ids)})",
        )
    return str(node_id)


def _pattern_content_from(
    entry: dict[str, Any], ids: list[str], name: str, at: Path_, check: _Checker
) -> str | None:
    content_from = entry.get("content_from")
    if content_from is not None and content_from not in ids:
        raise check.error(
            "E036",
            (*at, "content_from"),
            f"pattern {name!r}: no node with RIGHT_ID {content_from!r} for content_from "
            f"(nodes: {', '.join(ids)})",
        )
    return content_from


def _pattern_exclude(
    entry: dict[str, Any], cue: str, ids: list[str], name: str, at: Path_, check: _Checker
) -> list[str]:
    exclude = entry.get("exclude", [cue])
    if not isinstance(exclude, list) or not all(isinstance(x, str) and x in ids for x in exclude):
        raise check.error(
            "E036",
            (*at, "exclude"),
            f"pattern {name!r}: 'exclude' must list node RIGHT_IDs (nodes: {', '.join(ids)})",
        )
    return exclude


def _pattern_confidence(entry: dict[str, Any], name: str, at: Path_, check: _Checker) -> float:
    conf = entry.get("confidence", 0.8)
    if not _is_confidence(conf):
        raise check.error(
            "E036",
            (*at, "confidence"),
            f"pattern {name!r}: the confidence must be a number from 0 to 1",
        )
    return float(conf)


def _sorted_keys(keys: Iterable[Any]) -> list[str]:
    """Keys for a message, sorted (YAML keys need not be strings)."""
    return sorted(str(k) for k in keys)


# -- regular expressions ------------------------------------------------------------------------


def regex_problem(regex: Any) -> str:
    """Why a user's ``REGEX`` is refused, or ``""``.

    Refused: a value that is not a string or does not compile, and the two shapes that
    make Python's backtracking engine take exponential time on a long token: a
    variable-length repetition inside another (``(a+)+``, ``(a*b?)*``) and alternatives
    inside a repetition (``(a|ab)+``). A possessive quantifier (``a++``) or an atomic
    group (``(?>...)``) never backtracks, so what it holds is allowed.

    Example:
        >>> regex_problem(r"^[A-Z][a-z]+(?:-[A-Z][a-z]+)?$")
        ''
        >>> print(regex_problem(r"^(a+)+$"))
        a repetition inside a repetition can take exponential time on a long token; ...
    """
    if not isinstance(regex, str):
        return "a REGEX must be a string"
    try:
        parsed = _sre_parser.parse(regex)
    except re.error as exc:
        return f"not a valid regular expression: {exc}"
    return _backtracking(list(parsed), in_repeat=False)  # type: ignore[call-overload]


_NESTED = (
    "a repetition inside a repetition can take exponential time on a long token; "
    "write it without nesting (for example '^a+$' for '^(a+)+$') or make the inner one "
    "possessive ('a++', Python 3.11+)"
)
_ALTERNATIVES = (
    "alternatives inside a repetition can take exponential time on a long token; "
    "use a character class ('[ab]+' for '(a|b)+') or an atomic group ('(?>a|ab)+', "
    "Python 3.11+)"
)


def _backtracking(items: list[tuple[Any, Any]], in_repeat: bool) -> str:
    """The first catastrophic-backtracking shape in a parsed regex, or ``""``."""
    c = _sre_constants
    for op, av in items:
        subs: list[tuple[list[Any], bool]] = []
        if op in (c.MAX_REPEAT, c.MIN_REPEAT):
            lo, hi, sub = av
            if in_repeat and lo != hi:
                return _NESTED
            subs = [(list(sub), in_repeat or hi > 1)]
        elif op == getattr(c, "POSSESSIVE_REPEAT", None) or op == getattr(c, "ATOMIC_GROUP", None):
            continue  # never backtracks into what it holds
        elif op == c.BRANCH:
            if in_repeat:
                return _ALTERNATIVES
            subs = [(list(b), in_repeat) for b in av[1]]
        elif op == c.SUBPATTERN:
            subs = [(list(av[-1]), in_repeat)]
        elif op in (c.ASSERT, c.ASSERT_NOT):
            subs = [(list(av[1]), in_repeat)]
        elif op == c.GROUPREF_EXISTS:
            subs = [(list(b), in_repeat) for b in av[1:] if b is not None]
        for sub_items, inside in subs:
            problem = _backtracking(sub_items, inside)
            if problem:
                return problem
    return ""


_REFERENCE = re.compile(
    r"@verbs:(?:ccomp|quote|obj|dobj|xcomp|prep_[a-z]+)|@verbs|@nouns|@noun_preps:[a-z]+|@propositional_nouns"
)


def _references(attrs: dict[str, Any]) -> list[str]:
    """The ``"@..."`` lexicon references among a node's attribute values."""
    return [
        arg
        for value in attrs.values()
        if isinstance(value, dict)
        for arg in value.values()
        if isinstance(arg, str) and arg.startswith("@")
    ]


def _token_pattern_problems(attrs: dict[str, Any]) -> str:
    """spaCy's own validation of one token's attributes, as one line ('' when valid)."""
    from spacy.schemas import validate_token_pattern

    errors = validate_token_pattern([attrs])
    return "; ".join(e.replace("pattern -> 0 -> ", "") for e in errors)


def _compile(nodes: list[dict[str, Any]], lexicon: CueLexicon) -> None:
    """Compile ``nodes`` in a ``DependencyMatcher`` with validation on; raises ValueError."""
    from spacy.matcher import DependencyMatcher
    from spacy.vocab import Vocab

    DependencyMatcher(Vocab(), validate=True).add("rule", [expand_pattern(nodes, lexicon)])
