"""Fuzzing the GraphML and GEXF readers (one XML module serves both) with mutated valid files."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import discourse as dc
from tests.fuzz import mutations
from tests.fuzz.harness import fuzz_reader, fuzz_settings, valid_files

FORMATS = ("graphml", "gexf")
_bodies = {fmt: fuzz_reader(fmt, mutations.mutate_xml) for fmt in FORMATS}


@pytest.fixture(scope="module", params=FORMATS)
def fmt(request: pytest.FixtureRequest) -> str:
    """The format under test."""
    return str(request.param)


@pytest.fixture(scope="module")
def bases(fmt: str) -> tuple[bytes, ...]:
    """Valid files of the format: generated corpora written with dump()."""
    return valid_files(fmt)


@fuzz_settings()
@given(data=st.data())
def test_mutated_files_load_or_raise_a_located_error(
    fmt: str, bases: tuple[bytes, ...], data: st.DataObject
) -> None:
    """Damaged GraphML/GEXF files either load or raise a DiscourseError naming the file."""
    _bodies[fmt](data, bases)


def test_unknown_encoding_declared_is_a_format_error(fmt: str, tmp_path: Path) -> None:
    """encoding="utf1e999" in the XML declaration is a FormatError naming the file, not LookupError."""
    p = tmp_path / f"x.{fmt}"
    p.write_bytes(b'<?xml version="1.0" encoding="utf1e999"?><' + fmt.encode() + b"/>")
    with pytest.raises(dc.FormatError, match=rf"x\.{fmt}"):
        dc.load(p)


def _written(tmp_path: Path, fmt: str) -> Path:
    """A file of two actors, one with attributes."""
    p = tmp_path / f"x.{fmt}"
    corpus = dc.Corpus(
        [dc.Actor(id="a", name="A", attributes={"k": [1]}), dc.Actor(id="b", name="B")]
    )
    dc.dump(corpus, p)
    return p


def test_index_past_a_float_still_loads(fmt: str, tmp_path: Path) -> None:
    """An edge index of 10**400 (past a float) is ordered last instead of raising OverflowError."""
    nx = pytest.importorskip("networkx")
    p = tmp_path / f"x.{fmt}"
    parts = (dc.Participant(ref="a"), dc.Participant(ref="b"))
    corpus = dc.Corpus(
        [
            dc.Actor(id="a", name="A"),
            dc.Actor(id="b", name="B"),
            dc.Event(id="e", kind=dc.EventKind.PROTEST, participants=parts),
        ]
    )
    dc.dump(corpus, p)
    graph = getattr(nx, f"read_{fmt}")(p)
    indexed = [d for _, _, d in graph.edges(data=True) if "index" in d]
    assert indexed
    indexed[0]["index"] = 10**400
    getattr(nx, f"write_{fmt}")(graph, p)
    loaded = dc.load(p)
    assert {x.ref for x in loaded["e"].participants} == {"a", "b"}


def test_attributes_nested_too_deeply_are_a_format_error(fmt: str, tmp_path: Path) -> None:
    """100,000 nested lists in an attributes JSON string are a FormatError, not a RecursionError."""
    p = _written(tmp_path, fmt)
    text = p.read_text(encoding="utf-8")
    deep = "[" * 100_000 + "]" * 100_000
    p.write_text(text.replace("[1]", deep, 1), encoding="utf-8")
    with pytest.raises(dc.FormatError, match=rf"x\.{fmt}"):
        dc.load(p)
