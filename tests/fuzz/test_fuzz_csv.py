"""Fuzzing the CSV reader with mutated valid files."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.fuzz import mutations
from tests.fuzz.harness import fuzz_reader, fuzz_settings, valid_files

_body = fuzz_reader("csv", mutations.mutate_csv)


@pytest.fixture(scope="module")
def bases() -> tuple[bytes, ...]:
    """Valid CSV files: generated corpora written with dump()."""
    return valid_files("csv")


@fuzz_settings()
@given(data=st.data())
def test_mutated_csv_files_load_or_raise_a_located_error(
    bases: tuple[bytes, ...], data: st.DataObject
) -> None:
    """Damaged CSV files either load or raise a DiscourseError naming the file."""
    _body(data, bases)
