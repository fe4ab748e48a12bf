"""Qualifiers on amounts ("about", "more than", "up to"): kept as fields, never dropped."""

from __future__ import annotations

import re

__all__ = ["APPROXIMATE", "QUALIFIER_PATTERN", "read_qualifier"]

#: Written form (lower case, single spaces) -> the record's qualifier value.
_QUALIFIERS: dict[str, str] = {
    "about": "about",
    "around": "about",
    "approximately": "about",
    "approx.": "about",
    "roughly": "about",
    "some": "about",
    "an estimated": "about",
    "estimated": "about",
    "circa": "about",
    "nearly": "nearly",
    "almost": "nearly",
    "close to": "nearly",
    "just under": "nearly",
    "over": "over",
    "more than": "over",
    "above": "over",
    "in excess of": "over",
    "upwards of": "over",
    "just over": "over",
    "at least": "at_least",
    "no less than": "at_least",
    "not less than": "at_least",
    "less than": "under",
    "under": "under",
    "below": "under",
    "fewer than": "under",
    "up to": "up_to",
    "as much as": "up_to",
    "as many as": "up_to",
    "at most": "at_most",
    "no more than": "at_most",
    "not more than": "at_most",
    "exactly": "exactly",
    "lower than": "under",
    "higher than": "over",
    "greater than": "over",
    "exceeding": "over",
    "upward of": "over",
    "~": "about",
}

#: Qualifiers that make an amount approximate.
APPROXIMATE = frozenset({"about", "nearly"})

QUALIFIER_PATTERN = (
    "(?i:"
    + "|".join(
        re.escape(q).replace(r"\ ", r"\s+") for q in sorted(_QUALIFIERS, key=len, reverse=True)
    )
    + r")(?![A-Za-z])"
)


def read_qualifier(text: str) -> str | None:
    """The record value of a qualifier as written ("More than" -> "over")."""
    return _QUALIFIERS.get(" ".join(text.lower().split()))
