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


def _written(tmp_path: Path) -> Path:
    """A graphml file of two actors, one with attributes."""
    p = tmp_path / "x.graphml"
    corpus = dc.Corpus(
        [dc.Actor(id="a", name="A", attributes={"k": [1]}), dc.Actor(id="b", name="B")]
    )
    dc.dump(corpus, p)
    return p


def test_graphml_index_past_a_float_still_loads(tmp_path: Path) -> None:
    """An edge index of 10**400 (past a float) is ordered last instead of raising OverflowError."""
    nx = pytest.importorskip("networkx")
    p = tmp_path / "x.graphml"
    parts = (dc.Participant(ref="a"), dc.Participant(ref="b"))
    corpus = dc.Corpus(
        [
            dc.Actor(id="a", name="A"),
            dc.Actor(id="b", name="B"),
            dc.Event(id="e", kind=dc.EventKind.PROTEST, participants=parts),
        ]
    )
    dc.dump(corpus, p)
    graph = nx.read_graphml(p)
    indexed = [d for _, _, d in graph.edges(data=True) if "index" in d]
    assert indexed
    indexed[0]["index"] = 10**400
    nx.write_graphml(graph, p)
    loaded = dc.load(p)
    assert {x.ref for x in loaded["e"].participants} == {"a", "b"}


def test_graphml_attributes_nested_too_deeply_are_a_format_error(tmp_path: Path) -> None:
    """100,000 nested lists in an attributes JSON string are a FormatError, not a RecursionError."""
    p = _written(tmp_path)
    text = p.read_text(encoding="utf-8")
    deep = "[" * 100_000 + "]" * 100_000
    p.write_text(text.replace("[1]", deep, 1), encoding="utf-8")
    with pytest.raises(dc.FormatError, match=r"x\.graphml"):
        dc.load(p)
