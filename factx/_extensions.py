"""Every ``Doc._`` and ``Span._`` attribute factx uses, declared in one place and registered
idempotently.

Components call :func:`register` when they are built, so worker processes that unpickle a
pipeline (``n_process > 1``) have the extensions too.

What a Doc keeps must survive ``doc.to_bytes()``, ``DocBin(store_user_data=True)`` and the trip
back from an ``nlp.pipe`` worker, all of which msgpack ``doc.user_data``. So the records are kept
there in their JSON form (``doc._.facts`` turns them back into pydantic records, once per Doc),
the publication date as an ISO string, and the components' scratch space (:class:`DocState`,
not msgpack-able) is dropped by ``factx_assemble`` once the records are made.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from pydantic import TypeAdapter
from spacy.tokens import Doc, Span

from factx.records import Fact

if TYPE_CHECKING:
    from factx.finders.dates import DateMatch
    from factx.finders.money import MoneyMatch
    from factx.finders.people import OfficialMatch, OrgMatch
    from factx.finders.percent import PercentMatch
    from factx.finders.places import PlaceMatch
    from factx.finders.quantity import QuantityMatch

__all__ = [
    "READINGS",
    "SPANS_KEY",
    "DocState",
    "check_country",
    "check_reading",
    "register",
    "state",
    "warn",
]

#: How year-less and relative dates are read: "news" looks back from the publication date, as
#: reports do; "calendar" reads them as their next occurrence, as schedules and calendars do.
READINGS = ("news", "calendar")

#: The key of factx's SpanGroup: ``doc.spans["factx"]``.
SPANS_KEY = "factx"


@dataclass
class DocState:
    """What the components found in one document, before ``factx_assemble`` makes records."""

    places: list[PlaceMatch] = field(default_factory=list)
    countries: tuple[str, ...] = ()  # the article's countries, most mentioned first
    dateline_country: str | None = None  # where the story was filed (finders.datelines)
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
    "doc_id": None,  # the article's id, set by the caller
    "offset": 0,  # where this Doc starts in the article (a long article is split in chunks)
    "factx": None,  # DocState: raw matches per family, private to factx components
    "factx_warnings": None,  # list of warnings about this document
    # the caller's reading options (factx.extract's ``reading`` and ``country``); None leaves
    # them to the pipeline's configuration, and the components write back what they used
    "reading": None,  # "news" or "calendar"
    "country": None,  # ISO alpha-2 hint for the source's country
}

# user_data keys of the attributes kept in a serialisable form behind a getter and a setter
_FACTS_KEY = ("factx", "facts")
_PUBLISHED_KEY = ("factx", "published")


class _StoredFacts(list[Any]):
    """The records' JSON form, which msgpack writes as a plain list, with the records
    themselves alongside (``records``) so reading ``doc._.facts`` validates nothing twice."""

    records: list[Any]


_FACT_LIST: TypeAdapter[list[Any]] = TypeAdapter(list[Fact])


def _user_data(doc: Doc) -> dict[Any, Any]:
    """``doc.user_data``, whose keys spaCy itself makes tuples (its stubs say str)."""
    data: dict[Any, Any] = doc.user_data
    return data


def _get_facts(doc: Doc) -> list[Any] | None:
    stored = _user_data(doc).get(_FACTS_KEY)
    if stored is None:
        return None
    if not isinstance(stored, _StoredFacts):  # read back by from_bytes, DocBin or a worker
        fresh = _StoredFacts(stored)
        fresh.records = _FACT_LIST.validate_python(list(stored))
        _user_data(doc)[_FACTS_KEY] = stored = fresh
    return list(stored.records)


def _set_facts(doc: Doc, facts: list[Any] | None) -> None:
    if facts is None:
        _user_data(doc).pop(_FACTS_KEY, None)
        return
    stored = _StoredFacts(f.model_dump(mode="json") for f in facts)
    stored.records = list(facts)
    _user_data(doc)[_FACTS_KEY] = stored


def _get_published(doc: Doc) -> dt.date | None:
    value = _user_data(doc).get(_PUBLISHED_KEY)
    return None if value is None else dt.date.fromisoformat(value)


def _set_published(doc: Doc, value: dt.date | None) -> None:
    if value is None:
        _user_data(doc).pop(_PUBLISHED_KEY, None)
    elif isinstance(value, dt.date):
        _user_data(doc)[_PUBLISHED_KEY] = value.isoformat()[:10]
    else:
        raise TypeError(f"factx: doc._.published must be a datetime.date, not {value!r}")


def _get_span_fact(span: Span) -> Any:
    """The record behind a span of ``doc.spans["factx"]`` or ``doc.ents``: the fact of the
    span's type at its exact offsets or, for a fact that starts or ends inside a token, the
    longest one the span's tokens cover."""
    facts = span.doc._.facts or []
    label = span.label_
    start, end = span.start_char, span.end_char
    inside = [f for f in facts if f.type == label and start <= f.start and f.end <= end]
    for fact in inside:
        if (fact.start, fact.end) == (start, end):
            return fact
    return max(inside, key=lambda f: f.end - f.start, default=None)


def register() -> None:
    for name, default in _ATTRIBUTES.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
    if not Doc.has_extension("facts"):  # list of factx records, set by factx_assemble
        Doc.set_extension("facts", getter=_get_facts, setter=_set_facts)
    if not Doc.has_extension("published"):  # the article's publication date, set by the caller
        Doc.set_extension("published", getter=_get_published, setter=_set_published)
    if not Span.has_extension("fact"):  # the record of a factx span
        Span.set_extension("fact", getter=_get_span_fact)


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


def check_reading(value: str | None) -> str | None:
    """``value`` if it is one of :data:`READINGS` (or None): a misspelt reading must fail
    loudly, not quietly read every date as news."""
    if value is not None and value not in READINGS:
        raise ValueError(f"factx: reading={value!r} is not one of {', '.join(READINGS)}")
    return value


def check_country(value: str | None) -> str | None:
    """``value`` as an upper-case ISO 3166 alpha-2 code (or None): the gazetteer and the
    currency table key countries that way, so "gb" must mean "GB" and "UK" or "GBR" fail."""
    if value is None or value == "":
        return None
    if not isinstance(value, str) or len(value) != 2 or not value.isascii() or not value.isalpha():
        raise ValueError(f"factx: country={value!r} is not an ISO 3166 alpha-2 code such as 'GB'")
    code = value.upper()
    if code == "UK":
        raise ValueError("factx: country='UK' is not ISO 3166 alpha-2; the code is 'GB'")
    return code


def warn(doc: Doc, message: str) -> None:
    if doc._.factx_warnings is None:
        doc._.factx_warnings = []
    doc._.factx_warnings.append(message)


# at import too, so a Doc read back from bytes or a DocBin in a process that has imported factx
# but loaded no pipeline still answers doc._.facts and span._.fact
register()
