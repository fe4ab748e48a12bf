"""Money as real copy writes it (issue 12): currencies in force when published, decimal
commas, the dateline's dollar, exchange rates that are not amounts."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

import pytest

import factx


def money(text: str, year: int) -> list[tuple[str, D | None, str | None]]:
    article = factx.extract(text, published=dt.date(year, 6, 1))
    return [(f.text, f.amount, f.currency) for f in article.facts if f.type == "money"]


IN_FORCE = [
    (2020, "Bulgaria exported goods worth 5 million levs.", "BGN"),
    (2021, "Croatia's exports rose to 3 billion kuna.", "HRK"),
    (2010, "Estonia earned 2 billion kroons.", "EEK"),
    (1998, "The Dutch port earned 40 million guilders.", "NLG"),
    (1999, "Germany's exports reached 20 billion marks.", "DEM"),
    (1995, "Curacao earned 10 million guilders.", "ANG"),
    (2025, "Curacao earned 10 million guilders.", "XCG"),
    (2015, "Zimbabwe's exports of 5 million ZWL rose.", "ZWL"),
    (1987, "Yugoslavia's debt of 3 billion dinars rose.", "YUD"),
    (2001, "Serbia's debt of 3 billion dinars rose.", "YUM"),
    (2020, "Serbia's debt of 3 billion dinars rose.", "RSD"),
    (2005, "Ghana earned 2 billion cedis.", "GHC"),
    (2010, "Ghana earned 2 billion cedis.", "GHS"),
]


@pytest.mark.parametrize(("year", "text", "code"), IN_FORCE)
def test_currency_in_force_when_published(year: int, text: str, code: str) -> None:
    assert [c for _, _, c in money(text, year)] == [code]


def test_decimal_commas_before_a_magnitude() -> None:
    assert money("Trade reached 12,9 billion dollars and USD 192,3 mln.", 2020) == [
        ("12,9 billion dollars", D("12900000000"), "USD"),
        ("USD 192,3 mln", D("192300000"), "USD"),
    ]


def test_the_dateline_decides_the_dollar_of_its_country() -> None:
    ottawa = "SHIPYARD\n\nOTTAWA, March 2 - Canada awarded a 320 mln dlr contract, Canadian officials said."
    washington = (
        "TRADE\n\nWASHINGTON, March 2 - Canada and the United States trade 150 billion dlrs a "
        "year; Canada, Canadian firms and Canadian provinces gain, U.S. officials said."
    )
    assert money(ottawa, 1987)[0][2] == "CAD"
    assert money(washington, 1987)[0][2] == "USD"


def test_a_taiwan_story_dollar_is_the_us_dollar() -> None:
    text = "Taiwan's trade surplus with the U.S. rose to 13.6 billion dlrs, Taiwan said."
    assert money(text, 1987)[0][2] == "USD"


NOT_MONEY = [
    "The dollar rose to 145 yen from 140 yen in Tokyo.",
    "Sterling was quoted at 1.77 marks.",
    "The official rate is 264.53 dinars per dollar.",
    "Exports grew from 1980 to 1986.",
]


@pytest.mark.parametrize("text", NOT_MONEY)
def test_exchange_rates_are_not_amounts(text: str) -> None:
    assert money(text, 1987) == []


def test_a_year_is_not_the_low_end_of_a_range() -> None:
    found = money("Spending rose from 1980 to 62 billion dlrs.", 1987)
    assert found == [("62 billion dlrs", D("62000000000"), "USD")]


def test_prices_per_pound_weight_stay_money() -> None:
    assert money("Coffee was quoted at 118 cents a pound.", 1996)[0][1] == D("1.18")
