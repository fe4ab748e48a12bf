"""The letter table both data builders fold names with, so ports and places agree.

Letters that Unicode decomposition does not reduce to ASCII, and typographic punctuation that
English copy writes as ASCII ("Ra’s al Khaymah" -> "Ra's al Khaymah").
"""

from __future__ import annotations

__all__ = ["FOLD_TABLE"]

FOLD_TABLE = str.maketrans(
    {
        "ı": "i",
        "ł": "l",
        "Ł": "L",
        "đ": "d",
        "Đ": "D",
        "ð": "d",
        "Ð": "D",
        "ø": "o",
        "Ø": "O",
        "ß": "ss",
        "æ": "ae",
        "Æ": "AE",
        "œ": "oe",
        "Œ": "OE",
        "þ": "th",
        "Þ": "Th",
        "ŀ": "l",
        "ə": "a",
        "Ə": "A",
        "ǝ": "a",
        "ħ": "h",
        "Ħ": "H",
        "‘": "'",
        "’": "'",
        "ʻ": "'",
        "ʼ": "'",
        "ʹ": "'",
        "`": "'",
        "´": "'",
        "–": "-",
        "—": "-",
        "‐": "-",
        "“": '"',
        "”": '"',
    }
)
