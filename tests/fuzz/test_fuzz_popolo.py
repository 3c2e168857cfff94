"""Fuzzing the Popolo reader with mutated valid files."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import discourse as dc
from tests.fuzz import mutations
from tests.fuzz.harness import Bases, fuzz_reader, fuzz_settings, valid_files

_body = fuzz_reader("popolo", mutations.mutate_json)


@pytest.fixture(scope="module")
def bases() -> tuple[bytes, ...]:
    """Valid Popolo files: generated corpora written with dump()."""
    return valid_files("popolo")


@fuzz_settings()
@given(data=st.data())
def test_mutated_popolo_files_load_or_raise_a_located_error(
    bases: tuple[bytes, ...], data: st.DataObject
) -> None:
    """Damaged Popolo files either load or raise a DiscourseError naming the file."""
    _body(data, bases)


@pytest.fixture(scope="module")
def interop(shared: Path) -> tuple[bytes, ...]:
    """The real Popolo files of ../shared/interop (skips when ../shared is absent)."""
    return Bases(p.read_bytes() for p in sorted((shared / "interop").glob("popolo/*.json")))


@fuzz_settings(cases=300)
@given(data=st.data())
def test_mutated_real_popolo_files_load_or_raise_a_located_error(
    interop: tuple[bytes, ...], data: st.DataObject
) -> None:
    """Damaged copies of the real Popolo files either load or raise a DiscourseError naming the file."""
    _body(data, interop)


def test_popolo_event_without_id_is_a_format_error_naming_it(tmp_path: Path) -> None:
    """An event with no "id" is reported as events[0].id, not a TypeError from the constructor."""
    p = tmp_path / "x.popolo.json"
    p.write_text('{"events": [{"classification": "protest", "name": "March"}]}', encoding="utf-8")
    with pytest.raises(dc.FormatError, match=r"events\[0\]\.id"):
        dc.load(p)


def test_popolo_attendee_with_an_empty_id_is_a_format_error_naming_it(tmp_path: Path) -> None:
    """An attendee {"id": ""} is reported as events[0].attendees[0].ref, with the file."""
    p = tmp_path / "x.popolo.json"
    p.write_text(
        '{"events": [{"id": "e", "classification": "protest", "attendees": [{"id": ""}]}]}',
        encoding="utf-8",
    )
    with pytest.raises(dc.FormatError, match=r"x\.popolo\.json: events\[0\]\.attendees\[0\]\.ref"):
        dc.load(p)
