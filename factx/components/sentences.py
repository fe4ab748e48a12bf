"""spaCy component: sentence ends the rule-based sentencizer gets wrong at abbreviations.

spaCy's tokenizer keeps "Nov." and "U.S." whole only in the cases it lists, so "nov. 17",
"u.s. dollars" and "Dept. of Commerce" reach the sentencizer as a word and a full stop, and it
ends a sentence there. A fact then runs past the end of its sentence. After a known
abbreviation, a full stop ends the sentence only when the next word could start one: a capital
letter, and not after a title ("Mr. Li") or a month before its day ("Nov. 17").
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from factx import _extensions

__all__ = ["ABBREVIATIONS", "make_sentences"]

_MONTHS = frozenset(
    ["jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"]
)
#: Followed by a name or a number, never the last word of a sentence.
_LEADING = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "messrs",
        "dr",
        "prof",
        "gov",
        "sen",
        "rep",
        "gen",
        "col",
        "capt",
        "lt",
        "sgt",
        "hon",
        "rev",
        "st",
        "mt",
        "ft",
        "no",
        "nos",
        "fig",
        "vs",
        "approx",
        "ca",
        "e.g",
        "i.e",
        "cf",
    ]
)
#: Abbreviations that may also end a sentence ("shares of Acme Inc. The company ...").
ABBREVIATIONS = (
    _MONTHS
    | _LEADING
    | frozenset(
        [
            "u.s",
            "u.k",
            "u.n",
            "u.a.e",
            "e.u",
            "u.s.a",
            "p.r.c",
            "dept",
            "govt",
            "assn",
            "assoc",
            "bros",
            "co",
            "corp",
            "inc",
            "ltd",
            "plc",
            "intl",
            "natl",
            "pct",
            "mln",
            "bln",
            "trln",
            "dlrs",
            "yr",
            "yrs",
            "wk",
            "est",
            "etc",
            "jr",
            "sr",
            "ave",
            "blvd",
            "rd",
        ]
    )
)


def _keeps_sentence(prev: str, following: str) -> bool:
    """Whether "PREV. FOLLOWING" is one sentence."""
    head = following[:1]
    if head.islower() or head.isdigit():
        return True
    # "Mr. Li", "J. Smith"
    return prev.lower() in _LEADING or (len(prev) == 1 and prev.isalpha() and prev.isupper())


class SentencesComponent:
    def __init__(self, nlp: Language, name: str) -> None:
        _extensions.register()
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        if not doc.has_annotation("SENT_START"):
            return doc
        for token in doc[1:-1]:
            if token.text != ".":
                continue
            prev = doc[token.i - 1]
            word = prev.text.lower().rstrip(".")
            if prev.whitespace_ or not (
                word in ABBREVIATIONS or (len(word) == 1 and word.isalpha())
            ):
                continue
            following = doc[token.i + 1]
            if following.is_sent_start and _keeps_sentence(prev.text.rstrip("."), following.text):
                following.is_sent_start = False
        return doc


@Language.factory("factx_sentences", default_config={})
def make_sentences(nlp: Language, name: str) -> SentencesComponent:
    return SentencesComponent(nlp, name)
