"""Organisations and officials: who said what, in which role, for whom.

Rule-based and deterministic. An organisation is a known name (the packaged lexicon), a name
built the way organisations are named ("Ministry of X", "X Customs", "X Co., Ltd."), or an
acronym the text defines ("the Ministry of Commerce (MOFCOM)"). An official is a name next to
a title from the packaged lexicon, in one of the patterns news uses: "NAME, TITLE of ORG",
"TITLE NAME", "said NAME, TITLE at ORG". A name without a role is not an official.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from factx._regex import trie_pattern
from factx.gazetteer import Gazetteer, normalise_name

__all__ = [
    "OfficialMatch",
    "OrgMatch",
    "find_officials",
    "find_organizations",
    "role_organizations",
]


@dataclass(slots=True)
class OrgMatch:
    start: int
    end: int
    text: str
    name: str
    acronym: str | None
    kind: str
    country: str | None
    rule: str
    mentions: list[tuple[int, int]] = field(default_factory=list)


@dataclass(slots=True)
class OfficialMatch:
    start: int
    end: int
    text: str
    name: str
    honorific: str | None
    title: str
    organization: str | None
    rule: str
    mentions: list[tuple[int, int]] = field(default_factory=list)


_CAP = r"(?:(?:[A-Z]\.){2,}(?:-[A-Z][\w'’&-]*)?|[A-Z][\w'’&-]*(?:\.(?=[ ,]*(?:[A-Z]\.|Ltd|Co|Inc|Corp|Group|\()|[\w-]))?|\d+)"
#: Between the words of a name: spaces, or one line break where wire copy wraps its lines
_SP = r"(?:[ \t]+|[ \t]*\n(?![ \t]*\n)[ \t]*)"
_CONNECT = rf"(?:{_SP}(?:of|and|for|&|the|de|du|der|do|da|on|in)\b)*"
_ORG_HEAD = (
    r"(?:Ministry|Department|General\s+Administration|State\s+Administration|Administration|"
    r"Office|Chamber|Embassy|Consulate(?:\s+General)?|Federation|Association|Council|"
    r"Commission|Agency|Bureau|Institute|University|Bank|Board|Authority|Committee|Union|"
    r"Organi[sz]ation|Confederation|Directorate|Secretariat|Court|Parliament|Senate|Cabinet)"
)
_ORG_TAIL = (
    r"(?:Customs(?:\s+Service|\s+Administration|\s+District|\s+Department)?|Ministry|"
    r"(?:\(Group\)[ \t]+)?Co\.(?:,?[ \t]*Ltd\.?)?|Co(?=[ \t]+(?:said|says|Ltd)\b|,)|"
    r"Company(?:\s+Limited)?|Corporation|Corp\.?|Group(?:\s+Co\.,?\s*Ltd\.?)?|Inc\.|JSC|PJSC|"
    r"PLC|plc|Ltd\.?|Limited|LLC|GmbH|AG|S\.A\.|N\.V\.|Railways?|Railroad|Bank|"
    r"(?:Ports?\s+)?Authority|Administration|Agency|Commission|Council|Committee|"
    r"Association|Chamber\s+of\s+Commerce(?:\s+and\s+Industry)?|Federation|Bureau|"
    r"Organi[sz]ation|Institute|University|Exchange|Holdings?|Logistics|Shipping|Lines|"
    r"Airlines|Fund|Union|Service|Board|Terminals|Ports|Motors|Industries|Energy|"
    r"Petroleum|Steel|Trading|Commerce|Development\s+Bank|Investment|Centre|Center|Consortium|"
    r"Corps(?:\s+of\s+Engineers)?|Airways|Operations)"
)
#: "Ministry of Trade, Industry and Cooperatives": a comma inside a name that ends in "and X"
_LISTED = r"(?:,[ \t]+(?=[A-Z][\w'’-]*(?:,[ \t]+[A-Z][\w'’-]*)*,?[ \t]+and[ \t]+[A-Z]))"
_ORG_PATTERN = re.compile(
    rf"(?P<head>\b(?:the[ \t]+)?(?:{_CAP}{_SP}){{0,3}}{_ORG_HEAD}{_SP}(?:of|for|on){_SP}(?:the{_SP})?{_CAP}(?:(?:{_CONNECT}{_SP}|{_LISTED}){_CAP})*)"
    rf"|(?P<tail>\b{_CAP}(?:{_CONNECT}{_SP}{_CAP}){{0,5}}{_SP}{_ORG_TAIL}(?![\w]))"
)
_ACRONYM_DEF = re.compile(r"\s*\((?P<acr>[A-Z][A-Za-z&]{1,9}(?:[ \t]+[A-Z][a-z]+)?)\)")
_BAD_ORG_START = {
    "The", "A", "An", "This", "That", "These", "Its", "Their", "In", "On", "At", "By", "For",
    "With", "From", "To", "And", "But", "As", "According", "Said", "Under", "Both", "Since",
    "While", "After", "Before", "During", "Meanwhile", "However", "Last", "Next", "Photo",
    "PHOTO", "If", "When", "Of", "It", "He", "She", "They", "We", "Members", "Member",
    "Workers", "Officials", "Staff", "Shareholders", "Customers", "Clients",
}  # fmt: skip


def _trim_org(text: str, start: int) -> tuple[str, int]:
    # "China's COSCO Shipping", "Kyrgyzstan's State Customs Service": the owner is not the name
    owner = re.match(r"^(?:the\s+)?[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)?['’]s\s+(?=[A-Z])", text)
    if owner:
        start += owner.end()
        text = text[owner.end() :]
    words = text.split(" ")
    while words and (words[0] in _BAD_ORG_START or words[0] in ("the", "of")):
        start += len(words[0]) + 1
        words = words[1:]
    # "the European Commission on Wednesday": a date is no part of the name
    name = re.sub(
        r"\s+on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|"
        r"March|April|May|June|July|August|September|October|November|December)\b.*$",
        "",
        " ".join(words),
    )
    return name, start


def find_organizations(
    text: str,
    gazetteer: Gazetteer,
    token_offsets: Sequence[tuple[int, int]],
    places: Gazetteer,
    skip: Sequence[tuple[int, int]] = (),
) -> list[OrgMatch]:
    """Every organisation, one match per organisation with its later mentions."""
    raw: list[OrgMatch] = []
    for hit in gazetteer.scan(text, token_offsets):
        # "PPA" is Piraeus Port Authority or Philippine Ports Authority: the one the text
        # names in full, else the first
        entry = next((e for e in hit.entries if e.data["name"] in text), hit.entries[0])
        if _after_number(text, hit.start, hit.text):
            continue  # "8 PCT IN 1986": a headline's percent, not Piraeus Container Terminal
        national = entry.data.get("kind") in ("company", "other")
        unit = _country_unit(text, hit.end, places) if national else None
        if unit is not None:  # "DP World Australia", "Hutchison Ports UK": a national unit
            surface = text[hit.start : unit]
            raw.append(OrgMatch(hit.start, unit, surface, surface, None, "company",
                                None, "organization.lexicon.unit"))  # fmt: skip
            continue
        raw.append(OrgMatch(hit.start, hit.end, hit.text, entry.data["name"],
                            entry.data.get("acronym"), entry.data.get("kind") or "other",
                            entry.data.get("country"), "organization.lexicon"))  # fmt: skip
    for m in _ORG_PATTERN.finditer(text):
        surface, start = _trim_org(m.group(0), m.start())
        surface = (
            surface.rstrip(" ,.")
            if not surface.endswith(("Ltd.", "Inc.", "Corp.", "Co."))
            else surface
        )
        if len(surface) < 4 or " " not in surface.strip():
            continue
        if re.match(
            r"\s+(?:[Mm]inister|[Ss]ecretary|[Dd]irector|[Cc]ommissioner)\b",
            text[start + len(surface) :],
        ) and re.match(r"(?:Deputy|Vice|Acting|Assistant|Junior|State)\s", surface):
            continue  # "Deputy Shipping Minister": a title, not a body named "Deputy Shipping"
        end = start + len(surface)
        if places.lookup(surface) or re.search(
            r"\b(?:PHOTO|Photo)\b", text[max(0, start - 10) : start]
        ):
            continue
        if surface.endswith("Fund") and not re.match(r"\s*\([A-Z]", text[end : end + 4]):
            continue  # "a Clean Truck Fund rate": a programme, unless it defines an acronym
        first = re.match(r"^(.+?)\s+and\s+", surface)
        if first and places.lookup(first.group(1).removeprefix("the ")):
            continue  # "China and the Soviet Union" is two places, not an organisation
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", end)
        if _title_case(text[line_start : line_end if line_end >= 0 else len(text)]):
            continue  # a headline: capitals say nothing there
        pieces = _split_pair(surface, start, gazetteer)
        if pieces:
            for piece, piece_start in pieces:
                entries = gazetteer.lookup(piece)
                raw.append(OrgMatch(piece_start, piece_start + len(piece), piece,
                                    entries[0].data["name"] if entries else piece,
                                    entries[0].data.get("acronym") if entries else None,
                                    (entries[0].data.get("kind") or "other") if entries
                                    else _org_kind(piece),
                                    entries[0].data.get("country") if entries else None,
                                    "organization.lexicon" if entries
                                    else "organization.pattern"))  # fmt: skip
            continue
        raw.append(OrgMatch(start, end, surface, surface, None, _org_kind(surface), None,
                            "organization.pattern"))  # fmt: skip
    raw.extend(_defined_names(text, places))
    raw.extend(_defined_foreign(text, places))
    raw.extend(_zone_committees(text))
    raw.extend(_place_customs(text, places))
    raw = [r for r in raw if not any(s <= r.start and r.end <= e for s, e in skip)]
    raw = [r for r in raw if r.rule == "organization.lexicon" or not _is_route(r, text, places)]
    # longest first, no overlaps
    raw.sort(key=lambda o: (-(o.end - o.start), o.start))
    kept: list[OrgMatch] = []
    for org in raw:
        if not any(org.start < k.end and k.start < org.end for k in kept):
            kept.append(org)
    kept.sort(key=lambda o: o.start)
    # acronyms the text defines: "the Ministry of Commerce (MOFCOM)"
    defined: dict[str, OrgMatch] = {}
    for org in kept:
        definition = _ACRONYM_DEF.match(text, org.end)
        if definition and _split_acronym(org.name, definition.group("acr")) is None:
            definition = None  # "(BP Batam)" after a name that does not end in "Batam"
        if definition and org.acronym in (None, definition.group("acr")):
            org.acronym = definition.group("acr")
            defined[definition.group("acr")] = org
    for acronym, org in defined.items():
        for m in re.finditer(rf"(?<![\w(]){re.escape(acronym)}(?![\w)])", text):
            if not any(k.start <= m.start() < k.end for k in kept):
                kept.append(OrgMatch(m.start(), m.end(), acronym, org.name, acronym, org.kind,
                                     org.country, "organization.acronym"))  # fmt: skip
    return _merge_orgs(kept)


#: "the management committee of the Guangxi Beibu Gulf Economic Zone": the body that runs a
#: zone is named by its zone, in small letters
_ZONE_COMMITTEE = re.compile(
    rf"\b(?:management|administrative)[ \t]+committee[ \t]+of[ \t]+the[ \t]+{_CAP}(?:{_SP}{_CAP}){{1,6}}"
)


#: After a railway's name, words that make it a place or a service: "Chengdu International
#: Railway Port", "Chengdu-Chongqing China-Europe Railway Express"
_RAIL_PLACE_AFTER = re.compile(r"[ \t]+(?:Port|port|Express|Station|station|Line|line|Hub|hub)\b")


def _is_route(org: OrgMatch, text: str, places: Gazetteer) -> bool:
    """A route, not a body: "the China-Pakistan Economic Corridor (CPEC)", "the China-Laos
    Railway" (a line between two places), a railway's port or express service."""
    last = org.name.split()[-1]
    if last == "Corridor":
        return True
    if last not in ("Railway", "Railways"):
        return False
    if _RAIL_PLACE_AFTER.match(text, org.end):
        return True
    pair = org.name.split()[0].split("-")
    return len(pair) == 2 and all(places.lookup(p) for p in pair)


_PLACE_CUSTOMS = re.compile(rf"\b[Cc]ustoms[ \t]+of[ \t]+(?P<place>{_CAP}(?:[ \t]+{_CAP}){{0,2}})")


def _place_customs(text: str, places: Gazetteer) -> list[OrgMatch]:
    """ "the customs of Alataw Pass": the customs office of a port or city, named by the place
    (Xinhua's English writes it small)."""
    found: list[OrgMatch] = []
    for m in _PLACE_CUSTOMS.finditer(text):
        if places.lookup(m.group("place")):
            found.append(OrgMatch(m.start(), m.end(), m.group(0), m.group(0), None,
                                  "government", None, "organization.pattern"))  # fmt: skip
    return found


def _zone_committees(text: str) -> list[OrgMatch]:
    found: list[OrgMatch] = []
    for m in _ZONE_COMMITTEE.finditer(text):
        found.append(OrgMatch(m.start(), m.end(), m.group(0), m.group(0), None, "government",
                              None, "organization.pattern"))  # fmt: skip
    return found


def _after_number(text: str, start: int, surface: str) -> bool:
    """An acronym written straight after a number is a unit of it ("8 PCT", "5 MT")."""
    return surface.isupper() and bool(re.search(r"\d[ \t]*$", text[max(0, start - 12) : start]))


_COUNTRY_AFTER = re.compile(r"[ \t]+([A-Z][A-Za-z]+(?:[ \t]+[A-Z][a-z]+)?)(?![\w'’-])")


def _country_unit(text: str, end: int, places: Gazetteer) -> int | None:
    """End of a country or port name that directly follows a company's name, if one does:
    "DP World Australia", "APM Terminals Callao", "Cosco Shipping Ports Chancay Peru"."""
    m = _COUNTRY_AFTER.match(text, end)
    if not m:
        return None
    words = m.group(1).split()
    for n in (len(words), 1):
        name = " ".join(words[:n])
        entries = places.lookup(name)
        if any(e.kind == "country" and not e.data.get("adjective") for e in entries):
            return end + m.group(0).index(words[0]) + len(name)
        if any(e.kind == "port" for e in entries) and not any(e.kind == "country" for e in entries):
            unit_end = end + m.group(0).index(words[0]) + len(name)
            return _country_unit(text, unit_end, places) or unit_end  # "... Chancay Peru"
    return None


def _title_case(line: str) -> bool:
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", line) if len(w) > 3]
    return len(words) >= 4 and sum(w[0].isupper() for w in words) / len(words) > 0.8


_PAIR = re.compile(r"\s+(?:and|&)\s+(?:the\s+)?")
_ENDS_ORG = re.compile(rf"(?:{_ORG_TAIL}|Corp)$")


def _split_pair(surface: str, start: int, lexicon: Gazetteer) -> list[tuple[str, int]]:
    """ "APM Terminals and the Ghana Ports and Harbours Authority" is two organisations.

    A pattern match joined by "and" is split when one side is an organisation the lexicon
    knows and the other is one by its own words (the lexicon's, or an organisational tail);
    "Ministry of Commerce and Industry" stays whole, since neither side qualifies alone.
    """
    for m in _PAIR.finditer(surface):
        left = surface[: m.start()]
        right, right_start = _trim_org(surface[m.end() :], start + m.end())
        left_known, right_known = bool(lexicon.lookup(left)), bool(lexicon.lookup(right))
        if not (left_known or right_known):
            continue
        left_ok = left_known or (" " in left and bool(_ENDS_ORG.search(left)))
        right_ok = right_known or (" " in right and bool(_ENDS_ORG.search(right)))
        if left_ok and right_ok:
            return [(left, start), (right, right_start)]
    return []


#: "(ASIPONA Veracruz)", "(SMP Kolkata)", "(BP Batam)": an acronym and the name's last word
_ACR = r"[A-Z][A-Za-z&]{1,9}(?:[ \t]+[A-Z][a-z]+)?"
_DEFINED = re.compile(
    rf"(?P<name>(?:{_CAP},?[ \t]+(?:(?:of|and|for|de|do|da|del|the|&)[ \t]+)?){{1,7}}{_CAP})[ \t]*\((?P<acr>{_ACR})\)"
)
#: An acronym in brackets; the words before it are read backwards from there (fast: a scan
#: for words before every bracket would try each word of the text)
_BRACKETED_ACRONYM = re.compile(rf"\((?P<acr>{_ACR})\)")
#: Up to ten words ending where the brackets start ("Confédération générale du travail (CGT)")
_WORDS_BEFORE = re.compile(r"(?:[\w'’-]+[ \t]+){0,9}[\w'’-]+[ \t]*$")
#: Small words of names in English, French, Spanish, Portuguese and Italian: no letter of an
#: acronym comes from them
_NAME_PARTICLES = frozenset(
    {"of", "and", "for", "the", "de", "du", "des", "del", "la", "le", "les", "los", "las", "el",
     "y", "e", "et", "da", "do", "dos", "das", "di"}
)  # fmt: skip


def _initials_match(name: str, acronym: str) -> bool:
    """ "Grain Trade Australia" and "GTA": the acronym's capitals are the name's initials in
    order (small words may be skipped), or the acronym is a word of the name ("Pelindo")."""
    capitals = [c for c in acronym if c.isupper()]
    # "Defra", "Cacex": a word-like acronym spells its initials in small letters
    letters = capitals if len(capitals) >= 2 else [c.upper() for c in acronym if c.isalpha()]
    words = [w for w in re.split(r"[\s-]+", name) if w]
    initials = "".join(w[0] for w in words if w[0].isupper())
    it = iter(initials)
    in_order = all(c in it for c in letters)
    # "Sihanoukville Autonomous Port (PAS)": the acronym of the name in its own language
    # ("Port Autonome de Sihanoukville") has the same initials in another order
    reordered = len(letters) >= 3 and sorted(letters) == sorted(initials)
    return (
        (len(letters) >= 2 and in_order and initials[0] == letters[0])
        or reordered
        or acronym.lower() in name.lower()
    )


def _spells(acronym: str, words: Sequence[str]) -> bool:
    """Whether the acronym is the words' beginnings in order, every word giving at least its
    first letter: "CGT" (Confédération Générale Travail), "ASIPONA" (Administración SIstema
    POrtuario NAcional)."""
    if not acronym or not words:
        return not acronym and not words
    word = words[0].upper()
    return any(
        acronym[:n] == word[:n] and _spells(acronym[n:], words[1:])
        for n in range(1, min(len(word), len(acronym)) + 1)
    )


def _content_words(name: str) -> list[str]:
    words = [re.sub(r"^[dl]['’]", "", w) for w in re.split(r"[\s,-]+", name) if w]
    return [_fold(w) for w in words if w and w.lower() not in _NAME_PARTICLES]


def _fold(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def _split_acronym(name: str, acronym: str) -> tuple[str, str] | None:
    """ "Syama Prasad Mookerjee Port, Kolkata" and "SMP Kolkata": the name without the word the
    acronym repeats, and the letters; None when the acronym's word is not in the name."""
    letters, _, word = acronym.partition(" ")
    if not word:
        return name, letters
    if re.search(rf"\b{re.escape(word.strip())}$", name):
        return name[: -len(word.strip())].rstrip(" ,"), letters
    # "Batam Indonesia Free Zone Authority (BP Batam)": the word is the name's, the letters
    # come from the name in another language
    return (name, letters) if re.search(rf"\b{re.escape(word.strip())}\b", name) else None


def _defined_foreign(text: str, places: Gazetteer) -> list[OrgMatch]:
    """ "Confédération générale du travail (CGT)", "Port Autonome d'Abidjan (PAA)": names in
    languages that write some of their words small. The shortest run of words before the
    brackets that starts with a capital and whose every word (small particles aside) gives
    the acronym its letters in order is the name."""
    found: list[OrgMatch] = []
    for bracket in _BRACKETED_ACRONYM.finditer(text):
        lo = max(0, bracket.start() - 150)
        before = _WORDS_BEFORE.search(text, lo, bracket.start())
        if not before:
            continue
        words = list(re.finditer(r"[\w'’-]+", before.group(0)))
        for first in reversed(words[:-1]):
            candidate = before.group(0)[first.start() :].rstrip()
            split = _split_acronym(candidate, bracket.group("acr"))
            if not candidate[:1].isupper() or split is None:
                continue
            if first.group().lower() in _NAME_PARTICLES or not split[1].isupper():
                continue
            if _spells(split[1], _content_words(split[0])):
                if all(e.kind == "port" for e in places.lookup(candidate)):  # as above
                    start = before.start() + first.start()
                    found.append(OrgMatch(start, start + len(candidate), candidate, candidate,
                                          bracket.group("acr"), _org_kind(candidate), None,
                                          "organization.defined"))  # fmt: skip
                break
    return found


def _defined_names(text: str, places: Gazetteer) -> list[OrgMatch]:
    """ "Empresa Portuaria San Antonio (EPSA)": a capitalised name that defines an acronym is an
    organisation, whatever its words (countries and people excepted)."""
    found: list[OrgMatch] = []
    for m in _DEFINED.finditer(text):
        name, start = _trim_org(m.group("name"), m.start("name"))
        # the pattern may reach back over a comma ("in Yangon Region, Myanmar International
        # Terminals Thilawa (MITT)"): the longest tail whose initials spell the acronym wins
        for word in re.finditer(r"(?:^|(?<=[ \t]))[A-Z]", name):
            candidate = name[word.start() :]
            split = _split_acronym(candidate, m.group("acr"))
            if " " in candidate and split and _initials_match(*split):
                start, name = start + word.start(), candidate
                break
        else:
            continue
        # a port that defines an acronym names its operator too: "Sihanoukville Autonomous
        # Port (PAS)"; countries and regions do not
        if any(e.kind != "port" for e in places.lookup(name)):
            continue
        end = start + len(name)
        found.append(OrgMatch(start, end, name, name, m.group("acr"), _org_kind(name), None,
                              "organization.defined"))  # fmt: skip
    return found


def _org_kind(name: str) -> str:
    if re.search(r"(?i)\b(?:ministry|department|customs|administration|embassy|consulate|"
                 r"government|commission|agency|bureau|authority|council|parliament|"
                 r"directorate|office|committee|court)\b", name):  # fmt: skip
        return "government"
    if re.search(r"(?i)\b(?:co\.|ltd|company|corporation|corp|group|inc|jsc|plc|llc|gmbh|"
                 r"holdings?|logistics|shipping|lines|airlines|terminals?|motors|industries|"
                 r"energy|petroleum|steel|trading)\b", name):  # fmt: skip
        return "company"
    return "other"


def _merge_orgs(orgs: list[OrgMatch]) -> list[OrgMatch]:
    """One match per organisation: its first mention, with the others as mentions."""
    by_key: dict[str, OrgMatch] = {}
    order: list[str] = []
    for org in sorted(orgs, key=lambda o: o.start):
        key = normalise_name(org.name)
        if key in by_key:
            head = by_key[key]
            head.mentions.append((org.start, org.end))
            head.acronym = head.acronym or org.acronym
            head.country = head.country or org.country
        else:
            by_key[key] = org
            order.append(key)
    return [by_key[k] for k in order]


# --- officials ------------------------------------------------------------------------------

_PARTICLE = r"(?:bin|binti|ibn|al|el|de|da|del|van|von|der|dos|du|la|le|ul|ur|e)"
# Capital and small letters of Latin scripts with diacritics ("Solís", "Gheorghiță", "Åkesson")
_UP = "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĴĶĹĻĽĿŁŃŅŇŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽȘȚ"
_LOW = "a-zß-öø-ÿāăąćĉċčďđēĕėęěĝğġģĥħĩīĭįıĵķĺļľŀłńņňōŏőœŕŗřśŝşšţťŧũūŭůűųŵŷźżžșț"
_NAME_TOKEN = (
    rf"(?:[{_UP}][{_LOW}'’]+(?:-[{_UP}]?[{_LOW}'’]+)*|(?:Al|El)-[A-Z][a-z]+|O'[A-Z][a-z]+"
    rf"|Mc[A-Z][a-z]+|(?:[A-Z]\.){{2,3}}|[A-Z]\.)"
)
_NAME = rf"(?:{_NAME_TOKEN}(?:\s+(?:{_PARTICLE}\s+){{0,2}}{_NAME_TOKEN}){{1,3}})"
_HONORIFIC = (
    r"(?:Mr|Mrs|Ms|Miss|Dr|Prof|Professor|Sir|Dame|Madam|Mme|Alhaji|Alhaja|Chief|Engr|Hon|"
    r"Sheikh|Shri|Smt|General|Gen|Colonel|Col|Captain|Capt|Admiral|Ambassador|Nawab|Datuk|"
    r"Dato|Datin|Tan\s+Sri|Pehin|Haji|Hajjah|Baroness|Baron|Lord|Lady|Vice\s+Admiral|"
    r"Rear\s+Admiral|Daw|Brigadier|Major|Lieutenant|Commodore)\.?"
)
_NOT_NAME_WORDS = {
    "The", "This", "That", "In", "On", "At", "By", "For", "With", "From", "To", "And", "But",
    "As", "China", "Chinese", "Port", "Customs", "Ministry", "Minister", "President", "Premier",
    "Railway", "Railways", "Pass", "Province", "Region", "State", "City", "Group", "Company",
    "Bank", "Authority", "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December", "Monday", "Tuesday",
    "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "According", "Silk", "Road",
    "Belt", "Initiative", "Economic", "Trade", "International", "National", "Free", "Zone",
    "Department", "Office", "Commerce", "Affairs", "Director", "Manager", "General",
    "Secretary", "Council", "Association", "Chamber", "Corporation", "Limited", "Ltd",
    "Similar", "Posts", "Official", "Data", "Shows", "Xinhua", "Reuters", "Photo", "PHOTO",
    "Autonomous", "Uygur", "Uyghur", "Zhuang", "Municipality", "Ports", "Terminal", "News",
    "Agency",
}  # fmt: skip
_SPEECH = r"(?:said|says|say|added|noted|told|stressed|explained|stated|remarked|pointed\s+out|announced|urged|warned|commented|emphasized|emphasised|revealed|confirmed|insisted|argued|observed)"


def _title_escape(char: str) -> str:
    return {" ": r"[\s-]+", "-": r"[\s-]"}.get(char, re.escape(char))


@lru_cache(maxsize=4)
def _title_regex(titles: frozenset[str]) -> str:
    alts = trie_pattern({t.lower() for t in titles}, _title_escape)
    modifiers = r"(?:(?:former|acting|then|outgoing|incoming|newly[\s-]appointed|independent|deputy|vice|assistant|senior|executive|chief|associate|first|regional|country|general|commercial|technical|financial|operating)[\s-]+)*"
    return rf"(?i:{modifiers}(?:{alts}))(?![\w-])"


def _valid_name(name: str, places: Gazetteer, orgs: Gazetteer) -> bool:
    tokens = name.split()
    if len(tokens) < 2 or len(tokens) > 5:
        return False
    if any(t.strip(".,") in _NOT_NAME_WORDS for t in tokens):
        return False
    if places.lookup(name) or orgs.lookup(name):
        return False
    if any(
        e.kind == "country"
        and not e.data.get("adjective")
        and "person_name" not in set(e.data.get("flags", ()))  # "Jordan Whitaker" is a person
        for e in places.lookup(tokens[0])
    ):
        return False  # "Nepal Intermodal Transport Development (Board)": a body's name
    if re.fullmatch(_ORG_TAIL, tokens[-1]):
        return False  # "Freeport Terminals", "Maritime Administration": a body's name
    return not all(len(t.rstrip(".")) == 1 for t in tokens)


def _split_role(
    role: str, places: Gazetteer | None = None, orgs: Gazetteer | None = None
) -> tuple[str, str | None]:
    """ "director of the department of Eurasian affairs at MOFCOM" -> (title, "MOFCOM").

    A place is not an employer: "customs area controller at Apapa" and "director of Laem
    Chabang port" keep the place in the title (it says which post), "consultant in Ljubljana"
    drops it (it says where the person lives); neither is an organisation.
    """
    role = role.strip().rstrip(",.;")
    role = re.sub(r"\s+based\s+in\s+.*$", "", role)  # "analyst based in Nanning": a place
    # "member (administration and planning) of the CPA": the bracket is part of the title
    bracket = re.match(r"^([^()]+?\s+\([a-z][^()]*\))(?:\s+(?:of|at|for)\s+(.+))?$", role)
    if bracket:
        return _tidy_title(bracket.group(1)), bracket.group(2)
    # "the group's deputy general manager": the owner is the organisation, named before
    owner = _GENERIC_OWNER.match(role)
    role = _tidy_title(role)
    known = re.search(r"\s+at\s+([a-z][\w-]+)$", role)  # "head of sales at duisport"
    if known and orgs is not None and orgs.lookup(known.group(1)):
        return role[: known.start()].strip(), known.group(1)
    at = re.search(
        r"\s+(?:at|with)\s+(?=(?:the\s+)?[A-Z\d]|[a-z]+\s+[A-Z]|the\s+(?:[a-z]+\s+){0,2}"
        rf"(?:{_GENERIC_HEADS}|customs)\b)",
        role,
    )
    if at:
        rest = role[at.end() :].strip()
        if _is_place(rest, places, orgs):
            return role, _place_owner(rest, places)
        return role[: at.start()].strip(), rest
    if owner:
        return role, "the " + owner.group("owner")
    # "secretary of the dockers' union of the CGT": the organisation is the first part that
    # is a name; "head of sales" or "director of the department" stay in the title
    splits = list(re.finditer(r"\s+(?:of|for|with|in|from)\s+", role))
    if splits:
        kept = _kept_in_title(role, splits[0])
        if kept:
            return kept
    for split in splits:
        rest = role[split.end() :]
        if re.match(r"(?:the\s+)?[A-Z\d]", rest):
            if _is_place(
                rest, places, orgs
            ):  # "director of Laem Chabang port", "consultant in Ljubljana"
                if split.group().strip() == "in":
                    return role[: split.start()].strip(), None
                return role, _place_owner(rest, places)
            return role[: split.start()].strip(), rest.strip()
    if splits:
        first = splits[0]
        rest = role[first.end() :].strip()
        if re.fullmatch(rf"the\s+{_GENERIC_HEADS}", rest):
            return role[: first.start()].strip(), rest  # "vice chairwoman of the committee"
        owner = re.match(
            rf"the\s+(customs|{_GENERIC_HEADS})(?:\s+district)?['’]s\s+(?=[a-z])", rest
        )
        if owner:  # "head of the customs district's port control division"
            return role, "the " + owner.group(1)
        if _UNIT_WORDS.search(rest):
            return role, None  # "head of the customs district's port control division"
        if re.fullmatch(
            r"(?!(?:the|a|an)\b)[a-z][\w-]*(?:\s+(?:and\s+|&\s+)?[a-z][\w-]*){0,3}", rest
        ) and not re.search(r"(?i)\b(?:minister|secretary|commissioner)$", role[: first.start()]):
            return role, None  # "director of transformation": a function, not a body
        return role[: first.start()].strip(), rest
    return role, None


#: "head of the China desk at duisport": a unit of the organisation belongs to the title
_UNIT_THEN_ORG = re.compile(
    r"^(?P<unit>the\s+(?:[\w'’-]+\s+){0,3}(?:desk|department|division|unit|team|section|board|"
    r"committee|office))\s+(?:at|of)\s+(?P<org>\S.*)$"
)
#: "the region's commerce department": a place's department is itself the organisation
_PLACE_UNIT = re.compile(
    r"^the\s+(?:region|province|city|state|country|county|municipality|prefecture)['’]s\s+"
    r"(?:[a-z][\w-]*\s+){0,3}(?:department|bureau|commission|office|administration)$"
)
#: "head of an international logistics company in Yunnan": an unnamed organisation, whole
_INDEFINITE_ORG = re.compile(
    r"^an?\s+(?:[a-z][\w-]*\s+){0,4}(?:company|firm|group|operator|agency|association|bank|"
    r"carrier|forwarder|exporter|importer|trader|manufacturer|producer)\b"
)


def _kept_in_title(role: str, first: re.Match[str]) -> tuple[str, str | None] | None:
    """The split of a role at its first "of" when what follows is a unit or an unnamed
    organisation rather than a named one, or None to split the usual way."""
    rest = role[first.end() :].strip()
    unit = _UNIT_THEN_ORG.match(rest)
    if unit:
        return f"{role[: first.end()]}{unit.group('unit')}".strip(), unit.group("org")
    if _PLACE_UNIT.match(rest) or _INDEFINITE_ORG.match(rest):
        return role[: first.start()].strip(), rest
    return None


def _place_owner(place: str, places: Gazetteer | None) -> str | None:
    """ "director of Laem Chabang port": a port's post serves the port's operator, which the
    text names before ("the port" resolves to it, or to nothing). "Deputy mayor of Kaohsiung"
    serves the city: a place that is also a city or region owns no port post."""
    name = re.sub(r"^the\s+", "", place.strip())
    name = re.sub(r"\s+ports?$", "", name)
    entries = places.lookup(name) if places is not None else []
    if entries and all(e.kind == "port" for e in entries):  # a city that is a port: no
        return "the port"
    return None


def _is_place(text: str, places: Gazetteer | None, orgs: Gazetteer | None) -> bool:
    """ "Apapa", "Laem Chabang port": a place the lexicon knows and no organisation's name
    ("Tanger Med" is both: the organisation wins)."""
    if places is None:
        return False
    name = re.sub(r"^the\s+", "", text.strip())
    name = re.sub(r"\s+(?:port|ports|region|province)$", "", name)
    if re.fullmatch(r"[A-Z]{2,}", name):  # "at SPRC": an acronym names an organisation
        return False
    return bool(places.lookup(name)) and not (orgs and orgs.lookup(name))


_GENERIC_HEADS = (
    r"(?:authority|group|company|committee|ministry|bureau|agency|operator|terminal|"
    r"corporation|firm|commission|association|council|board|administration|trust|consortium)"
)
_GENERIC_OWNER = re.compile(
    rf"^(?:the\s+)?(?P<owner>(?:[a-z][\w-]*\s+){{0,2}}{_GENERIC_HEADS})['’]s\s+(?=[a-z])"
)
_UNIT_WORDS = re.compile(
    r"(?i)\b(?:desk|division|department|section|unit|team|sales|marketing|operations|planning|"
    r"administration|board|committee|union|affairs|office)\b"
)


_OWNER_ROLE = re.compile(
    r"^(?P<org>(?:[A-Z][\w&.-]*\s+){0,4}[A-Z][\w&.-]*)['’]s\s+(?P<title>[a-z].*)$", re.DOTALL
)


def _whole_title(role: str, titles: frozenset[str]) -> tuple[str, str | None] | None:
    """ "Director General of Foreign Trade": a role the title lexicon holds whole is one title
    (the body it implies comes from ``implies_org``), not a title and an organisation."""
    role = " ".join(role.split()).strip(" ,.")
    if role.lower() in titles and " of " in role.lower():
        return role, _implied_org(role)  # "Minister of Commerce": the ministry it names
    return None


def _appositive_role(role: str, places: Gazetteer, orgs: Gazetteer) -> tuple[str, str | None]:
    """Title and organisation of "NAME, ROLE".

    "Maersk's managing director for North Africa": a named owner is the organisation and the
    rest, scope included, the title. "Ethiopia's state minister for transport and logistics":
    a country owns nothing; a minister's or secretary's portfolio stays in the title and names
    the ministry.
    """
    role = role.strip().rstrip(",.;")
    owner = _OWNER_ROLE.match(role)
    if owner and not _is_country(owner.group("org"), places):
        title = re.sub(r"\s+based\s+in\s+.*$", "", owner.group("title"), flags=re.DOTALL)
        return _tidy_title(" ".join(title.split())), owner.group("org")
    if owner:
        role = owner.group("title")
    title, org = _split_role(role, places, orgs)
    ministry = _ministry_for(title, org)
    if ministry:
        return _tidy_title(" ".join(role.split())), ministry
    return title, _customs_post(title, org) or _implied_org(title)


def _customs_post(title: str, org: str | None) -> str | None:
    """ "customs area controller at Apapa": a customs post serves the customs named before
    ("the customs" resolves to it, or to nothing), not the port's operator."""
    if re.search(r"(?i)\bcustoms\b", title) and org in (None, "the port"):
        return "the customs"
    return org


def _is_country(name: str, places: Gazetteer) -> bool:
    return any(e.kind in ("country", "region") for e in places.lookup(name))


def _tidy_title(title: str) -> str:
    """ "the group's deputy general manager" -> "deputy general manager"; "U.S. Commerce
    Secretary" -> "Commerce Secretary". "Warsaw-based rail freight consultant" stays as
    written (corpora/README.md: titles as written)."""
    title = title.strip()
    title = re.sub(r"^(?:the\s+)?[a-z][\w-]*['’]s\s+", "", title)
    title = re.sub(r"^(?:U\.S\.|US|U\.K\.|UK|EU)\s+(?=[A-Z])", "", title)
    return title


def _ministry_for(title: str, portfolio: str | None) -> str | None:
    """ "Cabinet Secretary for Agriculture and Livestock Development" -> the ministry of it."""
    if not portfolio or not re.search(r"(?i)\b(?:minister|secretary)$", title):
        return None
    if re.search(r"\b(?:Ministry|Department|Office|Government|Cabinet)\b", portfolio):
        return None
    if re.search(r"[A-Z]", portfolio[1:]) and not portfolio[:1].isupper():
        return None
    if portfolio.islower():  # "foreign economic relations and trade": a name, in capitals
        portfolio = " ".join(
            w if w in ("and", "of", "for", "the") else w[:1].upper() + w[1:]
            for w in portfolio.split()
        )
    return f"{_ministry_word(title)} of {portfolio[:1].upper()}{portfolio[1:]}"


def _ministry_word(title: str) -> str:
    """Ministers head ministries; secretaries head departments (US, UK), except Kenya's and
    others' cabinet secretaries, who head ministries."""
    lowered = title.lower()
    if "secretary" in lowered and "cabinet" not in lowered:
        return "Department"
    return "Ministry"


def _implied_org(title: str) -> str | None:
    title = re.sub(r"^(?:U\.S\.|US|U\.K\.|UK|EU)\s+", "", title.strip())
    # "Deputy Agriculture Minister": the deputy serves the same ministry
    title = re.sub(r"^(?:Deputy|Vice|First\s+Deputy|Acting|Assistant)\s+(?=[A-Z]\w*\s)", "", title)
    m = re.match(r"(?i)^(?:(?:vice|deputy|first)\s+)?minister\s+of\s+(?P<x>.+)$", title)
    if m:
        return f"Ministry of {m.group('x')}"
    m = re.match(r"(?i)^(?:(?:deputy|under)\s*)?secretary\s+of\s+(?P<x>[A-Z].+)$", title)
    if m:
        return f"Department of {m.group('x')}"
    m = re.match(
        r"^(?P<x>[A-Z][\w&]*(?:,?\s+(?:and\s+|&\s+)?[A-Z][\w&]*)*?)\s+(?:Cabinet\s+)?(?:[Mm]inister|[Ss]ecretary)$",
        title,
    )
    if m and m.group("x").split()[0] not in (
        "Prime",
        "Chief",
        "Deputy",
        "Vice",
        "First",
        "General",
        "Permanent",
        "Press",
        "Principal",
        "Executive",
        "Foreign",
    ):
        return f"{_ministry_word(title)} of {m.group('x')}"
    return None


@lru_cache(maxsize=4)
def _official_patterns(titles: frozenset[str]) -> tuple[re.Pattern[str], ...]:
    """The official patterns, compiled once per title lexicon: they hold the whole lexicon,
    and compiling them per article (or after the ``re`` cache evicts them) costs more than
    matching."""
    title = _title_regex(titles)
    role_end = r"(?=\s*(?:,|;|(?<![A-Z]\.[A-Z])\.(?:\s|$)|\)|\s+(?:said|says|told|added|noted|who|has|had|was|is|and\s+(?:[A-Z]|his|her))\b))"
    appositive = re.compile(
        rf"(?:(?P<hon>{_HONORIFIC})\s+)?(?P<name>{_NAME}),\s+(?:(?:the|a|an|its|his|her)\s+)?"
        rf"(?P<role>(?P<title>(?:[\w'’-]+\s+){{0,3}}?{title})(?:\s+\([^()]{{1,60}}\))?"
        rf"(?:\s+(?:of|at|for|with|in|from|based\s+in)\s+(?:[^,;()]|\([^()]{{0,40}}\))+?)?){role_end}"
    )
    before = re.compile(
        rf"(?P<title>{title}(?:\s+(?:of|for)\s+(?:the\s+)?[A-Z][\w'’-]*"
        rf"(?:\s+(?:and\s+|&\s+)?[A-Z][\w'’-]*)*?|\s+for\s+(?:[a-z][\w-]*\s+){{0,2}}[a-z][\w-]*)?)"
        rf"\s*,?\s+(?:(?P<hon>{_HONORIFIC})\s+)?(?P<name>{_NAME})(?![\w-])"
    )
    paren = re.compile(rf"(?P<name>{_NAME})\s+\((?P<role>(?P<title>{title})[^()]*)\)")
    # "Director of the Banco do Brasil's foreign trade department (CACEX), Roberto Fendt, told"
    title_comma = re.compile(
        rf"(?<![\w,])(?P<role>(?P<title>{title})\s+(?:of|at|for|to)\s+(?:[^,;.]|\.(?=\S)){{3,120}}?),\s+"
        rf"(?:(?P<hon>{_HONORIFIC})\s+)?(?P<name>{_NAME})(?:,\s+(?={_SPEECH}\b|who\b)|(?=\.(?:\s|$)))"
    )
    # "The Secretary for ... of the Ministry also said": a role that speaks without a name
    unnamed = re.compile(
        rf"\bThe\s+(?P<role>{title}\s+(?:of|for)\s+[^.;\n]{{3,120}}?)\s+(?:also\s+)?(?:{_SPEECH})\b"
    )
    return appositive, before, paren, title_comma, unnamed


def find_officials(
    text: str,
    titles: frozenset[str],
    places: Gazetteer,
    orgs: Gazetteer,
    org_matches: Sequence[OrgMatch] = (),
) -> list[OfficialMatch]:
    appositive, before, paren, title_comma, unnamed = _official_patterns(titles)
    found: list[OfficialMatch] = []
    taken: list[tuple[int, int]] = []

    def add(match: OfficialMatch, role: tuple[int, int] | None = None) -> None:
        if any(match.start < e and s < match.end for s, e in taken):
            return
        taken.append((match.start, match.end))
        if role is not None:  # "NAME, first deputy chairman of Kyrgyz Temir Jolu": no one else
            taken.append(role)  # is named inside the role
        found.append(match)

    for m in appositive.finditer(text):
        name = m.group("name")
        if not _valid_name(name, places, orgs):
            continue
        role_title, org = _whole_title(m.group("role"), titles) or _appositive_role(
            m.group("role"), places, orgs
        )
        add(OfficialMatch(m.start("name"), m.end("name"), name, name, m.group("hon"), role_title,
                          org, "official.appositive"), (m.start("role"), m.end("role")))  # fmt: skip
    for m in title_comma.finditer(text):
        name = m.group("name")
        if _valid_name(name, places, orgs):
            # "The Minister of Commerce, Wang Wentao, said": read as the appositive is, so a
            # portfolio stays in the title and names the ministry
            role_title, org = _appositive_role(m.group("role"), places, orgs)
            owner = re.search(r"([A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,3})['’]s\s+$",
                              text[max(0, m.start() - 60) : m.start()])  # fmt: skip
            if org is None and owner and not _is_country(owner.group(1), places):
                org = owner.group(1)  # "Pelindo's director of transformation, NAME"
            add(OfficialMatch(m.start("name"), m.end("name"), name, name, m.group("hon"), role_title,
                              org, "official.title_comma"))  # fmt: skip
    for m in paren.finditer(text):
        name = m.group("name")
        if _valid_name(name, places, orgs):
            role = m.group("role")
            if ", " in role:  # "(executive secretary, Nigerian Shippers' Council)"
                role_title, org = (part.strip() for part in role.split(", ", 1))
            else:
                role_title, org = _split_role(role, places, orgs)
            add(OfficialMatch(m.start("name"), m.end("name"), name, name, None, role_title, org,
                              "official.parenthesis"))  # fmt: skip
    for match in _named_next(text, unnamed, places, orgs):
        add(match)
    for m in before.finditer(text):
        name, title_text = m.group("name"), _tidy_title(m.group("title").strip().rstrip(","))
        tokens = name.split()
        # "Minister of Commerce Wang Wentao": when the whole run is not a name, the name is
        # its last two capitalised words and the rest belongs to the title
        if not _valid_name(name, places, orgs):
            if (
                len(tokens) > 2
                and _valid_name(" ".join(tokens[-2:]), places, orgs)
                and not any(places.lookup(t) for t in tokens[:-2])  # "Nepal Intermodal ..."
            ):
                title_text = f"{title_text} {' '.join(tokens[:-2])}".strip()
                name = " ".join(tokens[-2:])
            else:
                continue
        window_start = _sentence_start(text, m.start(), 80)
        pre_match = _PRE.search(text, window_start, m.start())
        pre = pre_match.group(0).strip() if pre_match else ""
        pre_start = pre_match.start() if pre_match else m.start()
        org = (
            _implied_org(_portfolio_title(pre, title_text, titles))
            or _portfolio_ministry(pre, title_text)
            or _org_before(pre, pre_start, org_matches, text)
            or _org_adjacent(m.start(), org_matches, text, places)
        )
        title_text = _portfolio_title(pre, title_text, titles)
        span_start = m.start("title")
        add(OfficialMatch(span_start, m.end("name"), text[span_start : m.end("name")], name,
                          m.group("hon"), title_text, org, "official.title_before"))  # fmt: skip
    for official in found:
        if not _known_org(official.organization, orgs):
            official.organization = _resolve_org(
                _clean_org(official.organization), official.start, org_matches, places
            )
    for official in found:
        if (
            official.organization is None
            and not _OWN_ACCOUNT.search(official.title)
            and official.title.lower() not in _HEADS_OF_STATE
            and _speaks(text, official)
        ):
            official.organization = _sentence_org(text, official, org_matches)
    for official in found:
        acronym = re.match(r"^([A-Z][A-Z&]{1,5})\s+(?=[a-z])", official.title)
        if acronym:
            official.title = official.title[acronym.end() :]
            official.organization = official.organization or acronym.group(1)
    for official in found:
        if official.organization is None:
            official.organization = _kind_org(official, org_matches) or _its_org(
                text, official, org_matches
            )
    _later_mentions(text, found)
    found.sort(key=lambda o: o.start)
    return found


#: Roles people hold on their own account or for many clients: the organisation in their
#: sentence is what they talk about, not whom they work for
_OWN_ACCOUNT = re.compile(
    r"(?i)\b(?:analyst|consultant|economist|expert|forwarder|researcher|professor|broker|"
    r"trader|lawyer|scholar|strategist|fellow|observer|commentator|exporter|importer|farmer)s?\b"
)
#: A head of state or government speaks for a country, not for an organisation in the sentence
_HEADS_OF_STATE = frozenset(
    {"president", "prime minister", "premier", "king", "queen", "emir", "amir", "sultan",
     "crown prince", "chancellor", "chairman"}
)  # fmt: skip
_GENERIC_REF = re.compile(
    r"\b[Tt]he\s+(?P<head>group|company|authority|ministry|bureau|commission|operator|"
    r"administration|customs)(?:['’]s)?\b"
)


_KIND_TITLE = re.compile(
    r"(?i)^(?P<kind>port|customs|railway|railways|airport|terminal|canal|harbou?r)\s+"
    r"(?:deputy\s+|general\s+|chief\s+)?(?:director|manager|chief|head|spokes(?:man|woman|person)|"
    r"chairman|president|commissioner|executive)$"
)


def _kind_org(official: OfficialMatch, org_matches: Sequence[OrgMatch]) -> str | None:
    """ "the Rotterdam Municipal Port Management said ... Port director Willem van der Berg":
    a role named by the kind of body it serves ("port director", "customs spokesman") serves
    the last body of that kind the text named before it."""
    m = _KIND_TITLE.match(official.title.strip())
    if m is None:
        return None
    kind = m.group("kind").lower().rstrip("s")
    earlier = [
        o for o in org_matches
        if o.start < official.start and re.search(rf"(?i)\b{kind}s?\b", o.name)
    ]  # fmt: skip
    return max(earlier, key=lambda o: o.start).name if earlier else None


def _its_org(text: str, official: OfficialMatch, org_matches: Sequence[OrgMatch]) -> str | None:
    """ "the Bahia Blanca Port Management Consortium (CGPBB) said. Its president, Ramiro
    Etchegaray, said": "its" opening the role points to the last body named before, within
    the sentence before."""
    head = official.start
    if not re.search(r"(?:^|[.!?]\s+|\n\s*)[Ii]ts\s+$", text[max(0, head - 12) : head]):
        head = official.end  # "NAME, its president," reads the same way
        if not re.match(r",\s+its\s+", text[head : head + 8]):
            return None
    reach = _sentence_start(text, max(0, official.start - 2), 400) - 400
    earlier = [o for o in org_matches if max(0, reach) <= o.start < official.start]
    return max(earlier, key=lambda o: o.start).name if earlier else None


def _speaks(text: str, official: OfficialMatch) -> bool:
    """ "said vice president Gong Hui", "Helena Sjöberg said": the official is the sentence's
    speaker (one merely met or named speaks for no one)."""
    after = re.match(rf"\s+(?:{_SPEECH})\b", text[official.end : official.end + 30])
    before = re.search(
        rf"\b(?:{_SPEECH}),?\s+$", text[max(0, official.start - 30) : official.start]
    )
    return bool(after or before)


def _sentence_org(
    text: str, official: OfficialMatch, org_matches: Sequence[OrgMatch]
) -> str | None:
    """ "The group's revenue rose ..., said vice president Gong Hui"; "MITI will ask
    exporters ..., vice-minister Masaru Okuda told": an official with no organisation in the
    role speaks for the one organisation the sentence names, by name or as "the group", "the
    authority" (the last one named before with that word). Two or more say nothing."""
    start = _sentence_start(text, official.start, 400)
    end_match = _SENTENCE_END.search(text, official.end)
    end = end_match.start() if end_match else len(text)
    spans = sorted(
        (s, e, org.name)
        for org in org_matches
        for s, e in [(org.start, org.end), *org.mentions]
        if start <= s and e <= end
    )
    names: set[str] = set()
    for i, (s, _, name) in enumerate(spans):
        # "the Ministry of International Trade and Industry (MITI)": the acronym is the same body
        if i and re.fullmatch(r"\s*\(", text[spans[i - 1][1] : s]):
            continue
        names.add(name)
    for ref in _GENERIC_REF.finditer(text, start, end):
        head = ref.group("head")
        earlier = [
            o for o in org_matches
            if o.start < ref.start() and re.search(rf"(?i)\b{head}\b", o.name)
        ]  # fmt: skip
        if earlier:
            names.add(max(earlier, key=lambda o: o.start).name)
    return names.pop() if len(names) == 1 else None


_SPEAKER_FIRST = re.compile(rf"(?P<name>{_NAME})\s+(?:also\s+)?(?:{_SPEECH})\b")


def _named_next(
    text: str, unnamed: re.Pattern[str], places: Gazetteer, orgs: Gazetteer
) -> list[OfficialMatch]:
    """ "The Secretary for Agro-business International Relations of the Ministry also said
    that ... Odilson Ribeiro e Silva added that ...": a role that speaks without a name, and
    the next sentence opening with a new full name that speaks too, are one official. Only a
    role with its complement ("of ...", "for ...") counts: "the minister said" may be anyone."""
    found: list[OfficialMatch] = []
    for m in unnamed.finditer(text):
        end = _SENTENCE_END.search(text, m.end())
        if not end:
            continue
        speaker = _SPEAKER_FIRST.match(text, end.end())
        if not speaker or not _valid_name(speaker.group("name"), places, orgs):
            continue
        role = " ".join(m.group("role").split())
        owner = re.match(r"^(?P<title>.+?)\s+of\s+the\s+(?P<head>[A-Za-z]+)$", role)
        org: str | None
        if owner and owner.group("head").lower() in _GENERIC_BEFORE_TITLE | {"ministry"}:
            role_title, org = owner.group("title"), "the " + owner.group("head").lower()
        else:
            role_title, org = _split_role(role, places, orgs)
        start = speaker.start("name")
        name = speaker.group("name")
        found.append(OfficialMatch(start, start + len(name), name, name, None, role_title, org,
                                   "official.named_next"))  # fmt: skip
    return found


def _known_org(org: str | None, orgs: Gazetteer) -> bool:
    """ "Federation of Freight Forwarders' Associations in India": a name the lexicon knows
    with its "in" (which tidying would cut as a place)."""
    return bool(org) and " in " in (org or "") and bool(orgs.lookup(org or ""))


_GENERIC_ORG = re.compile(
    r"^(?:the\s+)?(?:[a-z][\w'’-]*\s+){0,3}(?P<head>authority|committee|group|customs|ministry|"
    r"bureau|company|agency|department|board|administration|council|association|port\s+group|port|"
    r"operator|terminal|corporation|firm|commission|trust|consortium)$"
)


def _resolve_org(
    org: str | None, position: int, org_matches: Sequence[OrgMatch], places: Gazetteer
) -> str | None:
    """ "the authority" names the authority the text named before; "Lao Ministry of Public
    Works and Transport" is the ministry without the country adjective."""
    if not org:
        return org
    generic = _GENERIC_ORG.match(org)
    if generic:
        head = generic.group("head").split()[-1]
        earlier = [
            o for o in org_matches
            if o.start < position and re.search(rf"(?i)\b{head}\b", o.name)
        ]  # fmt: skip
        if earlier:
            return max(earlier, key=lambda o: o.start).name
        # "the authority" with no authority named before says nothing a program can use
        return None if re.fullmatch(r"the\s+\w+", org) else org
    # the role was cut at a comma the name holds: "Ministry of Trade, Industry and Cooperatives"
    longer = [
        o for o in org_matches
        if position <= o.start <= position + 250 and o.name.startswith(org + ",")
    ]  # fmt: skip
    if longer:
        return min(longer, key=lambda o: o.start).name
    first, _, rest = org.partition(" ")
    if re.match(r"(?:Ministry|Department|Embassy|Consulate)\b", rest) and any(
        e.kind == "country" and e.data.get("adjective") for e in places.lookup(first)
    ):
        return rest  # "Lao Ministry of Public Works and Transport"
    return org


def _clean_org(org: str | None) -> str | None:
    """ "the Karachi Port Trust (KPT)" -> "Karachi Port Trust"; "the China desk at duisport"
    -> "duisport"; "StoneX in Kansas City" -> "StoneX"; "Peru's National Port Authority" ->
    "National Port Authority"."""
    if not org:
        return org
    org = re.sub(r"\s*\([^()]*\)$", "", org.strip())
    nested = re.match(
        r"^(?:the\s+)?(?:[A-Za-z][\w-]*\s+){0,3}(?:desk|board|committee|department|division|unit|"
        r"team|section|secretariat)\s+(?:of|at)\s+(?P<org>(?:the\s+)?[A-Za-z\d].*)$",
        org,
    )
    if nested:
        org = nested.group("org")
    org = re.sub(
        r"^(?:the|The)\s+(?=[A-Z])", "", org
    )  # "the Karachi Port Trust", not "the freight company"
    org = re.sub(r"^[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)?['’]s\s+(?=[A-Z])", "", org)
    org = re.sub(r"^the\s+(?:ministry|company|group|bank|port)['’]s\s+(?=[A-Z])", "", org)
    if org[:1].isupper():
        org = re.sub(r"\s+in\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?$", "", org)
        org = re.sub(
            r"\s*\([^()]*\)$", "", org
        )  # "Manzanillo International Terminal (MIT) in Colon"
    return org.strip() or None


#: A sentence's end: a full stop after a small letter or digit (not "U.S.", "Co."), or a
#: blank line
_SENTENCE_END = re.compile(
    r"(?<!\bCo)(?<!\bInc)(?<!\bLtd)(?<!\bCorp)(?<=[a-z\d)])[.!?][\"”’]?\s+|\n[ \t]*\n"
)


def _sentence_start(text: str, position: int, reach: int) -> int:
    """Where the words before ``position`` may start: at most ``reach`` characters back, and
    never before the sentence ("... COSCO Shipping Ports. SCZONE chairman X": the operator
    ends the sentence before and is not the chairman's)."""
    start = max(0, position - reach)
    for m in _SENTENCE_END.finditer(text, start, position):
        start = m.end()
    return start


_PRE = re.compile(
    r"(?:(?:[A-Z][\w.'’-]*,?|customs|port|ministry|company|bank|authority)\s+(?:(?:of|and|for)\s+)?){1,4}$"
)
_PORTFOLIO_TITLE = re.compile(
    r"(?i)^(?:(?:deputy|vice|acting)\s+)?(?:cabinet\s+)?(?:minister|secretary)$"
)


def _portfolio_ministry(pre: str, title: str) -> str | None:
    """ "Kenyan Transport Cabinet Secretary X", "Marine and Blue Economy Minister Y": the words
    before a minister's title name the ministry's portfolio."""
    if not _PORTFOLIO_TITLE.match(title.strip()):
        return None
    words = _portfolio_words(pre)
    return "Ministry of " + words if words else None


def _portfolio_words(pre: str) -> str | None:
    """The portfolio in the words before a title, without the country that owns it
    ("Kenyan", "India's"), or None when they are not a portfolio's capitalised words."""
    words = pre.split()
    while words and (words[0].endswith(("'s", "’s")) or words[0] in _COUNTRY_ADJECTIVE_HINT
                     or words[0].endswith(("an", "ese", "ish", "i"))):  # fmt: skip
        words = words[1:]
    if not words or not all(w[:1].isupper() or w in ("and", "of") for w in words):
        return None
    if not words[0][:1].isupper():
        return None  # "between the U.S. and Japan, Industry Minister": the end of a list
    return " ".join(words)


_PORTFOLIO_FIRST = re.compile(r"^(?:[A-Z][\w&-]*,?\s+)+(?:Cabinet\s+)?(?:Minister|Secretary)$")


def _portfolio_title(pre: str, title: str, titles: frozenset[str]) -> str:
    """ "Ports, Shipping and Waterways Minister", "Oceans and Fisheries Minister": the portfolio
    written before a minister's title is part of the title, also where the lexicon's title
    ("fisheries minister") begins in the middle of it. "President Chun and Trade Minister
    Rha": words with a title among them are another person, not a portfolio."""
    words = _portfolio_words(pre)
    if not words:
        return title
    if _PORTFOLIO_TITLE.match(title.strip()):
        return f"{words} {title}"
    lead = words.split()
    if (
        _PORTFOLIO_FIRST.match(title)
        and re.search(r"(?:,|\band|&)$", words)
        and len(lead) <= 4
        and not any(w.strip(",").lower() in titles for w in lead)
    ):
        return f"{words} {title}"
    return title


_COUNTRY_ADJECTIVE_HINT = {"U.S.", "US", "UK", "EU", "Thai", "Lao", "Dutch", "Swiss", "Greek"}


def _org_before(pre: str, start: int, org_matches: Sequence[OrgMatch], text: str) -> str | None:
    """ "MOFCOM spokesperson Shu Jueting": the organisation written just before the title."""
    if not pre:
        return None
    end = start + len(pre) + 1
    for org in org_matches:
        spans = [(org.start, org.end), *org.mentions]
        for s, e in spans:
            if start <= s and e <= end + 1:
                return text[s:e]
    words = pre.split()
    if len(words) >= 2 and words[-2].islower() and words[-1] in _GENERIC_BEFORE_TITLE:
        return f"the {words[-2]} {words[-1]}"  # "port authority chief executive X", as written
    if len(words) >= 2 and words[-1].lower() == "ministry":
        return f"Ministry of {words[-2].capitalize()}"  # "commerce ministry spokesperson"
    if words and words[-1].lower() in ("customs", "port", "ministry", "company", "bank"):
        return words[-1]
    if words and words[-1].lower() in _GENERIC_BEFORE_TITLE:
        return "the " + words[-1].lower()  # "Board president X": the board named before
    return None


def _org_adjacent(
    start: int, org_matches: Sequence[OrgMatch], text: str, places: Gazetteer
) -> str | None:
    """ "Yeosu Gwangyang Port Authority (YGPA) president Jung Tae-ho", "Rusagrotrans's chief
    analyst Igor Pavlensky": the body written right before the title, with its acronym or a
    possessive between."""
    for org in org_matches:
        for _s, e in [(org.start, org.end), *org.mentions]:
            if e <= start and re.fullmatch(
                r"(?:\s*\([A-Z][\w&.-]*\))?(?:['’]s)?\s+", text[e:start]
            ):
                return org.name
    owner = re.search(r"(?<![\w-])([A-Z][\w&-]+)['’]s\s+$", text[max(0, start - 40) : start])
    if owner and not places.lookup(owner.group(1)) and owner.group(1) not in _NOT_NAME_WORDS:
        return owner.group(1)  # a company the lexicon does not know, owning the role
    return None


_GENERIC_BEFORE_TITLE = frozenset(
    {"board", "authority", "committee", "group", "commission", "council", "agency", "bureau"}
)


_TITLE_MENTION = re.compile(
    rf"\b[Tt]he\s+(?P<head>minister|spokesperson|spokesman|spokeswoman|governor|mayor|ambassador|"
    rf"chairman|chairwoman|president|premier|director|commissioner|secretary|official|envoy|"
    rf"consul|analyst|economist|manager)\s+(?:{_SPEECH})\b"
)


def _later_mentions(text: str, officials: list[OfficialMatch]) -> None:
    """ "Wang said": a surname (or given name) alone joins the official it names, if only one."""
    owners: dict[str, list[OfficialMatch]] = {}
    for official in officials:
        for part in {official.name.split()[0], official.name.split()[-1]}:
            if len(part) > 1:
                owners.setdefault(part, []).append(official)
    for part, people in owners.items():
        if len({p.name for p in people}) != 1:
            continue
        person = people[0]
        pattern = re.compile(rf"(?<![\w-]){re.escape(part)}(?=\s+{_SPEECH}\b|'s\s|,\s+who\b)")
        for m in pattern.finditer(text):
            if m.start() >= person.end and not any(s <= m.start() < e for s, e in person.mentions):
                person.mentions.append((m.start(), m.end()))
    # "the minister added": a title alone joins the nearest official before it with that title
    for m in _TITLE_MENTION.finditer(text):
        head = m.group("head").lower()
        before = [o for o in officials if o.end <= m.start() and head in o.title.lower()]
        if before:
            person = max(before, key=lambda o: o.end)
            if not any(s <= m.start() < e for s, e in person.mentions):
                person.mentions.append((m.start(), m.end()))
                person.mentions.sort()


def role_organizations(
    text: str, officials: Sequence[OfficialMatch], orgs: Sequence[OrgMatch], places: Gazetteer
) -> list[OrgMatch]:
    """ "commercial director of Cornelder de Moçambique", "an analyst at Banco Base": the
    organisation a role names is an organisation even when its words do not say so. Only a
    name written in the text near its official counts (not a ministry implied by a title),
    and never a place or one already found."""
    known = {_org_key(n) for o in orgs for n in (o.name, o.acronym, o.text) if n}
    found: list[OrgMatch] = []
    for official in officials:
        name = official.organization
        if not name or not name[:1].isupper() or _already_named(name, known):
            continue
        if places.lookup(name) or not _ROLE_ORG_WORDS.fullmatch(name):
            continue
        lo, hi = max(0, official.start - 300), official.end + 300
        spans = [m.start() for m in re.finditer(re.escape(name), text[lo:hi])]
        if not spans:
            continue
        start = lo + min(spans, key=lambda s: abs(lo + s - official.start))
        found.append(OrgMatch(start, start + len(name), name, name, None, _org_kind(name), None,
                              "organization.role"))  # fmt: skip
        known.add(_org_key(name))
    return found


def _org_key(name: str) -> str:
    return normalise_name(name).rstrip(" .")


def _already_named(name: str, known: set[str]) -> bool:
    """ "China Railway Container Transport Corp" within "... Corp. (CRCT)", "Ministry of Public
    Works and Transport" within "Lao Ministry of ...": a shorter form of a name found."""
    key = _org_key(name)
    return any(key == k or (len(key) > 6 and key in k) for k in known)


#: A name: capitalised words, with the small words of names in English, French, Spanish and
#: Portuguese between them ("Cornelder de Moçambique", "Australian Grape & Wine")
_ROLE_ORG_WORDS = re.compile(
    rf"[{_UP}\d][\w'’&.-]*(?:[ \t]+(?:(?:of|and|for|the|de|du|des|do|da|dos|das|del|la|le|y|e|&)"
    rf"[ \t]+)*[{_UP}\d][\w'’&.-]*)*"
)
