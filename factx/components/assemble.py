"""spaCy component: turns the other components' matches into factx's pydantic records.

It settles overlaps between families (a country inside an organisation's name is not a country
fact; a number inside a money span is not a quantity), gives every fact a stable id and its
sentence, and sets ``doc._.facts``, ``doc.spans["factx"]`` and ``doc.ents``. It then drops the
other components' scratch space, which is no msgpack-able user data, so the Doc serialises.
"""

from __future__ import annotations

import bisect
import hashlib
from collections.abc import Sequence
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from factx import _extensions
from factx.components.spans import set_spans
from factx.finders.people import OfficialMatch, OrgMatch
from factx.normalize.qualifiers import APPROXIMATE
from factx.records import (
    CountryFact,
    DateFact,
    FactBase,
    MoneyEquivalent,
    MoneyFact,
    OfficialFact,
    OrganizationFact,
    PercentageFact,
    PortFact,
    QuantityFact,
    RegionFact,
)

__all__ = ["article_id", "assemble", "make_assemble"]


def article_id(text: str) -> str:
    """Content id of an article without one: the same text always gets the same id."""
    return "sha1:" + hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


class _Ids:
    """Fact ids from the article id and the fact's offsets in the whole article: a long article
    is processed in chunks, and offsets within a chunk repeat from one chunk to the next."""

    def __init__(self, doc_id: str, offset: int = 0) -> None:
        self.doc_id = doc_id
        self.offset = offset

    def __call__(self, kind: str, start: int, end: int, key: str) -> str:
        raw = f"{self.doc_id}|{kind}|{start + self.offset}|{end + self.offset}|{key}"
        return hashlib.sha1(raw.encode("utf-8", "surrogatepass")).hexdigest()[:16]


class _Sentences:
    def __init__(self, doc: Doc, length: int) -> None:
        spans = _extensions.sentence_spans(doc) or [(0, length)]
        self.starts = [s for s, _ in spans]
        self.spans = spans

    def __call__(self, start: int, end: int) -> tuple[int, int]:
        """The sentence holding [start, end); the sentences it runs over, should a finder
        cross a sentence end, so that a fact's sentence always contains it."""
        if not self.spans:
            return (0, 0)
        first = max(0, bisect.bisect_right(self.starts, start) - 1)
        last = max(first, bisect.bisect_right(self.starts, max(start, end - 1)) - 1)
        return self.spans[first][0], self.spans[last][1]


def _overlaps(start: int, end: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(start < e and s < end for s, e in spans)


def _inside(start: int, end: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(s <= start and end <= e for s, e in spans)


def assemble(doc: Doc) -> list[Any]:
    state = _extensions.state(doc)
    text = doc.text  # spaCy joins every token on each access: read it once
    doc_id = doc._.doc_id or article_id(text)
    new_id = _Ids(doc_id, doc._.offset or 0)
    sentence = _Sentences(doc, len(text))
    facts: list[FactBase] = []

    def base(kind: str, start: int, end: int, key: str, rule: str) -> dict[str, Any]:
        s_start, s_end = sentence(start, end)
        return {
            "id": new_id(kind, start, end, key),
            "text": text[start:end],
            "start": start,
            "end": end,
            "sentence_start": s_start,
            "sentence_end": s_end,
            "rule": rule,
        }

    orgs: list[OrgMatch] = state.organizations
    officials: list[OfficialMatch] = state.officials
    org_spans = [(o.start, o.end) for o in orgs] + [m for o in orgs for m in o.mentions]
    # a place inside a person's name or later mention ("Tiago Maranhão", "Valencia said")
    official_spans = [(o.start, o.end) for o in officials] + [
        m for o in officials for m in o.mentions
    ]

    for money in state.money:
        facts.append(
            MoneyFact(
                **base(
                    "money", money.start, money.end, f"{money.amount}{money.currency}", money.rule
                ),
                amount=money.amount,
                currency=money.currency,
                currency_source=money.currency_source or "none",
                low=money.low,
                high=money.high,
                approximate=money.qualifier in APPROXIMATE,
                qualifier=money.qualifier,  # type: ignore[arg-type]
                per_unit=money.per_unit,
                equivalents=[
                    MoneyEquivalent(
                        amount=e.amount,
                        currency=e.currency,
                        low=e.low,
                        high=e.high,
                        approximate=e.qualifier in APPROXIMATE,
                        text=e.text,
                        start=e.start,
                        end=e.end,
                    )
                    for e in money.equivalents
                ],
            )
        )
    for pct in state.percentages:
        facts.append(
            PercentageFact(
                **base("percentage", pct.start, pct.end, str(pct.value), pct.rule),
                value=pct.value,
                points=pct.points,
                approximate=pct.qualifier in APPROXIMATE,
                qualifier=pct.qualifier,  # type: ignore[arg-type]
            )
        )
    for qty in state.quantities:
        base_value, base_unit = _to_base(qty.value if qty.value is not None else qty.high, qty.unit)
        facts.append(
            QuantityFact(
                **base("quantity", qty.start, qty.end, f"{qty.value}{qty.unit}", qty.rule),
                value=qty.value,
                unit=qty.unit,
                low=qty.low,
                high=qty.high,
                base_value=base_value if qty.value is not None else None,
                base_unit=base_unit,
                approximate=qty.qualifier in APPROXIMATE,
                qualifier=qty.qualifier,  # type: ignore[arg-type]
                unit_source=qty.unit_source,  # type: ignore[arg-type]
            )
        )
    for date in state.dates:
        period = date.period
        facts.append(
            DateFact(
                **base("date", date.start, date.end, period.value, date.rule),
                value=period.value,
                grain=period.grain,  # type: ignore[arg-type]
                start_date=period.start,
                end_date=period.end,
                relation=date.relation,  # type: ignore[arg-type]
                relative=date.relative,
                year_resolved=period.year_resolved,
            )
        )
    for place in state.places:
        if place.kind != "port" and _inside(place.start, place.end, org_spans):
            continue
        if _overlaps(place.start, place.end, official_spans) and place.kind != "country":
            continue
        data = place.data
        if place.kind == "port":
            facts.append(
                PortFact(
                    **base("port", place.start, place.end, data["name"], place.rule),
                    name=data["name"],
                    aliases=list(data.get("aliases") or []),
                    country=data.get("country"),
                    subdivision=data.get("subdivision"),
                    locode=data.get("locode"),
                    kind=data.get("kind") or "port",
                    latitude=data.get("lat"),
                    longitude=data.get("lon"),
                )
            )
        elif place.kind == "region":
            facts.append(
                RegionFact(
                    **base("region", place.start, place.end, data["code"], place.rule),
                    name=data["name"],
                    code=data["code"],
                    country=data["country"],
                    kind=data.get("kind") or "region",
                )
            )
        else:
            facts.append(
                CountryFact(
                    **base("country", place.start, place.end, data["code"], place.rule),
                    code=data["code"],
                    name=data["name"],
                )
            )
    org_ids: dict[str, str] = {}
    for org in orgs:
        fact = OrganizationFact(
            **base("organization", org.start, org.end, org.name, org.rule),
            name=" ".join(org.name.split()),  # wire copy wraps lines inside names
            acronym=org.acronym,
            kind=org.kind,  # type: ignore[arg-type]
            country=org.country,
        )
        facts.append(fact)
        for alias in (org.name, org.acronym, org.text):
            if alias:
                org_ids[alias.casefold()] = fact.id
    for official in officials:
        org_name = official.organization
        org_id = None
        if org_name:
            org_id = org_ids.get(org_name.casefold()) or org_ids.get(
                org_name.removeprefix("the ").casefold()
            )
        facts.append(
            OfficialFact(
                **base("official", official.start, official.end, official.name, official.rule),
                # wire copy wraps lines inside names and titles ("Bruce\nSmart")
                name=" ".join(official.name.split()),
                honorific=official.honorific,
                title=" ".join(official.title.split()),
                organization=" ".join(org_name.split()) if org_name else org_name,
                organization_id=org_id,
                mentions=sorted(official.mentions),  # found by set iteration: order varies
            )
        )
    facts.sort(key=lambda f: (f.start, f.end))
    return facts


def _to_base(value: Any, unit: str) -> tuple[Any, str]:
    from factx.normalize.units import to_base

    if value is None:
        return None, unit
    try:
        return to_base(value, unit)
    except Exception:  # pint raises many types for a unit it cannot convert
        return None, unit


class AssembleComponent:
    def __init__(self, nlp: Language, name: str, overwrite_ents: bool) -> None:
        _extensions.register()
        self.name = name
        self.overwrite_ents = overwrite_ents

    def __call__(self, doc: Doc) -> Doc:
        facts = assemble(doc)
        doc._.facts = facts
        set_spans(doc, facts, overwrite_ents=self.overwrite_ents)
        doc._.factx = None
        return doc


@Language.factory(
    "factx_assemble",
    assigns=["doc._.facts", "doc.spans", "doc.ents", "span._.fact"],
    default_config={"overwrite_ents": False},
)
def make_assemble(nlp: Language, name: str, overwrite_ents: bool) -> AssembleComponent:
    """``overwrite_ents``: false (the default) keeps the entities an earlier component set
    and adds factx's where they overlap none; true replaces them with factx's."""
    return AssembleComponent(nlp, name, overwrite_ents)
