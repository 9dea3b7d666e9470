"""Stage 0 (segmentation): normalization, paragraphs, HTML and boilerplate. No model needed."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quotecraft import errors
from quotecraft.resources import data_regexes
from quotecraft.segment import (
    find_boilerplate,
    html_to_text,
    looks_like_html,
    normalize,
    segment,
    split_paragraphs,
)

# -- normalization keeps length (so offsets need no map) ----------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("a\u200bb", "a b"),  # zero-width space
        ("a\u00a0b", "a b"),  # no-break space
        ("a\u202fb", "a b"),  # narrow no-break space (French « ... »)
        ("a\tb", "a b"),
        ("a\r\nb", "a \nb"),  # CRLF: same length, one newline
        ("a\rb", "a\nb"),  # old Mac line end
        ("a\u2028b", "a\nb"),  # line separator
        ("a\x0cb", "a\nb"),  # form feed
        ("\ufeffHi", " Hi"),  # byte-order mark
        ("co\u00adop", "co op"),  # soft hyphen
        ("“Curly” ‘marks’ «stay»", "“Curly” ‘marks’ «stay»"),  # marks are never uncurled
    ],
)
def test_normalize_is_length_preserving(raw: str, expected: str) -> None:
    out, _ = normalize(raw)
    assert out == expected
    assert len(out) == len(raw)


def test_normalize_counts_invisible_characters() -> None:
    _, n = normalize("a\u200bb\u200ec\x00d")
    assert n == 3


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=80))
def test_normalize_any_text_keeps_length_and_visible_characters(raw: str) -> None:
    out, _ = normalize(raw)
    assert len(out) == len(raw)
    for a, b in zip(raw, out, strict=True):
        if a.isalnum():
            assert a == b  # letters and digits are never touched, so offsets line up


def test_segment_warns_about_invisible_characters() -> None:
    seg = segment("Fine\u200b text.")
    assert any(w.startswith("W005") for w in seg.warnings)
    assert seg.text == "Fine\u200b text."  # the text offsets index is the input itself
    assert seg.normalized == "Fine  text."


def test_segment_rejects_bytes() -> None:
    with pytest.raises(errors.InputTypeError, match="decode"):
        segment(b"He said no.")  # type: ignore[arg-type]


# -- paragraphs ---------------------------------------------------------------------------------


def test_paragraphs_split_at_blank_lines() -> None:
    text = "  First line\nstill first.\n\n\nSecond.  \n \n Third."
    paras = split_paragraphs(text)
    assert [text[s:e] for s, e in paras] == ["First line\nstill first.", "Second.", "Third."]


def test_paragraphs_are_lines_when_there_is_no_blank_line() -> None:
    text = "One.\nTwo.\r\nThree."
    norm, _ = normalize(text)
    assert [text[s:e] for s, e in split_paragraphs(norm)] == ["One.", "Two.", "Three."]


def test_paragraphs_of_empty_and_blank_text() -> None:
    assert split_paragraphs("") == []
    assert split_paragraphs(" \n\n \n") == []


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["word", " ", "\n", "\n\n", ".", "“", "\t"]), max_size=40))
def test_paragraphs_are_ordered_stripped_and_disjoint(parts: list[str]) -> None:
    text = "".join(parts)
    paras = split_paragraphs(text)
    prev_end = 0
    for s, e in paras:
        assert prev_end <= s < e <= len(text)
        assert text[s:e] == text[s:e].strip()
        prev_end = e
    # nothing but whitespace is left out
    covered = "".join(text[s:e] for s, e in paras)
    assert re.sub(r"\s", "", covered) == re.sub(r"\s", "", text)


# -- HTML ---------------------------------------------------------------------------------------

PAGE = """<!doctype html>
<html><head><title>Harbor News</title>
<style>p { color: red }</style>
<script>var s = "<p>not text</p>";</script></head>
<body>
<article>
<h1>Bridge &amp; tunnel</h1>
<p>&ldquo;We will rebuild,&rdquo; said <b>Mayor Ann Lee</b>.</p>
<!-- a comment with "quotes" -->
<p>She added:<br>&quot;Soon.&quot;</p>
<p>Subscribe to our newsletter</p>
</article>
</body></html>"""


def test_html_is_detected() -> None:
    assert looks_like_html(PAGE)
    assert looks_like_html("<p>He said <b>no</b>.</p>")
    assert looks_like_html("<div>One</div>")


@pytest.mark.parametrize(
    "text",
    [
        "3 < 4 and 5 > 2",
        "Use the <p> element for paragraphs.",  # a tag named in prose, never closed
        '"We will rebuild," said Mayor Ann Lee.',
        "He wrote <3 to her.",
    ],
)
def test_plain_text_is_not_html(text: str) -> None:
    assert not looks_like_html(text)
    assert segment(text).text == text


def test_html_text_drops_scripts_styles_comments_and_decodes_entities() -> None:
    text = html_to_text(PAGE)
    assert "not text" not in text and "color" not in text and "comment" not in text
    assert "Bridge & tunnel" in text
    assert "“We will rebuild,” said Mayor Ann Lee." in text
    assert 'She added:\n"Soon."' in text  # <br> is a line break inside the paragraph


def test_html_segmentation_offsets_index_the_extracted_text() -> None:
    seg = segment(PAGE)
    assert seg.is_html
    assert "<" not in seg.text and "&" not in seg.text.replace("Bridge & tunnel", "")
    assert len(seg.normalized) == len(seg.text)
    paras = [seg.text[s:e] for s, e in seg.paragraphs]
    assert paras == [
        "Bridge & tunnel",
        "“We will rebuild,” said Mayor Ann Lee.",
        'She added:\n"Soon."',
        "Subscribe to our newsletter",
    ]
    assert [seg.text[s:e] for s, e in seg.boilerplate] == ["Subscribe to our newsletter"]


def test_html_detection_can_be_forced() -> None:
    text = "<p>kept as is</p>"
    assert segment(text, html=False).text == text
    assert segment("plain words", html=True).text == "plain words"


def test_broken_html_is_repaired_by_the_parser() -> None:
    seg = segment("<div><p>One <b>two</p><p>Three</div>")
    assert seg.is_html
    assert [seg.text[s:e] for s, e in seg.paragraphs] == ["One two", "Three"]


# -- boilerplate --------------------------------------------------------------------------------

BOILERPLATE_LINES = [
    "Subscribe to our newsletter",
    "Sign up for our daily newsletter",
    "Newsletter signup",
    "Please wait...",
    "Thank you for sign up!",
    "Share this article",
    "Share on Facebook",
    "Follow us on Twitter @harbornews",
    "Advertisement",
    "We use cookies to improve your experience.",
    "Accept all cookies",
    "Read more: Port Alder's budget explained",
    "Read the rest here",
    "Continue reading",
    "By Jane Roe",
    "BY JANE ROE and TOM LEE, Harbor News",
    "Photo: Jane Roe/Reuters",
    "Photo by Jane Roe",
    "Getty Images",
    "Related: Bridge vote",
    "Copyright 2024 Harbor News",
    "Updated: March 3, 2024",
    "Last updated 4 June 2021 at 10:14",
    "Posted on Tuesday, March 3, 2015 at 9:00 am",
    "PUBLISHED: 08:15 EDT, 3 May 2016 | UPDATED: 10:02 EDT, 3 May 2016",
    "Published 2 hours ago",
]

ARTICLE_LINES = [
    "He read more books than anyone in the city.",
    "By the harbor, the mayor spoke to the crowd.",
    "Share prices fell by 4 percent on Monday.",
    "Please wait for the verdict, he said.",
    "Follow the money, she said.",
    '"Subscribe to the plan or leave it," said Ann Lee.',
    "The newsletter she founded in 1990 closed last year.",
    # a time stamp's words opening an article's sentence: the line is the sentence's
    "Posted on social media, the mayor said the road was shut.",
    "Updated at 5 p.m.: Officials said the fire was contained.",
    "Published in 2019, the report said the river was dying.",
]


@pytest.mark.parametrize("line", BOILERPLATE_LINES)
def test_boilerplate_lines_are_found(line: str) -> None:
    text = f"The council voted on Tuesday.\n\n{line}\n\nThe vote was close."
    seg = segment(text)
    assert [seg.text[s:e] for s, e in seg.boilerplate] == [line]
    # blanked in what is parsed, so it can never be quoted
    s, e = seg.boilerplate[0]
    assert seg.normalized[s:e].strip() == ""
    assert seg.normalized[:s] == text[:s] and seg.normalized[e:] == text[e:]


@pytest.mark.parametrize("line", ARTICLE_LINES)
def test_article_lines_are_not_boilerplate(line: str) -> None:
    assert segment(line).boilerplate == ()


def test_boilerplate_line_inside_a_paragraph() -> None:
    text = "The council voted.\nAdvertisement\nThe vote was close."
    seg = segment(text)
    assert [text[s:e] for s, e in seg.boilerplate] == ["Advertisement"]


def test_long_lines_are_never_boilerplate() -> None:
    line = "Read more " + "about the bridge and its history " * 6
    assert len(line) > 160
    assert segment(line).boilerplate == ()


def test_boilerplate_patterns_come_from_the_data_file() -> None:
    """Every non-comment line of data/boilerplate.txt is a compiled pattern, used by default."""
    from importlib.resources import files

    lines = [
        ln
        for ln in files("quotecraft")
        .joinpath("data/boilerplate.txt")
        .read_text("utf-8")
        .splitlines()
        if ln.strip() and not ln.startswith("#")
    ]
    pats = data_regexes("boilerplate.txt")
    assert len(pats) == len(lines) > 10
    assert all(isinstance(p, re.Pattern) and p.flags & re.IGNORECASE for p in pats)


def test_boilerplate_patterns_can_be_replaced() -> None:
    text = "Body text.\n\nSubscribe to our newsletter\n\nSponsored by Acme"
    custom = [re.compile(r"sponsored by .*", re.IGNORECASE)]
    seg = segment(text, boilerplate_patterns=custom)
    assert [text[s:e] for s, e in seg.boilerplate] == ["Sponsored by Acme"]
    assert find_boilerplate(text, split_paragraphs(text), custom) == list(seg.boilerplate)


def test_segmentation_of_the_seed_style_newsletter_tail() -> None:
    tail = "Subscribe to our newsletter\nNewsletter signup\nPlease wait...\nThank you for sign up!"
    text = "The minister spoke on Monday.\n" + tail
    seg = segment(text)
    assert [text[s:e] for s, e in seg.boilerplate] == tail.split("\n")
