"""Partial dates: ISO 8601 dates of reduced precision, as Popolo uses them."""

from __future__ import annotations

import calendar
import datetime as _dt
import re
from functools import lru_cache
from typing import Literal

from attrs import define, field

from discourse.errors import ValidationError

__all__ = ["DateLike", "PartialDate", "to_partial_date"]

_ISO = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")

Precision = Literal["year", "month", "day"]


def _check_year(inst: PartialDate, attribute: object, value: int) -> None:
    if type(value) is not int or not 1 <= value <= 9999:
        raise ValidationError(f"year must be an integer 1..9999, got {value!r}", field="year")


@define(frozen=True, slots=True, eq=True, order=False)
class PartialDate:
    """A calendar date known to the year, the month or the day.

    ``PartialDate("2017")``-style construction goes through :meth:`parse`;
    the constructor takes the parts. A partial date stands for the interval
    of days it covers (:attr:`first` to :attr:`last`), so "March 2017"
    contains "2017-03-02" and overlaps "2017".

    Ordering sorts by the first day, coarser dates first on ties, so
    ``2017 < 2017-01 < 2017-01-01 < 2017-01-02``.

    Example:
        >>> d = PartialDate.parse("2017-03")
        >>> d.precision, str(d), d.first, d.last
        ('month', '2017-03', datetime.date(2017, 3, 1), datetime.date(2017, 3, 31))
    """

    year: int = field(validator=_check_year)
    month: int | None = None
    day: int | None = None

    def __attrs_post_init__(self) -> None:
        if self.month is None:
            if self.day is not None:
                raise ValidationError("a day needs a month", field="day", value=self.day)
            return
        if type(self.month) is not int or not 1 <= self.month <= 12:
            raise ValidationError(f"month must be 1..12, got {self.month!r}", field="month")
        if self.day is not None:
            last = calendar.monthrange(self.year, self.month)[1]
            if type(self.day) is not int or not 1 <= self.day <= last:
                raise ValidationError(
                    f"day must be 1..{last} for {self.year}-{self.month:02d}, got {self.day!r}",
                    field="day",
                )

    @classmethod
    def parse(cls, value: DateLike) -> PartialDate:
        """Make a partial date from ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``, a date or a PartialDate.

        Raises:
            ValidationError: The value is not one of those forms.
        """
        if isinstance(value, PartialDate):
            return value
        if isinstance(value, _dt.datetime):
            return _parse_str(value.date().isoformat())
        if isinstance(value, _dt.date):
            return _parse_str(value.isoformat())
        if isinstance(value, str):
            return _parse_str(value)
        raise ValidationError(
            f"expected a date string like '2017', '2017-03' or '2017-03-02', got {value!r}",
            value=value,
        )

    @property
    def precision(self) -> Precision:
        """``"year"``, ``"month"`` or ``"day"``."""
        if self.month is None:
            return "year"
        return "month" if self.day is None else "day"

    @property
    def first(self) -> _dt.date:
        """The first day the date covers."""
        return _dt.date(self.year, self.month or 1, self.day or 1)

    @property
    def last(self) -> _dt.date:
        """The last day the date covers (inclusive)."""
        if self.month is None:
            return _dt.date(self.year, 12, 31)
        if self.day is None:
            return _dt.date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])
        return _dt.date(self.year, self.month, self.day)

    def contains(self, other: DateLike) -> bool:
        """Whether every day of ``other`` falls within this date."""
        o = to_partial_date(other)
        return self.first <= o.first and o.last <= self.last

    def overlaps(self, other: DateLike) -> bool:
        """Whether this date and ``other`` share at least one day."""
        o = to_partial_date(other)
        return self.first <= o.last and o.first <= self.last

    def _key(self) -> tuple[int, int, int]:
        return (self.year, self.month or 0, self.day or 0)

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self._key() < other._key()

    def __le__(self, other: object) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self._key() <= other._key()

    def __gt__(self, other: object) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self._key() > other._key()

    def __ge__(self, other: object) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self._key() >= other._key()

    def __str__(self) -> str:
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def isoformat(self) -> str:
        """The ISO 8601 form, e.g. ``"2017-03"``."""
        return str(self)


DateLike = PartialDate | str | _dt.date
"""Anything :meth:`PartialDate.parse` accepts."""


@lru_cache(maxsize=65536)
def _parse_str(text: str) -> PartialDate:
    # Cached: equal dates share one object, which keeps large corpora small.
    m = _ISO.fullmatch(text.strip())
    if m is None:
        raise ValidationError(
            f"{text!r} is not a date; use 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD'", value=text
        )
    y, mo, d = m.groups()
    return PartialDate(int(y), int(mo) if mo else None, int(d) if d else None)


def to_partial_date(value: DateLike) -> PartialDate:
    """Coerce ``value`` to a :class:`PartialDate` (see :meth:`PartialDate.parse`)."""
    return value if isinstance(value, PartialDate) else PartialDate.parse(value)
