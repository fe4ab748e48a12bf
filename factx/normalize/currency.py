"""Currency names, codes and signs to ISO 4217, with context for the ambiguous ones.

The table (``factx/data/currencies.tsv``) is generated from babel/CLDR by
``scripts/build_currencies.py`` and merged with hand-written colloquial forms. An ambiguous sign
("$", "¥", "Rs", "kr", "pesos") resolves to the currency of the country the article is about,
else to its common default, and the caller is told which of the two happened.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Literal

__all__ = ["CurrencyForm", "CurrencyTable", "code_in_force", "currency_table"]

#: Countries whose English-language press writes a bare "$" for the local dollar (not
#: Taiwan, whose press writes "NT$" for its own and a bare "$" for the US dollar).
_LOCAL_DOLLAR = frozenset(
    {
        "AU",
        "NZ",
        "CA",
        "SG",
        "HK",
        "FJ",
        "JM",
        "TT",
        "BS",
        "BB",
        "BZ",
        "GY",
        "LR",
        "NA",
        "BN",
        "SB",
    }
)

CurrencySource = Literal["code", "symbol", "name", "context", "default"]


@dataclass(frozen=True, slots=True)
class CurrencyForm:
    alias: str
    code: str
    kind: str  # code, symbol, name, ambiguous, ambiguous_default, context_only, minor_unit
    minor: int | None
    countries: tuple[str, ...]


def _key(alias: str) -> str:
    """Lookup key: ISO codes and signs keep their case; names fold case and spacing."""
    alias = " ".join(alias.split())
    if alias.isupper() and alias.isalpha() and len(alias) == 3:
        return alias
    return alias.casefold()


class CurrencyTable:
    """All written forms of currencies, and the rules to resolve one to an ISO code."""

    def __init__(self, forms: list[CurrencyForm]) -> None:
        self.forms: dict[str, list[CurrencyForm]] = {}
        for form in forms:
            self.forms.setdefault(_key(form.alias), []).append(form)
        self.codes: frozenset[str] = frozenset(f.code for f in forms)

    def aliases(self) -> list[str]:
        """Every alias as written in the table (for building patterns)."""
        seen: dict[str, None] = {}
        for forms in self.forms.values():
            for form in forms:
                seen.setdefault(form.alias, None)
        return list(seen)

    def lookup(self, alias: str) -> list[CurrencyForm]:
        forms = self.forms.get(_key(alias))
        if forms is None and alias.upper() == alias.upper().strip() and len(alias) == 3:
            forms = self.forms.get(alias.upper())
        return forms or []

    def minor_divisor(self, alias: str) -> int | None:
        """100 for "cents", "pence", "kobo": amounts in them are scaled to the major unit."""
        for form in self.lookup(alias):
            # "p" is pence, but "P17.5 billion" is Philippine pesos: one letter keeps its case
            if form.minor and (len(alias.strip()) > 1 or form.alias == alias.strip()):
                return form.minor
        return None

    def resolve(
        self, alias: str, context: tuple[str, ...] = (), stated: tuple[str, ...] = ()
    ) -> tuple[str, CurrencySource] | None:
        """ISO code for a written form, using the currencies the text has already named
        (``stated``, most recent first: "H.K. dlrs ... 8.59 billion dlrs" stays HKD), then the
        article's countries (most salient first), then the form's common default.

        Returns None for a form that needs a context it does not have ("N" outside Nigeria).
        """
        forms = self.lookup(alias)
        if not forms:
            return None
        plain = [f for f in forms if f.kind in ("code", "symbol", "name", "minor_unit")]
        codes = {f.code for f in forms}
        if len(codes) == 1 and plain:
            form = plain[0]
            kind: CurrencySource = (
                "code" if form.kind == "code" else "symbol" if form.kind == "symbol" else "name"
            )
            return form.code, kind
        for code in stated:
            if code in codes:
                return code, "context"
        # a bare "$" follows only the article's main country, and only where the local press
        # writes "$" for its own dollar (a Mexican story's "$" is usually US dollars); other
        # signs ("R", "Tk", "riyals") follow any country the article names, most named first
        dollar = alias.strip().lower() in ("$", "dollars", "dollar", "dlrs", "dlr")
        for country in context[:1] if dollar else context:
            if dollar and country not in _LOCAL_DOLLAR:
                break
            for form in forms:
                if country in form.countries:
                    return form.code, "context"
        for form in forms:
            if form.kind == "ambiguous_default":
                return form.code, "default"
        if plain:
            return plain[0].code, "name"
        return None


@lru_cache(maxsize=1)
def currency_table() -> CurrencyTable:
    """The packaged table, read once per process."""
    path = resources.files("factx.data").joinpath("currencies.tsv")
    forms: list[CurrencyForm] = []
    with path.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            minor = row.get("minor") or ""
            forms.append(
                CurrencyForm(
                    alias=row["alias"],
                    code=row["code"],
                    kind=row["kind"],
                    minor=int(minor) if minor.isdigit() else None,
                    countries=tuple(c for c in (row.get("countries") or "").split("|") if c),
                )
            )
    if not forms:
        raise RuntimeError(f"factx: the currency table {path} is empty; reinstall factx")
    return CurrencyTable(forms)


#: ISO 4217 codes a currency word had before its current one, with the last year of each:
#: "roubles" in a 1988 Soviet story are Soviet roubles (SUR), in 1995 RUR, since 1998 RUB.
@lru_cache(maxsize=1)
def _earlier_codes() -> dict[str, tuple[tuple[int, str], ...]]:
    """``factx/data/currency_history.tsv``: code -> (last year, earlier code), oldest first."""
    table: dict[str, list[tuple[int, str]]] = {}
    path = resources.files("factx.data").joinpath("currency_history.tsv")
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if not ln.startswith("#")]
    for row in csv.DictReader(lines, delimiter="\t"):
        table.setdefault(row["code"], []).append((int(row["until"]), row["earlier"]))
    return {code: tuple(sorted(rows)) for code, rows in table.items()}


def code_in_force(code: str, year: int | None) -> str:
    """The ISO 4217 code the currency had in ``year`` (the current one when unknown)."""
    if year is None:
        return code
    for last_year, earlier in _earlier_codes().get(code, ()):
        if year <= last_year:
            return earlier
    return code
