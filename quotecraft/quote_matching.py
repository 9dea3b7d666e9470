"""How :func:`quotecraft.testing.assert_quotes` compares quotes with expected dicts.

The steps of ``assert_quotes``: check the expected dicts (:func:`check_expected`),
match expected and found quotes one to one (:func:`match_one_to_one`), pair each
unmatched expected quote with the nearest found one (:func:`pair_with_nearest`) and
write the assertion message (:func:`difference_report`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .records import Quote

EXPECTED_KEYS = (
    "kind",
    "content",
    "speaker",
    "mention",
    "title",
    "organization",
    "speaker_kind",
    "cue",
    "negated",
    "rule",
    "addressee",
)
"""The keys an expected quote of :func:`quotecraft.testing.assert_quotes` may have."""


def speaker_label(speaker: Any) -> str | None:
    if speaker is None:
        return None
    if speaker.name:
        return str(speaker.name)
    return speaker.mention.text if speaker.mention is not None else None


def summarize(quote: Quote) -> dict[str, Any]:
    """A quote as the short dict :func:`assert_quotes` prints (copy it into ``expected``).

    Example:
        >>> import quotecraft
        >>> summarize(quotecraft.extract('"Fine," said Ann Lee.').quotes[0])
        {'kind': 'direct', 'content': 'Fine,', 'speaker': 'Ann Lee', 'cue': 'say'}
    """
    out: dict[str, Any] = {"kind": quote.kind.value, "content": quote.words}
    out["speaker"] = speaker_label(quote.speaker)
    out["cue"] = quote.cue.lemma if quote.cue is not None else None
    return out


def actual_value(quote: Quote, key: str) -> Any:
    sp = quote.speaker
    if key == "kind":
        return quote.kind.value
    if key == "content":
        return quote.words
    if key == "speaker":
        return speaker_label(sp)
    if key == "mention":
        return sp.mention.text if sp is not None and sp.mention is not None else None
    if key in ("title", "organization"):
        return getattr(sp, key) if sp is not None else None
    if key == "speaker_kind":
        return sp.kind.value if sp is not None else None
    if key == "cue":
        return quote.cue.lemma if quote.cue is not None else None
    if key == "negated":
        return quote.cue.negated if quote.cue is not None else False
    if key == "addressee":
        return speaker_label(quote.addressee)
    return getattr(quote, key)


def field_matches(quote: Quote, key: str, want: Any) -> bool:
    got = actual_value(quote, key)
    if key == "content":
        # the quoted words a person reads (a split or interrupted quote without its
        # attribution), or the content span as the record gives it (attribution included)
        return isinstance(want, str) and (want in got or want in quote.content.text)
    if key == "mention":
        return got is None if want is None else got is not None and want in got
    if key == "speaker":
        # the resolved name, or the mention's text for an unnamed speaker
        sp = quote.speaker
        mention = sp.mention.text if sp is not None and sp.mention is not None else None
        return want == got or (want is not None and want == mention)
    if key == "cue":
        return want == got or (quote.cue is not None and want == quote.cue.text)
    return bool(want == got)


def mismatches(quote: Quote, expected: Mapping[str, Any]) -> list[str]:
    return [k for k, v in expected.items() if not field_matches(quote, k, v)]


def check_expected(expected: Sequence[Mapping[str, Any]]) -> None:
    """Refuse an expected list that is a dict, or dicts with keys assert_quotes does not know."""
    if isinstance(expected, Mapping):
        raise TypeError("assert_quotes: 'expected' is a list of dicts, one per quote")
    for k, exp in enumerate(expected):
        unknown = sorted(set(exp) - set(EXPECTED_KEYS))
        if unknown:
            raise ValueError(
                f"assert_quotes: expected[{k}] has unknown keys {unknown}; use {list(EXPECTED_KEYS)}"
            )


def match_one_to_one(
    quotes: Sequence[Quote], expected: Sequence[Mapping[str, Any]]
) -> list[int | None]:
    """For each expected quote, the first found quote it matches not matched before (or None)."""
    used: set[int] = set()
    matched: list[int | None] = []
    for exp in expected:
        hit = next(
            (i for i, q in enumerate(quotes) if i not in used and not mismatches(q, exp)),
            None,
        )
        if hit is not None:
            used.add(hit)
        matched.append(hit)
    return matched


def pair_with_nearest(
    quotes: Sequence[Quote], expected: Sequence[Mapping[str, Any]], matched: list[int | None]
) -> dict[int, int]:
    """Each unmatched expected quote with the nearest quote left over, to show how they differ."""
    used = {m for m in matched if m is not None}
    paired: dict[int, int] = {}
    for k, exp in enumerate(expected):
        left = [i for i in range(len(quotes)) if i not in used and i not in paired.values()]
        if matched[k] is None and left:
            paired[k] = min(left, key=lambda i: (len(mismatches(quotes[i], exp)), i))
    return paired


def difference_report(
    source: Any,
    quotes: Sequence[Quote],
    expected: Sequence[Mapping[str, Any]],
    matched: list[int | None],
    paired: dict[int, int],
    extra: list[int],
) -> str:
    """The assertion message: what matched, what differs and how, what is missing or extra."""
    n_missing = sum(1 for m in matched if m is None) - len(paired)
    counts = [(len(paired), "differ"), (n_missing, "missing"), (len(extra), "unexpected")]
    lines = [
        "quotes differ from the expected ones: " + ", ".join(f"{n} {w}" for n, w in counts if n)
    ]
    text = text_of(source)
    if text is not None:
        lines.append(f"text: {shorten(text, 300)!r}")
    for k, exp in enumerate(expected):
        if matched[k] is not None:
            lines.append(f"  ok          {dict(exp)}")
        elif k in paired:
            lines.extend(differences(quotes[paired[k]], exp))
        else:
            lines.append(f"  missing     {dict(exp)}")
    lines.extend(f"  unexpected  {summarize(quotes[i])}" for i in extra)
    lines.append("found (copy into expected):" if quotes else "found: no quotes")
    lines.extend(f"  {summarize(q)}" for q in quotes)
    return "\n".join(lines)


def differences(q: Quote, exp: Mapping[str, Any]) -> list[str]:
    """The report lines of an expected quote and the nearest found one."""
    diffs = [
        f"{key}: found {actual_value(q, key)!r}, expected {exp[key]!r}"
        + (" (as a substring)" if key in ("content", "mention") else "")
        for key in mismatches(q, exp)
    ]
    return [
        f"  differs     {dict(exp)}",
        f"    found     {summarize(q)}",
        f"    where     {'; '.join(diffs)}",
    ]


def text_of(source: Any) -> str | None:
    if isinstance(source, str):
        return source
    text = getattr(source, "text", None)
    return text if isinstance(text, str) else None


def shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 3] + "..."
