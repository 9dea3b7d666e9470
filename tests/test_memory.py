"""Memory over long streams: quotecraft keeps no Doc alive after it is done with it.

A parsed ``Doc`` carries its tensor (hundreds of kB for a news article). If any stage
ties it into a reference cycle, it lives until Python's next full collection, which can
be thousands of documents away, and the resident set grows by hundreds of MB over a
stream (``benchmarks/speed.py --parts stream`` measures it). These tests switch the
cycle collector off and check that plain reference counting frees every Doc.
"""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterator
from typing import Any

import pytest

pytestmark = pytest.mark.model

TEXT = (
    "Ferry service to Gull Island will resume on Monday, the transit authority said.\n\n"
    '"The boats are back," said Captain Lena Ortiz, who runs the morning route. '
    '"We missed our passengers."\n\n'
    "The authority's director, Omar Haddad, said repairs had cost less than expected. "
    "According to Ortiz, the crew was ready. Haddad denied that the service had been cut."
)


@pytest.fixture
def no_cycle_collector() -> Iterator[None]:
    was_enabled = gc.isenabled()
    gc.collect()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def test_analyze_keeps_no_doc_alive(extractor: Any, no_cycle_collector: None) -> None:
    doc = extractor.nlp(TEXT)
    ref = weakref.ref(doc)
    article = extractor.analyze(doc)
    assert article.quotes  # the stages did run
    del doc
    assert ref() is None


def test_pipe_keeps_no_doc_alive(extractor: Any, no_cycle_collector: None) -> None:
    seen: list[weakref.ref[Any]] = []
    analyze = extractor.analyze

    def spy(doc: Any, seg: Any = None, **kw: Any) -> Any:
        seen.append(weakref.ref(doc))
        return analyze(doc, seg, **kw)

    extractor.analyze = spy
    try:
        results = list(extractor.pipe([TEXT, TEXT + " More.", "No quotes here."]))
    finally:
        del extractor.analyze
    assert len(results) == 3 and len(seen) == 3
    assert [r() is None for r in seen] == [True, True, True]


# -- issue 17, defect 13: a long article is analyzed unit by unit -------------------------------


def _long_article(n: int) -> str:
    paragraphs = []
    for k in range(n):
        paragraphs.append(
            f'"Pier {k} will open in May," said Harbor Master Ola Berg. '
            f"Councillor Tom Reyes said that plan {k} cost too much."
        )
    return "\n\n".join(paragraphs)


@pytest.mark.issue(17)
def test_a_long_article_keeps_one_unit_alive_at_a_time(
    extractor: Any, no_cycle_collector: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    from quotecraft import parse, units

    monkeypatch.setattr(parse, "UNIT_CHARS", 1500)
    monkeypatch.setattr(parse, "BATCH_CHARS", 1500)
    alive: list[int] = []
    refs: list[weakref.ref[Any]] = []
    add = units.Merger.add

    def spy(self: Any, start: int, quotes: Any, warnings: Any) -> None:
        alive.append(sum(1 for r in refs if r() is not None))
        add(self, start, quotes, warnings)

    from quotecraft import context

    of = context.DocContext.of.__func__  # type: ignore[attr-defined]

    def spy_of(cls: Any, doc: Any, *args: Any, **kw: Any) -> Any:
        refs.append(weakref.ref(doc))
        return of(cls, doc, *args, **kw)

    monkeypatch.setattr(units.Merger, "add", spy)
    monkeypatch.setattr(context.DocContext, "of", classmethod(spy_of))
    import quotecraft

    small_pieces = quotecraft.load(config={"chunk_chars": 1000})
    text = _long_article(100)
    art = small_pieces(text)
    assert len(alive) >= 5  # analyzed in units
    assert max(alive) <= 2  # the unit being analyzed (and at most one parsed ahead)
    assert len(art.quotes) == 200
