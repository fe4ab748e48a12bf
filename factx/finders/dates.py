"""Dates and periods in plain text, resolved against the publication date.

Candidates come from factx's own patterns (never ``search_dates`` over a whole article, which
is slow and finds "Do" and "100M"); calendar arithmetic is in :mod:`factx.normalize.dates`;
dateparser reads only the numeric forms ("27/02/2022"), cached per form. No state is kept
between calls.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from factx._regex import finditer_windows, windows
from factx.finders import dates_real
from factx.normalize import dates as D
from factx.normalize.numbers import parse_number, parse_words

__all__ = ["DateMatch", "find_dates"]


@dataclass(slots=True)
class DateMatch:
    start: int
    end: int
    text: str
    period: D.Period
    relation: str | None
    relative: bool
    rule: str
    prefix: int = 0  # length of the relation word(s) at the start of ``text`` ("as of ")


_MONTH_NAMES = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
]  # fmt: skip
_MONTH_ABBR = ["Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec"]
_MONTH = (
    "(?:"
    + "|".join(n for n in _MONTH_NAMES)
    + "|"
    + "|".join(n.upper() for n in _MONTH_NAMES)
    + "|"
    + "|".join(rf"{a}\.?|{a.upper()}\.?" for a in _MONTH_ABBR)
    + r")(?![A-Za-z])"
)
_MONTH_ANY = (
    r"(?:(?i:january|february|april|june|july|august|september|october|november|december)"
    r"|May|MAY|March|MARCH|(?i:jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?"
    # "march" and "may" in lower case are verbs, unless a day or "of" makes them months
    r"|(?<=of\s)(?:march|may)|(?:march|may)(?=\s+(?:\d|first|second|third|fourth|fifth|(?:twenty|thirty)[\s-])))(?![A-Za-z])"
)
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_ORD = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
    "last": 4, "final": 4,
}  # fmt: skip
_ORDINAL = r"(?:first|second|third|fourth|1st|2nd|3rd|4th|last|final)"
_COUNT = r"(?:two|three|four|five|six|seven|eight|nine|ten|eleven|2|3|4|5|6|7|8|9|10|11)"
_REL = (
    r"(?P<rel>(?i:as\s+of|as\s+at|since|until|till|through|by|before|after|from|between|in|on"
    r"|during|for|of|at|to|ahead\s+of|prior\s+to)\s+)?"
)
_THE = r"(?:(?i:the)\s+)?"
_UNIT_AFTER = re.compile(
    r"\s*(?:[-–]\s*)?(?:tonnes?|tons?|containers?|trains?|trips?|TEUs?|units?|vehicles?|km|kg|"
    r"kilomet|metres?|meters?|people|workers|companies|enterprises|cars|ships|vessels|"
    r"pieces|items|times|yuan|dollars|dlrs|euros|rubles|roubles|tenge|rupees|barrels|"
    r"cases|heads?|percent|per\s?cent|%|pct|bags|boxes|hectares|mln|billion|million)\b",
    re.IGNORECASE,
)
_FUTURE_CUE = re.compile(
    r"\b(?:will|would|shall|expected|plans?|planned|scheduled|aims?|targets?|set to|due|"
    # what is meant to come: "effective from July", "prices should rise in May"
    r"effective|might|should|must|likely|intends?|hopes?|proposed|"
    r"to be|is to|are to|going to|forecast|projected|"
    # an agreement or decision about what comes next: "had agreed to cut dues from January"
    r"(?:agreed|decided|pledged|promised|vowed|approved\s+plans)\s+to|"
    # present tense for a scheduled event: "he leaves on Saturday"
    r"leaves|arrives|departs|begins|starts|opens|visits|returns|heads|travels|meets|resumes)\b",
    re.IGNORECASE,
)

_PAST_VERB = re.compile(
    r"\b(?:said|told|signed|reported|announced|agreed|added|noted|stated|was|were|had|did)\b"
)
_SENTENCE_CUT = re.compile(r"[.!?][\"”’]?\s|\n(?=\s)")

Handler = Callable[[re.Match[str], "_Ctx"], "D.Period | None"]


@dataclass(slots=True)
class _Ctx:
    text: str
    published: dt.date | None
    day_first: bool
    prefer_future: bool = False

    def future(self, start: int) -> bool:
        if self.prefer_future:
            return True
        window = self.text[max(0, start - 120) : start]
        # the sentence so far: wire copy wraps its lines, so a line break ends a sentence only
        # after a full stop or before an indented or empty line
        cuts = [m.end() for m in _SENTENCE_CUT.finditer(window)]
        sentence = window[cuts[-1] if cuts else 0 :]
        cues = list(_FUTURE_CUE.finditer(sentence))
        # "... will rise to 357 million tons, an official said on Monday": a past verb after
        # the cue is the one the date belongs to
        return bool(cues) and not _PAST_VERB.search(sentence, cues[-1].end())


def _month(text: str) -> int:
    key = text.rstrip(".").lower()
    return D.MONTHS[key] if key in D.MONTHS else D.MONTHS[key[:3]]


def _year_or_resolve(m: re.Match[str], ctx: _Ctx, month: int, day: int | None) -> int | None:
    y = m.groupdict().get("y")
    if y:
        return int(y)
    return D.resolve_year(month, day, ctx.published, future=ctx.future(m.start()))


def _day(text: str) -> int:
    return int(re.sub(r"\D", "", text))


def _h_month_day(m: re.Match[str], ctx: _Ctx) -> D.Period | None:
    month, day = _month(m.group("m")), _day(m.group("d"))
    leap_back = not m.groupdict().get("y")
    return D.day_period(_year_or_resolve(m, ctx, month, day), month, day, leap_back=leap_back)


def _h_month_year(m: re.Match[str], ctx: _Ctx) -> D.Period | None:
    month = _month(m.group("m"))
    return D.month_period(_year_or_resolve(m, ctx, month, None), month)


def _h_month_range(m: re.Match[str], ctx: _Ctx) -> D.Period | None:
    first, last = _month(m.group("m1")), _month(m.group("m2"))
    year = _year_or_resolve(m, ctx, first, None) if m.group("y") else None
    if year is None:
        year = D.resolve_year(last, None, ctx.published, future=ctx.future(m.start()))
        if year is not None and last < first:
            return D.month_range_period(year - 1, first, last, end_year=year)
    return D.month_range_period(year, first, last)


def _h_first_months(m: re.Match[str], ctx: _Ctx) -> D.Period | None:
    count_text = m.group("n")
    count = int(count_text) if count_text.isdigit() else int(parse_words(count_text) or 0)
    if not 1 <= count <= 12:
        return None
    year = int(m.group("y")) if m.group("y") else D.resolve_year(1, 1, ctx.published)
    if year is not None and ctx.published is not None and not m.group("y"):
        # "the first two months" in a report of early March means this year's January-February
        year = (
            ctx.published.year if ctx.published.month > 1 or count == 1 else ctx.published.year - 1
        )
    if count == 1:
        return D.month_period(year, 1)
    return D.month_range_period(year, 1, count)


def _h_calendar_year(m: re.Match[str], ctx: _Ctx) -> D.Period | None:
    """ "for the calendar year": the year of the report."""
    return D.year_period(ctx.published.year) if ctx.published else None


def _h_day_year_ago(m: re.Match[str], ctx: _Ctx) -> D.Period | None:
    """ "from today's date a year ago": the report's day, a year back."""
    if ctx.published is None:
        return None
    pub = ctx.published
    day = min(pub.day, calendar.monthrange(pub.year - 1, pub.month)[1])
    return D.day_period(pub.year - 1, pub.month, day)


def _h_last_months(m: re.Match[str], ctx: _Ctx) -> D.Period | None:
    """ "the remaining three months of the year": the year's last months."""
    count_text = m.group("n")
    count = int(count_text) if count_text.isdigit() else int(parse_words(count_text) or 0)
    if not 1 <= count <= 11:
        return None
    year = int(m.group("y")) if m.group("y") else (ctx.published.year if ctx.published else None)
    return D.month_range_period(year, 13 - count, 12)


def _period_year(m: re.Match[str], ctx: _Ctx, start_month: int, months: int = 3) -> int | None:
    """The year of a quarter or half named without one ("the second quarter").

    This year's, unless it has not begun and last year's ended recently: in February "the
    fourth quarter" is last year's results, "the second quarter" is this year's outlook.
    "last year"/"next year" after the period ("H2 last year") shift it.
    """
    groups = m.groupdict()
    if groups.get("y"):
        y = groups["y"].lstrip("'")
        return int(y) if len(y) == 4 else 2000 + int(y)
    if ctx.published is None:
        return None
    year = ctx.published.year
    relative = (groups.get("ry") or "").lower().split()
    if relative:
        return year + {"last": -1, "previous": -1, "next": 1, "following": 1}.get(relative[-1], 0)
    if re.search(r"(?i)\b(?:this|the\s+current)\s+year\b", m.group(0)):
        return year  # "the second half of this year": this year's, whatever the month
    if start_month > ctx.published.month and not ctx.future(m.start()):
        # half a year back: "the third quarter" in a March report is last year's results
        end_month = start_month + months - 1
        last_end = dt.date(year - 1, end_month, calendar.monthrange(year - 1, end_month)[1])
        if (ctx.published - last_end).days <= (183 if months == 3 else 120):
            year -= 1
    return year


def _h_year(m: re.Match[str], ctx: _Ctx) -> D.Period | None:
    return D.year_period(int(m.group("y")))


def _h_year_range(m: re.Match[str], ctx: _Ctx) -> D.Period | None:
    first, second = m.group("y1") or m.group("y1b"), m.group("y2")
    last = int(second) if len(second) == 4 else int(first[:2] + second)
    if last <= int(first) or last - int(first) > 50:
        return None
    return D.year_range_period(int(first), last)


def _h_fiscal_pair(m: re.Match[str], ctx: _Ctx) -> D.Period | None:
    first, second = int(m.group("y1")), m.group("y2") or m.group("y2b")
    last = int(second) if len(second) == 4 else (first // 100) * 100 + int(second)
    if last != first + 1:
        return None
    return D.Period(f"{first:04d}/{last:04d}", "fiscal_year", None, None)


def _h_relative(m: re.Match[str], ctx: _Ctx) -> D.Period | None:
    if ctx.published is None:
        return None
    which, unit = m.group("which").lower(), m.group("unit").lower()
    unit = {"qtr": "quarter", "yr": "year"}.get(unit, unit)
    shift = {"last": -1, "past": -1, "previous": -1, "this": 0, "current": 0, "next": 1,
             "coming": 1}.get(which.split()[-1], 0)  # fmt: skip
    pub = ctx.published
    if unit == "year":
        return D.year_period(pub.year + shift)
    if unit == "month":
        month0 = pub.year * 12 + pub.month - 1 + shift
        return D.month_period(month0 // 12, month0 % 12 + 1)
    if unit == "week":
        return D.week_period(pub + dt.timedelta(weeks=shift))
    if unit == "quarter":
        q0 = pub.year * 4 + (pub.month - 1) // 3 + shift
        return D.quarter_period(q0 // 4, q0 % 4 + 1)
    return None


def _h_same_period(m: re.Match[str], ctx: _Ctx) -> D.Period | None:
    """Placeholder: anaphora ("the same period last year") are resolved after the scan
    against the period the text mentioned before; alone they mean last year."""
    if ctx.published is None:
        return None
    return D.year_period(ctx.published.year - 1)


def _h_this_year(m: re.Match[str], ctx: _Ctx) -> D.Period | None:
    return D.year_period(ctx.published.year) if ctx.published else None


def _h_day_range(m: re.Match[str], ctx: _Ctx) -> D.Period | None:
    month, d1, d2 = _month(m.group("m")), _day(m.group("d")), _day(m.group("d2"))
    if d2 <= d1:
        return None
    year = _year_or_resolve(m, ctx, month, d1)
    first, last = D.day_period(year, month, d1), D.day_period(year, month, d2)
    if first is None or last is None:
        return None
    if year is None:
        return D.Period(f"{first.value}/{last.value}", "range", None, None, False)
    return D.Period(f"{first.value}/{last.value}", "range", first.start, last.end)


def _h_month_rel_year(m: re.Match[str], ctx: _Ctx) -> D.Period | None:
    if ctx.published is None:
        return None
    which = m.group("which").lower().split()[-1]
    shift = {"last": -1, "previous": -1, "this": 0, "next": 1, "following": 1}[which]
    return D.month_period(ctx.published.year + shift, _month(m.group("m")))


def _h_quarters(m: re.Match[str], ctx: _Ctx) -> D.Period | None:
    count_text = m.group("n").lower()
    count = int(count_text) if count_text.isdigit() else {"two": 2, "three": 3}[count_text]
    year = int(m.group("y")) if m.group("y") else _period_year(m, ctx, 1)
    if m.group("rel") and ctx.published is not None:  # "of this year", "of last year"
        year = ctx.published.year - (0 if m.group("rel").lower().startswith("this") else 1)
    return D.quarters_period(year, count)


def _shift_period(period: D.Period, year: int) -> D.Period | None:
    """The same period in another year: 2023-01/2023-04 -> 2022-01/2022-04."""
    if period.start is None:
        return None
    delta = year - period.start.year

    def move(text: str) -> str:
        return re.sub(r"^(\d{4})", lambda y: f"{int(y.group(1)) + delta:04d}", text)

    value = "/".join(move(part) for part in period.value.split("/"))

    def move_date(d: dt.date | None) -> dt.date | None:
        if d is None:
            return None
        try:
            return d.replace(year=d.year + delta)
        except ValueError:  # 29 February
            return d.replace(year=d.year + delta, day=28)

    return D.Period(value, period.grain, move_date(period.start), move_date(period.end))


def _h_day_word(m: re.Match[str], ctx: _Ctx) -> D.Period | None:
    if ctx.published is None:
        return None
    word = m.group("dw").lower()
    shift = {"yesterday": -1, "today": 0, "tomorrow": 1}[word]
    day = ctx.published + dt.timedelta(days=shift)
    return D.day_period(day.year, day.month, day.day)


def _h_weekday(m: re.Match[str], ctx: _Ctx) -> D.Period | None:
    if ctx.published is None:
        return None
    weekday = D.WEEKDAYS[m.group("wd").lower()]
    which = (m.group("which") or "").lower()
    pub = ctx.published
    if which == "next" or (which != "last" and ctx.future(m.start())):
        delta = (weekday - pub.weekday()) % 7 or 7
    else:
        delta = -((pub.weekday() - weekday) % 7)
        if which == "last" and delta == 0:
            delta = -7
    day = pub + dt.timedelta(days=delta)
    return D.day_period(day.year, day.month, day.day)


def _h_numeric(m: re.Match[str], ctx: _Ctx) -> D.Period | None:
    text = m.group("num")
    if re.match(r"\d{4}-\d\d-\d\d$", text):
        try:
            date = dt.date.fromisoformat(text)
        except ValueError:
            return None
    else:
        parts = [int(p) for p in re.split(r"[/.-]", text)]
        day_first = ctx.day_first if parts[0] <= 12 and parts[1] <= 12 else parts[0] > 12
        if parts[0] > 31 or parts[1] > 31 or (parts[0] > 12 and parts[1] > 12):
            return None
        parsed = D.parse_numeric_date(text, day_first)
        if parsed is None:
            return None
        date = parsed
    return D.day_period(date.year, date.month, date.day)


def _h_end_year(m: re.Match[str], ctx: _Ctx) -> D.Period | None:
    return D.year_period(int(m.group("y")))


_RULES: list[tuple[str, str, Handler, bool]] = [
    # name, pattern, handler, relative-to-publication
    (
        "date.numeric",
        r"(?<![\d/.-])(?P<num>\d{4}-\d\d-\d\d|\d{1,2}[/.]\d{1,2}[/.](?:(?:19|20)\d\d|\d\d))(?![\d/.-])",
        _h_numeric,
        False,
    ),
    (
        "date.month_range",
        rf"(?:(?i:from)\s+)?{_THE}(?P<m1>{_MONTH})(?:\s*[-–]\s*|\s+(?i:to|through|and|till|until)\s+)(?P<m2>{_MONTH})(?:,?\s+(?P<y>{_YEAR}))?",
        _h_month_range,
        True,
    ),
    (
        "date.first_months",
        rf"{_THE}(?i:first)\s+(?P<n>{_COUNT}|(?i:two|three|four|five|six|seven|eight|nine|ten|eleven))\s+(?i:months)(?:\s+(?i:of)\s+(?:(?i:the\s+year)|(?P<y>{_YEAR})))?",
        _h_first_months,
        True,
    ),
    (
        "date.calendar_year",
        r"(?i:the\s+(?:current\s+)?calendar\s+year)(?!\s+(?:19|20)\d\d)",
        _h_calendar_year,
        True,
    ),
    (
        "date.day_year_ago",
        r"(?i:today['’]s\s+date\s+(?:a|one)\s+year\s+ago)",
        _h_day_year_ago,
        True,
    ),
    (
        "date.last_months",
        rf"{_THE}(?i:remaining|last|final)\s+(?P<n>{_COUNT}|(?i:two|three|four|five|six|seven|eight|nine|ten|eleven))\s+(?i:months)\s+(?i:of)\s+(?:(?i:the|this)\s+year|(?P<y>{_YEAR}))",
        _h_last_months,
        True,
    ),
    (
        "date.day_month_year",
        rf"(?P<d>{_DAY})(?:\s+(?i:of))?\s+(?P<m>{_MONTH}),?(?:\s+(?P<y>{_YEAR}))?(?!\d)",
        _h_month_day,
        True,
    ),
    (
        "date.day_range",
        rf"(?:(?i:from)\s+)?(?P<m>{_MONTH})\s+(?P<d>{_DAY})(?:\s*[-–]\s*|\s+(?i:to|and|through|thru|till|until)\s+)(?P<d2>{_DAY})(?![\d,.]\d)(?:,?\s+(?P<y>{_YEAR}))?(?!\d)",
        _h_day_range,
        True,
    ),
    (
        "date.month_rel_year",
        rf"(?P<m>{_MONTH_ANY})\s+(?:(?i:of\s+))?(?P<which>(?i:last|this|next|the\s+previous|the\s+following))\s+(?i:year)",
        _h_month_rel_year,
        True,
    ),
    (
        "date.quarters",
        rf"{_THE}(?i:first)\s+(?P<n>(?i:two|three|2|3))\s+(?i:quarters)(?:\s+(?i:of)\s+(?:(?P<y>{_YEAR})|(?P<rel>(?i:this|last|the\s+previous)\s+year)))?",
        _h_quarters,
        True,
    ),
    (
        "date.anaphora",
        r"(?P<ana>(?i:(?:the\s+same|a\s+similar|the\s+similar|the\s+corresponding|the\s+comparable)\s+(?:(?P<ay>"
        + _YEAR
        + r")\s+)?(?:period|time|months?|quarter|half|week|day)(?:\s+(?:of|in)\s+(?P<ay2>"
        + _YEAR
        + r"|last\s+year|the\s+previous\s+year|the\s+prior\s+year))?(?:\s+(?:last\s+(?:year|FY|fiscal(?:\s+year)?)|a\s+year\s+(?:earlier|ago|before)))?|(?:a|one)\s+year\s+(?:earlier|ago|before)"
        # "the year-earlier period", "year-ago levels": the same span a year back
        r"|(?:the\s+)?year[-\s](?:earlier|ago)\s+(?:period|quarter|month|figures?|levels?|results?)))",
        _h_same_period,
        True,
    ),
    (
        "date.end_of_year",
        r"(?i:(?:by\s+)?the\s+(?:end|start|beginning)\s+of\s+(?:the|this)\s+year)",
        _h_this_year,
        True,
    ),
    (
        "date.month_day",
        rf"(?P<m>{_MONTH})\s+(?P<d>{_DAY})(?![\d,.]\d)(?:,?\s+(?P<y>{_YEAR}))?(?!\d)",
        _h_month_day,
        True,
    ),
    (
        "date.quarter",
        rf"{_THE}(?:(?P<q>Q[1-4])|(?P<q2>{_ORDINAL})[\s-]+(?i:quarter|qtr))(?:\s+(?i:of\s+)?(?:(?i:the\s+year|this\s+year)|(?P<ry>(?i:last|next|the\s+previous|the\s+following))\s+(?i:year)|(?:FY)?(?P<y>{_YEAR}|'\d\d)))?",
        None,
        True,
    ),  # type: ignore[list-item]
    (
        "date.half",
        rf"{_THE}(?:(?P<hq>H[12])|(?P<h2>(?i:first|second|1st|2nd))\s+(?i:half))(?:\s+(?i:of\s+)?(?:(?i:the\s+year|this\s+year)|(?P<ry>(?i:last|next|the\s+previous|the\s+following))\s+(?i:year)|(?P<y>{_YEAR})))?",
        None,
        True,
    ),  # type: ignore[list-item]
    (
        "date.fiscal_pair",
        rf"(?<![\d,.])(?:(?i:fiscal(?:\s+year)?|FY)\s*)?(?P<y1>{_YEAR})(?:/(?P<y2b>{_YEAR})|[/-](?P<y2>\d\d))(?![\d/])",
        _h_fiscal_pair,
        False,
    ),
    (
        "date.fy",
        r"(?:\b(?:FY|fy)\s?'?(?P<fy>(?:19|20)?\d\d)\b|(?i:fiscal(?:\s+year)?)\s+(?P<fy2>"
        + _YEAR
        + r"))",
        None,
        False,
    ),  # type: ignore[list-item]
    (
        "date.year_range",
        rf"(?:(?i:between)\s+(?P<y1b>{_YEAR})\s+(?i:and)\s+|(?:(?i:from)\s+)?(?<![\d,.])(?P<y1>{_YEAR})(?:\s*[-–]\s*|\s+(?i:to|through)\s+))(?P<y2>{_YEAR}|\d\d)(?![\d,.]\d)",
        _h_year_range,
        False,
    ),
    (
        "date.month_year",
        rf"(?:(?i:early|mid|late|end)[-\s]+)?(?P<m>{_MONTH})(?:\s+(?i:of\s+)?(?P<y>{_YEAR})(?![\d,.]\d))",
        _h_month_year,
        True,
    ),
    (
        "date.end_year",
        rf"(?:(?i:(?:by\s+)?the\s+end\s+of|end|mid|early|late|the\s+start\s+of|the\s+beginning\s+of)[-\s]+(?:(?i:the\s+year\s+)?)?)(?P<y>{_YEAR})(?![\d,.]\d)",
        _h_end_year,
        False,
    ),
    (
        "date.month_that_year",
        rf"(?P<m>{_MONTH})\s+(?i:of\s+(?:that|the\s+same)\s+year)",
        _h_month_year,
        True,
    ),
    (
        "date.month_alone",
        rf"(?:(?i:early|mid|late|end)[-\s]+)?(?P<m>{_MONTH})",
        _h_month_year,
        True,
    ),
    (
        "date.relative",
        r"(?P<which>(?i:last|past|previous|this|current|next|coming|the\s+previous|the\s+past|the\s+current|the\s+coming))\s+(?P<unit>(?i:year|month|week|quarter|qtr|yr))(?!s|ly|-)",
        _h_relative,
        True,
    ),
    ("date.day_word", r"\b(?P<dw>(?i:yesterday|today|tomorrow))\b", _h_day_word, True),
    (
        "date.weekday",
        r"(?P<which>)(?i:on)\s+(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b",
        _h_weekday,
        True,
    ),
    (
        "date.year",
        rf"(?<![\d,.$€£¥#/-])(?P<y>{_YEAR})(?![\d%]|[,.]\d|-(?:\d|year|month|day|week))",
        _h_year,
        False,
    ),
]


def _h_quarter_any(m: re.Match[str], ctx: _Ctx) -> D.Period | None:
    if m.group("y") and re.search(r"FY\s*$", m.string[: m.start("y")]):
        # "the first quarter of FY2025": a quarter of a fiscal year whose months depend on
        # the country (India's runs from April); the label is what the text fixes
        fy_text = m.group("y")
        fiscal_year = int(fy_text) if len(fy_text) == 4 else 2000 + int(fy_text[-2:])
        return D.Period(f"FY{fiscal_year}", "fiscal_year", None, None)
    q = m.group("q") or m.group("q2")
    quarter = int(q[-1]) if q[-1].isdigit() else _ORD[q.lower()]
    year_text = m.group("y")
    year: int | None
    if year_text:
        year = int(year_text) if len(year_text) == 4 else 2000 + int(year_text[-2:])
    else:
        year = _period_year(m, ctx, 3 * (quarter - 1) + 1)
    return D.quarter_period(year, quarter)


def _h_half_any(m: re.Match[str], ctx: _Ctx) -> D.Period | None:
    h = (m.group("hq") or m.group("h2")).lower()
    half = 1 if h in ("h1", "first", "1st") else 2
    year = _period_year(m, ctx, 1 if half == 1 else 7, months=6)
    return D.half_period(year, half)


def _h_fy_any(m: re.Match[str], ctx: _Ctx) -> D.Period | None:
    y = m.group("fy") or m.group("fy2")
    year = int(y) if len(y) == 4 else 2000 + int(y) if int(y) < 50 else 1900 + int(y)
    return D.Period(f"FY{year}", "fiscal_year", None, None)


_HANDLERS: dict[str, Handler] = {
    "date.quarter": _h_quarter_any,
    "date.half": _h_half_any,
    "date.fy": _h_fy_any,
}
_RELATIONS = {
    "as of": "as_of", "as at": "as_of", "since": "since", "until": "until", "till": "until",
    "through": "until", "by": "by", "before": "before", "prior to": "before",
    "ahead of": "before", "after": "after", "between": "between", "from": "between",
    "in": "in", "during": "in", "on": "on",
}  # fmt: skip


@lru_cache(maxsize=1)
def _compiled() -> list[tuple[str, re.Pattern[str], Handler, bool]]:
    rules = []
    for name, pattern, handler, relative in _RULES:
        handler = _HANDLERS.get(name, handler)
        rules.append((name, re.compile("(?P<core>" + pattern + ")"), handler, relative))
    return rules


_MONTH_ALONE_CUE = re.compile(
    r"(?i:in|since|until|till|by|from|to|during|of|before|after|through|early|mid|late|end|"
    r"last|next|this|between|and|or|until|for|each|every)[-\s]+$"
)


#: Every date this module reads contains one of these: the patterns run only near them.
_DATE_TRIGGER = re.compile(
    rf"\d|{_MONTH}|(?i:\b(?:year|years|yr|month|months|week|weeks|day|days|ago|now|decade|date|eom|bom|eoy|boy|early|mid|late|quarter|quarters|half|qtr|period|time|"
    r"january|february|april|june|july|august|september|october|november|december|sept?|oct|nov|dec|jan|feb|apr|jun|jul|aug|"
    r"today|yesterday|tomorrow|monday|tuesday|wednesday|thursday|friday|saturday|sunday|fiscal|"
    r"fy|h[12]|q[1-4])\b)"
)
_REL_BEFORE = re.compile(r"(?<![\w-])" + _REL + "$")


def _relation_before(text: str, start: int) -> re.Match[str] | None:
    """The relation word just before a date ("as of", "since", "by"), found after the scan so
    that the scan itself stays cheap."""
    m = _REL_BEFORE.search(text, max(0, start - 16), start)
    return m if m and m.group("rel") else None


def _accept(name: str, m: re.Match[str], text: str, rel: str | None) -> bool:
    """Guards that keep numbers, durations and verbs from being read as dates."""
    core_start, core_end = m.start("core"), m.end("core")
    if name in ("date.quarter", "date.half") and re.match(
        r"\s+of\s+(?:the\s+)?(?:(?:19|20)\d\d(?:[/-]\d{2,4})?\s+)?(?:fiscal|financial)\b"
        r"|\s+of\s+(?:FY|fiscal)",
        text[core_end:],
    ):
        return False  # "the first quarter of fiscal year 2024" is no calendar quarter
    if name == "date.year":
        if _UNIT_AFTER.match(text, core_end):
            return False
        before = text[max(0, core_start - 25) : core_start]
        if re.search(r"(?i:\b(?:in|since|by|from|until|till|to|of|during|before|after|through|"
                     r"between|and|year|for|the|end|mid|early|late|fiscal|FY|around|circa|"
                     r"than|summer|winter|spring|autumn|fall|January|February|March|April|May|"
                     r"June|July|August|September|October|November|December))[\s-]+$|[(,]\s*$",
                     before):  # fmt: skip
            return True
        return bool(re.match(r"\s*(?:[,.;:)]|$|\s+(?:and|to|when|as|with|compared|was|were|"
                             r"is|will|levels?|figures?|data|season|edition|budget|plan|"
                             r"target|census|report|survey|results?)\b)", text[core_end:]))  # fmt: skip
    if name == "date.month_alone":
        word = m.group("m")
        if word in ("May", "MAY", "March", "MARCH") and not rel:
            before = text[max(0, core_start - 12) : core_start]
            if not _MONTH_ALONE_CUE.search(before):
                return False
        if not rel:
            before = text[max(0, core_start - 12) : core_start]
            return bool(_MONTH_ALONE_CUE.search(before))
        return True
    if name == "date.month_day":
        # "May 5" is a date, but "March 3 containers" is a count
        return not _UNIT_AFTER.match(text, core_end)
    if name == "date.year_range":
        return not _UNIT_AFTER.match(text, core_end)
    # "Sept/Nov and January/March": two slashed ranges, not "Nov and January"
    return not (
        name == "date.month_range"
        and (text[core_start - 1 : core_start] == "/" or text[core_end : core_end + 1] == "/")
    )


def find_dates(
    text: str,
    published: dt.date | None = None,
    *,
    day_first: bool = False,
    prefer_future: bool = False,
) -> list[DateMatch]:
    """Every date and period in ``text``; the longest candidate wins where they overlap.

    A date without a year is read as news reads it: the nearest past occurrence, unless the
    sentence points ahead ("will open in May"). ``prefer_future`` reads every such date as its
    next occurrence instead, as schedules and calendars (and Duckling) do.

    >>> [m.period.value for m in find_dates("On February 27 ...", dt.date(2022, 3, 1))]
    ['2022-02-27']
    """
    ctx = _Ctx(text, published, day_first, prefer_future)
    candidates: list[tuple[int, int, int, str, re.Match[str], Handler, bool]] = []
    spans = windows(text, _DATE_TRIGGER, 70, 70)
    narrow: dict[str, list[tuple[int, int]]] = {}
    for priority, (name, pattern, handler, relative) in enumerate(_compiled()):
        need = _NEEDS.get(name)
        if need is not None:
            if need not in narrow:
                narrow[need] = windows(text, _NEED_TRIGGERS[need], 60, 60)
            rule_spans = narrow[need]
        else:
            rule_spans = spans
        for m in finditer_windows(pattern, text, rule_spans):
            rel_match = _relation_before(text, m.start("core"))
            rel = rel_match.group("rel") if rel_match else None
            if m.group("core") and _accept(name, m, text, rel):
                candidates.append(
                    (m.start("core"), m.end("core"), priority, name, m, handler, relative)
                )
    candidates.sort(key=lambda c: (-(c[1] - c[0]), c[2], c[0]))
    taken: list[tuple[int, int]] = []
    found: list[DateMatch] = []
    for start, end, _priority, name, m, handler, relative in candidates:
        if any(start < e and s < end for s, e in taken):
            continue
        period = handler(m, ctx)
        if period is None:
            continue
        taken.append((start, end))
        rel_match = _relation_before(text, start)
        rel_text = rel_match.group("rel") if rel_match else None
        relation = _RELATIONS.get(" ".join(rel_text.lower().split())) if rel_text else None
        span_start = rel_match.start("rel") if (relation and rel_match) else start
        uses_publication = relative and not m.groupdict().get("y")
        found.append(
            DateMatch(
                span_start,
                end,
                text[span_start:end],
                period,
                relation,
                uses_publication,
                name,
                start - span_start,
            )
        )
    found.sort(key=lambda d: d.start)
    dates_real.report_weeks(found)
    return _extend_spans(
        text, _merge_ranges(text, _resolve_anaphora(text, found, published)), published
    )


_SENTENCE_BREAK = re.compile(r"[.!?][\"”’]?\s+[A-Z\"“]")


def _same_without_shift(text: str, match: DateMatch, anchor: DateMatch) -> bool:
    """ "in the same period" with no year word and no comparison since the period it repeats
    ("from", "against", "compared with"): the same period, not the year before."""
    if not re.fullmatch(
        r"(?i)(?:in\s+|during\s+)?the\s+same\s+(?:period|months?|time)", match.text.strip()
    ):
        return False
    start = anchor.end
    for brk in _SENTENCE_BREAK.finditer(text, anchor.end, match.start):
        start = brk.end() - 1  # only the clause of the phrase compares
    return not re.search(
        r"(?i)\b(?:from|against|compared\s+(?:with|to)|versus|vs\.?|over|than|year-on-year)\b",
        text[start : match.start],
    )


def _sentence_start(text: str, pos: int) -> int:
    """Where the sentence holding ``pos`` starts (0 for the first). Looks back 1,000
    characters first, so a long article is not scanned from its start for every phrase."""
    for floor in (max(0, pos - 1000), 0):
        breaks = [b.end() - 1 for b in _SENTENCE_BREAK.finditer(text, floor, pos)]
        if breaks or floor == 0:
            return max(breaks, default=0)
    return 0


def _with_period(match: DateMatch, period: D.Period) -> DateMatch:
    match.period = period
    return match


def _as_quarter(period: D.Period) -> D.Period:
    """2023-01/2023-03 read as "the same quarter" is 2023-Q1."""
    m = re.fullmatch(r"(\d{4})-(\d\d)/(\d{4})-(\d\d)", period.value)
    if m and m.group(1) == m.group(3):
        first, last = int(m.group(2)), int(m.group(4))
        if last - first == 2 and first % 3 == 1:
            return D.quarter_period(int(m.group(1)), (first - 1) // 3 + 1)
    return period


_ANY_YEARS_AFTER = re.compile(
    r"\s+(?:in|of|over|during)\s+(?:the\s+)?(?:previous|prior|past|earlier|recent|other|all)\s+"
    r"(?:\w+\s+)?years\b",
    re.IGNORECASE,
)


def _resolve_anaphora(
    text: str, found: list[DateMatch], published: dt.date | None = None
) -> list[DateMatch]:
    """ "exports rose in January-April, up from the same period last year": the period the text
    named just before (within about 600 characters, three sentences of news), moved to the year the phrase points to."""
    resolved: list[DateMatch] = []
    for match in found:
        if match.rule == "date.relative" and re.search(
            r"(?i)\b(?:previous|prior)\s+year", match.text
        ):
            # "8.59 million TEUs in 2023, up from the previous year": the year before the one
            # the sentence named, not before publication
            named = [
                d for d in resolved
                if d.period.grain == "year" and d.period.start is not None
                and match.start - d.end < 150
                and not re.search(r"[.!?]\s+[A-Z]", text[d.end : match.start])
            ]  # fmt: skip
            if named and named[-1].period.start is not None:
                match.period = D.year_period(named[-1].period.start.year - 1)
            resolved.append(match)
            continue
        if match.rule == "date.month_that_year":
            # "April of that year": the year of the last date named before
            named = [
                d for d in resolved if d.period.start is not None and match.start - d.end < 1000
            ]
            if named and named[-1].period.start is not None:
                month = match.period.start.month if match.period.start else 1
                match.period = D.month_period(named[-1].period.start.year, month) or match.period
            resolved.append(match)
            continue
        if match.rule != "date.anaphora":
            resolved.append(match)
            continue
        if _ANY_YEARS_AFTER.match(text, match.end):
            continue  # "the same period in previous years" is many periods, not one date
        anchors = [
            d for d in resolved
            if d.rule != "date.anaphora" and d.period.start is not None
            and match.start - d.end < 600
            and d.period.grain not in ("day", "week")
            and d.relation not in ("by", "before", "until")  # "by 2027" is a target, not a period
        ]  # fmt: skip
        years = re.findall(r"(?:19|20)\d\d", match.text)
        fiscal = [
            d for d in resolved
            if d.rule != "date.anaphora" and d.period.grain == "fiscal_year" and match.start - d.end < 600
        ]  # fmt: skip
        beside = (
            bool(fiscal and anchors)
            and 0 <= fiscal[-1].start - anchors[-1].end < 40
            and not _SENTENCE_BREAK.search(text, anchors[-1].end, fiscal[-1].start)
        )  # "April-June, the first quarter of FY2025": the calendar months say more
        if fiscal and not beside and (not anchors or fiscal[-1].start > anchors[-1].start):
            label = fiscal[-1].period.value
            shifted = re.sub(r"\d{4}", lambda y: str(int(y.group(0)) - 1), label)
            match.period = D.Period(shifted, "fiscal_year", None, None)
            resolved.append(match)
            continue
        bare = re.fullmatch(r"(?i)(?:a|one)\s+year\s+(?:earlier|ago|before)", match.text)
        if (
            bare
            and published is not None
            and (not anchors or _SENTENCE_BREAK.search(text, anchors[-1].end, match.start))
        ):
            # "quoted at 92 dlrs, against 104 dlrs a year earlier" with no period named in its
            # sentence: a year before the report, at the grain of a month
            match.period = D.month_period(published.year - 1, published.month) or match.period
            resolved.append(match)
            continue
        # the period a sentence reports comes first; later ones in it are comparisons ("in
        # February from 2.1 billion in January and 2.8 billion a year ago")
        sentence_start = _sentence_start(text, match.start)
        own = [d for d in anchors if d.start >= sentence_start]
        if (
            own
            and own[0] is not anchors[-1]
            and not re.search(r"(?i)\b(?:same|similar|corresponding|comparable)\b", match.text)
        ):
            anchors = [*anchors, own[0]]
        if anchors and _same_without_shift(text, match, anchors[-1]):
            # "cars rose 7% in the seven months to October; trucks fell in the same period":
            # nothing moves it to another year, so it is the period named before
            resolved.append(_with_period(match, anchors[-1].period))
            continue
        if anchors:
            anchor = anchors[-1].period
            assert anchor.start is not None
            year = int(years[0]) if years else anchor.start.year - 1
            period = _shift_period(anchor, year)
            sentence_start = _sentence_start(text, match.start)
            if period is not None and re.search(
                r"(?i)\bquarter\b(?!\s+of\s+(?:the\s+)?(?:FY|fiscal|financial|(?:19|20)\d\d[/-]))",
                text[sentence_start : match.end],
            ):  # "in the quarter, up 19 percent from the same period last year"
                period = _as_quarter(period)
        elif years:
            period = D.year_period(int(years[0]))
        else:
            period = match.period
        if period is not None:
            match.period = period
            resolved.append(match)
    return resolved


# --- forms of calendar talk: weekdays, ordinals, offsets, numeric variants ------------------

_WEEKDAY = r"(?i:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?![A-Za-z])"
_WEEKDAY_FULL = r"(?i:monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?![A-Za-z])"
_ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30,
}  # fmt: skip
_DAY_WORD = (
    r"(?i:(?:twenty|thirty)[\s-](?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|one|two|three|four|five|six|seven|eight|nine)"
    r"|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth)(?![A-Za-z])"
)
_WEEKDAY_INDEX = {
    "mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3, "fri": 4, "sat": 5, "sun": 6,
}  # fmt: skip
_UNIT_DAYS = {"day": 1, "week": 7}
_FEW = {
    "a": 1,
    "an": 1,
    "one": 1,
    "a few": 3,
    "few": 3,
    "several": 3,
    "a couple of": 2,
    "couple of": 2,
}


def _weekday_index(text: str) -> int:
    key = text.lower()
    return (
        D.WEEKDAYS[key]
        if key in D.WEEKDAYS
        else _WEEKDAY_INDEX[key[:4] if key[:4] in _WEEKDAY_INDEX else key[:3]]
    )


def _day_word(text: str) -> int | None:
    words = re.split(r"[\s-]+", text.lower())
    if len(words) == 1:
        return _ORDINAL_WORDS.get(words[0])
    tens = {"twenty": 20, "thirty": 30}.get(words[0], 0)
    unit = _ORDINAL_WORDS.get(words[1]) or parse_words(words[1])
    return tens + int(unit) if unit is not None else None


def _day_of(pub: dt.date, weekday: int, week_shift: int) -> dt.date:
    monday = pub - dt.timedelta(days=pub.weekday()) + dt.timedelta(weeks=week_shift)
    return monday + dt.timedelta(days=weekday)


def _as_day(date: dt.date) -> D.Period | None:
    return D.day_period(date.year, date.month, date.day)


def _h_bare_weekday(m: re.Match[str], ctx: _Ctx) -> D.Period | None:
    if ctx.published is None:
        return None
    weekday = _weekday_index(m.group("wd"))
    pub = ctx.published
    if ctx.future(m.start()):
        delta = (weekday - pub.weekday()) % 7 or 7
    else:
        delta = -((pub.weekday() - weekday) % 7)
    return _as_day(pub + dt.timedelta(days=delta))


def _h_month_sep_day(m: re.Match[str], ctx: _Ctx) -> D.Period | None:
    month, day = _month(m.group("m")), int(m.group("d"))
    return D.day_period(_year_or_resolve(m, ctx, month, day), month, day, leap_back=True)


def _h_full_numeric(m: re.Match[str], ctx: _Ctx) -> D.Period | None:
    """ "21-04-2016", "9-18-15", "2015/08/12", "2015.5.13", "08/12,2015": numeric dates with a
    year; day-first or month-first by the values, else by the article's country."""
    groups = m.groupdict()
    if groups.get("yf"):
        year, month, day = int(groups["yf"]), int(groups["mf"]), int(groups["df"])
    else:
        a, b, y = int(groups["a"]), int(groups["b"]), groups["y"]
        year = int(y) if len(y) == 4 else (2000 + int(y) if int(y) < 50 else 1900 + int(y))
        day_first = ctx.day_first if a <= 12 and b <= 12 else a > 12
        day, month = (a, b) if day_first else (b, a)
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return D.day_period(year, month, day)


def _h_slash_day(m: re.Match[str], ctx: _Ctx) -> D.Period | None:
    """ "4/22", "22/04" without a year: only where one number cannot be a month, or a date word
    comes before ("on 4/12"); "24/7" and fractions ("1/2 mile") are not dates."""
    a, b = int(m.group("a")), int(m.group("b"))
    if m.group(0) in ("24/7", "9/11", "7/11") or a == 0 or b == 0:
        return None
    cue = re.search(
        r"(?i:\b(?:on|by|since|until|till|from|to|through|back|before|after|date)\s+)$",
        ctx.text[max(0, m.start() - 12) : m.start()],
    )
    if a <= 12 and b <= 12 and not cue:
        return None
    day_first = ctx.day_first if a <= 12 and b <= 12 else a > 12
    day, month = (a, b) if day_first else (b, a)
    if month > 12 or day > 31:
        return None
    return D.day_period(D.resolve_year(month, day, ctx.published), month, day, leap_back=True)


def _h_year_month_day(m: re.Match[str], ctx: _Ctx) -> D.Period | None:
    return D.day_period(int(m.group("y")), _month(m.group("m")), int(m.group("d")))


def _h_day_offset_word(m: re.Match[str], ctx: _Ctx) -> D.Period | None:
    """ "the day before yesterday", "the day after tomorrow", "the next day", "the last day"."""
    if ctx.published is None:
        return None
    phrase = " ".join(m.group(0).lower().split())
    shift = 0
    if "before yesterday" in phrase:
        shift = -2
    elif "after tomorrow" in phrase:
        shift = 2
    elif "next" in phrase or "following" in phrase:
        shift = 1
    elif any(w in phrase for w in ("last", "past", "previous")):
        shift = -1
    return _as_day(ctx.published + dt.timedelta(days=shift))


def _h_offset(m: re.Match[str], ctx: _Ctx) -> D.Period | None:
    """ "two days ago", "a month ago", "two weeks from now", "four days from yesterday"."""
    if ctx.published is None:
        return None
    count_text = " ".join(m.group("n").lower().split())
    count = _FEW.get(count_text)
    if count is None:
        value = parse_number(count_text)
        if value is None or value != int(value) or value > 1000:
            return None
        count = int(value)
    unit = m.group("u").lower().rstrip("s")
    direction = " ".join(m.group("dir").lower().split())
    sign = -1 if direction in ("ago", "earlier", "before") else 1
    base = ctx.published
    if direction.endswith("tomorrow"):
        base += dt.timedelta(days=1)
    elif direction.endswith("yesterday"):
        base -= dt.timedelta(days=1)
    if unit in _UNIT_DAYS:
        return _as_day(base + dt.timedelta(days=sign * count * _UNIT_DAYS[unit]))
    if unit in D.WEEKDAYS or unit in _WEEKDAY_INDEX:
        target = _weekday_index(unit)
        ahead = (target - base.weekday()) % 7 or 7
        return _as_day(base + dt.timedelta(days=ahead + 7 * (count - 1)))
    months = count * (12 if unit == "year" else 1) * sign
    month0 = base.year * 12 + base.month - 1 + months
    year, month = divmod(month0, 12)
    if not ctx.prefer_future and unit == "year" and count > 1 and direction in ("ago", "earlier"):
        # a count of years back names a year in news: "the port was built 31 years ago" is
        # 1992, not a day; months and weeks ago stay days, as near things are
        return D.year_period(year)
    day = min(base.day, calendar.monthrange(year, month + 1)[1])
    return D.day_period(year, month + 1, day)


def _h_nth_weekday(m: re.Match[str], ctx: _Ctx) -> D.Period | None:
    """ "the first Friday of July", "the second Monday of next month", "third Tuesday"."""
    if ctx.published is None:
        return None
    nth_text = m.group("nth").lower()
    nth = _ORD.get(nth_text) or _ORDINAL_WORDS.get(nth_text)
    if nth is None:
        return None
    target = (m.group("target") or "").lower()
    pub = ctx.published
    if m.group("wd").lower() == "day":
        if not m.group("target"):
            return None  # "the last day" alone is another rule's
        weekday = -1
    else:
        weekday = _weekday_index(m.group("wd"))
    if m.group("y") and m.group("target") and "month" not in target:
        year, month = int(m.group("y")), _month(m.group("target"))
    elif not target or target.endswith("this month"):
        year, month = pub.year, pub.month
    elif "month" in target:
        shift = 1 if "next" in target else -1
        month0 = pub.year * 12 + pub.month - 1 + shift
        year, month = month0 // 12, month0 % 12 + 1
    else:
        month = _month(m.group("target"))
        year = D.resolve_year(month, None, pub, future=ctx.future(m.start())) or pub.year
    days = [
        d
        for d in range(1, calendar.monthrange(year, month)[1] + 1)
        if weekday < 0 or dt.date(year, month, d).weekday() == weekday
    ]
    if nth_text in ("last", "final"):
        return D.day_period(year, month, days[-1])
    return D.day_period(year, month, days[nth - 1]) if nth <= len(days) else None


def _h_day_of_month_rel(m: re.Match[str], ctx: _Ctx) -> D.Period | None:
    """ "20th of next month"."""
    if ctx.published is None:
        return None
    shift = {"next": 1, "this": 0, "current": 0, "last": -1, "previous": -1}[
        m.group("which").lower()
    ]
    month0 = ctx.published.year * 12 + ctx.published.month - 1 + shift
    return D.day_period(month0 // 12, month0 % 12 + 1, _day(m.group("d")))


def _h_the_nth(m: re.Match[str], ctx: _Ctx) -> D.Period | None:
    """ "the 27th", "Friday the 22nd": that day of this month if past, else of last month."""
    if ctx.published is None:
        return None
    day = _day(m.group("d")) if m.group("d") else _day_word(m.group("dw") or "")
    if not day or not 1 <= day <= 31:
        return None
    pub = ctx.published
    year, month = pub.year, pub.month
    if day > pub.day and not ctx.future(m.start()):
        month0 = year * 12 + month - 2
        year, month = month0 // 12, month0 % 12 + 1
    return D.day_period(year, month, day)


_NUM_WORDS = r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|a\s+few|few|several|a\s+couple\s+of)"
_MORE_RULES: list[tuple[str, str, Handler, bool]] = [
    (
        "date.week_weekday",
        rf"(?P<which>(?i:this|next|last|coming|past|previous))\s+(?P<wd>{_WEEKDAY_FULL})|(?P<wd2>{_WEEKDAY_FULL})(?:,)?\s+(?:(?i:of)\s+)?(?P<which2>(?i:this|next|last))\s+(?i:week)|(?P<which3>(?i:this|next|last))\s+(?i:week)\s+(?:(?i:on)\s+)?(?P<wd3>{_WEEKDAY_FULL})",
        None,
        True,
    ),  # type: ignore[list-item]
    (
        "date.bare_weekday",
        r"(?<![\w-])(?P<wd>(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|monday|tuesday|wednesday|thursday|friday|saturday|sunday))(?![\w-])(?!\s+the\s+\d)",
        _h_bare_weekday,
        True,
    ),
    (
        "date.month_dayword",
        rf"(?P<m>{_MONTH_ANY})\s+(?:(?i:the)\s+)?(?P<dw>{_DAY_WORD})|(?:(?i:the)\s+)?(?P<dw2>{_DAY_WORD})\s+(?i:of)\s+(?P<m2>{_MONTH_ANY})",
        None,
        True,
    ),  # type: ignore[list-item]
    (
        "date.month_sep_day",
        rf"(?P<m>{_MONTH_ANY})(?:[-/]|\.\s?)(?P<d>[12]\d|3[01]|0?[1-9])(?![\d,.]?\d)",
        _h_month_sep_day,
        True,
    ),
    (
        "date.month_day_any",
        rf"(?:{_WEEKDAY},?\s+)?(?P<m>{_MONTH_ANY})[ \t]+(?P<d>{_DAY})(?![\d,.]\d)(?:,?[ \t]+(?P<y>{_YEAR}))?(?!\d)",
        _h_month_day,
        True,
    ),
    (
        "date.day_month_any",
        rf"(?:{_WEEKDAY},?\s+)?(?P<d>{_DAY})\.?(?:[ \t]+(?i:of))?[ \t]+(?P<m>{_MONTH_ANY}),?(?:[ \t]+(?P<y>[12]\d{{3}}))?(?!\d)",
        _h_month_day,
        True,
    ),
    (
        "date.full_numeric",
        r"(?<![\d/.-])(?:(?P<yf>(?:19|20)\d\d)[/.-](?P<mf>\d{1,2})[/.-](?P<df>\d{1,2})|(?P<a>\d{1,2})(?P<sep>[/.-])(?P<b>\d{1,2})(?:(?P=sep)|,)(?P<y>(?:19|20)\d\d|\d\d))(?![\d/.-]?\d)",
        _h_full_numeric,
        False,
    ),
    (
        "date.slash_day",
        r"(?<![\d/.,-])(?P<a>\d{1,2})/(?P<b>\d{1,2})(?![\d/.,]?\d)(?![\s-]*(?i:(?!(?:to|and|until|till|through)\b)[a-z]))",
        _h_slash_day,
        True,
    ),
    (
        "date.year_month_day",
        rf"(?P<y>(?:19|20)\d\d)[-/](?P<m>{_MONTH_ANY})[-/](?P<d>\d{{1,2}})(?!\d)",
        _h_year_month_day,
        False,
    ),
    (
        "date.day_offset_word",
        r"(?i:the\s+day\s+(?:before\s+yesterday|after\s+tomorrow)|(?:the\s+)?(?:next|following|last|past|previous)\s+day\b)",
        _h_day_offset_word,
        True,
    ),
    (
        "date.offset",
        rf"(?P<n>(?i:{_NUM_WORDS}))\s+(?P<u>(?i:days?|weeks?|months?|years?|mondays?|tuesdays?|wednesdays?|thursdays?|fridays?|saturdays?|sundays?))\s+(?P<dir>(?i:ago|from\s+now|hence|after\s+today|from\s+today|from\s+tomorrow|from\s+yesterday))",
        _h_offset,
        True,
    ),
    (
        "date.nth_weekday",
        rf"(?:(?i:the)\s+)?(?P<nth>(?i:first|second|third|fourth|fifth|last|1st|2nd|3rd|4th))\s+(?P<wd>{_WEEKDAY_FULL}|(?i:day))(?:\s+(?i:of|in)\s+(?P<target>(?i:this\s+month|next\s+month|last\s+month|previous\s+month)|{_MONTH_ANY})(?:,?\s+(?P<y>{_YEAR}))?)?",
        _h_nth_weekday,
        True,
    ),
    (
        "date.day_of_month_rel",
        r"(?P<d>(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?)(?:\s+(?i:day))?\s+(?i:of)\s+(?:(?i:the)\s+)?(?P<which>(?i:next|this|current|last|previous))\s+(?i:month)",
        _h_day_of_month_rel,
        True,
    ),
    (
        "date.the_nth",
        rf"(?:(?P<wdx>{_WEEKDAY_FULL})\s+)?(?i:the)\s+(?P<d>(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th))(?P<dw>)(?![\w-])(?!\s+(?i:of|century|quarter|half|largest|biggest|time|round|phase|day|week|month|year|anniversary))",
        _h_the_nth,
        True,
    ),
]


def _h_week_weekday_any(m: re.Match[str], ctx: _Ctx) -> D.Period | None:
    if ctx.published is None:
        return None
    groups = m.groupdict()
    which = (groups.get("which") or groups.get("which2") or groups.get("which3") or "").lower()
    wd = groups.get("wd") or groups.get("wd2") or groups.get("wd3") or ""
    shift = {"this": 0, "coming": 0, "next": 1, "last": -1, "past": -1, "previous": -1}[which]
    if shift == 0 and groups.get("which") and ctx.prefer_future:
        # calendar reading: "this Monday" said on a Tuesday is the coming Monday
        delta = (_weekday_index(wd) - ctx.published.weekday()) % 7
        return _as_day(ctx.published + dt.timedelta(days=delta))
    if shift < 0 and groups.get("which"):
        # "last Friday" in news is the most recent Friday before publication, not the Friday
        # of the previous calendar week
        delta = (ctx.published.weekday() - _weekday_index(wd)) % 7 or 7
        return _as_day(ctx.published - dt.timedelta(days=delta))
    return _as_day(_day_of(ctx.published, _weekday_index(wd), shift))


def _h_month_dayword_any(m: re.Match[str], ctx: _Ctx) -> D.Period | None:
    word = m.group("dw") or m.group("dw2")
    month_text = m.group("m") or m.group("m2")
    day = _day_word(word)
    if day is None or not 1 <= day <= 31:
        return None
    month = _month(month_text)
    return D.day_period(
        D.resolve_year(month, day, ctx.published, future=ctx.future(m.start())), month, day
    )


_HANDLERS["date.week_weekday"] = _h_week_weekday_any
_HANDLERS["date.month_dayword"] = _h_month_dayword_any
_RULES.extend(_MORE_RULES)


# --- ranges written across two dates ---------------------------------------------------------

_RANGE_JOIN = re.compile(
    r"^\s*(?:-|–|—|to|until|till|through|thru|and)\s*(?:the\s+)?$", re.IGNORECASE
)
_DAY_BEFORE = re.compile(
    r"(?:(?P<opener>(?i:from|between))\s+)?(?:(?i:the)\s+)?(?P<d1>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\s*(?:-|–|(?i:to|until|till|through|thru|and))\s*(?:(?i:the)\s+)?$"
)
_DAYS_BEFORE_MONTH = re.compile(
    r"(?:(?P<opener>(?i:from|between))\s+)?(?P<d1>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\s*(?:-|–|(?i:to|until|till|through|thru|and))\s*"
    r"(?P<d2>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\s+(?:(?i:of|in)\s+)?$"
)
_RANGE_GRAINS = {"day", "month", "quarter", "half", "year"}


def _span(first: D.Period, last: D.Period) -> D.Period | None:
    if first.start is None or last.end is None or first.start > last.end:
        return None
    return D.Period(f"{first.value}/{last.value}", "range", first.start, last.end)


def _merge_ranges(text: str, found: list[DateMatch]) -> list[DateMatch]:
    """ "Oct. 2 to October 22", "between January 1st 2015 and Feb 5th 2018", "from 4 to 22
    January, 1995", "from 4 to 22 this month": one range, not two dates."""
    merged: list[DateMatch] = []
    for match in found:
        head = merged[-1] if merged else None
        if (
            head is not None
            and head.period.grain in _RANGE_GRAINS
            and head.period.grain == match.period.grain
            and _RANGE_JOIN.match(text[head.end : match.start + match.prefix])
            and (
                "and" not in text[head.end : match.start + match.prefix].lower()
                or head.relation == "between"
            )
        ):
            period = _span(head.period, match.period)
            if period is not None:
                merged[-1] = DateMatch(head.start, match.end, text[head.start : match.end], period,
                                       "between", head.relative or match.relative, "date.range")  # fmt: skip
                continue
        core = match.start + match.prefix
        window = text[max(0, core - 40) : core]
        if match.period.grain == "day" and match.period.start is not None:
            before = _DAY_BEFORE.search(window)
            if before:
                start_day = int(before.group("d1"))
                end = match.period.start
                if start_day < end.day:
                    first = D.day_period(end.year, end.month, start_day)
                    period = _span(first, match.period) if first else None
                    if period is not None:
                        start = core - (len(window) - before.start())
                        merged.append(DateMatch(start, match.end, text[start : match.end], period,
                                                "between", match.relative, "date.range"))  # fmt: skip
                        continue
        if match.period.grain == "month" and match.period.start is not None:
            before = _DAYS_BEFORE_MONTH.search(window)
            if before:
                month = match.period.start
                first = D.day_period(month.year, month.month, int(before.group("d1")))
                last = D.day_period(month.year, month.month, int(before.group("d2")))
                period = _span(first, last) if first and last else None
                if period is not None:
                    start = core - (len(window) - before.start())
                    merged.append(DateMatch(start, match.end, text[start : match.end], period,
                                            "between", match.relative, "date.range"))  # fmt: skip
                    continue
        merged.append(match)
    return merged


# --- months: numeric, either order, relative, standalone; the rest of a period ---------------


def _h_year_month_numeric(m: re.Match[str], ctx: _Ctx) -> D.Period | None:
    year = int(m.group("y") or m.group("y2"))
    month = int(m.group("m") or m.group("m2"))
    return D.month_period(year, month) if 1 <= month <= 12 else None


def _h_month_year_any(m: re.Match[str], ctx: _Ctx) -> D.Period | None:
    return D.month_period(int(m.group("y") or m.group("y2")), _month(m.group("m") or m.group("m2")))


def _h_month_relative(m: re.Match[str], ctx: _Ctx) -> D.Period | None:
    """ "last September" (the most recent September before publication), "next June"."""
    if ctx.published is None:
        return None
    month = _month(m.group("m"))
    pub = ctx.published
    which = m.group("which").lower()
    if which == "next":
        year = pub.year if month > pub.month else pub.year + 1
    elif which == "this":
        year = pub.year
    else:
        year = pub.year if month < pub.month else pub.year - 1
    return D.month_period(year, month)


def _h_month_standalone(m: re.Match[str], ctx: _Ctx) -> D.Period | None:
    month = _month(m.group("m"))
    return D.month_period(
        D.resolve_year(month, None, ctx.published, future=ctx.future(m.start())), month
    )


def _h_rest_of(m: re.Match[str], ctx: _Ctx) -> D.Period | None:
    """ "the rest of the year": from publication to the period's end."""
    if ctx.published is None:
        return None
    pub = ctx.published
    unit = m.group("u").lower()
    if unit == "week":
        end = pub + dt.timedelta(days=6 - pub.weekday())
    elif unit == "month":
        end = dt.date(pub.year, pub.month, calendar.monthrange(pub.year, pub.month)[1])
    else:
        # "the rest of the year" is read in months, as trade statistics are
        return D.month_range_period(pub.year, pub.month, 12)
    return D.Period(f"{pub.isoformat()}/{end.isoformat()}", "range", pub, end)


_RULES.extend(
    [
        (
            "date.year_month_numeric",
            r"(?<![\d/.,-])(?:(?P<y>(?:19|20)\d\d)\s*[-/.]\s*(?P<m>1[0-2]|0?[1-9])|(?P<m2>1[0-2]|0?[1-9])\s*[-/]\s*(?P<y2>(?:19|20)\d\d))(?![\d/.,-]?\d)",
            _h_year_month_numeric,
            False,
        ),
        (
            "date.month_year_any",
            rf"(?P<m>{_MONTH_ANY})[ \t]*,?[ \t]*(?P<y>{_YEAR})(?![\d,.]\d)|(?<![\d,.])(?P<y2>{_YEAR})[ \t]*,?[ \t]*(?P<m2>{_MONTH_ANY})(?![ \t]*\d)",
            _h_month_year_any,
            False,
        ),
        (
            "date.month_relative",
            rf"(?P<which>(?i:last|next|this))\s+(?P<m>{_MONTH_ANY})",
            _h_month_relative,
            True,
        ),
        (
            "date.month_standalone",
            r"(?<![\w-])(?P<m>January|February|July|September|October|November|December)(?![\w-])",
            _h_month_standalone,
            True,
        ),
        (
            "date.rest_of",
            r"(?i:(?:the\s+)?(?:rest|remainder|balance)\s+(?:of\s+)?(?:the\s+|this\s+|my\s+)?(?P<u>week|month|year))",
            _h_rest_of,
            True,
        ),
    ]
)


# --- spans from publication ("the next three days", "between now and November 15th") ---------


def _h_next_n(m: re.Match[str], ctx: _Ctx) -> D.Period | None:
    """ "the next 3 days", "the past few weeks": a range that starts or ends at publication.
    Years are left out on purpose: "the past 30 years" is a duration, not a date."""
    if ctx.published is None:
        return None
    count_text = " ".join(m.group("n").lower().split())
    count = _FEW.get(count_text)
    if count is None:
        value = parse_number(count_text)
        if value is None or value != int(value) or not 0 < value <= 366:
            return None
        count = int(value)
    unit = m.group("u").lower().rstrip("s")
    pub = ctx.published
    forward = m.group("dir").lower() in ("next", "coming")
    if not forward and not ctx.prefer_future and unit == "month":
        # news reads "the last five months" as the whole months before the report
        return dates_real.past_months(count, pub)
    if unit == "month":
        months = count if forward else -count
        month0 = pub.year * 12 + pub.month - 1 + months
        year, month = divmod(month0, 12)
        other = dt.date(year, month + 1, min(pub.day, calendar.monthrange(year, month + 1)[1]))
    else:
        other = pub + dt.timedelta(days=(count * _UNIT_DAYS[unit]) * (1 if forward else -1))
    if forward:
        first, last = pub + dt.timedelta(days=1), other
    else:
        first, last = other, pub
    return D.Period(f"{first.isoformat()}/{last.isoformat()}", "range", first, last)


_RULES.append(
    (
        "date.next_n",
        rf"(?:(?i:the)\s+)?(?P<dir>(?i:next|coming|past|last|previous))\s+(?P<n>(?i:{_NUM_WORDS}))\s+(?P<u>(?i:days|weeks|months))\b",
        _h_next_n,
        True,
    )
)
_WEEK_STARTING = re.compile(
    r"(?i:(?:the\s+)?week\s+(?:starting|beginning|commencing)(?:\s+on)?|w/c|(?:the\s+)?(?:week|month)\s+of)\s+$"
)
_NOW_BEFORE = re.compile(r"(?i:between\s+now\s+and)\s+$")
_NOW_AFTER = re.compile(r"\s+(?i:and|to|until)\s+now\b")


def _extend_spans(text: str, found: list[DateMatch], published: dt.date | None) -> list[DateMatch]:
    """ "the week starting February 4" names that day; "between now and November 15th" and
    "between Jan 22 and now" are ranges ending or starting at publication."""
    result: list[DateMatch] = []
    for match in found:
        core = match.start + match.prefix
        window = text[max(0, core - 30) : core]
        lead = _WEEK_STARTING.search(window)
        if lead and match.period.grain == "day" and match.period.start is not None:
            start = core - (len(window) - lead.start())
            if re.search(r"(?i)starting|beginning|commencing|w/c", lead.group(0)):
                # "the week starting February 4" is that week: the day and the six after it
                first = match.period.start
                last = first + dt.timedelta(days=6)
                week = D.Period(f"{first.isoformat()}/{last.isoformat()}", "range", first, last)
                match = DateMatch(start, match.end, text[start : match.end], week, match.relation,
                                  match.relative, "date.week_starting")  # fmt: skip
            else:
                match = DateMatch(start, match.end, text[start : match.end], match.period,
                                  match.relation, match.relative, match.rule)  # fmt: skip
        period = match.period
        if published is not None and period.start is not None and period.end is not None:
            now = D.Period(published.isoformat(), "day", published, published)
            before = _NOW_BEFORE.search(window)
            after = _NOW_AFTER.match(text, match.end)
            span = _span(now, period) if before else _span(period, now) if after else None
            if span is not None:
                start = core - (len(window) - before.start()) if before else match.start
                end = after.end() if after else match.end
                match = DateMatch(start, end, text[start:end], span, "between", True, "date.range")
        result.append(match)
    return result


def _h_quarter_year_first(m: re.Match[str], ctx: _Ctx) -> D.Period | None:
    """ "2018Q4", "18q4", "2019 Q2"."""
    year_text = m.group("y")
    year = int(year_text) if len(year_text) == 4 else 2000 + int(year_text)
    return D.quarter_period(year, int(m.group("q")))


def _h_after_next(m: re.Match[str], ctx: _Ctx) -> D.Period | None:
    """ "Friday after next", "March after next"."""
    if ctx.published is None:
        return None
    pub = ctx.published
    if m.group("wd"):
        weekday = _weekday_index(m.group("wd"))
        ahead = (weekday - pub.weekday()) % 7 or 7
        return _as_day(pub + dt.timedelta(days=ahead + 7))
    month = _month(m.group("m"))
    year = pub.year + 1 if month > pub.month else pub.year + 2
    return D.month_period(year, month)


def _h_day_month_year_sep(m: re.Match[str], ctx: _Ctx) -> D.Period | None:
    """ "31/Oct/1974", "31-Oct-74"."""
    y = m.group("y")
    year = int(y) if len(y) == 4 else (2000 + int(y) if int(y) < 50 else 1900 + int(y))
    return D.day_period(year, _month(m.group("m")), int(m.group("d")))


_RULES.extend(
    [
        (
            "date.quarter_year_first",
            r"(?<![\w-])(?P<y>(?:19|20)\d\d|\d\d)\s?[Qq](?P<q>[1-4])(?!\w)",
            _h_quarter_year_first,
            False,
        ),
        (
            "date.after_next",
            rf"(?:(?P<wd>{_WEEKDAY_FULL})|(?P<m>{_MONTH_ANY}))\s+(?i:after\s+next)",
            _h_after_next,
            True,
        ),
        (
            "date.day_month_year_sep",
            rf"(?<![\d/-])(?P<d>[12]\d|3[01]|0?[1-9])(?P<sep>[/-])(?P<m>{_MONTH_ANY})(?P=sep)(?P<y>(?:19|20)\d\d|\d\d)(?![\d/-])",
            _h_day_month_year_sep,
            False,
        ),
    ]
)


def _h_decade(m: re.Match[str], ctx: _Ctx) -> D.Period | None:
    """ "the 1990s", "last decade": the ten calendar years, as a year range."""
    if m.group("dec"):
        first = int(m.group("dec"))
    else:
        if ctx.published is None:
            return None
        shift = {"last": -10, "past": -10, "previous": -10, "this": 0, "current": 0, "next": 10}
        first = ctx.published.year // 10 * 10 + shift[m.group("which").lower()]
    return D.year_range_period(first, first + 9)


def _h_till_date(m: re.Match[str], ctx: _Ctx) -> D.Period | None:
    """ "till date" (Indian English for "until now"): the publication date."""
    return _as_day(ctx.published) if ctx.published else None


_RULES.extend(
    [
        (
            "date.decade",
            r"(?:(?i:the)\s+)?(?P<dec>(?:1[89]|20)\d0)['’]?s\b|(?P<which>(?i:last|past|previous|this|current|next))\s+(?i:decade)\b",
            _h_decade,
            False,
        ),
        ("date.till_date", r"(?i:\btill\s+date\b)", _h_till_date, True),
    ]
)


# --- the calendar reading (prefer_future): forms of schedules, not of news --------------------
# Schedules write "10/10" or "15 - 2" for a day and mean thirds of a period by "early", "the
# beginning of" and "the end of"; news copy uses the same strings for scores, ratios and whole
# years ("by the end of 2025" is the year), so these rules run only in the calendar reading.


def _h_cal_numeric(m: re.Match[str], ctx: _Ctx) -> D.Period | None:
    if not ctx.prefer_future or m.group(0) in ("24/7", "9/11"):
        return None
    a, b = int(m.group("a")), int(m.group("b"))
    day_first = ctx.day_first if a <= 12 and b <= 12 else a > 12
    day, month = (a, b) if day_first else (b, a)
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return D.day_period(D.resolve_year(month, day, ctx.published, future=True), month, day)


def _thirds(first: dt.date, last: dt.date, part: str) -> D.Period:
    """Duckling's thirds: early/beginning = days 1-10, mid = 11-20, late/end = 21-last."""
    if part in ("early", "beginning", "start"):
        a, b = first, min(last, first + dt.timedelta(days=9))
    elif part == "mid":
        a, b = first + dt.timedelta(days=10), min(last, first + dt.timedelta(days=19))
    else:
        a, b = first + dt.timedelta(days=20), last
    return D.Period(f"{a.isoformat()}/{b.isoformat()}", "range", a, b)


def _h_cal_part(m: re.Match[str], ctx: _Ctx) -> D.Period | None:
    """ "the end of this week", "early March", "the beginning of 2017", "EOM", "BOY"."""
    if not ctx.prefer_future or ctx.published is None:
        return None
    pub = ctx.published
    part = (m.group("part") or "").lower().split()[-1] if m.group("part") else ""
    abbr = (m.group("abbr") or "").upper()
    if abbr:
        part = "beginning" if abbr.startswith("B") else "end"
        unit = "month" if abbr.endswith("M") else "year"
        target = "this"
    else:
        unit = (m.group("unit") or "").lower()
        target = (m.group("which") or "this").lower()
    shift = {"this": 0, "current": 0, "the": 0, "coming": 1, "next": 1, "following": 1,
             "last": -1, "past": -1, "previous": -1}.get(target.split()[-1], 0)  # fmt: skip
    if m.group("m"):
        month = _month(m.group("m"))
        year = D.resolve_year(month, None, pub, future=True) or pub.year
        first = dt.date(year, month, 1)
        return _thirds(first, dt.date(year, month, calendar.monthrange(year, month)[1]), part)
    if m.group("y"):
        unit, year = "year", int(m.group("y"))
    else:
        year = pub.year + (shift if unit == "year" else 0)
    if unit == "week":
        monday = pub - dt.timedelta(days=pub.weekday()) + dt.timedelta(weeks=shift)
        if part in ("beginning", "start", "early"):
            a, b = monday, monday + dt.timedelta(days=2)
        else:
            a, b = monday + dt.timedelta(days=4), monday + dt.timedelta(days=6)
        return D.Period(f"{a.isoformat()}/{b.isoformat()}", "range", a, b)
    if unit == "month":
        month0 = pub.year * 12 + pub.month - 1 + shift
        y, mo = divmod(month0, 12)
        first = dt.date(y, mo + 1, 1)
        return _thirds(first, dt.date(y, mo + 1, calendar.monthrange(y, mo + 1)[1]), part)
    if part in ("beginning", "start", "early"):
        return D.month_range_period(year, 1, 3)
    if part == "mid":
        return D.month_range_period(year, 5, 8)
    return D.month_range_period(year, 9, 12)


_PART = r"(?P<part>(?i:(?:at\s+)?(?:the\s+)?(?:beginning|start|end)\s+of|early|mid|late))"
_RULES.extend(
    [
        (
            "date.cal_numeric",
            r"(?<![\d/.,-])(?P<a>\d{1,2})\s?[/-]\s?(?P<b>\d{1,2})(?![\d/.,-]?\d)|(?<![\d/.,-])(?P<a2>\d{1,2})\s(?P<b2>\d{1,2})\s(?P<y2>(?:19|20)\d\d)(?!\d)",
            None,
            True,
        ),  # type: ignore[list-item]
        (
            "date.cal_part",
            rf"{_PART}[\s-]+(?:(?:the|around)\s+)?(?:(?P<which>(?i:this|current|coming|next|following|last|past|previous|the))\s+)?(?:(?P<unit>(?i:week|month|year))\b|(?P<m>{_MONTH_ANY})|(?P<y>{_YEAR})(?![\d,.]\d))|(?:(?i:at\s+)?(?i:the)\s+)?(?P<abbr>EOM|BOM|EOY|BOY)\b",
            _h_cal_part,
            True,
        ),
    ]
)


def _h_cal_numeric_any(m: re.Match[str], ctx: _Ctx) -> D.Period | None:
    if m.group("a2"):
        if not ctx.prefer_future:
            return None
        a, b, y = int(m.group("a2")), int(m.group("b2")), int(m.group("y2"))
        day_first = a > 12 or (b <= 12 and ctx.day_first)
        day, month = (a, b) if day_first else (b, a)
        return D.day_period(y, month, day) if 1 <= month <= 12 else None
    return _h_cal_numeric(m, ctx)


_HANDLERS["date.cal_numeric"] = _h_cal_numeric_any


def _h_upcoming(m: re.Match[str], ctx: _Ctx) -> D.Period | None:
    """ "two upcoming days", "upcoming 2 quarters": the Nth unit from now (calendar reading)."""
    if not ctx.prefer_future or ctx.published is None:
        return None
    count_text = (m.group("n") or m.group("n2") or "").lower()
    value = parse_number(count_text)
    if value is None or value != int(value) or not 0 < value < 100:
        return None
    count = int(value)
    unit = (m.group("u") or m.group("u2") or "").lower().rstrip("s")
    pub = ctx.published
    if unit == "day":
        return _as_day(pub + dt.timedelta(days=count))
    if unit == "week":
        return D.week_period(pub + dt.timedelta(weeks=count))
    if unit == "month":
        month0 = pub.year * 12 + pub.month - 1 + count
        return D.month_period(month0 // 12, month0 % 12 + 1)
    if unit == "quarter":
        q0 = pub.year * 4 + (pub.month - 1) // 3 + count
        return D.quarter_period(q0 // 4, q0 % 4 + 1)
    return D.year_period(pub.year + count)


_RULES.append(
    (
        "date.upcoming",
        rf"(?i:upcoming)\s+(?P<n>(?i:{_NUM_WORDS}))\s+(?P<u>(?i:days?|weeks?|months?|quarters?|years?))\b|(?P<n2>(?i:{_NUM_WORDS}))\s+(?i:upcoming)\s+(?P<u2>(?i:days?|weeks?|months?|quarters?|years?))\b",
        _h_upcoming,
        True,
    )
)


# Rules that cannot match without a month name or a weekday scan only near one: most prose
# has digits everywhere, far fewer month names.
_NEED_TRIGGERS = {
    "month": re.compile(_MONTH_ANY),
    "weekday": re.compile(_WEEKDAY),
    "upcoming": re.compile(
        r"(?i:upcoming|decade|\d0s\b|till\s+date|EOM|BOM|EOY|BOY|early|mid|late|beginning|start|end\b)"
    ),
}
_NEEDS = {
    name: "month"
    for name in (
        "date.month_range", "date.day_month_year", "date.month_day", "date.day_range",
        "date.month_rel_year", "date.month_year", "date.month_alone", "date.month_dayword",
        "date.month_sep_day", "date.month_day_any", "date.day_month_any", "date.year_month_day",
        "date.month_year_any", "date.month_relative", "date.month_standalone",
        "date.day_month_year_sep",
    )
}  # fmt: skip
_NEEDS.update({"date.week_weekday": "weekday", "date.bare_weekday": "weekday", "date.weekday": "weekday"})  # fmt: skip
# forms of real copy (factx.finders.dates_real), tried near their own words
_RULES.extend(dates_real.RULES)
_NEED_TRIGGERS["real"] = dates_real.TRIGGERS
_NEEDS.update({name: "real" for name, *_ in dates_real.RULES})
_NEEDS.update({"date.upcoming": "upcoming", "date.decade": "upcoming", "date.till_date": "upcoming",
               "date.cal_part": "upcoming"})  # fmt: skip


def _h_months_to(m: re.Match[str], ctx: _Ctx) -> D.Period | None:
    """ "the 12 months to June", "the nine months ended September 2023": a period ending then."""
    # "the year to June": twelve months
    value = Decimal(12) if m.group("yr") else parse_number(m.group("n").lower())
    if value is None or not 1 <= value <= 24 or value != int(value):
        return None
    month = _month(m.group("m"))
    year = int(m.group("y")) if m.group("y") else D.resolve_year(month, None, ctx.published)
    if year is None:
        return None
    pub = ctx.published
    if not m.group("y") and pub is not None and m.group("how").lower() == "ended":
        # "the year ended March" in a March report: the last March that has ended
        year = pub.year if month < pub.month else pub.year - 1
    first0 = year * 12 + month - 1 - (int(value) - 1)
    return D.month_range_period(first0 // 12, first0 % 12 + 1, month, end_year=year)


_RULES.append(
    (
        "date.months_to",
        rf"(?i:the\s+)?(?:(?P<n>\d{{1,2}}|(?i:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|eighteen|twenty-four))\s+(?i:months)|(?P<yr>(?i:year|financial\s+year|fiscal\s+year|business\s+year)))\s+(?P<how>(?i:to|through|ended|ending|until))\s+(?:(?i:the\s+end\s+of)\s+)?(?P<m>{_MONTH_ANY})(?:\s+(?P<d>[12]\d|3[01]|0?[1-9])(?!\d))?(?:,?\s+(?P<y>{_YEAR}))?",
        _h_months_to,
        True,
    )
)
_NEEDS["date.months_to"] = "month"


def _h_month_quarter(m: re.Match[str], ctx: _Ctx) -> D.Period | None:
    """ "the September quarter" (Australian and New Zealand usage): the quarter ending then."""
    last = _month(m.group("m"))
    if last % 3:
        return None
    first = last - 2
    year = (
        int(m.group("y"))
        if m.group("y")
        else D.resolve_year(first, None, ctx.published, future=ctx.future(m.start()))
    )
    return D.quarter_period(year, last // 3)


_RULES.append(
    (
        "date.month_quarter",
        rf"(?i:the\s+)(?P<m>(?i:March|June|September|December))\s+(?i:quarter)(?:\s+(?:(?i:of)\s+)?(?P<y>{_YEAR}))?",
        _h_month_quarter,
        True,
    )
)
_NEEDS["date.month_quarter"] = "month"
