"""quotecraft.render: the HTML page of one article, its structure, and a real browser drawing it.

The structure tests parse the page with the standard library's HTML parser:
every element closes in order, the article's text comes back exactly (the
speaker badges aside), every quotation has its anchor and a link to its
speaker's row. The browser test renders the bundled example in Debian's
chromium (headless) and checks the screenshot: a valid PNG, not blank, with
the highlight colour of each quote kind on screen.
"""

from __future__ import annotations

import shutil
import struct
import subprocess
import zlib
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import quotecraft
from quotecraft.cli import main
from quotecraft.records import Article, Cue, Quote, Speaker, TextSpan
from quotecraft.render import KIND_COLORS

VOID = {"meta", "br", "img", "link", "hr", "input"}


class Page(HTMLParser):
    """Parses a rendered page, checking that every element is closed in order."""

    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.ids: Counter[str] = Counter()
        self.hrefs: list[str] = []
        self.tags: Counter[str] = Counter()
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.marks: list[tuple[str, dict[str, str | None]]] = []
        """The elements inside <article> (the marked text)."""
        self.text: list[str] = []
        """Text inside <article>, without the speaker badges."""
        self._in_article = False
        self._in_badge = False
        self.feed(page)
        self.close()
        if self.stack:
            self.errors.append(f"unclosed: {self.stack}")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        self.tags[tag] += 1
        self.elements.append((tag, a))
        if self._in_article:
            self.marks.append((tag, a))
        if a.get("id"):
            self.ids[a["id"] or ""] += 1
        if tag == "a" and a.get("href"):
            self.hrefs.append(a["href"] or "")
        if tag == "article":
            self._in_article = True
        if tag == "a" and "who" in (a.get("class") or "").split():
            self._in_badge = True
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
            return
        self.stack.pop()
        if tag == "article":
            self._in_article = False
        if tag == "a":
            self._in_badge = False

    def handle_data(self, data: str) -> None:
        if self._in_article and not self._in_badge:
            self.text.append(data)

    def with_class(self, cls: str) -> list[dict[str, str | None]]:
        """The elements of the marked text with class ``cls``."""
        return [a for _, a in self.marks if cls in (a.get("class") or "").split()]


def span(text: str, sub: str, nth: int = 0) -> TextSpan:
    start = -1
    for _ in range(nth + 1):
        start = text.index(sub, start + 1)
    return TextSpan.of(text, start, start + len(sub))


def cue(text: str, sub: str, lemma: str, negated: bool = False) -> Cue:
    s = span(text, sub)
    return Cue(s.start, s.end, s.text, lemma, negated)


TEXT = (
    'Headline <script>alert("x")</script> & more\n\n'
    '"We will <b>not</b> pay," Mayor Ann Lee said. "Not now, not ever."\n\n'
    "Officials said the fund was empty, according to Bob Stone's office.\n\n"
    "Share this article"
)


def hand_article() -> Article:
    """Overlapping marks on purpose: a split quote holding its cue and speaker mention."""
    t = TEXT
    lee = Speaker("S1", "Ann Lee", "Mayor", "Harbor City", "person", span(t, "Mayor Ann Lee"))
    officials = Speaker("S2", None, None, None, "group", span(t, "Officials"))
    first = span(t, "We will <b>not</b> pay,")
    last = span(t, "Not now, not ever.")
    split = Quote(
        "direct",
        TextSpan.of(t, first.start, last.end),
        fragments=(first, last),
        cue=cue(t, "said", "say"),
        speaker=lee,
        rule="direct.split.v1",
    )
    reported = Quote(
        "indirect",
        span(t, "the fund was empty"),
        cue=Cue(*_nth_said(t), "say"),
        speaker=officials,
    )
    # a mixed quote whose cue and speaker mention lie inside another quote's content
    mixed = Quote(
        "mixed",
        span(t, "office"),
        fragments=(span(t, "office"),),
        cue=cue(t, "according to", "according to", negated=True),
        speaker=Speaker("S3", "Bob Stone", None, None, "person", span(t, "Bob Stone")),
    )
    orphan = Quote("indirect", span(t, "Headline <script>"))
    return Article(
        t,
        id="doc<1>",
        paragraphs=(span(t, 'Headline <script>alert("x")</script> & more'),),
        boilerplate=(span(t, "Share this article"),),
        quotes=(orphan, split, reported, mixed),
        speakers=(lee, officials),
        warnings=("W001 <odd> mark",),
    )


def _nth_said(t: str) -> tuple[int, int, str]:
    s = span(t, "said", 1)
    return s.start, s.end, s.text


def test_page_is_well_formed_and_keeps_the_text() -> None:
    art = hand_article()
    page = quotecraft.render(art)
    parsed = Page(page)
    assert parsed.errors == []
    assert "".join(parsed.text) == art.text
    assert page.startswith("<!DOCTYPE html>")


def test_article_text_is_escaped() -> None:
    page = quotecraft.render(hand_article())
    parsed = Page(page)
    assert parsed.tags["script"] == 0
    assert {t for t, _ in parsed.marks} <= {"span", "a"}  # <b> in the text is text, not markup
    assert "<script" not in page.lower()
    assert 'alert("x")&lt;/script&gt; &amp; more' in page  # in the text
    assert "<title>doc&lt;1&gt;</title>" in page
    untitled = quotecraft.render(attrs.evolve(hand_article(), id=None))
    assert (
        "<title>Headline &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more<" in untitled
    )
    assert "doc&lt;1&gt;" in page and "<1>" not in page
    assert "W001 &lt;odd&gt; mark" in page


def test_page_is_self_contained() -> None:
    page = quotecraft.render(hand_article())
    parsed = Page(page)
    assert parsed.tags["link"] == 0 and parsed.tags["img"] == 0 and parsed.tags["script"] == 0
    assert not [a for _, a in parsed.elements if "src" in a]
    assert all(h.startswith("#") for h in parsed.hrefs)
    assert "url(" not in page and "@import" not in page and "http" not in page.lower()


def test_every_quote_has_an_anchor_and_a_link_to_its_speaker() -> None:
    art = hand_article()
    parsed = Page(quotecraft.render(art))
    for n in range(1, len(art.quotes) + 1):
        assert parsed.ids[f"q{n}"] == 1
    assert [i for i, c in parsed.ids.items() if c > 1] == []
    # every in-page link resolves to an element
    assert {h[1:] for h in parsed.hrefs} <= set(parsed.ids)
    badges = parsed.with_class("who")
    assert len(badges) == len(art.quotes)
    by_speaker = {b["href"] for b in badges}
    # three speakers (S3 only in a quote), one quote without a speaker linking to itself
    assert by_speaker == {"#speaker-1", "#speaker-2", "#speaker-3", "#q1"}
    rows = [a for t, a in parsed.elements if t == "tr" and a.get("id")]
    assert [r["id"] for r in rows] == ["speaker-1", "speaker-2", "speaker-3"]


def test_quote_marks_by_kind_cues_and_fragments() -> None:
    art = hand_article()
    parsed = Page(quotecraft.render(art))
    kinds = {k: len(parsed.with_class(f"q-{k}")) for k in ("direct", "indirect", "mixed")}
    # each quote is one element unless a mark crossing it splits it: at least one per quote
    assert kinds["direct"] >= 1 and kinds["indirect"] >= 2 and kinds["mixed"] >= 1
    assert len({a["id"] for a in parsed.with_class("q") if a.get("id")}) == 4
    assert len(parsed.with_class("cue")) >= 3
    assert len(parsed.with_class("neg")) == 1
    assert len(parsed.with_class("frag")) == 3
    assert len(parsed.with_class("boilerplate")) == 1
    mentions = parsed.with_class("mention")
    assert {m.get("data-speaker") for m in mentions} == {"speaker-1", "speaker-2", "speaker-3"}


def test_speaker_table_has_titles_organizations_and_counts() -> None:
    page = quotecraft.render(hand_article())
    row = page[page.index('<tr id="speaker-1">') :]
    row = row[: row.index("</tr>")]
    assert "<b>Ann Lee</b>" in row and "Mayor" in row and "Harbor City" in row
    cells = [c.split(">", 1)[1] for c in row.split("</td>")[:-1]]
    assert cells[4:8] == ["1", "0", "0", "1"]  # direct, indirect, mixed, total
    assert 'href="#q2"' in row
    assert "unknown speaker" in page


def test_no_quotes() -> None:
    art = Article("Nothing <here>.", paragraphs=(TextSpan(0, 15, "Nothing <here>."),))
    page = quotecraft.render(art, title="Empty & <quiet>")
    parsed = Page(page)
    assert parsed.errors == []
    assert "".join(parsed.text) == art.text
    assert "<title>Empty &amp; &lt;quiet&gt;</title>" in page
    assert "No quotations found." in page


@st.composite
def articles(draw: st.DrawFn) -> Article:
    text = draw(st.text(alphabet="ab <>&\"'\n é", max_size=60))

    def any_span() -> TextSpan:
        a = draw(st.integers(0, len(text)))
        b = draw(st.integers(a, len(text)))
        return TextSpan.of(text, a, b)

    speakers = [
        Speaker(f"S{i}", draw(st.sampled_from(["Ann <Lee>", None, "&"])), mention=any_span())
        for i in range(draw(st.integers(0, 3)))
    ]
    quotes = []
    for _ in range(draw(st.integers(0, 5))):
        c = any_span()
        quotes.append(
            Quote(
                draw(st.sampled_from(["direct", "indirect", "mixed"])),
                any_span(),
                fragments=[any_span() for _ in range(draw(st.integers(0, 2)))],
                cue=draw(st.none() | st.just(Cue(c.start, c.end, c.text, "say"))),
                speaker=draw(st.none() | st.sampled_from(speakers)) if speakers else None,
                medium=draw(st.none() | st.just(any_span())),
            )
        )
    return Article(
        text,
        quotes=quotes,
        speakers=speakers,
        boilerplate=[any_span() for _ in range(draw(st.integers(0, 2)))],
    )


@settings(max_examples=150, deadline=None)
@given(articles())
def test_any_marks_nest_properly(art: Article) -> None:
    """Marks overlapping, crossing, nested, empty: the page stays well-formed and exact."""
    page = quotecraft.render(art)
    parsed = Page(page)
    assert parsed.errors == []
    assert "".join(parsed.text) == art.text
    for n, q in enumerate(art.quotes, 1):
        assert parsed.ids[f"q{n}"] == (1 if q.content.end > q.content.start else 0)
    assert {h[1:] for h in parsed.hrefs} <= set(parsed.ids) | {
        f"q{n}" for n in range(1, len(art.quotes) + 1)
    }


# -- with the model ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def example(extractor: object) -> Article:
    return quotecraft.load()(quotecraft.examples.article(), id="example")


@pytest.mark.model
def test_example_article(example: Article) -> None:
    assert len(example.quotes) >= 5
    page = quotecraft.render(example)
    parsed = Page(page)
    assert parsed.errors == []
    assert "".join(parsed.text) == example.text
    for n, q in enumerate(example.quotes, 1):
        assert parsed.ids[f"q{n}"] == 1
        # the quote's words are on the page, in its highlight
        first = next(a for a in parsed.with_class("q") if a.get("id") == f"q{n}")
        assert f"q-{q.kind.value}" in (first["class"] or "")
    for n, sp in enumerate(example.speakers, 1):
        assert parsed.ids[f"speaker-{n}"] == 1
        if sp.name:
            assert sp.name.replace("'", "&#x27;") in page


@pytest.mark.model
def test_cli_render(tmp_path: Path, example: Article) -> None:
    src = tmp_path / "article.txt"
    src.write_text(example.text, encoding="utf-8")
    out = tmp_path / "page.html"
    assert main(["render", str(src), "-o", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    assert Page(page).ids["q1"] == 1
    # from extract output with the text: same page, no model call needed for rendering
    jsonl = tmp_path / "out.jsonl"
    assert main(["extract", "--with-text", str(src), "-o", str(jsonl)]) == 0
    out2 = tmp_path / "page2.html"
    assert main(["render", str(jsonl), "-o", str(out2)]) == 0
    assert out2.read_text(encoding="utf-8") == page


def test_cli_render_needs_the_text(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    jsonl = tmp_path / "out.jsonl"
    jsonl.write_text(
        '{"id": "a", "quotes": [], "speakers": [], "paragraphs": [], "boilerplate": [], '
        '"warnings": []}\n'
    )
    assert main(["render", str(jsonl)]) == 1
    assert "--with-text" in capsys.readouterr().err
    assert main(["render", str(jsonl), "--id", "nope"]) == 1
    assert "no document with id 'nope'" in capsys.readouterr().err


# -- in a real browser ---------------------------------------------------------------------------


def decode_png(data: bytes) -> tuple[int, int, list[bytes], int]:
    """Width, height, unfiltered rows and bytes per pixel of an 8-bit RGB(A) PNG."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat = 8, []
    width = height = bpp = 0
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind, body = data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + length]
        (crc,) = struct.unpack(">I", data[pos + 8 + length : pos + 12 + length])
        assert zlib.crc32(kind + body) == crc, f"bad CRC in {kind!r}"
        pos += 12 + length
        if kind == b"IHDR":
            width, height, depth, ctype, _, _, interlace = struct.unpack(">IIBBBBB", body)
            assert depth == 8 and ctype in (2, 6) and interlace == 0, "unexpected PNG format"
            bpp = 3 if ctype == 2 else 4
        elif kind == b"IDAT":
            idat.append(body)
        elif kind == b"IEND":
            break
    raw = zlib.decompress(b"".join(idat))
    stride = width * bpp
    assert len(raw) == height * (stride + 1), "truncated image data"
    rows: list[bytes] = []
    prev = bytearray(stride)
    for y in range(height):
        i = y * (stride + 1)
        f, cur = raw[i], bytearray(raw[i + 1 : i + 1 + stride])
        if f == 1:
            for x in range(bpp, stride):
                cur[x] = (cur[x] + cur[x - bpp]) & 255
        elif f == 2:
            cur = bytearray((a + b) & 255 for a, b in zip(cur, prev, strict=True))
        elif f == 3:
            for x in range(stride):
                left = cur[x - bpp] if x >= bpp else 0
                cur[x] = (cur[x] + ((left + prev[x]) >> 1)) & 255
        elif f == 4:
            for x in range(stride):
                a = cur[x - bpp] if x >= bpp else 0
                b, c = prev[x], (prev[x - bpp] if x >= bpp else 0)
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                cur[x] = (cur[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        else:
            assert f == 0, f"bad filter {f}"
        rows.append(bytes(cur))
        prev = cur
    return width, height, rows, bpp


def test_png_decoder() -> None:
    # a 2x2 RGB image, one row Sub-filtered and one Up-filtered
    raw = bytes([1, 10, 20, 30, 5, 5, 5, 2, 1, 1, 1, 0, 0, 0])
    ihdr = struct.pack(">IIBBBBB", 2, 2, 8, 2, 0, 0, 0)

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
        )

    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(raw))
    png += chunk(b"IEND", b"")
    w, h, rows, bpp = decode_png(png)
    assert (w, h, bpp) == (2, 2, 3)
    assert rows == [bytes([10, 20, 30, 15, 25, 35]), bytes([11, 21, 31, 15, 25, 35])]
    with pytest.raises(AssertionError):
        decode_png(png[:-5] + b"\x00" * 5)


def _chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.browser
@pytest.mark.model
def test_page_renders_in_chromium(tmp_path: Path, example: Article) -> None:
    browser = _chromium()
    if browser is None:
        pytest.skip("chromium not installed (apt-get install chromium)")
    page = tmp_path / "page.html"
    page.write_text(quotecraft.render(example), encoding="utf-8")
    shot = tmp_path / "shot.png"
    width, height = 900, 1300
    res = subprocess.run(
        [
            browser,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--hide-scrollbars",
            f"--user-data-dir={tmp_path / 'profile'}",
            f"--window-size={width},{height}",
            f"--screenshot={shot}",
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=90,
        cwd=tmp_path,
    )
    assert res.returncode == 0, res.stderr[-2000:]
    assert shot.is_file(), f"no screenshot written:\n{res.stderr[-2000:]}"
    w, h, rows, bpp = decode_png(shot.read_bytes())
    assert (w, h) == (width, height)
    colours: Counter[bytes] = Counter()
    for row in rows[::3]:
        colours.update(row[x : x + 3] for x in range(0, len(row), bpp * 3))
    white = colours[b"\xff\xff\xff"]
    assert len(colours) > 50, "the screenshot is (nearly) one colour: nothing was drawn"
    assert white < 0.95 * sum(colours.values())
    # the highlight of each kind the article has is on screen, well beyond the legend's
    # swatch (about 17x14 pixels): on the quoted text itself
    for kind in {q.kind for q in example.quotes}:
        pixel = bytes(int(KIND_COLORS[kind][0][i : i + 2], 16) for i in (1, 3, 5))
        pixel += b"\xff" if bpp == 4 else b""
        n = sum(row.count(pixel) for row in rows)
        assert n > 1500, f"the {kind.value} highlight covers only {n} pixels"


# -- the fragment Jupyter shows (issue 18) ---------------------------------------------------------


@pytest.mark.issue(18)
def test_repr_html_is_a_well_formed_escaped_fragment() -> None:
    art = hand_article()
    fragment = art._repr_html_()
    assert fragment == quotecraft.render(art, page=False)
    parsed = Page(fragment)
    assert parsed.errors == []
    # a fragment, not a page
    assert parsed.tags["html"] == parsed.tags["head"] == parsed.tags["body"] == 0
    assert parsed.tags["title"] == parsed.tags["meta"] == 0
    assert "<!DOCTYPE" not in fragment
    outer = parsed.elements[0]
    assert outer[0] == "div" and outer[1]["class"] == "quotecraft"
    # everything escaped: the text comes back exactly, no markup from it
    assert "".join(parsed.text) == art.text
    assert parsed.tags["script"] == 0 and "<script" not in fragment.lower()
    assert {t for t, _ in parsed.marks} <= {"span", "a"}
    assert "doc&lt;1&gt;" in fragment and "<1>" not in fragment
    assert "W001 &lt;odd&gt; mark" in fragment


@pytest.mark.issue(18)
def test_the_fragment_looks_like_the_page() -> None:
    art = hand_article()
    page, fragment = Page(quotecraft.render(art)), Page(quotecraft.render(art, page=False))

    # the same marked text: same elements with the same classes, anchors aside
    def shape(p: Page) -> list[tuple[str, str | None]]:
        return [(t, a.get("class")) for t, a in p.marks]

    assert shape(fragment) == shape(page)
    assert fragment.tags["table"] == page.tags["table"] == 1
    # the CSS only reaches inside the fragment, with the page's colours
    css = quotecraft.render(art, page=False).split("<style>")[1].split("</style>")[0]
    rules = [r.split("{")[0] for r in css.split("}") if "{" in r]
    assert rules and all(
        sel.strip().startswith(".quotecraft") for r in rules for sel in r.split(",")
    )
    for bg, _ in KIND_COLORS.values():
        assert bg in css


@pytest.mark.issue(18)
def test_two_fragments_on_one_page_have_distinct_anchors() -> None:
    one = hand_article()
    two = attrs.evolve(one, id="doc<2>")
    ids_one, ids_two = Page(one._repr_html_()).ids, Page(two._repr_html_()).ids
    assert not set(ids_one) & set(ids_two)
    # every link of a fragment resolves inside the fragment
    parsed = Page(one._repr_html_())
    assert {h[1:] for h in parsed.hrefs} <= set(parsed.ids)
    assert one._repr_html_() == one._repr_html_()  # stable across calls


def test_mention_tooltip_says_how_the_name_was_resolved() -> None:
    import quotecraft
    from quotecraft.render import render as render_page

    article = quotecraft.extract("Laura Finch met Daniel Ortiz. “The deal is done,” she said.")
    page = render_page(article)
    assert 'title="speaker: Laura Finch (pronoun, named at &quot;Laura Finch&quot;)"' in page
