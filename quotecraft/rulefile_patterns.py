"""Checking the ``patterns`` of a rule file.

Each node is checked alone (its keys, lexicon references, spaCy's own token-pattern
validation, registered extensions, regular expressions that cannot backtrack
catastrophically), then the nodes up to it are compiled in a ``DependencyMatcher``, so
an error names the first node that is wrong and its line.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from typing import Any

from .cues import CUE_TYPES, CueLexicon, PatternRule, default_lexicon, expand_pattern
from .errors import RULE_FILE_EXTENSION, RULE_FILE_PATTERN, RULE_FILE_REGEX, RuleError
from .rulefile_parse import Path_, RuleChecker, is_confidence, sorted_keys

if sys.version_info >= (3, 11):
    import re._constants as _sre_constants
    import re._parser as _sre_parser
else:  # pragma: no cover
    import sre_constants as _sre_constants
    import sre_parse as _sre_parser

FRAMES_HELP = "ccomp, quote, that, aside, obj, dobj, xcomp, prep_<preposition>"
FRAME_PATTERN = r"ccomp|quote|that|aside|obj|dobj|xcomp|prep_[a-z]+"
"""A verb frame, as a regular expression (the frames of :data:`FRAMES_HELP`)."""
_PATTERN_KEYS = frozenset(
    {"name", "pattern", "cue", "content", "content_from", "exclude", "confidence", "cue_type"}
    | {"set_off"}
)
_NODE_KEYS = frozenset({"RIGHT_ID", "RIGHT_ATTRS", "LEFT_ID", "REL_OP"})


def read_patterns(raw: Any, check: RuleChecker) -> list[PatternRule]:
    if raw is None:
        return []
    if not isinstance(raw, list):
        raise check.error(RULE_FILE_PATTERN, ("patterns",), "'patterns' must be a list of objects")
    out: list[PatternRule] = []
    seen: set[str] = set()
    for k, entry in enumerate(raw):
        rule = _read_pattern(entry, ("patterns", k), check)
        if rule.name in seen:
            raise check.error(
                RULE_FILE_PATTERN, ("patterns", k, "name"), f"pattern {rule.name!r} twice"
            )
        seen.add(rule.name)
        out.append(rule)
    return out


def _read_pattern(entry: Any, at: Path_, check: RuleChecker) -> PatternRule:
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
        cue_type=_pattern_cue_type(entry, name, at, check),
        set_off=_pattern_set_off(entry, name, at, check),
    )


def _pattern_name(entry: Any, at: Path_, check: RuleChecker) -> str:
    """The pattern's name, after checking that the entry is an object with known keys."""
    if not isinstance(entry, dict):
        raise check.error(
            RULE_FILE_PATTERN, at, "each pattern must be an object with 'name' and 'pattern'"
        )
    name = entry.get("name")
    if not isinstance(name, str) or not name.strip():
        raise check.error(
            RULE_FILE_PATTERN, at, "each pattern needs a 'name' (e.g. 'my.spokesperson.v1')"
        )
    extra = sorted_keys(set(entry) - _PATTERN_KEYS)
    if extra:
        raise check.error(
            RULE_FILE_PATTERN,
            at,
            f"pattern {name!r}: unknown keys {extra} (allowed: {sorted(_PATTERN_KEYS)})",
        )
    return name


def _pattern_nodes(entry: dict[str, Any], name: str, at: Path_, check: RuleChecker) -> list[Any]:
    nodes = entry.get("pattern")
    if not isinstance(nodes, list) or not nodes:
        raise check.error(
            RULE_FILE_PATTERN,
            (*at, "pattern"),
            f"pattern {name!r}: 'pattern' must be a non-empty list of nodes",
        )
    return nodes


def _read_node(
    nodes: list[Any], n: int, what: str, where: Path_, check: RuleChecker, lexicon: CueLexicon
) -> str:
    """Check node ``n`` of a pattern (and that the nodes up to it compile); its RIGHT_ID."""
    node = nodes[n]
    _check_node_keys(node, n, what, where, check)
    attrs_at = (*where, "RIGHT_ATTRS")
    _check_references(node["RIGHT_ATTRS"], what, attrs_at, check)
    try:
        attrs = expand_pattern([node], lexicon)[0]["RIGHT_ATTRS"]
    except RuleError as exc:
        raise check.error(RULE_FILE_PATTERN, attrs_at, f"{what}: {exc}") from exc
    problems = _token_pattern_problems(attrs)
    if problems:
        raise check.error(RULE_FILE_PATTERN, attrs_at, f"{what}: invalid RIGHT_ATTRS: {problems}")
    _check_extensions(attrs, what, attrs_at, check)
    _check_regexes(attrs, what, attrs_at, check)
    try:
        _compile(nodes[: n + 1], lexicon)
    except (ValueError, KeyError, TypeError) as exc:
        raise check.error(RULE_FILE_PATTERN, where, f"{what}: {exc}") from exc
    return str(node["RIGHT_ID"])


def _check_node_keys(node: Any, n: int, what: str, where: Path_, check: RuleChecker) -> None:
    if not isinstance(node, dict):
        raise check.error(RULE_FILE_PATTERN, where, f"{what}: a node must be an object")
    extra = sorted_keys(set(node) - _NODE_KEYS)
    missing = sorted((_NODE_KEYS if n else {"RIGHT_ID", "RIGHT_ATTRS"}) - set(node))
    if extra or missing:
        raise check.error(
            RULE_FILE_PATTERN,
            where,
            f"{what}: "
            + (f"unknown keys {extra}" if extra else f"missing {missing}")
            + " (the first node has RIGHT_ID and RIGHT_ATTRS; the others also LEFT_ID and REL_OP)",
        )
    if not isinstance(node["RIGHT_ATTRS"], dict):
        raise check.error(
            RULE_FILE_PATTERN, (*where, "RIGHT_ATTRS"), f"{what}: RIGHT_ATTRS must be an object"
        )


def _check_references(attrs: dict[str, Any], what: str, at: Path_, check: RuleChecker) -> None:
    bad_refs = [r for r in _references(attrs) if not _REFERENCE.fullmatch(r)]
    if bad_refs:
        raise check.error(
            RULE_FILE_PATTERN,
            at,
            f"{what}: unknown lexicon reference {bad_refs[0]!r} (use @verbs:FRAME with a "
            f"frame of {FRAMES_HELP}; @verbs, @nouns, "
            "@noun_preps:PREP or @propositional_nouns)",
        )


def _check_extensions(attrs: dict[str, Any], what: str, at: Path_, check: RuleChecker) -> None:
    """Every ``"_"`` attribute must be a registered Token extension (else every document
    would fail at match time)."""
    from spacy.tokens import Token

    ext = attrs.get("_")
    if ext is None:
        return
    if not isinstance(ext, dict):
        raise check.error(
            RULE_FILE_EXTENSION, (*at, "_"), f"{what}: '_' must map extension names to values"
        )
    for key in ext:
        if not isinstance(key, str) or not Token.has_extension(key):
            raise check.error(
                RULE_FILE_EXTENSION,
                (*at, "_", key) if isinstance(key, str) else (*at, "_"),
                f"{what}: the token extension {key!r} is not registered; register it with "
                f"spacy.tokens.Token.set_extension({key!r}, default=...) before loading "
                "the rules, or remove it from the pattern",
            )


def _check_regexes(attrs: dict[str, Any], what: str, at: Path_, check: RuleChecker) -> None:
    """Every ``REGEX`` value must compile and must not backtrack catastrophically."""
    for path, regex in _regexes(attrs):
        problem = regex_problem(regex)
        if problem:
            raise check.error(RULE_FILE_REGEX, (*at, *path), f"{what}: REGEX {regex!r}: {problem}")


def _regexes(value: Any, path: Path_ = ()) -> Iterator[tuple[Path_, Any]]:
    """``(path, regex)`` of every ``{"REGEX": ...}`` in a node's attributes."""
    if isinstance(value, dict):
        for key, child in value.items():
            if key == "REGEX":
                yield (*path, key), child
            else:
                yield from _regexes(child, (*path, key))


def _pattern_role(
    entry: dict[str, Any], role: str, ids: list[str], name: str, at: Path_, check: RuleChecker
) -> str:
    node_id = entry.get(role, role)
    if node_id not in ids:
        raise check.error(
            RULE_FILE_PATTERN,
            (*at, role) if role in entry else at,
            f"pattern {name!r}: no node with RIGHT_ID {node_id!r} for the {role} "
            f"(nodes: {', '.join(ids)})",
        )
    return str(node_id)


def _pattern_content_from(
    entry: dict[str, Any], ids: list[str], name: str, at: Path_, check: RuleChecker
) -> str | None:
    content_from = entry.get("content_from")
    if content_from is not None and content_from not in ids:
        raise check.error(
            RULE_FILE_PATTERN,
            (*at, "content_from"),
            f"pattern {name!r}: no node with RIGHT_ID {content_from!r} for content_from "
            f"(nodes: {', '.join(ids)})",
        )
    return content_from


def _pattern_exclude(
    entry: dict[str, Any], cue: str, ids: list[str], name: str, at: Path_, check: RuleChecker
) -> list[str]:
    exclude = entry.get("exclude", [cue])
    if not isinstance(exclude, list) or not all(isinstance(x, str) and x in ids for x in exclude):
        raise check.error(
            RULE_FILE_PATTERN,
            (*at, "exclude"),
            f"pattern {name!r}: 'exclude' must list node RIGHT_IDs (nodes: {', '.join(ids)})",
        )
    return exclude


def _pattern_confidence(entry: dict[str, Any], name: str, at: Path_, check: RuleChecker) -> float:
    conf = entry.get("confidence", 0.8)
    if not is_confidence(conf):
        raise check.error(
            RULE_FILE_PATTERN,
            (*at, "confidence"),
            f"pattern {name!r}: the confidence must be a number from 0 to 1",
        )
    return float(conf)


def _pattern_cue_type(
    entry: dict[str, Any], name: str, at: Path_, check: RuleChecker
) -> str | None:
    value = entry.get("cue_type")
    kinds = sorted(set(CUE_TYPES.values()))
    if value is not None and value not in kinds:
        raise check.error(
            RULE_FILE_PATTERN,
            (*at, "cue_type"),
            f"pattern {name!r}: 'cue_type' must be one of {', '.join(kinds)}, not {value!r}",
        )
    return value


def _pattern_set_off(entry: dict[str, Any], name: str, at: Path_, check: RuleChecker) -> bool:
    value = entry.get("set_off", False)
    if not isinstance(value, bool):
        raise check.error(
            RULE_FILE_PATTERN,
            (*at, "set_off"),
            f"pattern {name!r}: 'set_off' must be true or false, not {value!r}",
        )
    return value


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
    rf"@verbs:(?:{FRAME_PATTERN})(?:\|(?:{FRAME_PATTERN}))*"
    r"|@verbs|@nouns|@noun_preps:[a-z]+|@propositional_nouns"
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
