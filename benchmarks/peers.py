"""Score factx on peer projects' test suites through the public API, file by file.

The peer suites (Recognizers-Text, price-parser, quantulum3, Duckling, dateparser) are converted
to one JSON-lines shape in the shared folder (``peer-suites/README.md`` describes it). This
runner implements the rules of ``peer-suites/SCORING.md``: every case goes through
``factx.extract(text, published=reference date)`` and nothing else, so the rate is what a user
gets. The only settings it passes are factx's public reading options, set the way a user who
knew the feed would set them: ``reading="calendar"`` for the suites that resolve towards the
future (Duckling, dateparser) and ``country`` for a case whose locale names a region
("EN_GB", "en-au"). It then

* leaves out the cases SCORING.md puts out of scope (the peers' own not-supported flags, a
  currency only in a hint, span-only assertions, times of day, durations, sets, seasons,
  holidays that do not date trade, units outside trade measures ...) and counts each reason,
  so the scope is visible next to the rate;
* compares normalised values, never strings: money by amount (within 0.01 %) and ISO
  currency, quantities in pint base units (within 1 %), percentages by value, dates by the
  fact's ``start_date`` and ``end_date``;
* passes a case when every expected item in scope has its own factx fact (over an overlapping
  span where the suite gives offsets), and a case that expects nothing of its kind when factx
  finds nothing of that kind;
* accepts the readings SCORING.md accepts where a suite's convention differs from news: every
  Recognizers-Text candidate, past or future; the past reading of a year-less, unmodified
  Duckling or dateparser expression (counted apart); the first price of a price-parser range.

``python benchmarks/peers.py [PEER_DIR] [--failures FILE]`` prints the Markdown tables;
``--failures`` also writes every failing case with what factx produced (JSON lines). It is a
benchmark, not part of the package: the wheel does not ship it.
"""

from __future__ import annotations

import argparse
import calendar
import datetime as dt
import json
import re
import sys
from collections import Counter
from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, Literal

import factx
from factx.evaluate import shared_dir
from factx.normalize.units import to_base
from factx.records import DateFact, MoneyEquivalent, MoneyFact, PercentageFact, QuantityFact

__all__ = [
    "CaseOutcome",
    "DateExpectation",
    "FileReport",
    "MoneyExpectation",
    "OutOfScope",
    "PercentExpectation",
    "QuantityExpectation",
    "Window",
    "default_peer_dir",
    "evaluate_case",
    "expectation",
    "format_report",
    "main",
    "run_directory",
    "run_file",
    "write_failures",
]

Record = dict[str, Any]
#: An amount of money factx reported: a fact, or a conversion stated beside one.
Money = MoneyFact | MoneyEquivalent
Status = Literal["pass", "fail", "skip"]

#: The kinds factx has a pure finder for; the number suites are not run.
KINDS = ("money", "percentage", "quantity", "date")

#: Flags under which the peers themselves do not assert the case (or factx cannot take it by
#: design: a currency that only occurs in a side input, an assertion on the span alone).
SKIP_FLAGS: tuple[str, ...] = (
    "not_supported:python",
    "not_supported_by_design:python",
    "xfail",
    "latent",
    "requires_classifier",
    "currency_from_hint",
    "text_is_currency_hint",
    "span_only",
    "first_token_only",
    "value_depends_on_current_date",
    "no_reference_date",
    "non_default_settings",
)

RECOGNIZERS = "microsoft/Recognizers-Text"
DUCKLING = "facebook/duckling"
DATEPARSER = "scrapinghub/dateparser"
PRICE_PARSER = "scrapinghub/price-parser"
QUANTULUM = "nielstron/quantulum3"

# ---------------------------------------------------------------------------------------------
# Locale: the suites name a culture ("en-us", "en-*") or a Duckling locale ("EN_GB").


def _region(case: Record) -> str | None:
    """ISO 3166 alpha-2 region of the case's locale, or None for a bare "EN" / "en-*"."""
    context = case.get("context") or {}
    locale = context.get("locale") or context.get("culture") or ""
    m = re.fullmatch(r"(?i)en[-_]([a-z]{2})", str(locale))
    return m.group(1).upper() if m else None


#: Regions whose English writes day before month. Duckling's EN_{AU,BZ,GB,IE,IN,JM,NZ,TT}
#: corpora read "15/2" that way; Recognizers-Text's EnglishOthers ("en-*") specs do too.
DAY_FIRST_REGIONS = frozenset({"AU", "BZ", "GB", "IE", "IN", "JM", "NZ", "TT"})


def _day_first(case: Record) -> bool:
    context = case.get("context") or {}
    if context.get("culture") == "en-*":
        return True
    region = _region(case)
    return region in DAY_FIRST_REGIONS if region else False


def _money_context(case: Record) -> tuple[str, ...]:
    region = _region(case)
    return (region,) if region else ()


# ---------------------------------------------------------------------------------------------
# Small helpers


def _dec(value: Any) -> Decimal | None:
    if value is None or value == "null":
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None


#: Relative tolerances of SCORING.md: money within 0.01 %, quantities within 1 % (pint
#: conversions and the suites' rounded conversions, "1 mile = 1.6 km", do not agree closer).
MONEY_TOLERANCE = Decimal("1e-4")
QUANTITY_TOLERANCE = Decimal("1e-2")
_EXACT = Decimal("1e-6")


def _close(a: Decimal, b: Decimal, tolerance: Decimal = _EXACT) -> bool:
    """Numeric equality with a relative tolerance: pint conversions and the suites' float
    literals ("0.16666666666666666") do not round the same way."""
    if a == b:
        return True
    scale = max(abs(a), abs(b))
    return abs(a - b) <= scale * tolerance


def _overlaps(span: tuple[int, int] | None, start: int, end: int) -> bool:
    if span is None:
        return True
    return span[0] < end and start < span[1]


def _span(item: Record) -> tuple[int, int] | None:
    start, end = item.get("start"), item.get("end")
    if isinstance(start, int) and isinstance(end, int):
        return start, end
    return None


def _source(case: Record) -> str:
    return str(case.get("source", "")).split(":", 1)[0]


#: factx qualifiers that state an upper or a lower bound (Duckling writes "under 7 EUR" as an
#: interval with only a max).
UPPER_QUALIFIERS = frozenset({"under", "up_to", "at_most"})
LOWER_QUALIFIERS = frozenset({"over", "at_least"})


def _bounds_match(
    expected_low: Decimal | None,
    expected_high: Decimal | None,
    value: Decimal | None,
    low: Decimal | None,
    high: Decimal | None,
    qualifier: str | None,
    tolerance: Decimal = _EXACT,
) -> bool:
    """An interval (both bounds) or an open bound (one) against a factx fact."""

    if expected_low is not None and expected_high is not None:
        return (
            low is not None
            and high is not None
            and _close(low, expected_low, tolerance)
            and _close(high, expected_high, tolerance)
        )
    if expected_high is not None:
        if high is not None and low is None:
            return _close(high, expected_high, tolerance)
        return (
            value is not None
            and qualifier in UPPER_QUALIFIERS
            and _close(value, expected_high, tolerance)
        )
    if expected_low is not None:
        if low is not None and high is None:
            return _close(low, expected_low, tolerance)
        return (
            value is not None
            and qualifier in LOWER_QUALIFIERS
            and _close(value, expected_low, tolerance)
        )
    return False


@dataclass(frozen=True)
class OutOfScope:
    """Why an expected item is not compared: a reason counted in the report, and a detail
    (the currency or unit name) listed beside it."""

    reason: str
    detail: str | None = None


# ---------------------------------------------------------------------------------------------
# Money: the suites' currency names to ISO 4217


_DOLLARS = {
    "US": "USD", "AU": "AUD", "CA": "CAD", "NZ": "NZD", "JM": "JMD", "TT": "TTD", "BZ": "BZD",
    "HK": "HKD", "SG": "SGD",
}  # fmt: skip
_CENT_CURRENCIES = frozenset({"USD", "EUR", "CAD", "AUD", "NZD", "HKD", "SGD", "JMD", "TTD", "BZD"})
_ONE = Decimal(1)
_CENT = Decimal("0.01")

#: Suite currency names that carry no ISO code: accepted ISO codes and the factor to the major
#: unit (the suites do not scale minor units: "10 cents" is amount 10, suite name "cent").
#: "$" and "Dollar" also accept the locale's own dollar (see :func:`_accepted_currencies`).
SUITE_CURRENCIES: dict[str, tuple[frozenset[str], Decimal]] = {
    "dollar": (frozenset({"USD"}), _ONE),
    "$": (frozenset({"USD"}), _ONE),
    "unknown": (frozenset({"USD"}), _ONE),  # Duckling's "bucks"
    "pound": (frozenset({"GBP"}), _ONE),
    "£": (frozenset({"GBP"}), _ONE),
    "₤": (frozenset({"GBP"}), _ONE),
    "euro": (frozenset({"EUR"}), _ONE),
    "cent": (_CENT_CURRENCIES, _CENT),
    "pence": (frozenset({"GBP"}), _CENT),
    "penny": (frozenset({"GBP", "USD"}), _CENT),
    "dime": (frozenset({"USD"}), Decimal("0.1")),
    "sen": (frozenset({"MYR", "JPY", "IDR"}), _CENT),
    "franc": (frozenset({"CHF", "FRF", "BEF", "XOF", "XAF"}), _ONE),
    "francs": (frozenset({"CHF", "FRF", "BEF", "XOF", "XAF"}), _ONE),
    "fr.": (frozenset({"CHF"}), _ONE),
    "rupee": (frozenset({"INR", "PKR", "LKR", "NPR"}), _ONE),
    "rs": (frozenset({"INR", "PKR", "LKR", "NPR"}), _ONE),
    "finnish markka": (frozenset({"FIM"}), _ONE),
    "peseta": (frozenset({"ESP"}), _ONE),
    "pts": (frozenset({"ESP"}), _ONE),
    "netherlands guilder": (frozenset({"NLG"}), _ONE),
    "bitcoin": (frozenset({"BTC", "XBT"}), _ONE),
    "satoshi": (frozenset({"BTC", "XBT"}), Decimal("0.00000001")),
    "dinar": (frozenset({"KWD", "BHD", "JOD", "IQD", "LYD", "TND", "DZD", "RSD"}), _ONE),
    "riyal": (frozenset({"SAR", "QAR", "OMR", "YER"}), _ONE),
    "rial": (frozenset({"OMR", "IRR", "YER"}), _ONE),
    "kr": (frozenset({"SEK", "NOK", "DKK", "ISK"}), _ONE),
    "lei": (frozenset({"RON", "MDL"}), _ONE),
    "р.": (frozenset({"RUB", "BYN"}), _ONE),
    "р": (frozenset({"RUB", "BYN"}), _ONE),
    "c$": (frozenset({"CAD", "NIO"}), _ONE),
    "元": (frozenset({"CNY"}), _ONE),
}

#: Coin slang ("four quarters", "a nickel") is money only in chat; in trade news "a quarter"
#: is a fraction or a period, so factx rightly does not read it.
_COIN_SLANG = re.compile(r"(?i)\b(?:nickels?|dimes?|quarters?)\b")


def _accepted_currencies(item: Record, case: Record) -> tuple[frozenset[str], Decimal] | None:
    """ISO codes that satisfy the item's currency and the factor to the major unit; None when
    the suite's currency cannot be mapped to ISO 4217 (the item is then out of scope)."""
    suite = item.get("currency_suite")
    code = item.get("currency")
    suite_key = str(suite).strip().lower() if suite is not None else None
    if suite_key in SUITE_CURRENCIES and (code is None or suite_key in ("cent", "pence")):
        codes, scale = SUITE_CURRENCIES[suite_key]
        if suite_key in ("dollar", "$", "unknown"):
            region = _region(case)
            if region in _DOLLARS:
                codes = codes | {_DOLLARS[region]}
        return codes, scale
    if code:
        return frozenset({str(code)}), _ONE
    return None


@dataclass(frozen=True)
class MoneyExpectation:
    """One expected amount (or interval) of money, in major units."""

    text: str
    span: tuple[int, int] | None
    amount: Decimal | None
    low: Decimal | None
    high: Decimal | None
    currencies: frozenset[str]
    #: price-parser reads one price per string, the first: "£6.95 - £9.95" is 6.95
    first_of_range: bool = False

    #: the suite's per-unit ("dollar per kilogram"): the fact must state the same
    per_unit: str | None = None

    def accepts(self, m: Money) -> bool:
        if self.currencies and m.currency not in self.currencies:
            return False
        if self.per_unit is not None and not _same_per_unit(m, self.per_unit):
            return False
        return self.amount_matches(m)

    def amount_matches(self, m: Money) -> bool:
        tol = MONEY_TOLERANCE
        if self.amount is not None:
            if self.first_of_range and m.amount is None and m.low is not None:
                return _close(m.low, self.amount, tol)
            return m.amount is not None and _close(m.amount, self.amount, tol)
        qualifier = getattr(m, "qualifier", None)  # an equivalent states no bound
        return _bounds_match(self.low, self.high, m.amount, m.low, m.high, qualifier, tol)


def _same_per_unit(m: Money, unit: str) -> bool:
    """A price's per-unit against the suite's ("hour", "kilogram"): by pint dimension and
    size, since factx names units the pint way ("kilogram", "tonne")."""
    found = getattr(m, "per_unit", None)
    if not found:
        return False
    a, b = _base(Decimal(1), unit), _base(Decimal(1), str(found))
    return a is not None and b is not None and a[1] == b[1] and _close(a[0], b[0])


#: Amounts whose text names no currency, which a suite resolves from its locale alone: any
#: currency passes, since factx.extract is given no locale (SCORING.md).
_LOCALE_ONLY_CURRENCY = re.compile(r"(?i)(?:about\s+|around\s+)?(?:a|one|\w+|[\d.,]+)\s*grand")


def _money_expectation(item: Record, case: Record) -> MoneyExpectation | OutOfScope:
    """The item as an expectation, or the reason it is out of scope."""
    text = str(item.get("text") or "")
    amount, low, high = _dec(item.get("amount")), _dec(item.get("min")), _dec(item.get("max"))
    if amount is None and low is None and high is None:
        return OutOfScope("currency named without an amount")
    if _COIN_SLANG.search(text):
        return OutOfScope("coin slang (nickel, dime, quarter)")
    accepted = _accepted_currencies(item, case)
    if accepted is None:
        return OutOfScope("currency name with no ISO 4217 mapping", str(item.get("currency_suite")))
    codes, scale = accepted
    if _LOCALE_ONLY_CURRENCY.fullmatch(text.strip()):
        codes = frozenset()  # "a grand" in EN_AU: the currency is the locale's, not the text's

    def scaled(v: Decimal | None) -> Decimal | None:
        return None if v is None else v * scale

    return MoneyExpectation(
        text,
        _span(item),
        scaled(amount),
        scaled(low),
        scaled(high),
        codes,
        first_of_range=_source(case) == PRICE_PARSER,
    )


def _flatten_money(found: Iterable[Money]) -> list[Money]:
    """A stated conversion ("C$10 billion ($7.6 billion)") is an amount of its own for the
    suites, so the equivalents are matched like top-level facts."""
    flat: list[Money] = []
    for m in found:
        flat.append(m)
        if isinstance(m, MoneyFact):
            flat.extend(m.equivalents)
    return flat


# ---------------------------------------------------------------------------------------------
# Quantities: the suites' unit names to pint, and which unit classes are trade units

#: Unit classes of trade news; everything else is counted apart and left out.
TRADE_UNIT_CLASSES = frozenset(
    {
        "mass",
        "length",
        "volume",
        "area",
        "energy",
        "power",
        "containers",
        "mass rate",
        "volume rate",
    }
)

#: Suite unit name (lower case) -> (unit class, pint units it may mean). Several pint units
#: where the suite's name is ambiguous: Recognizers-Text files "tonnes" under "Ton", Duckling
#: keeps "3m" as "m".
SUITE_UNITS: dict[str, tuple[str, tuple[str, ...]]] = {
    # mass
    "pound": ("mass", ("pound",)),
    "pound-mass": ("mass", ("pound",)),
    "ounce": ("mass", ("ounce",)),
    "ton": ("mass", ("ton", "tonne")),
    "tonne": ("mass", ("tonne",)),
    "metric ton": ("mass", ("tonne",)),
    "kilogram": ("mass", ("kilogram",)),
    "gram": ("mass", ("gram",)),
    "milligram": ("mass", ("milligram",)),
    "microgram": ("mass", ("microgram",)),
    "dram": ("mass", ("dram",)),
    # length
    "meter": ("length", ("meter",)),
    "metre": ("length", ("meter",)),
    "m": ("length", ("meter", "mile")),
    "kilometer": ("length", ("kilometer",)),
    "kilometre": ("length", ("kilometer",)),
    "centimetre": ("length", ("centimeter",)),
    "millimeter": ("length", ("millimeter",)),
    "millimetre": ("length", ("millimeter",)),
    "decimeter": ("length", ("decimeter",)),
    "picometer": ("length", ("picometer",)),
    "picometre": ("length", ("picometer",)),
    "nanometre": ("length", ("nanometer",)),
    "attometre": ("length", ("attometer",)),
    "inch": ("length", ("inch",)),
    "foot": ("length", ("foot",)),
    "mile": ("length", ("mile",)),
    # area
    "square meter": ("area", ("square_meter",)),
    "square kilometer": ("area", ("square_kilometer",)),
    "square kilometre": ("area", ("square_kilometer",)),
    "square mile": ("area", ("mile ** 2",)),
    "acre": ("area", ("acre",)),
    # volume
    "milliliter": ("volume", ("milliliter",)),
    "millilitre": ("volume", ("milliliter",)),
    "litre": ("volume", ("liter",)),
    "centilitre": ("volume", ("centiliter",)),
    "hectolitre": ("volume", ("hectoliter",)),
    "gallon": ("volume", ("gallon",)),
    "barrel": ("volume", ("barrel",)),
    "cubic foot": ("volume", ("cubic_foot",)),
    "cubic kilometre": ("volume", ("kilometer ** 3",)),
    "cubic centimetre": ("volume", ("centimeter ** 3",)),
    # energy and power
    "watt hour": ("energy", ("watt_hour",)),
    "megawatt hour": ("energy", ("megawatt_hour",)),
    "british thermal unit": ("energy", ("british_thermal_unit",)),
    "watt": ("power", ("watt",)),
    # rates
    "ton per day": ("mass rate", ("ton / day", "tonne / day")),
    # out of scope: named so that the report counts them by class
    "cup": ("cooking measure", ()),
    "tablespoon": ("cooking measure", ()),
    "teaspoon": ("cooking measure", ()),
    "c": ("temperature", ()),
    "f": ("temperature", ()),
    "degree": ("temperature", ()),
    "celsius": ("temperature", ()),
    "fahrenheit": ("temperature", ()),
    "degree celsius": ("temperature", ()),
    "degree fahrenheit": ("temperature", ()),
    "kelvin": ("temperature", ()),
    "kilometer per hour": ("speed", ()),
    "kilometre per hour": ("speed", ()),
    "mile per hour": ("speed", ()),
    "meter per millisecond": ("speed", ()),
    "centimeter per millisecond": ("speed", ()),
    "kilometer per millisecond": ("speed", ()),
    "radian": ("angle", ()),
    "turn": ("angle", ()),
    "minute of arc": ("angle", ()),
    "second of arc": ("angle", ()),
    "bit": ("information", ()),
    "byte": ("information", ()),
    "kibibyte": ("information", ()),
    "megabit": ("information", ()),
    "megabyte": ("information", ()),
    "exabyte": ("information", ()),
    "kilobit per second": ("information", ()),
    "year": ("time", ()),
    "month": ("time", ()),
    "week": ("time", ()),
    "day": ("time", ()),
    "hour": ("time", ()),
    "minute": ("time", ()),
    "gigayear": ("time", ()),
    "megayear": ("time", ()),
    "inverse second": ("frequency", ()),
    "gigahertz": ("frequency", ()),
    "count per week": ("frequency", ()),
    "electronvolt": ("particle physics", ()),
    "teraelectronvolt": ("particle physics", ()),
    "barn": ("particle physics", ()),
    "inverse femtobarn": ("particle physics", ()),
    "dozen": ("count (dozen, gross)", ()),
    "gross": ("count (dozen, gross)", ()),
    "baker's dozen": ("count (dozen, gross)", ()),
    "dollar per hour": ("price per unit", ()),
    "dollar per kilogram": ("price per unit", ()),
    "unnamed": ("bare number", ()),
}

#: Classes of suite dimensions for units missing from :data:`SUITE_UNITS`.
_DIMENSION_CLASSES = {"temperature": "temperature", "speed": "speed", "angle": "angle",
                      "information": "information", "time": "time"}  # fmt: skip


_UNMAPPED = "other (unit not in SUITE_UNITS)"


def _unit_class(item: Record) -> tuple[str, tuple[str, ...]]:
    unit = item.get("unit")
    if unit is not None and str(unit).lower() in SUITE_UNITS:
        return SUITE_UNITS[str(unit).lower()]
    dimension = str(item.get("dimension") or item.get("entity") or "").lower()
    if dimension in _DIMENSION_CLASSES:
        return _DIMENSION_CLASSES[dimension], ()
    if unit is None:
        return "bare number", ()
    return _UNMAPPED, ()


def _base(value: Decimal, unit: str) -> tuple[Decimal, str] | None:
    """pint base value, or None where pint cannot read the unit (then nothing matches)."""
    import pint

    try:
        return to_base(value, unit)
    except (pint.errors.PintError, AttributeError, TypeError, ValueError):
        return None


@dataclass(frozen=True)
class QuantityExpectation:
    """One expected quantity (or interval), compared in pint base units."""

    text: str
    span: tuple[int, int] | None
    value: Decimal | None
    low: Decimal | None
    high: Decimal | None
    units: tuple[str, ...]

    def accepts(self, m: QuantityFact) -> bool:
        found_units = [m.unit]
        if " / " in m.unit and not any("/" in u for u in self.units):
            # "500,000 barrels a day": a suite without rates expects the stock unit; the rate
            # says more, not something else
            found_units.append(m.unit.split(" / ", 1)[0])
        return any(self._accepts_as(m, unit, f) for unit in self.units for f in found_units)

    def same_dimension(self, m: QuantityFact) -> bool:
        mine = [_base(Decimal(1), u) for u in self.units]
        theirs = _base(Decimal(1), m.unit)
        return theirs is not None and any(b is not None and b[1] == theirs[1] for b in mine)

    def _accepts_as(self, m: QuantityFact, unit: str, found_unit: str) -> bool:
        def both(expected: Decimal | None, found: Decimal | None) -> tuple[Decimal, Decimal] | None:
            if expected is None or found is None:
                return None
            a, b = _base(expected, unit), _base(found, found_unit)
            if a is None or b is None or a[1] != b[1]:
                return None
            return a[0], b[0]

        if self.value is not None:
            pair = both(self.value, m.value)
            return pair is not None and _close(*pair, QUANTITY_TOLERANCE)
        # bring the interval and the match into one unit, then compare bounds
        ref = _base(Decimal(1), unit)
        found_ref = _base(Decimal(1), found_unit)
        if ref is None or found_ref is None or ref[1] != found_ref[1]:
            return False
        factor = found_ref[0] / ref[0]

        def conv(v: Decimal | None) -> Decimal | None:
            return None if v is None else v * factor

        return _bounds_match(
            self.low,
            self.high,
            conv(m.value),
            conv(m.low),
            conv(m.high),
            m.qualifier,
            QUANTITY_TOLERANCE,
        )


def _price_per_unit(item: Record) -> MoneyExpectation | None:
    """quantulum3's "dollar per <unit>" is a price: money with that per-unit (SCORING.md)."""
    unit = str(item.get("unit") or "").lower()
    m = re.fullmatch(r"dollar per (\w+)", unit)
    value = _dec(item.get("value"))
    if m is None or value is None:
        return None
    return MoneyExpectation(
        str(item.get("text") or ""), _span(item), value, None, None, frozenset({"USD"}),
        per_unit=m.group(1),
    )  # fmt: skip


def _quantity_expectation(item: Record) -> QuantityExpectation | MoneyExpectation | OutOfScope:
    price = _price_per_unit(item)
    if price is not None:
        return price
    unit_class, units = _unit_class(item)
    if unit_class not in TRADE_UNIT_CLASSES:
        detail = str(item.get("unit")) if unit_class == _UNMAPPED else None
        return OutOfScope(f"unit class: {unit_class}", detail)
    text = str(item.get("text") or "")
    value, low, high = _dec(item.get("value")), _dec(item.get("min")), _dec(item.get("max"))
    uncertainty = _dec(item.get("uncertainty"))
    if value is not None and uncertainty and not re.search(r"±|\+/-", text):
        # quantulum3 writes "8- to 16-meter" as 12 with uncertainty 4
        low, high = value - uncertainty, value + uncertainty
        value = None
    if value is None and low is None and high is None:
        return OutOfScope("unit named without a number")
    return QuantityExpectation(text, _span(item), value, low, high, units)


# ---------------------------------------------------------------------------------------------
# Percentages


@dataclass(frozen=True)
class PercentExpectation:
    text: str
    span: tuple[int, int] | None
    value: Decimal

    def accepts(self, m: PercentageFact) -> bool:
        return _close(m.value, self.value)


def _percent_expectation(item: Record) -> PercentExpectation | OutOfScope:
    value = _dec(item.get("value"))
    if value is None:
        return OutOfScope("percent sign without a number")
    return PercentExpectation(str(item.get("text") or ""), _span(item), value)


# ---------------------------------------------------------------------------------------------
# Dates


@dataclass(frozen=True)
class Window:
    """What a factx period must be: its first day, its last day, or a day it contains.

    ``past`` marks the past reading of a year-less expression where the suite resolves towards
    the future (Duckling, dateparser) and gives no past alternative.
    """

    start: dt.date | None = None
    end: dt.date | None = None
    contains: dt.date | None = None
    past: bool = False

    def accepts(self, first: dt.date | None, last: dt.date | None) -> bool:
        if first is None or last is None:
            return False
        if self.contains is not None:
            return first <= self.contains <= last
        if self.start is None and self.end is None:
            return False
        return (self.start is None or first == self.start) and (
            self.end is None or last == self.end
        )


@dataclass(frozen=True)
class DateExpectation:
    """Accepted readings of one expected date, as day windows."""

    text: str
    span: tuple[int, int] | None
    windows: tuple[Window, ...]

    def accepts(self, m: DateFact) -> bool:
        return self.reading(m) is not None

    def reading(self, m: DateFact) -> Literal["value", "past"] | None:
        """How ``m`` satisfies the expectation, by its first and last day (never its value
        string): as the suite reads it, only by the past reading, or not at all."""
        for window in self.windows:
            if window.accepts(m.start_date, m.end_date):
                return "past" if window.past else "value"
        return None


_DAY = dt.timedelta(days=1)
_TIME_GRAINS = frozenset({"hour", "minute", "second", "part_of_day", "duration", "ref", "timezone"})
_DATE_TYPES = frozenset({"date", "daterange", "value", "interval", None})
#: The holidays trade news dates trade by (SCORING.md): in scope; every other holiday is not.
TRADE_HOLIDAY = re.compile(
    r"(?i)christmas|xmas|\bnew\s+year|chinese\s+new|lunar\s+new|golden\s+week|ramadan|"
    r"\beid\b|diwali|deepavali|easter\s*(?:sunday|monday|day)?$|^easter|good\s+friday|"
    r"thanksgiving|black\s+friday|cyber\s+monday|labou?r\s+day|may\s+day|"
    r"independence\s+day|memorial\s+day|boxing\s+day"
)
#: Holidays the Recognizers-Text specs name in their text without marking them as holidays.
_HOLIDAY = re.compile(
    r"(?i)christmas|xmas|thanksgiving|easter|halloween|new\s+year'?s\s+(?:day|eve)|"
    r"independence\s+day|workers'?\s+day|juneteenth|freedom\s+day|jubilee\s+day|valentine|"
    r"mother'?s\s+day|father'?s\s+day|labou?r\s+day|memorial\s+day|boxing\s+day|"
    r"black\s+friday|cyber\s+monday|good\s+friday|chinese\s+new\s+year|ramadan|diwali"
)
_SEASON = re.compile(r"(?i)\b(?:seasons?|summer|winter|spring|autumn|fall)\b")
_WEEKDAY = re.compile(r"(?i)\b(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?s?\b")
_YEAR_WRITTEN = re.compile(r"\b\d{4}\b|'\d\d\b")
_RELATIVE_WORDS = re.compile(
    r"(?i)\b(?:this|next|coming|upcoming|following|last|past|previous|ago|from\s+now|hence|"
    r"today|tomorrow|yesterday|in\s+\d+)\b"
)


def _iso_date(text: Any) -> dt.date | None:
    if not isinstance(text, str):
        return None
    m = re.match(r"(-?\d{4})-(\d\d)-(\d\d)", text)
    if not m or m.group(1).startswith("-") or m.group(1) == "0001":
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def _last_of_month(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _add_months(d: dt.date, months: int) -> dt.date:
    index = d.year * 12 + d.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def _grain_bound(text: str) -> tuple[dt.date, dt.date] | None:
    """First and last day of a Duckling value written at day, month or year grain."""
    try:
        if re.fullmatch(r"\d{4}", text):
            return dt.date(int(text), 1, 1), dt.date(int(text), 12, 31)
        if re.fullmatch(r"\d{4}-\d\d", text):
            year, month = int(text[:4]), int(text[5:])
            return dt.date(year, month, 1), _last_of_month(year, month)
        if re.fullmatch(r"\d{4}-\d\d-\d\d", text):
            day = dt.date.fromisoformat(text)
            return day, day
    except ValueError:
        return None
    return None


def _shift_year(d: dt.date, years: int) -> dt.date:
    """The same day ``years`` later; a month's last day stays its last day (29 February)."""
    if d == _last_of_month(d.year, d.month):
        return _last_of_month(d.year + years, d.month)
    return d.replace(year=d.year + years)


def _nth_weekday_a_year_earlier(d: dt.date) -> dt.date:
    """The same nth weekday of the month a year earlier ("first tuesday of october")."""
    nth = (d.day - 1) // 7
    first = dt.date(d.year - 1, d.month, 1)
    day = first + dt.timedelta(days=(d.weekday() - first.weekday()) % 7 + 7 * nth)
    return day if day.month == d.month else day - 7 * _DAY


_NTH_WEEKDAY = re.compile(r"(?i)\b(?:first|second|third|fourth|fifth|last|1st|2nd|3rd|4th)\b")
_DAY_NUMBER = re.compile(r"(?i)\b\d{1,2}(?:st|nd|rd|th)?\b|\b(?:first|second|third)\b")
_BARE_DAY = re.compile(
    r"(?i)^(?:on\s+)?the\s+(?:\d{1,2}(?:st|nd|rd|th)|first|second|third|\w+(?:th|st|nd|rd))$"
)


def _a_month_earlier(d: dt.date) -> dt.date | None:
    """The same day of the month before ("on the 31st" has none in a 30-day month)."""
    first = _add_months(d, -1)
    try:
        return first.replace(day=d.day)
    except ValueError:
        return None


def _past_readings(windows: Sequence[Window], text: str) -> list[Window]:
    """The past reading of a text with no year and no relative word, for suites that resolve
    towards the future (SCORING.md): a year earlier; a week earlier for a weekday without a
    day number (also "this <weekday>"); a month earlier for a bare day of the month ("on the
    15th"); the same nth weekday of the month a year earlier. A weekday with a day number
    gets none (the weekday would no longer hold). News looks back, and factx reads it so."""
    weekday = _WEEKDAY.search(text) is not None
    relative = _RELATIVE_WORDS.search(text)
    this_weekday = weekday and re.fullmatch(r"(?i)\s*this\s+\w+\s*", text) is not None
    if _YEAR_WRITTEN.search(text) or (relative and not this_weekday):
        return []
    if weekday and _DAY_NUMBER.search(text) and not _NTH_WEEKDAY.search(text):
        return []
    shifted: list[Window] = []
    for w in windows:
        moves: list[Any] = []
        if weekday and _NTH_WEEKDAY.search(text):
            moves.append(_nth_weekday_a_year_earlier)
        elif weekday:
            moves.append(lambda d: d - 7 * _DAY)
        elif _BARE_DAY.match(text.strip()):
            moves.append(_a_month_earlier)
        else:
            moves.append(lambda d: _shift_year(d, -1))
        for move in moves:
            shifted.append(
                Window(
                    start=move(w.start) if w.start else None,
                    end=move(w.end) if w.end else None,
                    contains=move(w.contains) if w.contains else None,
                    past=True,
                )
            )
    return shifted


def _open_windows(
    start: dt.date | None, end_exclusive: dt.date | None, *, inclusive_too: bool = False
) -> list[Window]:
    """Windows for a resolution given as [start, end) where either side may be missing.

    The end is exclusive; for day and week ranges it may also be the last day itself
    (``inclusive_too``: the suite writes "from 4 to 22" and "rest of the month" with their
    last day), except the one-day reading of a joined two-day range ("2/29-3/1"). A lone
    bound may be the named period's first day or the day before it ("after 2016" resolves
    to start 2017-01-01, "before 2007" to end 2007-01-01).
    """
    if start is not None and end_exclusive is not None:
        windows = []
        if end_exclusive - start > _DAY or not inclusive_too:
            windows.append(Window(start, end_exclusive - _DAY))
        if inclusive_too:
            windows.append(Window(start, end_exclusive))
        return windows
    if start is not None:
        return [Window(start=start), Window(end=start - _DAY)]
    if end_exclusive is not None:
        return [Window(end=end_exclusive - _DAY), Window(start=end_exclusive)]
    return []


def _recognizers_windows(item: Record) -> list[Window]:
    """Windows from every resolution candidate, past or future (SCORING.md): ``{"past": ...,
    "future": ...}`` in the parser specs, a list in the model specs."""
    resolved = item.get("resolved")
    candidates: list[Any] = []
    if isinstance(resolved, dict):
        candidates = [resolved.get("past"), resolved.get("future")]
    elif isinstance(resolved, list):
        candidates = list(resolved)
    timex = str(item.get("value") or "")
    day_or_week = item.get("grain") in ("day", "week", "weekend") or bool(
        re.search(r"P\d+[DW]\)?$|-W\d\d", timex)
    )
    windows: list[Window] = []
    for chosen in candidates:
        if not isinstance(chosen, dict):
            continue
        single = _iso_date(chosen.get("date") or chosen.get("value"))
        if single is not None:
            found = [Window(single, single)]
        else:
            start = _iso_date(chosen.get("startDate") or chosen.get("start"))
            end = _iso_date(chosen.get("endDate") or chosen.get("end"))
            found = _open_windows(start, end, inclusive_too=day_or_week)
        windows += [w for w in found if w not in windows]
    return windows


def _month_first(windows: Sequence[Window], text: str) -> list[Window]:
    """An all-numeric date of a day-first case read month first as well ("4/5/2016" as
    5 April): factx.extract is given no locale for the "en-*" cases, which name no country."""
    if not re.fullmatch(r"(?i)\s*(?:on\s+)?\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{2,4})?\s*", text):
        return []
    out: list[Window] = []
    for w in windows:
        if w.start is not None and w.start == w.end and w.start.day <= 12:
            try:
                swapped = dt.date(w.start.year, w.start.day, w.start.month)
            except ValueError:
                continue
            out.append(Window(swapped, swapped, past=w.past))
    return out


def _duckling_windows(item: Record) -> list[Window]:
    value = str(item.get("value") or "")
    grain = item.get("grain")
    if item.get("type") == "interval" and "/" in value:
        first, last = value.split("/", 1)
        first_bounds, last_bounds = _grain_bound(first), _grain_bound(last)
        start = first_bounds[0] if first_bounds else None
        end = last_bounds[0] if last_bounds else None
        if first == ".." and end is not None:
            # "before 2014" / "through 2014": the named period begins at the open end
            return [Window(start=end), Window(end=end - _DAY)]
        if last == ".." and start is not None:
            return [Window(start=start)]
        if start is not None and end is not None:
            return [Window(start, end - _DAY)]
        return []
    if grain == "week":  # Duckling's week starts on its Monday
        day = _iso_date(value)
        return [Window(day, day + 6 * _DAY)] if day else []
    if grain == "quarter":
        day = _iso_date(value)
        if day is None:
            return []
        return [Window(day, _add_months(day, 3) - _DAY)]
    bounds = _grain_bound(value)
    return [Window(*bounds)] if bounds else []


def _date_scope(item: Record, case: Record) -> str | None:
    """Why a date item is out of scope: factx finds calendar dates and date ranges only."""
    source = _source(case)
    kind, grain = item.get("type"), item.get("grain")
    text = str(item.get("text") or "")
    if kind not in _DATE_TYPES:
        return f"type {kind} (not a calendar date)"
    if grain in _TIME_GRAINS:
        return f"grain {grain}"
    holiday = str(item.get("holiday") or "")
    if not holiday and source == RECOGNIZERS and (m := _HOLIDAY.search(text)):
        holiday = m.group(0)
    if holiday and not TRADE_HOLIDAY.search(holiday):
        return "holiday that does not date trade"
    if re.search(r"(?i)\bB\.?C\.?\b", text):
        return "BC year"
    if grain == "season" or (source == DUCKLING and _SEASON.search(text)):
        return "season"
    if source == RECOGNIZERS and "0001-01-01" in json.dumps(item.get("resolved")):
        return "invalid calendar date (the suite resolves it to 0001-01-01)"
    if source == DATEPARSER and "T" in str(item.get("value") or ""):
        return "time of day"
    return None


def _date_expectation(item: Record, case: Record) -> DateExpectation | OutOfScope:
    reason = _date_scope(item, case)
    if reason:
        return OutOfScope(reason)
    source, text = _source(case), str(item.get("text") or "")
    value = item.get("value")
    windows: list[Window]
    if source == RECOGNIZERS:
        windows = _recognizers_windows(item)
    elif source == DUCKLING:
        windows = _duckling_windows(item)
        windows += _past_readings(windows, text)
    else:  # dateparser: a full date with missing parts filled from the reference date
        day = _iso_date(value)
        windows = [Window(contains=day)] if day else []
        windows += _past_readings(windows, text)
    if _day_first(case):
        windows += _month_first(windows, text)
    if not windows:
        return OutOfScope("no date value to compare")
    return DateExpectation(text, _span(item), tuple(windows))


# ---------------------------------------------------------------------------------------------
# Cases

Expectation = MoneyExpectation | QuantityExpectation | PercentExpectation | DateExpectation


@dataclass
class CaseOutcome:
    """One case: passed, failed (with a failure class) or left out (with the reason)."""

    case: Record
    status: Status
    reason: str | None = None
    detail: str | None = None
    produced: list[Record] = field(default_factory=list)
    ignored_items: list[OutOfScope] = field(default_factory=list)
    negative: bool = False
    past_reading: bool = False


def _skip_reason(case: Record) -> str | None:
    flags = case.get("flags") or []
    for flag in SKIP_FLAGS:
        if flag in flags:
            return f"flag {flag}"
    if "ngram_strategy" in flags and case.get("expected"):
        return "flag ngram_strategy (the strategy changes the expected span)"
    context = case.get("context") or {}
    if context.get("decimal_separator", ".") != ".":
        return "needs the decimal_separator setting"
    if case.get("kind") == "date" and case.get("expected") and not case.get("reference_date"):
        return "no reference date (the suite uses the current date)"
    if (
        case.get("kind") == "quantity"
        and not case.get("expected")
        and "Temperature" in str(case.get("source"))
    ):
        return "negative case for an out-of-scope unit class (temperature)"
    return None


def expectation(item: Record, case: Record) -> Expectation | OutOfScope:
    """What factx must produce for one expected item of ``case``, or why it is not compared."""
    kind = _item_kind(item, case)
    if kind == "money":
        return _money_expectation(item, case)
    if kind == "quantity":
        return _quantity_expectation(item)
    if kind == "percentage":
        return _percent_expectation(item)
    if kind == "date":
        return _date_expectation(item, case)
    return OutOfScope(f"kind {kind} (no factx finder)")


def _item_kind(item: Record, case: Record) -> str:
    """quantulum3 mixes kinds in one case; the other suites have one kind per file."""
    return str(item.get("kind") or case.get("kind"))


def _is_no_currency(item: Record, case: Record) -> bool:
    """price-parser's amounts without a currency: for a money extractor these are not money."""
    return (
        _source(case) == PRICE_PARSER
        and item.get("currency") is None
        and item.get("currency_suite") is None
    )


#: Kinds of expectation and the fact type each is judged against.
_FACT_TYPES = {"money": "money", "quantity": "quantity", "percentage": "percentage", "date": "date"}


def _options(case: Record) -> dict[str, Any]:
    """factx.extract's public reading options for a case, as a user who knew the source would
    set them: the calendar reading for the suites that resolve towards the future, the
    locale's country where it names one."""
    source = _source(case)
    options: dict[str, Any] = {}
    if source in (DUCKLING, DATEPARSER):
        options["reading"] = "calendar"
    region = _region(case)
    if region is not None:
        options["country"] = region
    return options


class _Facts:
    """factx.extract run once per case, with the case's reference date and reading options;
    its facts by kind."""

    def __init__(self, case: Record) -> None:
        self.case = case
        self._facts: list[Any] | None = None

    def all(self) -> list[Any]:
        if self._facts is None:
            text = str(self.case.get("text") or "")
            reference = self.case.get("reference_date")
            published = dt.date.fromisoformat(reference[:10]) if reference else None
            article = factx.extract(text, published=published, **_options(self.case))
            self._facts = list(article.facts)
        return self._facts

    def __call__(self, kind: str) -> list[Any]:
        found = [f for f in self.all() if f.type == _FACT_TYPES.get(kind)]
        return _flatten_money(found) if kind == "money" else found

    def produced(self) -> list[Record]:
        return [_describe(f) for f in self.all() if f.type in _FACT_TYPES.values()]


def _range_ends(fact: DateFact) -> list[DateFact]:
    """The two ends of a range fact ("from 2015 to 2016"), offered where the suite lists them
    as two items inside it (the project's gold convention)."""
    if "/" not in fact.value:
        return []
    ends: list[DateFact] = []
    for part in fact.value.split("/", 1):
        bounds = _grain_bound(part) or _quarter_bound(part)
        if bounds is not None:
            ends.append(fact.model_copy(update={"start_date": bounds[0], "end_date": bounds[1]}))
    return ends


def _quarter_bound(text: str) -> tuple[dt.date, dt.date] | None:
    m = re.fullmatch(r"(\d{4})-Q([1-4])", text)
    if m is None:
        return None
    first = dt.date(int(m.group(1)), 3 * int(m.group(2)) - 2, 1)
    return first, _add_months(first, 3) - _DAY


_DESCRIBED = {
    "money": ("amount", "currency", "low", "high", "qualifier", "per_unit", "equivalents"),
    "quantity": ("value", "unit", "low", "high", "qualifier"),
    "percentage": ("value", "points"),
    "date": ("value", "grain", "start_date", "end_date", "relation"),
}


def _describe(fact: Any) -> Record:
    """What factx produced, as plain JSON for the failures file."""
    data = fact.model_dump(mode="json")
    keys = ("type", "text", "start", "end", *_DESCRIBED.get(fact.type, ()), "rule")
    return {k: data.get(k) for k in keys if k in data}


def _diagnose(kind: str, exp: Expectation, candidates: list[Any]) -> str:
    """A short failure class for an expected item that found no accepting match."""
    near = [m for m in candidates if _overlaps(exp.span, m.start, m.end)]
    if not near:
        return f"{kind}: not found"
    if isinstance(exp, MoneyExpectation):
        if any(exp.amount_matches(m) for m in near):
            got = sorted({str(m.currency) for m in near if exp.amount_matches(m)})
            return f"money: wrong currency ({', '.join(got)})"
        if exp.amount is None:
            return "money: interval or bound not read"
        return "money: wrong amount"
    if isinstance(exp, QuantityExpectation):
        if not any(exp.same_dimension(m) for m in near):
            return "quantity: wrong unit dimension"
        if exp.value is None:
            return "quantity: interval or bound not read"
        return "quantity: wrong value"
    if isinstance(exp, DateExpectation):
        return _diagnose_date(exp, near)
    return f"{kind}: wrong value"


def _diagnose_date(exp: DateExpectation, near: list[DateFact]) -> str:
    main = [w for w in exp.windows if not w.past]
    for m in near:
        first, last = m.start_date, m.end_date
        if first is None or last is None:
            return "date: year not resolved"
        for w in main:
            if w.start and w.end and (first.year != w.start.year or last.year != w.end.year):
                same_days = (first.month, first.day, last.month, last.day) == (
                    w.start.month, w.start.day, w.end.month, w.end.day,
                )  # fmt: skip
                if same_days:
                    return "date: wrong year"
            if w.start and w.end and (last - first) != (w.end - w.start):
                return "date: wrong extent (grain or range)"
    return "date: wrong value"


def evaluate_case(case: Record) -> CaseOutcome:
    """Run factx on one case and compare; see the module docstring for the rules."""
    reason = _skip_reason(case)
    if reason:
        return CaseOutcome(case, "skip", reason)
    expected: list[tuple[str, Expectation]] = []
    negative_kinds: set[str] = set()
    ignored: list[OutOfScope] = []
    for item in case.get("expected") or []:
        kind = _item_kind(item, case)
        if kind == "money" and _is_no_currency(item, case):
            negative_kinds.add("money")
            continue
        if kind == "number":
            ignored.append(OutOfScope("bare number (no unit)"))
            continue
        exp = expectation(item, case)
        if isinstance(exp, OutOfScope):
            ignored.append(exp)
        else:
            expected.append(("money" if isinstance(exp, MoneyExpectation) else kind, exp))
    if not case.get("expected"):
        negative_kinds.add(str(case.get("kind")))
    if not expected and not negative_kinds:
        main_reason = Counter(o.reason for o in ignored).most_common(1)[0][0]
        detail = next((o.detail for o in ignored if o.reason == main_reason), None)
        return CaseOutcome(case, "skip", main_reason, detail=detail)

    finders = _Facts(case)
    failure: str | None = None
    past_reading = False
    for kind in sorted(negative_kinds):
        if finders(kind) and failure is None:
            failure = f"negative: found {kind}"
    used: set[tuple[str, int]] = set()
    dates_expected = [e for k, e in expected if k == "date"]
    for kind, exp in expected:
        found = finders(kind)
        if kind == "date":
            found = found + [
                end
                for f in found
                if sum(_overlaps(e.span, f.start, f.end) for e in dates_expected) >= 2
                for end in _range_ends(f)
            ]
        hit: int | None = None
        for index, m in enumerate(found):
            if (kind, index) in used or not _overlaps(exp.span, m.start, m.end):
                continue
            if exp.accepts(m):
                hit = index
                break
        if hit is None:
            failure = failure or _diagnose(kind, exp, found)
            continue
        used.add((kind, hit))
        if isinstance(exp, DateExpectation) and exp.reading(found[hit]) == "past":
            past_reading = True
    return CaseOutcome(
        case,
        "fail" if failure else "pass",
        failure,
        produced=finders.produced(),
        ignored_items=ignored,
        negative=not expected,
        past_reading=past_reading and failure is None,
    )


# ---------------------------------------------------------------------------------------------
# Files and reports


@dataclass
class FileReport:
    """Outcomes of one suite file."""

    name: str
    kind: str
    source: str
    outcomes: list[CaseOutcome]

    @property
    def in_scope(self) -> int:
        return sum(o.status != "skip" for o in self.outcomes)

    @property
    def passed(self) -> int:
        return sum(o.status == "pass" for o in self.outcomes)

    @property
    def negatives(self) -> int:
        return sum(o.status != "skip" and o.negative for o in self.outcomes)

    @property
    def rate(self) -> float | None:
        return self.passed / self.in_scope if self.in_scope else None

    def left_out(self) -> Counter[str]:
        return Counter(o.reason or "" for o in self.outcomes if o.status == "skip")

    def left_out_details(self) -> dict[str, Counter[str]]:
        """Per reason, the names behind it (currencies, units) where there are any."""
        details: dict[str, Counter[str]] = {}
        for o in self.outcomes:
            if o.status == "skip" and o.detail:
                details.setdefault(o.reason or "", Counter())[o.detail] += 1
        return details

    def ignored_items(self) -> Counter[str]:
        return Counter(
            i.reason for o in self.outcomes if o.status != "skip" for i in o.ignored_items
        )

    def failure_classes(self) -> Counter[str]:
        return Counter(o.reason or "" for o in self.outcomes if o.status == "fail")

    @property
    def past_readings(self) -> int:
        return sum(o.past_reading for o in self.outcomes)


def _read_cases(path: Path) -> Iterator[Record]:
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


_REPORTS: dict[tuple[Path, float], FileReport | None] = {}


def run_file(path: Path) -> FileReport | None:
    """Evaluate every case of one suite file; None for a kind factx has no finder for. A file
    is run once per process (the targets' test and the full run share it)."""
    key = (path.resolve(), path.stat().st_mtime)
    if key not in _REPORTS:
        _REPORTS[key] = _run_file(path)
    return _REPORTS[key]


def _run_file(path: Path) -> FileReport | None:
    cases = list(_read_cases(path))
    if not cases or cases[0].get("kind") not in KINDS:
        return None
    return FileReport(
        path.name, str(cases[0]["kind"]), _source(cases[0]), [evaluate_case(c) for c in cases]
    )


def run_directory(directory: Path, names: Collection[str] = ()) -> list[FileReport]:
    """Every money, percentage, quantity and date file of a peer-suites folder (only
    ``names`` where given)."""
    paths = [p for p in sorted(directory.glob("*.jsonl")) if not names or p.name in names]
    reports = [run_file(p) for p in paths]
    return [r for r in reports if r is not None]


#: The files of SCORING.md's headline "news-domain" rate; price-parser (shop tags), the
#: temperature file and the bare-number files are reported apart.
NEWS_DOMAIN = frozenset(
    {
        "recognizers-text-currency.jsonl",
        "recognizers-text-percentage.jsonl",
        "recognizers-text-dimension.jsonl",
        "recognizers-text-date.jsonl",
        "recognizers-text-daterange.jsonl",
        "recognizers-text-datetime.jsonl",
        "duckling-money.jsonl",
        "duckling-quantity.jsonl",
        "duckling-datetime.jsonl",
        "quantulum3-quantity.jsonl",
        "dateparser-date.jsonl",
    }
)


def news_domain(reports: Sequence[FileReport]) -> tuple[int, int]:
    """Cases in scope and passed over the news-domain files."""
    chosen = [r for r in reports if r.name in NEWS_DOMAIN]
    return sum(r.in_scope for r in chosen), sum(r.passed for r in chosen)


def _pct(rate: float | None) -> str:
    return "n/a" if rate is None else f"{100 * rate:.1f} %"


def format_report(reports: Sequence[FileReport]) -> str:
    """A summary table, then per file its counts, the reasons cases were left out, and the
    items ignored inside cases in scope."""
    lines = ["# factx on the peer suites", ""]
    lines += [
        "| file | kind | cases | in scope | passed | pass rate | left out |",
        "|---|---|---:|---:|---:|---:|---:|",
    ]
    for r in reports:
        lines.append(
            f"| {r.name} | {r.kind} | {len(r.outcomes)} | {r.in_scope} | {r.passed} "
            f"| {_pct(r.rate)} | {len(r.outcomes) - r.in_scope} |"
        )
    in_scope, passed = news_domain(reports)
    if in_scope:
        lines.append(
            f"| **news-domain** (SCORING.md) | | | {in_scope} | {passed} "
            f"| {_pct(passed / in_scope)} | |"
        )
    for r in reports:
        lines += ["", f"## {r.name} ({r.kind}, {r.source})", ""]
        lines += [
            "| cases | in scope | of which expect nothing | passed | pass rate |",
            "|---:|---:|---:|---:|---:|",
            f"| {len(r.outcomes)} | {r.in_scope} | {r.negatives} | {r.passed} | {_pct(r.rate)} |",
        ]
        left_out, details = r.left_out(), r.left_out_details()
        if left_out:
            lines += ["", "| left out | cases | names |", "|---|---:|---|"]
            for reason, n in left_out.most_common():
                names = ", ".join(
                    f"{name} ({k})" if k > 1 else name
                    for name, k in details.get(reason, Counter()).most_common()
                )
                lines.append(f"| {reason} | {n} | {names} |")
        ignored = r.ignored_items()
        if ignored:
            lines += ["", "| items ignored inside cases in scope | items |", "|---|---:|"]
            lines += [f"| {reason} | {n} |" for reason, n in ignored.most_common()]
        failures = r.failure_classes()
        if failures:
            lines += ["", "| failure class | cases |", "|---|---:|"]
            lines += [f"| {reason} | {n} |" for reason, n in failures.most_common()]
        if r.past_readings:
            lines += [
                "",
                f"{r.past_readings} passes take the past reading of a year-less date where "
                "the suite prefers the future.",
            ]
    return "\n".join(lines) + "\n"


def _trim(item: Record) -> Record:
    return {k: v for k, v in item.items() if k != "raw"}


def write_failures(reports: Sequence[FileReport], path: Path) -> int:
    """Every failing case as one JSON line: input, expected items, what factx produced."""
    count = 0
    with path.open("w", encoding="utf-8") as handle:
        for r in reports:
            for o in r.outcomes:
                if o.status != "fail":
                    continue
                case = o.case
                row = {
                    "file": r.name,
                    "id": case.get("id"),
                    "failure": o.reason,
                    "text": case.get("text"),
                    "reference_date": case.get("reference_date"),
                    "context": case.get("context"),
                    "flags": case.get("flags"),
                    "expected": [_trim(i) for i in case.get("expected") or []],
                    "produced": o.produced,
                }
                handle.write(json.dumps(row, ensure_ascii=False) + "\n")
                count += 1
    return count


def default_peer_dir() -> Path | None:
    shared = shared_dir()
    return shared / "peer-suites" if shared is not None else None


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python benchmarks/peers.py",
        description="Score factx.extract on the peer projects' test suites (SCORING.md).",
    )
    parser.add_argument("peer_dir", nargs="?", type=Path, help="folder of *.jsonl peer suites")
    parser.add_argument("--failures", type=Path, help="write every failing case here (JSONL)")
    parser.add_argument(
        "--file", action="append", default=[], help="only this suite file (repeatable)"
    )
    args = parser.parse_args(argv)
    directory = args.peer_dir or default_peer_dir()
    if directory is None or not directory.is_dir():
        parser.error(
            f"no peer-suites folder at {directory}; pass PEER_DIR or set FACTX_SHARED "
            "to the shared folder"
        )
    reports = run_directory(directory, set(args.file))
    sys.stdout.write(format_report(reports))
    if args.failures:
        n = write_failures(reports, args.failures)
        sys.stderr.write(f"{n} failing cases written to {args.failures}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
