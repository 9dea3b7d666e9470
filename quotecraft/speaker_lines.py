"""The lines of a document and what they say about its voice.

Plain-text evidence, before any entity is looked up: a byline (``By Ann Lee``), a
letter's signature after a closing (``Love,`` / ``Jo``), an interviewer's question, a
transcript of questions to *you* answered line by line, a story told in dialogue.
:class:`~quotecraft.speaker_voice.VoicedEntityTable` turns what these find into the
person who says *I*.

Example:
    >>> text = "Dear Jo,\\nAll is well here.\\nLove,\\nAnn"
    >>> s, e = signature(text_lines(text))
    >>> text[s:e]
    'Ann'
"""

from __future__ import annotations

import re
from itertools import pairwise

Line = tuple[int, int, str]
"""A non-blank line: (start, end, text with its leading and trailing spaces removed)."""

_BYLINE = re.compile(r"^\s*(?:by|written by)\s+(.{2,60}?)\s*$", re.IGNORECASE)
_SECOND_PERSON = re.compile(r"\b(?:you|your|yours|yourself)\b", re.IGNORECASE)
_QA_PAIRS = 2
"""How many questions to *you*, each answered on the next line, make a text an interview."""
OPENING_LINES = 6
"""How many lines before the first question an interview's heading and introduction span."""
_CLOSING = re.compile(
    r"^\s*(?:(?:with\s+)?(?:love|best|warm|kind)\b.*|(?:yours|sincerely|regards|cheers|"
    r"faithfully|respectfully|cordially)\b.*)$",
    re.IGNORECASE,
)
"""A closing that may carry the signer's name after a comma (``Sincerely, Jo Lee``)."""
QUOTE_OPENERS = "\"“‘'«"
_SENTENCE_END = re.compile(r"[.!?](?=\s|$)")
_QUESTION_SENTENCES = 3
_VALEDICTION = re.compile(
    r"^\s*(?:(?:with\s+)?(?:love|best|warm|kind)\b.*|(?:yours|sincerely|regards|cheers|"
    r"faithfully|respectfully|cordially|stay in touch)\b.*|.*,)\s*$",
    re.IGNORECASE,
)


def is_signed_name(text: str) -> bool:
    """One to four capitalized words, perhaps in brackets: a name under a letter."""
    words = text.strip().strip("[]() ").split()
    return 1 <= len(words) <= 4 and all(w[:1].isupper() for w in words)


def sentence_count(line: str) -> int:
    """How many sentence ends (``.``, ``!``, ``?`` before a space or the end) ``line`` has."""
    return len(_SENTENCE_END.findall(line))


def is_question(line: str) -> bool:
    """An interviewer's turn: a line of at most three sentences that ends with a question.

    A long answer may end with a question of its own (``... is there any reason why it
    should exist?``); it stays an answer.
    """
    return line.endswith("?") and sentence_count(line) <= _QUESTION_SENTENCES


def questions_and_answers(lines: list[Line]) -> bool:
    """A transcript of an interview without the word: questions to *you*, not in
    quotation marks, each answered by the next line, at least ``_QA_PAIRS`` times."""
    pairs = 0
    for (_, _, q), (_, _, a) in pairwise(lines):
        if (
            is_question(q)
            and q[:1] not in QUOTE_OPENERS
            and _SECOND_PERSON.search(q)
            and not is_question(a)
            and a[:1] not in QUOTE_OPENERS
        ):
            pairs += 1
    return pairs >= _QA_PAIRS


def opening_lines(lines: list[Line]) -> list[Line]:
    """The first lines before the first question (a heading, a date, an introduction)."""
    out = []
    for line in lines[:OPENING_LINES]:
        if is_question(line[2]):
            break
        out.append(line)
    return out


def is_dialogue(lines: list[Line]) -> bool:
    """A story in dialogue: at least 4 lines, and a quarter of them, open with a quotation mark."""
    opening = sum(1 for _, _, line in lines if line[:1] in QUOTE_OPENERS)
    return opening >= 4 and opening * 4 >= len(lines)


def text_lines(text: str) -> list[Line]:
    """The non-blank lines of a text as (start, end, text), leading spaces skipped."""
    out = []
    pos = 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            start = pos + raw.index(stripped[0])
            out.append((start, start + len(stripped), stripped))
        pos += len(raw) + 1
    return out


def byline(lines: list[Line]) -> tuple[int, int] | None:
    """``By Ann Lee`` on one of the first lines."""
    for s, _, line in lines[:6]:
        m = _BYLINE.match(line)
        if m and len(m.group(1).split()) <= 5 and m.group(1)[:1].isupper():
            name = m.group(1).split(",")[0].rstrip(" .")
            return s + m.start(1), s + m.start(1) + len(name)
    return None


def signature(lines: list[Line]) -> tuple[int, int] | None:
    """A letter's signature: a short name after a closing (``Love,``, ``Best wishes,``).

    The name has its own line after the closing (which may end a longer line:
    ``Please write soon. Love,``) or follows it on one line (``Sincerely, Jo Lee``,
    ``Respectfully, [Jo Lee]``); a line or two of affiliation may follow, and a place or
    role after a comma on the name's line is no part of it (``Jo Lee, Elmstead``).
    """
    tail = lines[-5:]
    for k in range(len(tail)):  # the first signed line: affiliations may follow it
        s, _, line = tail[k]
        closing, sep, rest = line.partition(",")
        if sep and _CLOSING.match(closing) and is_signed_name(rest):
            body = rest.strip().strip("[]() ")
            lead = line.index(body, len(closing))
            return s + lead, s + lead + len(body)
        if k == 0 or not is_signed_name(line):
            continue
        pieces = [p for p in _SENTENCE_END.split(tail[k - 1][2]) if p.strip()]
        last = pieces[-1] if pieces else ""  # "Please write soon. Love,"
        if _VALEDICTION.match(last) and len(last.split()) <= 5:
            body = line.rsplit("]", 1)[-1].strip() or line.strip("[]() ")  # "[Signed] Jo Lee"
            body = body.split(",")[0].strip()  # "Jo Lee, Elmstead": the name, not the place
            lead = line.index(body)
            return s + lead, s + lead + len(body)
    return None
