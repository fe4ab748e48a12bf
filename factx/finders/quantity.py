"""Physical quantities of trade (tonnes, TEU, barrels per day, bcm...) in plain text.

Counts of things (trains, containers, trips) are not quantities: only the units of
``factx/data/units.tsv`` make one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from factx._regex import finditer_windows, merge_spans, windows
from factx.finders._context import BARE_MAGNITUDE, CHANGE_VERBS, SENTENCE_END
from factx.normalize.numbers import (
    NUMBER_PATTERN,
    NUMBER_TRIGGER,
    WORD_NUMBER_PLAIN,
    parse_number,
    tidy,
)
from factx.normalize.qualifiers import QUALIFIER_PATTERN, read_qualifier
from factx.normalize.units import UnitForm, unit_form, unit_forms, unit_name

__all__ = ["QuantityMatch", "find_quantities"]


@dataclass(slots=True)
class QuantityMatch:
    start: int
    end: int
    text: str
    value: Decimal | None
    unit: str
    low: Decimal | None
    high: Decimal | None
    qualifier: str | None
    rule: str
    #: how an ambiguous bare "tons" was read: "written" when the unit says what it is;
    #: otherwise whoever called ``find_quantities`` decides and says so (see ``tons_source``)
    unit_source: str = "written"


_MAG = r"(?:thousand|million|billion|trillion|mln|bln|mn|bn|lakh|crore)"
_RATE = (
    # "36 million tonnes of wheat a year" is a rate; "4.6 million tonnes a year earlier" is not
    r"(?P<rate>(?:\s+of\s+[a-z]+(?:\s+[a-z]+)?)?(?:\s*(?:per|a|an|each|every|/)\s*"
    r"(?P<per>year|annum|yr|day|month|week|hour|h)\b(?!\s+(?:earlier|ago|before|later|on\s+year)\b)"
    r"|/(?P<short>y|d)\b|\s+annually\b|\s+yearly\b|\s+daily\b))?"
)


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    spaced = [f for f in unit_forms() if not f.glued]
    glued = list(unit_forms())

    def alt(forms: list[UnitForm]) -> str:
        parts = []
        for f in sorted(forms, key=lambda f: len(f.alias), reverse=True):
            escaped = re.escape(f.alias).replace(r"\ ", r"[\s-]+").replace(r"\-", r"[\s-]")
            if f.guarded:  # "2 in thick", "2 in." but not "5 in 2021"
                escaped += r"(?=\s*(?:[.,;)]|$)|\s+(?:thick|long|wide|high|deep|tall|across|in\s+diameter)\b)"
            parts.append(escaped if f.cased else f"(?i:{escaped})")
        return "|".join(parts)

    amount = (
        r"(?:(?:\d+[ \t]+)?\d+/\d+(?![\d/])"
        # "9.6m teu", "12m tonnes": a glued "m" is a million when a unit word follows; "300m
        # quay" backtracks to metres
        rf"|(?:{NUMBER_PATTERN})(?:(?:\s*|-(?=(?i:{_MAG})))(?i:{_MAG})\b|[kK](?=\s)|[mM](?=[ \t]+[A-Za-z]))?"
        rf"|(?i:{WORD_NUMBER_PLAIN}(?:\s+and\s+a\s+half)?)(?:\s+(?i:{_MAG})\b)?"
        r"|(?i:(?:one|a)[\s-]half|half(?:\s+an?)?|(?:a|one)[\s-]quarter|quarter|an?(?=\s)))"
    )
    sep = r"\s*(?:[-–—]\s*(?:to\s+)?|to\s+)(?![\s-]*(?i:half|quarter)\b)\s*~?\s*"
    return re.compile(
        rf"(?:(?P<qual>{QUALIFIER_PATTERN})\s*)?"
        rf"(?<![\w$€£¥₹.,/])(?:(?i:between)\s+(?P<blow>{amount})\s+(?i:and)\s+(?:(?i:about)\s+)?|(?P<low>{amount}){sep})?(?P<num>{amount})"
        rf"(?:(?<=\d)(?P<glued>{alt(glued)})|\s?(?:-\s?)?(?:(?i:additional|more|extra|fewer|new|full|empty|loaded|laden|inbound|outbound|import|export|transit|transshipment|plus)[\s-]+){{0,2}}(?P<unit>{alt(spaced)}))(?![A-Za-z0-9]|-\d)"
        rf"{_RATE}(?:\s+(?i:of)\s+|\b)"
    )


_PER = {"year": "year", "annum": "year", "yr": "year", "annually": "year", "yearly": "year",
        "y": "year", "d": "day",
        "day": "day", "daily": "day", "month": "month", "week": "week", "hour": "hour",
        "h": "hour"}  # fmt: skip


def find_quantities(
    text: str, *, metric_tons: bool = False, tons_source: str = "config"
) -> list[QuantityMatch]:
    """Every quantity; ``metric_tons`` reads a bare "tons" as tonnes (non-US sources), and
    ``tons_source`` is recorded on every quantity so read ("country", "default", "config").

    >>> [(m.value, m.unit) for m in find_quantities("1.2 million tonnes per year")]
    [(Decimal('1200000'), 'tonne / year')]
    """
    found: list[QuantityMatch] = []
    spans = windows(text, NUMBER_TRIGGER, 80, 90)
    if _A_UNIT.search(text):  # "a kilogram", "an ml": no digit to trigger on
        spans = merge_spans(spans + windows(text, _A_UNIT, 20, 40))
    for m in finditer_windows(_pattern(), text, spans):
        glued_to = re.search(r"([A-Za-z]+\d*)-$", text[max(0, m.start() - 12) : m.start()])
        if glued_to and unit_name(glued_to.group(1)) is None:
            continue  # "scp-173m": part of a code, not an amount
        written_unit = unit_name(m.group("glued") or m.group("unit") or "") or ""
        if (written_unit in _SIZES and _NOT_A_QUANTITY.match(text, m.end())) or (
            m.group("num").strip().lower() in ("a", "an")
            and _AFTER_PRICE.search(text, 0, m.start())
        ):
            continue  # "a 40-foot container" is a kind of box; "$5 a bushel" is a price
        written = m.group("glued") or m.group("unit")
        form = unit_form(written)
        if form is None or (form.defined and not _TEU_DEFINED.search(text)):
            continue  # "5,000 standard containers" is a count unless the text makes them TEU
        unit = form.unit
        unit_source = "written"
        if unit == "ton" and not re.search(r"(?i)short|long|metric|\bU\.?S\.?\b", written):
            unit, unit_source = ("tonne" if metric_tons else "ton"), tons_source
        rate = m.group("rate")
        if rate:
            per = m.group("per") or m.group("short") or rate.split()[-1].lower()
            if "/" not in unit:
                unit = f"{unit} / {_PER.get(per.lower(), per.lower())}"
        elif "/" not in unit and (
            _CAPACITY_BEFORE.search(text, max(0, m.start() - 80), m.start())
            or _CAPACITY_AFTER.match(text, m.end())
        ):
            unit = f"{unit} / year"  # "annual capacity of 3.2 million TEUs" is a yearly rate
        value = parse_number(m.group("num"))
        if value is None:
            continue
        low = high = None
        if m.group("low") or m.group("blow"):
            low_text = m.group("low") or m.group("blow")
            mag = re.search(rf"(?i:{_MAG})\s*$", m.group("num"))
            if mag and not re.search(rf"(?i:{_MAG})\s*$", low_text):
                low_text = f"{low_text} {mag.group(0)}"
            low = parse_number(low_text)
            high, value = value, None
        if form.scale != 1:  # "42Mt", "5 MMTPA": the unit carries the magnitude
            value, low, high = (_scaled(v, form.scale) for v in (value, low, high))
        end = m.end("rate") if rate else (m.end("glued") if m.group("glued") else m.end("unit"))
        qualifier = read_qualifier(m.group("qual")) if m.group("qual") else None
        start = m.start()
        found.append(QuantityMatch(
            start, end, text[start:end], value, unit, low, high, qualifier,
            "quantity.range" if low is not None else "quantity", unit_source,
        ))  # fmt: skip
    return _inherit_unit(text, _merge(text, _pairs(text, found)))


def _scaled(value: Decimal | None, scale: Decimal) -> Decimal | None:
    return None if value is None else tidy(value * scale)


#: the text makes "standard containers" TEU: "TEUs (standard containers)", "standard
#: containers (TEU)", "twenty-foot equivalent units, or standard containers"
_TEU_DEFINED = re.compile(
    r"(?i:\b(?:TEUs?|equivalent\s+units?)\b\W{0,3}(?:or\s+|i\.e\.\s*|known\s+as\s+)?"
    r"(?:twenty|20)?[\s-]*(?:foot\s+)?standard\s+containers?"
    r"|standard\s+containers?\W{0,3}(?:or\s+|i\.e\.\s*)?(?:TEUs?|twenty|20)\b)"
)


def _inherit_unit(text: str, found: list[QuantityMatch]) -> list[QuantityMatch]:
    """ "imports rose to 274.2 mln from 269.3 mln tonnes": a bare amount with a magnitude takes
    the unit of the quantity just before it, in the same or the previous sentence."""
    if not found:
        return found
    extra: list[QuantityMatch] = []
    for m in BARE_MAGNITUDE.finditer(text):
        if any(q.start <= m.start() < q.end for q in found):
            continue
        before = [q for q in found if q.end <= m.start() and q.value is not None]
        if not before or len(SENTENCE_END.findall(text, before[-1].end, m.start())) > 1:
            continue
        value = parse_number(m.group(0))
        if value is not None:
            extra.append(QuantityMatch(m.start(), m.end(), m.group(0), value, before[-1].unit, None,
                                       None, None, "quantity.inherited"))  # fmt: skip
    return sorted(found + extra, key=lambda q: q.start)


_PAIR_BEFORE = re.compile(r"(?<![\w.,])(?P<n>\d[\d,]*(?:\.\d+)?)\s+(?:and|or|,)\s+$")


def _pairs(text: str, found: list[QuantityMatch]) -> list[QuantityMatch]:
    """ "45 and 50 mg": the bare first number shares the second's unit."""
    extra: list[QuantityMatch] = []
    for match in found:
        if match.value is None or match.low is not None:
            continue
        m = _PAIR_BEFORE.search(text, max(0, match.start - 30), match.start)
        year = re.fullmatch(r"(?:19|20)\d\d", m.group("n")) if m else None
        preposition = r"(?i:between|in|since|by|until|of|from)\s+$"
        if m and year and re.search(preposition, text[max(0, m.start() - 9) : m.start()]):
            continue  # "485,000 TEUs in 2021 and 392,000 TEUs": a year, not a count
        if m and not re.search(r"(?i:between)\s+$", text[max(0, m.start() - 9) : m.start()]):
            value = parse_number(m.group("n"))
            if value is not None:
                extra.append(QuantityMatch(m.start("n"), m.end("n"), m.group("n"), value, match.unit,
                                           None, None, None, "quantity.shared_unit"))  # fmt: skip
    return sorted(found + extra, key=lambda q: q.start)


_A_UNIT = re.compile(
    r"(?i:\ban?\s+(?:kilo|kg|lit|ml|milli|gallon|mile|metre|meter|tonne|barrel|bushel|bale|teu|hectare|acre|lb\b))"
)
_CAPACITY_BEFORE = re.compile(
    r"(?i:\b(?:annual|yearly)\s+(?:handling\s+|design\s+)?capacity\b(?:[^.;]|\.(?=\d)){0,60})$"
)
_CAPACITY_AFTER = re.compile(
    r"(?i:\s*(?:of\s+|in\s+)?(?:annual|yearly)\s+(?:handling\s+)?capacity)\b"
)
_SIZES = frozenset({"foot", "meter", "inch", "yard", "centimeter", "millimeter"})
_NOT_A_QUANTITY = re.compile(
    r"\s*(?:[-\s](?:high|long|wide|deep)\s+)?(?:containers?|boxes|box|equivalents?|vessels?|ships?|trucks?)\b",
    re.IGNORECASE,
)
_AFTER_PRICE = re.compile(
    r"[\d%](?:\s*(?:mln|million|bn|billion|cents?|pence|p|paise|kobo|dollars?|dlrs|euros?|yuan|"
    r"rupees?|pounds?|kr|kronor|krone|rubles?|tenge|pesos?|reais|rand|naira|yen))?\s*$",
    re.IGNORECASE,
)
_CHANGE = re.compile(rf"(?i:\b(?:{CHANGE_VERBS}|went|go|going)\b[^.]{{0,40}}$)")
_RANGE_JOIN = re.compile(r"^\s*(?:-|–|—|to|and)\s*(?:~\s*|(?:about|around)\s+)?$", re.IGNORECASE)
_COMPOSITE_JOIN = re.compile(r"^\s*(?:,|and|,\s*and)?\s*$")
_LENGTHS = ("mile", "yard", "foot", "inch", "kilometer", "meter", "centimeter", "millimeter")


def _merge(text: str, found: list[QuantityMatch]) -> list[QuantityMatch]:
    """ "from 3km to 5km" is one range; "7 feet and 10 inches" is one length (94 inches)."""
    from factx.normalize.units import to_base

    merged: list[QuantityMatch] = []
    for match in found:
        head = merged[-1] if merged else None
        if head is None or head.value is None or match.value is None:
            merged.append(match)
            continue
        between = text[head.end : match.start]
        if head.unit == match.unit and _RANGE_JOIN.match(between):
            before = text[max(0, head.start - 9) : head.start].lower()
            if "and" in between.lower() and not before.rstrip().endswith("between"):
                merged.append(match)
                continue
            opener = re.search(r"(?i:from|between)\s+$", text[max(0, head.start - 9) : head.start])
            if (
                opener
                and opener.group(0).lower().startswith("from")
                and _CHANGE.search(text, max(0, head.start - 60), head.start)
            ):
                merged.append(match)  # "rose from 11.1 million TEUs to 18 million": a change
                continue
            start = head.start - (len(opener.group(0)) if opener else 0)
            merged[-1] = QuantityMatch(start, match.end, text[start : match.end], None, head.unit,
                                       head.value, match.value, head.qualifier, "quantity.range")  # fmt: skip
            continue
        if head.unit in _LENGTHS and match.unit in _LENGTHS and _COMPOSITE_JOIN.match(between):
            big, _ = to_base(Decimal(1), head.unit)
            small, _ = to_base(Decimal(1), match.unit)
            if big > small:
                total = head.value * big / small + match.value
                merged[-1] = QuantityMatch(head.start, match.end, text[head.start : match.end],
                                           total.normalize(), match.unit, None, None,
                                           head.qualifier, "quantity.composite")  # fmt: skip
                continue
        merged.append(match)
    return merged
