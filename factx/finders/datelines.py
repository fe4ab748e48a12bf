"""The country a story is filed from, read off its dateline ("LONDON, March 4 -",
"URUMQI, April 12 (Xinhua)"). Wire copy says where it was filed before it says anything
else; that source decides a bare "$" and a bare "tons" (``factx.components.amounts``).
Read once per document by the places component, which has the gazetteer and the article's
countries at hand."""

from __future__ import annotations

import re

from factx.gazetteer import Gazetteer

__all__ = ["dateline_country"]

_DATELINE = re.compile(
    r"(?m)^[ \t]*(?P<city>[A-Z][A-Za-z.'’ -]{1,30}?),[ \t]+(?:(?P<state>[A-Z][A-Za-z.]{1,14}),[ \t]+)?"
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?[ \t]+\d{1,2}\b"
)


def dateline_country(text: str, places: Gazetteer, countries: tuple[str, ...] = ()) -> str | None:
    """The country of the dateline city ("LONDON, March 4 -", "URUMQI, April 12 (Xinhua)"):
    where the story was filed, read from the place gazetteer; a name several countries have
    is the one the article names; None when there is no dateline in the first lines or its
    place is unknown or ambiguous."""
    m = _DATELINE.search(text, 0, 600)
    if m is None:
        return None
    for name in (m.group("state"), m.group("city")):
        if not name:
            continue
        entries = [e for e in places.lookup(name) if e.kind in ("region", "port", "country")]
        every = {str(e.data.get("country") or e.data.get("code")) for e in entries}
        regions = {str(e.data.get("country")) for e in entries if e.kind == "region"}
        for codes in (regions, every):  # a state's or province's name first ("WASHINGTON")
            named = [c for c in countries if c in codes]  # "SANTIAGO" in a Chilean story
            if named:
                return named[0]
        codes = regions or every
        if len(codes) == 1:
            return codes.pop()
    return None
