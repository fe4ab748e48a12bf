"""Dates as real copy writes them (issue 12): must-read and must-not-read rows per rule."""

from __future__ import annotations

import datetime as dt

import pytest

from factx.finders.dates import find_dates

PUB = dt.date(2024, 10, 15)

MUST_READ = [
    # month counts of a year
    ("China by results of five months of this year came first.", "five months of this year", "2024-01/2024-05"),
    ("In 8 months of 2020 exports rose.", "8 months of 2020", "2020-01/2020-08"),
    ("Volumes in 9M'2024 rose.", "9M'2024", "2024-01/2024-09"),
    ("Profit in 1H23 fell.", "1H23", "2023-H1"),
    ("Sales in 2Q 2022 rose.", "2Q 2022", "2022-Q2"),
    # decades with a part
    ("Trade began in the early 1950's.", "the early 1950's", "1950/1959"),
    ("as in the late 1970s", "the late 1970s", "1970/1979"),
    # seasons
    ("Last summer trade fell.", "Last summer", "2024-06/2024-08"),
    ("This spring it rose.", "This spring", "2024-03/2024-05"),
    ("Prices will recover by the autumn.", "the autumn", "2024-09/2024-11"),
    ("Shipments in the fall of 2023 fell.", "the fall of 2023", "2023-09/2023-11"),
    # report weeks and the week before them
    ("Inspections in the week ending Sept. 16 rose.", "the week ending Sept. 16", "2024-09-10/2024-09-16"),
    # fiscal years counted April-March
    ("Exports in the current fiscal grew.", "the current fiscal", "2024/2025"),
    ("against the previous fiscal", "the previous fiscal", "2023/2024"),
    # whole months before publication
    ("Output rose in the last five months.", "the last five months", "2024-05/2024-09"),
    # ago at its grain
    ("The port was built six years ago.", "six years ago", "2018"),
    ("It opened eight months ago.", "eight months ago", "2024-02-15"),  # near things: a day
    # weekends, slashed month pairs, the first days of a month, years ended
    ("Ships sail this weekend.", "this weekend", "2024-10-19/2024-10-20"),
    ("Barges for January/March 2024 traded.", "January/March 2024", "2024-01/2024-03"),
    ("Exports in the first 20 days of February rose.", "the first 20 days of February", "2024-02-01/2024-02-20"),
    ("Profit in the year ended March 31, 2023, rose.", "the year ended March 31, 2023", "2022-04/2023-03"),
    ("the second half of this year", "the second half of this year", "2024-H2"),
    # comparison periods
    ("Profit in the first quarter rose from the year-earlier period.", "the year-earlier period", "2023-Q1"),
    ("The deficit widened in February from 2.1 billion in January and 2.8 billion a year ago.",
     "a year ago", "2023-02"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "mention", "value"), MUST_READ)
def test_real_copy_dates(text: str, mention: str, value: str) -> None:
    found = {m.text.strip(): m.period.value for m in find_dates(text, PUB)}
    hits = [v for t, v in found.items() if mention.lower() in t.lower()]
    assert hits == [value], found


def test_previous_report_week() -> None:
    text = "Inspections in the week ending Sept. 16 rose from the previous week."
    values = [m.period.value for m in find_dates(text, PUB)]
    assert values == ["2024-09-10/2024-09-16", "2024-09-03/2024-09-09"]


MUST_NOT_READ = [
    "Exports fall when prices rise.",  # "fall" is a verb
    "The summer house was sold.",  # no season word before it
]


@pytest.mark.parametrize("text", MUST_NOT_READ)
def test_not_real_copy_dates(text: str) -> None:
    assert find_dates(text, PUB) == []
