"""Money, percentages and quantities: must-match and must-not-match tables."""

from __future__ import annotations

from decimal import Decimal

import pytest

import factx
from factx.finders.money import find_money
from factx.finders.percent import find_percentages
from factx.finders.quantity import find_quantities

D = Decimal

MONEY = [
    # text, context, [(amount or (low, high), currency)]
    ("goods worth 5.59 million RMB", (), [(D(5590000), "CNY")]),
    ("USD 5 million", (), [(D(5000000), "USD")]),
    ("5 million USD", (), [(D(5000000), "USD")]),
    ("USD5m", (), [(D(5000000), "USD")]),
    ("USD34.6 million", (), [(D(34600000), "USD")]),
    ("US$12.3m", (), [(D(12300000), "USD")]),
    ("€4.5 billion", (), [(D(4500000000), "EUR")]),
    ("£10m", (), [(D(10000000), "GBP")]),
    ("HK$2.1 billion", (), [(D(2100000000), "HKD")]),
    ("1.98 trillion yuan", (), [(D(1980000000000), "CNY")]),
    ("120 mln dlrs", (), [(D(120000000), "USD")]),
    ("300 million renminbi", (), [(D(300000000), "CNY")]),
    ("Rs 5,000 crore", ("IN",), [(D(50000000000), "INR")]),
    ("RM3.2 billion", (), [(D(3200000000), "MYR")]),
    ("2 billion tenge", (), [(D(2000000000), "KZT")]),
    ("five million dollars", (), [(D(5000000), "USD")]),
    ("$450", ("AU",), [(D(450), "AUD")]),
    ("$450", (), [(D(450), "USD")]),
    ("50 cents", (), [(D("0.5"), "USD")]),
    ("between 3 and 5 billion dollars", (), [((D(3000000000), D(5000000000)), "USD")]),
    ("3-5 million yuan", (), [((D(3000000), D(5000000)), "CNY")]),
    ("$3m-$5m", (), [((D(3000000), D(5000000)), "USD")]),
    ("34-37 million soms", (), [((D(34000000), D(37000000)), "KGS")]),
]


@pytest.mark.parametrize(("text", "context", "expected"), MONEY)
def test_money(text: str, context: tuple[str, ...], expected: list) -> None:
    found = find_money(text, context)
    got = [((m.low, m.high) if m.amount is None else m.amount, m.currency) for m in found]
    assert got == expected


def test_conversion_is_linked() -> None:
    [m] = find_money("5.59 million RMB (about 884,354 USD)")
    assert (m.amount, m.currency) == (D(5590000), "CNY")
    [e] = m.equivalents
    assert (e.amount, e.currency, e.qualifier) == (D(884354), "USD", "about")


def test_qualifier_and_per_unit() -> None:
    [m] = find_money("more than $450 per tonne")
    assert (m.amount, m.currency, m.qualifier, m.per_unit) == (D(450), "USD", "over", "tonne")


def test_rate_note_is_not_money() -> None:
    found = find_money("a 5 billion euro deal ($1 = 0.9042 euros)")
    assert [(m.amount, m.currency) for m in found] == [(D(5000000000), "EUR")]


@pytest.mark.parametrize(
    "text",
    [
        "in 2021",
        "1,500 trains",
        "the dollar fell",
        "15 percent",
        "a dollar-denominated bond",
        "100-fold",
        "page 5",
    ],
)
def test_not_money(text: str) -> None:
    assert find_money(text) == []


PERCENT = [
    ("15 percent", D(15), False),
    ("15%", D(15), False),
    ("15 per cent", D(15), False),
    ("15 pct", D(15), False),
    ("up 3.4 pct", D("3.4"), False),
    ("2.3 percentage points", D("2.3"), True),
    ("9.3pc", D("9.3"), False),
]


@pytest.mark.parametrize(("text", "value", "points"), PERCENT)
def test_percentages(text: str, value: Decimal, points: bool) -> None:
    [m] = find_percentages(text)
    assert (m.value, m.points) == (value, points)


@pytest.mark.parametrize(
    "text", ["grew 100-fold", "two-thirds of exports", "per cent", "the percentage"]
)
def test_not_percentages(text: str) -> None:
    assert find_percentages(text) == []


QUANTITY = [
    ("1.2 million tonnes", D(1200000), "tonne"),
    ("50 metric tons", D(50), "tonne"),
    ("2,000 tons", D(2000), "ton"),
    ("12 long tons", D(12), "long_ton"),
    ("500 kg", D(500), "kilogram"),
    ("500,000 TEUs", D(500000), "TEU"),
    ("40 twenty-foot equivalent units", D(40), "TEU"),
    ("3.5 million barrels per day", D(3500000), "barrel / day"),
    ("5 bcm", D(5), "bcm"),
    ("200 km", D(200), "kilometer"),
    ("20 million tonnes per year", D(20000000), "tonne / year"),
    ("15,000 bales", D(15000), "bale"),
    ("300 GWh", D(300), "gigawatt_hour"),
    ("1,000 hectares", D(1000), "hectare"),
]


@pytest.mark.parametrize(("text", "value", "unit"), QUANTITY)
def test_quantities(text: str, value: Decimal, unit: str) -> None:
    [m] = find_quantities(text)
    assert (m.value, m.unit) == (value, unit)


@pytest.mark.parametrize(
    "text", ["1,500 trains", "100 containers", "22 routes", "13 countries", "30 years"]
)
def test_not_quantities(text: str) -> None:
    assert find_quantities(text) == []


def test_base_unit_by_pint() -> None:
    from factx.normalize.units import to_base

    assert to_base(D(5), "bcm") == (D(5000000000), "cubic_meter")
    assert to_base(D(2), "FEU") == (D(4), "TEU")
    assert to_base(D(3), "tonne") == (D(3000), "kilogram")


def test_table_cells_take_the_caption_and_header_units() -> None:
    from factx.finders.tables import find_table_cells

    text = (
        "Key figures (million euros unless stated):\n\n"
        "                       2023      2022    change\n"
        "  Revenue              168.9     150.7    +12.1%\n"
        "  Container traffic (mln TEU)  3.52      3.69     -4.6%\n"
        "  Cruise passengers (000)     1,104       697    +58.4%\n"
        "\nPort            Q1 2024 (mln TEUs)   Change (%)\n"
        "Shanghai        12.1                 +8.9\n"
        "Qingdao         7.4                  +10.8\n"
    )
    cells = [(c.text, c.kind, c.value, c.unit) for c in find_table_cells(text)]
    assert ("168.9", "money", D(168900000), "EUR") in cells
    assert ("3.52", "quantity", D(3520000), "TEU") in cells
    assert ("12.1", "quantity", D(12100000), "TEU") in cells
    assert ("+8.9", "percentage", D("8.9"), None) in cells
    assert ("2023", "year", D(2023), None) in cells
    assert not [c for c in cells if c[0] in ("1,104", "697")]  # "(000)": a unit it cannot read


def test_prose_is_not_a_table() -> None:
    from factx.finders.tables import find_table_cells

    assert find_table_cells("Exports rose 5% to $3 billion in 2021.  Imports fell.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a fee of $3,500 Chilean pesos", (D(3500), "CLP")),
        ("90 US cents per tonne", (D("0.9"), "USD")),
        ("$5 million dollars", (D(5000000), "USD")),
        ("a $442 million loan", (D(442000000), "USD")),  # "a $" is not A$
        ("the authority's $1.9 billion plan", (D(1900000000), "USD")),  # nor "s $" S$
    ],
)
def test_currency_forms(text: str, expected: tuple[Decimal, str]) -> None:
    [m] = find_money(text)
    assert (m.amount, m.currency) == expected


def test_declared_currency_wins() -> None:
    text = (
        "Barley was quoted at $355 a tonne (US$229), up from $320. "
        "All figures are in Australian dollars unless stated otherwise."
    )
    assert [(m.amount, m.currency) for m in find_money(text)] == [(D(355), "AUD"), (D(320), "AUD")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3.2 million TEUs of annual capacity", (D(3200000), "TEU / year")),
        ("raise annual capacity to 9.5 million TEUs", (D(9500000), "TEU / year")),
        ("to carry 1.6 million tonnes of cargo a year on the line", (D(1600000), "tonne / year")),
        ("4.6 million tonnes a year earlier", (D(4600000), "tonne")),
        ("including 8.2 lakh TEUs of containers", (D(820000), "TEU")),
    ],
)
def test_rates_and_capacity(text: str, expected: tuple[Decimal, str]) -> None:
    [m] = find_quantities(text)
    assert (m.value, m.unit) == expected


def test_bare_amount_inherits_the_quantity_unit() -> None:
    found = find_quantities(
        "Throughput was 269.3 mln tonnes in 1985. It rose to 274.2 mln in 1986."
    )
    assert [(q.value, q.unit) for q in found] == [(D(269300000), "tonne"), (D(274200000), "tonne")]


def test_changes_years_and_local_currencies() -> None:
    article = factx.extract(
        "Azerbaijan's Baku port raised fees to 500 manats. Across the sea at Turkmenbashi, in "
        "Turkmenistan, the port cut its fee to 700 manats per TEU. Phase three will start in "
        "2025, lifting annual capacity from 11.1 million TEUs to 18 million TEUs. Batu Ampar "
        "handled 485,000 TEUs in 2021 and 392,000 TEUs this year, or 2% more by number of "
        "twenty foot equivalents.",
        published="2023-01-01",
    )
    money = [(f.text, f.currency) for f in article.facts if f.type == "money"]
    assert money == [("500 manats", "AZN"), ("700 manats", "TMT")]
    quantities = [f.text for f in article.facts if f.type == "quantity"]
    assert quantities == [
        "11.1 million TEUs", "18 million TEUs", "485,000 TEUs", "392,000 TEUs"
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("published", "code"), [("1988-05-01", "SUR"), ("1995-01-01", "RUR"), ("2024-01-01", "RUB")]
)
def test_roubles_take_the_code_in_force_when_published(published: str, code: str) -> None:
    article = factx.extract("The deal is worth 1.2 billion roubles.", published=published)
    assert [f.currency for f in article.facts if f.type == "money"] == [code]


@pytest.mark.parametrize(
    ("text", "currency"),
    [("It will spend J$4.6 billion on the park.", "JMD"),
     ("The contract is worth 1.8 billion quetzales.", "GTQ"),
     ("The wharf cost F$18.6 million.", "FJD"),
     ("Fees rose to 2.1 million Fiji dollars.", "FJD")],
)  # fmt: skip
def test_caribbean_and_central_american_forms(text: str, currency: str) -> None:
    assert [f.currency for f in factx.extract(text).facts if f.type == "money"] == [currency]
