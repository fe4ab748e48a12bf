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
    # delivery terms, throughput verbs and lists name ports
    ("Wheat was quoted at 92 dlrs a tonne FOB Buenos Aires.", ("port", "ARBUE")),
    ("Singapore handled a record 21.0 million TEUs in the first half.", ("port", "SGSIN")),
    ("Boxes are feedered through Colombo, Singapore or Port Klang.", ("port", "SGSIN")),
    ("Chinese ports compete hard. Ningbo and Shanghai are cheaper, he said.", ("port", "CNSHA")),
    ("Stena Line runs ferries from Gothenburg to Kiel and Frederikshavn.", ("port", "DKFDH")),
    # terminals and depots with their own entries or kinds
    ("Boxes are railed to the Naivasha Inland Container Depot.", ("port", "Naivasha ICD")),
    ("Ramp-up at Tuas Port continued.", ("port", "Tuas")),
    ("Cargo moved through the Doraleh Multipurpose Port.", ("port", "DJDCT")),
    ("Haikou's Xinhai port handled 9.6 million tonnes.", ("port", "Xinhai")),
    ("Rail boxes go via the Thriasio freight centre in Attica.", ("port", "Thriasio")),
    ("Imports through the Kulma pass rose.", ("port", "Kulma")),
    ("Depots such as Song Than ICD were at 60 percent.", ("port", "Song Than")),
    ("DP World is building the deep-water port at Ndayane.", ("port", "Ndayane")),
    # airports count as gateways when their sentence is about cargo
    ("Air cargo through Zhengzhou airport, a cargo hub, rose 12%.", ("port", "CNCGO")),
    ("Freighters at Memphis International Airport carried 4 million tons.", ("port", "USMEM")),
    # a city-state where ships call, or in a list of ports
    (
        "Ships reach Los Angeles in 17 days without a transshipment stop in Singapore.",
        ("port", "SGSIN"),
    ),
    (
        "Lines route exports via Port Klang or Tanjung Pelepas rather than Hong Kong.",
        ("port", "HKHKG"),
    ),
    ("LNG imports through Chiba and Sakai rose in Japan.", ("port", "JPSAK")),
    (
        "The authority approved new berths at Jeddah and at Jazan, in Jazan region, in Saudi Arabia.",
        ("port", "SAGIZ"),
    ),
    (
        "Manufacturers in Gaziantep and Kahramanmaras provinces in Turkey exported more.",
        ("region", "TR-27"),
    ),
    ("Ontario and Quebec manufacturers in Canada shipped more.", ("region", "CA-QC")),
    (
        "Cotton from Punjab province reached Karachi, Pakistan, as India cut duties.",
        ("region", "PK-PB"),
    ),
    (
        "Trucks queued at the Ambassador Bridge for the border crossing into Canada.",
        ("port", "Ambassador Bridge"),
    ),
    ("Wuhan's Yangluo port handled 1 million TEUs.", ("port", "CNWUH")),
    ("Barges use Birsfelden harbour near Basel in Switzerland.", ("port", "Birsfelden")),
    ("Exports via the port of Leningrad rose in 1988.", ("port", "RULED")),
    ("Budapest put 18.5 billion forints into the Csepel Freeport in Hungary.", ("port", "HUBUD")),
    (
        "Low-water surcharges from Rotterdam to Duisburg reached 32 euros per tonne.",
        ("port", "NLRTM"),
    ),
    ("Pakistan suspended bilateral trade through Wagah in 2019.", ("port", "Wagah")),
    (
        "DP World Caucedo, at Boca Chica in Santo Domingo province, in the Dominican Republic.",
        ("region", "DO-32"),
    ),
    (
        "A logistics park at Caymanas, in the parish of St. Catherine, in Jamaica.",
        ("region", "JM-14"),
    ),
    ("Jamaica said a second park was planned in Clarendon.", ("region", "JM-13")),
    (
        "Cartagena, in the department of Bolivar, handled 1.6 million TEUs in Colombia.",
        ("region", "CO-BOL"),
    ),
    ("Guatemala said cargo at Santo Tomas de Castilla, in Izabal, rose.", ("region", "GT-18")),
    ("In Cyprus, the Limassol district council wants the port to grow.", ("region", "CY-02")),
    (
        "Officials in Damietta and Port Said governorates in Egypt asked for help.",
        ("region", "EG-PTS"),
    ),
    ("Container rates on the Jebel Ali-Mundra trade lane have fallen.", ("port", "INMUN")),
    ("Fees at the Gisht-Kuprik and Yallama border posts in Uzbekistan rose.", ("port", "Yallama")),
    ("Fuel moved by barge from Akosombo to Buipe on Lake Volta in Ghana.", ("port", "Buipe")),
    ("At Aflao, the busy crossing to Lome, Ghanaian officials counted trucks.", ("port", "Aflao")),
    (
        "East London, which serves carmakers, handled 2.1 million tonnes of cargo.",
        ("port", "ZAELS"),
    ),
    (
        "Nador West Med, in the Oriental region, would receive its first ship in Morocco.",
        ("port", "Nador West Med"),
    ),
    ("Ferries run from Dover to Calais and from Rosslare to Cherbourg.", ("port", "FRCQF")),
    ("Tallinn's port lies in Harju County, Estonia.", ("region", "EE-37")),
    ("Sugar from Fiji's Western Division is shipped through Lautoka.", ("region", "FJ-W")),
    ("Aarhus, in the Central Denmark Region, handled more boxes in Denmark.", ("region", "DK-82")),
    ("In Fiji, the Fiji Ports Corporation Ltd (FPCL) said cargo rose.", ("country", "FJ")),
    # crossings and depots outside the gazetteer; a region word beats the port
    ("Truck waiting times at the Hatta crossing into Oman fell.", ("port", "Hatta")),
    ("Trucks queue at the Paga border post in Ghana.", ("port", "Paga")),
    ("The government revived the Boankra Inland Port in Ashanti.", ("port", "Boankra")),
    ("The port remains the largest employer in Klaipeda County, Lithuania.", ("region", "LT-KL")),
    (
        "Fujairah and Khor Fakkan in Sharjah loaded 6.8 million tonnes of fuel in the UAE.",
        ("region", "AE-SH"),
    ),
    # regions: Indonesian provinces, table columns, hyphenated units, districts
    ("In Indonesia's Riau Islands province, Batam grew.", ("region", "ID-KR")),
    ("Factories in East Java sent more to Indonesian ports.", ("region", "ID-JI")),
    (
        "Port        Province    TEUs\nShanghai    Shanghai    12.1\nNingbo      Zhejiang    9.3",
        ("region", "CN-SH"),
    ),
    ("Firms in the Beijing-Tianjin-Hebei region hired.", ("region", "CN-BJ")),
    ("San Pedro lies in the Bas-Sassandra district of Ivory Coast.", ("region", "CI-BS")),
    # countries in lists and beside their same-named provinces
    ("Cargo for Niger and Chad should come through Nigeria.", ("country", "NE")),
    ("Terminals at Colon on Panama's Caribbean coast report fewer calls.", ("country", "PA")),
    (
        "The route links China and Kazakhstan with Azerbaijan, Georgia and Türkiye.",
        ("country", "GE"),
    ),
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
    # waters, datelines, towns and wider areas
    ("Tanger Med lies on the Strait of Gibraltar.", ("country", "GI")),
    ("Low water on the Mississippi River diverted grain.", ("region", "US-MS")),
    ("Ships waited on the Parana river in Santa Fe.", ("region", "BR-PR")),
    ("PANAMA CITY, Sept 12 - Transit limits on the canal.", ("region", "PA-8")),
    ("Total throughput at Mombasa reached 17.1 million tonnes in Kenya.", ("region", "KE-28")),
    ("The rail track between Divača and Koper in Slovenia.", ("region", "SI-019")),
    ("Togo cut fees for Sahel transit trucks from Burkina Faso.", ("region", "BF-12")),
    ("The Chongqing-Xinjiang-Europe route carries laptops.", ("region", "CN-CQ")),
    # a long-tail port inside another name; a city owning a port; a dry port's city
    ("The port is run by Lekki Freeport Terminal.", ("port", "BSFPO")),
    ("Haikou's Xinhai port handled 9.6 million tonnes.", ("port", "CNHAK")),
    ("A container from Kashgar to Tashkent costs $5,500.", ("port", "CNKHG")),
    ("Provinces such as Henan, Guangdong, Shanghai and Chongqing buy more.", ("port", "CNCKG")),
    ("Heathrow Airport delays hit passengers.", ("port", "port")),
    ("Ports and Airports Minister Marcos Rezende said cargo would flow.", ("port", "port")),
    # a place that locates a port or people; a generic port; a name inside a person's
    ("At Nhava Sheva near Mumbai, JNPA handled 1.7 million TEUs.", ("port", "INBOM")),
    (
        "Fujairah and Khor Fakkan in Sharjah loaded 6.8 million tonnes of fuel in the UAE.",
        ("port", "AESHJ"),
    ),
    (
        "Quay walls at Bremerhaven need work, officials in Bremen said of the port.",
        ("port", "DEBRE"),
    ),
    ("Traffic at Buenaventura, the country's only large Pacific port, fell.", ("port", "Pacific")),
    ("Tanger Med is a North African port.", ("port", "North African")),
    (
        '"Slots are booked online," said Tiago Maranhão, director at Portos do Parana in Brazil. '
        "Maranhão said so.",
        ("region", "BR-MA"),
    ),
    (
        "Lucia Valencia, head of strategy at APBA, spoke. Valencia said the port would grow.",
        ("port", "ESVLC"),
    ),
    ("Grain moved by barge and rail to Santarem in Brazil.", ("region", "PT-14")),
    ("Tourists travel via Singapore to Bali.", ("port", "SGSIN")),
    (
        "Transport Minister Kerem Balci said Turkey's ports handled 13.9 million TEUs.",
        ("port", "USTUQ"),
    ),
    ("Exports to Turkey rose as ships crowded the port and Mersin.", ("port", "USTUQ")),
    ("Volumes rose at the Ambarli terminals west of Istanbul.", ("port", "TRIST")),
    ("Volumes rose at the Ambarli terminals west of Istanbul.", ("region", "TR-34")),
    (
        "In Victoria, Port of Melbourne Operations said volumes rose in Australia.",
        ("port", "Victoria"),
    ),
    (
        "Makhachkala International Sea Trade Port (MMTP) said cargo rose.",
        ("port", "International Sea Trade"),
    ),
    ("February port data are due next week.", ("port", "port")),
    ("Across the Tasman, New Zealand ports were busy.", ("region", "NZ-TAS")),
    ("Tourists love the Golden Gate Bridge.", ("port", "port")),
    ("Fuel moved by barge on Lake Volta in Ghana.", ("region", "GH-TV")),
    ("Chongqing Port Logistics Group said volumes rose.", ("port", "CNCKG")),
    ("Detroit's carmakers need parts shipped by truck.", ("port", "USDET")),
    ("Low water on the Mississippi last October raised barge rates.", ("region", "US-MS")),
    ("Containers travel by rail on the Baku-Tbilisi-Kars line to Turkey.", ("region", "TR-36")),
    ("Every textile plant in San Pedro Sula depends on this port for cargo.", ("port", "CISPY")),
    (
        "A fee collected at our quays, not by couriers in Liege, is the way to tax parcels.",
        ("port", "BELGG"),
    ),
    ("Transit freight on the Baku-Tbilisi-Kars line rose 38 percent in Turkey.", ("port", "Kars")),
    # a city inside a company's name, named as a city, or standing for its government
    ("Trains rose 5%, according to China Railway Harbin Group Co., Ltd.", ("port", "CNHRB")),
    (
        "Cross-border e-commerce imports grew in pilot cities, including Shanghai.",
        ("port", "CNSHA"),
    ),
    ("Exports rose as Tokyo announced new tariffs on chips.", ("port", "JPTYO")),
]


@pytest.mark.parametrize(("text", "unexpected"), MUST_NOT_MATCH)
def test_must_not_match(text: str, unexpected: tuple[str, str]) -> None:
    found = places(text)
    assert unexpected not in found
    if unexpected == ("port", "port"):
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


def test_cargo_airport_is_a_port_of_kind_airport() -> None:
    article = factx.extract("Hong Kong International Airport handled 4.2 million tonnes of cargo.")
    [port] = [f for f in article.facts if f.type == "port"]
    assert (port.name, port.kind, port.locode) == ("Hong Kong", "airport", "HKHKG")
    assert port.text == "Hong Kong International Airport"


def test_lower_case_names_do_not_pull_in_articles() -> None:
    """Lower-case lexicon names ("duisport") open scanning at their own words only: "the
    U.S." is still the country "U.S."."""
    article = factx.extract("Exports to the U.S. rose.", published=dt.date(2024, 5, 1))
    assert [f.text for f in article.facts if f.type == "country"] == ["U.S."]
