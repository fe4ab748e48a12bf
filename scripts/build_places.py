#!/usr/bin/env python3
"""Build the place gazetteers ``factx/data/regions.tsv`` and ``factx/data/countries.tsv``.

Why this script exists: pycountry (Debian iso-codes) is the authority for which ISO 3166 codes
exist, but its names are local romanisations ("Xinjiang Uygur Zizhiqu", "Moskovskaya oblast'")
that trade news never writes. The English names, variants and adjectives are curated by hand
in ``factx/data/sources/``; ambiguity flags come from the word lists below and from names that
collide. Everything is merged here with pycountry, so that

* the code lists stay exactly those of the installed pycountry (nothing invented, nothing lost),
* every curated code is checked against pycountry before anything is written, and
* the generated files are reproducible byte for byte and are never edited by hand.

Run from anywhere::

    python scripts/build_places.py           # (re)write the two generated files
    python scripts/build_places.py --check   # exit 1 if the files on disk are stale

Curated file conventions (see ``factx/data/sources/PLACES_SOURCES.md``):

* ``region_names.tsv``: ``code name aliases kind``; ``country_names.tsv``: ``code names
  adjectives``. Lists are ``|``-separated. In ``country_names.tsv`` the first entry of
  ``names`` is the display name.
* An alias written ``-Foo`` suppresses the automatically derived alias ``Foo`` (and its
  diacritics-free twin), for pycountry names that would mislead (the state of Mexico's
  "México", Kyrgyzstan's Osh region whose pycountry name is also Osh city's).
"""

from __future__ import annotations

import argparse
import re
import sys
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pycountry
from _fold import FOLD_TABLE


def word_set(text: str, separator: str | None = None) -> frozenset[str]:
    """A frozenset from a whitespace- (or ``separator``-) separated block of words, so the
    hand-kept word lists below stay readable as prose-like paragraphs."""
    return frozenset(item.strip() for item in text.split(separator) if item.strip())


ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "factx" / "data"
SOURCES_DIR = DATA_DIR / "sources"
REGION_SOURCE = SOURCES_DIR / "region_names.tsv"
COUNTRY_SOURCE = SOURCES_DIR / "country_names.tsv"
REGIONS_OUT = DATA_DIR / "regions.tsv"
COUNTRIES_OUT = DATA_DIR / "countries.tsv"

REGION_SOURCE_HEADER = ("code", "name", "aliases", "kind")
COUNTRY_SOURCE_HEADER = ("code", "names", "adjectives")
REGIONS_HEADER = ("code", "country", "name", "aliases", "kind", "flags")
COUNTRIES_HEADER = ("code", "name", "aliases", "adjectives", "flags")

#: Countries whose first-level subdivisions must all have a curated English row: the places
#: factx's trade news is about. A missing row is an error, so a new pycountry subdivision in
#: one of these countries cannot slip through with only its local name.
CURATED_COUNTRIES = word_set(
    "CN IN US PK KZ UZ KG TJ TM MN RU DE GB FR IT ES PL NL BE TR IR SA AE VN TH ID MY PH "
    "BD LK NG KE ZA EG ET BR MX AR CL PE CA AU KR UA"
)

#: Countries whose ISO 3166-2 top level is geographical or planning units (Indonesia: Java,
#: Sumatra...; the Dominican Republic: ten development regions) while the administrative first
#: level, the one news names ("Riau Islands province", "Santo Domingo province"), sits one step
#: below: both levels are kept.
PROVINCES_UNDER_UNITS = frozenset({"ID", "DO"})

#: Historic states kept as their own rows: code used in factx facts -> ISO 3166-3 alpha-4
#: code in pycountry.historic_countries (the check that they really are historic ISO codes).
#: Burma, Zaire, West Germany, Dahomey, Upper Volta, Rhodesia... are NOT here: their
#: territory continues under a current code, so they are names of MM, CD, DE, BJ, BF, ZW.
#: CS is ambiguous in ISO 3166-3 (Czechoslovakia CSHH, Serbia and Montenegro CSXX); factx
#: uses it for Czechoslovakia, as 1980s wire copy does.
HISTORIC_CODES: dict[str, str] = {
    "AN": "ANHH",  # Netherlands Antilles
    "CS": "CSHH",  # Czechoslovakia
    "DD": "DDDE",  # East Germany
    "SU": "SUHH",  # Soviet Union
    "YD": "YDYE",  # South Yemen
    "YU": "YUCS",  # Yugoslavia
}

#: Words that say where or what a unit is but not which one. An alias made only of these
#: ("Central", "Capital Region", "Eastern Province") would match ordinary prose or many
#: countries at once, so it is dropped; a *name* made only of them is kept (it is the
#: unit's real name, e.g. Sri Lanka's "Western Province") and flagged ``common_word``.
GENERIC_WORDS = word_set(
    """
    north south east west northern southern eastern western central centre center middle
    northeast northwest southeast southwest northeastern northwestern southeastern
    southwestern upper lower inner outer far extreme oriental occidental orientale
    occidentale septentrional meridional nord sud est ouest norte sul centro littoral
    capital national federal metropolitan metro special autonomous administrative regional
    region province state district territory area city municipality county division
    department governorate prefecture zone island islands coast coastal interior inland
    maritime highlands lowlands valley the of and de du des la le
    """
)

#: Whole names that are also ordinary English words or phrases, compared lower-cased and
#: diacritics-free ("Delta" State, "Van" province, "Acre" state, "Réunion"). Abbreviations
#: in capitals ("US") are exempt: a case-sensitive matcher does not confuse them.
COMMON_WORDS = word_set(
    """
    acre bar batman bay cascade chad chihuahua chile chin china colon delta guernsey guinea
    gulf japan jersey lac lakes male meta mon mono nan panama para pest plateau pool reunion
    rivers store tabasco turkey unity van
    """
) | frozenset({"free state"})

#: Whole names that are also commonly people's first names.
PERSON_NAMES = word_set(
    """
    alberta carolina chad georgia isabel israel jordan lara leon nelson sofia victoria
    virginia
    """
)

#: Whole names that are also the names of wider areas than the unit ("Sahel transit cargo" is
#: the belt south of the Sahara, not Burkina Faso's Sahel region); they need "X region".
AREA_NAMES = word_set(
    """
    sahel balkan kurdistan tasman
    """
)

#: Whole names that are also the names of major cities (a region or country that shares its
#: name with a city: city-states, municipalities, provinces named after their capital). An
#: extractor should want context ("X province", "the state of X") before calling these a
#: region. Compared lower-cased and diacritics-free.
CITY_NAMES = word_set(
    """
    abidjan|abu dhabi|brest|gomel|homel|grodno|hrodna|mogilev|mahilyow|vitebsk|vitsebsk|
    jonkoping|jönköping|kalmar|orebro|örebro|uppsala|stockholm|luang prabang|savannakhet|
    abuja|adana|addis ababa|jakarta|yogyakarta|santo domingo|kingston|ajman|alexandria|alger|almaty|andijan|andijon|
    ankara|antalya|antofagasta|ardabil|arequipa|ashgabat|astana|asuncion|aswan|asyut|baghdad|
    baki|baku|bamako|bangkok|barisal|barishal|basra|batman|bauchi|bayrut|beijing|beirut|
    belgrade|beograd|berlin|bishkek|bratislava|brazzaville|bremen|brussels|bucharest|bucuresti|
    budapest|buenos aires|bukhara|bursa|busan|bushehr|buxoro|cairo|callao|can tho|canton|
    chandigarh|chattogram|chiang mai|chisinau|chittagong|chongqing|conakry|cordoba|cusco|
    da nang|daegu|daejeon|dakar|damascus|dar es salaam|davao|delhi|denizli|dhaka|dimashq|
    dire dawa|diyarbakir|djibouti|doha|dubai|dushanbe|elazig|enugu|erevan|erzurum|eskisehir|
    fujairah|gaziantep|gibraltar|giza|gombe|groningen|gwangju|ha noi|hai phong|haiphong|hamadan|
    hamburg|hanoi|harare|ho chi minh city|hong kong|ilam|incheon|isfahan|islamabad|ismailia|
    istanbul|izmir|jalal-abad|kabul|kaduna|kandahar|kano|karbala|katsina|kayseri|kerman|
    kermanshah|khartoum|khulna|kiev|kinshasa|kirkuk|kisumu|konya|kuala lumpur|kuwait|kyiv|kyoto|
    la paz|lagos|lima|lisboa|ljubljana|luanda|lusaka|luxembourg|luxor|macao|macau|madrid|makkah|
    malacca|malatya|mandalay|manisa|maputo|mary|masqat|mecca|medina|melaka|melilla|mendoza|
    mersin|mexico city|minsk|monaco|montevideo|moscow|murcia|muscat|mymensingh|nairobi|nakuru|
    namangan|new york|niamey|osaka|osh|oslo|pattaya|phnom penh|port said|prague|praha|
    puducherry|putrajaya|pyongyang|qazvin|qom|quebec|rajshahi|rangpur|ras al khaimah|riga|
    rio de janeiro|riyadh|saint petersburg|salta|samarkand|samarqand|samsun|san jose|san juan|
    san marino|santa fe|sao paulo|sejong|semnan|seoul|sevastopol|shanghai|sharjah|shymkent|
    singapore|sivas|sofia|sokoto|suez|sylhet|taipei|tarabulus|tashkent|tbilisi|tehran|tianjin|
    tirane|tokyo|toshkent|trabzon|tucuman|tunis|ulaanbaatar|ulsan|umm al quwain|utrecht|
    valencia|valparaiso|van|vatican city|veracruz|viangchan|vienna|vientiane|washington|
    washington d.c.|washington dc|washington, d.c.|wien|yangon|yazd|yerevan|zamboanga|zanjan
    """,
    "|",
)

#: Pycountry names carry bracketed alternatives and codes ("Wales [Cymru GB-CYM]") and,
#: for the City of Skopje's municipalities, a dagger ("Aerodrom †").
_DAGGER = re.compile(r"\s*†")
_BRACKETED = re.compile(r"\s*\[([^\]]*)\]")
_PARENTHESISED = re.compile(r"\s*\(([^)]*)\)")
_ISO_CODE = re.compile(r"^[A-Z]{2}(-[A-Z0-9]{1,3})?$")
#: After a comma, these endings mark an inverted name: "Madrid, Comunidad de" is
#: "Comunidad de Madrid", "Korea, Republic of" is "Republic of Korea".
_INVERSION_ENDINGS = (" of", " of the", " de", " del", " de la", " du", " din")


class PlacesDataError(ValueError):
    """A curated source file is malformed or disagrees with pycountry."""


@dataclass(frozen=True)
class RegionSource:
    """One hand-written row of ``region_names.tsv``."""

    code: str
    name: str
    aliases: tuple[str, ...]
    suppressed: tuple[str, ...]
    kind: str


@dataclass(frozen=True)
class CountrySource:
    """One hand-written row of ``country_names.tsv``; ``names[0]`` is the display name."""

    code: str
    names: tuple[str, ...]
    suppressed: tuple[str, ...]
    adjectives: tuple[str, ...]


@dataclass(frozen=True)
class Place:
    """One generated row: a region (with ``country`` and ``kind``) or a country."""

    code: str
    name: str
    aliases: tuple[str, ...]
    country: str = ""
    kind: str = ""
    adjectives: tuple[str, ...] = ()
    flags: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        """The name followed by every alias: everything a matcher would look for."""
        return (self.name, *self.aliases)


def fold(text: str) -> str:
    """Return ``text`` without diacritics, as English copy usually writes foreign names."""
    decomposed = unicodedata.normalize("NFKD", text.translate(FOLD_TABLE))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", stripped)


def key(text: str) -> str:
    """Comparison key: diacritics-free and case-folded, so "Réunion" meets "reunion"."""
    return fold(text).casefold()


def is_abbreviation(text: str) -> bool:
    """True for all-capital abbreviations ("US", "U.K.", "NRW") that case-sensitive matching
    keeps apart from ordinary words, so they are not checked against the word lists."""
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and all(ch.isupper() for ch in letters) and " " not in text


def is_generic(text: str) -> bool:
    """True when every word of ``text`` is a generic place word (see GENERIC_WORDS)."""
    words = [word for word in re.split(r"[\s,/-]+", key(text)) if word]
    return bool(words) and all(word in GENERIC_WORDS for word in words)


def unique(items: Iterable[str]) -> tuple[str, ...]:
    """Drop empty strings and exact repeats, keeping first occurrences in order."""
    seen: dict[str, None] = {}
    for item in items:
        if item and item not in seen:
            seen[item] = None
    return tuple(seen)


def pycountry_forms(raw: str) -> list[str]:
    """Turn one pycountry name into the forms that can appear in running text.

    A trailing dagger is dropped ("Aerodrom †"); bracketed parts are alternatives
    ("Catalunya [Cataluña]") unless they are codes; parenthesised parts are glosses and are
    removed ("Ilocos (Region I)" -> "Ilocos");
    a comma before a title marks an inverted name ("Saha, Respublika" -> "Respublika Saha",
    "Virgin Islands, U.S." -> "U.S. Virgin Islands"); other commas are part of the name.
    """
    forms: list[str] = []
    for bracket in _BRACKETED.findall(raw):
        words = [word for word in bracket.split() if not _ISO_CODE.match(word)]
        alternative = " ".join(words)
        if alternative and alternative[0].isupper():
            forms.append(alternative)
    base = _PARENTHESISED.sub("", _BRACKETED.sub("", _DAGGER.sub("", raw)))
    base = re.sub(r"\s+", " ", base).strip()
    head, comma, tail = base.partition(", ")
    inverted = " " not in tail or tail.endswith(_INVERSION_ENDINGS) or tail == "U.S."
    if comma and ", " not in tail and inverted:
        base = f"{tail} {head}"
    if base.lower().startswith("the "):
        base = base[4:]
    return [base, *forms]


def check_cell(path: Path, line_no: int, cell: str) -> None:
    """Reject cells a TSV consumer would mis-read (stray spaces, control characters)."""
    if cell != cell.strip():
        raise PlacesDataError(f"{path.name}:{line_no}: leading/trailing space in {cell!r}")
    if any(unicodedata.category(ch) == "Cc" for ch in cell):
        raise PlacesDataError(f"{path.name}:{line_no}: control character in {cell!r}")


def read_tsv(path: Path, header: Sequence[str]) -> list[tuple[int, list[str]]]:
    """Read a curated TSV with exactly ``header``; return (line number, cells) per row."""
    lines = path.read_text(encoding="utf-8").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    if not lines or tuple(lines[0].split("\t")) != tuple(header):
        raise PlacesDataError(f"{path.name}: header must be {'<TAB>'.join(header)!r}")
    rows: list[tuple[int, list[str]]] = []
    for line_no, line in enumerate(lines[1:], start=2):
        cells = line.split("\t")
        if len(cells) != len(header):
            raise PlacesDataError(
                f"{path.name}:{line_no}: expected {len(header)} tab-separated cells, "
                f"found {len(cells)}"
            )
        for cell in cells:
            check_cell(path, line_no, cell)
        rows.append((line_no, cells))
    return rows


def split_list(path: Path, line_no: int, cell: str) -> tuple[list[str], list[str]]:
    """Split a ``|`` list into (entries, suppressed entries written ``-Foo``)."""
    entries: list[str] = []
    suppressed: list[str] = []
    if not cell:
        return entries, suppressed
    for item in cell.split("|"):
        if not item or item != item.strip():
            raise PlacesDataError(f"{path.name}:{line_no}: empty or padded entry in {cell!r}")
        if item.startswith("-"):
            suppressed.append(item[1:])
        else:
            entries.append(item)
    return entries, suppressed


def is_kept_level(subdivision: Any) -> bool:
    """First-level subdivisions, and the provinces under Indonesia's geographical units."""
    if subdivision.parent_code is None:
        return True
    return bool(subdivision.country_code in PROVINCES_UNDER_UNITS)


def load_region_sources(path: Path) -> dict[str, RegionSource]:
    """Load ``region_names.tsv`` and check every code is a first-level pycountry subdivision."""
    by_code = {subdivision.code: subdivision for subdivision in pycountry.subdivisions}
    sources: dict[str, RegionSource] = {}
    for line_no, (code, name, aliases_cell, kind) in read_tsv(path, REGION_SOURCE_HEADER):
        subdivision = by_code.get(code)
        if subdivision is None:
            raise PlacesDataError(f"{path.name}:{line_no}: {code} is not in pycountry")
        if not is_kept_level(subdivision):
            raise PlacesDataError(f"{path.name}:{line_no}: {code} is not first-level")
        if code in sources:
            raise PlacesDataError(f"{path.name}:{line_no}: {code} is listed twice")
        if not name or "|" in name:
            raise PlacesDataError(f"{path.name}:{line_no}: {code} needs one name")
        if not kind or kind != kind.lower():
            raise PlacesDataError(f"{path.name}:{line_no}: kind must be lower case English")
        aliases, suppressed = split_list(path, line_no, aliases_cell)
        sources[code] = RegionSource(code, name, tuple(aliases), tuple(suppressed), kind)
    return sources


def historic_name(code: str) -> str | None:
    """The pycountry.historic_countries name behind one of HISTORIC_CODES, or None."""
    alpha_4 = HISTORIC_CODES.get(code)
    for country in pycountry.historic_countries:
        if country.alpha_4 == alpha_4:
            return str(country.name)
    return None


def country_exists(code: str) -> bool:
    """True for a current ISO 3166-1 alpha-2 code or one of the documented historic codes."""
    if code in HISTORIC_CODES:
        return historic_name(code) is not None
    return pycountry.countries.get(alpha_2=code) is not None


def load_country_sources(path: Path) -> dict[str, CountrySource]:
    """Load ``country_names.tsv`` and check every code exists in pycountry."""
    sources: dict[str, CountrySource] = {}
    for line_no, (code, names_cell, adjectives_cell) in read_tsv(path, COUNTRY_SOURCE_HEADER):
        if not country_exists(code):
            raise PlacesDataError(f"{path.name}:{line_no}: {code} is not an ISO 3166 code")
        if code in sources:
            raise PlacesDataError(f"{path.name}:{line_no}: {code} is listed twice")
        names, suppressed = split_list(path, line_no, names_cell)
        if not names:
            raise PlacesDataError(f"{path.name}:{line_no}: {code} needs a display name")
        adjectives, no_adjectives = split_list(path, line_no, adjectives_cell)
        if no_adjectives:
            raise PlacesDataError(f"{path.name}:{line_no}: '-' is only for names")
        sources[code] = CountrySource(code, tuple(names), tuple(suppressed), tuple(adjectives))
    missing = sorted(c.alpha_2 for c in pycountry.countries if c.alpha_2 not in sources)
    if missing:
        raise PlacesDataError(f"{path.name}: no row for {', '.join(missing)}")
    return sources


def derive_aliases(
    where: str, name: str, curated: Sequence[str], derived: Sequence[str], suppressed: Sequence[str]
) -> tuple[str, ...]:
    """Merge curated and pycountry-derived aliases, add diacritics-free twins, drop generic
    and suppressed ones. Every suppression must hit something, so stale ones are noticed."""
    candidates = [*curated, *derived]
    candidates += [fold(text) for text in (name, *candidates)]
    # "Saint Catherine" parish is written "St. Catherine" and "St Catherine"
    candidates += [
        f"{short} {text[6:]}"
        for text in (name, *candidates)
        if text.startswith("Saint ")
        for short in ("St.", "St")
    ]
    drop = {key(text) for text in suppressed}
    hit: set[str] = set()
    aliases: list[str] = []
    for alias in unique(candidates):
        if alias == name:
            continue
        if key(alias) in drop:
            hit.add(key(alias))
            continue
        if alias in curated or not is_generic(alias):
            if is_generic(alias):
                raise PlacesDataError(f"{where}: curated alias {alias!r} is only generic words")
            aliases.append(alias)
    stale = sorted(drop - hit)
    if stale:
        raise PlacesDataError(f"{where}: suppressed {stale} matches no derived alias")
    return tuple(aliases)


def word_flags(names: Iterable[str]) -> set[str]:
    """Flags that depend only on the strings themselves (city, person, common word)."""
    flags: set[str] = set()
    for text in names:
        folded = key(text)
        if folded in CITY_NAMES:
            flags.add("city_name")
        if folded in PERSON_NAMES:
            flags.add("person_name")
        if folded in AREA_NAMES:
            flags.add("area_name")
        if not is_abbreviation(text) and (folded in COMMON_WORDS or is_generic(text)):
            flags.add("common_word")
    return flags


def build_regions(sources: dict[str, RegionSource]) -> list[Place]:
    """One row per first-level pycountry subdivision, curated English first."""
    first_level = sorted(
        (s for s in pycountry.subdivisions if is_kept_level(s)),
        key=lambda s: s.code,
    )
    covered = {s.code for s in first_level if s.country_code in CURATED_COUNTRIES}
    missing = sorted(covered - sources.keys())
    if missing:
        raise PlacesDataError(f"{REGION_SOURCE.name}: no curated row for {', '.join(missing)}")
    regions: list[Place] = []
    for subdivision in first_level:
        forms = pycountry_forms(subdivision.name)
        source = sources.get(subdivision.code)
        if source is None:
            name, kind = forms[0], subdivision.type.lower()
            curated: Sequence[str] = ()
            suppressed: Sequence[str] = ()
        else:
            name, kind = source.name, source.kind
            curated, suppressed = source.aliases, source.suppressed
        aliases = derive_aliases(subdivision.code, name, curated, forms, suppressed)
        regions.append(Place(subdivision.code, name, aliases, subdivision.country_code, kind))
    return regions


def build_countries(sources: dict[str, CountrySource]) -> list[Place]:
    """One row per ISO 3166-1 country plus the documented historic states."""
    countries: list[Place] = []
    for code in sorted(sources):
        source = sources[code]
        derived: list[str] = []
        if code in HISTORIC_CODES:
            historic = historic_name(code)
            # Historic pycountry names are catalogue entries ("USSR, Union of Soviet
            # Socialist Republics"); only a plain one is worth matching.
            if historic is not None and not re.search(r"[,()]", historic):
                derived.append(historic)
        else:
            country = pycountry.countries.get(alpha_2=code)
            assert country is not None  # checked in load_country_sources
            for attribute in ("name", "official_name", "common_name"):
                value = getattr(country, attribute, None)
                if value:
                    derived += pycountry_forms(value)
        name = source.names[0]
        aliases = derive_aliases(code, name, source.names[1:], derived, source.suppressed)
        adjectives = unique([*source.adjectives, *(fold(a) for a in source.adjectives)])
        countries.append(Place(code, name, aliases, adjectives=adjectives))
    return countries


def index(places: Iterable[Place]) -> dict[str, set[str]]:
    """Map each comparison key of every name and alias to the codes that use it."""
    owners: dict[str, set[str]] = defaultdict(set)
    for place in places:
        for text in place.names:
            owners[key(text)].add(place.code)
    return owners


def check_country_strings(countries: Sequence[Place]) -> None:
    """A country name, alias or adjective must point at one country only, or a matcher
    would have to guess; ambiguous demonyms ("Dominican", "Congolese") are assigned once."""
    owners: dict[str, set[str]] = defaultdict(set)
    for country in countries:
        for text in (*country.names, *country.adjectives):
            owners[key(text)].add(country.code)
    clashes = sorted(f"{k!r}: {sorted(v)}" for k, v in owners.items() if len(v) > 1)
    if clashes:
        raise PlacesDataError("country strings used by several codes: " + "; ".join(clashes))


def add_flags(regions: list[Place], countries: list[Place]) -> tuple[list[Place], list[Place]]:
    """Attach ambiguity flags, computed over each row's name and aliases.

    ``country_name``: a region string is also a country's name or alias (Georgia, Niger,
    Taiwan). ``shared_name``: a region string is also used by another region (Punjab in IN
    and PK), or a country string is also a region's (Georgia). ``city_name``,
    ``person_name``, ``common_word``: see the word lists above. ``historic``: a country row
    for a state that no longer exists (SU, YU, DD...).
    """
    region_owners = index(regions)
    country_owners = index(countries)
    flagged_regions: list[Place] = []
    for region in regions:
        flags = word_flags(region.names)
        keys = {key(text) for text in region.names}
        if any(k in country_owners for k in keys):
            flags.add("country_name")
        if any(region_owners[k] - {region.code} for k in keys):
            flags.add("shared_name")
        flagged_regions.append(replace_flags(region, flags))
    flagged_countries: list[Place] = []
    for country in countries:
        flags = word_flags(country.names)
        if any(key(text) in region_owners for text in country.names):
            flags.add("shared_name")
        if country.code in HISTORIC_CODES:
            flags.add("historic")
        flagged_countries.append(replace_flags(country, flags))
    return flagged_regions, flagged_countries


def replace_flags(place: Place, flags: set[str]) -> Place:
    """Return ``place`` with ``flags`` in a fixed order, so output is deterministic."""
    order = (
        "country_name",
        "shared_name",
        "city_name",
        "area_name",
        "person_name",
        "common_word",
        "historic",
    )
    return Place(
        place.code,
        place.name,
        place.aliases,
        place.country,
        place.kind,
        place.adjectives,
        tuple(flag for flag in order if flag in flags),
    )


def render(header: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """Render a TSV, refusing any cell that would break the format."""
    lines = ["\t".join(header)]
    for row in rows:
        for cell in row:
            if "\t" in cell or "\n" in cell or "\r" in cell:
                raise PlacesDataError(f"cell {cell!r} contains a tab or newline")
        lines.append("\t".join(row))
    return "\n".join(lines) + "\n"


def render_regions(regions: Sequence[Place]) -> str:
    """``regions.tsv``: code, country, name, aliases, kind, flags."""
    return render(
        REGIONS_HEADER,
        (
            (r.code, r.country, r.name, "|".join(r.aliases), r.kind, "|".join(r.flags))
            for r in regions
        ),
    )


def render_countries(countries: Sequence[Place]) -> str:
    """``countries.tsv``: code, name, aliases, adjectives, flags."""
    return render(
        COUNTRIES_HEADER,
        (
            (c.code, c.name, "|".join(c.aliases), "|".join(c.adjectives), "|".join(c.flags))
            for c in countries
        ),
    )


def build() -> tuple[list[Place], list[Place]]:
    """Load, validate and merge everything; raise PlacesDataError on any problem."""
    regions = build_regions(load_region_sources(REGION_SOURCE))
    countries = build_countries(load_country_sources(COUNTRY_SOURCE))
    check_country_strings(countries)
    return add_flags(regions, countries)


def summary(regions: Sequence[Place], countries: Sequence[Place]) -> str:
    """Counts for the log and for PLACES_SOURCES.md."""
    curated = sum(1 for r in regions if r.country in CURATED_COUNTRIES)
    return (
        f"pycountry {pycountry_version()}: "
        f"{len(regions)} regions ({curated} in curated countries, "
        f"{sum(len(r.aliases) for r in regions)} aliases), "
        f"{len(countries)} countries ({len(HISTORIC_CODES)} historic, "
        f"{sum(len(c.aliases) for c in countries)} aliases, "
        f"{sum(len(c.adjectives) for c in countries)} adjectives)"
    )


def pycountry_version() -> str:
    """The installed pycountry version, recorded because the code lists follow it."""
    from importlib.metadata import version

    return version("pycountry")


def main(argv: Sequence[str] | None = None) -> int:
    """Write (or with ``--check`` verify) the generated gazetteers."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument(
        "--check", action="store_true", help="do not write; exit 1 if the files are stale"
    )
    args = parser.parse_args(argv)
    try:
        regions, countries = build()
    except PlacesDataError as error:
        print(f"build_places: {error}", file=sys.stderr)
        return 2
    outputs = {REGIONS_OUT: render_regions(regions), COUNTRIES_OUT: render_countries(countries)}
    if args.check:
        stale = [
            path.relative_to(ROOT).as_posix()
            for path, text in outputs.items()
            if not path.exists() or path.read_text(encoding="utf-8") != text
        ]
        if stale:
            print(f"build_places: stale, rerun the script: {', '.join(stale)}", file=sys.stderr)
            return 1
    else:
        for path, text in outputs.items():
            path.write_text(text, encoding="utf-8", newline="\n")
    print(summary(regions, countries))
    return 0


if __name__ == "__main__":
    sys.exit(main())
