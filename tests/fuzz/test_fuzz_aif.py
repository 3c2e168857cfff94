"""Fuzzing the AIF reader with mutated valid files."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.fuzz import mutations
from tests.fuzz.harness import Bases, fuzz_reader, fuzz_settings, valid_files

_body = fuzz_reader("aif", mutations.mutate_json)


@pytest.fixture(scope="module")
def bases() -> tuple[bytes, ...]:
    """Valid AIF files: generated corpora written with dump()."""
    return valid_files("aif")


@fuzz_settings()
@given(data=st.data())
def test_mutated_aif_files_load_or_raise_a_located_error(
    bases: tuple[bytes, ...], data: st.DataObject
) -> None:
    """Damaged AIF files either load or raise a DiscourseError naming the file."""
    _body(data, bases)


@pytest.fixture(scope="module")
def interop(shared: Path) -> tuple[bytes, ...]:
    """The real AIF files of ../shared/interop (skips when ../shared is absent)."""
    return Bases(p.read_bytes() for p in sorted((shared / "interop").glob("aif/*.json")))


@fuzz_settings(cases=300)
@given(data=st.data())
def test_mutated_real_aif_files_load_or_raise_a_located_error(
    interop: tuple[bytes, ...], data: st.DataObject
) -> None:
    """Damaged copies of the real AIF files either load or raise a DiscourseError naming the file."""
    _body(data, interop)
