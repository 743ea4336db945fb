"""Ingest on several processes (--workers) and on Dask (--dask): the same graph as one process,
a crashed worker costs only its article, errors name the file and line or the worker."""
import datetime as dt
import json
import multiprocessing
import os

import dask
import dask.bag
import pytest
from click.testing import CliRunner
from distributed import Client, LocalCluster

from graphbuild.articles import Article
from graphbuild.cli import cli
from graphbuild.pipeline import ingest
from graphbuild.store import Store

TEXTS = [  # (id, published, text): short reports written for these tests
    ("gao-1", "2021-03-10", "Rebels attacked an army base in Gao, Mali on Monday, killing four soldiers."),
    ("gao-2", "2021-03-10", "Four soldiers were killed on Monday when rebels attacked an army base in Gao, Mali."),
    ("nairobi", "2021-05-08", "Police fired tear gas at students protesting in Nairobi, Kenya on Friday."),
    ("idlib", "2021-06-02", "An air strike hit a market in Idlib, Syria on Tuesday, killing 12 civilians."),
    ("zamfara", "2021-07-05", "Gunmen abducted 30 villagers in Zamfara state, Nigeria on Sunday."),
    ("marib", "2021-08-12", "Government troops recaptured Marib from Houthi fighters on Wednesday, Yemen's army said."),
    # the same id again: the later version replaces the first, also across batches and processes
    ("gao-1", "2021-03-11", "Rebels shelled an army base in Gao, Mali on Tuesday, wounding two soldiers."),
]

DISTINCT_IDS = len({i for i, _, _ in TEXTS})  # a repeated id is one article: the later record wins


def articles(texts=TEXTS):
    return [Article(text=text, id=i, published=dt.date.fromisoformat(day), origin=f"news.jsonl:{n + 1}")
            for n, (i, day, text) in enumerate(texts)]


class CrashingArticle(Article):
    """An article whose text kills any process but the test's own that reads it: a real crash
    (no exception, no clean-up) in a worker, in the middle of extraction."""

    def __getattribute__(self, name):
        if name == "text" and multiprocessing.parent_process() is not None:
            os._exit(70)
        return super().__getattribute__(name)


def nquads(store: Store) -> list[str]:
    return sorted(f"{q} ." for q in store.quads())


@pytest.fixture(scope="module")
def one_process(pipeline, tmp_path_factory):
    """The graph of the test articles ingested in this process, one batch at a time."""
    store = Store(tmp_path_factory.mktemp("one") / "store")
    report = ingest(articles(), store, pipeline=pipeline, batch_size=2)
    assert report.ok and report.workers == 1 and report.events >= 5
    return nquads(store)


def test_workers_give_the_graph_of_one_process(one_process, tmp_path):
    store = Store(tmp_path / "store")
    report = ingest(articles(), store, workers=2, batch_size=2)
    assert report.ok, report.errors
    assert report.workers == 2 and report.ingested == DISTINCT_IDS
    assert nquads(store) == one_process
    assert any("eventtype/shelling" in line for line in one_process)  # the later gao-1 won


def test_input_of_one_batch_is_extracted_here(tmp_path):
    report = ingest(articles()[:2], Store(tmp_path / "store"), workers=2, batch_size=16)
    assert report.ok and report.workers == 1 and report.ingested == 2


def test_a_crashing_worker_costs_only_its_article(one_process, tmp_path):
    bomb = CrashingArticle(text="Anything at all.", id="bomb", origin="news.jsonl:4")
    mixed = articles()[:3] + [bomb] + articles()[3:]
    store = Store(tmp_path / "store")
    report = ingest(mixed, store, workers=2, batch_size=2)
    assert not report.ok and report.failed == 1 and report.ingested == DISTINCT_IDS
    assert [e.where for e in report.errors] == ["news.jsonl:4"]
    assert "killed its worker process" in report.errors[0].message
    assert nquads(store) == one_process  # everything else stored, as without the crash


def test_cli_workers_report_bad_records_and_store_the_rest(one_process, tmp_path):
    source = tmp_path / "news.jsonl"
    lines = [json.dumps({"id": i, "published": day, "text": text}) for i, day, text in TEXTS]
    lines.insert(3, '{"id": "broken", "text": ')  # line 4
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["ingest", str(source), "--store", str(tmp_path / "store"),
                                      "--workers", "2", "--batch-size", "2"])
    assert result.exit_code == 1, result.output
    assert f"{source}:4" in result.output
    assert f"ingested: {DISTINCT_IDS}, failed: 1" in result.output
    assert nquads(Store(tmp_path / "store")) == one_process


# ---------------------------------------------------------------------------------- Dask

@pytest.fixture(scope="module")
def dask_client():
    """A real LocalCluster of two worker processes; a task whose worker dies is not retried
    on another (the default retries it three times first), to keep the crash test short."""
    with dask.config.set({"distributed.scheduler.allowed-failures": 0}):
        with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0") as cluster:
            with Client(cluster) as client:
                yield client


def test_dask_gives_the_graph_of_one_process(one_process, dask_client, tmp_path):
    store = Store(tmp_path / "store")
    report = ingest(articles(), store, dask=dask_client, batch_size=2)
    assert report.ok, report.errors
    assert report.workers == 2 and report.ingested == DISTINCT_IDS
    assert nquads(store) == one_process


def test_dask_bag_of_json_records(one_process, dask_client, tmp_path):
    records = [{"id": i, "published": day, "text": text} for i, day, text in TEXTS]
    records.insert(2, {"id": "empty", "text": ""})
    store = Store(tmp_path / "store")
    report = ingest(dask.bag.from_sequence(records, npartitions=3), store, dask=dask_client)
    assert report.read == len(records) and report.ingested == DISTINCT_IDS and report.failed == 1
    assert [e.where for e in report.errors] == ["partition 1 record 3"]
    assert nquads(store) == one_process


def test_a_crash_on_dask_names_the_worker_and_costs_only_its_article(one_process, dask_client, tmp_path):
    bomb = CrashingArticle(text="Anything at all.", id="bomb", origin="news.jsonl:4")
    store = Store(tmp_path / "store")
    report = ingest(articles()[:3] + [bomb] + articles()[3:], store, dask=dask_client, batch_size=2)
    assert report.failed == 1 and report.ingested == DISTINCT_IDS
    [error] = report.errors
    assert error.where == "news.jsonl:4"
    assert "KilledWorker" in error.message and "tcp://127.0.0.1:" in error.message
    assert nquads(store) == one_process


def test_cli_dask_local(tmp_path):
    source = tmp_path / "news.jsonl"
    source.write_text("\n".join(json.dumps({"id": i, "published": day, "text": text})
                                for i, day, text in TEXTS[:4]) + "\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["ingest", str(source), "--store", str(tmp_path / "store"),
                                      "--dask", "local", "--batch-size", "2"])
    assert result.exit_code == 0, result.output
    assert "ingested: 4, failed: 0" in result.output
    assert len(Store(tmp_path / "store", read_only=False).article_ids()) == 4


def test_unreachable_scheduler_is_one_clear_error(tmp_path):
    source = tmp_path / "news.jsonl"
    source.write_text(json.dumps({"text": TEXTS[0][2]}) + "\n", encoding="utf-8")
    with dask.config.set({"distributed.comm.timeouts.connect": "2s"}):
        result = CliRunner().invoke(cli, ["ingest", str(source), "--store", str(tmp_path / "store"),
                                          "--dask", "tcp://127.0.0.1:9"])
    assert result.exit_code == 1
    assert "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in result.output
    assert "Traceback" not in result.output
