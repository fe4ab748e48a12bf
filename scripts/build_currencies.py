#!/usr/bin/env python3
"""Generate ``factx/data/currencies.tsv`` from Babel (CLDR) plus a curated list.

Why a generated table: the currency names and symbols that CLDR ships with
Babel are maintained upstream and cover every ISO 4217 currency, but they lack
what trade news actually writes ("dlrs", "RMB", "Rs", "kobo") and they say
nothing about which reading of an ambiguous form ("$", "pesos", "kr") to pick.
This script takes the attested forms from Babel, merges the hand-written
``factx/data/sources/currency_colloquial.tsv`` over them and resolves every
alias that names more than one currency into an explicit default/candidates
group, so that the library can decide by the article's country.

The output is deterministic: the same Babel, pycountry and curated file give
byte-identical output (rows are sorted, no timestamps are written).

Usage::

    .venv/bin/python scripts/build_currencies.py          # rebuild the table
    .venv/bin/python scripts/build_currencies.py --check  # fail if stale

Both modes also validate ``titles.tsv`` and ``organizations.tsv`` (headers,
cells, kinds, country codes) because those lexicons share the same TSV rules.

Output columns (``alias code kind minor countries source``):

``kind``
    ``code`` (ISO 4217 code, matched exactly), ``symbol`` (sign or
    abbreviation, matched exactly), ``name`` (word form), ``ambiguous_default``
    (the reading to use unless the article's country selects another
    candidate), ``ambiguous`` (a non-default candidate of such an alias),
    ``context_only`` (valid only when the article's country is in
    ``countries``; an ambiguous alias without a sensible default has only
    such rows) and ``minor_unit`` (unambiguous minor unit, e.g. "pence").
``minor``
    The divisor for aliases naming a minor unit ("cents" -> ``100``), filled
    whatever the kind ("cents" is ``ambiguous_default`` USD with minor 100);
    empty for major units.
``countries``
    ``|``-separated ISO 3166 alpha-2 codes where the currency is legal tender
    (historic codes: where it was tender in 1980-1991; ISO 3166-3 codes such
    as SU, DD, YU where those apply).
``source``
    ``babel <version>`` when CLDR attests the alias for that code (including
    its accent-stripped spelling), else ``curated`` (the colloquial file and
    the derived wire forms such as "australian dlrs").
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import babel
import babel.core
import babel.localedata
import babel.numbers
import pycountry

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "factx" / "data"
CURATED_PATH = DATA / "sources" / "currency_colloquial.tsv"
OUTPUT_PATH = DATA / "currencies.tsv"
TITLES_PATH = DATA / "titles.tsv"
ORGS_PATH = DATA / "organizations.tsv"

BABEL_SOURCE = f"babel {babel.__version__}"
CURATED_SOURCE = "curated"

OUTPUT_HEADER = ("alias", "code", "kind", "minor", "countries", "source")
CURATED_HEADER = ("alias", "code", "kind", "note")
TITLES_HEADER = ("title", "kind", "implies_org")
ORGS_HEADER = ("name", "acronym", "aliases", "kind", "country")

CODE = "code"
SYMBOL = "symbol"
NAME = "name"
AMBIGUOUS_DEFAULT = "ambiguous_default"
AMBIGUOUS = "ambiguous"
CONTEXT_ONLY = "context_only"
MINOR_UNIT = "minor_unit"
OUTPUT_KINDS = frozenset(
    {CODE, SYMBOL, NAME, AMBIGUOUS_DEFAULT, AMBIGUOUS, CONTEXT_ONLY, MINOR_UNIT}
)
# Kinds whose aliases the library matches exactly; every other all-lower-case
# alias is matched case-insensitively.
EXACT_KINDS = frozenset({CODE, SYMBOL})
# Kinds that say "this alias names exactly one currency".
SINGLE_KINDS = frozenset({CODE, SYMBOL, NAME, MINOR_UNIT})
TITLE_KINDS = frozenset({"government", "company", "diplomatic", "academic", "ruler", "other"})
ORG_KINDS = frozenset({"government", "company", "international", "other"})

# ISO 4217 codes that are not money in the news sense: fund and index units
# (BOV, CLF, ...), precious metals (quoted per troy ounce, not as currency),
# bond-market units, the test and "no currency" codes.  XDR (SDR) is kept:
# IMF news quotes amounts in SDR.
EXCLUDED_ACTIVE = frozenset(
    {
        "BOV", "CHE", "CHW", "CLF", "COU", "MXV", "USN", "UYI", "UYW",
        "XAG", "XAU", "XPD", "XPT",
        "XBA", "XBB", "XBC", "XBD",
        "XAD", "XSU", "XTS", "XUA", "XXX",
    }
)  # fmt: skip

# Withdrawn currencies kept because wire copy of their years (the archive
# corpora) quotes them: the pre-euro currencies, the ECU, the Soviet rouble, the
# Yugoslav hard dinar, East German mark, Czechoslovak koruna, old Turkish
# lira, old zloty, the South African financial rand and the Latin American
# currencies of the 1985-1991 reforms.
HISTORIC = frozenset(
    {
        "ATS", "BEF", "DEM", "ESP", "FIM", "FRF", "GRD", "IEP", "ITL", "LUF",
        "NLG", "PTE", "XEU",
        "SUR", "YUD", "DDM", "CSK", "TRL", "PLZ", "ZAL",
        "ARA", "BRC", "PEI", "ECS",
        # withdrawn since, still quoted by trade news of their years: the lev and the kuna
        # before the euro, the Baltic, Slovak, Slovenian, Cypriot and Maltese currencies, the
        # Antillean guilder before the Caribbean guilder, the Zimbabwean dollar before ZiG
        "BGN", "HRK", "EEK", "LVL", "LTL", "SKK", "SIT", "CYP", "MTL", "ANG", "ZWL",
    }
)  # fmt: skip

# Historic codes get the territories where they were tender in this window.
HISTORIC_WINDOW = (dt.date(1980, 1, 1), dt.date(1991, 12, 31))

# Last words of CLDR names that are not currency nouns ("special drawing
# rights", "Zimbabwean gold", "European currency units").
HEAD_STOPWORDS = frozenset({"rights", "gold", "unit", "units", "account"})

# Language statuses whose locale counts as a "home locale" of a territory.
HOME_LANGUAGE_STATUSES = frozenset({"official", "de_facto_official"})

_NOTE_KEY = re.compile(r"\b(minor|candidates)=(\S+)")
_SPACES = re.compile(r"[\u00a0\u202f\u2009]")


@dataclass(frozen=True)
class Row:
    """One output row before sorting; ``minor`` is the divisor or None."""

    alias: str
    code: str
    kind: str
    minor: int | None
    source: str
    curated: bool


@dataclass(frozen=True)
class CuratedRow:
    """One row of the colloquial file with its parsed note keys."""

    alias: str
    code: str
    kind: str
    minor: int | None
    candidates_of: str | None
    line: int


class DataError(ValueError):
    """Raised for any inconsistency in the inputs; the build must stop."""


# --------------------------------------------------------------------------
# TSV helpers
# --------------------------------------------------------------------------


def check_cell(value: str, where: str) -> str:
    """Reject cells that would corrupt a TSV (tabs, newlines, padding)."""
    if any(ch in value for ch in "\t\r\n"):
        raise DataError(f"{where}: tab or newline in cell {value!r}")
    if value != value.strip():
        raise DataError(f"{where}: leading/trailing space in cell {value!r}")
    if unicodedata.normalize("NFC", value) != value:
        raise DataError(f"{where}: cell {value!r} is not NFC")
    return value


def read_tsv(path: Path, header: Sequence[str]) -> list[tuple[int, list[str]]]:
    """Read a TSV with a fixed header; return (line number, cells) pairs."""
    lines = path.read_text(encoding="utf-8").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    if not lines or tuple(lines[0].split("\t")) != tuple(header):
        raise DataError(f"{path}: header must be {chr(9).join(header)!r}")
    rows: list[tuple[int, list[str]]] = []
    for number, line in enumerate(lines[1:], start=2):
        if not line or line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) != len(header):
            raise DataError(f"{path}:{number}: expected {len(header)} cells")
        for cell in cells:
            check_cell(cell, f"{path}:{number}")
        rows.append((number, cells))
    return rows


def format_tsv(header: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """Join rows into TSV text, validating every cell on the way out."""
    out = ["\t".join(header)]
    for row in rows:
        out.append("\t".join(check_cell(cell, "output") for cell in row))
    return "\n".join(out) + "\n"


# --------------------------------------------------------------------------
# Code and country validation
# --------------------------------------------------------------------------


def is_country(code: str) -> bool:
    """True for ISO 3166-1 alpha-2 codes and ISO 3166-3 former countries."""
    if pycountry.countries.get(alpha_2=code) is not None:
        return True
    return any(getattr(c, "alpha_2", None) == code for c in pycountry.historic_countries)


def historic_country_codes() -> frozenset[str]:
    """Alpha-2 codes of ISO 3166-3 former countries (SU, DD, YU, ...)."""
    current = {c.alpha_2 for c in pycountry.countries}
    return frozenset(
        c.alpha_2
        for c in pycountry.historic_countries
        if hasattr(c, "alpha_2") and c.alpha_2 not in current
    )


def active_codes() -> list[str]:
    """ISO 4217 active codes (pycountry's list) that Babel knows, less junk.

    pycountry carries the ISO 4217 list of current codes; Babel carries the
    names and symbols.  Both are required so that every code is validated by
    two independent sources.
    """
    known = babel.core.get_global("all_currencies")
    codes = sorted(c.alpha_3 for c in pycountry.currencies)
    missing = [c for c in codes if c not in known]
    if missing:
        raise DataError(f"ISO 4217 codes unknown to Babel: {missing}")
    return [c for c in codes if c not in EXCLUDED_ACTIVE]


def selected_codes() -> dict[str, bool]:
    """Map every code the table covers to True (current) or False (historic)."""
    known = babel.core.get_global("all_currencies")
    selected = {code: True for code in active_codes()}
    for code in sorted(HISTORIC):
        if code not in known:
            raise DataError(f"historic code {code} unknown to Babel")
        if pycountry.currencies.get(alpha_3=code) is not None:
            raise DataError(f"historic code {code} is still active in ISO 4217")
        selected[code] = False
    return selected


def _as_date(value: tuple[int, int, int] | None) -> dt.date | None:
    return None if value is None else dt.date(*value)


def territories(code: str, current: bool) -> list[str]:
    """Raw Babel territories of a currency (not yet validated).

    Current codes: territories where it is legal tender today.  Historic
    codes: territories where it was tender during HISTORIC_WINDOW.  Falls
    back to Babel's all-time list when neither gives anything (e.g. SVC,
    whose only territory now uses USD).
    """
    start, end = HISTORIC_WINDOW
    found: set[str] = set()
    table = babel.core.get_global("territory_currencies")
    for territory, entries in table.items():
        for entry_code, since, until, tender in entries:
            if entry_code != code or not tender:
                continue
            if current:
                if until is None:
                    found.add(territory)
                continue
            since_d, until_d = _as_date(since), _as_date(until)
            if (since_d is None or since_d <= end) and (until_d is None or until_d >= start):
                found.add(territory)
    if not found:
        found = set(babel.core.get_global("all_currencies")[code])
    return sorted(found)


def countries_for(code: str, current: bool, former: frozenset[str]) -> tuple[str, ...]:
    """Validated ISO 3166 codes for the ``countries`` column.

    Babel also lists EU, EA, XK, AC, IC...; those are not ISO 3166-1 codes
    and are dropped.  For historic codes that were issued by a former state
    (SUR by SU), only the former state is kept: listing the successor
    republics would make "roubles" in a modern Ukrainian article resolve to
    the Soviet rouble.
    """
    valid = [t for t in territories(code, current) if is_country(t)]
    if not current:
        olds = [t for t in valid if t in former]
        if olds:
            valid = olds
    return tuple(sorted(valid))


# --------------------------------------------------------------------------
# Aliases attested by Babel
# --------------------------------------------------------------------------


def ascii_fold(text: str) -> str:
    """Strip combining accents ("bolívars" -> "bolivars")."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def english_names(code: str) -> list[str]:
    """Lower-cased English names: display, singular and plural forms.

    Names that carry a date or qualifier in parentheses ("Russian Ruble
    (1991-1998)") are dropped: nobody writes them, and the bare form
    belongs to the current currency.
    """
    forms = {
        babel.numbers.get_currency_name(code, locale="en"),
        babel.numbers.get_currency_name(code, count=1, locale="en"),
        babel.numbers.get_currency_name(code, count=2, locale="en"),
    }
    names: set[str] = set()
    for form in forms:
        text = unicodedata.normalize("NFC", form).strip().lower()
        if "(" in text or text == code.lower():
            continue
        names.add(text)
    return sorted(names)


def reuters_form(name: str) -> str | None:
    """The wire-copy abbreviation of a qualified dollar name, if any.

    Reuters and AP archives write "Australian dlrs", "Hong Kong dlr"; the
    bare "dlrs" is curated (it is ambiguous), the qualified forms are
    derived here for every CLDR "... dollar(s)" name.
    """
    for full, short in ((" dollars", " dlrs"), (" dollar", " dlr")):
        if name.endswith(full):
            return name[: -len(full)] + short
    return None


def is_latin_symbol(symbol: str) -> bool:
    """True for symbols an English text can contain.

    Accepts ASCII, Latin letters and currency signs (Sc); rejects other
    scripts ("руб.", Arabic abbreviations), format characters (RLM, ZWSP)
    and compatibility variants (fullwidth yen) which NFKC would change.
    """
    if not symbol or unicodedata.normalize("NFKC", symbol) != symbol:
        return False
    for ch in symbol:
        category = unicodedata.category(ch)
        if ch.isascii() and ch.isprintable():
            continue
        if category == "Sc":
            continue
        if category.startswith("L") and "LATIN" in unicodedata.name(ch, ""):
            continue
        if category == "Lm":  # modifier letters such as the okina in so'm
            continue
        return False
    return True


def home_locales(code: str, current: bool) -> list[str]:
    """Locales whose symbol for ``code`` an English text may quote.

    For each territory of the currency: ``en_<T>`` and the locales of the
    territory's official languages (``de_CH`` for CHF, ``zh_Hans_CN`` for
    CNY).  Unknown locale identifiers are skipped.
    """
    spoken = babel.core.get_global("territory_languages")
    result: set[str] = set()
    for territory in territories(code, current):
        candidates = [f"en_{territory}"]
        for language, info in sorted(spoken.get(territory, {}).items()):
            if info.get("official_status") in HOME_LANGUAGE_STATUSES:
                candidates.append(f"{language}_{territory}")
        for identifier in candidates:
            try:
                locale = babel.core.Locale.parse(identifier)
            except (ValueError, babel.core.UnknownLocaleError):
                continue
            result.add(str(locale))
    return sorted(result)


def symbol_kind(symbol: str) -> str:
    """Kind for a symbol that only a home locale attests.

    One- and two-letter abbreviations ("R", "K", "Ft", "kr") are common
    English letters or words, so they are valid only in the currency's
    country; anything with a currency sign or 3+ letters is a symbol.
    """
    letters = [ch for ch in symbol if ch.isalpha()]
    if len(letters) == len(symbol.replace(".", "")) and len(letters) <= 2:
        return CONTEXT_ONLY
    return SYMBOL


def babel_rows(code: str, current: bool) -> Iterator[Row]:
    """Every alias CLDR attests for one code, with its provisional kind."""
    yield Row(code, code, CODE, None, BABEL_SOURCE, False)
    names = english_names(code)
    heads: set[str] = set()
    for name in names:
        words = name.split()
        if len(words) > 1 and words[-1] not in HEAD_STOPWORDS:
            heads.add(words[-1])
    for alias in sorted(set(names) | heads):
        variants = {alias, ascii_fold(alias)}
        for variant in sorted(variants):
            if variant.isascii() or variant == alias:
                yield Row(variant, code, NAME, None, BABEL_SOURCE, False)
    for name in names:
        wire = reuters_form(name)
        if wire is not None:
            yield Row(wire, code, NAME, None, CURATED_SOURCE, False)
    en_symbol = _clean_symbol(babel.numbers.get_currency_symbol(code, locale="en"))
    if en_symbol != code and is_latin_symbol(en_symbol):
        yield Row(en_symbol, code, SYMBOL, None, BABEL_SOURCE, False)
    seen = {en_symbol, code}
    for locale in home_locales(code, current):
        symbol = _clean_symbol(babel.numbers.get_currency_symbol(code, locale=locale))
        if symbol in seen or not is_latin_symbol(symbol):
            continue
        seen.add(symbol)
        yield Row(symbol, code, symbol_kind(symbol), None, BABEL_SOURCE, False)


def _clean_symbol(symbol: str) -> str:
    """Normalise no-break spaces to plain spaces ("F\u202fCFA" -> "F CFA")."""
    return _SPACES.sub(" ", unicodedata.normalize("NFC", symbol)).strip()


# --------------------------------------------------------------------------
# Curated rows
# --------------------------------------------------------------------------


def load_curated(path: Path, selected: dict[str, bool]) -> list[CuratedRow]:
    """Parse and validate the colloquial file.

    The ``note`` column is free text, except for two machine-read keys:
    ``minor=<divisor>`` marks a minor-unit alias and ``candidates=<alias>``
    gives this alias the same candidate codes as another alias ("dlrs" has
    the candidates of "dollars").
    """
    rows: list[CuratedRow] = []
    for number, (alias, code, kind, note) in read_tsv(path, CURATED_HEADER):
        where = f"{path.name}:{number}"
        if not alias:
            raise DataError(f"{where}: empty alias")
        if code not in selected:
            raise DataError(f"{where}: {code} is not a selected currency code")
        if kind not in OUTPUT_KINDS or kind == CODE:
            raise DataError(f"{where}: bad kind {kind!r}")
        keys = dict(_NOTE_KEY.findall(note))
        minor = int(keys["minor"]) if "minor" in keys else None
        if kind == MINOR_UNIT and minor is None:
            raise DataError(f"{where}: minor_unit row needs minor=<divisor>")
        if minor is not None:
            digits = babel.numbers.get_currency_precision(code)
            if minor != 10**digits:
                raise DataError(
                    f"{where}: minor={minor} but Babel gives {digits} digits for {code}"
                )
        rows.append(CuratedRow(alias, code, kind, minor, keys.get("candidates"), number))
    return rows


# --------------------------------------------------------------------------
# Merging and ambiguity resolution
# --------------------------------------------------------------------------


def merge(generated: Iterable[Row], curated: Sequence[CuratedRow]) -> dict[str, dict[str, Row]]:
    """Combine Babel and curated rows into ``alias -> code -> Row``.

    Curated rows win over generated ones for the same (alias, code) but keep
    the Babel source when CLDR attests the pair.  A curated
    ``ambiguous_default`` pulls in, as candidates, every code its alias (or
    the alias named by ``candidates=``) already maps to.
    """
    table: dict[str, dict[str, Row]] = defaultdict(dict)
    for row in generated:
        table[row.alias].setdefault(row.code, row)
    attested = {alias: dict(codes) for alias, codes in table.items()}
    for item in curated:
        source = BABEL_SOURCE if item.code in attested.get(item.alias, {}) else CURATED_SOURCE
        table[item.alias][item.code] = Row(
            item.alias, item.code, item.kind, item.minor, source, True
        )
    for item in curated:
        if item.candidates_of is None:
            continue
        if item.kind != AMBIGUOUS_DEFAULT:
            raise DataError(f"line {item.line}: candidates= needs ambiguous_default")
        model = table.get(item.candidates_of)
        if not model:
            raise DataError(f"line {item.line}: no alias {item.candidates_of!r}")
        for code in sorted(model):
            if code not in table[item.alias]:
                table[item.alias][code] = Row(
                    item.alias, code, AMBIGUOUS, item.minor, CURATED_SOURCE, False
                )
    return table


def resolve(table: dict[str, dict[str, Row]], selected: dict[str, bool]) -> list[Row]:
    """Give every alias group a consistent set of kinds.

    * One code: the row keeps its kind; ``ambiguous`` alone is an error.
    * Several codes with one curated ``ambiguous_default``: the others become
      ``ambiguous`` unless curated as ``context_only``; candidates inherit
      the default's ``minor``.
    * Several codes, no default, only Babel rows, exactly one current code
      (the rest historic): the current code becomes the default ("escudos"
      is CVE unless the article is Portuguese).
    * Otherwise: every row becomes ``context_only`` ("dinars", "kr").
    """
    out: list[Row] = []
    for alias in sorted(table):
        group = table[alias]
        rows = [group[code] for code in sorted(group)]
        if len(rows) == 1:
            row = rows[0]
            if row.kind == AMBIGUOUS:
                raise DataError(f"{alias!r}: 'ambiguous' with a single candidate")
            out.append(row)
            continue
        if any(r.kind == CODE for r in rows):
            raise DataError(f"{alias!r}: ISO code collides with {[r.code for r in rows]}")
        defaults = [r for r in rows if r.kind == AMBIGUOUS_DEFAULT]
        if len(defaults) > 1:
            raise DataError(f"{alias!r}: several defaults {[r.code for r in defaults]}")
        if defaults:
            default = defaults[0]
            for row in rows:
                if row is default:
                    out.append(row)
                    continue
                kind = CONTEXT_ONLY if row.curated and row.kind == CONTEXT_ONLY else AMBIGUOUS
                minor = row.minor if row.minor is not None else default.minor
                out.append(replace(row, kind=kind, minor=minor))
            continue
        currents = [r for r in rows if selected[r.code]]
        if not any(r.curated for r in rows) and len(currents) == 1:
            for row in rows:
                kind = AMBIGUOUS_DEFAULT if row is currents[0] else AMBIGUOUS
                out.append(replace(row, kind=kind))
            continue
        if any(r.curated and r.kind == AMBIGUOUS for r in rows):
            raise DataError(f"{alias!r}: curated 'ambiguous' rows but no default")
        out.extend(replace(row, kind=CONTEXT_ONLY) for row in rows)
    return out


def is_case_insensitive(alias: str, kinds: Iterable[str]) -> bool:
    """The library's matching rule: lower-case non-code/symbol aliases."""
    return alias == alias.lower() and not (set(kinds) & EXACT_KINDS)


def check_rows(rows: Sequence[Row], selected: dict[str, bool]) -> list[str]:
    """Validate the final table; return warnings for tolerated overlaps."""
    groups: dict[str, list[Row]] = defaultdict(list)
    for row in rows:
        groups[row.alias].append(row)
        if pycountry.currencies.get(alpha_3=row.code) is None and selected[row.code]:
            raise DataError(f"{row.code} not in ISO 4217")
        if row.kind not in OUTPUT_KINDS:
            raise DataError(f"{row.alias!r}: kind {row.kind!r}")
        if row.kind == MINOR_UNIT and row.minor is None:
            raise DataError(f"{row.alias!r}: minor_unit without divisor")
    for alias, group in groups.items():
        kinds = {r.kind for r in group}
        if len(group) > 1 and kinds & SINGLE_KINDS:
            raise DataError(f"{alias!r}: single-currency kind in a group of {len(group)}")
        if len(group) > 1 and AMBIGUOUS in kinds and AMBIGUOUS_DEFAULT not in kinds:
            raise DataError(f"{alias!r}: ambiguous rows without a default")
    warnings: list[str] = []
    folded: dict[str, list[str]] = defaultdict(list)
    for alias in groups:
        folded[alias.casefold()].append(alias)
    for aliases in folded.values():
        if len(aliases) < 2:
            continue
        insensitive = [a for a in aliases if is_case_insensitive(a, (r.kind for r in groups[a]))]
        involved = [r for a in aliases for r in groups[a]]
        if not insensitive or len({r.code for r in involved}) == 1:
            continue
        if all(r.kind == CONTEXT_ONLY for r in involved):
            continue  # disjoint by country ("p" GBP vs "P" BWP)
        codes = {a: sorted(r.code for r in groups[a]) for a in sorted(aliases)}
        warnings.append(f"case-insensitive {sorted(insensitive)} overlaps {codes}")
    return warnings


# --------------------------------------------------------------------------
# Lexicon checks (titles, organisations)
# --------------------------------------------------------------------------


def check_lexicons() -> dict[str, int]:
    """Validate titles.tsv and organizations.tsv; return their row counts.

    Checks headers, cells, kinds, lower-case unique titles, alpha-2 country
    codes and that every ``implies_org`` names an organisation in the
    organisations lexicon (by name or alias).
    """
    counts: dict[str, int] = {}
    org_names: set[str] = set()
    seen_orgs: set[tuple[str, str]] = set()
    org_rows = read_tsv(ORGS_PATH, ORGS_HEADER)
    for number, (name, acronym, aliases, kind, country) in org_rows:
        where = f"{ORGS_PATH.name}:{number}"
        if not name or kind not in ORG_KINDS:
            raise DataError(f"{where}: empty name or bad kind {kind!r}")
        if country and pycountry.countries.get(alpha_2=country) is None:
            raise DataError(f"{where}: {country!r} is not ISO 3166-1 alpha-2")
        if kind == "international" and country:
            raise DataError(f"{where}: international bodies have no country")
        if (name, country) in seen_orgs:
            raise DataError(f"{where}: duplicate {name!r}/{country!r}")
        seen_orgs.add((name, country))
        if "|" in acronym:
            raise DataError(f"{where}: one acronym per row; put others in aliases")
        alias_list = aliases.split("|") if aliases else []
        if any(not a or a != a.strip() for a in alias_list):
            raise DataError(f"{where}: empty or padded alias")
        org_names.update([name, *alias_list])
    counts["organizations"] = len(org_rows)
    title_rows = read_tsv(TITLES_PATH, TITLES_HEADER)
    seen_titles: set[str] = set()
    for number, (title, kind, implies_org) in title_rows:
        where = f"{TITLES_PATH.name}:{number}"
        if not title or title != title.lower() or kind not in TITLE_KINDS:
            raise DataError(f"{where}: title must be lower case, kind valid")
        if title in seen_titles:
            raise DataError(f"{where}: duplicate title {title!r}")
        seen_titles.add(title)
        if implies_org and implies_org not in org_names:
            raise DataError(f"{where}: implies_org {implies_org!r} not in organizations")
    counts["titles"] = len(title_rows)
    return counts


# --------------------------------------------------------------------------
# Entry point
# --------------------------------------------------------------------------


def build() -> tuple[str, list[str], dict[str, int]]:
    """Build the TSV text; return it with warnings and summary counts."""
    selected = selected_codes()
    former = historic_country_codes()
    generated: list[Row] = []
    for code, current in sorted(selected.items()):
        generated.extend(babel_rows(code, current))
    curated = load_curated(CURATED_PATH, selected)
    rows = resolve(merge(generated, curated), selected)
    warnings = check_rows(rows, selected)
    country_cache = {
        code: countries_for(code, current, former) for code, current in selected.items()
    }
    rows.sort(key=lambda r: (r.alias.casefold(), r.alias, r.code))
    lines = [
        (
            r.alias,
            r.code,
            r.kind,
            "" if r.minor is None else str(r.minor),
            "|".join(country_cache[r.code]),
            r.source,
        )
        for r in rows
    ]
    counts: dict[str, int] = defaultdict(int)
    counts["rows"] = len(rows)
    counts["codes"] = len(selected)
    counts["historic codes"] = sum(1 for v in selected.values() if not v)
    counts["curated input rows"] = len(curated)
    for r in rows:
        counts[f"kind {r.kind}"] += 1
        counts[f"source {r.source}"] += 1
    return format_tsv(OUTPUT_HEADER, lines), warnings, dict(counts)


def main(argv: Sequence[str] | None = None) -> int:
    """Rebuild (or with --check, verify) the table; print counts to stderr."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--check", action="store_true", help="fail if currencies.tsv is out of date"
    )
    args = parser.parse_args(argv)
    try:
        text, warnings, counts = build()
        counts.update(check_lexicons())
    except DataError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    for warning in warnings:
        print(f"warning: {warning}", file=sys.stderr)
    for key in sorted(counts):
        print(f"{key}: {counts[key]}", file=sys.stderr)
    if args.check:
        current = OUTPUT_PATH.read_text(encoding="utf-8") if OUTPUT_PATH.exists() else ""
        if current != text:
            print(f"error: {OUTPUT_PATH} is stale; rerun the script", file=sys.stderr)
            return 1
        return 0
    OUTPUT_PATH.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
