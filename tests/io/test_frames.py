"""Corpus records as pandas and polars DataFrames."""

from __future__ import annotations

import importlib
import json

import attrs
import pytest
from hypothesis import given

import discourse as dc
from discourse.io import frames
from discourse.io.frames import KINDS, columns, record_row, to_frame
from tests.strategies import corpora, records


def _corpus() -> dc.Corpus:
    return dc.Corpus(
        [
            dc.Source(id="s", text="Corbyn must go."),
            dc.Actor(id="smith", name="Owen Smith"),
            dc.Actor(id="corbyn", name="Jeremy Corbyn"),
            dc.Faction(id="plp", name="PLP", kind="caucus"),
            dc.Membership(member="smith", faction="plp", start="2010"),
            dc.Claim(
                id="c1",
                claimant="smith",
                target="corbyn",
                stance="oppose",
                date="2016-07-01",
                evidence=[dc.Span(source="s", start=0, end=14)],
                attributes={"k": 1},
            ),
            dc.Claim(id="c2", claimant="corbyn"),
        ]
    )


@given(record=records)
def test_record_row_has_every_field_in_order(record: dc.Record) -> None:
    """A row has one key per field, in declaration order."""
    row = record_row(record)
    assert tuple(row) == tuple(f.name for f in attrs.fields(type(record)))


@given(corpus=corpora())
def test_pandas_frame_has_one_row_per_record(corpus: dc.Corpus) -> None:
    """Each table has as many rows as the corpus has records of that type."""
    pytest.importorskip("pandas")
    counts = corpus.count()
    for kind in KINDS:
        assert len(to_frame(corpus, kind)) == counts[kind]


def test_claims_frame_holds_plain_values_and_claimant_faction() -> None:
    """Enums are strings, dates ISO strings, and the claimant's faction is a column."""
    pd = pytest.importorskip("pandas")
    frame = to_frame(_corpus(), "claims")
    assert list(frame.columns) == [*columns(dc.Claim), "claimant_faction"]
    first = frame.iloc[0]
    assert (first["stance"], first["form"], first["date"]) == ("oppose", "statement", "2016-07-01")
    assert first["claimant_faction"] == "plp"
    assert first["evidence"] == [{"source": "s", "start": 0, "end": 14, "text": None}]
    assert first["attributes"] == {"k": 1}
    assert pd.isna(frame.iloc[1]["claimant_faction"])


def test_polars_frame_has_typed_columns() -> None:
    """polars gets list and struct columns, and mappings as JSON text."""
    pl = pytest.importorskip("polars")
    frame = to_frame(_corpus(), "claims", library="polars")
    assert frame.schema["evidence"] == pl.List(
        pl.Struct({"source": pl.String, "start": pl.Int64, "end": pl.Int64, "text": pl.String})
    )
    assert frame.schema["confidence"] == pl.Float64
    assert json.loads(frame["attributes"][0]) == {"k": 1}
    assert frame["claimant_faction"].to_list() == ["plp", None]


def test_polars_handles_events_with_participants() -> None:
    """Participants become a list of structs."""
    pl = pytest.importorskip("polars")
    corpus = dc.Corpus(
        [dc.Event(id="e", kind="resignation", participants=[dc.Participant(ref="a", role="x")])]
    )
    frame = to_frame(corpus, "events", library="polars")
    assert frame.schema["participants"] == pl.List(pl.Struct({"ref": pl.String, "role": pl.String}))
    assert frame["participants"].to_list() == [[{"ref": "a", "role": "x"}]]


def test_unknown_kind_is_a_value_error() -> None:
    """Asking for a table that does not exist names the valid ones."""
    with pytest.raises(ValueError, match="claims"):
        to_frame(_corpus(), "people")


def test_unknown_library_is_a_value_error() -> None:
    """Only pandas and polars are supported."""
    with pytest.raises(ValueError, match="pandas"):
        to_frame(_corpus(), "claims", library="spark")  # type: ignore[arg-type]


def test_missing_pandas_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without pandas, the ImportError says which extra to install."""
    real = importlib.import_module

    def fake(name: str, package: str | None = None) -> object:
        if name == "pandas":
            raise ModuleNotFoundError("No module named 'pandas'", name="pandas")
        return real(name, package)

    monkeypatch.setattr(frames.importlib, "import_module", fake)
    with pytest.raises(ImportError, match=r"discourse-model\[frames\]"):
        to_frame(_corpus(), "claims")
