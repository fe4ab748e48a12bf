"""Ports and places as real copy writes them (issue 12): must-match and must-not-match."""

from __future__ import annotations

import datetime as dt

import pytest

import factx


def ports(text: str) -> dict[str, str]:
    article = factx.extract(text, published=dt.date(2024, 8, 1))
    return {f.text: f.name for f in article.facts if f.type == "port"}


MUST_MATCH = [
    # a plural list before "ports" or "terminals"
    ("In July 2024, Hamad, Ruwais, and Doha ports handled more containers.", {"Ruwais": "Ruwais"}),
    # terminals listed with a known one are the terminals of its port
    (
        "Port Klang, the home of Westports and Northport terminals, grew.",
        {"Northport": "Port Klang"},
    ),
    # marine and oil terminals are ports
    ("Crude flows through the Kozmino Oil Terminal.", {"Kozmino Oil Terminal": "Kozmino"}),
    # the name of "Port of X" ends at its possessive
    ("The Port of Oakland's March total container volume rose.", {"Port of Oakland": "Oakland"}),
    ("The Port of Oakland’s March total container volume rose.", {"Port of Oakland": "Oakland"}),
]


@pytest.mark.parametrize(("text", "expected"), MUST_MATCH)
def test_real_copy_ports(text: str, expected: dict[str, str]) -> None:
    found = ports(text)
    for mention, name in expected.items():
        assert found.get(mention) == name, found


MUST_NOT_MATCH = [
    # a port's name inside a ship's or a firm's name
    ("Four ships, namely Msc Paloma, Apl Qingdao and X-Press Kohima, sailed from the port.", "Qingdao"),
    ("The port authority signed with the Hamburg-based shipping line Unimar.", "Hamburg"),
    # a city where people meet or keep a warehouse, in a sentence about shipping
    ("The coffee institute told a press conference in Rio de Janeiro that exports by ship fell.", "Rio de Janeiro"),
    # waters and nations in a plural list
    ("Kazakhstan reports gains as Caspian and Georgian ports grow.", "Caspian"),
    ("Border port in Xinjiang handles 7,000 trains", "Border port"),
    # a container terminal is a terminal of a port named elsewhere
    ("Houston's Bayport container terminal grew.", "Bayport container terminal"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "mention"), MUST_NOT_MATCH)
def test_not_real_copy_ports(text: str, mention: str) -> None:
    assert mention not in ports(text)


def regions(text: str) -> dict[str, str]:
    article = factx.extract(text, published=dt.date(1987, 3, 3))
    return {f.text: f.code for f in article.facts if f.type == "region"}


STATE_TAGS = [
    ("MCLEAN UNIT\n\nCRANFORD, N.J., March 3 - McLean Industries said.", {"N.J.": "US-NJ"}),
    ("CHARLESTON, SC - The port grew.", {"SC": "US-SC"}),
    ("Senator Patrick Leahy (D-Vt.) and John Melcher, D-Mont., agreed.",
     {"Vt.": "US-VT", "Mont.": "US-MT"}),  # Montana, not Bulgaria's Montana province
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), STATE_TAGS)
def test_state_abbreviations_in_datelines_and_party_tags(
    text: str, expected: dict[str, str]
) -> None:
    found = regions(text)
    for mention, code in expected.items():
        assert found.get(mention) == code, found


@pytest.mark.parametrize(
    "text", ["Miss. Smith said.", "Ind. voters, Mo. and Pa. are words here.", "OR the port grew."]
)
def test_abbreviations_elsewhere_are_words(text: str) -> None:
    assert regions(text) == {}


def countries(text: str) -> set[str]:
    article = factx.extract(text, published=dt.date(1987, 3, 3))
    return {f.code for f in article.facts if f.type == "country"}


def test_a_round_of_talks_is_not_its_country() -> None:
    assert "UY" not in countries("Ministers met in the four-year Uruguay\nround of talks.")
    assert "UY" in countries("Ministers met in Uruguay for talks.")
