"""The government body a minister's or secretary's title implies, named as the country names it.

"Transport Minister Lindiwe Mahlangu" names no organisation; the title implies one. Read from
the title alone it is "Ministry of Transport", a body South Africa does not have: its minister
heads the Department of Transport. Where ``government_bodies.tsv`` knows the country's body for
the portfolio, in force when the article was published, the official gets that body; elsewhere
the generic name stays. The country is the first one named in the official's sentence, else the
article's most named country, else the first one named in the sentence before.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from factx.finders._place_text import _sentence_index

if TYPE_CHECKING:  # people imports the lexicons, which hold Body rows
    from factx.finders.people import OfficialMatch

__all__ = ["Body", "resolve_bodies", "titled_bodies"]


@dataclass(frozen=True, slots=True)
class Body:
    name: str
    acronym: str | None
    since: int | None  # first and last year the body had this name
    until: int | None

    def in_force(self, year: int | None) -> bool:
        if year is None:
            return self.until is None
        return (self.since or 0) <= year <= (self.until or 9999)


#: "Ministry of Federal Labour", "Department of the Transport and Logistics": the generic name
#: built from a title, with the words that qualify the government, not the portfolio
_GENERIC = re.compile(
    r"^(?:Ministry|Department)\s+(?:of|for)\s+(?:the\s+)?"
    r"(?:(?:Federal|National|Union|State|Central)\s+)?(?P<portfolio>.+)$"
)


def titled_bodies(
    text: str, officials: Sequence[OfficialMatch], title_orgs: Mapping[str, str]
) -> None:
    """ "U.S. Trade Representative Katherine Tai": a title that names one organisation by itself
    (``implies_org`` in ``titles.tsv``) gives it to an official with no organisation yet; the
    words just before the title ("U.S.", "WTO") may belong to it."""
    for official in officials:
        if official.organization and not official.country_org:
            continue
        title = " ".join(official.title.lower().split())
        line_start = text.rfind("\n", 0, official.start) + 1
        before = text[max(line_start, official.start - 40) : official.start].split()
        keys = [" ".join([*before[-n:], title]).lower() for n in (2, 1) if len(before) >= n]
        # "U.S. Trade Representative Katherine Tai": the span holds the title as written
        cut = official.text.rfind(official.name)
        written = " ".join(official.text[:cut].lower().split()).strip(" ,") if cut > 0 else ""
        for key in [written, *keys, title]:
            if key in title_orgs:
                official.organization = title_orgs[key]
                break


_HEAD_TITLES = frozenset(
    {"president", "prime minister", "premier", "king", "queen", "emir", "amir", "sultan",
     "crown prince", "chancellor", "pm", "head of state", "leader"}
)  # fmt: skip


def heads_of_state(
    text: str,
    officials: Sequence[OfficialMatch],
    country_spans: Sequence[tuple[int, int, str]],
    sentences: Sequence[tuple[int, int]],
    main_country: str | None,
    country_names: Mapping[str, str],
) -> None:
    """ "President Reagan said", "Prime Minister Nakasone": a head of state or government
    with no country written before the title serves the country of the sentence, else of the
    article (as a minister's implied body does), named as the country."""
    starts = [s for s, _, _ in country_spans]
    for official in officials:
        if official.organization or official.title.lower() not in _HEAD_TITLES:
            continue
        before = text[max(0, official.start - 60) : official.start]
        if re.search(r"(?<!\bThe)(?<!\bthe)\s*[A-Z][\w&.-]*(?:['’]s)?\s+$", before) or re.search(
            r"['’]s\s+(?:[a-z]+\s+){0,3}$", before
        ):  # "AdSP MAO president NAME", "Luka Koper's board president NAME": a body's head
            continue
        near = _countries_near(official.start, country_spans, starts, sentences, main_country)
        if near and near[0] in country_names:
            official.organization = country_names[near[0]]
            official.country_org = True


def portfolio_of(organization: str) -> str | None:
    """The portfolio of a generic ministry name, lower-cased ("transport and logistics")."""
    m = _GENERIC.match(organization.strip())
    return " ".join(m.group("portfolio").lower().split()) if m else None


def resolve_bodies(
    text: str,
    officials: Sequence[OfficialMatch],
    country_spans: Sequence[tuple[int, int, str]],
    sentences: Sequence[tuple[int, int]],
    main_country: str | None,
    published: dt.date | None,
    bodies: Mapping[tuple[str, str], Sequence[Body]],
) -> None:
    """Replace, in place, each official's generic ministry that the text does not write with
    the body of its country (``country_spans``: start, end, alpha-2 of place mentions)."""
    year = published.year if published else None
    starts = [s for s, _, _ in country_spans]
    for official in officials:
        organization = official.organization
        if not organization or organization in text:
            continue  # written in the text: the text's name stands
        portfolio = portfolio_of(organization)
        if portfolio is None:
            continue
        for country in _countries_near(
            official.start, country_spans, starts, sentences, main_country
        ):
            body = next((b for b in bodies.get((country, portfolio), ()) if b.in_force(year)), None)
            if body is not None:
                official.organization = body.name
                break


def _countries_near(
    pos: int,
    spans: Sequence[tuple[int, int, str]],
    starts: Sequence[int],
    sentences: Sequence[tuple[int, int]],
    main_country: str | None,
) -> list[str]:
    """The country the official serves: the first one the sentence names ("Australian
    government ..., Industry Minister X said"), alone; else the article's most named country,
    then the first one of the sentence before (a quote before "Trade Minister X said" may
    name buyers, so the article comes first)."""
    i = _sentence_index(pos, sentences)
    own = _first_country(sentences[i], spans, starts) if i >= 0 else None
    if own is not None:
        return [own]
    found = [main_country] if main_country else []
    before = _first_country(sentences[i - 1], spans, starts) if i > 0 else None
    if before is not None and before not in found:
        found.append(before)
    return found


def _first_country(
    window: tuple[int, int], spans: Sequence[tuple[int, int, str]], starts: Sequence[int]
) -> str | None:
    j = bisect.bisect_left(starts, window[0])
    return spans[j][2] if j < len(spans) and spans[j][0] < window[1] else None
