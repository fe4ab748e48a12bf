"""First-level units written as abbreviations where news puts them: after a dateline city
("CRANFORD, N.J., March 3 -", "CHARLESTON, SC -") and in a legislator's party tag ("Senator
Patrick Leahy (D-Vt.)", "Rostenkowski, D-Ill., said"). Elsewhere an abbreviation is a word
("Miss.", "Ind.", "OR"), so only these two places are read; the abbreviations are data
(``factx/data/state_abbreviations.tsv``).
"""

from __future__ import annotations

import re
from functools import lru_cache

from factx._regex import trie_pattern
from factx.finders._place_text import PlaceMatch
from factx.gazetteer import Gazetteer
from factx.lexicons import read_tsv

__all__ = ["state_tags"]


@lru_cache(maxsize=1)
def _table() -> tuple[re.Pattern[str], re.Pattern[str], dict[str, tuple[str, str]]]:
    """The two patterns and abbreviation -> (ISO 3166-2 code, the region's gazetteer name)."""
    names = {row["code"]: row["name"] for row in read_tsv("regions.tsv", ("code", "name"))}
    codes = {
        row["abbreviation"]: (row["code"], names[row["code"]])
        for row in read_tsv("state_abbreviations.tsv", ("abbreviation", "code"))
    }
    alts = trie_pattern(set(codes), re.escape)
    dateline = re.compile(
        rf"(?m)^[ \t]*[A-Z][A-Za-z.'’ -]{{1,30}}?,[ \t]+(?P<abbr>{alts})(?=,|[ \t]+-|[ \t]+[A-Z][a-z]{{2,8}}\.?[ \t]+\d)"
    )
    party = re.compile(rf"(?<![\w-])\(?[DRI]-(?P<abbr>{alts})(?=[),;\s])")
    return dateline, party, codes


def state_tags(text: str, places: Gazetteer, known: list[PlaceMatch]) -> list[PlaceMatch]:
    """The regions the abbreviations name, as records of the gazetteer's region."""
    dateline, party, codes = _table()
    found: list[PlaceMatch] = []
    taken = [(k.start, k.end) for k in known]
    for m in [*dateline.finditer(text, 0, 600), *party.finditer(text)]:
        start, end = m.start("abbr"), m.end("abbr")
        if any(s < end and start < e for s, e in taken):
            continue
        code, name = codes[m.group("abbr")]
        entry = next(
            (e for e in places.lookup(name) if e.kind == "region" and e.data.get("code") == code),
            None,
        )
        if entry is None:
            continue
        found.append(PlaceMatch(start, end, m.group("abbr"), "region", dict(entry.data),
                                "region.abbreviation"))  # fmt: skip
        taken.append((start, end))
    return found
