"""Numbers as trade news writes them, read exactly as ``Decimal``.

Plain functions, no spaCy: they are tested table-first and shared by money, percentage, quantity
and date parsing. Floats never appear, so "1.98 trillion" is exactly 1980000000000.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

__all__ = [
    "MAGNITUDES",
    "NUMBER_PATTERN",
    "NUMBER_TRIGGER",
    "NUMBER_WORDS",
    "WORD_NUMBER_PATTERN",
    "WORD_NUMBER_PLAIN",
    "apply_magnitude",
    "canonical",
    "parse_digits",
    "parse_fraction",
    "parse_number",
    "parse_words",
    "tidy",
]

#: Magnitude words and abbreviations, lower case. "m", "b", "k" and "mm" are read only when
#: glued to digits or a currency ("$5m", "USD5bn"): the callers' patterns make sure of that.
MAGNITUDES: dict[str, int] = {
    "hundred": 10**2,
    "thousand": 10**3,
    "thousands": 10**3,
    "k": 10**3,
    "lakh": 10**5,
    "lakhs": 10**5,
    "lac": 10**5,
    "lacs": 10**5,
    "million": 10**6,
    "millions": 10**6,
    "mln": 10**6,
    "mn": 10**6,
    "mil": 10**6,
    "mio": 10**6,
    "m": 10**6,
    "mm": 10**6,
    "crore": 10**7,
    "crores": 10**7,
    "cr": 10**7,
    "billion": 10**9,
    "billions": 10**9,
    "bln": 10**9,
    "bn": 10**9,
    "b": 10**9,
    "trillion": 10**12,
    "trillions": 10**12,
    "tn": 10**12,
    "t": 10**12,
    "tln": 10**12,
    "trn": 10**12,
}

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}  # fmt: skip
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
_FRACTIONS = {
    "half": Decimal("0.5"),
    "quarter": Decimal("0.25"),
    "third": Decimal(1) / Decimal(3),
    "thirds": Decimal(1) / Decimal(3),
    "quarters": Decimal("0.25"),
}
NUMBER_WORDS: frozenset[str] = frozenset(
    [*_UNITS, *_TENS, "hundred", "thousand", "million", "billion", "trillion", "a", "an",
     "half", "dozen", "and"]
)  # fmt: skip

#: Digits with optional grouping. Commas, thin and no-break spaces group thousands; a plain
#: space groups only 1-3 digits followed by exact groups of 3 ("1 234 567").
NUMBER_PATTERN = (
    # "1,09 million teu", "USD 192,3 mln": a decimal comma before a magnitude word
    r"(?:\d{1,3},\d{1,2}(?=[\s-]*(?i:million|billion|trillion|thousand|mln|bln|mn|bn|lakh|crore)\b)"
    r"|\d{1,3}(?:,\d{3})+(?:\.\d+)?"
    r"|\d{1,3}(?:[\u00a0\u202f\u2009]\d{3})+(?:[.,]\d+)?"
    r"|\d{1,3}(?:\.\d{3}){2,}(?:,\d+)?"
    r"|\d{1,3}(?: \d{3})+(?![\d,.]\d)"
    r"|\d+(?:\.\d+)?"
    r"|\.\d+)"
)
_WORD_ALT = "|".join(
    sorted([*_UNITS, *_TENS, "hundred", "thousand", "dozen"], key=len, reverse=True)
)
#: Written numbers without "a"/"an": "five", "twenty-five", "one hundred and twenty".
WORD_NUMBER_PLAIN = rf"(?:(?:{_WORD_ALT})(?:(?:[\s-]+|\s+and\s+)(?:{_WORD_ALT}))*)"
#: Written numbers: "five", "twenty-five", "one hundred and twenty", "a", "half a".
WORD_NUMBER_PATTERN = (
    rf"(?:(?:half\s+an?|an?|(?:{_WORD_ALT})(?:(?:[\s-]+|\s+and\s+)(?:{_WORD_ALT}))*))"
)

#: Every number, written or in digits, contains one of these: finders scan only near them.
NUMBER_TRIGGER = re.compile(
    r"\d|(?i:\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
    r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|"
    r"seventy|eighty|ninety|hundred|thousand|million|billion|trillion|dozen|half)\b)"
)

_GROUPED = re.compile(r"^\d{1,3}(?:([,\u00a0\u202f\u2009 ])\d{3})+(?:[.,]\d+)?$")
_EURO_GROUPED = re.compile(r"^\d{1,3}(?:\.\d{3}){2,}(?:,\d+)?$")


def canonical(value: Decimal) -> str:
    """Decimal as a plain string without exponent or trailing zeros ("75000000", "1.1")."""
    if value == value.to_integral_value():
        return str(int(value))
    return format(value.normalize(), "f")


def parse_digits(text: str) -> Decimal | None:
    """Read a digit string with any common grouping; None if it is not a number.

    >>> parse_digits("1,234,567.5")
    Decimal('1234567.5')
    >>> parse_digits("1 234 567")
    Decimal('1234567')
    """
    text = text.strip()
    if not text:
        return None
    if _EURO_GROUPED.match(text):
        cleaned = text.replace(".", "").replace(",", ".")
    elif _GROUPED.match(text):
        sep = _GROUPED.match(text).group(1)  # type: ignore[union-attr]
        cleaned = text.replace(sep, "")
        if sep != "," and "," in cleaned:
            cleaned = cleaned.replace(",", ".")
    else:
        cleaned = text.replace(",", "")
    try:
        return Decimal(cleaned)
    except InvalidOperation:
        return None


def parse_words(text: str) -> Decimal | None:
    """Read a written number: "twenty-five", "one hundred and five", "a", "half a", "a dozen".

    >>> parse_words("one hundred and twenty-five")
    Decimal('125')
    """
    words = [w for w in re.split(r"[\s-]+", text.lower().strip()) if w and w != "and"]
    if not words:
        return None
    if words[0] == "half":
        return Decimal("0.5") if all(w in ("a", "an") for w in words[1:]) else None
    total = 0
    current = 0
    seen = False
    for word in words:
        if word in ("a", "an"):
            current += 1
            seen = True
        elif word in _UNITS:
            current += _UNITS[word]
            seen = True
        elif word in _TENS:
            current += _TENS[word]
            seen = True
        elif word == "dozen":
            current = (current or 1) * 12
            seen = True
        elif word == "hundred":
            current = (current or 1) * 100
            seen = True
        elif word == "thousand":
            total += (current or 1) * 1000
            current = 0
            seen = True
        else:
            return None
    return Decimal(total + current) if seen else None


_FRACTION = re.compile(r"^(?:(?P<whole>\d+)\s+)?(?P<num>\d+)/(?P<den>\d+)$")


def parse_fraction(text: str) -> Decimal | None:
    """ "1/4" -> 0.25, "10 1/2" -> 10.5; None for a zero denominator or not a fraction."""
    m = _FRACTION.match(text.strip())
    if not m or int(m.group("den")) == 0:
        return None
    value = Decimal(m.group("num")) / Decimal(m.group("den"))
    if m.group("whole"):
        value += Decimal(m.group("whole"))
    return tidy(value)


def parse_number(text: str) -> Decimal | None:
    """Digits or words, with an optional trailing magnitude: "5.59 million", "five million"."""
    text = text.strip()
    if "/" in text:
        return parse_fraction(text)
    lowered = text.lower()
    if lowered.endswith("and a half"):
        base = parse_number(text[: -len("and a half")])
        return None if base is None else base + Decimal("0.5")
    if lowered in ("half", "half a", "half an", "one-half", "one half", "a half"):
        return Decimal("0.5")
    if lowered in ("quarter", "a quarter", "one quarter", "one-quarter"):
        return Decimal("0.25")
    match = re.match(r"^(.*?)[\s-]*([A-Za-z]+)$", text)
    if match and match.group(2).lower() in MAGNITUDES and match.group(1):
        head = match.group(1)
        if re.fullmatch(r"\d{1,3},\d{1,2}", head):  # "1,09 million": a decimal comma
            head = head.replace(",", ".")
        base = parse_number(head)
        return None if base is None else apply_magnitude(base, match.group(2))
    value = parse_digits(text)
    if value is None:
        value = parse_words(text)
    return value


def apply_magnitude(value: Decimal, word: str | None) -> Decimal:
    """Scale by a magnitude word; unknown words leave the value as it is."""
    if not word:
        return value
    factor = MAGNITUDES.get(word.lower().rstrip("."))
    if factor is None:
        return value
    return tidy(value * factor)


def tidy(value: Decimal) -> Decimal:
    """Drop trailing zeros without switching to exponent form: 5.59 * 10**6 -> 5590000."""
    if value == value.to_integral_value():
        return Decimal(int(value))
    return value.normalize()


def parse_fraction_word(text: str) -> Decimal | None:
    """ "two-thirds" -> 0.666..., "three quarters" -> 0.75 (used where a value is meant)."""
    parts = re.split(r"[\s-]+", text.lower().strip())
    if len(parts) == 2 and parts[1] in _FRACTIONS:
        numerator = parse_words(parts[0])
        if numerator is not None:
            return numerator * _FRACTIONS[parts[1]]
    return None
