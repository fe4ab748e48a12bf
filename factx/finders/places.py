"""Ports, regions and countries: gazetteer hits, disambiguated by the words around them.

A name can be a port, a city, a province and a country at once ("Singapore", "Hamburg",
"Georgia"), or a person ("Jordan"). The rules here decide from the text around the mention,
never from a model: a port needs a port word nearby, a province-level city needs its unit
named, a place name followed by another capitalised name is a person's.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from factx.gazetteer import Entry, Gazetteer, GazetteerHit

__all__ = ["PlaceMatch", "country_context", "find_places"]


@dataclass(slots=True)
class PlaceMatch:
    start: int
    end: int
    text: str
    kind: str  # port, region, country
    data: dict[str, Any]
    rule: str
    extra_codes: list[str] = field(default_factory=list)


_PORT_AFTER = re.compile(
    r"\s*(?:['’]s\s+)?(?:(?:[Ii]nternational|[Dd]ry|[Ll]and|[Rr]ail(?:way)?|[Ii]nland|[Rr]iver|"
    r"[Ff]ree|[Dd]eep-?[Ww]ater|[Cc]ontainer)\s+)?(?:[Pp]ort|[Pp]orts|[Hh]arbou?r|[Tt]erminal|"
    r"[Ss]eaport|[Bb]order\s+[Cc]rossing|[Cc]heckpoint|[Gg]ateway|[Rr]ailway\s+[Ss]tation|"
    r"[Pp]ass)\b(?!\s+(?:Services|Holdings|Company|Co\b|Group|Corporation|Limited|Ltd|"
    r"Operators?|Management|Authority|Investments?)\b)"
)
_PORT_BEFORE = re.compile(
    r"(?:[Pp]orts?|[Hh]arbou?rs?|[Tt]erminals?)\s+(?:of|at)\s+(?:[A-Z][\w'-]*,?\s+(?:and\s+)?)*$"
)
_PORT_CONTEXT = re.compile(
    r"\b(?:port|ports|terminal|harbou?r|berth|vessels?|ships?|shipping|containers?|cargo|"
    r"freight|trains?|rail|railway|TEUs?|crossing|checkpoint|customs|logistics|transit|"
    r"throughput|dry port|gateway|hub|shipments?|exports?|imports?|volumes?|handled|handles|"
    r"calls?|calling|berths?|cranes?|services|border|wagons?|trucks?|corridor|route|routes|"
    r"trans-?shipment|boxes|tonnes|tons|barrels|coal|grain|oil|docks?|quay|anchorage|"
    r"congestion|carriers?|liners?|feeder|loaded|unloaded|discharged|service|lines?|links?|"
    r"linking|linked|FEUs?|box|charges?|fees?|tariffs?|calls?|rates?|sailings?)\b",
    re.IGNORECASE,
)
#: "Constanta, Romania's main Black Sea port,": an appositive that calls the name a port
_PORT_APPOSITIVE = re.compile(
    r",\s+(?:the|a|an|its|[A-Z][\w.]*['’]s)\s+(?:[\w-]+\s+){0,4}?(?:sea|river|deep-?water\s+)?"
    r"port\b(?!\s+(?:of|city|authority|operator)\b)",
    re.IGNORECASE,
)
#: "the ports of Kwinana, Geraldton, Albany and Esperance": each name of the list is a port
_PORTS_OF_LIST = re.compile(
    r"\b[Pp]orts\s+of\s+(?P<list>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?"
    r"(?:(?:\s*,\s*|\s*,?\s+and\s+|\s*,?\s+or\s+)[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)+)"
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
    r"\s+(?:[Pp]rovince|[Aa]utonomous\s+[Rr]egion|[Rr]egion|[Ss]tate|[Oo]blast|[Kk]rai|"
    r"[Mm]unicipality|[Tt]erritory|[Rr]epublic|[Pp]refecture|[Gg]overnorate|[Ee]mirate|"
    r"[Dd]ivision|[Cc]ounty|[Mm]etropolitan\s+[Cc]ity|[Ss]pecial\s+[Mm]unicipality|[Vv]oivodeship)\b"
)
_REGION_BEFORE = re.compile(
    r"(?:[Pp]rovince|[Ss]tate|[Mm]unicipality|[Rr]egion|[Oo]blast|[Ee]mirate|[Gg]overnorate|"
    r"[Ss]pecial\s+[Mm]unicipality)\s+of\s+$|[Pp]rovinces?\s+(?:of|like|such\s+as)\s+$"
)
_HONORIFIC_BEFORE = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Miss|Dr|Prof|Sir|Madam|Mme|Lady|Lord|St|Saint|King|Queen|Prince|"
    r"Princess)\.?\s+)$"
)
_NAME_AFTER = re.compile(r"\s+(?:[A-Z][a-z]+)(?:\s|,|\.|$)")
_STOP_NAMES = {
    "Port", "Province", "Region", "State", "Oblast", "Customs", "Railway", "Railways", "Pass",
    "Municipality", "Autonomous", "City", "Sea", "Ocean", "River", "Gulf", "Bay", "Canal",
    "Dry", "International", "Land", "Free", "Economic", "Special", "Terminal", "Harbour",
    "Harbor", "Border", "Airport", "Uygur", "Uyghur", "Zhuang", "Hui", "And",
}  # fmt: skip
_KIND_ORDER = {"port": 0, "region": 1, "country": 2}
_NOT_PORT_AFTER = re.compile(r"\s+(?:Customs|Zone)\b")
_WATER_BEFORE = re.compile(r"\b(?:Gulf|Bay|Strait|Straits|Sea|Bight)\s+of\s+$")


def _sentence_of(pos: int, sentences: Sequence[tuple[int, int]], text: str) -> str:
    for start, end in sentences:
        if start <= pos < end:
            return text[start:end]
    return text[max(0, pos - 200) : pos + 200]


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


_DATELINE = re.compile(r"\s*(?:,|/|\s+\(|\s+[-–—])")

#: Countries whose first-level units news names without naming the country ("Jiangsu",
#: "California", "Gujarat"); elsewhere a region counts only in a text that names its country,
#: which keeps "East", "Central" and "Gulf" (regions of Cameroon, Botswana, Papua New Guinea)
#: from matching in stories about other places.
_WELL_KNOWN_REGIONS = frozenset({"CN", "US", "IN", "RU", "CA", "AU", "BR", "DE", "PK", "KZ", "UZ"})


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
        if e.kind == "country" and len({x.kind for x in h.entries}) == 1
    )
    region_countries = Counter(
        e.data["country"] for h in hits for e in h.entries if e.kind == "region"
    )
    mentioned = set(plain_countries) | {
        e.data.get("country")
        for h in hits
        for e in h.entries
        if e.kind == "port" and len(h.entries) == 1
    }
    found: list[PlaceMatch] = []
    for hit in hits:
        if _is_dateline(text, hit):
            continue
        for match in _decide(text, hit, sentences, plain_countries, region_countries):
            if match.kind == "region" and not _region_plausible(match, mentioned):
                continue
            found.append(match)
    found.extend(_unknown_ports(text, found, gazetteer))
    found.extend(_listed_ports(text, found, gazetteer))
    found.sort(key=lambda m: (m.start, _KIND_ORDER[m.kind]))
    return found


def _decide(
    text: str,
    hit: GazetteerHit,
    sentences: Sequence[tuple[int, int]],
    plain_countries: Counter[str],
    region_countries: Counter[str],
) -> list[PlaceMatch]:
    before = text[max(0, hit.start - 40) : hit.start]
    flags: set[str] = set()
    for e in hit.entries:
        flags |= set(e.data.get("flags", ()))
    # A person: "Jordan Smith", "Mr Chad", "Georgia Brown said"
    if _HONORIFIC_BEFORE.search(before):
        return []
    if (
        _followed_by_name(text, hit.end)
        and not any(e.kind == "port" for e in hit.entries)
        and flags & {"person_name", "country_name", "shared_name"}
    ):
        return []
    ports = [e for e in hit.entries if e.kind == "port"]
    if _NOT_PORT_AFTER.match(text, hit.end) or _WATER_BEFORE.search(before):
        ports = []  # "Harbin Customs", "Mumbai Zone-II", "the Gulf of Aden"
    regions = [e for e in hit.entries if e.kind == "region"]
    countries = [e for e in hit.entries if e.kind == "country"]
    result: list[PlaceMatch] = []
    port_adjacent = bool(
        _PORT_AFTER.match(text, hit.end)
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
            re.search(r"(?i)\b(?:port|pass|gateway|harbou?r|terminal)\b", hit.text)
        )
        # a province-level city (Shanghai, Constanta, Valparaiso) is the port when the sentence
        # is about shipping and nothing names the province
        city_region = (
            entry.data.get("kind") == "seaport"
            and bool(regions)
            and all("city_name" in set(r.data.get("flags", ())) for r in regions)
            and not (_REGION_AFTER.match(text, hit.end) or _REGION_BEFORE.search(before))
        )
        if alias_is_port or port_adjacent:
            result.append(_port(hit, entry, "port.gazetteer"))
        elif (
            not countries
            and (not regions or city_region)
            and entry.data.get("bare")
            and _PORT_CONTEXT.search(sentence)
        ):
            result.append(_port(hit, entry, "port.gazetteer.context"))

        if result and not countries:
            return result
    region_adjacent = bool(_REGION_AFTER.match(text, hit.end) or _REGION_BEFORE.search(before))
    if regions:
        entry = regions[0]
        if len(regions) > 1:
            entry = max(regions, key=lambda e: plain_countries.get(e.data["country"], 0))
        rflags = set(entry.data.get("flags", ()))
        choose_region = True
        if countries and any(entry.key.endswith("-" + c.key) for c in countries):
            choose_region = False  # Hong Kong, Macao, Taiwan: ISO gives them country codes
        elif countries:
            country = countries[0]
            # Georgia: the state when the text is about the US (or names the state), else the country
            in_context = (
                plain_countries.get(entry.data["country"], 0)
                + region_countries.get(entry.data["country"], 0)
                - 1
            )
            choose_region = region_adjacent or (
                in_context > 0 and plain_countries.get(country.key, 0) == 0
            )
        elif "city_name" in rflags and not region_adjacent and not _is_full_region_alias(hit.text):
            choose_region = False
        if choose_region:
            match = _region(text, hit, entry)
            return [*result, match]
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


_UNKNOWN_PORT = re.compile(
    r"\b(?:[Pp]ort|[Hh]arbou?r)[ \t]+of[ \t]+(?P<a>[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+){0,2})"
    r"|(?<![\w-])(?P<b>[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+){0,2})[ \t]+(?P<kind>(?:[Ii]nternational\s+|[Dd]ry\s+|[Ll]and\s+|[Rr]ail(?:way)?\s+|[Ii]nland\s+|[Rr]iver\s+)?(?:[Ss]ea)?[Pp]ort)\b(?![ \t]+of\b)"
)
_NOT_PORT_NAME = {
    "The", "This", "That", "A", "An", "Its", "Their", "Our", "China", "Chinese", "Free",
    "Sea", "Dry", "Land", "Rail", "Inland", "River", "Main", "New", "Major", "Largest",
    "Import", "Export", "Busiest", "Deep", "Container", "Cargo", "Transit", "Key", "Home",
    "Both", "Each", "Every", "Which", "One", "Two", "Air", "Airport", "Logistics", "Big",
    "World's", "World’s", "Biggest", "Develops", "Merchants",
}  # fmt: skip


def _title_case(line: str) -> bool:
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", line) if len(w) > 3]
    return len(words) >= 4 and sum(w[0].isupper() for w in words) / len(words) > 0.8


def _unknown_ports(text: str, known: list[PlaceMatch], gazetteer: Gazetteer) -> list[PlaceMatch]:
    """ "Port of X", "X Port", "X dry port" for ports outside the gazetteer (no UN/LOCODE)."""
    found: list[PlaceMatch] = []
    for m in _UNKNOWN_PORT.finditer(text):
        group = "a" if m.group("a") else "b"
        words = list(re.finditer(r"\S+", m.group(group)))
        while words and words[0].group(0) in _NOT_PORT_NAME:
            words = words[1:]
        if not words:
            continue
        name = m.group(group)[words[0].start() :]
        kind_word = m.group("kind") or "port"
        waters = ("Sea", "Ocean", "River", "Gulf", "Canal", "Bay", "Lake", "Strait")
        if kind_word.islower() and words[-1].group(0) in waters:
            continue  # "a Black Sea port" is a water's port; "Beibu Gulf Port" is a name
        if (
            kind_word.islower()
            and group == "b"
            and re.search(r",\s+(?:the|a|an)\s+$", text[max(0, m.start() - 8) : m.start()])
        ):
            continue  # "Astrakhan, the Volga river port": a description of the name before
        if re.search(
            r"-(?:based|owned|operated|run|controlled|managed|built|funded)\b|['’]s$|\bFree\s+Trade$",
            name,
        ) or re.match(r"\s+[A-Z]", text[m.end() : m.end() + 2]):
            continue  # "Dubai-based port", "China Merchants Port Holdings" (a company)
        line_start = text.rfind("\n", 0, m.start()) + 1
        line_end = text.find("\n", m.end())
        line = text[line_start : line_end if line_end >= 0 else len(text)]
        if _title_case(line):
            continue  # a headline: every word is capitalised, so capitals say nothing
        start = m.start(group) + words[0].start()
        end = m.end(group)
        overlapping = [k for k in known if k.start < end and start < k.end]
        if any(k.kind == "port" or not (start <= k.start and k.end <= end) for k in overlapping):
            continue
        entries = gazetteer.lookup(name)
        if entries and (group == "b" or any(e.kind != "region" for e in entries)):
            continue  # a country or known port, decided elsewhere
        # "the port of Tadjourah": a region's name after "port of" names the region's port
        for k in [k for k in overlapping if k.kind == "region"]:
            known.remove(k)
        overlapping = [k for k in overlapping if k.kind != "region"]
        for k in overlapping:  # "Guangxi" inside "Guangxi Beibu Gulf Port" is part of a name
            known.remove(k)
        kind_text = (m.group("kind") or "").lower()
        kind = (
            "dry_port"
            if "dry" in kind_text or "inland" in kind_text
            else (
                "rail_port"
                if "rail" in kind_text
                else "river_port"
                if "river" in kind_text
                else "port"
            )
        )
        span_start, span_end = (m.start(), end) if group == "a" else (start, m.end())
        found.append(PlaceMatch(span_start, span_end, text[span_start:span_end], "port",
                                {"name": name, "aliases": [], "locode": None, "country": None,
                                 "subdivision": None, "kind": kind, "lat": None, "lon": None},
                                "port.pattern"))  # fmt: skip
    return found


def _listed_ports(text: str, known: list[PlaceMatch], gazetteer: Gazetteer) -> list[PlaceMatch]:
    """Names outside the gazetteer in a list introduced by "the ports of" (no UN/LOCODE).

    The known names of the list are decided by the gazetteer; an unknown capitalised name
    beside them is a port too, unless it overlaps anything already found.
    """
    found: list[PlaceMatch] = []
    for m in _PORTS_OF_LIST.finditer(text):
        for item in re.finditer(r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?", m.group("list")):
            start, end = m.start("list") + item.start(), m.start("list") + item.end()
            name = item.group(0)
            if any(k.start < end and start < k.end for k in known) or gazetteer.lookup(name):
                continue
            if name.split()[0] in _STOP_NAMES or name.split()[-1] in _STOP_NAMES:
                continue
            found.append(PlaceMatch(start, end, name, "port",
                                    {"name": name, "aliases": [], "locode": None,
                                     "country": None, "subdivision": None, "kind": "port",
                                     "lat": None, "lon": None},
                                    "port.list"))  # fmt: skip
    return found
