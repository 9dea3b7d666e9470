"""Invariants and input generators shared by the robustness tests, the fuzz target
and ``benchmarks/robustness.py``.

- :func:`problems` lists every broken invariant of one result (an empty list is a pass);
  it walks the attrs records generically, so a span-like field added later
  (``start``/``end``/``text``) is checked without touching this file.
- :func:`random_document` draws one messy news-like document from a ``random.Random``.
- :func:`documents` / :func:`batches` are the same ingredients as Hypothesis strategies
  (imported lazily, so the benchmark runs without Hypothesis).

Nothing here is copied from third-party text: every word and fragment is written here.
"""

from __future__ import annotations

import random
from collections.abc import Iterator, Sequence
from typing import Any

import attrs

from quotecraft import Article, ErrorRecord, QuotecraftError, from_dict, to_dict

# -- ingredients --------------------------------------------------------------------------------

# fmt: off
WORDS = (
    "the", "mayor", "bridge", "will", "rebuild", "council", "vote", "plan", "budget", "city",
    "workers", "union", "deal", "we", "they", "it", "is", "was", "not", "never", "again", "yes",
    "no", "maybe", "tomorrow", "after", "before", "because", "said", "says", "told", "added",
    "warned", "claimed", "according", "to", "insisted", "denied", "asked", "reporters", "he",
    "she", "they", "officials", "spokesman", "minister", "police", "Ann", "Lee", "John", "Smith",
    "Maria", "Garcia", "former", "President", "Dr.", "Mr.", "Ms.", "NATO", "Kremlin", "Reuters",
    "on", "Monday", "in", "a", "statement", "workers'", "Jones'", "rock", "'n'", "roll", "'90s",
    "don't", "can't", "O'Brien", "it's", "’em", "’til",
)
# fmt: on

SPEAKERS = (
    "Mayor Ann Lee",
    "John Smith, a nurse,",
    "the spokesman",
    "she",
    "he",
    "they",
    "officials",
    "Dr. Maria Garcia of NATO",
    "a source familiar with the matter",
    "Lee",
)
CUES = ("said", "told reporters", "added", "warned", "insisted", "wrote", "claimed")

# (open, close) of every convention marks.py knows, including the reversed and
# Nordic ones and the straight and full-width marks
MARK_PAIRS = (
    ("“", "”"),
    ('"', '"'),
    ("‘", "’"),
    ("'", "'"),
    ("«", "»"),
    ("« ", " »"),
    ("»", "«"),
    ("„", "“"),
    ("‚", "‘"),
    ("‹", "›"),
    ("「", "」"),
    ("『", "』"),
    ("”", "”"),
    ("〝", "〞"),
    ("＂", "＂"),
    ("‛", "’"),
)
MARKS = tuple(dict.fromkeys(ch for pair in MARK_PAIRS for ch in "".join(pair).strip()))

HTML_BITS = (
    "<p>",
    "</p>",
    "<div class='x'>",
    "</div>",
    "<br>",
    "<br/>",
    "<b>",
    "</i>",
    "<script>var s = '\"</p>'; if (a < b) { x(); }</script>",
    "<style>p:before { content: '“'; }</style>",
    "<!-- a “comment” -->",
    "<!doctype html>",
    "<html><head><title>T</title></head><body>",
    "</body></html>",
    "<a href='https://example.com/?q=\"x\"'>",
    "<div",
    "<p class=",
    "</",
    "<",
    ">",
    "&amp;",
    "&quot;",
    "&#8220;",
    "&rdquo;",
    "&nbsp;",
    "&bogus;",
    "<![CDATA[ “x” ]]>",
    "<svg><text>hidden</text></svg>",
    "<blockquote>",
    "<table><tr><td>",
)

NASTY = (
    "\x00",
    "\x07",
    "\x1b[31m",
    "\x7f",
    "\x85",
    "\u00ad",
    "\u200b",
    "\u200c",
    "\u200d",
    "\u200e",
    "\u200f",
    "\u202a",
    "\u202e",
    "\u2066",
    "\u2069",
    "\ufeff",
    "\ufffd",
    "\ud800",
    "\udfff",
    "\u2028",
    "\u2029",
    "\r\n",
    "\r",
    "\t",
    "\x0b",
    "\x0c",
    "\xa0",
    "\u3000",
    "e\u0301",
    "a\u0308\u0301\u0323",
    "Z\u0351\u0352\u0353\u0354",
    "😀",
    "👩\u200d👩\u200d👧",
    "🇳🇴",
    "ﬁ",
    "…",
    "—",
    "–",
    "--",
    "مرحبا بالعالم",
    "שלום",
    "漢字かなカナ",
    "नमस्ते",
    "Ελληνικά",
    "Ünïcödé",
)

SEPARATORS = (" ", " ", " ", "\n", "\n\n", "\r\n", "\r\n\r\n", "\n \n", "", ", ", ". ", ": ")

# non-English prose written for these tests (French, German, Spanish)
FOREIGN = (
    "« Nous allons reconstruire le pont », a déclaré la maire. Elle a ajouté que le vote était juste et que la ville était prête.",
    "„Wir werden die Brücke wieder aufbauen“, sagte die Bürgermeisterin. Sie fügte hinzu, dass die Abstimmung fair gewesen sei und die Stadt bereit sei.",
    "«Vamos a reconstruir el puente», dijo la alcaldesa. Añadió que la votación fue justa y que la ciudad estaba lista para el trabajo.",
)


# -- invariants ---------------------------------------------------------------------------------


def _is_span(obj: Any) -> bool:
    return attrs.has(type(obj)) and all(hasattr(obj, f) for f in ("start", "end", "text"))


def iter_spans(obj: Any, path: str = "") -> Iterator[tuple[str, Any]]:
    """Every span-like record (``start``, ``end``, ``text``) reachable from ``obj``, with its path.

    Walks attrs instances field by field and tuples/lists element by element, so
    ``quotes[3].speaker.mention`` or ``quotes[0].addressee.mention`` are found
    without naming them.
    """
    if _is_span(obj):
        yield path, obj
    if attrs.has(type(obj)):
        for f in attrs.fields(type(obj)):
            value = getattr(obj, f.name)
            if isinstance(value, (str, int, float, bool)) or value is None:
                continue
            yield from iter_spans(value, f"{path}.{f.name}" if path else f.name)
    elif isinstance(obj, (tuple, list)):
        for k, item in enumerate(obj):
            yield from iter_spans(item, f"{path}[{k}]")


def problems(
    result: Article | ErrorRecord, text: Any = None, *, roundtrip: bool = True
) -> list[str]:
    """Every invariant ``result`` breaks, as readable strings (empty list: all hold).

    Args:
        result: what quotecraft returned for one document.
        text: the input; for plain-text input ``Article.text`` must be this exact string.
        roundtrip: also check that ``from_dict(to_dict(a)) == a``.
    """
    out: list[str] = []
    if isinstance(result, ErrorRecord):
        if (
            not isinstance(result.type, str)
            or not result.type
            or not isinstance(result.message, str)
        ):
            out.append(f"malformed ErrorRecord {result!r}")
        return out
    if not isinstance(result, Article):
        return [f"result is a {type(result).__name__}, not an Article or ErrorRecord"]
    art = result
    t = art.text
    if not isinstance(t, str):
        return [f"Article.text is a {type(t).__name__}"]
    if isinstance(text, str) and not art.is_html and t != text:
        out.append("Article.text differs from the plain-text input")
    n = len(t)
    for path, sp in iter_spans(art):
        s, e = sp.start, sp.end
        if not (isinstance(s, int) and isinstance(e, int) and 0 <= s <= e <= n):
            out.append(f"{path}: offsets ({s}, {e}) outside 0..{n}")
        elif t[s:e] != sp.text:
            out.append(f"{path}: text[{s}:{e}] == {t[s:e]!r} but span.text == {sp.text!r}")
    last_end = -1
    for k, q in enumerate(art.quotes):
        c = q.content
        for j, f in enumerate(q.fragments):
            if not (c.start <= f.start and f.end <= c.end):
                out.append(
                    f"quotes[{k}].fragments[{j}] ({f.start}, {f.end}) outside content ({c.start}, {c.end})"
                )
        if c.start < last_end:
            out.append(
                f"quotes[{k}] content starts at {c.start}, inside or before the previous quote (ends {last_end})"
            )
        last_end = max(last_end, c.end)
        if not 0.0 <= q.confidence <= 1.0:
            out.append(f"quotes[{k}].confidence {q.confidence} outside [0, 1]")
        if art.paragraphs and not 0 <= q.paragraph < len(art.paragraphs):
            out.append(
                f"quotes[{k}].paragraph {q.paragraph} not an index of {len(art.paragraphs)} paragraphs"
            )
        if not isinstance(q.rule, str) or not q.rule:
            out.append(f"quotes[{k}].rule is empty")
    ids = [sp.id for sp in art.speakers]
    if len(ids) != len(set(ids)):
        out.append(f"duplicate speaker ids {ids}")
    for k, q in enumerate(art.quotes):
        if q.speaker is not None and q.speaker.id not in ids:
            out.append(f"quotes[{k}].speaker.id {q.speaker.id!r} not in Article.speakers")
    prev = -1
    for k, p in enumerate(art.paragraphs):
        if p.start < prev:
            out.append(f"paragraphs[{k}] overlaps or precedes the previous paragraph")
        prev = p.end
    for w in art.warnings:
        if not (isinstance(w, str) and len(w) > 4 and w[0] == "W" and w[1:4].isdigit()):
            out.append(f"warning without a code: {w!r}")
    if roundtrip and not out:
        try:
            back = from_dict(to_dict(art, include_text=True))
        except Exception as exc:  # pragma: no cover - reported as a problem
            out.append(f"to_dict/from_dict failed: {type(exc).__name__}: {exc}")
        else:
            if back != art:
                out.append("from_dict(to_dict(article)) != article")
    return out


def batch_problems(inputs: Sequence[Any], results: Sequence[Article | ErrorRecord]) -> list[str]:
    """Invariants of a batch: one result per input, in order, with the input's id."""
    out: list[str] = []
    if len(results) != len(inputs):
        return [f"{len(inputs)} inputs gave {len(results)} results"]
    for k, (item, res) in enumerate(zip(inputs, results, strict=True)):
        want_id, text = _id_and_text(item, k)
        if res.id != want_id:
            out.append(f"item {k}: result id {res.id!r}, expected {want_id!r}")
        if isinstance(res, ErrorRecord) and isinstance(text, str):
            out.append(f"item {k}: a str input gave an ErrorRecord {res.type}: {res.message}")
        if isinstance(res, Article) and not isinstance(text, str):
            out.append(f"item {k}: a {type(text).__name__} input gave an Article")
        out.extend(f"item {k}: {p}" for p in problems(res, text))
    return out


def _id_and_text(item: Any, k: int) -> tuple[str | None, Any]:
    if isinstance(item, dict):
        return (str(item["id"]) if item.get("id") is not None else str(k)), item.get("text")
    if isinstance(item, tuple) and len(item) == 2:
        return str(item[0]), item[1]
    return str(k), item


def run_one(extractor: Any, text: Any) -> Article | BaseException:
    """Call ``extractor(text)``: the Article, or the *typed* error raised.

    Any exception that is not a :class:`~quotecraft.QuotecraftError` propagates,
    so a test calling this fails on it.
    """
    try:
        return extractor(text)  # type: ignore[no-any-return]
    except QuotecraftError as exc:
        return exc


# -- a random messy document (for the benchmark and the fuzz target) ----------------------------


def _words(rng: random.Random, lo: int = 1, hi: int = 12) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(lo, hi)))


def _sentence(rng: random.Random) -> str:
    o, c = rng.choice(MARK_PAIRS)
    sp, cue, w = rng.choice(SPEAKERS), rng.choice(CUES), _words(rng, 2, 14)
    if rng.random() < 0.15:  # unbalanced: drop or double a mark
        o, c = rng.choice([(o, ""), ("", c), (o + o, c), (o, c + c), (c, o)])
    forms = (
        f"{o}{w.capitalize()},{c} {sp} {cue}.",
        f"{sp.capitalize()} {cue}: {o}{w.capitalize()}.{c}",
        f"{sp.capitalize()} {cue} that {w}.",
        f"According to {sp}, {w}.",
        f"{o}{w.capitalize()},{c} {sp} {cue}, {o}and {_words(rng)}.{c}",
        f"{sp.capitalize()} {cue} the plan was {o}{_words(rng, 1, 4)}{c} and {w}.",
        f"{o}{w.capitalize()}.{c} — {rng.choice(SPEAKERS)}",
        f"{o}{w.capitalize()}.{c}",
        f"{_words(rng).capitalize()}.",
        "".join(rng.choice(MARKS) for _ in range(rng.randint(1, 12))),
    )
    return rng.choice(forms)


def _inject(rng: random.Random, text: str, pool: Sequence[str], k: int) -> str:
    for _ in range(k):
        i = rng.randint(0, len(text))
        text = text[:i] + rng.choice(pool) + text[i:]
    return text


def random_document(rng: random.Random, *, max_paragraphs: int = 8) -> str:
    """One messy news-like document: quotes in every convention, reported speech,
    unbalanced and stray marks, apostrophes, and sometimes HTML, control and
    invisible characters, emoji, combining marks, CRLF or a foreign language.
    """
    roll = rng.random()
    if roll < 0.03:
        return rng.choice(["", " ", "\n\n\n", "\t \r\n", "\u200b\ufeff"])
    if roll < 0.06:
        return rng.choice(FOREIGN)
    if roll < 0.08:
        return "".join(rng.choice(MARKS) for _ in range(rng.randint(1, 300)))
    paras = []
    for _ in range(rng.randint(1, max_paragraphs)):
        paras.append(" ".join(_sentence(rng) for _ in range(rng.randint(1, 4))))
    sep = rng.choice(["\n\n", "\n", "\r\n\r\n", "\r\n", "\n \n", " "])
    text = sep.join(paras)
    if rng.random() < 0.25:
        text = _inject(rng, text, NASTY, rng.randint(1, 6))
    if rng.random() < 0.1:
        text = _inject(rng, text, ["'", "’", "‘", '"', "«", "»"], rng.randint(1, 5))
    if rng.random() < 0.15:
        inner = "".join(f"<p>{p}</p>" for p in paras)
        text = _inject(rng, f"<html><body>{inner}</body></html>", HTML_BITS, rng.randint(0, 6))
    return text


# -- Hypothesis strategies ----------------------------------------------------------------------


def documents(max_pieces: int = 40) -> Any:
    """A Hypothesis strategy for one short messy document (the shrinkable counterpart
    of :func:`random_document`)."""
    from hypothesis import strategies as st

    pair = st.sampled_from(MARK_PAIRS)
    words = st.lists(st.sampled_from(WORDS), min_size=1, max_size=8).map(" ".join)
    quoted = st.builds(lambda p, w: f"{p[0]}{w}{p[1]}", pair, words)
    attributed = st.builds(
        lambda p, w, sp, cue, form: form.format(o=p[0], c=p[1], w=w, sp=sp, cue=cue),
        pair,
        words,
        st.sampled_from(SPEAKERS),
        st.sampled_from(CUES),
        st.sampled_from(
            (
                "{o}{w},{c} {sp} {cue}.",
                "{sp} {cue}: {o}{w}.{c}",
                "{sp} {cue} that {w}.",
                "{o}{w},{c} {sp} {cue}, {o}{w}.{c}",
                "{sp} {cue} it was {o}{w}{c} and {w}.",
            )
        ),
    )
    piece = st.one_of(
        words,
        quoted,
        attributed,
        st.sampled_from(MARKS),
        st.sampled_from(SEPARATORS),
        st.sampled_from(HTML_BITS),
        st.sampled_from(NASTY),
        st.text(max_size=4),
    )
    return st.lists(piece, max_size=max_pieces).map("".join)


def batches(min_size: int = 1, max_size: int = 24) -> Any:
    """A Hypothesis strategy for a list of documents, run through ``pipe`` as one batch."""
    from hypothesis import strategies as st

    return st.lists(documents(), min_size=min_size, max_size=max_size)
