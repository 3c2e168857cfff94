"""PartialDate: parsing, intervals, ordering."""

from __future__ import annotations

import copy
import datetime as dt

import attrs
import pytest
from hypothesis import given

import discourse as dc
from tests.strategies import partial_dates


@pytest.mark.parametrize(
    ("text", "precision", "first", "last"),
    [
        ("2017", "year", dt.date(2017, 1, 1), dt.date(2017, 12, 31)),
        ("2017-02", "month", dt.date(2017, 2, 1), dt.date(2017, 2, 28)),
        ("2016-02", "month", dt.date(2016, 2, 1), dt.date(2016, 2, 29)),
        ("2017-03-02", "day", dt.date(2017, 3, 2), dt.date(2017, 3, 2)),
    ],
)
def test_parse_gives_the_interval_covered(
    text: str, precision: str, first: dt.date, last: dt.date
) -> None:
    """Each precision covers the right days."""
    d = dc.PartialDate.parse(text)
    assert (d.precision, d.first, d.last, str(d)) == (precision, first, last, text)


@pytest.mark.parametrize(
    "bad", ["", "17", "2017-13", "2017-02-30", "2017/03", "March 2017", "2017-3"]
)
def test_parse_rejects_malformed_dates(bad: str) -> None:
    """Malformed strings raise ValidationError with the accepted forms."""
    with pytest.raises(dc.ValidationError, match=r"YYYY|month|day"):
        dc.PartialDate.parse(bad)


def test_parse_accepts_dates_and_datetimes() -> None:
    """datetime.date and datetime.datetime become day-precision dates."""
    assert str(dc.PartialDate.parse(dt.date(2017, 3, 2))) == "2017-03-02"
    assert str(dc.PartialDate.parse(dt.datetime(2017, 3, 2, 10, 5))) == "2017-03-02"


def test_coarser_dates_sort_first_on_ties() -> None:
    """2017 < 2017-01 < 2017-01-01 < 2017-01-02 < 2017-02."""
    order = ["2017", "2017-01", "2017-01-01", "2017-01-02", "2017-02"]
    shuffled = [dc.PartialDate.parse(s) for s in reversed(order)]
    assert [str(d) for d in sorted(shuffled)] == order


def test_contains_and_overlaps() -> None:
    """A month contains its days; a year overlaps its months."""
    march = dc.PartialDate.parse("2017-03")
    assert march.contains("2017-03-02")
    assert not march.contains("2017")
    assert march.overlaps("2017")
    assert not march.overlaps("2017-04-01")


@given(partial_dates())
def test_string_form_round_trips(d: dc.PartialDate) -> None:
    """parse(str(d)) == d for every partial date."""
    assert dc.PartialDate.parse(str(d)) == d
    assert d.first <= d.last


def test_equal_dates_from_strings_share_one_object() -> None:
    """Parsing is cached, which keeps big corpora small."""
    assert dc.PartialDate.parse("2017-03") is dc.PartialDate.parse("2017-03")


def test_partial_dates_are_immutable() -> None:
    """Assigning or deleting a part raises FrozenInstanceError, as for the records."""
    d = dc.PartialDate(2017, 3)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        d.year = 2018  # type: ignore[misc]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        del d.month


def test_equal_dates_are_equal_and_hash_alike() -> None:
    """Dates built from parts, keywords or strings are one value in sets and dicts."""
    a = dc.PartialDate(2017, 3)
    b = dc.PartialDate(year=2017, month=3, day=None)
    assert a == b
    assert a == dc.PartialDate.parse("2017-03")
    assert len({a, b, dc.PartialDate.parse("2017-03")}) == 1
    assert a != dc.PartialDate(2017)
    assert a != "2017-03"


def test_repr_names_the_parts() -> None:
    """The repr shows year, month and day."""
    assert repr(dc.PartialDate(2017, 3)) == "PartialDate(year=2017, month=3, day=None)"


def test_copies_are_equal() -> None:
    """copy and deepcopy work on the immutable slotted class."""
    d = dc.PartialDate(2017, 3, 2)
    assert copy.copy(d) == d
    assert copy.deepcopy(d) == d


@pytest.mark.parametrize(
    ("parts", "field"),
    [((0,), "year"), ((2017, 13), "month"), ((2017, 2, 30), "day"), ((2017, None, 1), "day")],
)
def test_bad_parts_name_the_field(parts: tuple[int | None, ...], field: str) -> None:
    """Out-of-range parts raise ValidationError naming the part."""
    with pytest.raises(dc.ValidationError) as info:
        dc.PartialDate(*parts)  # type: ignore[arg-type]
    assert info.value.field == field


def test_dates_match_by_parts() -> None:
    """Structural pattern matching sees year, month and day."""
    match dc.PartialDate(2017, 3):
        case dc.PartialDate(year, month, None):
            assert (year, month) == (2017, 3)
        case _:
            pytest.fail("no match")
