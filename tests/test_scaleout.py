"""Scale-out: Parser.parse_many on a process pool and on a Dask cluster, merged into one Corpus or Store.

Dask (``pip install 'discourse-model[dask]'``) is optional: its test skips
when it is not installed. Every test skips, with the reason, while the parser
cannot run (e.g. its tagger model is not built).
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from concurrent.futures import Executor, ProcessPoolExecutor
from pathlib import Path

import pytest

import discourse as dc
from discourse.store import Store

TEXTS = [
    "Owen Jones has called on Jeremy Corbyn to stand down as Labour leader.",
    "Len McCluskey, the general secretary of Unite, backed Corbyn in March 2017.",
    "Tom Watson warned that Momentum was planning to take over the Labour Party.",
    "John McDonnell attacked the Blairites for undermining the leadership.",
    "Owen Jones has called on Jeremy Corbyn to stand down as Labour leader.",  # syndicated twice
]


@pytest.fixture(scope="module")
def parser() -> object:
    """A working Parser, or a skip saying why the parser cannot run yet."""
    try:
        from discourse.parse import Parser
    except ImportError as e:
        pytest.skip(f"discourse.parse.Parser is not available yet: {e}")
    p = Parser()
    try:
        p.parse("Owen Jones criticised Jeremy Corbyn.")
    except dc.DiscourseError as e:
        pytest.skip(f"the parser cannot run yet: {e}")
    return p


@pytest.fixture(scope="module")
def serial(parser: object) -> list[dc.Corpus]:
    """parse_many without an executor: the reference results."""
    return list(parser.parse_many(TEXTS))  # type: ignore[attr-defined]


def merged(results: list[dc.Corpus]) -> dc.Corpus:
    """One corpus holding every document's records."""
    out = dc.Corpus()
    for c in results:
        # The same person in two texts: same id, other evidence; the first is kept.
        out.extend(c, keep_existing=True)
    return out


def stored(results: list[dc.Corpus], path: Path) -> dc.Corpus:
    """The documents' records put in a new Store one document at a time, read back."""
    with Store(path) as store:
        for c in results:
            store.extend(c, keep_existing=True)
        return store.to_corpus()


def record_ids(corpus: dc.Corpus) -> list[str]:
    """The ids of every record but memberships, in iteration order."""
    return [r.id for r in corpus if not isinstance(r, dc.Membership)]


def test_parsing_the_same_text_twice_gives_the_same_ids(parser: object) -> None:
    """Ids are stable: a text parsed twice (even by different parsers) yields equal corpora."""
    from discourse.parse import Parser

    first = parser.parse(TEXTS[0])  # type: ignore[attr-defined]
    again = Parser().parse(TEXTS[0])
    assert first == again
    assert record_ids(first)


def test_process_pool_gives_the_serial_results(serial: list[dc.Corpus], parser: object) -> None:
    """parse_many on a 2-process pool yields the same corpora, in input order."""
    with ProcessPoolExecutor(2) as pool:
        results = list(parser.parse_many(TEXTS, executor=pool))  # type: ignore[attr-defined]
    assert results == serial
    assert results[0] == results[4]  # the repeated document


def test_pool_results_merge_into_one_corpus_and_one_store(
    serial: list[dc.Corpus], parser: object, tmp_path: Path
) -> None:
    """Results from workers merge without id clashes, into a Corpus and into a Store alike."""
    with ProcessPoolExecutor(2) as pool:
        results = list(parser.parse_many(TEXTS, executor=pool))  # type: ignore[attr-defined]
    corpus = merged(results)
    assert corpus == merged(serial)
    assert record_ids(corpus) == record_ids(merged(serial))
    assert stored(results, tmp_path / "parsed.db") == corpus


@pytest.fixture(scope="module")
def dask_executor() -> Iterator[Executor]:
    """An executor backed by a 2-process Dask LocalCluster."""
    distributed = pytest.importorskip(
        "distributed", reason="Dask is optional: pip install 'discourse-model[dask]'"
    )
    with warnings.catch_warnings():
        # Cluster start-up may warn about ports or resources; that is not under test.
        warnings.simplefilter("ignore")
        cluster = distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        )
        client = distributed.Client(cluster)
    try:
        yield client.get_executor()
    finally:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            client.close()
            cluster.close()


def test_dask_executor_gives_the_serial_results(
    serial: list[dc.Corpus], parser: object, dask_executor: Executor, tmp_path: Path
) -> None:
    """parse_many on Dask's Client.get_executor() yields the serial corpora; they merge into a Store."""
    results = list(parser.parse_many(TEXTS, executor=dask_executor))  # type: ignore[attr-defined]
    assert results == serial
    assert stored(results, tmp_path / "parsed.db") == merged(serial)
