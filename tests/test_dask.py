"""quotecraft.dask on a local ``distributed`` cluster of two worker processes.

The results equal those of :func:`quotecraft.extract_many` in this process, and
each worker process loads the model at most once, however many partitions it
gets. The cluster-free tests use Dask's synchronous scheduler.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from typing import Any

import pytest

import quotecraft

dask = pytest.importorskip("dask")
db = pytest.importorskip("dask.bag")
dd = pytest.importorskip("dask.dataframe")
pd = pytest.importorskip("pandas")
distributed = pytest.importorskip("distributed")

from quotecraft.dask import (  # noqa: E402 - after the importorskips
    QUOTE_COLUMNS,
    extract_bag,
    extract_dataframe,
    quote_rows,
    quotes_frame,
)

pytestmark = pytest.mark.model

# Written for these tests: short articles with direct, reported and mixed quotations.
DOCS = [
    {"id": "d1", "text": '"We will open the school in May," said Principal Maria Gomez.'},
    {"id": "d2", "text": "Police said the road would stay closed until Friday."},
    {"id": "d3", "text": "Nothing was said here, and nobody was quoted."},
    {"id": "d4", "text": 'The union said the offer was "an insult to every nurse".'},
    {"id": "d5", "text": '"It is too early," Dr. Ken Abe told reporters. "We need more data."'},
    {"id": "d6", "text": "<p>Mayor Jo Park said that taxes would not rise.</p><p>Share this</p>"},
    {"id": "d7", "text": "According to the ministry, exports fell by a third."},
    {"id": "d8", "text": '"Rain," she said. "More rain," he said.'},
]


def expected() -> list[dict[str, Any]]:
    return [quotecraft.to_dict(r) for r in quotecraft.extract_many(DOCS)]


@pytest.fixture(scope="module")
def client(extractor: object) -> Iterator[Any]:
    """A local cluster: two worker processes of one thread each."""
    from distributed import Client, LocalCluster

    env = (
        {"QUOTECRAFT_MODEL": os.environ["QUOTECRAFT_MODEL"]}
        if "QUOTECRAFT_MODEL" in os.environ
        else {}
    )
    with (
        LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            memory_limit="1.5GiB",
            env=env,
        ) as cluster,
        Client(cluster) as c,
    ):
        yield c


def _count_model_loads() -> None:
    """Run on each worker: count the model loads of quotecraft in that process."""
    import quotecraft.api as api

    original = api.load_nlp
    api.__dict__.setdefault("_test_loads", 0)

    def counting(*args: Any, **kwargs: Any) -> Any:
        api.__dict__["_test_loads"] += 1
        return original(*args, **kwargs)

    api.load_nlp = counting  # type: ignore[assignment]


def _model_loads() -> tuple[int, int]:
    import quotecraft.api as api

    return os.getpid(), int(api.__dict__.get("_test_loads", 0))


@pytest.mark.slow
def test_bag_and_dataframe_on_a_two_process_cluster(client: Any) -> None:
    workers = client.scheduler_info()["workers"]
    assert len(workers) == 2
    client.run(_count_model_loads)

    # a bag of dicts, spread over more partitions than workers
    bag = db.from_sequence(DOCS, npartitions=8)
    got = extract_bag(bag).compute()
    assert got == expected()

    # a DataFrame: one row per quotation, same quotations as in-process
    frame = dd.from_pandas(pd.DataFrame(DOCS), npartitions=4)
    rows = extract_dataframe(frame).compute()
    want = quotes_frame(r for res in quotecraft.extract_many(DOCS) for r in quote_rows(res))
    assert len(rows) >= 8
    pd.testing.assert_frame_equal(rows.reset_index(drop=True), want.reset_index(drop=True))

    loads = client.run(_model_loads)
    pids = {pid for pid, _ in loads.values()}
    assert len(pids) == 2, "the two workers should be separate processes"
    counts = [n for _, n in loads.values()]
    # 12 partitions in all, yet at most one model load per worker process
    assert max(counts) == 1, f"model loads per worker: {loads}"


def test_bag_of_plain_texts_gets_partition_ids() -> None:
    texts = [d["text"] for d in DOCS[:4]]
    out = extract_bag(db.from_sequence(texts, npartitions=2)).compute(scheduler="sync")
    assert [d["id"] for d in out] == ["0:0", "0:1", "1:0", "1:1"]
    want = expected()[:4]
    assert [d["quotes"] for d in out] == [d["quotes"] for d in want]


def test_bag_records_text_and_errors() -> None:
    items = [("a", DOCS[0]["text"]), ("bad", b"bytes are not text"), DOCS[5]]
    bag = db.from_sequence(items, npartitions=2)
    recs = extract_bag(bag, records=True).compute(scheduler="sync")
    assert isinstance(recs[0], quotecraft.Article) and recs[0].id == "a"
    assert isinstance(recs[1], quotecraft.ErrorRecord) and recs[1].type == "InputTypeError"
    assert recs[2].is_html
    dicts = extract_bag(bag, include_text=True).compute(scheduler="sync")
    assert dicts[0]["text"] == DOCS[0]["text"]
    assert dicts[1] == {
        "id": "bad",
        "error": {"type": "InputTypeError", "message": recs[1].message},
    }
    # the JSON Lines of 'quotecraft extract'
    assert json.loads(json.dumps(dicts[2]))["quotes"] == dicts[2]["quotes"]


def test_dataframe_index_ids_errors_and_config() -> None:
    frame = pd.DataFrame({"body": [DOCS[0]["text"], None, DOCS[1]["text"]]}, index=[10, 11, 12])
    ddf = dd.from_pandas(frame, npartitions=2)
    out = extract_dataframe(ddf, text_column="body", id_column=None).compute(scheduler="sync")
    assert list(out.columns) == list(QUOTE_COLUMNS)
    assert dict(out.dtypes.astype(str)) == {
        k: str(pd.Series([], dtype=v).dtype) for k, v in QUOTE_COLUMNS.items()
    }
    assert out["id"].tolist() == ["10", "11", "12"]
    assert out["error"].isna().tolist() == [True, False, True]
    assert out.loc[out["id"] == "11", "kind"].isna().all()
    ok = out[out["error"].isna()]
    assert ok["kind"].tolist() == ["direct", "indirect"]
    assert ok["speaker"].tolist() == ["Maria Gomez", "Police"]
    for _, row in ok.iterrows():
        text = frame.loc[int(row["id"]), "body"]
        assert text[row["start"] : row["end"]] == row["content"]
    direct_only = extract_dataframe(
        ddf, text_column="body", id_column=None, config={"kinds": ["direct"]}
    ).compute(scheduler="sync")
    assert direct_only[direct_only["error"].isna()]["kind"].tolist() == ["direct"]
    with pytest.raises(KeyError, match="no column 'text'"):
        extract_dataframe(ddf)
