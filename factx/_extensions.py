"""Every ``Doc._`` attribute factx uses, declared in one place and registered idempotently.

Components call :func:`register` when they are built, so worker processes that unpickle a
pipeline (``n_process > 1``) have the extensions too.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from spacy.tokens import Doc

if TYPE_CHECKING:
    from factx.finders.dates import DateMatch
    from factx.finders.money import MoneyMatch
    from factx.finders.people import OfficialMatch, OrgMatch
    from factx.finders.percent import PercentMatch
    from factx.finders.places import PlaceMatch
    from factx.finders.quantity import QuantityMatch

__all__ = ["DocState", "register", "state", "warn"]


@dataclass
class DocState:
    """What the components found in one document, before ``factx_assemble`` makes records."""

    places: list[PlaceMatch] = field(default_factory=list)
    countries: tuple[str, ...] = ()  # the article's countries, most mentioned first
    organizations: list[OrgMatch] = field(default_factory=list)
    officials: list[OfficialMatch] = field(default_factory=list)
    dates: list[DateMatch] = field(default_factory=list)
    money: list[MoneyMatch] = field(default_factory=list)
    percentages: list[PercentMatch] = field(default_factory=list)
    quantities: list[QuantityMatch] = field(default_factory=list)
    # token offsets and sentence spans, read from the Doc once and shared by the components
    token_spans: list[tuple[int, int]] | None = None
    sentence_spans: list[tuple[int, int]] | None = None


_ATTRIBUTES: dict[str, object] = {
    "facts": None,  # list of factx records, set by factx_assemble
    "published": None,  # datetime.date the article was published, set by the caller
    "doc_id": None,  # the article's id, set by the caller
    "offset": 0,  # where this Doc starts in the article (a long article is split in chunks)
    "factx": None,  # DocState: raw matches per family, private to factx components
    "factx_warnings": None,  # list of warnings about this document
}


def register() -> None:
    for name, default in _ATTRIBUTES.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)


def state(doc: Doc) -> DocState:
    """The per-document scratch space the components share (created on first use)."""
    if doc._.factx is None:
        doc._.factx = DocState()
    result: DocState = doc._.factx
    return result


def token_spans(doc: Doc) -> list[tuple[int, int]]:
    """(start, end) of every token that is not white space, computed once per document."""
    shared = state(doc)
    if shared.token_spans is None:
        shared.token_spans = [(t.idx, t.idx + len(t.text)) for t in doc if not t.is_space]
    return shared.token_spans


def sentence_spans(doc: Doc) -> list[tuple[int, int]]:
    """(start, end) of every sentence, computed once per document; empty without sentences
    (``doc.sents`` walks every token, so three components reading it cost three walks)."""
    shared = state(doc)
    if shared.sentence_spans is None:
        shared.sentence_spans = (
            [(s.start_char, s.end_char) for s in doc.sents]
            if doc.has_annotation("SENT_START")
            else []
        )
    return shared.sentence_spans


def warn(doc: Doc, message: str) -> None:
    if doc._.factx_warnings is None:
        doc._.factx_warnings = []
    doc._.factx_warnings.append(message)
