"""Organisations: the bodies trade news names, and the acronyms it defines for them.

Rule-based and deterministic. An organisation is a known name (the packaged lexicon), a name
built the way organisations are named ("Ministry of X", "X Customs", "X Co., Ltd."), or an
acronym the text defines ("the Ministry of Commerce (MOFCOM)"). Officials, who speak for them,
are found in ``factx.finders.people``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field

from factx.finders import org_rules
from factx.finders._place_text import _title_case
from factx.gazetteer import Gazetteer, normalise_name

__all__ = ["OrgMatch", "find_organizations"]


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
    r"Company(?:\s+Limited)?|Corporation|Corp\.?|Group(?:\s+Co\.,?\s*Ltd\.?)?|Inc\b\.?|JSC|PJSC|"
    r"PLC|plc|Ltd\.?|Limited|LLC|GmbH|AG|S\.A\.|N\.V\.|Railways?|Railroad|Bank|"
    r"(?:Ports?\s+)?Authority|Administration|Agency|Commission|Council|Committee|"
    r"Association|Chamber\s+of\s+Commerce(?:\s+and\s+Industry)?|Federation|Bureau|"
    r"Organi[sz]ation|Institute|University|Exchange|Holdings?|Logistics|Shipping|Lines|"
    r"Airlines|Fund|Union|Service|Board|Terminals|Ports|Motors|Industries|Energy|"
    r"Petroleum|Steel|Trading|Commerce|Development\s+Bank|Investment|Centre|Center|Consortium|"
    r"Corps(?:\s+of\s+Engineers)?|Airways|Operations|Office|Club|Enterprise|Associates|"
    r"Securities|Markets|Shipyards|Shipbuilding)"
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
    "Workers", "Officials", "Staff", "Shareholders", "Customers", "Clients", "Today",
    "Yesterday", "Now", "Also", "Currently", "Meanwhile,",
}  # fmt: skip


#: "McLean Industries Inc and Crowley Maritime Corp": a company suffix ends a name, so "and"
#: after it starts the next organisation
_SUFFIX_AND = re.compile(
    r"\b(?:Inc|Corp|Ltd|LLC|PLC|plc|Co|AG|GmbH|JSC)\.?,?[ \t\n]+and[ \t\n]+(?=[A-Z])"
)
#: "the Washington-based Atlantic Council": where a body sits is no part of its name
_BASED = re.compile(r"^(?:the\s+)?(?:[A-Z][\w.'’]*[ -])*[A-Z][\w.'’]*-based\s+(?=[A-Z])")


def _person_like(words: str) -> bool:
    """ "Jim McGroarty", "Tom Campbell": two or three capitalised words with no word of a body
    or a place's name in them."""
    return not re.search(
        rf"\b(?:{_ORG_TAIL}|{_ORG_HEAD}|National|International|First|General|United|American|"
        r"Federal|Central|State|Royal|New|North|South|East|West)\b",
        words,
    )


def _split_at_suffix(surface: str, start: int) -> list[tuple[str, int]]:
    pieces: list[tuple[str, int]] = []
    for m in _SUFFIX_AND.finditer(surface):
        cut = m.start() + len(m.group(0).split()[0].rstrip(","))
        pieces.append((surface[:cut], start))
        surface, start = surface[m.end() :], start + m.end()
        return pieces + _split_at_suffix(surface, start)
    return [*pieces, (surface, start)]


#: Words that end a company's name but also name a minister's portfolio
_PORTFOLIO_TAIL = (
    r"\b(?:Commerce|Trade|Industry|Energy|Development|Investment|Trading|Petroleum|Steel|"
    r"Shipping|Logistics)$"
)
#: "MD of the Kenya Ports Authority": a title before the body is the official's, not the name
_TITLE_OF = re.compile(
    r"^(?:(?:Managing|Executive|Deputy|Vice|Acting|Chief|Assistant|General|Regional)[ \t]+)*"
    r"(?:MD|DG|CEO|COO|CFO|GM|Chairman|Chairwoman|Chairperson|President|Director|Secretary|"
    r"Minister|Head|Chief|Commissioner|Governor)(?:[ \t]+General)?[ \t]+of[ \t]+(?:the[ \t]+)?(?=[A-Z])"
)


#: "Bank of Tokyo in New York": a city after "in" says where the body is, not who
_IN_PLACE = re.compile(r"\s+in\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?$")


def _trim_org(text: str, start: int) -> tuple[str, int]:
    title = _TITLE_OF.match(text)
    if title:
        start += title.end()
        text = text[title.end() :]
    located = _IN_PLACE.search(text)  # "Bank of Tokyo in New York": where, not who
    if located:
        text = text[: located.start()]
    based = _BASED.match(text)
    if based:
        start += based.end()
        text = text[based.end() :]
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
        owner = _PLACE_BEFORE.search(text, max(0, hit.start - 30), hit.start)
        if (
            owner
            and entry.data.get("country") is None
            and entry.data.get("kind") == "government"
            and places.lookup(owner.group(1))
        ):  # "the Hamburg Senate", "the Kenyan Parliament": a generic house of a named place
            surface = text[owner.start(1) : hit.end]
            raw.append(OrgMatch(owner.start(1), hit.end, surface, " ".join(surface.split()),
                                None, "government", None, "organization.lexicon.owned"))  # fmt: skip
            continue
        raw.append(OrgMatch(hit.start, hit.end, hit.text, entry.data["name"],
                            entry.data.get("acronym"), entry.data.get("kind") or "other",
                            entry.data.get("country"), "organization.lexicon"))  # fmt: skip
    for m in _ORG_PATTERN.finditer(text):
        pieces = _split_at_suffix(
            *org_rules.strip_person(*_trim_org(m.group(0), m.start()), _person_like)
        )
        for surface, start in (_trim_org(*piece) for piece in pieces):
            surface = (
                surface.rstrip(" ,.")
                if not surface.endswith(("Ltd.", "Inc.", "Corp.", "Co."))
                else surface
            )
            if len(surface) < 4 or not re.search(r"\s", surface.strip()):  # "Wine\nInstitute"
                continue
            if re.match(
                r"\s+(?:[Mm]inister|[Ss]ecretary|[Dd]irector|[Cc]ommissioner)\b",
                text[start + len(surface) :],
            ) and re.match(r"(?:Deputy|Vice|Acting|Assistant|Junior|State)\s", surface):
                continue  # "Deputy Shipping Minister": a title, not a body named "Deputy Shipping"
            if re.match(
                r"\s+(?:[Mm]inister|[Ss]ecretary|[Cc]ommissioner)\b", text[start + len(surface) :]
            ) and re.search(_PORTFOLIO_TAIL, surface):
                continue  # "U.S. Commerce Secretary": a portfolio, not a body "U.S. Commerce"
            end = start + len(surface)
            if places.lookup(surface) or re.search(
                r"\b(?:PHOTO|Photo)\b", text[max(0, start - 10) : start]
            ):
                continue
            if re.search(r"(?i)equivalent\s+units?\b", surface):
                continue  # "Twenty-foot Equivalent Units (TEUs)": a unit, not a body
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
    for found in (
        *org_rules.marked_companies(text),
        *org_rules.agency_mentions(text),
        *org_rules.portfolio_bodies(text),
    ):
        raw.append(OrgMatch(found.start, found.end, found.text, found.name, None, found.kind,
                            found.country, found.rule))  # fmt: skip
    raw.extend(_defined_names(text, places))
    raw.extend(_defined_foreign(text, places))
    raw.extend(_zone_committees(text))
    raw.extend(_place_customs(text, places))
    raw = [r for r in raw if not any(s <= r.start and r.end <= e for s, e in skip)]
    # "Twenty-foot Equivalent Units (TEUs)" defines a unit, not a body
    raw = [r for r in raw if not re.search(r"(?i)equivalent\s+units?\b", r.name)]
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
    uses = _acronym_uses(text, defined)
    for acronym, org in defined.items():
        for start, end in uses.get(acronym, ()):
            if not any(k.start <= start < k.end for k in kept):
                kept.append(OrgMatch(start, end, acronym, org.name, acronym, org.kind,
                                     org.country, "organization.acronym"))  # fmt: skip
    return _merge_orgs(kept)


#: Where a use of a defined acronym can start: a capital after no letter, digit or bracket
_ACRONYM_START = re.compile(r"(?<![\w(])[A-Z]")
#: A character an acronym's use cannot end before ("KPTs", "(KPT)" is its definition)
_WORD_OR_CLOSE = re.compile(r"[\w)]")


def _acronym_uses(text: str, acronyms: Collection[str]) -> dict[str, list[tuple[int, int]]]:
    r"""Every use of the defined ``acronyms`` standing alone, in text order: one scan for the
    capitals a use can start at and a dictionary lookup of the words starting there. A regex
    per acronym cost a compilation and a scan of the whole text each. The spans are those
    ``re.finditer`` gives for ``(?<![\w(])ACRONYM(?![\w)])``: an acronym's uses never
    overlap."""
    uses: dict[str, list[tuple[int, int]]] = {}
    if not acronyms:
        return uses
    lengths = sorted({len(a) for a in acronyms})
    for m in _ACRONYM_START.finditer(text):
        start = m.start()
        for size in lengths:
            end = start + size
            if end > len(text):
                break
            word = text[start:end]
            if word not in acronyms or _WORD_OR_CLOSE.match(text, end):
                continue
            found = uses.setdefault(word, [])
            if not found or start >= found[-1][1]:
                found.append((start, end))
    return uses


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
    if _ends_with_word(name, word.strip()):
        return name[: -len(word.strip())].rstrip(" ,"), letters
    # "Batam Indonesia Free Zone Authority (BP Batam)": the word is the name's, the letters
    # come from the name in another language
    return (name, letters) if _has_word(name, word.strip()) else None


#: One character of a word, as ``\b`` reads it
_WORD_CHAR = re.compile(r"\w")


def _bounded(name: str, start: int, end: int) -> bool:
    r"""Whether ``name[start:end]`` has a word boundary at each end (``\b`` around a word that
    starts and ends with a letter, as an acronym's word does)."""
    return not (start and _WORD_CHAR.match(name, start - 1)) and not (
        end < len(name) and _WORD_CHAR.match(name, end)
    )


def _ends_with_word(name: str, word: str) -> bool:
    r"""``re.search(rf"\b{word}$", name)`` without a pattern per word (``$`` also matches
    before a final line break)."""
    if not word or not (_WORD_CHAR.match(word) and _WORD_CHAR.match(word, len(word) - 1)):
        return bool(re.search(rf"\b{re.escape(word)}$", name))  # not an acronym's word
    for tail in ("", "\n"):
        if name.endswith(word + tail):
            start = len(name) - len(tail) - len(word)
            if not (start and _WORD_CHAR.match(name, start - 1)):
                return True
    return False


def _has_word(name: str, word: str) -> bool:
    r"""``re.search(rf"\b{word}\b", name)`` without a pattern per word."""
    if not word or not (_WORD_CHAR.match(word) and _WORD_CHAR.match(word, len(word) - 1)):
        return bool(re.search(rf"\b{re.escape(word)}\b", name))  # not an acronym's word
    at = name.find(word)
    while at >= 0:
        if _bounded(name, at, at + len(word)):
            return True
        at = name.find(word, at + 1)
    return False


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
            if re.search(r",\s+(?:the|a|an)\s", candidate):
                continue  # "In Fiji, the Fiji Ports Corporation (FPCL)": the name starts later
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


_PLACE_BEFORE = re.compile(r"([A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+)?)[ \t]+$")
_COMPANY_SUFFIX = re.compile(r",?\s+(?:inc|corp|co|ltd|plc|llc|limited|corporation)\.?$")


def _merge_orgs(orgs: list[OrgMatch]) -> list[OrgMatch]:
    """One match per organisation: its first mention, with the others as mentions."""
    by_key: dict[str, OrgMatch] = {}
    order: list[str] = []
    for org in sorted(orgs, key=lambda o: o.start):
        # "United States Lines Inc" and later "United States Lines" are one company
        key = _COMPANY_SUFFIX.sub("", normalise_name(org.name).replace("-", " "))
        if key not in by_key and " " not in key:
            # "the Hamburg Senate ... the Senate": a bare head word after a body it ends
            key = next((k for k in order if k.endswith(" " + key)), key)
        if key in by_key:
            head = by_key[key]
            head.mentions.append((org.start, org.end))
            head.acronym = head.acronym or org.acronym
            head.country = head.country or org.country
        else:
            by_key[key] = org
            order.append(key)
    return [by_key[k] for k in order]
