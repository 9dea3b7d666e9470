"""Forked worker processes (quotecraft.workers): same results, isolation of a dying worker."""

from __future__ import annotations

import os
import sys
from typing import Any

import pytest

import quotecraft
from quotecraft import ErrorRecord, workers
from quotecraft.extractor import Extractor

pytestmark = [
    pytest.mark.model,
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="forked workers: Linux"),
]

TEXTS = [
    '"We will reopen the pier," said Harbor Master Ines Volk.',
    "The council said the budget was balanced.",
    "",
    '"Not yet," she said. "Maybe in May."',
    "According to the mayor, the bridge will open in June.",
    "No quotes here at all.",
    '"Short," he said.',
]


def _json(results: Any) -> list[str]:
    return [quotecraft.to_json(r) for r in results]


def test_workers_give_the_results_of_one_process(extractor: Extractor) -> None:
    items = [*TEXTS, b"bytes", None, {"id": "x", "text": TEXTS[0]}]
    one = _json(extractor.pipe(items, batch_size=3))
    assert workers.available()
    two = _json(extractor.pipe(items, batch_size=3, n_process=2))
    assert two == one
    assert workers.available()  # the pool is gone when the run is done


def test_a_nested_run_falls_back_to_spacy_processes(extractor: Extractor) -> None:
    outer = extractor.pipe(TEXTS, batch_size=2, n_process=2)
    first = next(outer)  # the pool is running now
    assert not workers.available()
    inner = _json(extractor.pipe(TEXTS[:3], batch_size=2, n_process=2))
    assert inner == _json(extractor.pipe(TEXTS[:3]))
    rest = list(outer)
    assert _json([first, *rest]) == _json(extractor.pipe(TEXTS))


def test_a_document_that_kills_its_worker_becomes_an_error_record(
    extractor: Extractor, monkeypatch: pytest.MonkeyPatch
) -> None:
    segment = Extractor.segment

    def dying(self: Extractor, text: str) -> Any:
        if text == "DIE":
            os._exit(3)  # like an out-of-memory kill: no exception, the process is gone
        return segment(self, text)

    # the workers are forked, so they inherit the patched method
    monkeypatch.setattr(Extractor, "segment", dying)
    # several chunks in flight on both sides of the dying one, some done, some not
    docs = [{"id": f"d{k}", "text": t} for k, t in enumerate(TEXTS * 3)]
    items = [*docs[:9], {"id": "dying", "text": "DIE"}, *docs[9:]]
    out = list(extractor.pipe(items, batch_size=2, n_process=2))
    assert len(out) == len(items)
    dead = out[9]
    assert isinstance(dead, ErrorRecord) and dead.type == "WorkerError" and dead.id == "dying"
    assert "n_process=1" in dead.message
    rest = out[:9] + out[10:]
    assert _json(rest) == _json(extractor.pipe(docs))
    assert workers.available()
