"""Units as the trade press writes them, and the per-article reading of a bare "tons".

Each rule has cases it must read and cases it must leave alone (issue 12).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

import pytest

import factx
from factx.finders.quantity import find_quantities

MUST_READ = [
    # a magnitude glued to the unit, in any case
    ("handled 9.6m teu last year", "9.6m teu", D(9600000), "TEU"),
    ("exports of 42Mt of ore", "42Mt", D(42000000), "tonne"),
    ("a harvest of 3.5 MMT", "3.5 MMT", D(3500000), "tonne"),
    ("a crop of 12 mmt", "12 mmt", D(12000000), "tonne"),
    ("2.3 mln t of grain", "2.3 mln t", D(2300000), "tonne"),
    ("throughput of 1.2 MTEU", "1.2 MTEU", D(1200000), "TEU"),
    ("800kt of coal", "800kt", D(800000), "tonne"),
    ("12m tonnes of cargo", "12m tonnes", D(12000000), "tonne"),
    # capacity rates
    ("a capacity of 5 MMTPA", "5 MMTPA", D(5000000), "tonne / year"),
    ("a 10 mtpa LNG plant", "10 mtpa", D(10000000), "tonne / year"),
    ("a 5 million tpa mill", "5 million tpa", D(5000000), "tonne / year"),
    ("output of 1.2 Mmbpd", "1.2 Mmbpd", D(1200000), "barrel / day"),
    ("a pipeline of 10 bcm/y", "10 bcm/y", D(10), "bcm / year"),
    ("2 million tonnes of cargo annually", None, D(2000000), "tonne / year"),
    ("400,000 tonnes per annum", None, D(400000), "tonne / year"),
    ("50,000 tonnes a month", None, D(50000), "tonne / month"),
    # container units as written
    ("500,000 20-foot-equivalent units", None, D(500000), "TEU"),
    ("1.5 million TEUs (standard containers), then 2 million standard containers",
     "2 million standard containers", D(2000000), "TEU"),
    ("320,000 cbm of LNG", "320,000 cbm", D(320000), "cubic_meter"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "mention", "value", "unit"), MUST_READ)
def test_trade_press_units(text: str, mention: str | None, value: D, unit: str) -> None:
    found = [(q.text, q.value, q.unit) for q in find_quantities(text, metric_tons=True)]
    assert any(v == value and u == unit and (mention is None or t == mention)
               for t, v, u in found), found  # fmt: skip


MUST_NOT_READ = [
    ("a 300m quay", D(300), "meter"),  # a glued "m" before a non-unit word is metres
    ("a 10m deep channel", D(10), "meter"),
    ("1.2 million tonnes a year earlier", D(1200000), "tonne"),  # a comparison, not a rate
]


@pytest.mark.parametrize(("text", "value", "unit"), MUST_NOT_READ)
def test_units_not_overread(text: str, value: D, unit: str) -> None:
    assert [(q.value, q.unit) for q in find_quantities(text)] == [(value, unit)]


def test_standard_containers_are_a_count_unless_defined() -> None:
    assert find_quantities("The yard holds 40,000 standard containers.") == []


def _tons(text: str, **options: object) -> list[tuple[D | None, str, str]]:
    article = factx.extract(text, published=dt.date(2024, 5, 1))
    return [(f.value, f.unit, f.unit_source) for f in article.facts if f.type == "quantity"]


def test_tons_are_metric_in_international_news() -> None:
    text = "Kazakhstan exported 2 million tons of wheat to Uzbekistan and Afghanistan."
    assert _tons(text) == [(D(2000000), "tonne", "country")]


def test_tons_are_short_in_us_news_about_the_us() -> None:
    text = "U.S. farmers in Iowa shipped 2 million tons of soybeans, the United States said."
    assert _tons(text) == [(D(2000000), "ton", "country")]


def test_tons_default_to_metric_without_a_country() -> None:
    assert _tons("The terminal handled 300,000 tons last month.") == [
        (D(300000), "tonne", "default")
    ]


def test_written_ton_kinds_are_kept() -> None:
    text = "China bought 12 short tons and 5 long tons of scrap."
    assert _tons(text) == [(D(12), "ton", "written"), (D(5), "long_ton", "written")]


MORE_FORMS = [
    ("1,09 million teu", D(1090000), "TEU"),  # a decimal comma before a magnitude
    ("47.21-million tonnes", D(47210000), "tonne"),  # a hyphen before the magnitude
    ("462,000 dwt", D(462000), "tonne"),
    ("460,000 dead weight tons", D(460000), "tonne"),
    ("30.07 mln long dwt", D(30070000), "long_ton"),
    ("83,483 full inbound TEUs", D(83483), "TEU"),
    ("16,000-plus TEU", D(16000), "TEU"),
    ("28.8 million kilogrammes", D(28800000), "kilogram"),
    ("6.2 million kilolitres", D(6200000), "cubic_meter"),
]


@pytest.mark.parametrize(("text", "value", "unit"), MORE_FORMS)
def test_more_trade_press_forms(text: str, value: D, unit: str) -> None:
    assert [(q.value, q.unit) for q in find_quantities(text, metric_tons=True)] == [(value, unit)]


def test_a_dateline_outside_the_us_makes_tons_metric() -> None:
    text = (
        "CRUDE MOVEMENTS FALL\n\nLONDON, March 4 - U.S. imports from the United States and "
        "American ports fell to 37.25 mln tons, U.S. brokers said."
    )
    assert _tons(text) == [(D(37250000), "tonne", "source")]


def test_a_us_dateline_about_the_us_keeps_short_tons() -> None:
    text = "GRAIN\n\nCHICAGO, March 4 - U.S. farmers in Iowa shipped 2 mln tons, the U.S. said."
    assert _tons(text) == [(D(2000000), "ton", "country")]
