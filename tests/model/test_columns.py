"""Tests for discourse.model._columns: batches of records in columns, across processes."""

from __future__ import annotations

import pickle
from types import MappingProxyType

from hypothesis import given
from hypothesis import strategies as st

import discourse as dc
from discourse.model import _columns
from tests.strategies import records

documents = st.lists(st.lists(records, max_size=6), max_size=5)


@given(documents)
def test_a_packed_batch_unpacks_to_equal_records_in_order(batch: list[list[dc.Record]]) -> None:
    """Every document comes back with equal records, in the same order, after a pickle."""
    out = _columns.unpack(pickle.loads(pickle.dumps(_columns.pack(batch))))
    assert out == batch
    for got, want in zip(out, batch, strict=True):
        assert [type(r) for r in got] == [type(r) for r in want]
        assert [repr(r) for r in got] == [repr(r) for r in want]
        for r in got:
            for name in ("identifiers", "attributes"):
                if hasattr(r, name):
                    assert isinstance(getattr(r, name), MappingProxyType)  # still read-only
            for span in getattr(r, "evidence", ()):
                assert type(span) is dc.Span


def test_unpacked_records_are_usable_records() -> None:
    """Rebuilt records hash, compare, evolve and validate like the originals."""
    span = dc.Span(source="s", start=0, end=5, text="Jane.")
    batch: list[list[dc.Record]] = [
        [
            dc.Source(id="s", text="Jane."),
            dc.Actor(id="jane", name="Jane", evidence=(span,), attributes={"x": [1]}),
            dc.Event(
                id="e",
                kind=dc.EventKind.RESIGNATION,
                participants=(dc.Participant(ref="jane", role="resigner"),),
                start=dc.PartialDate.parse("2017-03"),
                evidence=(span, span),
            ),
        ],
        [],
        [dc.Claim(id="c", claimant="jane", stance=dc.Stance.OPPOSE, target="jane")],
    ]
    out = _columns.unpack(pickle.loads(pickle.dumps(_columns.pack(batch))))
    assert [len(d) for d in out] == [3, 0, 1]
    _source, actor, event = out[0]
    assert hash(actor) == hash(batch[0][1])
    assert actor.evidence == (span,)
    assert actor.attributes["x"] == [1]
    assert event.evidence == (span, span)
    assert event.participants[0].role == "resigner"
    assert dc.Corpus(out[0] + out[2]).claims(target="jane")[0].stance is dc.Stance.OPPOSE
    assert dc.Corpus(out[0]).find("Jane") == actor
    assert dc.Actor(**{**_fields(actor), "name": "Janet"}).name == "Janet"


def _fields(record: dc.Record) -> dict[str, object]:
    import attrs

    return attrs.asdict(record, recurse=False)
