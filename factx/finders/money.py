"""Money mentions in plain text: amounts, ranges, qualifiers, stated conversions, unit prices.

A finder works on a string and returns matches with character offsets; it knows nothing of
spaCy, so the same code serves the pipeline component, the peer-suite runner and the tests.
Candidates are found by one compiled regular expression built from the currency table (a
regex scan runs at tokenizer speed), then each match is normalised by plain functions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache

from factx._regex import finditer_windows, trie_pattern, windows
from factx.finders._context import BARE_MAGNITUDE, CHANGE_VERBS, SENTENCE_END
from factx.normalize.currency import CurrencySource, CurrencyTable, currency_table
from factx.normalize.numbers import (
    NUMBER_PATTERN,
    NUMBER_TRIGGER,
    WORD_NUMBER_PATTERN,
    WORD_NUMBER_PLAIN,
    apply_magnitude,
    parse_digits,
    parse_words,
    tidy,
)
from factx.normalize.qualifiers import QUALIFIER_PATTERN, read_qualifier
from factx.normalize.units import PER_UNIT_PATTERN, per_unit_name

__all__ = ["MoneyMatch", "find_money"]

_MAG_WORDS = (
    r"(?:thousand|million|billion|trillion|lakhs?|lacs?|crores?|mln|bln|mn|bn|tn|trn|tln|mio)"
)
_MAG_GLUED = r"(?:mln|bln|mn|bn|tn|trn|cr|[mMbBkKT]|MM)"
_AMOUNT = (
    rf"(?:(?:{NUMBER_PATTERN})(?:(?:\s*-?\s*|\s+)(?i:{_MAG_WORDS})\b|{_MAG_GLUED}\b)?"
    rf"|(?i:{WORD_NUMBER_PATTERN})\s+(?i:{_MAG_WORDS})\b"
    rf"|(?i:{WORD_NUMBER_PLAIN}))"
)
_RANGE_SEP = r"(?:\s*[-–—]\s*|\s+to\s+)"
#: ISO codes that are also English words: read only after an amount ("5 ALL" but not
#: "ALL 5 solutions").
_WORD_CODES = frozenset(
    {
        "ALL",
        "TOP",
        "PEN",
        "TRY",
        "SOS",
        "CUP",
        "GEL",
        "BOB",
        "MOP",
        "CAN",
        "FUN",
        "AMD",
        "BAM",
        "MAD",
        "WON",
    }
)


@dataclass(slots=True)
class MoneyMatch:
    start: int
    end: int
    text: str
    amount: Decimal | None
    currency: str | None
    currency_source: CurrencySource | None
    low: Decimal | None = None
    high: Decimal | None = None
    qualifier: str | None = None
    per_unit: str | None = None
    rule: str = "money"
    equivalents: list[MoneyMatch] = field(default_factory=list)
    minor: bool = False  # written in a minor unit ("50 cents")


def _alternation(aliases: list[str]) -> str:
    return trie_pattern(set(aliases))


_WEIGHT = re.compile(
    r"(?i:\b(?:weigh\w*|heavy|heavier|tons?|tonnes?|kilo\w*|kg|ounces?|oz|lbs?|grams?|baby|pounds\s+of)\b)"
)


def _is_sign(alias: str) -> bool:
    """ "$", "US$", "HK$", "₹" are signs (matched as written); "U.S. dollars", "Rs." are words."""
    return any(not (ch.isalnum() or ch in " .'-") for ch in alias)


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], CurrencyTable]:
    table = currency_table()
    codes = [a for a in table.aliases() if len(a) == 3 and a.isupper() and a.isalpha()]
    signs = [a for a in table.aliases() if a not in codes and _is_sign(a)]
    words = [a for a in table.aliases() if a not in codes and a not in signs]
    letter_signs = [w for w in words if len(w) <= 3 and w[:1].isupper()]  # Rs, RM, N, Tk, Sh
    names = [w for w in words if w not in letter_signs]
    # "C$", "HK$" are also written "c $", "hk $" in lower-cased, tokenised copy
    spaced = [s[:-1] + " $" for s in signs if s.endswith("$") and s[:-1].isalpha()]
    # lower case only for two-letter prefixes and "c": "a $5 million" is an article and a
    # dollar, "the authority's $1.9 billion" a possessive, never A$ or S$
    lowered = [
        s.lower()
        for s in signs + spaced
        if s[:-1].strip().isalpha() and (len(s[:-1].strip()) >= 2 or s[0] == "C")
    ]
    signs_all = signs + spaced + lowered
    prefix_codes = [c for c in codes if c not in _WORD_CODES]
    prefix = (
        rf"(?:(?<![A-Za-z'’])(?:{_alternation(signs_all)})"
        rf"|\b(?:{_alternation(prefix_codes + letter_signs)})(?:\.(?=\s?\d))?)"
    )
    suffix = (
        rf"(?:(?i:(?<![A-Za-z])(?:{_alternation([n.lower() for n in names])}))(?![A-Za-z])"
        rf"|(?<![A-Za-z])(?:{_alternation(codes + letter_signs)})\b|(?:{_alternation(signs)}))"
    )
    # a name before the amount ("ringgit 42"), but not the everyday plurals that a following
    # number belongs to less often than not ("dollars forty five", "euros 2021")
    common = (
        "dollar",
        "dlr",
        "euro",
        "pound",
        "yen",
        "yuan",
        "rupee",
        "peso",
        "franc",
        "cent",
        "penn",
        "pence",
        "buck",
    )
    # a country-qualified name after a sign: "$3,500 Chilean pesos", "$2 Hong Kong dollars"
    names_after = rf"(?i:{_alternation([n.lower() for n in names if ' ' in n and n[:1].isalpha()])})(?![A-Za-z])"
    prefix_name = rf"(?i:\b(?:{_alternation([n.lower() for n in names if len(n) > 3 and not any(c in n.lower() for c in common)])}))"
    pattern = (
        rf"(?:(?P<qual>{QUALIFIER_PATTERN})\s+)?"
        rf"(?:(?<![\w\-−])(?P<minus>[-−])(?=[\d$€£¥₹]))?"
        rf"(?:"
        # prefix currency: "US$5 million", "$3m-$5m", "USD 34.6 million", "Rs 500 crore"
        rf"(?P<pre>{prefix})\s?(?P<neg>-(?=\d))?(?P<a1>{_AMOUNT})"
        rf"(?:{_RANGE_SEP}(?:{prefix})?\s?(?P<a2>{_AMOUNT}))?"
        rf"(?:\s+(?P<pre_name>(?i:dollars|dlrs)|{names_after}))?"
        rf"|"
        # range words: "between 3 and 5 billion dollars", "from 3 to 5 million yuan"
        rf"(?i:between|from)\s+(?P<b1>{_AMOUNT})(?:\s+and\s+|\s+to\s+|\s*[-–]\s*)"
        rf"(?P<b2>{_AMOUNT})\s?(?P<bsuf>{suffix})"
        rf"|"
        # suffix currency: "5.59 million RMB", "34-37 million soms", "10 cents"
        rf"(?P<s1>{_AMOUNT})(?:{_RANGE_SEP}(?P<s2>{_AMOUNT}))?(?:\s|-)?(?:(?i:of\s+))?"
        rf"(?P<suf>{suffix})"
        rf"|"
        # a currency name before the amount: "ringgit 42", "malaysian ringgit 42"
        rf"(?P<pname>{prefix_name})\s(?P<n1>{_AMOUNT})(?![\w.,]*\d)"
        rf")"
    )
    return re.compile(pattern), table


def _read_amount(text: str) -> Decimal | None:
    text = text.strip()
    m = re.match(
        rf"^(?P<num>{NUMBER_PATTERN}|.+?)(?:(?:\s*-?\s*|\s+)?(?P<mag>[A-Za-z]+))?$",
        text,
    )
    if not m:
        return None
    num, mag = m.group("num"), m.group("mag")
    if mag and re.fullmatch(r"\d{1,3},\d{1,2}", num):
        num = num.replace(",", ".")  # "12,9 billion dollars": a decimal comma
    value = parse_digits(num)
    if value is None:
        value = parse_words(text)
        if value is not None:
            return value
        if mag:
            value = parse_words(num)
    if value is None:
        return None
    return apply_magnitude(value, mag) if mag else value


def _shared_magnitude(first: str, second: str) -> str:
    """In "3-5 million yuan" the first bound takes the second's magnitude."""
    if re.search(r"[A-Za-z]$", first.strip()):
        return first
    m = re.search(r"[\s-]*([A-Za-z]+)$", second.strip())
    if m and parse_digits(first) is not None:
        return first + " " + m.group(1)
    return first


def find_money(text: str, context: tuple[str, ...] = ()) -> list[MoneyMatch]:
    """Every money mention in ``text``; ``context`` lists the article's countries, most
    salient first, for ambiguous signs.

    >>> [ (m.amount, m.currency) for m in find_money("worth 5.59 million RMB (about 884,354 USD)")]
    [(Decimal('5590000'), 'CNY')]
    """
    pattern, table = _patterns()
    found: list[MoneyMatch] = []
    stated: list[str] = []  # currencies the text has named explicitly, most recent last
    declared_code: str | None = None
    declared = _DECLARED.search(text)
    if declared:
        resolved = table.resolve(declared.group("cur"))
        if resolved:
            declared_code = resolved[0]
    for m in finditer_windows(pattern, text, windows(text, NUMBER_TRIGGER, 80, 120)):
        # inside "C$10 billion ($7.6 billion)" the bracket converts to another currency: the
        # sign takes its plain default, not the currency just named
        converting = bool(found) and bool(_OPEN.match(text[found[-1].end : m.start()]))
        # "All figures are in Australian dollars": the article's own statement comes first
        memory = (
            tuple(reversed(stated)) if declared_code is None else (declared_code, *reversed(stated))
        )
        match = _normalise(m, table, () if converting else context, () if converting else memory)
        year_first = re.match(
            r"(?i:from\s+|between\s+)?(?:19|20)\d\d\s+(?:to|and|-)\s+", m.group(0)
        )
        if match is None and year_first:  # "from 1980 to 62 billion dlrs": read the amount alone
            again = pattern.search(text, m.start() + year_first.end(), m.end())
            if again is not None:
                match = _normalise(again, table, context, memory)
        if match is not None:
            found.append(match)
            if (
                match.currency
                and match.currency_source in ("code", "symbol", "name")
                and not converting
            ):
                stated.append(match.currency)
    found = [f for f in found if not _exchange_rate(text, f)]
    found = _merge_minor_units(text, found)
    found = _merge_ranges(text, found)
    found = _split_changes(text, found)
    found += _grands(text, found, table, context)
    found.sort(key=lambda f: f.start)
    found = _inherit_currency(text, found)
    return _link_equivalents(text, _attach_per_unit(text, found))


def _normalise(
    m: re.Match[str], table: CurrencyTable, context: tuple[str, ...], stated: tuple[str, ...]
) -> MoneyMatch | None:
    groups = m.groupdict()
    if groups["pre"] is not None:
        cur_text, first, second = groups["pre"], groups["a1"], groups["a2"]
        if groups["pre_name"]:
            named = groups["pre_name"]
            if named.lower() not in ("dollars", "dlrs"):
                cur_text = named  # "$3,500 Chilean pesos": the name says which dollar sign
            else:
                cur_text = cur_text if len(cur_text) > 1 else "dollars"  # "$5 million dollars"
    elif groups["b1"] is not None:
        cur_text, first, second = groups["bsuf"], groups["b1"], groups["b2"]
    elif groups["pname"] is not None:
        cur_text, first, second = groups["pname"], groups["n1"], None
    else:
        cur_text, first, second = groups["suf"], groups["s1"], groups["s2"]
    cur_text = cur_text.strip()
    if cur_text.lower() in ("pound", "pounds") and _WEIGHT.search(
        m.string, max(0, m.start() - 80), m.end() + 40
    ):
        return None  # "the baby is over two pounds", "2,204.62 pounds" in a metric ton
    if cur_text.endswith(" $"):
        cur_text = cur_text[:-2].upper() + "$"
    elif cur_text.endswith("$") and cur_text[:-1].isalpha() and cur_text[:-1].islower():
        cur_text = cur_text[:-1].upper() + "$"
    resolved = table.resolve(cur_text, context, stated) or table.resolve(
        cur_text.rstrip("."), context, stated
    )
    if resolved is None:
        return None
    code, source = resolved
    divisor = table.minor_divisor(cur_text)
    if second is not None and re.fullmatch(r"(?:19|20)\d\d", first.strip()):
        return None  # "from 1980 to 62 billion dlrs": a year and an amount, not a range
    if second is not None:
        first = _shared_magnitude(first, second)
    low = _read_amount(first)
    high = _read_amount(second) if second is not None else None
    if low is None or (second is not None and high is None):
        return None
    if groups["pre"] is None and not re.search(r"\d", first) and first.lower() in ("a", "an"):
        return None
    if divisor:
        low = tidy(low / divisor)
        high = tidy(high / divisor) if high is not None else None
    if groups["minus"] or groups.get("neg"):
        low = -low
    start = m.start()
    qualifier = read_qualifier(groups["qual"]) if groups["qual"] else None
    if high is not None:
        return MoneyMatch(
            start=start, end=m.end(), text=m.group(0), amount=None, currency=code,
            currency_source=source, low=low, high=high, qualifier=qualifier, rule="money.range",
        )  # fmt: skip
    return MoneyMatch(
        start=start, end=m.end(), text=m.group(0), amount=low, currency=code,
        currency_source=source, qualifier=qualifier,
        rule="money.prefix" if groups["pre"] is not None else "money.suffix",
        minor=divisor is not None,
    )  # fmt: skip


_JOIN = re.compile(r"^\s+(?:and\s+)?$")
_RANGE_WORDS = re.compile(r"^\s*(?:-|–|to|and)\s*$", re.IGNORECASE)
_GRAND = re.compile(
    rf"(?<![\w.])(?P<n>{NUMBER_PATTERN}|(?i:a|one|two|three|four|five|six|seven|eight|nine|ten|twenty|fifty|a\s+hundred))\s+(?i:grand)\b"
)


#: "the dollar rose to 145 yen from 140", "sterling at 1.77 marks": a currency's price in
#: another is a rate, not an amount of money
_RATE_SUBJECT = re.compile(
    r"(?i:(?:\bthe\s+(?:U\.S\.\s+|US\s+|Japanese\s+|German\s+)?(?:dollar|yen|mark|pound|euro|franc|yuan|rouble|ruble|rupee)"
    r"|\bsterling)\b(?:['’]s)?[^.;]{0,60}?\b(?:at|to|from|around|against|above|below|near|versus)\s+$)"
)


#: "264.53 dinars per dollar", "1.77 marks to the dollar": a rate quoted per unit of money
_PER_CURRENCY = re.compile(
    r"(?i:\s+(?:per|to\s+the|against\s+the|=)\s+(?:u\.?s\.?\s+)?"
    r"(?:dollar|dlr|euro|yen|mark|franc|yuan|rouble|ruble|rupee)\b)"
)


def _exchange_rate(text: str, match: MoneyMatch) -> bool:
    if (
        match.amount is None
        or match.amount >= 1000
        or re.search(r"(?i)[mb]ln|illion|bn", match.text)
    ):
        return False
    return bool(
        _RATE_SUBJECT.search(text, max(0, match.start - 80), match.start)
        or _PER_CURRENCY.match(text, match.end)
    )


def _merge_ranges(text: str, found: list[MoneyMatch]) -> list[MoneyMatch]:
    """ "between 10 dollars and 20 dollars", "from $3m to $5m": one range."""
    merged: list[MoneyMatch] = []
    for match in found:
        head = merged[-1] if merged else None
        if (
            head is not None
            and head.amount is not None
            and match.amount is not None
            and head.currency == match.currency
            and not head.equivalents
            and _RANGE_WORDS.match(text[head.end : match.start])
            and head.amount < match.amount
        ):
            opener = re.search(r"(?i:from|between)\s+$", text[max(0, head.start - 9) : head.start])
            joiner = text[head.end : match.start].strip().lower()
            if opener is None or (joiner == "and") != opener.group(0).lower().startswith("between"):
                merged.append(match)
                continue
            start = head.start - len(opener.group(0))
            merged[-1] = MoneyMatch(
                start=start, end=match.end, text=text[start : match.end], amount=None,
                currency=head.currency, currency_source=head.currency_source, low=head.amount,
                high=match.amount, qualifier=head.qualifier, rule="money.range",
            )  # fmt: skip
            continue
        merged.append(match)
    return merged


_CHANGE = re.compile(
    rf"(?i:\b(?:{CHANGE_VERBS}|widened|narrowed|shrank|soared|plunged|went|revised)\b"
    r"[^.;]{0,50}\bfrom\s+$)"
)


def _split_changes(text: str, found: list[MoneyMatch]) -> list[MoneyMatch]:
    """ "rose from $10 million to $20 million" states two amounts, not a range."""
    result: list[MoneyMatch] = []
    for match in found:
        cut = re.search(r"\s+to\s+", match.text)
        lead = re.match(r"(?i:from)\s+", match.text)
        end = match.start + (lead.end() if lead else 0)
        if (
            match.amount is not None
            or cut is None
            or not _CHANGE.search(text, max(0, match.start - 70), end)
        ):
            result.append(match)
            continue
        first_end, second_start = match.start + cut.start(), match.start + cut.end()
        # "from 3 to 5 billion yuan": the first amount keeps the value it borrowed from the second
        for start, stop, value in (
            (end, first_end, match.low),
            (second_start, match.end, match.high),
        ):
            result.append(MoneyMatch(start=start, end=stop, text=text[start:stop], amount=value,
                                     currency=match.currency, currency_source=match.currency_source,
                                     rule="money.change"))  # fmt: skip
    return result


def _grands(
    text: str, found: list[MoneyMatch], table: CurrencyTable, context: tuple[str, ...]
) -> list[MoneyMatch]:
    """ "10 grand": thousands of the local dollar (pounds in Britain), a colloquial form."""
    extra: list[MoneyMatch] = []
    for m in _GRAND.finditer(text):
        if any(f.start <= m.start() < f.end for f in found):
            continue
        number = m.group("n").lower()
        value = (
            parse_digits(number)
            if number[0].isdigit()
            else (Decimal(100) if "hundred" in number else parse_words(number))
        )
        if value is None:
            continue
        resolved: tuple[str, CurrencySource] = ("GBP", "context")
        if context[:1] != ("GB",):
            resolved = table.resolve("dollars", context) or ("USD", "default")
        code, source = resolved
        extra.append(MoneyMatch(start=m.start(), end=m.end(), text=m.group(0), amount=tidy(value * 1000),
                                currency=code, currency_source=source, rule="money.grand"))  # fmt: skip
    return extra


_TRAILING_CENTS = re.compile(
    rf"(?:\s+and)?\s+(?P<n>\d{{1,2}}|(?i:{WORD_NUMBER_PATTERN}))(?P<c>c|¢)?(?=\s*(?:[.!?,;]|$))"
)


def _merge_minor_units(text: str, found: list[MoneyMatch]) -> list[MoneyMatch]:
    """ "3 dollars 50 cents", "thirteen dollars and forty-five cents", "$20 and 43c": one amount."""
    merged: list[MoneyMatch] = []
    for match in found:
        head = merged[-1] if merged else None
        if (
            head is not None
            and match.minor
            and not head.minor
            and head.amount is not None
            and match.amount is not None
            and head.amount == head.amount.to_integral_value()
            and match.amount < 1
            and _JOIN.match(text[head.end : match.start])
        ):
            head.amount = head.amount + match.amount
            head.end = match.end
            head.text = text[head.start : head.end]
            continue
        merged.append(match)
    for match in merged:
        if match.minor or match.amount is None or match.amount != match.amount.to_integral_value():
            continue
        tail = _TRAILING_CENTS.match(text, match.end)
        if tail and (tail.group("c") or match.text[-1:].isalpha() or " and " in tail.group(0)):
            # "20 dollars 43", "twenty ringgit and 43", "$20 and 43c", "US$3 and fourteen"
            cents = parse_digits(tail.group("n")) or parse_words(tail.group("n"))
            if cents is not None and 0 < cents < 100:
                match.amount = match.amount + cents / 100
                match.end = tail.end()
                match.text = text[match.start : match.end]
    return merged


_DECLARED = re.compile(
    r"(?i:\b(?:all\s+)?(?:figures|amounts|prices|values|sums)\s+(?:are\s+|were\s+)?(?:given\s+|quoted\s+)?"
    r"in\s+(?P<cur>[A-Za-z. ]{2,30}?(?:dollars|pesos|rupees|francs|pounds|yuan|euros)))\b"
)


def _inherit_currency(text: str, found: list[MoneyMatch]) -> list[MoneyMatch]:
    """ "rose to 1.26 billion dlrs from 129 mln": a bare amount with a magnitude takes the
    currency of the money mentioned just before it in the same or the previous sentence."""
    if not found:
        return found
    spans = [(m.start, m.end) for m in found]
    extra: list[MoneyMatch] = []
    for m in BARE_MAGNITUDE.finditer(text):
        if any(s <= m.start() < e for s, e in spans):
            continue
        previous = [f for f in found if f.end <= m.start() and f.currency]
        if not previous:
            continue
        head = previous[-1]
        if len(SENTENCE_END.findall(text, head.end, m.start())) > 1:
            continue
        value = _read_amount(m.group(0))
        if value is None:
            continue
        extra.append(MoneyMatch(
            start=m.start(), end=m.end(), text=m.group(0), amount=value, currency=head.currency,
            currency_source="context", rule="money.inherited",
        ))  # fmt: skip
    return sorted(found + extra, key=lambda f: f.start)


_PER_UNIT = re.compile(rf"\s*(?:per|a|an|/)\s*(?P<unit>{PER_UNIT_PATTERN})\b", re.IGNORECASE)


def _attach_per_unit(text: str, found: list[MoneyMatch]) -> list[MoneyMatch]:
    for match in found:
        m = _PER_UNIT.match(text, match.end)
        if m:
            match.per_unit = per_unit_name(m.group("unit"))
            if (
                match.per_unit in ("TEU", "FEU", "container")
                and match.currency_source == "context"
                and "$" in match.text
                and not re.search(r"[A-Za-z]\$", match.text)
            ):
                # container freight rates are quoted in US dollars whatever the story's country
                match.currency, match.currency_source = "USD", "default"
    return found


_OPEN = re.compile(
    r"\s*(?:(?:per|a|an|/)\s*[A-Za-z]+\s*)?[(\[]\s*(?:(?:or|equivalent to|i\.e\.)\s+)?$",
    re.IGNORECASE,
)
_CLOSE = re.compile(r"^\s*[)\]]")
_OR = re.compile(r"^,?\s+or\s+$")
_RATE = re.compile(r"^\s*=\s*$")


def _link_equivalents(text: str, found: list[MoneyMatch]) -> list[MoneyMatch]:
    """Fold "X (about Y)" and "X, or Y," into one match whose equivalents hold Y.

    An exchange-rate note "($1 = 0.9042 euros)" states a rate, not an amount: both sides are
    dropped rather than reported as money.
    """
    result: list[MoneyMatch] = []
    previous: MoneyMatch | None = None
    for match in found:
        if previous is not None and _RATE.match(text[previous.end : match.start]):
            if result and result[-1] is previous:
                result.pop()
            elif result and previous in result[-1].equivalents:
                result[-1].equivalents.remove(previous)
            previous = None
            continue
        previous = match
        if result:
            head = result[-1]
            between = text[head.end : match.start]
            after = text[match.end : match.end + 3]
            bracketed = _OPEN.match(between) and _CLOSE.match(after)
            if (bracketed or _OR.match(between)) and match.currency != head.currency:
                head.equivalents.append(match)
                continue
        result.append(match)
    return result
