"""Render one extracted article as a self-contained HTML page.

:func:`render` shows the article text with every quotation highlighted by kind,
cue words marked, the speaker's mention underlined, and after each quotation a
small link to its speaker in the speaker table (titles, organizations, counts).
The page has inline CSS and nothing else: no script, no font, no image, no
external resource, so it can be opened anywhere and mailed as one file. Every
piece of the article's text is HTML-escaped.

Marks may nest or cross in any way (a cue inside a split quote, a speaker's
mention inside another quote): the text is cut at every mark boundary and the
marks open over each piece are closed and reopened as needed, so the output is
always well-formed and the page's text is exactly ``Article.text``.

``quotecraft render FILE -o page.html`` does the same from the command line.
"""

from __future__ import annotations

import hashlib
import html
from collections.abc import Iterable, Iterator

from attrs import frozen

from .records import Article, Quote, QuoteKind, Speaker

KIND_COLORS = {
    QuoteKind.DIRECT: ("#dbeafe", "#1d4ed8"),
    QuoteKind.INDIRECT: ("#dcfce7", "#15803d"),
    QuoteKind.MIXED: ("#ffedd5", "#c2410c"),
}
"""Background and accent colour of each quote kind."""

_CSS = """
:root { color-scheme: light; }
body { font: 16px/1.6 Georgia, "DejaVu Serif", serif; margin: 0; background: #f8fafc;
  color: #0f172a; }
main { max-width: 52rem; margin: 0 auto; padding: 1.5rem 2rem 3rem; background: #fff;
  min-height: 100vh; box-shadow: 0 0 0 1px #e2e8f0; }
h1 { font: 600 1.35rem/1.3 system-ui, "DejaVu Sans", sans-serif; margin: 0 0 .3rem; }
h2 { font: 600 1.1rem/1.3 system-ui, "DejaVu Sans", sans-serif; margin: 2rem 0 .6rem; }
.summary, .legend, table, .who, .warnings { font-family: system-ui, "DejaVu Sans", sans-serif; }
.summary { color: #475569; font-size: .9rem; margin: 0 0 .6rem; }
.legend { display: flex; flex-wrap: wrap; gap: .4rem 1rem; font-size: .85rem; margin: 0 0 1rem;
  padding: .5rem .7rem; background: #f1f5f9; border-radius: 6px; }
.legend span { white-space: nowrap; }
.text { white-space: pre-wrap; overflow-wrap: break-word; }
.q { border-radius: 3px; padding: .05em 0; }
.q-direct { background: #dbeafe; }
.q-indirect { background: #dcfce7; }
.q-mixed { background: #ffedd5; }
.frag { border-bottom: 2px solid #c2410c; }
.q-direct .frag { border-bottom-color: #1d4ed8; }
.cue { font-weight: bold; color: #7c2d12; outline: 1.5px solid #ea580c; outline-offset: 0;
  border-radius: 2px; }
.cue.neg { color: #991b1b; outline-color: #dc2626; text-decoration: line-through; }
.mention { border-bottom: 2px dotted #334155; }
.addressee { border-bottom: 2px dotted #7c3aed; }
.medium, .date { border-bottom: 1px dashed #64748b; }
.boilerplate { color: #94a3b8; font-style: italic; }
.who { font-size: .7rem; vertical-align: super; line-height: 0; margin-left: .15em;
  text-decoration: none; padding: 0 .3em; border-radius: 8px; color: #fff; white-space: nowrap; }
.who.k-direct { background: #1d4ed8; }
.who.k-indirect { background: #15803d; }
.who.k-mixed { background: #c2410c; }
.who.none { background: #64748b; }
.sw { display: inline-block; width: 1.1em; height: .9em; vertical-align: -.1em;
  border-radius: 2px; margin-right: .3em; }
table { border-collapse: collapse; font-size: .85rem; width: 100%; }
th, td { text-align: left; padding: .3rem .5rem; border-bottom: 1px solid #e2e8f0;
  vertical-align: top; }
th { background: #f1f5f9; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
tr:target { background: #fef9c3; }
.q:target { outline: 2px solid #eab308; }
.warnings { font-size: .85rem; color: #92400e; }
"""


@frozen
class _Mark:
    """One highlighted stretch of the text."""

    start: int
    end: int
    rank: int
    """Nesting order: lower ranks open outside higher ones."""
    seq: int
    """Tie-breaker: creation order."""
    tag: str
    """Tag name, e.g. ``span``."""
    attrs: tuple[tuple[str, str], ...]
    """Attributes of the first piece (later pieces drop ``id``)."""


def render(article: Article, *, title: str | None = None, page: bool = True) -> str:
    """The article as a self-contained HTML page (or fragment) with its quotations marked.

    Args:
        article: a result of :func:`quotecraft.extract` (offsets index ``article.text``).
        title: the page title; by default the article's id, else its first line.
        page: ``True`` for a whole HTML5 document; ``False`` for a fragment to put
            inside another page (what Jupyter shows for an ``Article``): one
            ``<div class="quotecraft">`` with its own scoped ``<style>``, the same
            look, and anchors prefixed so that several articles on one page do not clash.

    Returns:
        HTML (inline CSS, no script, no external resource), every piece of text escaped.

    Example:
        >>> import quotecraft
        >>> art = quotecraft.extract('"We <will> win," said Mayor Ann Lee.')
        >>> page = quotecraft.render(art)
        >>> page.startswith("<!DOCTYPE html>"), "&lt;will&gt;" in page, "<will>" in page
        (True, True, False)
        >>> 'class="q q-direct" id="q1"' in page, 'href="#speaker-1"' in page
        (True, True)
        >>> fragment = quotecraft.render(art, page=False)
        >>> fragment.startswith('<div class="quotecraft"'), "<html" in fragment, "<body" in fragment
        (True, False, False)
    """
    prefix = "" if page else _fragment_prefix(article)
    speakers, speaker_ids = _speaker_table(article, prefix)
    marks = list(_marks(article, speaker_ids, prefix))
    badges: dict[int, list[str]] = {}
    for n, q in enumerate(article.quotes, 1):
        end = _clamp(q.content.end, article.text)
        badges.setdefault(end, []).append(_badge(n, q, speaker_ids, prefix))
    body = _markup(article.text, marks, badges)

    if title is None:
        first = next((line.strip() for line in article.text.splitlines() if line.strip()), "")
        title = article.id or first[:80] or "quotecraft"
    counts = {k: 0 for k in QuoteKind}
    for q in article.quotes:
        counts[q.kind] += 1
    kinds = ", ".join(f"{n} {k.value}" for k, n in counts.items() if n) or "none"
    n_sp = len(speakers)
    summary = (
        f"{len(article.quotes)} quotation{'s' if len(article.quotes) != 1 else ''} ({kinds}) · "
        f"{n_sp} speaker{'s' if n_sp != 1 else ''} · {len(article.paragraphs)} paragraphs"
    )
    if article.id:
        summary += f" · id {article.id}"

    content = [
        f'<p class="summary">{_e(summary)}</p>',
        _legend(),
        f'<article class="text">{body}</article>',
    ]
    if article.warnings:
        content.append(f'<h2 id="{prefix}warnings">Warnings</h2>')
        content.append('<ul class="warnings">')
        content.extend(f"<li>{_e(w)}</li>" for w in article.warnings)
        content.append("</ul>")
    content.append(_speaker_section(article, speakers, speaker_ids, prefix))
    if not page:
        return "\n".join(
            [
                f'<div class="quotecraft" id="{prefix}top">',
                f"<style>{_scoped_css('.quotecraft')}</style>",
                f'<p class="qc-title">{_e(title)}</p>',
                *content,
                "</div>",
            ]
        )
    out = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="generator" content="quotecraft">',
        f"<title>{_e(title)}</title>",
        f"<style>{_CSS}</style>",
        "</head>",
        "<body>",
        "<main>",
        f"<h1>{_e(title)}</h1>",
        *content,
        "</main>",
        "</body>",
        "</html>",
        "",
    ]
    return "\n".join(out)


def repr_html(article: Article) -> str:
    """How Jupyter shows an :class:`~quotecraft.records.Article`: ``render(article, page=False)``.

    Installed as ``Article._repr_html_`` when this module is imported (``import
    quotecraft`` does), so that the records module does not import the renderer.

    Example:
        >>> import quotecraft
        >>> html = quotecraft.extract('"Yes," she said.')._repr_html_()
        >>> html.startswith('<div class="quotecraft"'), "<html" in html
        (True, False)
    """
    return render(article, page=False)


Article._repr_html_ = repr_html  # type: ignore[attr-defined]


def _fragment_prefix(article: Article) -> str:
    """Anchor prefix of a fragment: the same for the same article, different for another."""
    digest = hashlib.sha1(f"{article.id}\0{article.text}".encode(), usedforsecurity=False)
    return f"qc-{digest.hexdigest()[:8]}-"


def _scoped_css(scope: str) -> str:
    """The page's CSS with every rule limited to the elements inside ``scope``.

    ``body``, ``main`` and ``:root`` become the scope itself, so a fragment looks
    like the page without touching the page it is put in (a notebook, a report).
    """
    rules = []
    for block in _CSS.split("}"):
        if "{" not in block:
            continue
        selectors, decls = block.split("{", 1)
        scoped = []
        for sel in selectors.split(","):
            sel = " ".join(sel.split())
            if sel in ("body", "main", ":root"):
                scoped.append(scope)
            elif sel == "h1":
                scoped.append(f"{scope} .qc-title")
            else:
                scoped.append(f"{scope} {sel}")
        body = " ".join(decls.split())
        if selectors.strip() == "main":  # the page's column: no full-height sheet in a cell
            body = body.replace("min-height: 100vh;", "").replace("margin: 0 auto;", "")
        rules.append(f"{', '.join(dict.fromkeys(scoped))} {{ {body} }}")
    return "\n".join(rules)


# -- marks ---------------------------------------------------------------------------------------


def _e(text: str) -> str:
    """Escape text for element content and for double-quoted attributes alike."""
    return html.escape(text, quote=True)


def _clamp(offset: int, text: str) -> int:
    return max(0, min(offset, len(text)))


def _who(sp: Speaker | None) -> str:
    if sp is None:
        return "unknown speaker"
    return sp.name or (sp.mention.text if sp.mention else None) or sp.id


def _how_named(sp: Speaker) -> str:
    """`` (pronoun, named at "Ann Lee")``: how the speaker's name was resolved, for a tooltip."""
    if sp.resolution is None:
        return ""
    where = ""
    if sp.name_mention is not None and sp.name_mention != sp.mention:
        where = f', named at "{sp.name_mention.text}"'
    return f" ({sp.resolution.value}{where})"


def _speaker_table(article: Article, prefix: str = "") -> tuple[list[Speaker], dict[str, str]]:
    """The speakers to list (article's first, then any other quote speaker) and their anchors."""
    speakers: list[Speaker] = []
    seen: set[str] = set()
    for sp in (*article.speakers, *(q.speaker for q in article.quotes)):
        if sp is not None and sp.id not in seen:
            seen.add(sp.id)
            speakers.append(sp)
    return speakers, {sp.id: f"{prefix}speaker-{n}" for n, sp in enumerate(speakers, 1)}


def _quote_title(n: int, q: Quote) -> str:
    parts = [f"#{n} {q.kind.value}", _who(q.speaker)]
    if q.speaker is not None and q.speaker.title:
        parts[-1] += f" ({q.speaker.title})"
    if q.cue is not None:
        parts.append(f"cue {q.cue.lemma}" + (" (negated)" if q.cue.negated else ""))
    parts.append(f"{q.rule}, confidence {q.confidence:.2f}")
    return " — ".join(parts)


def _marks(article: Article, speaker_ids: dict[str, str], prefix: str = "") -> Iterator[_Mark]:
    seq = iter(range(1 << 62))
    text = article.text

    def mark(start: int, end: int, rank: int, *attrs: tuple[str, str]) -> _Mark:
        return _Mark(_clamp(start, text), _clamp(end, text), rank, next(seq), "span", attrs)

    for b in article.boilerplate:
        yield mark(b.start, b.end, 0, ("class", "boilerplate"), ("title", "boilerplate"))
    mentions: set[tuple[int, int, str]] = set()
    for n, q in enumerate(article.quotes, 1):
        attrs = [("class", f"q q-{q.kind.value}"), ("id", f"{prefix}q{n}")]
        if q.speaker is not None:
            attrs.append(("data-speaker", speaker_ids[q.speaker.id]))
        attrs.append(("title", _quote_title(n, q)))
        yield mark(q.content.start, q.content.end, 1, *attrs)
        for f in q.fragments:
            yield mark(f.start, f.end, 2, ("class", "frag"))
        if q.cue is not None:
            cls = "cue neg" if q.cue.negated else "cue"
            yield mark(q.cue.start, q.cue.end, 3, ("class", cls), ("title", f"cue: {q.cue.lemma}"))
        for span, cls in ((q.medium, "medium"), (q.date, "date")):
            if span is not None:
                yield mark(span.start, span.end, 4, ("class", cls), ("title", cls))
        for sp, cls in ((q.speaker, "mention"), (q.addressee, "addressee")):
            if sp is None or sp.mention is None:
                continue
            key = (sp.mention.start, sp.mention.end, cls)
            if key in mentions:
                continue
            mentions.add(key)
            label = ("speaker: " if cls == "mention" else "addressee: ") + _who(sp)
            label += _how_named(sp)
            attrs = [("class", cls), ("title", label)]
            if sp.id in speaker_ids:
                attrs.append(("data-speaker", speaker_ids[sp.id]))
            yield mark(sp.mention.start, sp.mention.end, 5, *attrs)


def _badge(n: int, q: Quote, speaker_ids: dict[str, str], prefix: str = "") -> str:
    if q.speaker is None:
        return (
            f'<a class="who none" href="#{prefix}q{n}" title="quote {n}: unknown speaker">{n}</a>'
        )
    anchor = speaker_ids[q.speaker.id]
    label = f"{n} · {_who(q.speaker)}"
    return (
        f'<a class="who k-{q.kind.value}" href="#{anchor}" '
        f'title="quote {n}: {_e(_who(q.speaker))}">{_e(label)}</a>'
    )


def _open(m: _Mark, first: bool) -> str:
    attrs = "".join(f' {k}="{_e(v)}"' for k, v in m.attrs if first or k != "id")
    return f"<{m.tag}{attrs}>"


def _markup(text: str, marks: Iterable[_Mark], inserts: dict[int, list[str]]) -> str:
    """The escaped text with the marks as properly nested elements.

    The text is cut at every mark boundary. Over each piece, the open marks are
    the ones covering it, outermost first by (rank, start, longest, creation);
    between pieces only the marks that differ are closed and (re)opened, so a
    mark crossing another is split into several elements (its ``id`` on the first).
    ``inserts`` are HTML snippets placed at an offset, after the marks ending there.
    """
    marks = [m for m in marks if m.end > m.start]
    starts: dict[int, list[_Mark]] = {}
    ends: dict[int, list[_Mark]] = {}
    for m in marks:
        starts.setdefault(m.start, []).append(m)
        ends.setdefault(m.end, []).append(m)
    points = sorted({0, len(text), *starts, *ends, *(p for p in inserts if p <= len(text))})

    def order(m: _Mark) -> tuple[int, int, int, int]:
        return (m.rank, m.start, -m.end, m.seq)

    out: list[str] = []
    stack: list[_Mark] = []
    active: set[_Mark] = set()
    opened: set[_Mark] = set()
    for i, p in enumerate(points):
        active.difference_update(ends.get(p, ()))
        active.update(starts.get(p, ()))
        want = sorted(active, key=order) if p < len(text) else []
        keep = 0
        while keep < len(stack) and keep < len(want) and stack[keep] is want[keep]:
            keep += 1
        while len(stack) > keep:
            out.append(f"</{stack.pop().tag}>")
        out.extend(inserts.get(p, ()))
        for m in want[keep:]:
            out.append(_open(m, m not in opened))
            opened.add(m)
            stack.append(m)
        if i + 1 < len(points):
            out.append(html.escape(text[p : points[i + 1]], quote=False))
    return "".join(out)


# -- legend and speaker table --------------------------------------------------------------------


def _legend() -> str:
    items = [
        f'<span><span class="sw" style="background:{bg};box-shadow:inset 0 -2px {fg}"></span>'
        f"{kind.value} quotation</span>"
        for kind, (bg, fg) in KIND_COLORS.items()
    ]
    items += [
        '<span><span class="cue">said</span> cue</span>',
        '<span><span class="cue neg">say</span> negated cue</span>',
        '<span><span class="frag">quoted words</span> quoted piece</span>',
        '<span><span class="mention">who</span> speaker mention</span>',
        '<span><span class="boilerplate">boilerplate</span> not article text</span>',
    ]
    return '<p class="legend">' + "".join(items) + "</p>"


def _speaker_section(
    article: Article, speakers: list[Speaker], speaker_ids: dict[str, str], prefix: str = ""
) -> str:
    rows = []
    by_speaker: dict[str | None, list[tuple[int, Quote]]] = {}
    for n, q in enumerate(article.quotes, 1):
        by_speaker.setdefault(q.speaker.id if q.speaker else None, []).append((n, q))

    def row(anchor: str | None, cells: list[str], quotes: list[tuple[int, Quote]]) -> str:
        counts = [sum(q.kind is k for _, q in quotes) for k in QuoteKind]
        links = ", ".join(f'<a href="#{prefix}q{n}">{n}</a>' for n, _ in quotes)
        tds = "".join(f"<td>{c}</td>" for c in cells)
        tds += "".join(f'<td class="n">{c}</td>' for c in (*counts, len(quotes)))
        rid = f' id="{anchor}"' if anchor else ""
        return f"<tr{rid}>{tds}<td>{links}</td></tr>"

    for sp in speakers:
        name = sp.name or ""
        also = sp.mention.text if sp.mention is not None else ""
        who = f"<b>{_e(name)}</b>" if name else f"<i>{_e(also or sp.id)}</i>"
        if name and also and also != name:
            who += f' <span title="first mention">(“{_e(also)}”)</span>'
        cells = [who, _e(sp.title or ""), _e(sp.organization or ""), _e(sp.kind.value)]
        rows.append(row(speaker_ids[sp.id], cells, by_speaker.get(sp.id, [])))
    if None in by_speaker:
        rows.append(row(None, ["<i>unknown speaker</i>", "", "", ""], by_speaker[None]))
    head = "".join(
        f"<th>{h}</th>"
        for h in (
            "Speaker",
            "Title",
            "Organization",
            "Kind",
            *(k.value for k in QuoteKind),
            "total",
            "Quotes",
        )
    )
    table = f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
    if not rows:
        table = "<p>No quotations found.</p>"
    return f'<section id="{prefix}speakers"><h2>Speakers</h2>{table}</section>'
