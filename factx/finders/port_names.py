"""Ports outside the gazetteer, named by the words around them: "Port of X", "X dry port",
"the ports of A, B and C", "X freight centre", "X crossing", cargo airports. They are reported
with no UN/LOCODE (an airport takes its city's where the gazetteer knows the city)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from factx.finders._place_text import (
    _KIND_ORDER,
    _NOT_PORT_NAME,
    _STOP_NAMES,
    PlaceMatch,
    _line_of,
    _sentence_of,
    _title_case,
)
from factx.gazetteer import Gazetteer

__all__ = ["cargo_airports", "listed_ports", "unknown_ports"]

#: "the ports of Kwinana, Geraldton, Albany and Esperance": each name of the list is a port
_PORTS_OF_LIST = re.compile(
    r"\b[Pp]orts\s+of\s+(?P<list>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?"
    r"(?:(?:\s*,\s*|\s*,?\s+and\s+|\s*,?\s+or\s+)[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)+)"
)

_UNKNOWN_PORT = re.compile(
    r"\b(?:[Pp]ort|[Hh]arbou?r)[ \t]+(?:of|at)[ \t]+(?P<a>[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+){0,2})"
    r"|(?<![\w-])(?P<b>[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+){0,2})[ \t]+(?P<kind>(?:[Ii]nternational\s+|[Dd]ry\s+|[Ll]and\s+|[Rr]ail(?:way)?\s+|[Ii]nland\s+|[Rr]iver\s+)?(?:[Ss]ea)?[Pp]ort"
    # "Thriasio freight centre", "Song Than ICD", "the Kulma pass"
    r"|[Ff]reight[ \t]+(?:[Cc]ent(?:re|er)|[Tt]erminal|[Vv]illage)|ICD|(?:[Ii]nland[ \t]+)?[Cc]ontainer[ \t]+[Dd]epot|[Pp]ass"
    r"|(?:[Bb]order[ \t]+)?[Cc]rossing|[Bb]order[ \t]+[Pp]osts?|[Cc]heckpoint|[Hh]arbou?r|Freeport"
    # "Sohar Marine Terminal", "Kozmino Oil Terminal", "Birgunj Customs Point"
    # (a container terminal is a terminal of a port named elsewhere)
    r"|(?:Marine|Maritime|Oil|Crude|LNG)[ \t]+Terminal"
    r"|[Cc]ustoms[ \t]+(?:[Pp]oint|[Pp]ost|[Ss]tation)"
    r"|Bridge)\b(?![ \t]+of\b)"
)
#: Waters and continents: "a Black Sea port", "Caspian and Georgian ports" name no port
_WATERS = frozenset({
    "Sea", "Ocean", "River", "Gulf", "Canal", "Bay", "Lake", "Strait", "Pacific", "Atlantic",
    "Indian", "Arctic", "Baltic", "Mediterranean", "Caribbean", "Adriatic", "Aegean", "Caspian",
    "Coast", "African", "Asian", "European", "American", "Arabian",
})  # fmt: skip
_BORDER_WORDS = re.compile(r"(?i)\b(?:border|crossings?|customs|trucks?|lorries|freight)\b")


def unknown_ports(text: str, known: list[PlaceMatch], gazetteer: Gazetteer) -> list[PlaceMatch]:
    """ "Port of X", "X Port", "X dry port" for ports outside the gazetteer (no UN/LOCODE)."""
    found: list[PlaceMatch] = []
    for m in _UNKNOWN_PORT.finditer(text):
        group = "a" if m.group("a") else "b"
        words = list(re.finditer(r"\S+", m.group(group)))
        while words and words[0].group(0) in _NOT_PORT_NAME:
            words = words[1:]
        if not words:
            continue
        if (m.group("kind") or "") == "Bridge" and not _BORDER_WORDS.search(
            _line_of(text, m.start())
        ):
            continue  # a bridge is a border crossing only where the text is about the border
        owner = next((i for i, w in enumerate(words) if re.search(r"['’]s$", w.group(0))), None)
        if owner is not None and group == "a":
            # "the Port of Oakland's March volume": the name ends at its possessive
            words = words[: owner + 1]
        elif owner is not None and owner + 1 < len(words):
            words = words[owner + 1 :]  # "Wuhan's Yangluo port": the port is Yangluo
        kind_first = ("International", "Inland", "Dry", "Land", "Rail", "Railway", "River")
        while group == "b" and len(words) > 1 and words[-1].group(0) in kind_first:
            words = words[:-1]  # "Boankra Inland Port": "Inland" belongs to the kind
        name = m.group(group)[words[0].start() : words[-1].end()]
        possessive = group == "a" and re.search(r"['’]s$", name)
        if possessive:
            name = name[:-2]
        if (m.group("kind") or "") == "Bridge":
            name = f"{name} Bridge"  # a bridge's name holds the word
        kind_word = m.group("kind") or "port"
        waters = _WATERS
        if kind_word.islower() and words[-1].group(0) in waters:
            continue  # "a Black Sea port" is a water's port; "Beibu Gulf Port" is a name
        if (
            kind_word.islower()
            and group == "b"
            and re.search(r",\s+(?:the|a|an)\s+$", text[max(0, m.start() - 8) : m.start()])
        ):
            continue  # "Astrakhan, the Volga river port": a description of the name before
        if re.search(
            r"-(?:based|owned|operated|run|controlled|managed|built|funded)\b|['’]s$|\bFree\s+Trade$"
            r"|\b(?:Company|Co|Corporation|Authority|Group|Holdings|Limited|Ltd|Trust|Board|Operations|"
            r"Logistics|Services|Management)$",
            name,
        ) or re.match(r"\s+[A-Z]", text[m.end() : m.end() + 2]):
            continue  # "Dubai-based port", "China Merchants Port Holdings" (a company)
        line_start = text.rfind("\n", 0, m.start()) + 1
        line_end = text.find("\n", m.end())
        line = text[line_start : line_end if line_end >= 0 else len(text)]
        if _title_case(line):
            continue  # a headline: every word is capitalised, so capitals say nothing
        start = m.start(group) + words[0].start()
        end = start + len(name) if possessive else m.end(group)
        longer = re.search(r"\b([A-Z][\w'’-]+)[ \t]+$", text[max(0, start - 30) : start])
        if group == "b" and longer and longer.group(1) not in _NOT_PORT_NAME:
            continue  # "Makhachkala International Sea Trade Port": a longer name than we read
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
            "border_crossing"
            if kind_text == "pass"
            or re.search(r"crossing|checkpoint|border|bridge|customs", kind_text)
            else "rail_port"
            if "freight" in kind_text
            else "dry_port"
            if "dry" in kind_text
            or "inland" in kind_text
            or "icd" in kind_text
            or "depot" in kind_text
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


#: "Hamad, Ruwais, and Doha ports", "the Westports and Northport terminals": a list of names
#: before a plural "ports" or "terminals"
_LIST_THEN_PORTS = re.compile(
    r"(?<![\w'’-])(?P<list>[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*)?"
    r"(?:[ \t]*,[ \t]*[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*)?)*[ \t]*,?[ \t]+(?:and|&)[ \t]+"
    r"[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*)?)[ \t]+(?:sea)?(?:ports|terminals)\b"
)


def _adjective_of_place(name: str, gazetteer: Gazetteer) -> bool:
    """ "Georgian", "Caspian", "Baltic": a nation's or a water's adjective names no port."""
    if gazetteer.lookup(name):
        return True
    return name in (
        "Caspian",
        "Baltic",
        "Adriatic",
        "Aegean",
        "Arctic",
        "Atlantic",
        "Pacific",
        "Mediterranean",
        "Caribbean",
        "Arabian",
        "Red",
        "Black",
        "Northern",
        "Southern",
        "Eastern",
        "Western",
        "Chinese",
        "European",
        "Asian",
        "African",
    )


def listed_ports(text: str, known: list[PlaceMatch], gazetteer: Gazetteer) -> list[PlaceMatch]:
    """Names outside the gazetteer in a list introduced by "the ports of" or followed by
    "ports"/"terminals" (no UN/LOCODE).

    The known names of the list are decided by the gazetteer; an unknown capitalised name
    beside them is a port too, unless it overlaps anything already found.
    """
    found: list[PlaceMatch] = []
    lists = [*_PORTS_OF_LIST.finditer(text), *_LIST_THEN_PORTS.finditer(text)]
    for m in lists:
        # "the Manga and Contecar terminals": terminals listed with a known one are the
        # terminals of its port
        inside = [k for k in known if k.kind == "port" and m.start("list") <= k.start < m.end()]
        parent = inside[0] if m.group(0).endswith("terminals") and inside else None
        for item in re.finditer(r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?", m.group("list")):
            start, end = m.start("list") + item.start(), m.start("list") + item.end()
            name = item.group(0)
            if any(k.start < end and start < k.end for k in known) or gazetteer.lookup(name):
                continue
            if name.split()[0] in _STOP_NAMES or name.split()[-1] in _STOP_NAMES:
                continue
            if _adjective_of_place(name, gazetteer):
                continue  # "Caspian and Georgian ports": waters and nations, not names
            data: dict[str, Any] = {"name": name, "aliases": [], "locode": None,
                                    "country": None, "subdivision": None, "kind": "port",
                                    "lat": None, "lon": None}  # fmt: skip
            if parent is not None:
                data = dict(parent.data)
            found.append(PlaceMatch(start, end, name, "port", data, "port.list"))
    return found


_AIRPORT = re.compile(
    r"(?<![\w-])(?P<name>[A-Z][\w'’/-]+(?:[ \t]+[A-Z][\w'’/-]+){0,3}?)"
    r"(?:[ \t]+[Ii]nternational)?[ \t]+(?:[Aa]irport|Air[ \t]+Cargo[ \t]+Hub)\b(?!s)"
)
_AIR_CARGO = re.compile(
    r"\b(?:cargo|freight|freighters?|air\s+mail|express\s+parcels?|tonnes|tons)\b", re.IGNORECASE
)


def cargo_airports(
    text: str, found: list[PlaceMatch], gazetteer: Gazetteer, sentences: Sequence[tuple[int, int]]
) -> list[PlaceMatch]:
    """ "Leipzig/Halle Airport handled 1.4 million tonnes of cargo": an airport is a gateway
    of trade when its sentence is about cargo; elsewhere it is travel news. It takes the
    UN/LOCODE of its city where the gazetteer knows the city as a port (UN/LOCODE codes a
    place, whatever its functions)."""
    if "irport" not in text and "Cargo Hub" not in text:
        return found
    for m in _AIRPORT.finditer(text):
        words = m.group("name").split()
        while words and words[0] in _NOT_PORT_NAME:
            words = words[1:]
        if not words or not _AIR_CARGO.search(_sentence_of(m.start(), sentences, text)):
            continue
        name = " ".join(words)
        start = m.end("name") - len(name)
        city = next(
            (e for e in gazetteer.lookup(words[0]) + gazetteer.lookup(name) if e.kind == "port"),
            None,
        )
        data: dict[str, Any] = {"name": name, "aliases": [], "locode": None, "country": None,
                                "subdivision": None, "lat": None, "lon": None}  # fmt: skip
        if city is not None:
            data.update({k: city.data.get(k) for k in ("locode", "country", "subdivision")})
        data["kind"] = "airport"
        # a port read inside the airport's name is the airport; its country stays named
        found = [k for k in found if not (k.kind == "port" and k.start < m.end() and start < k.end)]
        found.append(
            PlaceMatch(start, m.end(), text[start : m.end()], "port", data, "port.airport")
        )
    found.sort(key=lambda k: (k.start, _KIND_ORDER[k.kind]))
    return found
