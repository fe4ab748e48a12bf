"""Calendar arithmetic for dates and periods: values at a grain, resolved against a reference.

Plain functions, no spaCy and no wall clock: every function that resolves a year takes the
publication date as an argument, so the same article always gives the same dates.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

__all__ = [
    "MONTHS",
    "WEEKDAYS",
    "Period",
    "day_period",
    "half_period",
    "month_period",
    "month_range_period",
    "parse_numeric_date",
    "prepare_dateparser",
    "quarter_period",
    "resolve_year",
    "week_period",
    "year_period",
    "year_range_period",
]

MONTHS: dict[str, int] = {}
for _i, _name in enumerate(calendar.month_name):
    if _name:
        MONTHS[_name.lower()] = _i
        MONTHS[_name[:3].lower()] = _i
MONTHS["sept"] = 9

WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}


@dataclass(frozen=True, slots=True)
class Period:
    """A resolved date value: ISO text at its grain and its first and last day."""

    value: str
    grain: str
    start: dt.date | None
    end: dt.date | None
    year_resolved: bool = True


def _last_day(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def resolve_year(
    month: int, day: int | None, published: dt.date | None, *, future: bool = False
) -> int | None:
    """The year a year-less "February 27" means in an article published on ``published``.

    News reports mostly look back: a date more than about three months after publication is
    last year's; one more than nine months before it is next year's. ``future`` (the text says
    "will", "is expected to") prefers the next occurrence.
    """
    if published is None:
        return None
    year = published.year
    try:
        candidate = dt.date(year, month, day or 1)
    except ValueError:
        candidate = dt.date(year, month, 1)
    if future:
        if (day and candidate < published) or (not day and month < published.month):
            return year + 1
        return year
    delta = (candidate - published).days
    if delta > 92:
        return year - 1
    # a month counts from its last day: "in January" in a late-November story is this January
    last = candidate if day else dt.date(year, month, calendar.monthrange(year, month)[1])
    if (last - published).days < -320:
        return year + 1
    return year


def day_period(year: int | None, month: int, day: int, *, leap_back: bool = False) -> Period | None:
    """``leap_back``: a year-less 29 February resolves to the latest leap year."""
    if year is None:
        return Period(f"XXXX-{month:02d}-{day:02d}", "day", None, None, year_resolved=False)
    try:
        date = dt.date(year, month, day)
    except ValueError:
        if not (leap_back and month == 2 and day == 29):
            return None
        while not calendar.isleap(year):
            year -= 1
        date = dt.date(year, 2, 29)
    return Period(date.isoformat(), "day", date, date)


def month_period(year: int | None, month: int) -> Period:
    if year is None:
        return Period(f"XXXX-{month:02d}", "month", None, None, year_resolved=False)
    return Period(
        f"{year:04d}-{month:02d}", "month", dt.date(year, month, 1), _last_day(year, month)
    )


def month_range_period(
    year: int | None, first: int, last: int, end_year: int | None = None
) -> Period:
    """ "January-October 2022" -> 2022-01/2022-10; a range over New Year takes ``end_year``."""
    end_year = end_year if end_year is not None else year
    if year is not None and end_year is not None and last < first and end_year == year:
        year -= 1
    if year is None or end_year is None:
        return Period(f"XXXX-{first:02d}/XXXX-{last:02d}", "range", None, None, False)
    return Period(
        f"{year:04d}-{first:02d}/{end_year:04d}-{last:02d}",
        "range",
        dt.date(year, first, 1),
        _last_day(end_year, last),
    )


def quarter_period(year: int | None, quarter: int) -> Period:
    if year is None:
        return Period(f"XXXX-Q{quarter}", "quarter", None, None, year_resolved=False)
    first = 3 * (quarter - 1) + 1
    return Period(
        f"{year:04d}-Q{quarter}", "quarter", dt.date(year, first, 1), _last_day(year, first + 2)
    )


def quarters_period(year: int | None, count: int) -> Period:
    """ "the first three quarters of 2022" -> 2022-Q1/2022-Q3."""
    if year is None:
        return Period(f"XXXX-Q1/XXXX-Q{count}", "range", None, None, year_resolved=False)
    return Period(
        f"{year:04d}-Q1/{year:04d}-Q{count}", "range", dt.date(year, 1, 1),
        _last_day(year, 3 * count),
    )  # fmt: skip


def half_period(year: int | None, half: int) -> Period:
    if year is None:
        return Period(f"XXXX-H{half}", "half", None, None, year_resolved=False)
    first = 1 if half == 1 else 7
    return Period(
        f"{year:04d}-H{half}", "half", dt.date(year, first, 1), _last_day(year, first + 5)
    )


def year_period(year: int) -> Period:
    return Period(f"{year:04d}", "year", dt.date(year, 1, 1), dt.date(year, 12, 31))


def year_range_period(first: int, last: int) -> Period:
    return Period(f"{first:04d}/{last:04d}", "range", dt.date(first, 1, 1), dt.date(last, 12, 31))


def week_period(date: dt.date) -> Period:
    iso = date.isocalendar()
    monday = date - dt.timedelta(days=date.weekday())
    return Period(f"{iso[0]:04d}-W{iso[1]:02d}", "week", monday, monday + dt.timedelta(days=6))


def _dateparser_settings(day_first: bool) -> dict[str, object]:
    return {
        "DATE_ORDER": "DMY" if day_first else "MDY",
        "PREFER_DAY_OF_MONTH": "first",
        "RELATIVE_BASE": dt.datetime(2000, 1, 1),
        "STRICT_PARSING": True,
        "REQUIRE_PARTS": ["day", "month", "year"],
    }


@lru_cache(maxsize=4096)
def parse_numeric_date(text: str, day_first: bool) -> dt.date | None:
    """ "27/02/2022", "02-27-2022", "2022-02-27" through dateparser (cached per form)."""
    import dateparser

    parsed = dateparser.parse(text, languages=["en"], settings=_dateparser_settings(day_first))
    return parsed.date() if parsed else None


def prepare_dateparser() -> None:
    """Import dateparser and build its English reader now (about 0.4 s), so ``factx.load()``
    pays for it rather than the first article that has a numeric date. Nothing is cached
    here: ``parse_numeric_date`` gives the same answers either way."""
    import dateparser

    for day_first in (True, False):
        dateparser.parse("27/02/2022", languages=["en"], settings=_dateparser_settings(day_first))
