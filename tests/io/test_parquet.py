"""The parquet format: one file, a record_type column, lossless."""

from __future__ import annotations

import contextlib
import hashlib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import discourse as dc
from tests.strategies import corpora

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")

from discourse.io.parquet import SCHEMA  # noqa: E402 - needs pyarrow


def _sample() -> dc.Corpus:
    return dc.Corpus(
        [
            dc.Source(id="s", text="Corbyn must go, said Smith."),
            dc.Actor(id="smith", name="Owen Smith"),
            dc.Actor(id="corbyn", name="Jeremy Corbyn", aliases=("Corbyn",)),
            dc.Claim(
                id="c1",
                claimant="smith",
                target="corbyn",
                stance="oppose",
                form="demand",
                date="2016-07",
                evidence=[dc.Span(source="s", start=0, end=14, text="Corbyn must go")],
                attributes={"n": [1, 2.5, None]},
            ),
            dc.Claim(id="c2", claimant="smith", issue="Brexit"),
        ]
    )


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(corpus=corpora())
def test_round_trip_is_lossless(tmp_path: Path, corpus: dc.Corpus) -> None:
    """load(dump(c)) == c for any corpus."""
    path = tmp_path / "c.parquet"
    dc.dump(corpus, path)
    assert dc.load(path) == corpus


def test_one_row_per_record_with_record_type(tmp_path: Path) -> None:
    """Every record is one row, tagged with its record type."""
    path = tmp_path / "c.parquet"
    dc.dump(_sample(), path)
    table = pq.read_table(path)
    assert table.schema.equals(SCHEMA)
    assert sorted(table.column("record_type").to_pylist()) == [
        "actor",
        "actor",
        "claim",
        "claim",
        "source",
    ]


def test_duckdb_reads_the_file(tmp_path: Path) -> None:
    """The documented DuckDB query counts claims per claimant."""
    duckdb = pytest.importorskip("duckdb")
    path = tmp_path / "corpus.parquet"
    dc.dump(_sample(), path)
    rows = duckdb.sql(
        f"select claimant, count(*) from '{path}' where record_type = 'claim' group by 1"
    ).fetchall()
    assert rows == [("smith", 2)]


def test_iter_load_yields_every_record(tmp_path: Path) -> None:
    """iter_load streams the same records load returns."""
    path = tmp_path / "c.parquet"
    corpus = _sample()
    dc.dump(corpus, path)
    assert dc.Corpus(dc.iter_load(path)) == corpus


def test_junk_bytes_raise_format_error_and_stay_untouched(tmp_path: Path) -> None:
    """A file that is not Parquet gives a FormatError and is not modified."""
    path = tmp_path / "junk.parquet"
    path.write_bytes(b"PAR1 not really" * 1000)
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    with pytest.raises(dc.FormatError, match="not a readable Parquet file"):
        dc.load(path)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def test_truncated_file_raises_format_error(tmp_path: Path) -> None:
    """Half a Parquet file is a FormatError."""
    path = tmp_path / "c.parquet"
    dc.dump(_sample(), path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(dc.FormatError):
        dc.load(path)


def test_missing_record_type_column_is_named(tmp_path: Path) -> None:
    """A Parquet file without record_type is rejected by name."""
    path = tmp_path / "c.parquet"
    pq.write_table(pa.table({"id": ["a"]}), path)
    with pytest.raises(dc.FormatError, match="record_type"):
        dc.load(path)


def test_bad_value_names_row_and_column(tmp_path: Path) -> None:
    """A wrong stance is reported with its row and column."""
    path = tmp_path / "c.parquet"
    rows = {n: [None, None] for n in SCHEMA.names}
    rows.update(
        record_type=["actor", "claim"],
        id=["a", "c"],
        name=["A", None],
        kind=["person", None],
        claimant=[None, "a"],
        stance=[None, "opose"],
    )
    pq.write_table(pa.table(rows, schema=SCHEMA), path)
    with pytest.raises(dc.FormatError, match=r"row 1, column 'stance': 'opose'"):
        dc.load(path)


def test_unknown_record_type_is_reported(tmp_path: Path) -> None:
    """A record_type that is not a record type is a FormatError naming the row."""
    path = tmp_path / "c.parquet"
    rows = {n: [None] for n in SCHEMA.names}
    rows.update(record_type=["person"], id=["a"])
    pq.write_table(pa.table(rows, schema=SCHEMA), path)
    with pytest.raises(dc.FormatError, match=r"row 0, column 'record_type'"):
        dc.load(path)


def test_duplicate_ids_raise_format_error(tmp_path: Path) -> None:
    """Two different records with one id are a FormatError, not a DuplicateIdError."""
    path = tmp_path / "c.parquet"
    rows = {n: [None, None] for n in SCHEMA.names}
    rows.update(record_type=["actor", "actor"], id=["a", "a"], name=["A", "B"])
    pq.write_table(pa.table(rows, schema=SCHEMA), path)
    with pytest.raises(dc.FormatError, match="already used"):
        dc.load(path)


def test_failed_write_leaves_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A write that fails half-way does not touch the existing file."""
    path = tmp_path / "c.parquet"
    dc.dump(_sample(), path)
    before = path.read_bytes()

    def boom(*args: object, **kwargs: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(pq, "write_table", boom)
    with pytest.raises(dc.FormatError, match="disk full"):
        dc.dump(dc.Corpus(), path)
    assert path.read_bytes() == before


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(at=st.integers(0, 10_000), junk=st.binary(min_size=1, max_size=32))
def test_corrupted_file_raises_only_format_errors(tmp_path: Path, at: int, junk: bytes) -> None:
    """Overwriting bytes of a Parquet file gives a corpus or a FormatError, never another error."""
    path = tmp_path / "c.parquet"
    dc.dump(_sample(), path)
    data = bytearray(path.read_bytes())
    at %= len(data)
    data[at : at + len(junk)] = junk
    path.write_bytes(bytes(data))
    with contextlib.suppress(dc.FormatError):
        dc.load(path)
