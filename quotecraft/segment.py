"""Stage 0: from raw input to article text, paragraphs and boilerplate.

Normalization here is *length-preserving*: every character is replaced by
exactly one character (control and invisible characters by spaces, a CR by a
space or a newline), so an offset into the normalized text is the same offset
into the caller's text and no offset map has to be consulted. Boilerplate is
blanked out (replaced by spaces) in the text that is parsed, so it can never
become part of a quote.

Example:
    >>> seg = segment("He left.\\n\\nSubscribe to our newsletter\\n")
    >>> [seg.text[s:e] for s, e in seg.paragraphs]
    ['He left.', 'Subscribe to our newsletter']
    >>> [seg.text[s:e] for s, e in seg.boilerplate]
    ['Subscribe to our newsletter']
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache
from typing import Any

from attrs import frozen

from . import errors
from .mark_table import restore_digraphs
from .marks import replace_digraphs
from .resources import data_regexes
from .wordlists import word_list

Offsets = tuple[int, int]

# Characters that would confuse the tokenizer or parser but carry no text:
# C0/C1 controls (not tab/newline), zero-width and direction marks, BOM, lone
# surrogates, soft hyphen, line/paragraph separators handled below.
_INVISIBLE = re.compile(
    "[\x00-\x08\x0e-\x1f\x7f-\x9f\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\ud800-\udfff]"
)
_NEWLINE_LIKE = str.maketrans(
    {"\x0b": "\n", "\x0c": "\n", "\u2028": "\n", "\u2029": "\n", "\x85": "\n"}
)
_SPACES = str.maketrans(
    {
        c: " "
        for c in "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\t"
    }
)
# The horizontal bar some newsrooms set as a dash ("Lee, 40 \u2015 a teacher \u2015 said"):
# the parser, which never saw it in training, reads it as a verb; as an em dash it is
# punctuation. Only what is parsed changes: records keep the text as written.
_DASHES = str.maketrans({"\u2015": "\u2014"})
_CR = re.compile(r"\r(\n?)")
# all tables in one regex pass: str.translate with a dict looks up every character (slow)
_REPLACEMENTS = {
    chr(k): str(v) for table in (_NEWLINE_LIKE, _SPACES, _DASHES) for k, v in table.items()
}
_REPLACEABLE = re.compile("[" + "".join(re.escape(c) for c in _REPLACEMENTS) + "]")

_HTML_SNIFF = re.compile(
    r"<\s*(?:!doctype\s+html|html|head|body|p|div|br|span|a\s|article|section|main|h[1-6]|ul|ol|li|"
    r"table|script|style|meta|title|blockquote|figure|em|strong|b|i)\b[^<>]{0,2000}>",
    re.IGNORECASE,
)
_HTML_CLOSE = re.compile(r"</\s*[a-zA-Z][a-zA-Z0-9]*\s*>|<br\s*/?>|<!doctype", re.IGNORECASE)


_WHITESPACE = re.compile(r"\s+")
_BLANK_LINE = re.compile(r"\n[ \t]*\n\s*")
_NEWLINES = re.compile(r"\n\s*")
_MAX_BOILERPLATE_LINE = 160


@frozen
class Segmentation:
    """The article text, the normalized text to parse, paragraphs and boilerplate."""

    text: str
    """The text every offset indexes (the input, or the text extracted from HTML)."""
    normalized: str
    """Same length as ``text``: what is parsed, boilerplate blanked out."""
    paragraphs: tuple[Offsets, ...]
    """``(start, end)`` of each paragraph, surrounding whitespace excluded."""
    boilerplate: tuple[Offsets, ...]
    """``(start, end)`` of each boilerplate line."""
    is_html: bool
    """True when the input was detected as HTML."""
    warnings: tuple[str, ...] = ()
    """Coded notes about what normalization did."""

    @property
    def parse_text(self) -> str:
        """:attr:`normalized` with two-character marks as written (``''``, ``` `` ```):
        the marks are paired on :attr:`normalized`, where each is one mark and a space,
        but the parser reads the pair as one quotation token, as it was trained to; the
        space would be a token of its own, inside the sentence."""
        return restore_digraphs(self.normalized, self.text)


def looks_like_html(text: str) -> bool:
    """Guess whether ``text`` is an HTML document or fragment.

    Example:
        >>> looks_like_html("<p>He said <b>no</b>.</p>"), looks_like_html("3 < 4 and 5 > 2")
        (True, False)
    """
    head = text[:20000]
    return bool(_HTML_SNIFF.search(head)) and bool(_HTML_CLOSE.search(head))


def html_to_text(html: str) -> str:
    """Extract readable text from HTML with a real parser (BeautifulSoup's ``html.parser``).

    Block elements become paragraphs separated by a blank line, ``<br>`` a line
    break; scripts, styles and other non-text elements are dropped. Broken
    markup is repaired by the parser, never by regular expressions. Markup the
    parser rejects outright (``<![`` sections it cannot name) is retried with
    those sections escaped, then, failing that, read as plain text. Nesting depth
    is unlimited: the tree is walked with an explicit stack, not by recursion.

    Example:
        >>> html_to_text("<p>One <b>two</b></p><script>x()</script><p>Three</p>")
        'One two\\n\\nThree'
    """
    from bs4.element import (
        Comment,
        Declaration,
        Doctype,
        NavigableString,
        ProcessingInstruction,
        Tag,
    )

    soup = _parse_html(html)
    parts: list[str] = []
    # (children still to visit, what to append after them)
    stack: list[tuple[Iterator[Any], str]] = [(iter(soup.children), "")]
    while stack:
        children, after = stack[-1]
        child = next(children, None)
        if child is None:
            stack.pop()
            parts.append(after)
            continue
        if isinstance(child, (Comment, Doctype, Declaration, ProcessingInstruction)):
            continue
        if isinstance(child, NavigableString):
            parts.append(_WHITESPACE.sub(" ", str(child)))
            continue
        if not isinstance(child, Tag):
            continue
        name = (child.name or "").lower()
        if name in word_list("html_skip_tags"):
            continue
        if name == "br":
            parts.append("\n")
            continue
        block = "\n\n" if name in word_list("html_block_tags") else ""
        parts.append(block)
        stack.append((iter(child.children), block))
    raw = "".join(parts)
    lines = [ln.strip() for ln in raw.split("\n")]
    text = "\n".join(lines)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip()


def _parse_html(html: str) -> Any:
    """BeautifulSoup's ``html.parser`` tree of ``html``, whatever the markup.

    ``html.parser`` rejects some broken declarations (``<![x``, ``<![<p>``) with
    ``ParserRejectedMarkup``; those are escaped and the parse retried, and as a
    last resort the whole input is escaped, so it comes back as its own text.
    """
    import warnings

    from bs4 import BeautifulSoup, MarkupResemblesLocatorWarning

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", MarkupResemblesLocatorWarning)
        for attempt in (html, html.replace("<![", "&lt;!["), _html_escape(html)):
            try:
                return BeautifulSoup(attempt, "html.parser")
            except Exception:  # bs4.ParserRejectedMarkup, or the parser's own assertion
                continue
    return BeautifulSoup("", "html.parser")  # pragma: no cover - escaped text always parses


def _html_escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def normalize(text: str) -> tuple[str, int]:
    """Length-preserving clean-up of ``text`` for parsing.

    Returns the normalized text (same length as ``text``) and how many
    control or invisible characters were blanked.

    Example:
        >>> normalize("a\\u200bb\\r\\nc")
        ('a b \\nc', 1)
    """
    out, n_invisible = _INVISIBLE.subn(" ", text)
    out = _REPLACEABLE.sub(lambda m: _REPLACEMENTS[m.group()], out)
    out = _CR.sub(lambda m: " \n" if m.group(1) else "\n", out)
    out = replace_digraphs(out)  # two apostrophes as a double quotation mark
    assert len(out) == len(text)
    return out, n_invisible


def split_paragraphs(text: str) -> list[Offsets]:
    """Paragraph offsets: blocks separated by blank lines, or lines when there are none.

    Example:
        >>> split_paragraphs("One.\\nTwo.")
        [(0, 4), (5, 9)]
        >>> split_paragraphs("One\\nstill one.\\n\\nTwo.")
        [(0, 14), (16, 20)]
    """
    sep = _BLANK_LINE if _BLANK_LINE.search(text) else _NEWLINES
    out: list[Offsets] = []
    pos = 0
    for m in sep.finditer(text):
        _append_stripped(text, pos, m.start(), out)
        pos = m.end()
    _append_stripped(text, pos, len(text), out)
    return out


def _append_stripped(text: str, start: int, end: int, out: list[Offsets]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append((start, end))


@cache
def _boilerplate_patterns() -> tuple[re.Pattern[str], ...]:
    return data_regexes("boilerplate.txt")


def find_boilerplate(
    text: str, paragraphs: Iterable[Offsets], patterns: Iterable[re.Pattern[str]] | None = None
) -> list[Offsets]:
    """Lines inside ``paragraphs`` that match a boilerplate pattern.

    Example:
        >>> t = "Read more: the full story"
        >>> find_boilerplate(t, [(0, len(t))])
        [(0, 25)]
    """
    pats = tuple(patterns) if patterns is not None else _boilerplate_patterns()
    out: list[Offsets] = []
    for p_start, p_end in paragraphs:
        line_start = p_start
        while line_start < p_end:
            nl = text.find("\n", line_start, p_end)
            line_end = p_end if nl < 0 else nl
            s, e = line_start, line_end
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            line = text[s:e]
            if 0 < len(line) <= _MAX_BOILERPLATE_LINE and any(p.fullmatch(line) for p in pats):
                out.append((s, e))
            line_start = line_end + 1
    return out


def segment(
    raw: str,
    *,
    html: bool | None = None,
    boilerplate_patterns: Iterable[re.Pattern[str]] | None = None,
) -> Segmentation:
    """Run stage 0 on one document.

    Args:
        raw: the caller's text or HTML.
        html: force HTML handling on or off; by default it is detected.
        boilerplate_patterns: compiled patterns replacing the packaged list.

    Raises:
        InputTypeError: ``raw`` is not a ``str``.
    """
    if not isinstance(raw, str):
        raise errors.InputTypeError.for_value(raw)
    is_html = looks_like_html(raw) if html is None else html
    text = html_to_text(raw) if is_html else raw
    normalized, n_invisible = normalize(text)
    warnings: list[str] = []
    if n_invisible:
        warnings.append(errors.W_CONTROL.format(n=n_invisible))
    paragraphs = split_paragraphs(normalized)
    boiler = find_boilerplate(normalized, paragraphs, boilerplate_patterns)
    if boiler:
        chars = list(normalized)
        for s, e in boiler:
            chars[s:e] = " " * (e - s)
        normalized = "".join(chars)
    return Segmentation(
        text=text,
        normalized=normalized,
        paragraphs=tuple(paragraphs),
        boilerplate=tuple(boiler),
        is_html=is_html,
        warnings=tuple(warnings),
    )
