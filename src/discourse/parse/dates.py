"""Dates written in the text, normalised to :class:`~discourse.PartialDate`.

Recognised forms (the anchor is the publication date, when given):

- full dates: ``23 February 2017``, ``February 23, 2017``, ``23rd Feb. 2017``,
  ``2017-02-23``;
- day and month without a year: ``on 23 February``, ``February 23`` (the
  year of the anchor, or the year before when that would be in the future);
- month and year: ``in March 2017``, ``March 2017``;
- a month alone after *in*, *since*, *until*, *by*, *early*, *late*, *the end
  of*...: ``in March`` (needs the anchor), but not ``in May's cabinet``;
- a month naming a contest: ``the March general election`` (needs the anchor);
- a year after a preposition: ``in 2016``, ``since 2015``, ``mid-2019``;
- weekdays: ``on Tuesday``, ``last Tuesday`` (the latest such day not after
  the anchor);
- ``yesterday``, ``today``, ``tomorrow``, ``last month``, ``last year``,
  ``this year``, ``next year``.

Matching is one pass of one regular expression without nested repetition,
so it is linear in the length of the text.

Examples:
    >>> from discourse import PartialDate
    >>> [(m.text, str(m.date)) for m in find_dates("He quit on Tuesday.", PartialDate(2017, 3, 2))]
    [('on Tuesday', '2017-02-28')]
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import Final

import attrs

from discourse.errors import ValidationError
from discourse.model import PartialDate

__all__ = ["DateMention", "find_dates", "resolve_date"]

_MONTHS: Final = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
_WEEKDAYS: Final = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
}  # fmt: skip

_MON = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
)
_DAY = r"(?:[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89][0-9]{2}|2[0-9]{3})"
_WD = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
#: What a month names as a modifier: "the March general election", "the June congress".
_CONTEST_ADJ = r"(?:general|federal|snap|state|regional|local|leadership|party|presidential)\s"
_CONTEST = (
    r"elections?|by-elections?|vote|ballot|poll|congress|conference|convention|primary|primaries"
    r"|referendum|caucus|caucuses"
)

_PATTERN: Final = re.compile(
    r"\b(?:"
    rf"(?P<iso>{_YEAR}-[01][0-9]-[0-3][0-9])"
    rf"|(?P<dmy_d>{_DAY})\s(?:of\s)?(?P<dmy_m>{_MON}),?(?:\s(?P<dmy_y>{_YEAR}))?"
    rf"|(?P<mdy_m>{_MON})\s(?P<mdy_d>{_DAY})(?![0-9])(?:,?\s(?P<mdy_y>{_YEAR}))?"
    rf"|(?P<my_m>{_MON})\s(?P<my_y>{_YEAR})"
    rf"|(?P<mo_p>[Ii]n|[Ss]ince|[Uu]ntil|[Bb]y|[Ee]arly|[Ll]ate|[Mm]id-?|[Ll]ast|[Nn]ext|[Tt]his|[Dd]uring|[Ff]rom|[Ee]nd\sof|[Bb]eginning\sof)\s(?P<mo_m>{_MON})\b(?!,?\s[0-9]|['\u2019])"
    rf"|(?P<the_p>[Tt]he)\s(?P<the_m>{_MON})(?=\s(?:{_CONTEST_ADJ})?(?:{_CONTEST})\b)"
    rf"|(?P<y_p>[Ii]n|[Ss]ince|[Uu]ntil|[Bb]y|[Dd]uring|[Ff]rom|[Oo]f|[Ee]arly|[Ll]ate|[Mm]id-)\s?(?<=[-\s])(?P<y_y>{_YEAR})(?![0-9-])"
    rf"|(?P<wd_p>[Oo]n|[Ll]ast|[Tt]his|[Ss]ince|[Bb]y)\s(?P<wd>{_WD})"
    r"|(?P<rel>[Yy]esterday|[Tt]oday|[Tt]omorrow)"
    r"|(?P<rel2>[Ll]ast|[Tt]his|[Nn]ext)\s(?P<unit>month|year)"
    r")\b"
)


@attrs.frozen
class DateMention:
    """A date expression found in the text.

    Attributes:
        start: Offset of the expression.
        end: Offset one past it.
        text: The expression as written.
        date: What it stands for.
    """

    start: int
    end: int
    text: str
    date: PartialDate


def _month(word: str) -> int:
    return _MONTHS[word.rstrip(".").lower()]


def _safe(year: int, month: int | None = None, day: int | None = None) -> PartialDate | None:
    try:
        return PartialDate(year, month, day)
    except ValidationError:
        return None


def _day(text: str) -> int:
    return int(text.rstrip("stndrh"))


def resolve_date(match: re.Match[str], anchor: PartialDate | None) -> PartialDate | None:
    """The date a match of the date pattern stands for, or ``None`` if it needs a missing anchor."""
    g = match.group
    if g("iso"):
        y, m, d = g("iso").split("-")
        return _safe(int(y), int(m), int(d))
    if g("dmy_d") or g("mdy_d"):
        day = _day(g("dmy_d") or g("mdy_d"))
        month = _month(g("dmy_m") or g("mdy_m"))
        year_s = g("dmy_y") or g("mdy_y")
        if year_s:
            return _safe(int(year_s), month, day)
        if anchor is None:
            return None
        year = anchor.year
        if anchor.month is not None and (month, day) > (anchor.month, anchor.day or 31):
            year -= 1
        return _safe(year, month, day)
    if g("my_m"):
        return _safe(int(g("my_y")), _month(g("my_m")))
    if g("mo_m") or g("the_m"):
        if anchor is None:
            return None
        month = _month(g("mo_m") or g("the_m"))
        prep = (g("mo_p") or "in").lower()
        year = anchor.year
        if prep == "next":
            year += 1 if anchor.month is not None and month <= anchor.month else 0
        elif anchor.month is not None and month > anchor.month and prep != "this":
            year -= 1
        return _safe(year, month)
    if g("y_y"):
        return _safe(int(g("y_y")))
    if g("wd"):
        if anchor is None or anchor.day is None:
            return None
        a = anchor.first
        back = (a.weekday() - _WEEKDAYS[g("wd").lower()]) % 7
        if g("wd_p").lower() == "last" and back == 0:
            back = 7
        d = a - _dt.timedelta(days=back)
        return PartialDate(d.year, d.month, d.day)
    if g("rel"):
        if anchor is None or anchor.day is None:
            return None
        shift = {"yesterday": -1, "today": 0, "tomorrow": 1}[g("rel").lower()]
        d = anchor.first + _dt.timedelta(days=shift)
        return PartialDate(d.year, d.month, d.day)
    if g("unit"):
        if anchor is None:
            return None
        shift = {"last": -1, "this": 0, "next": 1}[g("rel2").lower()]
        if g("unit") == "year":
            return _safe(anchor.year + shift)
        if anchor.month is None:
            return None
        m = anchor.month + shift
        y = anchor.year + (m - 1) // 12
        m = (m - 1) % 12 + 1
        return _safe(y, m)
    return None  # pragma: no cover - every alternative is handled above


def find_dates(
    text: str, anchor: PartialDate | None = None, start: int = 0, end: int | None = None
) -> list[DateMention]:
    """Find the date expressions of ``text[start:end]``.

    Args:
        text: The document.
        anchor: The publication date, for relative expressions (``on Tuesday``).
        start: Where to start looking.
        end: Where to stop (default: the end).

    Returns:
        Each resolvable date expression, in order. Expressions that need an
        anchor are skipped when there is none.
    """
    stop = len(text) if end is None else end
    out: list[DateMention] = []
    for m in _PATTERN.finditer(text, start, stop):
        d = resolve_date(m, anchor)
        if d is not None:
            out.append(DateMention(m.start(), m.end(), m.group(), d))
    return out
