"""Tests for discourse.parse.dates: date expressions to PartialDate."""

from __future__ import annotations

import pytest

from discourse import PartialDate
from discourse.parse.dates import find_dates

ANCHOR = PartialDate(2017, 3, 2)  # a Thursday


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("on 23 February 2017", "2017-02-23"),
        ("on February 23, 2017", "2017-02-23"),
        ("on 23rd Feb. 2017", "2017-02-23"),
        ("in March 2017", "2017-03"),
        ("since 2015", "2015"),
        ("on 2016-09-24", "2016-09-24"),
    ],
)
def test_absolute_dates_need_no_anchor(text: str, expected: str):
    """Full dates, month-year and years are read without a publication date."""
    found = find_dates(text)
    assert [str(d.date) for d in found] == [expected]


def test_weekday_is_the_latest_such_day_not_after_the_anchor():
    """'on Tuesday' is the Tuesday before a Thursday anchor."""
    assert str(find_dates("He quit on Tuesday.", ANCHOR)[0].date) == "2017-02-28"


def test_day_month_without_year_takes_the_previous_year_when_in_the_future():
    """'on 23 December' before a March anchor is last December."""
    assert str(find_dates("on 23 December", ANCHOR)[0].date) == "2016-12-23"


def test_yesterday_is_the_day_before_the_anchor():
    """Relative days are resolved against the anchor."""
    assert str(find_dates("Yesterday Labour lost.", ANCHOR)[0].date) == "2017-03-01"


def test_month_alone_after_in_is_resolved_with_the_anchor():
    """'in January' is January of the anchor year."""
    assert str(find_dates("in January", ANCHOR)[0].date) == "2017-01"


def test_month_with_year_is_not_read_as_month_alone():
    """'in July 2022' is July 2022, whatever the anchor."""
    assert [str(d.date) for d in find_dates("in July 2022", ANCHOR)] == ["2022-07"]


def test_relative_dates_are_skipped_without_anchor():
    """Without a publication date 'on Tuesday' cannot be resolved."""
    assert find_dates("on Tuesday") == []


def test_offsets_point_at_the_expression():
    """Each date mention carries its exact offsets."""
    text = "Labour won on 23 February 2017."
    d = find_dates(text)[0]
    assert text[d.start : d.end] == d.text == "23 February 2017"


def test_impossible_dates_are_ignored():
    """'31 February 2017' is not a date."""
    assert find_dates("on 31 February 2017") == []


def test_surname_may_is_not_a_month():
    """'Theresa May said' holds no date."""
    assert find_dates("Theresa May said so.", ANCHOR) == []


def test_month_naming_a_contest_is_resolved_with_the_anchor():
    """'the March general election' is a date; 'the May government' is not."""
    assert [str(d.date) for d in find_dates("after the March general election", ANCHOR)] == [
        "2017-03"
    ]
    assert find_dates("the May government said", ANCHOR) == []


def test_possessive_may_is_not_a_month():
    """'in May's cabinet' speaks of Theresa May, not of the month."""
    assert find_dates("a minister in May's cabinet", ANCHOR) == []


def test_end_of_month_and_mid_year():
    """'by the end of January' is January; 'in mid-2016' is 2016."""
    assert [str(d.date) for d in find_dates("by the end of January", ANCHOR)] == ["2017-01"]
    assert [str(d.date) for d in find_dates("in mid-2016")] == ["2016"]
