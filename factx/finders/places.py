"""Ports, regions and countries: gazetteer hits, disambiguated by the words around them.

A name can be a port, a city, a province and a country at once ("Singapore", "Hamburg",
"Georgia"), or a person ("Jordan"). The rules here decide from the text around the mention,
never from a model: a port needs a port word nearby, a province-level city needs its unit
named, a place name followed by another capitalised name is a person's.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from factx.finders._place_text import (
    _KIND_ORDER,
    _NOT_PORT_NAME,
    _STOP_NAMES,
    PlaceMatch,
    _sentence_index,
    _sentence_of,
    _sentence_start,
)
from factx.finders.port_names import cargo_airports, listed_ports, unknown_ports
from factx.finders.tables import column_cells
from factx.gazetteer import Entry, Gazetteer, GazetteerHit

__all__ = ["PlaceMatch", "country_context", "find_places"]


_PORT_AFTER = re.compile(
    r"\s*(?:['’]s\s+)?(?:(?:[Ii]nternational|[Dd]ry|[Ll]and|[Rr]ail(?:way)?|[Ii]nland|[Rr]iver|"
    r"[Ff]ree|[Dd]eep-?[Ww]ater|[Cc]ontainer)\s+)?(?:[Pp]ort|[Pp]orts|[Hh]arbou?r|[Tt]erminal|"
    r"[Ss]eaport|Freeport|[Bb]order\s+[Cc]rossing|[Cc]heckpoint|[Gg]ateway|[Rr]ailway\s+[Ss]tation|"
    r"[Cc]ustoms\s+(?:[Pp]oint|[Pp]ost|[Ss]tation)|"
    r"[Pp]ass|(?:[Ii]nland\s+)?[Cc]ontainer\s+[Dd]epot|ICD|[Ff]reight\s+(?:[Cc]ent(?:re|er)|[Tt]erminal|"
    r"[Vv]illage)|[Ll]ogistics\s+(?:[Hh]ub|[Cc]ent(?:re|er)|[Pp]ark))\b(?!\s+(?:Services|Holdings|Company|Co\b|Group|Corporation|Limited|Ltd|"
    r"Operators?|Management|Authority|Investments?|Logistics|Development|Trust)\b)"
)
_PORT_BEFORE = re.compile(
    r"(?:[Pp]orts?|[Hh]arbou?rs?|[Tt]erminals?|[Bb]erths?|[Qq]uays?|[Dd]ocks?|[Pp]iers?)\s+(?:of|at)\s+"
    r"(?:[A-Z][\w'-]*,?\s+(?:and\s+(?:at\s+)?)?)*$"
    # "92 dlrs a tonne FOB Buenos Aires": a delivery term names the port of loading
    r"|\b(?:FOB|FAS|CIF|CFR|C&F|f\.o\.b\.|c\.i\.f\.)\s+$"
)
_PORT_CONTEXT = re.compile(
    r"\b(?:port|ports|terminal|harbou?r|berth|vessels?|ships?|shipping|containers?|cargo|"
    r"freight|trains?|rail|railway|tracks?|sidings?|TEUs?|crossing|checkpoint|customs|logistics|transit|"
    r"throughput|dry port|gateway|hub|shipments?|exports?|imports?|volumes?|handled|handles|"
    r"calls?|calling|berths?|cranes?|services|border|wagons?|trucks?|corridor|route|routes|"
    r"trans-?shipment|boxes|tonnes?|tons?|barrels|coal|grain|wheat|oil|docks?|quay|anchorage|"
    r"surcharges?|barges?|ferr(?:y|ies)|ro-?ro|wharf|wharves|jetty|"
    r"congestion|carriers?|liners?|feeder|loaded|unloaded|discharged|service|lines?|links?|"
    r"linking|linked|FEUs?|box|charges?|fees?|tariffs?|calls?|rates?|sailings?)\b",
    re.IGNORECASE,
)
#: "Constanta, Romania's main Black Sea port,": an appositive that calls the name a port
_PORT_APPOSITIVE = re.compile(
    r",\s+(?:the|a|an|its|[A-Z][\w.]*['’]s)\s+(?:[\w-]+\s+){0,4}?(?:sea|river|deep-?water\s+)?"
    r"(?:port|crossing|border\s+post)\b(?!\s+(?:of|city|authority|operator)\b)",
    re.IGNORECASE,
)
#: "the Fangcheng, Qinzhou and Beihai ports": every name of the list is a port
_LIST_PORTS_AFTER = re.compile(
    r"(?:(?:\s*,\s*|\s+and\s+|\s+or\s+)[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?){1,5}\s+ports\b"
)
_CURRENCY_AFTER = re.compile(
    r"\s*(?:\$|(?i:dollars?|dlrs?|cents?|francs?|pounds?|crowns?|rupees?|pesos?|yuan|yen|"
    r"riyals?|rials?|dinars?|shillings?|rubles?|roubles?|lira|marks?|guilders?)\b)"
)
_CONTINENT_BEFORE = re.compile(r"\b(?:Latin|South|North|Central)\s+$")
_REGION_AFTER = re.compile(
    r"\s+(?:[Pp]rovinces?|[Aa]utonomous\s+[Rr]egion|[Rr]egions?|[Ss]tates?|[Oo]blasts?|[Kk]rai|"
    r"[Mm]unicipality|[Mm]unicipalities|[Tt]erritory|[Rr]epublic|[Pp]refectures?|[Gg]overnorates?|"
    r"[Ee]mirates?|[Dd]ivisions?|[Cc]ount(?:y|ies)|[Dd]istricts?|[Dd]epartments?|[Cc]ommune|"
    r"[Pp]arish(?:es)?|[Cc]anton|[Mm]etropolitan\s+[Cc]ity|[Ss]pecial\s+[Mm]unicipality|"
    r"[Vv]oivodeship)\b"
)
_REGION_BEFORE = re.compile(
    r"(?:[Pp]rovince|[Ss]tate|[Mm]unicipality|[Rr]egion|[Oo]blast|[Ee]mirate|[Gg]overnorate|"
    r"[Dd]epartment|[Cc]ounty|[Pp]arish|[Dd]istrict|[Ss]pecial\s+[Mm]unicipality)\s+of\s+$"
    r"|[Pp]rovinces?\s+(?:of|like|such\s+as)\s+$"
)
_HONORIFIC_BEFORE = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Miss|Dr|Prof|Sir|Madam|Mme|Lady|Lord|St|Saint|King|Queen|Prince|"
    r"Princess)\.?\s+)$"
)
_NAME_AFTER = re.compile(r"\s+(?:[A-Z][a-z]+)(?:\s|,|\.|$)")
#: "San Pedro Sula": the name goes on with a capitalised word that is neither a port word nor
#: the start of a port word phrase ("Jubail Commercial Port")
_NAME_GOES_ON = re.compile(
    r" (?!(?:Port|Ports|Harbou?r|Terminal|Commercial|Industrial|International|Container|New|"
    r"Free|Dry|Inland|River|Sea|Deep|Customs|Zone|Province|Region|State|Municipality|County|"
    r"And|Or|On|In|At|By|For)\b)[A-Z][a-z]{2,}\b(?![ ]+(?:[A-Z]\w*[ ]+)?(?:[Pp]ort|[Hh]arbou?r|[Tt]erminal)\b)"
)
_OWNERS_PORTS = re.compile(r"['’]s\s+(?:\w+\s+){0,2}?(?:ports|harbou?rs|terminals)\b")
#: "Harbin Customs", "Mumbai Zone-II", "Chongqing Port Logistics Group": a name followed by
#: one of these words is a customs office, a zone or a company, not the port
_NOT_PORT_AFTER = re.compile(
    r"\s+(?:Customs|Zone|Bank|University|Logistics|Group|Holdings?|Company|Co\b|Corporation|"
    r"Corp\b|Ltd|Limited|Development|Investments?|Services|Operations|Trust)\b"
)
#: "pilot cities, including Shanghai and Beijing", "the city of Tianjin": named as cities
_CITIES_BEFORE = re.compile(
    r"\bcities(?:\s+(?:such\s+as|including|like)|,\s+(?:including|such\s+as))\b|\bcity\s+of\s+$"
)
#: States and countries named like their rivers: "the Mississippi" is the river
_RIVER_NAMES = frozenset(
    {"Mississippi", "Missouri", "Ohio", "Colorado", "Tennessee", "Arkansas", "Delaware",
     "Connecticut", "Illinois", "Niger", "Congo", "Parana", "Paraná", "Amazonas", "Columbia"}
)  # fmt: skip
_WATER_BEFORE = re.compile(r"\b(?:Gulf|Bay|Strait|Straits|Sea|Bight)\s+of\s+$|\bLake\s+$")
#: "the Mississippi River", "the Parana river": a river, not the state or country
_RIVER_AFTER = re.compile(r"\s+(?:[Rr]iver|[Bb]asin|[Dd]elta)\b")
#: "Niger and Chad", "Azerbaijan, Georgia and Türkiye": coordinated with a country
_LINK = r"(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or|rather\s+than|instead\s+of|as\s+well\s+as)\s+)"
_COORDINATION = re.compile(r"\s*" + _LINK)
_COORDINATION_BEFORE = re.compile(_LINK + "$")
_REGION_HEADER = re.compile(
    r"(?i)provinces?|states?|regions?|oblasts?|prefectures?|governorates?|emirates?"
)
#: "without a transshipment stop in Singapore", "via Port Klang rather than Hong Kong": a
#: city-state named where ships call is its port
_HUB_BEFORE = re.compile(
    r"\b(?:stops?\s+(?:in|at)|calls?\s+(?:in|at)|calling\s+at|via|through|rather\s+than|"
    r"instead\s+of|transship(?:ped|ment)?\s+(?:in|at|through)|tranship(?:ped|ment)?\s+(?:in|at))\s+$"
)
#: "LNG imports through Chiba and Sakai": goods moving through a port name
_VIA_BEFORE = re.compile(r"\b(?:through|via)\s+$")
_CARGO_WORDS = re.compile(
    r"(?i)\b(?:imports?|exports?|trade|cargo|shipments?|containers?|TEUs?|tonnes|LNG|crude|grain|"
    r"coal|ore|boxes|vessels?|ships?)\b"
)
_TRANSSHIPMENT = re.compile(r"(?i)\b(?:trans-?ship|tranship|feeder|port\s+calls?|hub)")
_PLACE_PREPOSITION = re.compile(r"\b(?:in|of|from|near|across|outside|inside)\s+$")
#: "Singapore handled a record 21.0 million TEUs": the subject of a throughput verb
_THROUGHPUT_AFTER = re.compile(r"\s+(?:handled|handles|handling|shipped|loaded|unloaded)\b")


def country_context(matches: Sequence[PlaceMatch]) -> tuple[str, ...]:
    """The article's countries, most mentioned first (ties: first mentioned first)."""
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    for m in matches:
        code = m.data.get("country") if m.kind != "country" else m.data.get("code")
        if code:
            counts[code] += 1
            first.setdefault(code, m.start)
    return tuple(sorted(counts, key=lambda c: (-counts[c], first[c])))


_DATELINE = re.compile(r"(?:[ \t]+[A-Z][A-Z.'-]+){0,2}\s*(?:,|/|\s+\(|\s+[-–—])")

#: Countries whose first-level units news names without naming the country ("Jiangsu",
#: "California", "Gujarat"); elsewhere a region counts only in a text that names its country,
#: which keeps "East", "Central" and "Gulf" (regions of Cameroon, Botswana, Papua New Guinea)
#: from matching in stories about other places.
_WELL_KNOWN_REGIONS = frozenset({"CN", "US", "IN", "RU", "CA", "AU", "BR", "DE", "PK", "KZ", "UZ"})
#: First-level units that are towns with their surroundings; named bare, they are the town
_SMALL_UNITS = frozenset(
    {"county", "municipality", "urban municipality", "commune", "local council", "district",
     "city"}
)  # fmt: skip


def _is_dateline(text: str, hit: GazetteerHit) -> bool:
    """ "URUMQI, April 12 (Xinhua) --": an all-capital place opening a line is a city."""
    line_start = text.rfind("\n", 0, hit.start) + 1
    if text[line_start : hit.start].strip(" \t\"'“"):
        return False
    return hit.text.isupper() and len(hit.text) > 3 and bool(_DATELINE.match(text, hit.end))


def _region_plausible(match: PlaceMatch, mentioned: set[str | None]) -> bool:
    country = match.data.get("country")
    if country in mentioned:
        return True
    flags = set(match.data.get("flags", ()))
    return country in _WELL_KNOWN_REGIONS and not flags & {
        "common_word",
        "shared_name",
        "person_name",
    }


def _followed_by_name(text: str, end: int) -> bool:
    m = _NAME_AFTER.match(text, end)
    if not m:
        return False
    word = m.group(0).strip(" ,.")
    return word not in _STOP_NAMES


def find_places(
    text: str,
    gazetteer: Gazetteer,
    token_offsets: Sequence[tuple[int, int]],
    sentences: Sequence[tuple[int, int]] = (),
) -> list[PlaceMatch]:
    hits = list(gazetteer.scan(text, token_offsets))
    # Which countries does the article talk about? Unambiguous country mentions decide
    # between Georgia the state and Georgia the country.
    plain_countries = Counter(
        e.key
        for h in hits
        for e in h.entries
        # a long-tail port named like a country (Turkey, Texas) or the country's own province
        # of the same name (Guatemala, Panama) leaves the country plain
        if e.kind == "country"
        and all(
            x.kind == "country"
            or (x.kind == "port" and not x.data.get("bare"))
            or (x.kind == "region" and x.data.get("country") == e.key)
            for x in h.entries
        )
    )
    region_keys = Counter(
        (e.data["country"], e.key) for h in hits for e in h.entries if e.kind == "region"
    )
    mentioned = set(plain_countries) | {
        e.data.get("country")
        for h in hits
        for e in h.entries
        if e.kind == "port" and len(h.entries) == 1
    }
    context = _Context(
        plain_countries,
        region_keys,
        mentioned,
        {h.start for h in hits if all(e.kind == "country" for e in h.entries)},
        {h.end for h in hits if all(e.kind == "country" for e in h.entries)},
        {start for start, _, _ in column_cells(text, _REGION_HEADER)},
    )
    found: list[PlaceMatch] = []
    undecided_ports: list[GazetteerHit] = []
    for hit in hits:
        if _is_dateline(text, hit):
            continue
        matches = _decide(text, hit, sentences, context)
        found.extend(matches)
        if any(e.kind == "port" for e in hit.entries) and not any(
            m.kind == "port" for m in matches
        ):
            undecided_ports.append(hit)
    found.extend(_coordinated_ports(text, undecided_ports, found, context, sentences))
    found.extend(_hyphenated_regions(text, hits, found))
    found.extend(_coordinated_regions(text, hits, found))
    found = _drop_possessors(text, found)
    found = _locators(text, found, {h.start: h for h in hits})
    found.extend(unknown_ports(text, found, gazetteer))
    found.extend(listed_ports(text, found, gazetteer))
    found = cargo_airports(text, found, gazetteer, sentences)
    # "the Uruguay Round", "the Tokyo Round": a round of trade talks named after a place
    found = [m for m in found if not _ROUND_AFTER.match(text, m.end)]
    found.sort(key=lambda m: (m.start, _KIND_ORDER[m.kind]))
    return found


@dataclass(slots=True)
class _Context:
    """What the whole article says, which decides single mentions."""

    plain_countries: Counter[str]  # unambiguous country mentions by code
    region_keys: Counter[tuple[str, str]]  # (country, code) of every region candidate
    mentioned: set[str | None]  # countries named or implied by an unambiguous port
    country_starts: set[int]  # where unambiguous country names start and end
    country_ends: set[int]
    region_cells: set[int]  # starts of the cells of a table's "Province" column


def _coordinated_with_country(text: str, hit: GazetteerHit, context: _Context) -> bool:
    """ "Niger and Chad", "Azerbaijan, Georgia and Türkiye": a list of countries."""
    after = _COORDINATION.match(text, hit.end)
    if after and after.end() in context.country_starts:
        return True
    before = _COORDINATION_BEFORE.search(text, max(0, hit.start - 20), hit.start)
    return bool(before and before.start() in context.country_ends)


def _inside_longer_name(text: str, hit: GazetteerHit) -> bool:
    """ "Lekki Freeport Terminal": a long-tail port name after a capitalised word that is
    not a sentence opener is part of another name."""
    if any(e.kind != "port" or e.data.get("bare") for e in hit.entries):
        return False
    m = re.search(
        r"(?<![.!?]\s)(?<!^)\b([A-Z][\w'’-]+)\s+$", text[max(0, hit.start - 30) : hit.start]
    )
    return m is not None and m.group(1) not in _NOT_PORT_NAME and m.group(1) not in _STOP_NAMES


def _decide(
    text: str,
    hit: GazetteerHit,
    sentences: Sequence[tuple[int, int]],
    context: _Context,
) -> list[PlaceMatch]:
    plain_countries = context.plain_countries
    before = text[max(0, hit.start - 40) : hit.start]
    flags: set[str] = set()
    for e in hit.entries:
        flags |= set(e.data.get("flags", ()))
    # A person: "Jordan Smith", "Mr Chad", "Georgia Brown said"
    if _HONORIFIC_BEFORE.search(before):
        return []
    # "the Strait of Gibraltar", "the Gulf of Guinea", "the Mississippi River": waters
    if _WATER_BEFORE.search(before) or _RIVER_AFTER.match(text, hit.end):
        return []
    if (
        hit.text in _RIVER_NAMES
        and re.search(r"\bthe\s+$", before)
        and not _REGION_AFTER.match(text, hit.end)
    ):
        return []  # "low water on the Mississippi": the river, not the state
    if (
        _followed_by_name(text, hit.end)
        and not any(e.kind == "port" for e in hit.entries)
        and flags & {"person_name", "country_name", "shared_name"}
    ):
        return []
    in_region_column = hit.start in context.region_cells
    ports = [e for e in hit.entries if e.kind == "port"]
    if (
        _NOT_PORT_AFTER.match(text, hit.end)
        or _inside_longer_name(text, hit)
        or in_region_column
        or (_REGION_AFTER.match(text, hit.end) and any(e.kind == "region" for e in hit.entries))
        or (_OWNERS_PORTS.match(text, hit.end) and any(e.kind == "country" for e in hit.entries))
    ):
        ports = []  # "Harbin Customs", "Klaipeda County", "Turkey's ports" (a country's)
    # a region of a country the text never names does not stand in a port's way ("Santarem"
    # is also a Portuguese district)
    regions = [
        e
        for e in hit.entries
        if e.kind == "region"
        and (
            e.data.get("country") in context.mentioned
            or e.data.get("country") in _WELL_KNOWN_REGIONS
            or not any(x.kind == "port" for x in hit.entries)
        )
    ]
    countries = [e for e in hit.entries if e.kind == "country"]
    result: list[PlaceMatch] = []
    port_adjacent = bool(
        _PORT_AFTER.match(text, hit.end)
        or (
            _HUB_BEFORE.search(before)
            and _TRANSSHIPMENT.search(_sentence_of(hit.start, sentences, text))
        )
        or (
            _VIA_BEFORE.search(before)
            and not any(e.kind == "country" for e in hit.entries)
            and _CARGO_WORDS.search(_sentence_of(hit.start, sentences, text))
        )
        or (_THROUGHPUT_AFTER.match(text, hit.end) and not _PLACE_PREPOSITION.search(before))
        or _PORT_BEFORE.search(before)
        or _LIST_PORTS_AFTER.match(text, hit.end)
        or _PORT_APPOSITIVE.match(text, hit.end)
    )
    sentence = _sentence_of(hit.start, sentences, text)
    if ports:
        entry = ports[0]
        if len(ports) > 1:
            # the same name in two countries: prefer the one of a country the text names
            for candidate in ports:
                if plain_countries.get(candidate.data.get("country") or "", 0):
                    entry = candidate
                    break
        alias_is_port = bool(
            re.search(
                r"(?i)\b(?:port|pass|gateway|harbou?r|terminal|depot|ICD|crossing|checkpoint)\b",
                hit.text,
            )
        )
        # a province-level city (Shanghai, Constanta, Valparaiso) is the port when the sentence
        # is about shipping and nothing names the province
        city_region = (
            entry.data.get("kind") == "seaport"
            and bool(regions)
            and all(_city_like(r, hit) for r in regions)
            and not (_REGION_AFTER.match(text, hit.end) or _REGION_BEFORE.search(before))
        )
        if alias_is_port or port_adjacent:
            result.append(_port(hit, entry, "port.gazetteer"))
        elif (
            not countries
            and (not regions or city_region)
            and entry.data.get("bare")
            and entry.data.get("kind") != "dry_port"  # "from Kashgar to Osh": the city
            # "the Baku-Tbilisi-Kars line" names rail towns; "the Jebel Ali-Mundra lane", ports
            and not (_in_hyphen_chain(text, hit) and entry.data.get("kind") != "seaport")
            and not _NAME_GOES_ON.match(text, hit.end)  # "San Pedro Sula": a longer name
            and not re.match(r"['’]s\s", text[hit.end : hit.end + 3])  # "Detroit's carmakers"
            and not _PROPER_NAME_BEFORE.search(before)  # "Apl Qingdao", "Seaspan Santos": ships
            and not re.match(r"-based\b", text[hit.end : hit.end + 7])  # "Hamburg-based line"
            and _PORT_CONTEXT.search(sentence)
            and not _CITIES_BEFORE.search(
                text, max(_sentence_start(hit.start, sentences), hit.start - 120), hit.start
            )
        ):
            result.append(_port(hit, entry, "port.gazetteer.context"))

        if result and not countries:
            return result
    region_adjacent = bool(
        _REGION_AFTER.match(text, hit.end) or _REGION_BEFORE.search(before) or in_region_column
    )
    if regions:
        entry = regions[0]
        if len(regions) > 1:
            entry = _pick_region(regions, text, hit, sentences, context)
        rflags = set(entry.data.get("flags", ()))
        choose_region = True
        if countries and any(entry.key.endswith("-" + c.key) for c in countries):
            choose_region = False  # Hong Kong, Macao, Taiwan: ISO gives them country codes
        elif countries and entry.data["country"] == countries[0].key and not region_adjacent:
            choose_region = False  # Panama, Mexico, Djibouti: the country, unless "province"
        elif countries:
            country = countries[0]
            # Georgia: the state when the text is about the US (or names the state), else the country
            in_context = plain_countries.get(entry.data["country"], 0) + sum(
                n
                for (country, key), n in context.region_keys.items()
                if country == entry.data["country"] and key != entry.key
            )
            choose_region = region_adjacent or (
                in_context > 0
                and plain_countries.get(country.key, 0) == 0
                and not _coordinated_with_country(text, hit, context)
            )
        elif (
            (_city_like(entry, hit) or "area_name" in rflags or _in_hyphen_chain(text, hit))
            and not region_adjacent
            and not _is_full_region_alias(hit.text)
        ):
            choose_region = False
        if choose_region:
            match = _region(text, hit, entry)
            if _region_plausible(match, context.mentioned):
                return [*result, match]
            if not countries:
                return result
    if countries:
        entry = countries[0]
        if "common_word" in flags and text[hit.start : hit.end].islower():
            return result
        if _CURRENCY_AFTER.match(text, hit.end) or _CONTINENT_BEFORE.search(before):
            return result  # "US dollars", "Swiss francs", "Latin America" name no country
        result.append(PlaceMatch(hit.start, hit.end, hit.text, "country",
                                 {"code": entry.key, "name": entry.data["name"]},
                                 "country.adjective" if entry.data.get("adjective") else "country.name"))  # fmt: skip
    return result


def _pick_region(
    regions: list[Entry],
    text: str,
    hit: GazetteerHit,
    sentences: Sequence[tuple[int, int]],
    context: _Context,
) -> Entry:
    """Punjab in India or Pakistan: the unit word written after it ("Punjab province" is
    Pakistan's, "Punjab state" India's), then a country its sentence names, then the article's
    most named country."""
    unit = _REGION_AFTER.match(text, hit.end)
    if unit:
        word = unit.group(0).strip().lower().rstrip("s")
        kinds = [r for r in regions if str(r.data.get("kind", "")).lower() == word]
        if len(kinds) == 1:
            return kinds[0]
    sentence = _sentence_of(hit.start, sentences, text).lower()
    named = [
        r for r in regions
        if any(n.lower() in sentence for n in _country_words(r.data["country"]))
    ]  # fmt: skip
    if len(named) == 1:
        return named[0]
    return max(regions, key=lambda e: context.plain_countries.get(e.data["country"], 0))


#: words naming a country in a sentence, for the few countries that share region names
_COUNTRY_WORDS = {
    "IN": ("India", "Indian", "New Delhi", "rupee"), "PK": ("Pakistan", "Karachi", "Lahore",
    "Islamabad"), "US": ("U.S.", "United States", "American"), "GE": ("Georgia",),
}  # fmt: skip


def _country_words(code: str) -> tuple[str, ...]:
    return _COUNTRY_WORDS.get(code, ())


def _in_hyphen_chain(text: str, hit: GazetteerHit) -> bool:
    """ "the Baku-Tbilisi-Kars line": a name hyphened to other names is one of a route's
    cities (units joined so are read by ``_hyphenated_regions`` where a unit word follows)."""
    before = text[max(0, hit.start - 2) : hit.start]
    return bool(
        re.search(r"[A-Za-z]-$", before) or re.match(r"-[A-Z]", text[hit.end : hit.end + 2])
    )


def _city_like(region: Entry, hit: GazetteerHit) -> bool:
    """A region named like a city (Shanghai, Hamburg), or a county or municipality of a
    country news seldom divides (Mombasa county, Koper, Divača, Constanta county): bare,
    the name is the town."""
    if "city_name" in set(region.data.get("flags", ())):
        return True
    if region.data.get("country") in _WELL_KNOWN_REGIONS:
        return False
    if region.data.get("kind") in _SMALL_UNITS:
        return True
    # a department or parish named like a port of its country (Constanta county, a Romanian
    # "department" in ISO; Kingston parish) is the port town; Izabal or Clarendon are units only
    return region.data.get("kind") in ("department", "parish") and any(
        e.kind == "port" and e.data.get("country") == region.data.get("country")
        for e in hit.entries
    )


def _coordinated_ports(
    text: str,
    hits: Sequence[GazetteerHit],
    found: list[PlaceMatch],
    context: _Context,
    sentences: Sequence[tuple[int, int]],
) -> list[PlaceMatch]:
    """ "feedered through Colombo, Singapore or Port Klang": a port name listed with a port
    is a port too. "Ningbo and Shanghai are cheaper" after "Chinese ports were competing":
    two bare port names listed together, in or after a sentence about shipping, are ports.
    A list that also holds a region or a country ("Guangdong, Shanghai and Chongqing") is a
    list of places, not of ports; a dry port named bare is its city ("trains to Almaty").
    Linear in the number of mentions: spans are indexed by their ends."""
    # a region or country that could itself be a port ("Colombo, Singapore and Jebel Ali") does
    # not make a list one of places
    could_be_port = {(h.start, h.end) for h in hits}
    places = {(m.start, m.end) for m in found if m.kind != "port"} - could_be_port
    place_index = _SpanIndex(places)
    # a port read from its sentence alone, itself listed with provinces, proves nothing
    ports = [
        (m.start, m.end)
        for m in found
        if m.kind == "port"
        and not (m.rule == "port.gazetteer.context" and _linked(text, m, place_index))
    ]
    spans = {(h.start, h.end): h for h in hits if _listable_port(text, h)}
    index = _SpanIndex([*ports, *places, *spans])
    links = {span: _linked(text, hit, index) for span, hit in spans.items()}
    open_spans = {span for span, linked in links.items() if not any(s in places for s in linked)}
    accepted = set(ports)

    def by_pair(span: tuple[int, int]) -> bool:
        return (
            _bare_port(spans[span])
            and any(s in open_spans and _bare_port(spans[s]) for s in links[span])
            and _shipping_nearby(text, span[0], sentences)
        )

    queue = [
        span
        for span in sorted(open_spans)
        if any(s in accepted for s in links[span]) or by_pair(span)
    ]
    added: list[PlaceMatch] = []
    while queue:
        span = queue.pop(0)
        if span in accepted:
            continue
        accepted.add(span)
        hit = spans[span]
        entries = [e for e in hit.entries if e.kind == "port"]
        entry = next(
            (e for e in entries if context.plain_countries.get(e.data.get("country") or "")),
            entries[0],
        )
        added.append(_port(hit, entry, "port.gazetteer.list"))
        queue.extend(s for s in links[span] if s in open_spans and s not in accepted)
    return added


class _SpanIndex:
    """Spans by where they start and where they end, for list neighbours in O(1)."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        self.by_start: dict[int, tuple[int, int]] = {}
        self.by_end: dict[int, tuple[int, int]] = {}
        for span in spans:
            self.by_start.setdefault(span[0], span)
            self.by_end.setdefault(span[1], span)


def _listable_port(text: str, hit: GazetteerHit) -> bool:
    """A port name a list can make a port: not a dry port's city, not a long-tail homonym of a
    country ("Turkey", a town in Texas), not a province that is no city ("In Victoria, ...")."""
    if not text[hit.start].isupper():
        return False
    ports = [e for e in hit.entries if e.kind == "port" and e.data.get("kind") != "dry_port"]
    others = [e for e in hit.entries if e.kind != "port"]
    if others and not any(e.data.get("bare") for e in ports):
        return False
    if any(e.kind == "region" and "city_name" not in set(e.data.get("flags", ())) for e in others):
        return False
    return bool(ports)


def _linked(text: str, hit: GazetteerHit | PlaceMatch, index: _SpanIndex) -> list[tuple[int, int]]:
    """The spans joined to ``hit`` by a comma, "and" or "or"."""
    linked = []
    after = _COORDINATION.match(text, hit.end)
    if after and after.end() in index.by_start:
        linked.append(index.by_start[after.end()])
    before = _COORDINATION_BEFORE.search(text, max(0, hit.start - 20), hit.start)
    if before and before.start() in index.by_end:
        linked.append(index.by_end[before.start()])
    return linked


def _shipping_nearby(text: str, pos: int, sentences: Sequence[tuple[int, int]]) -> bool:
    """Port words in the sentence of ``pos`` or in the one before it."""
    i = _sentence_index(pos, sentences)
    if i < 0:
        return bool(_PORT_CONTEXT.search(_sentence_of(pos, sentences, text)))
    first = sentences[i - 1][0] if i else sentences[i][0]
    return bool(_PORT_CONTEXT.search(text, first, sentences[i][1]))


_UNITS_AFTER = re.compile(r"\s+(?:[Rr]egion|[Aa]rea|[Cc]luster|[Pp]rovinces|[Bb]elt)\b")


def _hyphenated_regions(
    text: str, hits: Sequence[GazetteerHit], found: list[PlaceMatch]
) -> list[PlaceMatch]:
    """ "the Beijing-Tianjin-Hebei region": units joined by hyphens to a unit are units, even
    the province-level cities that alone would be cities."""
    regions = {m.start: m for m in found if m.kind == "region"}
    taken = {m.start for m in found}
    chain: list[GazetteerHit] = []
    added: list[PlaceMatch] = []

    def close() -> None:
        anchors = [regions[h.start] for h in chain if h.start in regions]
        # "the Beijing-Tianjin-Hebei region" is a region of units; "the Chongqing-Xinjiang-
        # Europe route" is named after cities
        if anchors and len(chain) > 1 and _UNITS_AFTER.match(text, chain[-1].end):
            country = anchors[0].data.get("country")
            for h in chain:
                if h.start in taken:
                    continue
                entry = next(
                    (e for e in h.entries if e.kind == "region" and e.data["country"] == country),
                    None,
                )
                if entry is not None:
                    added.append(_region(text, h, entry))
        chain.clear()

    for hit in hits:
        if not any(e.kind == "region" for e in hit.entries):
            continue
        if chain and not (hit.start == chain[-1].end + 1 and text[chain[-1].end] in "-–"):
            close()
        chain.append(hit)
    close()
    return added


def _coordinated_regions(
    text: str, hits: Sequence[GazetteerHit], found: list[PlaceMatch]
) -> list[PlaceMatch]:
    """ "Ontario and Quebec manufacturers", "Gaziantep and Kahramanmaras provinces": a name
    listed with a region of its country is a region too, even a province-level city that alone
    would be a city, unless it was read as something else."""
    regions = {m.start: m for m in found if m.kind == "region"}
    taken = {m.start for m in found}
    added: list[PlaceMatch] = []
    chain: list[GazetteerHit] = []

    def close() -> None:
        anchors = [regions[h.start] for h in chain if h.start in regions]
        if anchors and len(chain) > 1:
            countries = {a.data.get("country") for a in anchors}
            for h in chain:
                if h.start in taken:
                    continue
                entry = next(
                    (e for e in h.entries if e.kind == "region" and e.data["country"] in countries),
                    None,
                )
                if entry is not None:
                    added.append(_region(text, h, entry))
        chain.clear()

    for hit in hits:
        if not any(e.kind == "region" for e in hit.entries):
            close()
            continue
        link = _COORDINATION.match(text, chain[-1].end) if chain else None
        if chain and not (link and link.end() == hit.start):
            close()
        chain.append(hit)
    close()
    return added


def _bare_port(hit: GazetteerHit) -> bool:
    return any(e.kind == "port" and e.data.get("bare") for e in hit.entries) and not any(
        e.kind == "country" for e in hit.entries
    )


_ROUND_AFTER = re.compile(r"\s+[Rr]ound\b(?![ \t-]+(?:trip|the\b))")
#: A capitalised word just before a name, inside the sentence, that is not a function word:
#: the name is part of a longer proper name (a ship, a firm, a person)
_PROPER_NAME_BEFORE = re.compile(
    r"(?<![.!?:;\n])(?<!^)[ \t](?!(?:The|A|An|In|At|From|To|Via|And|Or|Of|For|By|With|On|Both|"
    r"Port|Ports|Greater|Northern|Southern|Eastern|Western|Central|Upper|Lower|Inner|Outer|"
    r"Old|New|Through|Between|Including|Like|As|Near|Into|Onto|Unlike|While)\b)"
    r"[A-Z][a-z]+[ \t]+$"
)
_LOCATOR = re.compile(r"\s+(?:in|near|outside)\s+$")
_DIRECTION_OF = re.compile(
    r"\b(?:(?:north|south|east|west)(?:-?(?:east|west))?|outskirts)\s+of\s+$"
)
_PEOPLE_IN = re.compile(
    r"\b(?:officials|authorities|executives|lawmakers|traders|residents|sources|analysts|couriers|"
    r"(?:press|news)\s+conference|warehouse|office|offices|headquarters|meeting|talks|summit|"
    r"firms|companies|exporters|importers|manufacturers|carmakers|farmers|workers|staff|banks)"
    r"\s+in\s+$"
)


def _locators(
    text: str, found: list[PlaceMatch], hits: dict[int, GazetteerHit]
) -> list[PlaceMatch]:
    """ "Khor Fakkan in Sharjah", "Nhava Sheva near Mumbai", "officials in Bremen said": a name
    that locates a port or people is a place, not a port: the port's region where it is one,
    else nothing. Only ports read from their sentence or a list are reconsidered."""
    port_ends = {m.end: m for m in found if m.kind == "port"}
    taken = {(m.start, m.kind) for m in found}
    kept: list[PlaceMatch] = []
    for m in found:
        if m.kind == "port" and m.rule in ("port.gazetteer.context", "port.gazetteer.list"):
            window = text[max(0, m.start - 40) : m.start]
            locator = _LOCATOR.search(window)
            owner = port_ends.get(m.start - len(locator.group(0))) if locator else None
            if owner is not None or _PEOPLE_IN.search(window) or _DIRECTION_OF.search(window):
                if owner is None:
                    continue  # "west of Istanbul", "officials in Bremen": the city, nothing more
                hit = hits.get(m.start)
                country = owner.data.get("country") if owner is not None else None
                region = next(
                    (e for e in (hit.entries if hit else ()) if e.kind == "region"
                     and (country is None or e.data.get("country") == country)),
                    None,
                )  # fmt: skip
                # "Khor Fakkan in Sharjah": a port city in its emirate; "MIT in Colon": a
                # terminal in its city, which says nothing of the province
                city_port = owner is not None and owner.text == owner.data.get("name")
                if (
                    city_port
                    and hit is not None
                    and region is not None
                    and (m.start, "region") not in taken
                ):
                    kept.append(_region(text, hit, region))
                continue
        kept.append(m)
    return kept


def _drop_possessors(text: str, found: list[PlaceMatch]) -> list[PlaceMatch]:
    """ "Haikou's Xinhai port": the city owning a named port is not itself the port."""
    starts = {m.start for m in found if m.kind == "port"}
    keep: list[PlaceMatch] = []
    for m in found:
        owner = re.match(r"['’]s\s+", text[m.end : m.end + 4])
        if m.rule == "port.gazetteer.context" and owner and m.end + owner.end() in starts:
            continue
        keep.append(m)
    return keep


def _is_full_region_alias(surface: str) -> bool:
    return bool(
        re.search(
            r"(?i)\b(?:province|region|municipality|state|oblast|krai|prefecture|governorate|"
            r"emirate|division|county|territory|voivodeship|metropolitan city)\b",
            surface,
        )
    )


def _port(hit: GazetteerHit, entry: Entry, rule: str) -> PlaceMatch:
    return PlaceMatch(hit.start, hit.end, hit.text, "port", dict(entry.data), rule)


def _region(text: str, hit: GazetteerHit, entry: Entry) -> PlaceMatch:
    end = hit.end
    after = _REGION_AFTER.match(text, end)
    if after and not _is_full_region_alias(hit.text):
        end = after.end()
    return PlaceMatch(
        hit.start, end, text[hit.start : end], "region", dict(entry.data), "region.gazetteer"
    )
