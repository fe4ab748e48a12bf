"""Organisations as real copy names them, beyond the lexicon and the name patterns.

- **Marked companies.** Reuters wire copy of the 1980s wraps company names in angle brackets
  ("<Crowley Maritime Corp>"); a bracketed name with small letters is a company (an all-capital
  one, "<MII>", is a ticker).
- **News agencies in the story.** An agency that is credited ("(Xinhua)", "according to
  Xinhua", "Trend reports") is no fact, but one that is told, polled or interviewed ("told
  Reuters", "polled by Reuters", "in an interview with Reuter") takes part in the story.
- **Portfolio bodies in small letters.** "the finance ministry", "the Commerce Department",
  "the State Department": a ministry named by its portfolio, as written.

Each rule is a pattern tried once over the text; the agencies come from
``factx/data/news_agencies.tsv``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import NamedTuple

from factx._regex import trie_pattern
from factx.lexicons import read_tsv

__all__ = ["Found", "agency_mentions", "marked_companies", "portfolio_bodies", "strip_person"]


class Found(NamedTuple):
    """An organisation a rule found; ``find_organizations`` makes it an ``OrgMatch``."""

    start: int
    end: int
    text: str
    name: str
    kind: str
    country: str | None
    rule: str


_MARKED = re.compile(r"<(?P<name>[A-Z][\w&.'’-]*(?:[ \t\n]+[\w&.'’-]+){0,7})>")


def marked_companies(text: str) -> list[Found]:
    """ "<Crowley\\nMaritime Corp>": a company name marked by the wire; a ticker is not."""
    found: list[Found] = []
    for m in _MARKED.finditer(text):
        name = m.group("name")
        if not re.search(r"[a-z]", name) or len(name) < 3:
            continue  # "<MII>", "<MC.T>": tickers
        found.append(Found(m.start("name"), m.end("name"), name, " ".join(name.split()),
                              "company", None, "organization.marked"))  # fmt: skip
    return found


@lru_cache(maxsize=1)
def _agencies() -> tuple[re.Pattern[str], dict[str, tuple[str, str | None]]]:
    names: dict[str, tuple[str, str | None]] = {}
    for row in read_tsv("news_agencies.tsv", ("name",)):
        for alias in [row["name"], *filter(None, (row.get("aliases") or "").split("|"))]:
            names[alias] = (row["name"], row.get("country") or None)
    alts = trie_pattern(set(names), re.escape)
    # told, polled, interviewed: the agency is a party to the story, not its credit line
    pattern = re.compile(
        rf"(?:\btold|\bpolled\s+by|\bsurveyed\s+by|\binterview(?:ed)?\s+(?:with|by)|"
        rf"\b(?:made\s+)?available\s+to|\bspeaking\s+to|\bsaid\s+to)[ \t\n]+"
        rf"(?:the\s+)?(?P<name>{alts})(?![\w-])"
    )
    return pattern, names


def agency_mentions(text: str) -> list[Found]:
    pattern, names = _agencies()
    found: list[Found] = []
    for m in pattern.finditer(text):
        name, country = names[m.group("name")]
        found.append(Found(m.start("name"), m.end("name"), m.group("name"), name,
                           "company", country, "organization.agency"))  # fmt: skip
    return found


_PORTFOLIO = (
    r"(?:finance|trade|foreign\s+trade|commerce|foreign|economy|economic|agriculture|"
    r"transport|industry|energy|interior|defen[cs]e|labou?r|justice|health|planning|"
    r"statistics|treasury|state|fisheries|mines|petroleum|oil|shipping|communications)"
)
_PORTFOLIO_BODY = re.compile(
    rf"(?<![\w-])(?P<name>(?:(?:U\.S\.|US|UK|EU)[ \t]+)?(?i:{_PORTFOLIO})"
    rf"(?:[ \t]+(?:and|&)[ \t]+(?i:{_PORTFOLIO}))?[ \t\n]+(?:[Mm]inistry|[Dd]epartment|Dept\.?))"
    rf"(?![\w-])"
)


def portfolio_bodies(text: str) -> list[Found]:
    """ "the finance ministry", "U.S. Agriculture Department", "Commerce Dept": a ministry
    named by its portfolio, as written; a small "state department" is a province's office in
    some countries' copy, so "state" counts only capitalised."""
    found: list[Found] = []
    for m in _PORTFOLIO_BODY.finditer(text):
        name = m.group("name")
        if name.lower().startswith("state") and not name.startswith("State"):
            continue
        before = text[max(0, m.start() - 30) : m.start()]
        if re.search(r"(?:['’]s|[A-Z][\w-]*)[ \t\n]+$", before) and not re.search(
            r"(?:^|[\s(])(?:The|the|A|a|Its|its|His|her|their)[ \t\n]+$", before
        ):
            continue  # "Surface Transport Ministry" is longer; "the district's statistics department"
        if re.match(r"[ \t\n]+(?:of|at|in|under)[ \t\n]+(?:the[ \t\n]+)?[A-Z]", text[m.end() :]):
            continue  # "the transport department at the Lao Ministry...": a unit of a body
        found.append(Found(m.start("name"), m.end("name"), name, " ".join(name.split()),
                              "government", None, "organization.portfolio"))  # fmt: skip
    return found


_PERSON_OF = re.compile(
    r"^(?P<person>[A-Z][a-z]+(?:[ \t]+[A-Z]\.)?(?:[ \t\n]+[A-Z][\w'’]+){1,2})[ \t\n]+(?:of|at)[ \t\n]+(?=[A-Z])"
)


def strip_person(surface: str, start: int, is_name: Callable[[str], bool]) -> tuple[str, int]:
    """ "Jim McGroarty of Discount Corp.": a person named before "of" is no part of the
    organisation; ``is_name`` tells a person's name from an organisation's first words."""
    m = _PERSON_OF.match(surface)
    if m and is_name(m.group("person")):
        return surface[m.end() :], start + m.end()
    return surface, start
