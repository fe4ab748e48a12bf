"""Property-based tests: amounts read back exactly in every written form; arbitrary text never
raises and costs linear time."""

from __future__ import annotations

import time
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factx.finders.dates import find_dates
from factx.finders.money import find_money
from factx.finders.percent import find_percentages
from factx.finders.quantity import find_quantities
from factx.normalize.numbers import canonical

MAGNITUDES = {"": 1, " thousand": 10**3, " million": 10**6, " billion": 10**9, " trillion": 10**12,
              " mln": 10**6, " bln": 10**9, "m": 10**6, "bn": 10**9}  # fmt: skip
PREFIX = {"$": "USD", "US$": "USD", "€": "EUR", "£": "GBP", "HK$": "HKD", "USD ": "USD", "EUR ": "EUR",
          "Rs ": "INR"}  # fmt: skip
SUFFIX = {" yuan": "CNY", " RMB": "CNY", " US dollars": "USD", " euros": "EUR", " tenge": "KZT",
          " rubles": "RUB", " USD": "USD", " dlrs": "USD"}  # fmt: skip


def grouped(value: int) -> str:
    return f"{value:,}"


amounts = st.tuples(
    st.integers(min_value=1, max_value=999_999),
    st.sampled_from([0, 1, 2]),
    st.sampled_from(sorted(MAGNITUDES)),
)


@given(amounts, st.sampled_from(sorted(PREFIX)), st.booleans())
@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
def test_prefixed_amounts_read_back_exactly(
    amount: tuple[int, int, str], sign: str, group: bool
) -> None:
    whole, decimals, magnitude = amount
    if (
        magnitude in ("m", "bn")
        and not sign.strip().endswith("$")
        and sign.strip() not in ("€", "£")
    ):
        magnitude = " million"
    number = Decimal(whole) / (10**decimals)
    written = (grouped(whole) if group and decimals == 0 else canonical(number)) + magnitude
    text = f"Exports were worth {sign}{written} last year."
    found = find_money(text, ("IN",) if sign.startswith("Rs") else ())
    assert [(m.amount, m.currency) for m in found] == [
        (number * MAGNITUDES[magnitude], PREFIX[sign])
    ], text


@given(amounts, st.sampled_from(sorted(SUFFIX)))
@settings(max_examples=300)
def test_suffixed_amounts_read_back_exactly(amount: tuple[int, int, str], name: str) -> None:
    whole, decimals, magnitude = amount
    if magnitude in ("m", "bn"):
        magnitude = " billion"
    number = Decimal(whole) / (10**decimals)
    text = f"Trade reached {canonical(number)}{magnitude}{name} in the period."
    found = find_money(text)
    assert [(m.amount, m.currency) for m in found] == [
        (number * MAGNITUDES[magnitude], SUFFIX[name])
    ], text


@given(st.integers(min_value=0, max_value=10_000), st.integers(min_value=0, max_value=2))
def test_percentages_read_back_exactly(whole: int, decimals: int) -> None:
    value = Decimal(whole) / (10**decimals)
    for sign in ("%", " percent", " per cent", " pct"):
        [m] = find_percentages(f"Exports rose {canonical(value)}{sign} year-on-year.")
        assert m.value == value


@given(st.integers(min_value=1, max_value=10**9))
def test_quantities_read_back_exactly(value: int) -> None:
    [m] = find_quantities(f"The port handled {value:,} TEUs in the period.")
    assert (m.value, m.unit) == (Decimal(value), "TEU")


@given(st.text(max_size=400))
@settings(max_examples=400)
def test_arbitrary_text_never_raises(text: str) -> None:
    find_money(text)
    find_percentages(text)
    find_quantities(text)
    find_dates(text, None)


def test_time_grows_linearly_on_hostile_repetition() -> None:
    """Patterns that could backtrack (nested numbers, parentheses, date words) stay linear."""
    pieces = ["1,2,3,4,5 ", "(((( ", "$ $ $ ", "January-", "between 1 and ", "9" * 40 + " "]
    for piece in pieces:
        times = []
        for n in (200, 800):
            text = piece * n
            start = time.perf_counter()
            find_money(text)
            find_quantities(text)
            find_percentages(text)
            find_dates(text, None)
            times.append(time.perf_counter() - start)
        # four times the text may cost at most about four times the time (plus noise)
        assert times[1] < 8 * times[0] + 0.05, (piece, times)
