"""Fuzzing the JSONL reader with mutated valid files."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.fuzz import mutations
from tests.fuzz.harness import fuzz_reader, fuzz_settings, valid_files

_body = fuzz_reader("jsonl", mutations.mutate_jsonl)
_stream_body = fuzz_reader("jsonl", mutations.mutate_jsonl, stream=True)


@pytest.fixture(scope="module")
def bases() -> tuple[bytes, ...]:
    """Valid JSONL files: generated corpora written with dump()."""
    return valid_files("jsonl")


@fuzz_settings()
@given(data=st.data())
def test_mutated_jsonl_files_load_or_raise_a_located_error(
    bases: tuple[bytes, ...], data: st.DataObject
) -> None:
    """Damaged JSONL files either load or raise a DiscourseError naming the file."""
    _body(data, bases)


@fuzz_settings()
@given(data=st.data())
def test_mutated_jsonl_files_stream_or_raise_a_located_error(
    bases: tuple[bytes, ...], data: st.DataObject
) -> None:
    """Damaged JSONL files read line by line with iter_load() either load or raise a located error."""
    _stream_body(data, bases)
