"""Date rules for forms real trade copy writes and the core table lacked (issue 12).

Each rule is a row of the date table (name, pattern, handler, relative) that
``factx.finders.dates`` appends to its own: the same scan, candidates and longest-match
resolution. Handlers read only the publication date, so this module needs nothing from the
table it joins.

- month counts of a year: "five months of this year", "8 months of 2020", "9M'2024", "1H23",
  "2Q 2022";
- decades with a part: "the early 1950's", "the late 1970s" (the decade, as annotators read it);
- seasons: "last summer", "this spring", "by the autumn" (northern months; winter spans the
  new year);
- report weeks: "the week ending Sept. 16", "the week ended March 31" (the seven days to it);
- fiscal years by the article's calendar: "this fiscal year", "the current fiscal", "the
  previous fiscal" (April-March, as Indian and Japanese copy counts);
- "the past/last N months": the N whole months before the publication month.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable
from typing import Any

from factx.normalize import dates as D
from factx.normalize.numbers import parse_words

__all__ = ["RULES", "TRIGGERS", "past_months", "report_weeks"]

_YEAR = r"(?:1[89]\d\d|20\d\d)"
_COUNT = r"(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[1-9]|1[0-2])"
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
)
_MONTHS = {
    name: i
    for i, names in enumerate(
        [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"),
         ("may",), ("jun", "june"), ("jul", "july"), ("aug", "august"),
         ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
         ("dec", "december")],
        start=1,
    )
    for name in names
}  # fmt: skip

Handler = Callable[[re.Match[str], Any], D.Period | None]


def _count(text: str) -> int:
    return int(text) if text.isdigit() else int(parse_words(text) or 0)


def _two_digit(text: str) -> int:
    value = int(text)
    return value if value > 99 else (2000 + value if value < 50 else 1900 + value)


def _rel_year(rel: str | None, year: str | None, published: dt.date | None) -> int | None:
    if year:
        return _two_digit(year)
    if published is None:
        return None
    rel = " ".join((rel or "this").lower().split())
    return published.year - (1 if rel in ("last", "the previous", "the past", "previous") else 0)


def _h_months_of_year(m: re.Match[str], ctx: Any) -> D.Period | None:
    """ "five months of this year", "the first 8 months of 2020": January to the Nth month."""
    count = _count(m.group("n"))
    year = _rel_year(m.group("rel"), m.group("y"), ctx.published)
    if not 1 <= count <= 12 or year is None:
        return None
    return D.month_period(year, 1) if count == 1 else D.month_range_period(year, 1, count)


def _h_month_count(m: re.Match[str], ctx: Any) -> D.Period | None:
    """ "9M'2024", "9M 2015": the first nine months; "1H23" a half; "2Q 2022" a quarter."""
    year = _two_digit(m.group("y"))
    count, kind = int(m.group("n")), m.group("k").upper()
    if kind == "M":
        return D.month_range_period(year, 1, count) if 2 <= count <= 12 else None
    if kind == "H":
        return D.half_period(year, count) if count in (1, 2) else None
    return D.quarter_period(year, count) if 1 <= count <= 4 else None


def _h_decade_part(m: re.Match[str], ctx: Any) -> D.Period | None:
    first = int(m.group("dec"))
    return D.year_range_period(first, first + 9)


_SEASONS = {
    "spring": (3, 5),
    "summer": (6, 8),
    "autumn": (9, 11),
    "fall": (9, 11),
    "winter": (12, 2),
}


def _h_season(m: re.Match[str], ctx: Any) -> D.Period | None:
    """The season's three months; "last" is the latest one that has ended, "this"/"the" the
    one of the publication year (winter: the one that starts in December)."""
    first, last = _SEASONS[m.group("s").lower()]
    which = " ".join((m.group("which") or "").lower().split())
    back, ahead = which in ("last", "the past"), which == "next"
    if m.group("y"):
        year = int(m.group("y"))
    elif ctx.published is None:
        return None
    else:
        pub = ctx.published
        year = pub.year - (1 if first == 12 and pub.month <= 2 else 0)
        end_month = dt.date(year + (1 if first == 12 else 0), last, 1)
        if back and end_month >= dt.date(pub.year, pub.month, 1):
            year -= 1  # "last summer" in a March story: the summer before
        elif ahead:
            year += 1
    if first == 12:
        return D.month_range_period(year, 12, 2, end_year=year + 1)
    return D.month_range_period(year, first, last)


def _h_week_ending(m: re.Match[str], ctx: Any) -> D.Period | None:
    """ "the week ending Sept. 28": the seven days to that day (report weeks are not ISO)."""
    month = _MONTHS.get(m.group("m").rstrip(".").lower())
    if month is None:
        return None
    day = int(m.group("d"))
    if m.group("y"):
        year: int | None = int(m.group("y"))
    else:
        year = D.resolve_year(month, day, ctx.published)
    if year is None:
        return None
    try:
        last = dt.date(year, month, day)
    except ValueError:
        return None
    first = last - dt.timedelta(days=6)
    return D.Period(f"{first.isoformat()}/{last.isoformat()}", "range", first, last)


def _h_fiscal(m: re.Match[str], ctx: Any) -> D.Period | None:
    """ "this fiscal year", "the current fiscal", "the previous fiscal": the April-March
    year of the publication date (the count of India and Japan, whose copy writes it so)."""
    if ctx.published is None:
        return None
    pub = ctx.published
    start = pub.year if pub.month >= 4 else pub.year - 1
    which = " ".join(m.group("which").lower().split()).removeprefix("the ")
    if which in ("previous", "last", "past"):
        start -= 1
    elif which == "next":
        start += 1
    return D.Period(f"{start}/{start + 1}", "fiscal_year", dt.date(start, 4, 1),
                    dt.date(start + 1, 3, 31))  # fmt: skip


def _h_past_months(m: re.Match[str], ctx: Any) -> D.Period | None:
    return past_months(_count(m.group("n")), ctx.published)


def past_months(count: int, pub: dt.date | None) -> D.Period | None:
    """ "the last five months" in a June story: January to May, whole months."""
    if pub is None or not 2 <= count <= 12:
        return None
    end0 = pub.year * 12 + pub.month - 2  # the month before publication, 0-based
    first_year, first_month = divmod(end0 - count + 1, 12)
    last_year, last_month = divmod(end0, 12)
    last_day = calendar.monthrange(last_year, last_month + 1)[1]
    return D.Period(
        f"{first_year:04d}-{first_month + 1:02d}/{last_year:04d}-{last_month + 1:02d}",
        "range",
        dt.date(first_year, first_month + 1, 1),
        dt.date(last_year, last_month + 1, last_day),
    )


_PREVIOUS_WEEK = re.compile(
    r"(?i:(?:from\s+)?(?:the\s+)?(?:previous|past|prior|last)\s+week|a\s+week\s+(?:earlier|before|ago)|"
    r"the\s+week\s+before)$"
)


def report_weeks(found: list[Any]) -> None:
    """ "in the week ending Sept. 16, up from the previous week": the week before a report
    week is the seven days before it, not the ISO week before publication. ``found`` holds
    the table's matches in text order; changed in place."""
    anchor = None
    for match in found:
        if match.rule == "date.week_ending":
            anchor = match
        elif (
            anchor is not None
            and match.start - anchor.end < 400
            and _PREVIOUS_WEEK.search(match.text.strip())
            and anchor.period.start is not None
        ):
            last = anchor.period.start - dt.timedelta(days=1)
            first = last - dt.timedelta(days=6)
            match.period = D.Period(f"{first.isoformat()}/{last.isoformat()}", "range", first, last)


def _h_weekend(m: re.Match[str], ctx: Any) -> D.Period | None:
    """ "this weekend": the Saturday and Sunday of the publication week; "last"/"next" move
    it by a week."""
    if ctx.published is None:
        return None
    shift = {"last": -7, "past": -7, "next": 7, "coming": 7}.get(m.group("which").lower(), 0)
    saturday = ctx.published + dt.timedelta(days=5 - ctx.published.weekday() + shift)
    sunday = saturday + dt.timedelta(days=1)
    return D.Period(f"{saturday.isoformat()}/{sunday.isoformat()}", "range", saturday, sunday)


def _h_month_slash(m: re.Match[str], ctx: Any) -> D.Period | None:
    """ "Sept/Nov", "January/March": futures and report months joined by a slash, a range."""
    first = _MONTHS.get(m.group("m1").rstrip(".").lower())
    last = _MONTHS.get(m.group("m2").rstrip(".").lower())
    if first is None or last is None or first == last:
        return None
    year = int(m.group("y")) if m.group("y") else D.resolve_year(first, None, ctx.published)
    if year is None:
        return None
    end_year = year + 1 if last < first else year
    return D.month_range_period(year, first, last, end_year=end_year)


def _h_first_days(m: re.Match[str], ctx: Any) -> D.Period | None:
    """ "the first 20 days of February": the month's first days."""
    month = _MONTHS.get(m.group("m").rstrip(".").lower())
    count = _count(m.group("n")) if not m.group("n").isdigit() else int(m.group("n"))
    if month is None or not 2 <= count <= 30:
        return None
    year = int(m.group("y")) if m.group("y") else D.resolve_year(month, None, ctx.published)
    if year is None:
        return None
    last_day = min(count, calendar.monthrange(year, month)[1])
    first, last = dt.date(year, month, 1), dt.date(year, month, last_day)
    return D.Period(f"{first.isoformat()}/{last.isoformat()}", "range", first, last)


RULES: list[tuple[str, str, Handler, bool]] = [
    (
        "date.weekend",
        r"(?P<which>(?i:this|last|next|the\s+past|the\s+coming|past|coming))\s+(?i:weekend)\b",
        _h_weekend,
        True,
    ),
    (
        "date.month_slash",
        rf"(?<![\w/])(?P<m1>{_MONTH})/(?P<m2>{_MONTH})(?![\w/])(?:\s+(?P<y>{_YEAR}))?",
        _h_month_slash,
        True,
    ),
    (
        "date.first_days",
        rf"(?:(?i:the)\s+)?(?i:first)\s+(?P<n>\d{{1,2}}|(?i:{_COUNT}|twenty|fifteen|ten))\s+(?i:days)\s+(?i:of)\s+"
        rf"(?P<m>{_MONTH})(?:,?\s+(?P<y>{_YEAR}))?",
        _h_first_days,
        True,
    ),
    (
        "date.months_of_year",
        rf"(?:(?i:the)\s+)?(?:(?i:first)\s+)?(?P<n>(?i:{_COUNT}))\s+(?i:months)\s+(?i:of|in)\s+"
        rf"(?:(?P<rel>(?i:this|last|the\s+current|the\s+previous|the\s+past))\s+(?i:year)|(?P<y>{_YEAR}))",
        _h_months_of_year,
        True,
    ),
    (
        "date.month_count",
        rf"(?<![\w'’])(?P<n>1[0-2]|[1-9])(?P<k>[MHQ])['’]?\s?(?P<y>{_YEAR}|\d\d)(?![\w'’])",
        _h_month_count,
        False,
    ),
    (
        "date.decade_part",
        r"(?:(?i:the)\s+)?(?i:early|mid|late)[-\s]+(?P<dec>(?:1[89]|20)\d0)['’]?s\b",
        _h_decade_part,
        False,
    ),
    (
        "date.season",
        r"(?:(?P<which>(?i:this|last|next|the\s+past|the\s+coming|(?:in|by|during|over|until|through|"
        r"since|before|after)\s+the))\s+)"
        r"(?P<s>(?i:spring|summer|autumn|winter)|fall(?=\s+(?:of\s+)?(?:1[89]|20)\d\d)|[Ff]all(?=[,.;]|\s+(?:season|harvest)))"
        rf"(?:\s+(?:(?i:of)\s+)?(?P<y>{_YEAR}))?(?![\w-])",
        _h_season,
        True,
    ),
    (
        "date.week_ending",
        rf"(?:(?i:the)\s+)?(?i:week)\s+(?i:ending|ended)\s+(?:(?i:on)\s+)?"
        rf"(?P<m>{_MONTH})\s+(?P<d>[12]\d|3[01]|0?[1-9])(?![\d])(?:,?\s+(?P<y>{_YEAR}))?",
        _h_week_ending,
        True,
    ),
    (
        "date.fiscal_relative",
        r"(?P<which>(?i:this|the\s+current|current|the\s+previous|previous|last|the\s+last|next|"
        r"the\s+next|the\s+past))\s+(?i:fiscal)(?:\s+(?i:year))?(?!\s+(?:1[89]|20)\d\d)(?![\w-])",
        _h_fiscal,
        True,
    ),
    (
        "date.past_months",
        rf"(?:(?i:the)\s+)?(?i:last|past)\s+(?P<n>(?i:{_COUNT}))\s+(?i:months)\b",
        _h_past_months,
        True,
    ),
]

#: Words that must be near for the rules above to be tried (the table's trigger windows).
TRIGGERS = re.compile(
    r"(?i:months|days|\d[MHQ]|\d0['’]?s|spring|summer|autumn|winter|fall|week|fiscal|[a-z]/[A-Z])"
)
