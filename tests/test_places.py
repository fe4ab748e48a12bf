"""Ports, regions and countries: must-match and must-not-match rows."""

from __future__ import annotations

import datetime as dt

import pytest

import factx


def places(text: str) -> list[tuple[str, str]]:
    article = factx.extract(text, published=dt.date(2024, 5, 1))
    out = []
    for f in article.facts:
        if f.type == "port":
            out.append(("port", f.locode or f.name))
        elif f.type in ("region", "country"):
            out.append((f.type, f.code))
    return out


MUST_MATCH = [
    ("A train left Alashankou Port bound for Uzbekistan.", ("port", "CNAKL")),
    ("Trains cross at Alataw Pass every day.", ("port", "CNAKL")),
    ("Containers moved through the port of Piraeus in Greece.", ("port", "GRPIR")),
    ("The Port of Rotterdam handled more cargo.", ("port", "NLRTM")),
    ("Freight trains crossed at Khorgos on the Kazakh border.", ("country", "KZ")),
    ("Exports from Xinjiang Uygur Autonomous Region rose.", ("region", "CN-XJ")),
    ("Factories in Inner Mongolia and Guangdong province expanded.", ("region", "CN-NM")),
    ("Factories in Inner Mongolia and Guangdong province expanded.", ("region", "CN-GD")),
    ("Farmers in Gujarat and Maharashtra exported more cotton.", ("region", "IN-MH")),
    ("Peanut farmers in Georgia and Alabama shipped through Savannah port.", ("region", "US-GA")),
    ("Georgia and Azerbaijan signed a transit deal with Turkey.", ("country", "GE")),
    ("China-Uzbekistan trade rose.", ("country", "UZ")),
    ("Sino-Kazakh trade rose.", ("country", "KZ")),
    ("The Soviet Union and Yugoslavia signed a deal.", ("country", "SU")),
    ("Chinese exporters and Kazakh buyers met in Almaty.", ("country", "CN")),
    ("The new dry port at Gwadar Port opened.", ("port", "PKGWD")),
]


@pytest.mark.parametrize(("text", "expected"), MUST_MATCH)
def test_must_match(text: str, expected: tuple[str, str]) -> None:
    assert expected in places(text)


MUST_NOT_MATCH = [
    ("Georgia Smith, a trader, said prices rose.", ("country", "GE")),
    ("Georgia Smith, a trader, said prices rose.", ("region", "US-GA")),
    ("Jordan Henderson said the deal was fair.", ("country", "JO")),
    ("Mr Chad Johnson bought the firm.", ("country", "TD")),
    ("The import/export port wine business grew.", ("port", "port")),
    ("URUMQI, April 12 (Xinhua) -- Trade rose.", ("region", "CN-XJ")),
    ("Shanghai's economy grew 5 percent.", ("region", "CN-SH")),
    ("The European Union and ASEAN signed an accord.", ("country", "EU")),
    ("Goods worth 5 million US dollars left Kazakhstan.", ("country", "US")),
    ("Fees rose to 40 Swiss francs.", ("country", "CH")),
    ("Exports to Latin America grew.", ("country", "US")),
    ("Container traffic in Koper          fell.", ("region", "SI-050")),
]


@pytest.mark.parametrize(("text", "unexpected"), MUST_NOT_MATCH)
def test_must_not_match(text: str, unexpected: tuple[str, str]) -> None:
    found = places(text)
    assert unexpected not in found
    if unexpected[0] == "port":
        assert not any(kind == "port" for kind, _ in found)


def test_unknown_port_is_reported_without_locode() -> None:
    article = factx.extract(
        "Cargo moved through Zzyzxville Port last week.", published=dt.date(2024, 5, 1)
    )
    [port] = [f for f in article.facts if f.type == "port"]
    assert (port.name, port.locode) == ("Zzyzxville", None)


def test_gazetteer_loads_fast_and_is_large() -> None:
    from factx.lexicons import lexicons

    lex = lexicons()
    assert len(lex.places) > 10_000


def test_port_appositive_and_listed_ports() -> None:
    article = factx.extract(
        "Constanta, Romania's main Black Sea port, handled 91.9 million tonnes. Farmers ship "
        "through the ports of Kwinana, Geraldton, Albany and Esperance.",
        published="2024-02-08",
    )
    ports = {f.name: f.locode for f in article.facts if f.type == "port"}
    assert ports["Constanta"] == "ROCND"
    assert ports["Geraldton"] is None  # outside the gazetteer, named by the list
    assert {"AUFRE", "AUALH", "AUEPR"} <= set(ports.values())  # Kwinana is Fremantle's


def test_company_named_port_is_not_a_port() -> None:
    article = factx.extract(
        "Tema port is operated by Meridian Port Services.", published="2024-02-08"
    )
    assert [f.name for f in article.facts if f.type == "port"] == ["Tema"]


def test_port_of_a_region_is_the_regions_port() -> None:
    article = factx.extract(
        "The port of Tadjourah now ships potash to Saudi Arabia.", published="2024-02-08"
    )
    ports = [f for f in article.facts if f.type == "port"]
    assert [(p.name, p.locode) for p in ports] == [("Tadjourah", None)]
    assert not [f for f in article.facts if f.type == "region"]


def test_regions_of_belarus_laos_and_sweden() -> None:
    article = factx.extract(
        "Belarus sends potash from the Brest region; Laos grows rubber in Luang Namtha "
        "province; Sweden's Västra Götaland region hosts the port of Gothenburg.",
        published="2024-02-08",
    )
    codes = {f.code for f in article.facts if f.type == "region"}
    assert codes == {"BY-BR", "LA-LM", "SE-O"}


@pytest.mark.parametrize(
    "text",
    [
        "Imports rose, Harbin Customs said on Tuesday.",
        "Bills were cleared in Mumbai Zone-II within 48 hours.",
        "Ships in the Gulf of Aden were attacked.",
    ],
)
def test_customs_districts_and_waters_are_not_ports(text: str) -> None:
    assert not [f for f in factx.extract(text).facts if f.type == "port"]


def test_appositive_description_is_not_a_port_name() -> None:
    article = factx.extract("Cargo moving from Astrakhan, the Volga river port, to Iran fell.")
    assert [f.text for f in article.facts if f.type == "port"] == ["Astrakhan"]
