"""Records: construction, conversion of enum strings, validation errors naming the field."""

from __future__ import annotations

import attrs
import pytest
from hypothesis import given

import discourse as dc
from tests.strategies import corpora, records


def test_enum_fields_accept_their_string_values() -> None:
    """'oppose' becomes Stance.OPPOSE and compares equal to the string."""
    c = dc.Claim(id="c1", claimant="a", form="demand", stance="oppose")
    assert c.stance is dc.Stance.OPPOSE
    assert c.stance == "oppose"
    assert c.form is dc.ClaimForm.DEMAND


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"id": "", "claimant": "a"}, "id"),
        ({"id": "c", "claimant": 5}, "claimant"),
        ({"id": "c", "claimant": "a", "stance": "opose"}, "stance"),
        ({"id": "c", "claimant": "a", "form": "shout"}, "form"),
        ({"id": "c", "claimant": "a", "date": "March 2017"}, "date"),
        ({"id": "c", "claimant": "a", "confidence": 1.5}, "confidence"),
        ({"id": "c", "claimant": "a", "supports": "c2"}, "supports"),
        ({"id": "c", "claimant": "a", "evidence": ("x",)}, "evidence[0]"),
    ],
)
def test_bad_claim_values_name_the_field(kwargs: dict[str, object], field: str) -> None:
    """ValidationError carries the field name and says it first."""
    with pytest.raises(dc.ValidationError) as info:
        dc.Claim(**kwargs)  # type: ignore[arg-type]
    assert info.value.field == field
    assert str(info.value).startswith(f"{field}: ")


def test_validation_error_is_a_value_error() -> None:
    """Callers can catch bad values generically."""
    with pytest.raises(ValueError, match="stance"):
        dc.Claim(id="c", claimant="a", stance="opose")


def test_unknown_stance_lists_the_allowed_values() -> None:
    """The message says what would have been accepted."""
    with pytest.raises(dc.ValidationError, match="support, oppose, neutral"):
        dc.Claim(id="c", claimant="a", stance="against")


def test_span_end_must_follow_start() -> None:
    """start < end."""
    with pytest.raises(dc.ValidationError, match="end"):
        dc.Span(source="s", start=5, end=5)
    with pytest.raises(dc.ValidationError, match="start"):
        dc.Span(source="s", start=-1, end=5)


def test_records_are_immutable() -> None:
    """Frozen: assignment raises."""
    a = dc.Actor(id="a", name="Ann")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        a.name = "Bob"  # type: ignore[misc]
    with pytest.raises(TypeError):
        a.attributes["x"] = 1  # type: ignore[index]


def test_records_are_keyword_only() -> None:
    """Positional arguments are refused, so field order is not API."""
    with pytest.raises(TypeError):
        dc.Actor("a", "Ann")  # type: ignore[misc]


def test_records_with_attributes_are_hashable_and_equal_by_value() -> None:
    """Two equal records hash alike even with a mapping field."""
    a = dc.Actor(id="a", name="Ann", attributes={"k": [1]})
    b = dc.Actor(id="a", name="Ann", attributes={"k": [1]})
    assert a == b
    assert hash(a) == hash(b)
    assert len({a, b}) == 1


def test_aliases_given_as_one_string_are_refused() -> None:
    """aliases='Corbyn' would silently become letters; it is an error instead."""
    with pytest.raises(dc.ValidationError, match="aliases"):
        dc.Actor(id="a", name="Jeremy Corbyn", aliases="Corbyn")  # type: ignore[arg-type]


def test_faction_cannot_be_its_own_parent() -> None:
    """parent == id is refused."""
    with pytest.raises(dc.ValidationError, match="parent"):
        dc.Faction(id="x", name="X", parent="x")


def test_membership_end_before_start_is_refused() -> None:
    """end must not precede start."""
    with pytest.raises(dc.ValidationError, match="end"):
        dc.Membership(member="a", faction="f", start="2018", end="2017")


def test_membership_valid_at_uses_overlap() -> None:
    """A membership from March 2017 holds at 2017-03-15 and (vaguely) in 2017, not in 2016."""
    m = dc.Membership(member="a", faction="f", start="2017-03")
    assert m.valid_at("2017-03-15")
    assert m.valid_at("2017")
    assert not m.valid_at("2016-12-31")


def test_ids_are_interned() -> None:
    """Equal ids built separately are one object."""
    x = "".join(["jeremy", "-", "corbyn"])
    a = dc.Claim(id="c1", claimant=x)
    b = dc.Claim(id="c2", claimant="jeremy-corbyn")
    assert a.claimant is b.claimant


@given(records)
def test_records_pickle_for_worker_processes(record: dc.Record) -> None:
    """Records survive pickling (as executors do), read-only mappings included."""
    import pickle

    copy = pickle.loads(pickle.dumps(record))
    assert copy == record
    assert type(copy.attributes).__name__ == "mappingproxy"
    for name in ("identifiers", "attributes"):
        if hasattr(record, name):
            with pytest.raises(TypeError):
                getattr(copy, name)["x"] = 1  # still read-only
    assert repr(copy) == repr(record)


@given(corpora())
def test_a_corpus_pickles_with_its_records_and_indices(corpus: dc.Corpus) -> None:
    """A whole Corpus survives pickling: same records, same answers to queries."""
    import pickle

    copy = pickle.loads(pickle.dumps(corpus))
    assert copy == corpus
    for c in corpus.claims()[:3]:
        assert copy.claims(claimant=c.claimant) == corpus.claims(claimant=c.claimant)
