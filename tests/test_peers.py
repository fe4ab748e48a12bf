"""The peer-suite runner (``benchmarks/peers.py``): the rules of SCORING.md on hand-made
cases, and one full run.

The hand-made cases build stand-ins for factx's facts (the attributes the runner reads), so
they test the comparison and not the extractor (which changes under its own tests). The full
run only asserts that every file is run and reported; pass rates are the extractor's business.
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from _benchmarks import load_benchmark

peers = load_benchmark("peers")
DateExpectation = peers.DateExpectation
FileReport = peers.FileReport
MoneyExpectation = peers.MoneyExpectation
OutOfScope = peers.OutOfScope
QuantityExpectation = peers.QuantityExpectation
default_peer_dir = peers.default_peer_dir
evaluate_case = peers.evaluate_case
expectation = peers.expectation
format_report = peers.format_report
main = peers.main
run_directory = peers.run_directory
write_failures = peers.write_failures

D = Decimal
RT_MONEY = "microsoft/Recognizers-Text:Specs/NumberWithUnit/English/CurrencyModel.json"
RT_DATE = "microsoft/Recognizers-Text:Specs/DateTime/English/DateParser.json"
DUCKLING_MONEY = "facebook/duckling:Duckling/AmountOfMoney/EN/Corpus.hs"
DUCKLING_TIME = "facebook/duckling:Duckling/Time/EN/Corpus.hs"
DUCKLING_QUANTITY = "facebook/duckling:Duckling/Quantity/EN/Corpus.hs"


def case(source: str, kind: str, text: str, expected: list[dict[str, Any]], **extra: Any) -> dict:
    return {
        "id": "t",
        "source": source,
        "kind": kind,
        "text": text,
        "expected": expected,
        "reference_date": None,
        **extra,
    }


def money(
    amount: str | None,
    currency: str | None,
    *,
    start: int = 0,
    end: int = 99,
    low: str | None = None,
    high: str | None = None,
    qualifier: str | None = None,
    per_unit: str | None = None,
) -> Any:
    return SimpleNamespace(
        type="money",
        start=start,
        end=end,
        text="",
        amount=D(amount) if amount else None,
        currency=currency,
        low=D(low) if low else None,
        high=D(high) if high else None,
        qualifier=qualifier,
        per_unit=per_unit,
    )


def quantity(
    value: str | None,
    unit: str,
    *,
    low: str | None = None,
    high: str | None = None,
    qualifier: str | None = None,
) -> Any:
    return SimpleNamespace(
        type="quantity",
        start=0,
        end=99,
        text="",
        value=D(value) if value else None,
        unit=unit,
        low=D(low) if low else None,
        high=D(high) if high else None,
        qualifier=qualifier,
    )


def date(first: dt.date, last: dt.date, value: str = "", start: int = 0, end: int = 99) -> Any:
    return SimpleNamespace(
        type="date", start=start, end=end, text="", value=value, start_date=first, end_date=last
    )


def money_expectation(item: dict[str, Any], locale: str = "EN") -> MoneyExpectation:
    exp = expectation(item, case(DUCKLING_MONEY, "money", "", [item], context={"locale": locale}))
    assert isinstance(exp, MoneyExpectation)
    return exp


# --- money -------------------------------------------------------------------------------------


def test_suite_dollar_accepts_usd_and_the_locales_dollar() -> None:
    exp = money_expectation(
        {"text": "$5", "amount": "5", "currency": None, "currency_suite": "$"}, locale="EN_AU"
    )
    assert exp.accepts(money("5", "USD"))
    assert exp.accepts(money("5", "AUD"))
    assert not exp.accepts(money("5", "EUR"))
    assert not exp.accepts(money("50", "USD"))


def test_minor_units_are_scaled_to_the_major_unit() -> None:
    exp = money_expectation(
        {"text": "10 cents", "amount": "10", "currency": None, "currency_suite": "cent"}
    )
    assert exp.accepts(money("0.10", "USD"))
    assert not exp.accepts(money("10", "USD"))


def test_intervals_and_open_bounds() -> None:
    both = money_expectation(
        {
            "text": "",
            "amount": None,
            "min": "10",
            "max": "20",
            "currency": "EUR",
            "currency_suite": "EUR",
        }
    )
    assert both.accepts(money(None, "EUR", low="10", high="20"))
    assert not both.accepts(money("10", "EUR"))
    under = money_expectation(
        {"text": "", "amount": None, "max": "7", "currency": "EUR", "currency_suite": "EUR"}
    )
    assert under.accepts(money("7", "EUR", qualifier="under"))
    assert not under.accepts(money("7", "EUR"))  # "7 euros" is not "under 7 euros"
    assert not under.accepts(money("7", "EUR", qualifier="over"))


def test_currencies_without_iso_code_and_coin_slang_are_out_of_scope() -> None:
    odd = expectation(
        {"text": "1 Db", "amount": "1", "currency": None, "currency_suite": "Db"},
        case(DUCKLING_MONEY, "money", "1 Db", []),
    )
    assert isinstance(odd, OutOfScope) and odd.detail == "Db"
    slang = expectation(
        {"text": "a nickel", "amount": "0.05", "currency": "AUD", "currency_suite": "AUD"},
        case(DUCKLING_MONEY, "money", "", []),
    )
    assert isinstance(slang, OutOfScope)


def test_a_match_must_overlap_the_expected_span() -> None:
    item = {
        "text": "€5",
        "start": 0,
        "end": 2,
        "amount": "5",
        "currency": "USD",
        "currency_suite": "United States dollar",
    }
    outcome = evaluate_case(case(RT_MONEY, "money", "€5 or $5", [item]))
    # the $5 further on does not stand in for the item expected over "€5"
    assert outcome.status == "fail" and outcome.reason == "money: wrong currency (EUR)"


# --- quantities --------------------------------------------------------------------------------


def test_quantities_compare_in_base_units() -> None:
    exp = expectation(
        {"text": "2 kg", "value": "2000", "unit": "gram"},
        case(DUCKLING_QUANTITY, "quantity", "2 kg", []),
    )
    assert isinstance(exp, QuantityExpectation)
    assert exp.accepts(quantity("2", "kilogram"))
    assert not exp.accepts(quantity("2", "gram"))
    assert not exp.accepts(quantity("2000", "meter"))


def test_a_rate_satisfies_a_suite_without_rates() -> None:
    exp = expectation(
        {"text": "500,000 barrels", "value": "500000", "unit": "Barrel"},
        case(RT_MONEY, "quantity", "", []),
    )
    assert isinstance(exp, QuantityExpectation)
    assert exp.accepts(quantity("500000", "barrel / day"))


def test_ambiguous_suite_units_accept_each_reading() -> None:
    exp = expectation(
        {"text": "25 lakh tonnes", "value": "2500000", "unit": "Ton"},
        case(RT_MONEY, "quantity", "", []),
    )
    assert isinstance(exp, QuantityExpectation)
    assert exp.accepts(quantity("2500000", "tonne"))
    assert exp.accepts(quantity("2500000", "ton"))


def test_quantulum_uncertainty_is_a_range_and_open_bounds_need_a_qualifier() -> None:
    ranged = expectation(
        {
            "text": "8- to 16-meter",
            "value": "12",
            "uncertainty": "4",
            "unit": "metre",
            "kind": "quantity",
        },
        case("nielstron/quantulum3:x", "quantity", "", []),
    )
    assert isinstance(ranged, QuantityExpectation)
    assert ranged.accepts(quantity(None, "meter", low="8", high="16"))
    assert not ranged.accepts(quantity("12", "meter"))
    over = expectation(
        {"text": "over 2 l", "value": None, "min": "2", "unit": "litre"},
        case(DUCKLING_QUANTITY, "quantity", "", []),
    )
    assert isinstance(over, QuantityExpectation)
    assert over.accepts(quantity("2000", "milliliter", qualifier="over"))
    assert not over.accepts(quantity("2", "liter"))


@pytest.mark.parametrize(
    ("unit", "dimension"),
    [
        ("C", "Temperature"),
        ("Kilometer per hour", "Speed"),
        ("Megabyte", "Information"),
        ("cup", "quantity"),
    ],
)
def test_units_outside_trade_are_out_of_scope(unit: str, dimension: str) -> None:
    exp = expectation(
        {"text": "", "value": "1", "unit": unit, "dimension": dimension},
        case(RT_MONEY, "quantity", "", []),
    )
    assert isinstance(exp, OutOfScope) and exp.reason.startswith("unit class")


# --- dates -------------------------------------------------------------------------------------


def rt_date_item(past: str, future: str) -> dict[str, Any]:
    return {
        "text": "Oct. 2",
        "start": 13,
        "end": 19,
        "type": "date",
        "grain": "day",
        "value": "XXXX-10-02",
        "resolved": {"past": {"date": past}, "future": {"date": future}},
    }


def test_recognizers_dates_accept_every_candidate_past_or_future() -> None:
    item = rt_date_item("2016-10-02", "2017-10-02")
    c = case(RT_DATE, "date", "I'll go back Oct. 2", [item], reference_date="2016-11-07T00:00:00")
    exp = expectation(item, c)
    assert isinstance(exp, DateExpectation)
    assert exp.accepts(date(dt.date(2016, 10, 2), dt.date(2016, 10, 2)))
    assert exp.accepts(date(dt.date(2017, 10, 2), dt.date(2017, 10, 2)))
    assert not exp.accepts(date(dt.date(2015, 10, 2), dt.date(2015, 10, 2)))
    assert not exp.accepts(date(dt.date(2016, 10, 1), dt.date(2016, 10, 31)))


def test_dates_compare_by_their_days_never_by_the_value_string() -> None:
    item = rt_date_item("2016-10-02", "2017-10-02")
    exp = expectation(item, case(RT_DATE, "date", "", [item], reference_date="2016-11-07"))
    assert not exp.accepts(date(dt.date(2016, 10, 3), dt.date(2016, 10, 3), value="XXXX-10-02"))


def test_recognizers_ranges_accept_either_reading_of_the_end() -> None:
    item = {
        "text": "from 4 to 22",
        "type": "daterange",
        "grain": "range",
        "value": "(2016-11-04,2016-11-22,P18D)",
        "resolved": {"past": {"startDate": "2016-11-04", "endDate": "2016-11-22"}},
    }
    exp = expectation(item, case(RT_DATE, "date", "", [item], reference_date="2016-11-07"))
    assert isinstance(exp, DateExpectation)
    assert exp.accepts(date(dt.date(2016, 11, 4), dt.date(2016, 11, 22)))
    assert exp.accepts(date(dt.date(2016, 11, 4), dt.date(2016, 11, 21)))
    assert not exp.accepts(date(dt.date(2016, 11, 5), dt.date(2016, 11, 22)))


def test_a_month_range_ends_the_day_before_its_exclusive_end() -> None:
    item = {
        "text": "from january to march",
        "type": "daterange",
        "grain": "range",
        "value": "(2016-01-01,2016-04-01,P3M)",
        "resolved": {"past": {"startDate": "2016-01-01", "endDate": "2016-04-01"}},
    }
    exp = expectation(item, case(RT_DATE, "date", "", [item], reference_date="2016-11-07"))
    assert exp.accepts(date(dt.date(2016, 1, 1), dt.date(2016, 3, 31)))
    assert not exp.accepts(date(dt.date(2016, 1, 1), dt.date(2016, 4, 1)))


def test_day_first_cases_also_pass_month_first() -> None:
    item = {
        "text": "4/5/2016",
        "type": "date",
        "grain": "day",
        "value": "2016-05-04",
        "resolved": {"past": {"date": "2016-05-04"}, "future": {"date": "2016-05-04"}},
    }
    c = case(RT_DATE, "date", "", [item], reference_date="2016-11-07", context={"culture": "en-*"})
    exp = expectation(item, c)
    assert exp.accepts(date(dt.date(2016, 5, 4), dt.date(2016, 5, 4)))
    assert exp.accepts(date(dt.date(2016, 4, 5), dt.date(2016, 4, 5)))
    us = expectation(item, case(RT_DATE, "date", "", [item], reference_date="2016-11-07"))
    assert not us.accepts(date(dt.date(2016, 4, 5), dt.date(2016, 4, 5)))


def test_duckling_values_at_their_grain_and_the_past_reading() -> None:
    month = {"text": "in March", "type": "value", "grain": "month", "value": "2013-03"}
    exp = expectation(month, case(DUCKLING_TIME, "date", "", [month]))
    assert isinstance(exp, DateExpectation)
    assert exp.reading(date(dt.date(2013, 3, 1), dt.date(2013, 3, 31))) == "value"
    assert exp.reading(date(dt.date(2013, 3, 1), dt.date(2013, 3, 1))) is None
    assert exp.reading(date(dt.date(2012, 3, 1), dt.date(2012, 3, 31))) == "past"


def test_duckling_weeks_are_in_scope_as_seven_days() -> None:
    week = {"text": "this week", "type": "value", "grain": "week", "value": "2013-02-11"}
    exp = expectation(week, case(DUCKLING_TIME, "date", "", [week]))
    assert isinstance(exp, DateExpectation)
    assert exp.accepts(date(dt.date(2013, 2, 11), dt.date(2013, 2, 17)))
    assert not exp.accepts(date(dt.date(2013, 2, 11), dt.date(2013, 2, 11)))


def test_past_readings_of_weekdays_and_bare_days() -> None:
    monday = {"text": "monday", "type": "value", "grain": "day", "value": "2013-02-18"}
    exp = expectation(monday, case(DUCKLING_TIME, "date", "", [monday]))
    assert exp.reading(date(dt.date(2013, 2, 11), dt.date(2013, 2, 11))) == "past"
    # a weekday with a day number: the weekday would no longer hold a week or a year earlier
    dated = {"text": "Monday, Feb 18", "type": "value", "grain": "day", "value": "2013-02-18"}
    exp = expectation(dated, case(DUCKLING_TIME, "date", "", [dated]))
    assert exp.reading(date(dt.date(2012, 2, 18), dt.date(2012, 2, 18))) is None
    assert exp.reading(date(dt.date(2013, 2, 11), dt.date(2013, 2, 11))) is None
    bare = {"text": "the 15th", "type": "value", "grain": "day", "value": "2013-02-15"}
    exp = expectation(bare, case(DUCKLING_TIME, "date", "", [bare]))
    assert exp.reading(date(dt.date(2013, 1, 15), dt.date(2013, 1, 15))) == "past"
    nth = {
        "text": "first tuesday of october", "type": "value", "grain": "day",
        "value": "2013-10-01",
    }  # fmt: skip
    exp = expectation(nth, case(DUCKLING_TIME, "date", "", [nth]))
    assert exp.reading(date(dt.date(2012, 10, 2), dt.date(2012, 10, 2))) == "past"


def test_duckling_past_reading_rules() -> None:
    month = {"text": "in March", "type": "value", "grain": "month", "value": "2013-03"}
    exp = expectation(month, case(DUCKLING_TIME, "date", "", [month]))
    assert exp.reading(date(dt.date(2012, 3, 1), dt.date(2012, 3, 31))) == "past"
    # a written year or a relative word rules the past reading out
    nxt = {"text": "next March", "type": "value", "grain": "month", "value": "2014-03"}
    exp = expectation(nxt, case(DUCKLING_TIME, "date", "", [nxt]))
    assert isinstance(exp, DateExpectation)
    assert exp.reading(date(dt.date(2013, 3, 1), dt.date(2013, 3, 31))) is None


def test_duckling_intervals_have_an_exclusive_end() -> None:
    item = {
        "text": "July 13-15",
        "type": "interval",
        "grain": "day",
        "value": "2013-07-13/2013-07-16",
    }
    exp = expectation(item, case(DUCKLING_TIME, "date", "", [item]))
    assert isinstance(exp, DateExpectation)
    assert exp.accepts(date(dt.date(2013, 7, 13), dt.date(2013, 7, 15)))
    assert not exp.accepts(date(dt.date(2013, 7, 13), dt.date(2013, 7, 16)))


@pytest.mark.parametrize(
    ("item", "reason"),
    [
        ({"type": "time", "grain": "hour", "value": "T15"}, "type time"),
        ({"type": "value", "grain": "minute", "value": "2013-02-12T04:30"}, "grain minute"),
        (
            {"type": "value", "grain": "day", "value": "2013-05-12", "holiday": "Mother's Day"},
            "holiday that does not date trade",
        ),
    ],
)
def test_times_of_day_and_holidays_are_out_of_scope(item: dict[str, Any], reason: str) -> None:
    exp = expectation({"text": "x", **item}, case(DUCKLING_TIME, "date", "", []))
    assert isinstance(exp, OutOfScope) and exp.reason.startswith(reason)


def test_trade_holidays_are_in_scope() -> None:
    item = {
        "text": "thanksgiving", "type": "value", "grain": "day", "value": "2013-11-28",
        "holiday": "Thanksgiving Day",
    }  # fmt: skip
    exp = expectation(item, case(DUCKLING_TIME, "date", "", [item]))
    assert isinstance(exp, DateExpectation)


def test_a_dollar_per_unit_is_a_price() -> None:
    item = {"text": "$15 per hour", "value": "15", "unit": "dollar per hour", "kind": "quantity"}
    exp = expectation(item, case("nielstron/quantulum3:x", "quantity", "", [item]))
    assert isinstance(exp, MoneyExpectation)
    assert exp.accepts(money("15", "USD", per_unit="hour"))
    assert not exp.accepts(money("15", "USD"))


def test_quantities_within_one_percent() -> None:
    item = {"text": "1 mile", "value": "1.6", "unit": "Kilometer", "dimension": "Length"}
    exp = expectation(item, case(DUCKLING_QUANTITY, "quantity", "", [item]))
    assert exp.accepts(quantity("1", "mile"))  # 1.609 km
    assert not exp.accepts(quantity("1.1", "mile"))


# --- whole cases -------------------------------------------------------------------------------


def test_flagged_cases_are_left_out_with_the_flag() -> None:
    outcome = evaluate_case(case(RT_MONEY, "money", "$5", [], flags=["not_supported:python"]))
    assert outcome.status == "skip" and outcome.reason == "flag not_supported:python"


def test_ngram_strategy_leaves_out_only_cases_that_expect_something() -> None:
    item = {"text": "$5", "amount": "5", "currency": "USD"}
    flagged = case(RT_MONEY, "money", "$5", [item], flags=["ngram_strategy"])
    assert evaluate_case(flagged).status == "skip"
    negative = case(RT_MONEY, "money", "Silica gel.", [], flags=["ngram_strategy"])
    assert evaluate_case(negative).status == "pass"


def test_a_case_passes_when_each_item_is_found_and_fails_otherwise() -> None:
    item = {
        "text": "$94,000",
        "start": 33,
        "end": 40,
        "amount": "94000",
        "currency": None,
        "currency_suite": "Dollar",
    }
    text = "national paid siegel and shuster $94,000 to drop all claims ."
    assert evaluate_case(case(RT_MONEY, "money", text, [item])).status == "pass"
    wrong = {**item, "amount": "95000"}
    outcome = evaluate_case(case(RT_MONEY, "money", text, [wrong]))
    assert outcome.status == "fail" and outcome.reason == "money: wrong amount"
    assert outcome.produced and outcome.produced[0]["currency"] == "USD"


def test_an_empty_expectation_passes_only_when_nothing_is_found() -> None:
    assert evaluate_case(case(RT_MONEY, "money", "Silica gel absorbs moisture.", [])).status == (
        "pass"
    )
    outcome = evaluate_case(case(RT_MONEY, "money", "It cost $5.", []))
    assert outcome.status == "fail" and outcome.reason == "negative: found money"


def test_price_parser_amounts_without_currency_are_not_money() -> None:
    c = case(
        "scrapinghub/price-parser:tests/test_price_parsing.py",
        "money",
        "12.99",
        [{"text": "12.99", "amount": "12.99", "currency": None, "currency_suite": None}],
        flags=["no_currency"],
    )
    outcome = evaluate_case(c)
    assert outcome.status == "pass" and outcome.negative


def test_report_lists_rates_and_reasons(tmp_path: Path) -> None:
    cases = [
        case(RT_MONEY, "money", "Silica gel absorbs moisture.", []),
        case(RT_MONEY, "money", "It cost $5.", []),
        case(RT_MONEY, "money", "$5", [], flags=["xfail"]),
    ]
    report = FileReport("x.jsonl", "money", "suite", [evaluate_case(c) for c in cases])
    assert (report.in_scope, report.passed, report.rate) == (2, 1, 0.5)
    text = format_report([report])
    assert "| x.jsonl | money | 3 | 2 | 1 | 50.0 % | 1 |" in text
    assert "| flag xfail | 1 |" in text
    out = tmp_path / "failures.jsonl"
    assert write_failures([report], out) == 1
    row = json.loads(out.read_text(encoding="utf-8"))
    assert row["failure"] == "negative: found money" and row["produced"]


# --- the real suites ---------------------------------------------------------------------------


def test_full_run_over_the_shared_peer_suites(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    directory = default_peer_dir()
    if directory is None or not directory.is_dir():
        pytest.skip("the shared peer-suites folder is not here")
    reports = run_directory(directory)
    names = {r.name for r in reports}
    kinds = {r.kind for r in reports}
    assert kinds == {"money", "percentage", "quantity", "date"}
    assert not any("number" in n for n in names)  # no number finder, so not run
    for r in reports:
        assert r.outcomes
        if r.in_scope:
            assert r.rate is not None and 0.0 <= r.rate <= 1.0
    failures = tmp_path / "failures.jsonl"
    assert main([str(directory), "--failures", str(failures)]) == 0
    printed = capsys.readouterr().out
    for name in names:
        assert f"| {name} |" in printed
    assert failures.is_file()
