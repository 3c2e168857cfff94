"""Fuzzing the GraphML reader with mutated valid files."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import discourse as dc
from tests.fuzz import mutations
from tests.fuzz.harness import fuzz_reader, fuzz_settings, valid_files

_body = fuzz_reader("graphml", mutations.mutate_xml)


@pytest.fixture(scope="module")
def bases() -> tuple[bytes, ...]:
    """Valid GraphML files: generated corpora written with dump()."""
    return valid_files("graphml")


@fuzz_settings()
@given(data=st.data())
def test_mutated_graphml_files_load_or_raise_a_located_error(
    bases: tuple[bytes, ...], data: st.DataObject
) -> None:
    """Damaged GraphML files either load or raise a DiscourseError naming the file."""
    _body(data, bases)


def test_graphml_with_an_unknown_encoding_declared_is_a_format_error(tmp_path: Path) -> None:
    """encoding="utf1e999" in the XML declaration is a FormatError naming the file, not LookupError."""
    p = tmp_path / "x.graphml"
    p.write_bytes(b'<?xml version="1.0" encoding="utf1e999"?><graphml/>')
    with pytest.raises(dc.FormatError, match=r"x\.graphml"):
        dc.load(p)
