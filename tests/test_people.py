"""Officials and organisations: must-match and must-not-match rows."""

from __future__ import annotations

import datetime as dt

import pytest

import factx


def officials(text: str) -> list[tuple[str, str, str | None]]:
    article = factx.extract(text, published=dt.date(2024, 5, 1))
    return [(f.name, f.title, f.organization) for f in article.facts if f.type == "official"]


def organizations(text: str) -> list[tuple[str, str | None]]:
    article = factx.extract(text, published=dt.date(2024, 5, 1))
    return [(f.name, f.acronym) for f in article.facts if f.type == "organization"]


MUST_MATCH = [
    (
        "Wang Kaixuan, director of the department of Eurasian affairs at MOFCOM, said trade grew.",
        ("Wang Kaixuan", "director of the department of Eurasian affairs", "MOFCOM"),
    ),
    ("according to Minister of Commerce Wang Wentao.", ("Wang Wentao", "Minister of Commerce", "Ministry of Commerce")),
    ("Chinese Premier Li Qiang said on Monday.", ("Li Qiang", "Premier", None)),
    ("Kazakh President Kassym-Jomart Tokayev met the delegation.", ("Kassym-Jomart Tokayev", "President", None)),
    ("said He Bin, assistant general manager of the freight company.", ("He Bin", "assistant general manager", "the freight company")),
    ("Importers pay too much, said Emeka Nwosu (executive secretary, Nigerian Shippers' Council).",
     ("Emeka Nwosu", "executive secretary", "Nigerian Shippers' Council")),
    ("Kenyan Transport Cabinet Secretary Joseph Langat said the levy would fall.",
     ("Joseph Langat", "Transport Cabinet Secretary", "Kenya")),
    ("Transport Cabinet Secretary Joseph Langat said the levy would fall.",
     ("Joseph Langat", "Transport Cabinet Secretary", "Ministry of Transport")),
    ("U.S. Commerce Secretary Malcolm Baldrige said exports rose.", ("Malcolm Baldrige", "Commerce Secretary", "United States")),
    ("Commerce Secretary Malcolm Baldrige said exports rose.", ("Malcolm Baldrige", "Commerce Secretary", "Department of Commerce")),
    ("said Dr Meenakshi Iyer, chief commissioner of customs at the Central Board of Indirect Taxes and Customs (CBIC).",
     ("Meenakshi Iyer", "chief commissioner of customs", "Central Board of Indirect Taxes and Customs")),
    ("Port director Willem van der Berg said throughput rose.", ("Willem van der Berg", "Port director", None)),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), MUST_MATCH)
def test_officials_must_match(text: str, expected: tuple[str, str, str | None]) -> None:
    found = officials(text)
    names = {name: (title, org) for name, title, org in found}
    assert expected[0] in names, found
    title, org = names[expected[0]]
    assert title.lower().endswith(expected[1].lower())
    if expected[2] is not None:
        assert org == expected[2]


MUST_NOT_MATCH = [
    "Alataw Pass handled 1,500 trains this year.",  # a place that looks like a name
    "He Bin said nothing.",  # a name without a role is not an official
    "He threw the bin away, the manager said.",  # "the bin"
    "Wang Laboratories, a company, launched a product.",  # a brand
    "The minister said the customs office would open.",  # a role without a name
    "Georgia Smith met the trade delegation.",
]


@pytest.mark.parametrize("text", MUST_NOT_MATCH)
def test_officials_must_not_match(text: str) -> None:
    assert officials(text) == []


def test_acronym_and_full_name_are_one_organization() -> None:
    text = (
        "According to the Ministry of Commerce (MOFCOM), trade rose. "
        "MOFCOM said it would publish more data."
    )
    assert organizations(text) == [("Ministry of Commerce", "MOFCOM")]


def test_later_mentions_join_the_official() -> None:
    text = "Lyu Daliang, spokesperson of the General Administration of Customs, said exports rose. Lyu said imports fell."
    article = factx.extract(text, published=dt.date(2024, 5, 1))
    [official] = [f for f in article.facts if f.type == "official"]
    assert official.mentions and text[official.mentions[0][0] : official.mentions[0][1]] == "Lyu"


def test_official_links_to_organization_record() -> None:
    text = "Wang Kaixuan, director of the department of Eurasian affairs at MOFCOM, said. The Ministry of Commerce (MOFCOM) agreed."
    article = factx.extract(text, published=dt.date(2024, 5, 1))
    [official] = [f for f in article.facts if f.type == "official"]
    org_ids = {f.id for f in article.facts if f.type == "organization"}
    assert official.organization_id in org_ids


def test_title_mentions_join_the_official() -> None:
    text = (
        "Marine and Blue Economy Minister Adewale Ogunbiyi said cargo was lost. "
        '"Cargo should come through Nigeria," the minister said.'
    )
    article = factx.extract(text, published=dt.date(2024, 5, 1))
    [official] = [f for f in article.facts if f.type == "official"]
    assert [text[s:e] for s, e in official.mentions] == ["the minister said"]


def test_title_then_name_between_commas() -> None:
    text = "Director of the Banco do Brasil's foreign trade department (CACEX), Roberto Fendt, told reporters."
    assert officials(text) == [
        ("Roberto Fendt", "Director", "Banco do Brasil's foreign trade department")
    ]


def test_organisations_joined_by_and_are_split() -> None:
    article = factx.extract(
        "Meridian Port Services is a joint venture between APM Terminals and the Ghana Ports "
        "and Harbours Authority (GPHA). PTP is owned by MMC Corp and Maersk's APM Terminals. "
        "The Ministry of Commerce and Industry agreed.",
        published="2024-02-08",
    )
    names = {f.name for f in article.facts if f.type == "organization"}
    assert {"APM Terminals", "Ghana Ports and Harbours Authority", "MMC Corp"} <= names
    assert "Ministry of Commerce and Industry" in names
    assert not any(" and the " in n or "Maersk's" in n for n in names)


def test_national_units_and_comma_names_and_word_acronyms() -> None:
    article = factx.extract(
        "Hutchison Ports UK and DP World Australia said checks by the Department for "
        "Environment, Food and Rural Affairs (Defra) slowed trade. In Yangon Region, Myanmar "
        "International Terminals Thilawa (MITT) raised charges.",
        published="2024-02-08",
    )
    orgs = {f.name: f.acronym for f in article.facts if f.type == "organization"}
    assert "Hutchison Ports UK" in orgs and "DP World Australia" in orgs
    assert orgs["Department for Environment, Food and Rural Affairs"] == "Defra"
    assert orgs["Myanmar International Terminals Thilawa"] == "MITT"
    assert not any(name.startswith(("In ", "Yangon")) for name in orgs)


def test_official_organisation_from_anaphora_and_comma_names() -> None:
    article = factx.extract(
        "The Nigerian Ports Authority said volumes rose, according to Dr Funmilayo Okafor, "
        "general manager for corporate affairs at the authority. Guangzhou Port Group is "
        "spending more, said Chen Zhuoying, the group's deputy general manager. According to "
        "Geraldine Ssali, permanent secretary at Uganda's Ministry of Trade, Industry and "
        "Cooperatives, exporters paid more. Ports, Shipping and Waterways Minister Arvind Rao "
        "said ports grew. Jordan Castillo, general manager of Manzanillo International "
        "Terminal (MIT) in Colon, said volumes fell. Ana Ruiz, head of sales at the "
        "operator, spoke.",
        published="2024-02-08",
    )
    orgs = {f.name: f.organization for f in article.facts if f.type == "official"}
    assert orgs == {
        "Funmilayo Okafor": "Nigerian Ports Authority",
        "Chen Zhuoying": "Guangzhou Port Group",
        "Geraldine Ssali": "Ministry of Trade, Industry and Cooperatives",
        "Arvind Rao": "Ministry of Ports, Shipping and Waterways",
        "Jordan Castillo": "Manzanillo International Terminal",
        "Ana Ruiz": None,  # "the operator" names none the text named before
    }


@pytest.mark.parametrize(
    ("sentence", "organization"),
    [
        (
            "Deputy Agriculture Minister Tatyana Verbitskaya told reporters.",
            "Ministry of Agriculture",
        ),
        ("Deputy Prime Minister Ali Khan said so.", None),
        ("Deputy Secretary General Ali Khan said so.", None),
    ],
)
def test_deputies_serve_their_ministers_ministry(sentence: str, organization: str | None) -> None:
    [official] = [f for f in factx.extract(sentence).facts if f.type == "official"]
    assert official.organization == organization


def test_organisation_named_before_reached_through_the_role() -> None:
    article = factx.extract(
        "Nanning Customs said duties rose, said Zhou Li, head of the customs district's port "
        "control division. The National Grain Board met. Board president Hector Villafane "
        "spoke. The Hai Phong City People's Committee approved links, said Nguyen Thi Thu "
        "Hien, a vice chairwoman of the committee. Hideo Sakaguchi, director-general of the "
        "ministry's Customs and Tariff Bureau, spoke.",
        published="2024-02-08",
    )
    orgs = {f.name: f.organization for f in article.facts if f.type == "official"}
    assert orgs == {
        "Zhou Li": "Nanning Customs",
        "Hector Villafane": "National Grain Board",
        "Nguyen Thi Thu Hien": "Hai Phong City People's Committee",
        "Hideo Sakaguchi": "Customs and Tariff Bureau",
    }


@pytest.mark.parametrize(
    ("text", "organizations"),
    [
        ("Cranes at Durban Container Terminal broke down.", []),
        ("Boxes moved to Colombo West International Terminal.", []),
        ("APM Terminals bought it.", ["APM Terminals"]),
        ("Lome Container Terminal (LCT) handled more.", ["Lome Container Terminal"]),
    ],
)
def test_a_terminal_is_a_place_unless_named_as_an_operator(
    text: str, organizations: list[str]
) -> None:
    found = [f.name for f in factx.extract(text).facts if f.type == "organization"]
    assert found == organizations


def test_portuguese_name_with_e_particle() -> None:
    article = factx.extract(
        "Exports rose, said Odilson Ribeiro e Silva, secretary for international relations at "
        "the Ministry of Agriculture."
    )
    [official] = [f for f in article.facts if f.type == "official"]
    assert (official.name, official.organization) == (
        "Odilson Ribeiro e Silva",
        "Ministry of Agriculture",
    )


#: "NAME, ROLE": exact title and organisation (None: no organisation stated or implied)
ROLE_PARTS = [
    # a minister's or secretary's portfolio stays in the title and names the ministry
    ("Zheng Tuobin, minister for foreign economic relations and trade, met him.",
     ("Zheng Tuobin", "minister for foreign economic relations and trade",
      "Ministry of Foreign Economic Relations and Trade")),
    # a country before the title is the organisation (corpora/README.md, real copy)
    ("Tesfaye Gebremariam, Ethiopia's state minister for transport and logistics, said so.",
     ("Tesfaye Gebremariam", "state minister for transport and logistics", "Ethiopia")),
    ("Tesfaye Gebremariam, state minister for transport and logistics, said so.",
     ("Tesfaye Gebremariam", "state minister for transport and logistics",
      "Ministry of Transport and Logistics")),
    # a named owner is the organisation; the scope stays in the title
    ("Youssef Amrani, Maersk's managing director for North Africa, said so.",
     ("Youssef Amrani", "managing director for North Africa", "Maersk")),
    # a unit of the organisation belongs to the title
    ("Jens Hartmann, head of the China desk at duisport, said so.",
     ("Jens Hartmann", "head of the China desk", "duisport")),
    ("He Guoqing, deputy director of the region's commerce department, said so.",
     ("He Guoqing", "deputy director", "the region's commerce department")),
    ("Zhang Wei, head of an international logistics company in Yunnan Province, said so.",
     ("Zhang Wei", "head", "an international logistics company in Yunnan Province")),
    ("Anisur Rahman, member (administration and planning) of the CPA, said so.",
     ("Anisur Rahman", "member (administration and planning)", "CPA")),
    ("Li Hongfeng, an official with the customs of Alataw Pass, said so.",
     ("Li Hongfeng", "official", "the customs of Alataw Pass")),
    # a place is not an employer: a post there keeps it, a residence drops it
    ("Andrej Novak, a logistics consultant in Ljubljana, said so.",
     ("Andrej Novak", "logistics consultant", None)),
    ("The Nigeria Customs Service said duties rose. Babatunde Olomu, the customs area "
     "controller at Apapa, said so.",
     ("Babatunde Olomu", "customs area controller at Apapa", "Nigeria Customs Service")),
    ("The Port Authority of Thailand (PAT) spoke. Kittipong Srisawat, director of Laem "
     "Chabang port, said so.",
     ("Kittipong Srisawat", "director of Laem Chabang port", "Port Authority of Thailand")),
    ("Kittipong Srisawat, director of Laem Chabang port, said so.",
     ("Kittipong Srisawat", "director of Laem Chabang port", None)),
    # an acronym after "at" is an organisation, not a place
    ("Mariana Ospina, commercial manager at SPRC, said so.",
     ("Mariana Ospina", "commercial manager", "SPRC")),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), ROLE_PARTS)
def test_role_parts(text: str, expected: tuple[str, str, str | None]) -> None:
    assert expected in officials(text)


#: "TITLE NAME": exact title and organisation from the words before the title
TITLE_BEFORE = [
    ("Oceans and Fisheries Minister Park Min-seo said so.",
     ("Park Min-seo", "Oceans and Fisheries Minister", "Ministry of Oceans and Fisheries")),
    ("Ports, Shipping and Waterways Minister Arvind Rao said so.",
     ("Arvind Rao", "Ports, Shipping and Waterways Minister",
      "Ministry of Ports, Shipping and Waterways")),
    # another person's title before "and" is no portfolio
    ("He will meet President Chun Doo-hwan and Trade Minister Rha Woong Bae on Monday.",
     ("Rha Woong Bae", "Trade Minister", "Ministry of Trade")),
    # a lower-case body before the title is kept as written when none was named before
    ("According to port authority chief executive Boudewijn Siemons, demand rose.",
     ("Boudewijn Siemons", "chief executive", "the port authority")),
    # the sentence before ends at its full stop: its last organisation is not the chairman's
    ("Its shareholders include COSCO Shipping Ports. Chairman Karim Abdel-Ghaffar said so.",
     ("Karim Abdel-Ghaffar", "Chairman", None)),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), TITLE_BEFORE)
def test_title_before(text: str, expected: tuple[str, str, str | None]) -> None:
    assert expected in officials(text)


#: Organisations: (text, (name, acronym)) that must be found
ORGS_MUST_MATCH = [
    # names in languages that write some words small, defined by their acronym
    ("Dockers of the Confédération générale du travail (CGT) walked out.",
     ("Confédération générale du travail", "CGT")),
    ("Port Autonome d'Abidjan (PAA) said volumes rose.", ("Port Autonome d'Abidjan", "PAA")),
    ("Traffic at the Administración del Sistema Portuario Nacional Veracruz (ASIPONA Veracruz) "
     "rose.", ("Administración del Sistema Portuario Nacional Veracruz", "ASIPONA Veracruz")),
    # an acronym with the name's word; an acronym of the name in its own language
    ("Syama Prasad Mookerjee Port, Kolkata (SMP Kolkata) handled more.",
     ("Syama Prasad Mookerjee Port, Kolkata", "SMP Kolkata")),
    ("Sihanoukville Autonomous Port (PAS) handled a record.", ("Sihanoukville Autonomous Port", "PAS")),
    ("The Batam Indonesia Free Zone Authority (BP Batam) plans more.",
     ("Batam Indonesia Free Zone Authority", "BP Batam")),
    # "Co." and "(Group) Co." end a company's name
    ("said Zhao Lixin, general manager of Tianjin Port (Group) Co. The port grew.",
     ("Tianjin Port (Group) Co.", None)),
    ("said Li Shanshan, deputy general manager of Xi'an International Land Port Multimodal "
     "Transport Co.", ("Xi'an International Land Port Multimodal Transport Co.", None)),
    # the organisation an official's role names, whatever its words
    ("Cargo rose, said Dr Armando Sitoe, commercial director of Cornelder de Moçambique.",
     ("Cornelder de Moçambique", None)),
    ("Rates fell, said Ximena Cárdenas, an analyst at Banco Base.", ("Banco Base", None)),
    # the body that runs a zone
    ("said Chen Ruixian, deputy director of the management committee of the Guangxi Beibu Gulf "
     "Economic Zone.", ("management committee of the Guangxi Beibu Gulf Economic Zone", None)),
    # a national unit of a union, as of a company
    ("Members of the International Longshore and Warehouse Union Canada voted.",
     ("International Longshore and Warehouse Union Canada", None)),
    # lexicon: a name without an organisational word
    ("Mawani, the Saudi Ports Authority, said so.", ("Saudi Ports Authority", "Mawani")),
]  # fmt: skip

ORGS_MUST_NOT_MATCH = [
    # a headline's "PCT" after a number is a percent sign
    ("ROTTERDAM THROUGHPUT UP 8 PCT IN 1986", "Piraeus Container Terminal"),
    # an acronym whose word is not in the name does not define it
    ("The Maritime Authority (BP Batam) met.", "BP Batam"),
    # a place in a role is not an organisation
    ("Kittipong Srisawat, director of Laem Chabang port, said so.", "Laem Chabang port"),
    ("Andrej Novak, a logistics consultant in Ljubljana, said so.", "Ljubljana"),
    # a ministry a title implies is not written in the text
    ("Oceans and Fisheries Minister Park Min-seo said so.", "Ministry of Oceans and Fisheries"),
    # small words before an acronym that do not spell it
    ("Exports rose to the region (EU) last year.", "rose to the region"),
]


@pytest.mark.parametrize(("text", "expected"), ORGS_MUST_MATCH)
def test_organizations_must_match(text: str, expected: tuple[str, str | None]) -> None:
    assert expected in organizations(text)


@pytest.mark.parametrize(("text", "name"), ORGS_MUST_NOT_MATCH)
def test_organizations_must_not_match(text: str, name: str) -> None:
    found = organizations(text)
    assert not any(n == name or a == name for n, a in found), found


#: An official with no organisation in the role speaks for the one organisation the sentence
#: names (by name, acronym, or "the group", "the authority"); (text, name, organisation)
SENTENCE_ORG = [
    ("Ningbo Zhoushan Port Group said volumes rose. The group's revenue rose 7.8%, said vice "
     "president Gong Hui.", "Gong Hui", "Ningbo Zhoushan Port Group"),
    ("The Gothenburg Port Authority said so. Chief executive Helena Sjöberg said the authority "
     "would raise fees.", "Helena Sjöberg", "Gothenburg Port Authority"),
    ("The Ministry of International Trade and Industry (MITI) will ask exporters to cut "
     "shipments, vice-minister Masaru Okuda told a news conference.", "Masaru Okuda",
     "Ministry of International Trade and Industry"),
    # must not: an analyst speaks for no one in the sentence
    ("Maersk cut rates, said independent freight analyst Lars Jensen.", "Lars Jensen", None),
    # must not: a head of state speaks for a country
    ("Trade hit a high, President Kassym-Jomart Tokayev said, Kazinform cites Akorda.",
     "Kassym-Jomart Tokayev", None),
    # must not: two organisations in the sentence say nothing
    ("Maersk and MSC cut rates, said vice president Gong Hui.", "Gong Hui", None),
    # must not: one merely met does not speak
    ("He will meet Governor David Wilson at the American Chamber of Commerce.", "David Wilson",
     None),
]  # fmt: skip


@pytest.mark.parametrize(("text", "name", "organization"), SENTENCE_ORG)
def test_sentence_organization(text: str, name: str, organization: str | None) -> None:
    found = {n: org for n, _, org in officials(text)}
    assert name in found, found
    assert found[name] == organization


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("according to independent timber analyst Zhou Wenbo.", ("Zhou Wenbo", "independent timber analyst")),
        ("said S. Venkatesh (president, Federation of Freight Forwarders' Associations in India).",
         ("S. Venkatesh", "president")),
    ],
)  # fmt: skip
def test_title_modifiers_and_lexicon_names_with_in(text: str, expected: tuple[str, str]) -> None:
    found = {n: (t, org) for n, t, org in officials(text)}
    assert found[expected[0]][0] == expected[1]
    if "Federation" in text:
        assert found[expected[0]][1] == "Federation of Freight Forwarders' Associations in India"


def test_news_agency_is_no_official() -> None:
    assert officials("Trade will rise, the official New China News Agency said.") == []


NAMED_NEXT = [
    ("Soy output rose, according to the Ministry of Agriculture, Livestock and Supply. The "
     "Secretary for Agro-business International Relations of the Ministry also said that soy "
     "exports grew.\n\nOdilson Ribeiro e Silva added that China bought more pulp.",
     [("Odilson Ribeiro e Silva", "Secretary for Agro-business International Relations",
       "Ministry of Agriculture, Livestock and Supply")]),
    # must not: a bare role may be anyone
    ("The minister said exports grew. Wang Wentao added that imports fell.", []),
    # must not: the next sentence's name does not speak
    ("The Secretary for Trade of the Ministry said exports grew. Wang Wentao visited Lagos.", []),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), NAMED_NEXT)
def test_role_then_name_in_the_next_sentence(
    text: str, expected: list[tuple[str, str, str | None]]
) -> None:
    assert officials(text) == expected


def test_based_stays_in_the_title_as_written() -> None:
    text = "Waits fell, said Marek Zielinski, a Warsaw-based rail freight consultant."
    assert officials(text) == [("Marek Zielinski", "Warsaw-based rail freight consultant", None)]


@pytest.mark.parametrize(
    ("text", "name", "is_org"),
    [
        ("Gwadar is part of the China-Pakistan Economic Corridor (CPEC).", "China-Pakistan Economic Corridor", False),
        ("Cargo moved via the China-Laos Railway since December.", "China-Laos Railway", False),
        ("Chengdu International Railway Port handled 248,000 TEUs.", "Chengdu International Railway", False),
        ("The Chengdu-Chongqing China-Europe Railway Express ran more.", "Chengdu-Chongqing China-Europe Railway", False),
        ("Moscow said Yakutia Regional Railway would invest more.", "Yakutia Regional Railway", True),
    ],
)  # fmt: skip
def test_routes_are_not_organisations(text: str, name: str, is_org: bool) -> None:
    assert (name in {n for n, _ in organizations(text)}) is is_org


@pytest.mark.parametrize(
    ("text", "name", "is_org"),
    [
        ("Trains crossed, the customs of Alataw Pass said.", "customs of Alataw Pass", True),
        ("He studied the customs of Ancient Rome.", "customs of Ancient Rome", False),
    ],
)
def test_customs_named_by_its_place(text: str, name: str, is_org: bool) -> None:
    assert (name in {n for n, _ in organizations(text)}) is is_org


BODIES = [
    # a body implied by a title, named as the official's country names it
    ("South Africa's ports are slow. Transport Minister Lindiwe Mahlangu said so.", 2024,
     "Department of Transport"),
    ("British ports are full. Maritime Minister Eleanor Whitcombe said so.", 2024,
     "Department for Transport"),
    ("Australian wine faces duties. Trade Minister Helen O'Connor said so.", 2024,
     "Department of Foreign Affairs and Trade"),
    ("Hong Kong trade fell. Alison Tsang, the Secretary for Transport and Logistics, said so.",
     2024, "Transport and Logistics Bureau"),
    # before the body existed, or in a country the table does not know: the generic name
    ("South Africa's ports are slow. Transport Minister Lindiwe Mahlangu said so.", 1990,
     "Ministry of Transport"),
    ("Ghana's ports are slow. Transport Minister Kwame Mensah said so.", 2024,
     "Ministry of Transport"),
    # the sentence's first country decides, not a later one
    ("The Australian government awaits talks between the U.S. and Japan, Industry Minister "
     "John Button said.", 2024, "Ministry of Industry"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "year", "organization"), BODIES)
def test_implied_body_is_named_as_its_country_names_it(
    text: str, year: int, organization: str
) -> None:
    article = factx.extract(text, published=dt.date(year, 5, 1))
    [official] = [f for f in article.facts if f.type == "official"]
    assert official.organization == organization


def test_role_named_by_kind_serves_the_body_of_that_kind_named_before() -> None:
    text = (
        "Throughput fell 1.8 pct, the Rotterdam Municipal Port Management said.\n"
        "    Port director Willem van der Berg told a news conference that dues rose."
    )
    assert officials(text) == [
        ("Willem van der Berg", "Port director", "Rotterdam Municipal Port Management")
    ]
    assert officials("Port director Willem van der Berg told a news conference.") == [
        ("Willem van der Berg", "Port director", None)
    ]


def test_government_bodies_table_is_sane() -> None:
    from factx.lexicons import lexicons

    table = lexicons().government_bodies
    assert len(table) >= 50
    for (country, portfolio), bodies in table.items():
        assert country in lexicons().country_names, country
        assert portfolio == portfolio.lower().strip()
        for body in bodies:
            assert body.since is None or body.until is None or body.since <= body.until


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Minister of Commerce, Wang Wentao, said trade grew.",
         ("Wang Wentao", "Minister of Commerce", "Ministry of Commerce")),
        ("The Minister of Trade and Industry, Gan Kim Yong, said exports rose.",
         ("Gan Kim Yong", "Minister of Trade and Industry", "Ministry of Trade and Industry")),
    ],
)  # fmt: skip
def test_title_first_between_commas_keeps_the_portfolio(
    text: str, expected: tuple[str, str, str | None]
) -> None:
    assert officials(text) == [expected]
    assert not organizations(text)  # "Commerce" alone is no organisation


@pytest.mark.parametrize(
    ("text", "organization"),
    [
        ("U.S. Trade Representative Katherine Tai said so.",
         "Office of the United States Trade Representative"),
        ("WTO Director-General Ngozi Okonjo-Iweala said trade would slow.",
         "World Trade Organization"),
        ("Federal Reserve Chairman Paul Volcker said so.", "Federal Reserve"),
        ("Trade Representative Katherine Tai said so.", None),  # whose? the text does not say
    ],
)  # fmt: skip
def test_title_that_names_its_organisation(text: str, organization: str | None) -> None:
    [(_, _, found)] = officials(text)
    assert found == organization


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "its" opening the role points to the body named before
        ("Grain fell, the Bahia Blanca Port Management Consortium (CGPBB) said. Its president, "
         "Ramiro Etchegaray, said dredging would start.",
         ("Ramiro Etchegaray", "president", "Bahia Blanca Port Management Consortium")),
        # an abbreviation's dot does not end the role
        ("Grain fell, said Jordan Kessler, a transportation economist at the U.S. Department of "
         "Agriculture (USDA). Exports fell.",
         ("Jordan Kessler", "transportation economist", "U.S. Department of Agriculture")),
    ],
)  # fmt: skip
def test_its_role_and_abbreviations(text: str, expected: tuple[str, str, str | None]) -> None:
    assert officials(text) == [expected]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "The Philippine Ports Authority (PPA) said so. PPA data showed it.",
            "Philippine Ports Authority",
        ),
        ("The Piraeus Port Authority (PPA) said so. PPA data showed it.", "Piraeus Port Authority"),
    ],
)
def test_ambiguous_acronym_follows_the_name_written(text: str, name: str) -> None:
    assert [n for n, _ in organizations(text)] == [name]


def test_customs_department_and_airways_are_whole_names() -> None:
    names = [
        n
        for n, _ in organizations(
            "The Thai Customs Department plans to move its clearance system to the cloud, and "
            "cargo flights operated by Uzbekistan Airways will use the new terminal next year."
        )
    ]
    assert names == ["Thai Customs Department", "Uzbekistan Airways"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Secretary for Security Chris Tang said so.",
         [("Chris Tang", "Secretary for Security", None)]),
        ("PPA Assistant General Manager for Operations Teresita Manalo said so.",
         [("Teresita Manalo", "Assistant General Manager for Operations", "PPA")]),
        ("Deputy Under Secretary of Commerce Bruce\nSmart said so.",
         [("Bruce Smart", "Deputy Under Secretary of Commerce", "Department of Commerce")]),
        # nobody is named inside another official's role
        ("said Bakyt Imanaliev, first deputy chairman of Kyrgyz Temir Jolu, the railway.",
         [("Bakyt Imanaliev", "first deputy chairman", "Kyrgyz Temir Jolu")]),
    ],
)  # fmt: skip
def test_title_with_portfolio_before_the_name(
    text: str, expected: list[tuple[str, str, str | None]]
) -> None:
    assert officials(text) == expected


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("APM Terminals Callao said on Tuesday it would spend 1.4 billion soles.",
         "APM Terminals Callao"),
        ("The first ship was handled by operator Cosco Shipping Ports Chancay Peru on Monday.",
         "Cosco Shipping Ports Chancay Peru"),
    ],
)  # fmt: skip
def test_company_unit_named_by_its_port(text: str, name: str) -> None:
    assert name in [n for n, _ in organizations(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Transit fell 12 percent, according to Pelindo's director of transformation, Ardhi "
         "Wicaksono. Volumes rose.", ("Ardhi Wicaksono", "director of transformation", "Pelindo")),
        ("Mawani vice president for port operations Abdullah Al Qahtani said so.",
         ("Abdullah Al Qahtani", "vice president for port operations", "Mawani")),
        ("Ali Khan, director of operations, said so.", ("Ali Khan", "director of operations", None)),
    ],
)  # fmt: skip
def test_owner_before_title_and_functions_in_titles(
    text: str, expected: tuple[str, str, str | None]
) -> None:
    assert officials(text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Volumes rose in October, duisport's chief operating officer Thomas Krems said.",
         [("Thomas Krems", "chief operating officer", "Duisburger Hafen AG")]),
        ("The Karachi Port Trust (KPT) will spend more. Tariq Mirza, general manager (operations) "
         "of the trust, said so.",
         [("Tariq Mirza", "general manager (operations)", "Karachi Port Trust")]),
        ("Volumes rose, said Rita Karki (executive director, Nepal Intermodal Transport "
         "Development Board).",
         [("Rita Karki", "executive director", "Nepal Intermodal Transport Development Board")]),
        ("Trade rose, said Jordan Whitaker, chief economist at the Pacific Merchant Shipping "
         "Association.",
         [("Jordan Whitaker", "chief economist", "Pacific Merchant Shipping Association")]),
    ],
)  # fmt: skip
def test_lower_case_brands_generic_trusts_and_bodies_named_for_countries(
    text: str, expected: list[tuple[str, str, str | None]]
) -> None:
    assert officials(text) == expected


def test_lower_case_lexicon_name_is_found() -> None:
    assert [n for n, _ in organizations("Barges wait for the water to rise, viadonau said.")] == [
        "viadonau"
    ]


def test_dates_and_title_words_are_no_part_of_organisation_names() -> None:
    text = "The rules were proposed by the European Commission on Wednesday, officials said."
    assert [n for n, _ in organizations(text)] == ["European Commission"]
    assert not organizations("Deputy Shipping Minister Eleni Vlachou said so.")


def test_mexican_secretariats_and_greek_shipping_ministry() -> None:
    article = factx.extract(
        "Mexican ports are busy. Navy Secretary Ernesto Vidaurri said so.",
        published=dt.date(2025, 2, 20),
    )
    [official] = [f for f in article.facts if f.type == "official"]
    assert official.organization == "Secretariat of the Navy"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Exchequer Secretary to the Treasury, Thomas Reade, said London would review relief.",
         ("Thomas Reade", "Exchequer Secretary to the Treasury", "HM Treasury")),
        ("Claire Marchand, minister delegate for foreign trade at the Ministry for Europe and "
         "Foreign Affairs, said so.",
         ("Claire Marchand", "minister delegate for foreign trade",
          "Ministry for Europe and Foreign Affairs")),
        ('"Coal rose," said A.K. Mohanty, deputy chairman of the Paradip Port Authority.',
         ("A.K. Mohanty", "deputy chairman", "Paradip Port Authority")),
        ("Meera Kulkarni, Director General of Foreign Trade, said exports rose.",
         ("Meera Kulkarni", "Director General of Foreign Trade",
          "Directorate General of Foreign Trade")),
    ],
)  # fmt: skip
def test_titles_with_to_initials_and_whole_lexicon_titles(
    text: str, expected: tuple[str, str, str | None]
) -> None:
    assert officials(text) == [expected]


def test_fijian_honorific_is_kept_apart() -> None:
    text = '"Cargo rose," said Ratu Vilisoni Tuiloma, chief executive of Fiji Ports Corporation.'
    assert officials(text) == [("Vilisoni Tuiloma", "chief executive", "Fiji Ports Corporation")]


# --- lookups that replaced a regex compiled per name (issue 13): same spans as the regex ---

_SPEECH_CASES = [
    "Wang said. Wang's plan, Al-Wang said, Wangs said, Wang, who spoke, Wang  told reporters.",
    "J.R. said it; R. said no. O'Brien said and Brien said. Li said, Ali said, li said.",
    "Tai said. Tai said. TaiTai said. -Tai said (Tai's view)\nTai\tsaid",
]


@pytest.mark.parametrize("text", _SPEECH_CASES)
def test_later_mentions_match_the_per_name_regex(text: str) -> None:
    import re

    from factx.finders.people import _SPEECH, _mention_spans

    parts = ["Wang", "J.R.", "R.", "O'Brien", "Brien", "Li", "Tai", "TaiTai", "Al-Wang"]
    spans = _mention_spans(text, parts)
    for part in parts:
        pattern = re.compile(rf"(?<![\w-]){re.escape(part)}(?=\s+{_SPEECH}\b|'s\s|,\s+who\b)")
        assert spans.get(part, []) == [m.span() for m in pattern.finditer(text)], part


@pytest.mark.parametrize(
    "text",
    ["GAC said GAC's (GAC) GACs xGAC GAC) A&A&A A&A. SMP Kolkata and SMP  Kolkata, GAC", "GAC"],
)
def test_acronym_uses_match_the_per_acronym_regex(text: str) -> None:
    import re

    from factx.finders.organizations import _acronym_uses

    acronyms = ["GAC", "A&A", "SMP Kolkata", "SMP"]
    uses = _acronym_uses(text, acronyms)
    for acronym in acronyms:
        pattern = re.compile(rf"(?<![\w(]){re.escape(acronym)}(?![\w)])")
        assert uses.get(acronym, []) == [m.span() for m in pattern.finditer(text)], acronym


@pytest.mark.parametrize(
    ("name", "word"),
    [("Syama Prasad Mookerjee Port, Kolkata", "Kolkata"), ("Kolkata Port\n", "Port"),
     ("XKolkata", "Kolkata"), ("Batam Indonesia Free Zone", "Batam"), ("Free Batamx", "Batam"),
     ("Port of Batam-Zone", "Batam")],
)  # fmt: skip
def test_acronym_word_lookups_match_the_regex(name: str, word: str) -> None:
    import re

    from factx.finders.organizations import _ends_with_word, _has_word

    assert _ends_with_word(name, word) == bool(re.search(rf"\b{re.escape(word)}$", name))
    assert _has_word(name, word) == bool(re.search(rf"\b{re.escape(word)}\b", name))
