"""Dates and periods resolved against the publication date; must-not-match rows."""

from __future__ import annotations

import datetime as dt

import pytest

from factx.finders.dates import find_dates

PUB = dt.date(2023, 5, 6)  # a Saturday

MUST_MATCH = [
    ("On February 27, a train left", dt.date(2022, 3, 1), "2022-02-27"),
    ("as of February 26", dt.date(2022, 3, 1), "2022-02-26"),
    ("in 2021", PUB, "2021"),
    ("Q1 2023", PUB, "2023-Q1"),
    ("the first quarter", PUB, "2023-Q1"),
    ("1st qtr 1987", PUB, "1987-Q1"),
    ("H1", PUB, "2023-H1"),
    ("the first half of 2022", PUB, "2022-H1"),
    ("January-October", dt.date(2022, 11, 20), "2022-01/2022-10"),
    ("from January to October", dt.date(2022, 11, 20), "2022-01/2022-10"),
    ("in the first two months", dt.date(2023, 3, 10), "2023-01/2023-02"),
    ("Jan-April", PUB, "2023-01/2023-04"),
    ("2019-2021", PUB, "2019/2021"),
    ("between 2019 and 2021", PUB, "2019/2021"),
    ("1987/88", PUB, "1987/1988"),
    ("FY2023", PUB, "FY2023"),
    ("last year", PUB, "2022"),
    ("this year", PUB, "2023"),
    ("last month", PUB, "2023-04"),
    ("yesterday", PUB, "2023-05-05"),
    ("on Tuesday", PUB, "2023-05-02"),
    ("last Friday", PUB, "2023-05-05"),
    ("PEKING, April 17 - China said", dt.date(1987, 4, 18), "1987-04-17"),
    ("BEIJING, July 10 (Xinhua) --", dt.date(2023, 7, 10), "2023-07-10"),
    ("end-1986", PUB, "1986"),
    ("by the end of 2025", PUB, "2025"),
    ("March 2022", PUB, "2022-03"),
    ("27 February 2022", PUB, "2022-02-27"),
    ("2022-02-27", PUB, "2022-02-27"),
]


@pytest.mark.parametrize(("text", "published", "value"), MUST_MATCH)
def test_dates(text: str, published: dt.date, value: str) -> None:
    found = find_dates(text, published)
    assert [d.period.value for d in found] == [value]


@pytest.mark.parametrize(
    "text",
    [
        "30 years",
        "three months",
        "24/7",
        "year-on-year",
        "2021 tonnes",
        "1,600 containers",
        "call 555-1234",
        "at 10:30 am",
        "the past 30 years",
        "He may go",
        "a 100-fold rise",
    ],
)
def test_not_dates(text: str) -> None:
    assert find_dates(text, PUB) == []


def test_no_publication_date_keeps_year_unresolved() -> None:
    [d] = find_dates("On February 27 a train left", None)
    assert d.period.value == "XXXX-02-27"
    assert not d.period.year_resolved
    assert d.period.start is None


def test_future_cue() -> None:
    [d] = find_dates("The terminal will open in May", dt.date(2023, 11, 2))
    assert d.period.value == "2024-05"


def test_relation() -> None:
    [d] = find_dates("as of February 26", dt.date(2022, 3, 1))
    assert d.relation == "as_of"


def test_future_cue_reaches_across_wrapped_wire_lines() -> None:
    # Reuters wraps its lines: the cue "will" sits on the line before the weekday
    text = (
        "    Baldrige will meet South Korean President Chun Doo-hwan and\n"
        "Trade Minister Rha Woong Bae on Monday to discuss markets.\n"
        "    Capacity will rise to 357 million tons, an official said on Monday.\n"
    )
    found = find_dates(text, dt.date(1987, 4, 17))  # a Friday
    assert [d.period.value for d in found] == ["1987-04-20", "1987-04-13"]


def test_same_period_of_many_years_is_no_date() -> None:
    text = (
        "Exports rose in January-March. The figure is a record compared to the same period "
        "in previous years, and up 5% on the same period last year."
    )
    found = find_dates(text, dt.date(2021, 4, 20))
    assert [d.period.value for d in found] == ["2021-01/2021-03", "2020-01/2020-03"]


def test_month_counts_from_its_last_day() -> None:
    # late November: "in January" is this January (ended ten months ago), not next January
    found = find_dates("The line opened freight traffic in January.", dt.date(2014, 11, 21))
    assert [d.period.value for d in found] == ["2014-01"]
    found = find_dates("The line opened on January 2.", dt.date(2014, 12, 28))
    assert [d.period.value for d in found] == ["2015-01-02"]


def test_month_of_that_year_and_quarters_of_this_year() -> None:
    text = (
        "The terminal was completed in 2023. It handled 240,000 TEUs after opening in April of "
        "that year, and 392,000 TEUs in the first three quarters of this year."
    )
    found = find_dates(text, dt.date(2024, 11, 9))
    assert [d.period.value for d in found] == ["2023", "2023-04", "2024-Q1/2024-Q3"]


def test_a_year_earlier_without_a_period_in_its_sentence() -> None:
    text = (
        "Exports rose in 1986. Wheat was quoted at 92 dlrs a tonne, against 104 dlrs a year "
        "earlier. The surplus was 2.1 billion in January, against 2.8 billion a year ago."
    )
    found = find_dates(text, dt.date(1987, 5, 20))
    assert [d.period.value for d in found] == ["1986", "1986-05", "1987-01", "1986-01"]


def test_quarter_of_a_fiscal_year_is_no_calendar_quarter() -> None:
    text = "GPA moved 1.21 million TEUs in the first quarter of fiscal year 2024."
    found = find_dates(text, dt.date(2023, 10, 25))
    assert [d.period.value for d in found] == ["FY2024"]


@pytest.mark.parametrize(
    ("text", "published", "values"),
    [
        ("to be introduced in May or\nJune", dt.date(1987, 3, 25), ["1987-05", "1987-06"]),
        ("in the remaining three months\nof the year", dt.date(1987, 10, 20), ["1987-10/1987-12"]),
        ("in the last two months of 2022", dt.date(2023, 1, 5), ["2022-11/2022-12"]),
        ("And for the calendar year, it will be surpassed.", dt.date(2023, 10, 19), ["2023"]),
        (
            "From today's date a year ago, we have $200 billion.",
            dt.date(2023, 10, 19),
            ["2022-10-19"],
        ),
    ],
)
def test_year_ends_calendar_years_and_month_pairs(
    text: str, published: dt.date, values: list[str]
) -> None:
    assert [d.period.value for d in find_dates(text, published)] == values


@pytest.mark.parametrize(
    ("text", "published", "values"),
    [
        # "quarter of FY2025": the fiscal year, not calendar 2025-Q1; the same period moves the
        # calendar months written beside it
        ("Mundra handled 50.2 million tonnes in April-June, the first quarter of FY2025, up 8 "
         "percent from the same period last year.", dt.date(2024, 7, 18),
         ["2024-04/2024-06", "FY2025", "2023-04/2023-06"]),
        # "the same quarter last year" keeps the quarter grain
        ("Tema handled 3.6 million tonnes between January and March, against 3.3 million "
         "tonnes in the same quarter last year.", dt.date(2024, 5, 16),
         ["2024-01/2024-03", "2023-Q1"]),
        # any number of months to a month; "in the same period" with nothing moving it
        ("Volumes rose in the seven months to October, and car exports fell 4 percent in the "
         "same period.", dt.date(2023, 12, 5), ["2023-04/2023-10", "2023-04/2023-10"]),
        # but "from the same period" compares with the year before
        ("Exports rose to 5 million tonnes in January-May from 4 million in the same period.",
         dt.date(2023, 6, 5), ["2023-01/2023-05", "2022-01/2022-05"]),
    ],
)  # fmt: skip
def test_fiscal_quarters_same_quarter_and_same_period(
    text: str, published: dt.date, values: list[str]
) -> None:
    assert [d.period.value for d in find_dates(text, published)] == values


@pytest.mark.parametrize(
    ("text", "published", "values"),
    [
        ("Volumes rose 4% in the September quarter from the same period last year.",
         dt.date(2024, 10, 16), ["2024-Q3", "2023-Q3"]),
        ("Exports rose in the year to June.", dt.date(2024, 10, 16), ["2023-07/2024-06"]),
        ("Tehran had agreed to cut port dues for Russian ships from January.",
         dt.date(2024, 11, 19), ["2025-01"]),
        ("Volumes fell in the June quarter of 2023.", dt.date(2024, 10, 16), ["2023-Q2"]),
        # not a quarter: "the October quarter" is no quarter end
        ("Sales in the October quarter rose.", dt.date(2024, 12, 1), ["2024-10"]),
    ],
)  # fmt: skip
def test_month_quarters_years_to_and_agreements(
    text: str, published: dt.date, values: list[str]
) -> None:
    assert [d.period.value for d in find_dates(text, published)] == values


@pytest.mark.parametrize(
    ("text", "published", "values"),
    [
        # a half or quarter of a fiscal year written with its years is no calendar half
        ("Cargo rose in the first half of the 2023-24 fiscal year.", dt.date(2023, 11, 9),
         ["2023/2024"]),
        # a target ("by 2027") is no period to compare with; "in the quarter" keeps the grain
        ("Cargo rose between January and March, and the port aims to double by 2027. Erenhot "
         "cleared 4.1 million tonnes in the quarter, up 19 percent from the same period last "
         "year.", dt.date(2025, 4, 17), ["2025-01/2025-03", "2027", "2024-Q1"]),
    ],
)  # fmt: skip
def test_fiscal_halves_and_targets(text: str, published: dt.date, values: list[str]) -> None:
    assert [d.period.value for d in find_dates(text, published)] == values
