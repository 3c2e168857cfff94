"""Fuzzing the DNA (.dna, SQLite) reader with mutated valid files."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.fuzz import mutations
from tests.fuzz.harness import Bases, fuzz_reader, fuzz_settings, valid_files

_body = fuzz_reader("dna", mutations.mutate_sqlite)


@pytest.fixture(scope="module")
def bases() -> tuple[bytes, ...]:
    """Valid DNA (.dna, SQLite) files: generated corpora written with dump()."""
    return valid_files("dna")


@fuzz_settings()
@given(data=st.data())
def test_mutated_dna_files_load_or_raise_a_located_error(
    bases: tuple[bytes, ...], data: st.DataObject
) -> None:
    """Damaged DNA (.dna, SQLite) files either load or raise a DiscourseError naming the file."""
    _body(data, bases)


@pytest.fixture(scope="module")
def interop(shared: Path) -> tuple[bytes, ...]:
    """The real DNA (.dna, SQLite) files of ../shared/interop (skips when ../shared is absent)."""
    return Bases(p.read_bytes() for p in sorted((shared / "interop").glob("dna/*.dna")))


@fuzz_settings(cases=200)
@given(data=st.data())
def test_mutated_real_dna_files_load_or_raise_a_located_error(
    interop: tuple[bytes, ...], data: st.DataObject
) -> None:
    """Damaged copies of the real DNA (.dna, SQLite) files either load or raise a DiscourseError naming the file."""
    _body(data, interop)
