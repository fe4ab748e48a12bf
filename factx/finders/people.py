"""Officials: who said what, in which role, for whom.

Rule-based and deterministic. An official is a name next to a title from the packaged lexicon,
in one of the patterns news uses: "NAME, TITLE of ORG", "TITLE NAME", "said NAME, TITLE at
ORG". A name without a role is not an official. Organisations are found in
``factx.finders.organizations``; this module ties officials to them.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from factx._regex import trie_pattern
from factx.finders.organizations import _ORG_TAIL, OrgMatch, _org_kind, find_organizations
from factx.gazetteer import Gazetteer, normalise_name

__all__ = [
    "OfficialMatch",
    "OrgMatch",
    "find_officials",
    "find_organizations",
    "role_organizations",
]


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
    #: the organisation is the country written before the title ("Uzbek PM NAME"); a title
    #: that names an office of its own still gives that office (``bodies.titled_bodies``)
    country_org: bool = False


# --- officials ------------------------------------------------------------------------------

_PARTICLE = r"(?:bin|binti|ibn|al|el|de|da|del|van|von|der|dos|du|la|le|ul|ur|e)"
# Capital and small letters of Latin scripts with diacritics ("Solís", "Gheorghiță", "Åkesson")
_UP = "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĴĶĹĻĽĿŁŃŅŇŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽȘȚ"
_LOW = "a-zß-öø-ÿāăąćĉċčďđēĕėęěĝğġģĥħĩīĭįıĵķĺļľŀłńņňōŏőœŕŗřśŝşšţťŧũūŭůűųŵŷźżžșț"
_NAME_TOKEN = (
    rf"(?:[{_UP}][{_LOW}'’]+(?:-[{_UP}]?[{_LOW}'’]+)*|(?:Al|El)-[A-Z][a-z]+|O'[A-Z][a-z]+"
    rf"|Mc[A-Z][a-z]+|(?:[A-Z]\.){{2,3}}|[A-Z]\.|[A-Z](?=[ \t]+[A-Z]))"
)
_NAME = rf"(?:{_NAME_TOKEN}(?:\s+(?:{_PARTICLE}\s+){{0,2}}{_NAME_TOKEN}){{1,3}})"
_HONORIFIC = (
    r"(?:Datuk\s+Seri|Dato['’]?\s+Seri|Dato['’]?\s+Sri|Mr|Mrs|Ms|Miss|Dr|Prof|Professor|Sir|Dame|Madam|Mme|Alhaji|Alhaja|Chief|Engr|Hon|"
    r"Sheikh|Shri|Smt|General|Gen|Colonel|Col|Captain|Capt|Admiral|Ambassador|Nawab|Datuk|Ratu|Daw|U|"
    r"Datuk|Dato|Datin|Tan\s+Sri|Pehin|Haji|Hajjah|Baroness|Baron|Lord|Lady|Vice\s+Admiral|"
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
    "Autonomous", "Uygur", "Uyghur", "Zhuang", "Municipality", "Ports", "Terminal", "Terminals",
    "News",
    "Agency",
}  # fmt: skip
_SPEECH = r"(?:said|says|say|added|noted|told|stressed|explained|stated|remarked|pointed\s+out|announced|urged|warned|commented|emphasized|emphasised|revealed|confirmed|insisted|argued|observed)"


def _title_escape(char: str) -> str:
    return {" ": r"[\s-]+", "-": r"[\s-]"}.get(char, re.escape(char))


@lru_cache(maxsize=4)
def _title_regex(titles: frozenset[str]) -> str:
    alts = trie_pattern({t.lower() for t in titles}, _title_escape)
    modifiers = r"(?:(?:dy\.|under(?=[\s-]*secretary)|former|acting|then|outgoing|incoming|newly[\s-]appointed|independent|deputy|vice|assistant|senior|executive|chief|associate|first|regional|country|general|commercial|technical|financial|operating)[\s-]+)*"
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
        rf"(?:(?P<hon>{_HONORIFIC})\s+)?(?P<name>{_NAME}),\s+(?:(?:IAS|IPS|IFS|IRS|IRTS|IRSME)\s*,\s+)?(?:(?:the|a|an|its|his|her)\s+)?"
        rf"(?P<role>(?P<title>(?:[\w.'’-]+\s+){{0,3}}?{title})(?:\s+\([^()]{{1,60}}\))?"
        rf"(?:\s+(?:of|at|for|with|in|from|to|based\s+in)\s+(?:[^,;()]|\([^()]{{0,40}}\))+?)?){role_end}"
    )
    before = re.compile(
        rf"(?P<title>{title}(?:\s+(?:of|for)\s+(?:the\s+)?[A-Z][\w'’-]*"
        rf"(?:\s+(?:and\s+|&\s+|of\s+(?:the\s+)?|for\s+)?[A-Z][\w'’-]*)*?|\s+for\s+(?:[a-z][\w-]*\s+){{0,2}}[a-z][\w-]*)?)"
        rf"\s*,?\s+(?:(?P<hon>{_HONORIFIC})\s+)?(?P<name>{_NAME})(?![\w-])"
    )
    paren = re.compile(rf"(?P<name>{_NAME})\s+\((?P<role>(?P<title>{title})[^()]*)\)")
    # "Director of the Banco do Brasil's foreign trade department (CACEX), Roberto Fendt, told"
    title_comma = re.compile(
        rf"(?<![\w,])(?P<role>(?P<title>{title})\s+(?:of|at|for|to|in)\s+(?:[^,;.]|\.(?=\S)){{3,120}}?),\s+"
        rf"(?:(?P<hon>{_HONORIFIC})\s+)?(?P<name>{_NAME})(?:,\s+(?={_SPEECH}\b|who\b|has\b|had\b|was\b|is\b|will\b|would\b|also\b)"
        rf"|\s+(?={_SPEECH}\b)|(?=\.(?:\s|$)))"
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
        name_start = m.start("name")
        lead = _SENTENCE_ADVERB.match(name)
        if lead:  # "Later Wang Wentao, Minister of Commerce, said": the adverb is no name
            name, name_start = name[lead.end() :], name_start + lead.end()
        if not _valid_name(name, places, orgs):
            continue
        role_title, org = _whole_title(m.group("role"), titles) or _appositive_role(
            m.group("role"), places, orgs
        )
        country = _country_owner(m.group("role"), places, whole=False)
        if country is not None and org is not None and org in m.group("role"):
            country = None  # "NAME, Slovenian director of Luka Koper": the body is written
        first = role_title.split()[0] if role_title.split() else ""
        if country is not None and any(
            e.kind == "country" for e in places.lookup(re.sub(r"['’]s$", "", first))
        ):  # "NAME, U.S. ambassador to the GATT": the title without the country
            role_title = role_title.split(None, 1)[1] if " " in role_title else role_title
        org = country or org or _org_after(m.end("role"), org_matches, text, _JOIN_COMMA)
        add(OfficialMatch(name_start, m.end("name"), name, name, m.group("hon"), role_title,
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
            # "Minister of Social Affairs Louw de Graaf": a particle belongs to the name
            keep = 3 if len(tokens) > 3 and re.fullmatch(_PARTICLE, tokens[-2]) else 2
            if (
                len(tokens) > keep
                and _valid_name(" ".join(tokens[-keep:]), places, orgs)
                and not any(places.lookup(t) for t in tokens[:-keep])  # "Nepal Intermodal ..."
            ):
                title_text = f"{title_text} {' '.join(tokens[:-keep])}".strip()
                name = " ".join(tokens[-keep:])
            else:
                continue
        window_start = _sentence_start(text, m.start(), 80)
        # "Trade Representative Clayton Yeutter and Agriculture Secretary Richard Lyng": the
        # words before the title start after the official named before
        window_start = max([window_start, *(o.end for o in found if o.end <= m.start())])
        pre_match = _PRE.search(text, window_start, m.start())
        pre = pre_match.group(0).strip() if pre_match else ""
        pre = re.sub(r"^(?:and|or|&)\s+", "", pre)
        surnames = {o.name.split()[-1] for o in found}
        joined = re.match(r"^(?:.*\s)?(?P<w>\S+)\s+(?:and|&)(?:\s+|$)", pre)
        if joined and joined.group("w") in surnames:  # "that Yeutter and Agriculture Secretary"
            pre = pre[joined.end() :]
        pre_start = pre_match.start() if pre_match else m.start()
        title_text, title_org = _title_of_body(title_text, org_matches, orgs, places)
        explicit = title_org or _org_before(pre, pre_start, org_matches, text)
        # a country written before the title is the official's organisation (a title that is
        # an office's own name, "U.S. Trade Representative", keeps its office: titled_bodies)
        country = (
            None
            if explicit
            else _country_owner(pre, places)
            or _country_owner(m.group("title"), places, whole=False)
        )
        org = (
            country
            or _implied_org(_portfolio_title(pre, title_text, titles))
            or _portfolio_ministry(pre, title_text)
            or explicit
            or _org_adjacent(m.start(), org_matches, text, places)
            or _org_after(m.end("name"), org_matches, text, _JOIN_OF)
        )
        title_text = _portfolio_title(pre, title_text, titles)
        span_start = m.start("title")
        add(OfficialMatch(span_start, m.end("name"), text[span_start : m.end("name")], name,
                          m.group("hon"), title_text, org, "official.title_before",
                          country_org=country is not None and org == country))  # fmt: skip
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
        if acronym and acronym.group(1).lower() not in titles:  # "DG of Customs" is a title
            official.title = official.title[acronym.end() :]
            official.organization = official.organization or acronym.group(1)
    for official in found:
        if official.organization is None:
            official.organization = _kind_org(official, org_matches) or _its_org(
                text, official, org_matches
            )
    for match in _surname_only(text, found, places, orgs):
        add(match)
    for official in found:  # "NAME, Executive Director of GAPKI": the title and the body
        title, body = _title_of_body(official.title, org_matches, orgs, places)
        if body is not None and official.organization in (None, body):
            official.title, official.organization = title, body
        elif body is None:
            official.title = title  # "minister of foreign trade of Uzbekistan": no country
    for official in found:  # "Secretary of State George Shultz's visit": not his name
        possessive = re.search(r"['’]s$", official.name)
        if possessive:
            official.name = official.name[: possessive.start()]
            official.end -= 2
            official.text = official.text[:-2]
    found = _one_per_person(found)
    _later_mentions(text, found)
    found.sort(key=lambda o: o.start)
    return found


#: Titles that name a person by the surname alone: "President Tokayev said", "Gov. Hochul"
_SURNAME_TITLE = re.compile(
    r"(?<![\w.])(?P<pre>(?:[A-Z][\w.'’-]*\s+){0,2}?)(?P<title>President|Prime\s+Minister|Premier|"
    r"Chancellor|Governor|Gov\.|Senator|Sen\.|Rep\.|Representative|King|Emir|Sultan|Minister|"
    r"Secretary|Chairman|Chairwoman|Mayor|Ambassador)\s+"
    rf"(?P<name>[{_UP}][{_LOW}'’]+(?:-[{_UP}][{_LOW}'’]+)?)"
    rf"(?=['’]s\b|\s*[,.;:)]|\s+(?:[a-z]|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b))"
)


def _title_of_body(
    title: str, org_matches: Sequence[OrgMatch], orgs: Gazetteer, places: Gazetteer
) -> tuple[str, str | None]:
    """ "Chairman of the Suez Canal Authority NAME": a title "of" a named body is the title
    and the body; "Minister of Agriculture of Kazakhstan": the country that owns a portfolio
    is no part of the title (its government is the country's, said elsewhere)."""
    owned = re.match(r"^(?P<t>.+\bof\s+.+?)\s+of\s+(?P<c>[A-Z][\w'’ -]+)$", title)
    if owned and any(e.kind == "country" for e in places.lookup(owned.group("c"))):
        title = owned.group("t")
    split = re.match(r"^(?P<t>.+?)\s+(?:of|at)\s+(?:the\s+)?(?P<o>[A-Z].+)$", title)
    if split is None:
        return title, None
    body = split.group("o")
    named = {" ".join(o.text.split()) for o in org_matches} | {o.name for o in org_matches}
    if body in named or any(e.kind == "organization" for e in orgs.lookup(body)):
        return split.group("t"), body
    return title, None


#: What stands between a name or a role and the body written after it
_JOIN_COMMA = re.compile(r",[ \t]+(?:the[ \t]+)?")
_JOIN_OF = re.compile(r"\s+of\s+(?:the\s+)?")


_SENTENCE_ADVERB = re.compile(
    r"(?:Later|Earlier|Meanwhile|However|Also|Separately|Elsewhere|Previously|Subsequently|"
    r"Then|Now|Today|Yesterday|Additionally|Moreover|Furthermore)\s+(?=[A-Z])"
)


def _one_per_person(found: list[OfficialMatch]) -> list[OfficialMatch]:
    """ "Wang Wentao, Minister of Commerce, said ... Minister of Commerce Wang Wentao added":
    one person named in full several times is one official; the later namings are its
    mentions, and fill a title or organisation the first one lacks. Records never claim
    each other's spans."""
    first: dict[str, OfficialMatch] = {}
    kept: list[OfficialMatch] = []
    for official in sorted(found, key=lambda o: o.start):
        head = first.get(official.name)
        if head is None:
            first[official.name] = official
            kept.append(official)
            continue
        head.mentions.append((official.start, official.end))
        head.organization = head.organization or official.organization
        if not head.title:
            head.title = official.title
    return kept


def _org_after(
    position: int, org_matches: Sequence[OrgMatch], text: str, joiner: re.Pattern[str]
) -> str | None:
    """ "Chairman S K Mehta of the Kandla Port Trust", "NAME, IAS, Chairman, Jawaharlal Nehru
    Port Authority, said": the body written right after the name or the role."""
    join = joiner.match(text, position)
    if join is None:
        return None
    for org in org_matches:
        for s, e in [(org.start, org.end), *org.mentions]:
            if s == join.end() and re.match(
                r"\s*(?:[,.;)]|$|(?:said|says|told|added)\b)", text[e:]
            ):
                return text[s:e]
    return None


_NOT_SURNAMES = frozenset(
    {"Street", "Road", "Avenue", "Square", "Bridge", "Hotel", "Hall", "Park", "Award", "Cup",
     "House", "Palace", "Office", "Building", "Plaza", "Boulevard", "Highway", "Line", "Said",
     "League", "Inn", "Island", "Center", "Centre", "Club", "Hospital", "School", "College",
     "University", "Group", "Company", "Bank", "Airport", "Port", "Terminal", "Council",
     "Committee", "Board", "General", "Designate", "Elect", "Emeritus"}
)  # fmt: skip


def _surname_only(
    text: str, found: list[OfficialMatch], places: Gazetteer, orgs: Gazetteer
) -> list[OfficialMatch]:
    """ "President Reagan", "Prime Minister Nakasone said": a title and a surname alone name an
    official, unless an official found already has that surname (then it is a later mention),
    or the word is a place, a body or a common capitalised word ("President Street")."""
    surnames = {o.name.split()[-1] for o in found}
    out: list[OfficialMatch] = []
    for m in _SURNAME_TITLE.finditer(text):
        name = m.group("name").removesuffix("'s").removesuffix("’s")
        if (
            name in surnames
            or name in _NOT_NAME_WORDS
            or name in _NOT_SURNAMES
            or places.lookup(name)
            or orgs.lookup(name)
            or re.match(r"\s+[A-Z](?!\w*day\b)", text[m.end("name") :])
        ):
            continue
        surnames.add(name)
        title = " ".join(m.group("title").split())
        org = _country_owner(m.group("pre"), places)
        start = m.start("title")
        out.append(OfficialMatch(start, m.end("name"), text[start : m.end("name")], name, None,
                                 title, org, "official.surname"))  # fmt: skip
    return out


def _country_owner(pre: str, places: Gazetteer, *, whole: bool = True) -> str | None:
    """ "Uzbek PM NAME", "Ghanaian President NAME", "U.S. Agriculture Secretary NAME": a
    nationality or a country written before the title makes that country's government the
    official's organisation, named as the country. Only a portfolio's capitalised words may
    stand between the country and the title ("Vladimir Putin and Chinese President": the
    country is the one after "and"). ``whole=False`` reads the start of an appositive role
    ("NAME, Belgian Foreign Trade Minister"), where a title must follow the country."""
    words = [w for w in pre.split() if w not in ("The", "the", "a", "A")]
    if not whole:
        words = words[:4]
    for i in range(len(words)):
        for size in (3, 2, 1):
            if i + size > len(words):
                continue
            head = re.sub(r"['’]s$", "", " ".join(words[i : i + size]))
            rest = words[i + size :]
            if whole and not all(w[:1].isupper() and w not in ("And",) for w in rest):
                continue
            if not whole and (i > 0 or not rest):
                continue
            for entry in places.lookup(head):
                if entry.kind == "country":
                    return str(entry.data["name"])
    return None
    for size in (3, 2, 1):
        head = " ".join(words[:size])
        head = re.sub(r"['’]s$", "", head)
        if not head or len(words) < size:
            continue
        for entry in places.lookup(head):
            if entry.kind == "country":
                if not whole and (size >= len(words) or not words[size][:1].isupper()):
                    return None  # "NAME, Chinese official": no title follows the country
                return str(entry.data["name"])
    return None


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


#: The words a body is referred back to by ("the authority", "port director"), each as a
#: whole word in any case, compiled once here rather than per call
_BODY_WORDS = (
    "authority", "committee", "group", "customs", "ministry", "bureau", "company", "agency",
    "department", "board", "administration", "council", "association", "port", "operator",
    "terminal", "corporation", "firm", "commission", "trust", "consortium", "custom",
    "railway", "airport", "canal", "harbor", "harbour",
)  # fmt: skip
_WORD_PATTERNS: dict[tuple[str, bool], re.Pattern[str]] = {
    (word, plural): re.compile(rf"(?i)\b{word}{'s?' if plural else ''}\b")
    for word in _BODY_WORDS
    for plural in (False, True)
}


def _word_pattern(word: str, *, plural: bool = False) -> re.Pattern[str]:
    r"""``(?i)\bWORD\b`` (``WORDs?`` when ``plural``) for a body's generic word."""
    pattern = _WORD_PATTERNS.get((word, plural))
    if pattern is None:  # every word the rules can give is above; this keeps it total
        pattern = re.compile(rf"(?i)\b{re.escape(word)}{'s?' if plural else ''}\b")
        _WORD_PATTERNS[word, plural] = pattern
    return pattern


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
        if o.start < official.start and _word_pattern(kind, plural=True).search(o.name)
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
            if o.start < ref.start() and _word_pattern(head).search(o.name)
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
            if o.start < position and _word_pattern(head).search(o.name)
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


#: Where a later mention of a name can end: before a verb of speech, a possessive or ", who"
_MENTION_END = re.compile(rf"(?=\s+{_SPEECH}\b|'s\s|,\s+who\b)")
#: A character a name cannot follow ("Al-Sayed" is not a mention of "Sayed")
_WORD_OR_HYPHEN = re.compile(r"[\w-]")


def _mention_spans(text: str, parts: Collection[str]) -> dict[str, list[tuple[int, int]]]:
    r"""Where each of ``parts`` stands alone before a verb of speech, a possessive or ", who",
    in text order. One scan for the places a mention can end and a dictionary lookup of the
    words ending there: a regex per name cost a compilation (~1 ms) and a scan of the whole
    text each, which made long articles with many officials superlinear. The spans are those
    ``re.finditer`` gives for ``(?<![\w-])PART(?=...)``: a part's matches never overlap."""
    spans: dict[str, list[tuple[int, int]]] = {}
    if not parts:
        return spans
    lengths = sorted({len(part) for part in parts})
    for m in _MENTION_END.finditer(text):
        end = m.start()
        for size in lengths:
            start = end - size
            if start < 0:
                break
            part = text[start:end]
            if part not in parts or (start and _WORD_OR_HYPHEN.match(text, start - 1)):
                continue
            found = spans.setdefault(part, [])
            if not found or start >= found[-1][1]:
                found.append((start, end))
    return spans


def _later_mentions(text: str, officials: list[OfficialMatch]) -> None:
    """ "Wang said": a surname (or given name) alone joins the official it names, if only one."""
    owners: dict[str, list[OfficialMatch]] = {}
    for official in officials:
        for part in {official.name.split()[0], official.name.split()[-1]}:
            if len(part) > 1:
                owners.setdefault(part, []).append(official)
    unique = {part: people[0] for part, people in owners.items()
              if len({p.name for p in people}) == 1}  # fmt: skip
    spans = _mention_spans(text, unique)
    for part, person in unique.items():
        for start, end in spans.get(part, ()):
            if start >= person.end and not any(s <= start < e for s, e in person.mentions):
                person.mentions.append((start, end))
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
        spans = _occurrences(text[lo:hi], name)
        if not spans:
            continue
        start = lo + min(spans, key=lambda s: abs(lo + s - official.start))
        found.append(OrgMatch(start, start + len(name), name, name, None, _org_kind(name), None,
                              "organization.role"))  # fmt: skip
        known.add(_org_key(name))
    return found


def _occurrences(text: str, word: str) -> list[int]:
    r"""Where ``word`` starts in ``text``, non-overlapping left to right (what
    ``re.finditer(re.escape(word), text)`` gives, without compiling a pattern per name)."""
    starts: list[int] = []
    at = text.find(word)
    while at >= 0:
        starts.append(at)
        at = text.find(word, at + len(word))
    return starts


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
