"""A faster stand-in for spaCy's ``DependencyMatcher`` on quotecraft's pattern shapes.

spaCy's ``DependencyMatcher`` runs every node of every pattern as a token pattern
over the whole ``Doc``, walks each matched token's ancestors in Python, then checks
the cartesian product of the candidates. On news articles that is most of
quotecraft's own time. :class:`FastDependencyMatcher` returns the *same matches in
the same order* for patterns whose relations are ``>``, ``>>``, ``>++`` (a right child),
``>--`` (a left child) and ``<`` (the head) and whose token
attributes are plain values or ``IN``/``NOT_IN`` lists:

- node attributes are tested with array operations over ``Doc.to_array``, one test
  per distinct condition and document, computed only when a pattern gets that far;
- the search starts from the tokens matching the pattern's first node and follows
  the parse (children, subtrees) to the other nodes, depth first, candidates in
  ascending token order: this enumerates the valid node assignments in the
  lexicographic order in which spaCy yields them.

Anything else falls back to spaCy's own matcher: rules with other operators or
attributes (per rule), and documents whose sentence trees are not contiguous or
that lack an annotation a pattern needs (spaCy raises there, and still does).

Example:
    >>> from spacy.matcher import DependencyMatcher
    >>> from spacy.tokens import Doc
    >>> from spacy.vocab import Vocab
    >>> vocab = Vocab()
    >>> words = ["Smith", "said", "it", "rained", "."]
    >>> doc = Doc(vocab, words=words, heads=[1, 1, 3, 1, 1], lemmas=["Smith", "say", "it", "rain", "."],
    ...           deps=["nsubj", "ROOT", "nsubj", "ccomp", "punct"])
    >>> dm = DependencyMatcher(vocab)
    >>> dm.add("r", [[{"RIGHT_ID": "cue", "RIGHT_ATTRS": {"LEMMA": {"IN": ["say"]}}},
    ...              {"LEFT_ID": "cue", "REL_OP": ">", "RIGHT_ID": "c", "RIGHT_ATTRS": {"DEP": "ccomp"}}]])
    >>> fast = FastDependencyMatcher(dm, ["r"])
    >>> fast(doc) == dm(doc) == [(vocab.strings["r"], [1, 3])]
    True
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import numpy as np
from spacy.attrs import IDS
from spacy.matcher import DependencyMatcher
from spacy.strings import get_string_id
from spacy.tokens import Doc

_OPS = frozenset({">", ">>", ">++", ">--", "<"})
_ATTRS = frozenset({"ORTH", "TEXT", "LOWER", "LEMMA", "POS", "TAG", "DEP", "ENT_TYPE"})
_ANNOTATED = ("TAG", "POS", "LEMMA", "DEP")
"""Attributes spaCy's Matcher refuses to match on when the Doc lacks them (error E155)."""

# A condition: (attribute name, "==" | "IN" | "NOT_IN", value or sorted uint64 values)
_Cond = tuple[str, str, Any]


class _Pattern:
    """One dependency pattern compiled to nodes: conditions, parent index, operator."""

    __slots__ = ("conds", "ops", "parents", "tests")

    def __init__(
        self,
        conds: list[tuple[int, ...]],
        parents: list[int],
        ops: list[str],
        tests: list[tuple[tuple[int, str, Any], ...]],
    ) -> None:
        self.conds = conds
        """Condition ids of each node (array tests over the whole Doc)."""
        self.parents = parents
        self.ops = ops
        self.tests = tests
        """Each node's conditions as (column, op, int or frozenset), to test one token."""


class FastDependencyMatcher:
    """Same interface and results as the wrapped ``DependencyMatcher``'s ``__call__``.

    Args:
        matcher: a ``DependencyMatcher`` holding the patterns (used for validation,
            for the rules this class cannot run, and for unusual documents).
        keys: the match keys (rule names) in the order they were added.
    """

    def __init__(self, matcher: DependencyMatcher, keys: Iterable[str]) -> None:
        self.native = matcher
        self.vocab = matcher.vocab
        strings = self.vocab.strings
        self._conds: list[_Cond] = []
        cond_ids: dict[tuple[str, str, Any], int] = {}
        self._rules: list[tuple[int, list[_Pattern] | None]] = []
        self._attrs: list[str] = []
        slow: list[tuple[str, list[Any]]] = []
        for name in dict.fromkeys(keys):
            got = matcher.get(name)
            if got is None:
                continue
            if got[0] is not None:  # an on_match callback: let spaCy run everything
                self._rules = []
                break
            raw = got[1]
            compiled = [self._compile(p, cond_ids) for p in raw]
            key = strings.add(name)
            if all(c is not None for c in compiled):
                self._rules.append((key, [c for c in compiled if c is not None]))
            else:
                self._rules.append((key, None))
                slow.append((name, raw))
        self._slow: DependencyMatcher | None = None
        if slow:
            self._slow = DependencyMatcher(self.vocab)
            for name, raw in slow:
                self._slow.add(name, raw)
        if len(self._rules) != len(matcher):  # keys we were not told about: spaCy runs all
            self._rules = []
        self._attr_ids: list[int | str] = [IDS["HEAD"], *(IDS[a] for a in self._attrs)]
        self._needs = [a for a in _ANNOTATED if a in self._attrs]
        # IN / NOT_IN: one sorted table of every listed value per attribute, and per condition
        # a membership row over it (last slot: a value in no list), so that a Doc needs one
        # search per attribute, then one lookup per condition
        self._tables: dict[str, np.ndarray] = {}
        self._members: dict[int, np.ndarray] = {}
        listed: dict[str, set[int]] = {}
        for attr, op, value in self._conds:
            if op != "==":
                listed.setdefault(attr, set()).update(value)
        for attr, values in listed.items():
            self._tables[attr] = np.array(sorted(values), dtype=np.uint64)
        for cid, (attr, op, value) in enumerate(self._conds):
            if op != "==":
                row = np.zeros(len(self._tables[attr]) + 1, dtype=bool)
                row[:-1] = np.isin(self._tables[attr], np.array(value, dtype=np.uint64))
                self._members[cid] = row

    # -- compiling ---------------------------------------------------------------------------

    def _compile(
        self, pattern: Sequence[Mapping[str, Any]], cond_ids: dict[tuple[str, str, Any], int]
    ) -> _Pattern | None:
        index = {node["RIGHT_ID"]: k for k, node in enumerate(pattern)}
        conds: list[tuple[int, ...]] = []
        parents: list[int] = []
        ops: list[str] = []
        for k, node in enumerate(pattern):
            if k == 0:
                parents.append(-1)
                ops.append("")
            else:
                if node.get("REL_OP") not in _OPS:
                    return None
                parents.append(index[node["LEFT_ID"]])
                ops.append(node["REL_OP"])
            node_conds = []
            for attr, value in node.get("RIGHT_ATTRS", {}).items():
                cond = self._condition(str(attr).upper(), value)
                if cond is None:
                    return None
                if cond not in cond_ids:
                    cond_ids[cond] = len(self._conds)
                    self._conds.append(cond)
                    if cond[0] not in self._attrs:
                        self._attrs.append(cond[0])
                node_conds.append(cond_ids[cond])
            conds.append(tuple(node_conds))
        tests = [tuple(self._token_test(c) for c in node) for node in conds]
        return _Pattern(conds, parents, ops, tests)

    def _token_test(self, cond_id: int) -> tuple[int, str, Any]:
        attr, op, value = self._conds[cond_id]
        return (self._attrs.index(attr), op, value if op == "==" else frozenset(value))

    def _condition(self, attr: str, value: Any) -> tuple[str, str, Any] | None:
        attr = "ORTH" if attr == "TEXT" else attr
        if attr not in _ATTRS:
            return None
        if isinstance(value, str):
            return (attr, "==", int(self.vocab.strings.add(value)))
        if isinstance(value, dict) and len(value) == 1:
            ((op, values),) = value.items()
            if op in ("IN", "NOT_IN") and isinstance(values, list):
                if not all(isinstance(v, str) for v in values):
                    return None
                ids = tuple(sorted({int(get_string_id(v)) for v in values}))
                return (attr, op, ids)
        return None

    # -- matching ----------------------------------------------------------------------------

    def __call__(self, doclike: Any) -> list[tuple[int, list[int]]]:
        """All matches as ``(match_id, token indices by pattern node)``, as spaCy gives them."""
        if not isinstance(doclike, Doc) or not self._rules:
            return self.native(doclike)
        doc = doclike
        if any(not doc.has_annotation(a) for a in self._needs):
            return self.native(doc)
        n = len(doc)
        if n == 0:
            return []
        values = doc.to_array(self._attr_ids).reshape(n, len(self._attr_ids))
        heads = values[:, 0].astype(np.int64) + np.arange(n, dtype=np.int64)
        if not _contiguous_trees(heads):
            return self.native(doc)
        state = _DocState(self, doc, heads, values[:, 1:])
        slow = self._slow(doc) if self._slow is not None else []
        out: list[tuple[int, list[int]]] = []
        for key, patterns in self._rules:
            if patterns is None:
                out.extend(m for m in slow if m[0] == key)
                continue
            for pat in patterns:
                _search(pat, state, key, out)
        return out


class _DocState:
    """Per-document arrays: attribute values, children lists, condition masks (lazy)."""

    def __init__(
        self, matcher: FastDependencyMatcher, doc: Doc, heads: np.ndarray, values: np.ndarray
    ) -> None:
        self.doc = doc
        self.n = len(doc)
        self.columns = {a: values[:, k] for k, a in enumerate(matcher._attrs)}
        self.rows: list[list[int]] = values.T.tolist()
        self.conds = matcher._conds
        self.tables = matcher._tables
        self.members = matcher._members
        self.slots: dict[str, np.ndarray] = {}
        self.masks: dict[int, np.ndarray] = {}
        self.node_sets: dict[tuple[int, ...], list[int]] = {}
        self.node_masks: dict[tuple[int, ...], np.ndarray] = {}
        self.node_lists: dict[tuple[int, ...], list[bool]] = {}
        # children of each token, ascending (spaCy's Token.children order)
        idx = np.arange(self.n, dtype=np.int64)
        nonroot = heads != idx
        order = np.argsort(heads, kind="stable")
        order = order[nonroot[order]]
        counts = np.bincount(heads[nonroot], minlength=self.n)
        self.heads: list[int] = heads.tolist()
        self.heads_arr = heads
        self.nonroot = nonroot
        self.parent_masks: dict[tuple[int, ...], np.ndarray] = {}
        self.kid_order: list[int] = order.tolist()
        self.kid_start: list[int] = np.concatenate(([0], np.cumsum(counts))).tolist()

    def mask(self, cond_id: int) -> np.ndarray:
        m = self.masks.get(cond_id)
        if m is None:
            attr, op, value = self.conds[cond_id]
            col = self.columns[attr]
            if op == "==":
                m = col == np.uint64(value)
            else:
                m = self.members[cond_id][self.slot(attr)]
                if op == "NOT_IN":
                    m = ~m
            self.masks[cond_id] = m
        return m

    def slot(self, attr: str) -> np.ndarray:
        """Each token's position in the attribute's table of listed values (or the last slot)."""
        s = self.slots.get(attr)
        if s is None:
            table, col = self.tables[attr], self.columns[attr]
            if len(table):
                pos = np.minimum(np.searchsorted(table, col), len(table) - 1)
                s = np.where(table[pos] == col, pos, len(table))
            else:
                s = np.zeros(self.n, dtype=np.intp)
            self.slots[attr] = s
        return s

    def node_mask(self, conds: tuple[int, ...]) -> np.ndarray:
        m = self.node_masks.get(conds)
        if m is None:
            if not conds:
                m = np.ones(self.n, dtype=bool)
            else:
                m = self.mask(conds[0])
                for c in conds[1:]:
                    m = m & self.mask(c)
            self.node_masks[conds] = m
        return m

    def node_flags(self, conds: tuple[int, ...]) -> list[bool]:
        """:meth:`node_mask` as a list (cheaper to index one token at a time)."""
        f = self.node_lists.get(conds)
        if f is None:
            f = self.node_lists[conds] = self.node_mask(conds).tolist()
        return f

    def node_positions(self, conds: tuple[int, ...]) -> list[int]:
        p = self.node_sets.get(conds)
        if p is None:
            p = self.node_sets[conds] = np.flatnonzero(self.node_mask(conds)).tolist()
        return p

    def parent_mask(self, conds: tuple[int, ...]) -> np.ndarray:
        """Tokens with at least one child meeting ``conds``."""
        m = self.parent_masks.get(conds)
        if m is None:
            m = np.zeros(self.n, dtype=bool)
            m[self.heads_arr[self.node_mask(conds) & self.nonroot]] = True
            self.parent_masks[conds] = m
        return m

    def children(self, i: int) -> list[int]:
        return self.kid_order[self.kid_start[i] : self.kid_start[i + 1]]

    def passes(self, tests: tuple[tuple[int, str, Any], ...], i: int) -> bool:
        """True when token ``i`` meets every condition of a node."""
        rows = self.rows
        for col, op, value in tests:
            x = rows[col][i]
            if op == "==":
                if x != value:
                    return False
            elif (x in value) != (op == "IN"):
                return False
        return True

    def descendants(self, i: int, among: list[int]) -> list[int]:
        """The tokens of ``among`` (ascending) that ``i`` dominates, ``i`` itself excluded."""
        heads = self.heads
        tok = self.doc[i]
        lo = bisect_left(among, tok.left_edge.i)
        hi = bisect_right(among, tok.right_edge.i)
        out = []
        for c in among[lo:hi]:
            t = c
            while heads[t] != t and t != i:
                t = heads[t]
            if t == i and c != i:
                out.append(c)
        return out


def _search(pat: _Pattern, state: _DocState, key: int, out: list[tuple[int, list[int]]]) -> None:
    """Append the valid assignments of the pattern's nodes, in lexicographic order of positions.

    Depth first over the nodes in pattern order, each node's candidates in ascending
    token order, so the order is spaCy's (a cartesian product filtered by the relations).
    """
    first = state.node_positions(pat.conds[0])
    k = len(pat.conds)
    if len(first) > _PREFILTER and k > 1:
        # a broad first node ("any verb"): keep the tokens that have a child for each node
        # hanging directly below the first one (pruning only: the search still checks all)
        ok = state.node_mask(pat.conds[0])
        for j in range(1, k):
            if pat.parents[j] == 0 and pat.ops[j] == ">":
                ok = ok & state.parent_mask(pat.conds[j])
        first = np.flatnonzero(ok).tolist()
    if not first:
        return
    assigned = [0] * k
    for p in first:
        assigned[0] = p
        _extend(1, pat, state, assigned, key, out)


def _extend(
    j: int,
    pat: _Pattern,
    state: _DocState,
    assigned: list[int],
    key: int,
    out: list[tuple[int, list[int]]],
) -> None:
    """Assign node ``j`` and the nodes after it (a plain function: no closure that would
    tie the Doc into a reference cycle and keep it alive until the next full collection)."""
    if j == len(assigned):
        out.append((key, assigned[:]))
        return
    parent = assigned[pat.parents[j]]
    op = pat.ops[j]
    if op == "<":  # the parent's head (a root has none)
        head = state.heads[parent]
        near = [head] if head != parent and state.passes(pat.tests[j], head) else []
    elif op != ">>":
        flags = state.node_flags(pat.conds[j])
        near = [c for c in state.children(parent) if flags[c]]
        if op == ">++":
            near = [c for c in near if c > parent]
        elif op == ">--":
            near = [c for c in near if c < parent]
    else:
        near = state.descendants(parent, state.node_positions(pat.conds[j]))
    for c in near:
        assigned[j] = c
        _extend(j + 1, pat, state, assigned, key, out)


_PREFILTER = 12
"""First-node candidates above which the search prunes them with array tests first."""


def _contiguous_trees(heads: np.ndarray) -> bool:
    """True when every token's root is reachable and each tree covers a contiguous run.

    spaCy orders matches of different sentence trees by the first matched token of
    each tree; the fast search orders them by position, which agrees when trees do
    not interleave (always so for parser output).
    """
    roots = heads
    for _ in range(64):
        nxt = roots[roots]
        if np.array_equal(nxt, roots):
            break
        roots = nxt
    else:
        return False
    changes = int(np.count_nonzero(roots[1:] != roots[:-1]))
    return changes == len(np.unique(roots)) - 1
