"""Fuzzing the Parquet reader with mutated valid files."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import discourse as dc
from tests.fuzz import mutations
from tests.fuzz.harness import fuzz_reader, fuzz_settings, valid_files

_body = fuzz_reader("parquet", mutations.mutate_parquet)


@pytest.fixture(scope="module")
def bases() -> tuple[bytes, ...]:
    """Valid Parquet files: generated corpora written with dump()."""
    return valid_files("parquet")


@fuzz_settings()
@given(data=st.data())
def test_mutated_parquet_files_load_or_raise_a_located_error(
    bases: tuple[bytes, ...], data: st.DataObject
) -> None:
    """Damaged Parquet files either load or raise a DiscourseError naming the file."""
    _body(data, bases)


def _retyped(tmp_path: Path, column: str, values: object) -> Path:
    """A Parquet file of one event whose ``column`` is replaced by ``values``."""
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    corpus = dc.Corpus(
        [dc.Event(id="e", kind=dc.EventKind.PROTEST, participants=(dc.Participant(ref="a"),))]
    )
    p = tmp_path / "x.parquet"
    dc.dump(corpus, p)
    table = pq.read_table(p)
    i = table.column_names.index(column)
    pq.write_table(table.set_column(i, column, pa.array(values)), p)
    return p


@pytest.mark.parametrize("values", [[5], ["x"]], ids=["int", "str"])
def test_parquet_participants_of_another_type_are_a_format_error(
    tmp_path: Path, values: list[object]
) -> None:
    """A participants column holding ints or strings is a FormatError naming row and column."""
    with pytest.raises(dc.FormatError, match=r"row 0, column 'participants'"):
        dc.load(_retyped(tmp_path, "participants", values))


def test_parquet_attributes_nested_too_deeply_are_a_format_error(tmp_path: Path) -> None:
    """100,000 nested lists in the attributes JSON are a FormatError, not a RecursionError."""
    with pytest.raises(dc.FormatError, match=r"row 0, column 'attributes'"):
        dc.load(_retyped(tmp_path, "attributes", ["[" * 100_000 + "]" * 100_000]))
