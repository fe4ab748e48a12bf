"""Percentages and percentage points in plain text."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from factx._regex import finditer_windows, windows
from factx.normalize.numbers import (
    NUMBER_PATTERN,
    WORD_NUMBER_PATTERN,
    WORD_NUMBER_PLAIN,
    parse_digits,
    parse_words,
)
from factx.normalize.qualifiers import QUALIFIER_PATTERN, read_qualifier

__all__ = ["PercentMatch", "find_percentages"]


@dataclass(slots=True)
class PercentMatch:
    start: int
    end: int
    text: str
    value: Decimal
    points: bool
    qualifier: str | None
    rule: str


_SIGN = (
    r"(?P<sign>%|[\s-]?(?i:percentage[\s-]points?|per\s?cent(?:age)?\s+points?|pct\s+points?"
    r"|percents?|percentage|per\s?cent|pct|pc)(?![A-Za-z]))"
)
#: "percent of 10", "per cent of twenty-two": the number after the sign (a suite's form)
_SIGN_FIRST = re.compile(
    rf"(?<![\w%])(?i:percents?|per\s?cent)\s+of\s+(?P<num>{NUMBER_PATTERN}(?![\d,.]\d)|(?i:{WORD_NUMBER_PLAIN}))"
    r"(?=\s*(?:[.,;:!?)]|$))"
)
_URL = re.compile(r"(?:https?://|www\.)\S+")
_SIGN_TRIGGER = re.compile(r"%|(?i:per\s?cent|pct|pc\b)")  # "percentage" contains "percent"
_NUM = rf"(?:[-−+]?(?:{NUMBER_PATTERN}))"


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    return re.compile(
        rf"(?:(?P<qual>{QUALIFIER_PATTERN})\s+)?"
        rf"(?<![\w.,])(?:(?P<n1>{_NUM})(?:%?\s?[-–—]\s?|%?\s+(?:to|and)\s+)(?=[-−+]?\d))?"
        rf"(?:(?P<num>{_NUM})|(?P<minus>(?i:minus|negative)\s+)?(?P<words>(?i:{WORD_NUMBER_PATTERN})))"
        rf"{_SIGN}"
    )


def _value(text: str) -> Decimal | None:
    text = text.strip().replace("−", "-")
    negative = text.startswith("-")
    value = parse_digits(text.lstrip("+-"))
    if value is None:
        return None
    return -value if negative else value


def find_percentages(text: str) -> list[PercentMatch]:
    """Every percentage; a range "3-5%" gives one match per bound.

    >>> [(m.value, m.points) for m in find_percentages("up 2.3 percentage points to 15%")]
    [(Decimal('2.3'), True), (Decimal('15'), False)]
    """
    found: list[PercentMatch] = []
    urls = [(u.start(), u.end()) for u in _URL.finditer(text)] if "/" in text else []
    for m in finditer_windows(_pattern(), text, windows(text, _SIGN_TRIGGER, 90, 30)):
        if any(s <= m.start() < e for s, e in urls):
            continue  # "%28" in a web address is an escape, not a percentage
        sign = m.group("sign").lower()
        points = "point" in sign
        qualifier = read_qualifier(m.group("qual")) if m.group("qual") else None
        if m.group("words"):
            value = parse_words(m.group("words"))
            if value is None or m.group("words").lower().strip() in ("a", "an"):
                continue
            start = m.start("words")
            if m.group("minus"):
                value, start = -value, m.start("minus")
        else:
            value = _value(m.group("num"))
            start = m.start("num")
        if value is None:
            continue
        if m.group("n1"):
            low = _value(m.group("n1"))
            if low is not None:
                found.append(PercentMatch(
                    m.start("n1"), m.end(), m.group(0)[m.start("n1") - m.start():], low, points,
                    qualifier, "percentage.range",
                ))  # fmt: skip
        if m.group("qual"):
            start = m.start()
        rule = "percentage.points" if points else "percentage"
        found.append(PercentMatch(start, m.end(), text[start : m.end()], value, points,
                                  qualifier, rule))  # fmt: skip
    taken = [(p.start, p.end) for p in found]
    for m in _SIGN_FIRST.finditer(text):
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        value = parse_digits(m.group("num")) or parse_words(m.group("num"))
        if value is not None:
            found.append(PercentMatch(m.start(), m.end(), m.group(0), value, False, None,
                                      "percentage.sign_first"))  # fmt: skip
    found.sort(key=lambda p: p.start)
    return found
