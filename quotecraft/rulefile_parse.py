"""Rule-file text to plain data, with the line where each value starts.

JSON goes through the fast C decoder, and through a decoder that records where each
value starts only when a message needs a line; YAML through ``yaml.SafeLoader``, which
builds plain data only. Both refuse values nested deeper than :data:`MAX_DEPTH`, and
YAML refuses aliases that expand to more than :data:`MAX_VALUES` values.
:class:`RuleChecker` turns a problem found at a value into a
:class:`~quotecraft.errors.RuleError` naming the file and that value's line.
"""

from __future__ import annotations

import json
import json.decoder
import json.scanner
import re
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any

from .errors import (
    NO_YAML,
    RULE_FILE_ALIASES,
    RULE_FILE_NOT_DATA,
    RULE_FILE_SYNTAX,
    RULE_FILE_TOO_DEEP,
    RuleError,
)

Path_ = tuple[str | int, ...]
"""Where a value sits in the parsed file: keys and list indices from the top."""


def rule_error(code: str, path: str, line: int | None, message: str) -> RuleError:
    where = f"{path} line {line}" if line is not None else path
    return RuleError(f"{code} {where}: {message}")


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
    return rule_error(
        RULE_FILE_TOO_DEEP,
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
        raise rule_error(
            RULE_FILE_SYNTAX, name, exc.lineno, f"invalid JSON at column {exc.colno}: {exc.msg}"
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
        raise rule_error(
            NO_YAML, name, None, 'YAML rule files need PyYAML: pip install "quotecraft[yaml]"'
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
        raise rule_error(
            RULE_FILE_NOT_DATA,
            name,
            mark.line + 1 if mark is not None else None,
            f"only plain data is allowed (mappings, lists, strings, numbers): {exc.problem}",
        ) from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc)
        raise rule_error(
            RULE_FILE_SYNTAX,
            name,
            mark.line + 1 if mark is not None else None,
            f"invalid YAML: {problem}",
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
                raise rule_error(
                    RULE_FILE_ALIASES,
                    name,
                    node.start_mark.line + 1,
                    f"its aliases (*name) expand to more than {MAX_VALUES:,} values; "
                    "write the values out, or repeat fewer of them",
                )
            continue
        if key in size:
            continue
        if key in open_:
            raise rule_error(
                RULE_FILE_ALIASES,
                name,
                node.start_mark.line + 1,
                "an alias (*name) refers to a value that contains it; rule files hold no cycles",
            )
        open_.add(key)
        todo.append((node, True))
        todo.extend((c, False) for c in _yaml_children(node) if id(c) not in size)


class RuleChecker:
    """Builds :class:`~quotecraft.errors.RuleError` messages that point at a value's line."""

    def __init__(self, name: str, lines: Mapping[Path_, int]) -> None:
        self.name = name
        self.lines = lines

    def error(self, code: str, path: Path_, message: str) -> RuleError:
        for k in range(len(path), -1, -1):  # the value's own line, else its nearest parent's
            if path[:k] in self.lines:
                return rule_error(code, self.name, self.lines[path[:k]], message)
        return rule_error(code, self.name, None, message)


def is_confidence(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and 0 <= value <= 1


def sorted_keys(keys: Iterable[Any]) -> list[str]:
    """Keys for a message, sorted (YAML keys need not be strings)."""
    return sorted(str(k) for k in keys)
