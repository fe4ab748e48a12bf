"""What the place finders share: the match record, sentence lookup, and the words that are
never names."""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any


@dataclass(slots=True)
class PlaceMatch:
    start: int
    end: int
    text: str
    kind: str  # port, region, country
    data: dict[str, Any]
    rule: str
    extra_codes: list[str] = field(default_factory=list)


_STOP_NAMES = {
    "Port", "Province", "Region", "State", "Oblast", "Customs", "Railway", "Railways", "Pass",
    "Municipality", "Autonomous", "City", "Sea", "Ocean", "River", "Gulf", "Bay", "Canal",
    "Dry", "International", "Land", "Free", "Economic", "Special", "Terminal", "Harbour",
    "Harbor", "Border", "Airport", "Uygur", "Uyghur", "Zhuang", "Hui", "And",
}  # fmt: skip
_KIND_ORDER = {"port": 0, "region": 1, "country": 2}


def _sentence_index(pos: int, sentences: Sequence[tuple[int, int]]) -> int:
    """Index of the sentence holding ``pos`` (sentences are sorted), or -1."""
    i = bisect.bisect_right(sentences, (pos, math.inf)) - 1
    return i if i >= 0 and pos < sentences[i][1] else -1


def _sentence_of(pos: int, sentences: Sequence[tuple[int, int]], text: str) -> str:
    i = _sentence_index(pos, sentences)
    if i >= 0:
        return text[sentences[i][0] : sentences[i][1]]
    return text[max(0, pos - 200) : pos + 200]


def _sentence_start(pos: int, sentences: Sequence[tuple[int, int]]) -> int:
    i = _sentence_index(pos, sentences)
    return sentences[i][0] if i >= 0 else 0


_NOT_PORT_NAME = {
    "The", "This", "That", "A", "An", "Its", "Their", "Our", "China", "Chinese", "Free", "Border",
    "Sea", "Dry", "Land", "Rail", "Inland", "River", "Main", "New", "Major", "Largest",
    "Import", "Export", "Busiest", "Deep", "Container", "Cargo", "Transit", "Key", "Home",
    "Both", "Each", "Every", "Which", "One", "Two", "Air", "Airport", "Logistics", "Big",
    "World's", "World’s", "Biggest", "Develops", "Merchants", "January", "February", "March",
    "April", "May", "June", "July", "August", "September", "October", "November", "December",
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
}  # fmt: skip


def _line_of(text: str, pos: int) -> str:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return text[start : end if end >= 0 else len(text)]


def _title_case(line: str) -> bool:
    """A headline line: nearly every longer word is capitalised, so capitals say nothing
    (shared with the organisation finder)."""
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", line) if len(w) > 3]
    return len(words) >= 4 and sum(w[0].isupper() for w in words) / len(words) > 0.8
