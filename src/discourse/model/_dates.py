"""Partial dates: ISO 8601 dates of reduced precision, as Popolo uses them."""

from __future__ import annotations

import calendar
import datetime as _dt
import re
from functools import lru_cache
from typing import Literal

from attrs.exceptions import FrozenInstanceError

from discourse.errors import ValidationError

__all__ = ["DateLike", "PartialDate", "to_partial_date"]

_ISO = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")

Precision = Literal["year", "month", "day"]


class PartialDate:
    """A calendar date known to the year, the month or the day.

    ``PartialDate("2017")``-style construction goes through :meth:`parse`;
    the constructor takes the parts. A partial date stands for the interval
    of days it covers (:attr:`first` to :attr:`last`), so "March 2017"
    contains "2017-03-02" and overlaps "2017".

    Partial dates are immutable and hashable; equal dates compare equal.
    Ordering sorts by the first day, coarser dates first on ties, so
    ``2017 < 2017-01 < 2017-01-01 < 2017-01-02``.

    Examples:
        >>> d = PartialDate.parse("2017-03")
        >>> d.precision, str(d), d.first, d.last
        ('month', '2017-03', datetime.date(2017, 3, 1), datetime.date(2017, 3, 31))

    Attributes:
        year: The year, 1 to 9999.
        month: The month, 1 to 12, or ``None`` for a year.
        day: The day of the month, or ``None`` for a year or a month.
    """

    # A plain slotted class rather than an attrs class: serializers that know
    # attrs (msgspec) would otherwise expect a {"year": ...} object, while the
    # document format writes dates as ISO strings.
    __slots__ = ("_iso", "day", "month", "year")
    __match_args__ = ("year", "month", "day")

    year: int
    month: int | None
    day: int | None
    _iso: str  # the ISO form, kept so that serializers need no Python call per date

    def __init__(self, year: int, month: int | None = None, day: int | None = None) -> None:
        if type(year) is not int or not 1 <= year <= 9999:
            raise ValidationError(f"year must be an integer 1..9999, got {year!r}", field="year")
        if month is None:
            if day is not None:
                raise ValidationError("a day needs a month", field="day", value=day)
        elif type(month) is not int or not 1 <= month <= 12:
            raise ValidationError(f"month must be 1..12, got {month!r}", field="month")
        elif day is not None:
            last = calendar.monthrange(year, month)[1]
            if type(day) is not int or not 1 <= day <= last:
                raise ValidationError(
                    f"day must be 1..{last} for {year}-{month:02d}, got {day!r}", field="day"
                )
        _set = object.__setattr__
        _set(self, "year", year)
        _set(self, "month", month)
        _set(self, "day", day)
        if month is None:
            _set(self, "_iso", f"{year:04d}")
        elif day is None:
            _set(self, "_iso", f"{year:04d}-{month:02d}")
        else:
            _set(self, "_iso", f"{year:04d}-{month:02d}-{day:02d}")

    def __setattr__(self, name: str, value: object) -> None:
        raise FrozenInstanceError

    def __delattr__(self, name: str) -> None:
        raise FrozenInstanceError

    def __reduce__(self) -> tuple[type[PartialDate], tuple[int, int | None, int | None]]:
        return (PartialDate, (self.year, self.month, self.day))

    def __repr__(self) -> str:
        return f"PartialDate(year={self.year!r}, month={self.month!r}, day={self.day!r})"

    def __eq__(self, other: object) -> bool:
        if type(other) is not PartialDate:
            return NotImplemented
        return self.year == other.year and self.month == other.month and self.day == other.day

    def __ne__(self, other: object) -> bool:
        if type(other) is not PartialDate:
            return NotImplemented
        return not self == other

    def __hash__(self) -> int:
        return hash((PartialDate, self.year, self.month, self.day))

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
        return self._iso

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
