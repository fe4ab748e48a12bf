"""Fast name lookup over tens of thousands of names, loaded in milliseconds.

spaCy's EntityRuler rebuilds its phrase patterns on every load (about 1.4 s per 10,000 names on
a small machine) and fills the tokenizer's cache with gazetteer strings. A gazetteer is instead
a dict from a normalised name to its entries plus a set of the names' prefixes at word
boundaries: scanning a document tries each token as a start and extends while the text so far
is a known prefix, so most tokens cost one set lookup.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

__all__ = ["Entry", "Gazetteer", "GazetteerHit", "normalise_name"]

_SPACES = re.compile(r"\s+")
_QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'", "‐": "-", "‑": "-", "–": "-", "—": "-"})


def normalise_name(text: str) -> str:
    """Case-, accent- and spacing-insensitive key: "Ürümqi " and "urumqi" are one name."""
    text = text.translate(_QUOTES)
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c))
    return _SPACES.sub(" ", text.casefold().strip())


@dataclass(frozen=True, slots=True)
class Entry:
    """One meaning of a name: its kind (port, region, country, organization...) and record."""

    kind: str
    key: str  # the record's identity: locode/name for ports, ISO code for places
    data: dict[str, Any] = field(hash=False, compare=False)
    cased: bool = False  # the alias must match case exactly ("US", "PRC", "UK")
    alias: str = ""


@dataclass(frozen=True, slots=True)
class GazetteerHit:
    start: int  # character offsets into the text
    end: int
    text: str
    entries: tuple[Entry, ...]


class Gazetteer:
    def __init__(self) -> None:
        self._names: dict[str, list[Entry]] = {}
        self._prefixes: set[str] = set()
        # names written in lower case ("duisport", "viadonau"): scanning starts at capitals and
        # digits, and also at these words
        self._lower_starts: set[str] = set()
        self.max_words = 1

    def __len__(self) -> int:
        return len(self._names)

    def add(self, alias: str, entry: Entry) -> None:
        key = normalise_name(alias)
        if not key:
            return
        entries = self._names.setdefault(key, [])
        if entry not in entries:
            entries.append(entry)
        for i, char in enumerate(key):
            if not char.isalnum():
                # both sides of the punctuation: "north rhine" and "north rhine-" are prefixes
                # of "north rhine-westphalia", since the tokenizer splits at the hyphen
                self._prefixes.add(key[:i])
                self._prefixes.add(key[: i + 1])
        self._prefixes.add(key)
        first = alias.split()[0]
        if first[:1].islower() and first not in ("the", "a", "an", "of", "and", "de", "la", "le"):
            self._lower_starts.add(first)  # "duisport"; "the U.S." still starts at "U.S."
        self.max_words = max(self.max_words, key.count(" ") + key.count("-") + 1)

    def add_many(self, items: Iterable[tuple[str, Entry]]) -> None:
        for alias, entry in items:
            self.add(alias, entry)

    def lookup(self, name: str) -> list[Entry]:
        return self._names.get(normalise_name(name), [])

    def scan(self, text: str, starts: Iterable[tuple[int, int]]) -> Iterator[GazetteerHit]:
        """Longest match at each start; ``starts`` are the (start, end) offsets of tokens.

        Token boundaries come from the caller (spaCy's tokenizer), so the gazetteer never
        tokenises its names and never pollutes the tokenizer's cache.
        """
        tokens = list(starts)
        i = 0
        n = len(tokens)
        while i < n:
            start = tokens[i][0]
            first = text[start : start + 1]
            if not (
                first.isupper()
                or first.isdigit()
                or (self._lower_starts and text[start : tokens[i][1]] in self._lower_starts)
            ):
                i += 1
                continue
            best: tuple[int, list[Entry]] | None = None
            limit = min(n, i + 3 * self.max_words + 2)
            for j in range(i, limit):
                end = tokens[j][1]
                key = normalise_name(text[start:end])
                if key not in self._prefixes:
                    break
                entries = self._names.get(key)
                if entries:
                    surface = text[start:end]
                    usable = [e for e in entries if not e.cased or e.alias == surface]
                    if usable:
                        best = (j, usable)
            if best is None:
                i += 1
                continue
            j, entries = best
            yield GazetteerHit(start, tokens[j][1], text[start : tokens[j][1]], tuple(entries))
            i = j + 1
