"""The public output contract: pydantic records for articles and the facts found in them.

Every record is frozen and forbids unknown fields, so a downstream system can rely on the JSON
Schema (``factx schema``) as the whole truth. Amounts are ``Decimal`` (serialised as plain
decimal strings in JSON, "1980000000000" and never "1.98E+12", so no float ever rounds a figure),
currencies are ISO 4217 codes, offsets are half-open ``[start, end)`` character offsets into the
text factx read, with ``start < end``. This module imports nothing of factx, so it can be vendored
alone.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PlainSerializer,
    StringConstraints,
    WithJsonSchema,
    model_validator,
)
from pydantic.json_schema import models_json_schema

__all__ = [
    "Article",
    "CountryFact",
    "DateFact",
    "ErrorRecord",
    "Fact",
    "FactBase",
    "MoneyEquivalent",
    "MoneyFact",
    "OfficialFact",
    "OrganizationFact",
    "PercentageFact",
    "PortFact",
    "QuantityFact",
    "RegionFact",
    "json_schema",
]

#: What an amount looks like in JSON: a decimal string with no exponent.
DECIMAL_PATTERN = r"^-?[0-9]+(\.[0-9]+)?$"


def _decimal_text(value: Decimal) -> str:
    return format(value, "f")


Amount = Annotated[
    Decimal,
    PlainSerializer(_decimal_text, return_type=str, when_used="json"),
    WithJsonSchema({"type": "string", "pattern": DECIMAL_PATTERN}),
]
CurrencyCode = Annotated[str, StringConstraints(pattern=r"^[A-Z]{3}$")]

FactType = Literal[
    "money",
    "date",
    "percentage",
    "quantity",
    "port",
    "region",
    "country",
    "organization",
    "official",
]
FACT_TYPES: tuple[str, ...] = FactType.__args__  # type: ignore[attr-defined]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class _Offsets(_Frozen):
    """A mention's half-open offsets: a mention is never empty nor reversed."""

    @model_validator(mode="after")
    def _start_before_end(self) -> Any:
        start, end = getattr(self, "start"), getattr(self, "end")  # noqa: B009
        if not start < end:
            raise ValueError(f"start ({start}) must be less than end ({end})")
        return self


class FactBase(_Offsets):
    """Fields every fact carries: where it is in the text and which rule produced it."""

    id: str = Field(description="Stable id: the same article always gives the same ids.")
    text: str = Field(description="The mention exactly as it stands in the text.")
    start: int = Field(ge=0, description="Start character offset (inclusive), less than end.")
    end: int = Field(ge=0, description="End character offset (exclusive).")
    sentence_start: int = Field(ge=0, description="Start offset of the sentence holding it.")
    sentence_end: int = Field(ge=0, description="End offset of the sentence holding it.")
    rule: str = Field(description="Name of the rule that produced the fact.")


Qualifier = Literal["about", "over", "under", "at_least", "at_most", "up_to", "nearly", "exactly"]


class MoneyEquivalent(_Offsets):
    """A conversion the text states beside an amount: "5.59 million RMB (about 884,354 USD)"."""

    amount: Amount | None
    currency: CurrencyCode | None
    low: Amount | None = None
    high: Amount | None = None
    approximate: bool = False
    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class MoneyFact(FactBase):
    """An amount of money. ``amount`` is exact; a range has ``low``/``high`` and no amount."""

    type: Literal["money"] = "money"
    amount: Amount | None = Field(description="Exact amount, magnitude applied; None for ranges.")
    currency: CurrencyCode | None = Field(
        description="ISO 4217 code; None when the text names none."
    )
    currency_source: Literal["code", "symbol", "name", "context", "default", "none"] = Field(
        description="How the currency was decided: written as a code, symbol or name, resolved "
        "from the article's context, or the common default of an ambiguous sign."
    )
    low: Amount | None = None
    high: Amount | None = None
    approximate: bool = False
    qualifier: Qualifier | None = Field(
        default=None, description="The qualifier the text puts on the amount, if any."
    )
    per_unit: str | None = Field(default=None, description='"tonne" in "$450 per tonne".')
    equivalents: list[MoneyEquivalent] = Field(default_factory=list)


DateGrain = Literal["day", "week", "month", "quarter", "half", "year", "fiscal_year", "range"]
DateRelation = Literal["as_of", "since", "until", "by", "before", "after", "between", "in", "on"]


class DateFact(FactBase):
    """A calendar date or period, resolved against the publication date (never the wall clock)."""

    type: Literal["date"] = "date"
    value: str = Field(
        description='ISO 8601 at its grain: "2022-02-27", "2022-Q1", "2023-01/2023-04".'
    )
    grain: DateGrain
    start_date: dt.date | None = Field(description="First day of the period (None if unresolved).")
    end_date: dt.date | None = Field(description="Last day of the period, inclusive.")
    relation: DateRelation | None = None
    relative: bool = Field(
        default=False, description="True when resolved relative to the publication date."
    )
    year_resolved: bool = Field(
        default=True,
        description="False when the text gives no year and no publication date was supplied: "
        "the value then starts with XXXX.",
    )


class PercentageFact(FactBase):
    type: Literal["percentage"] = "percentage"
    value: Amount
    points: bool = Field(default=False, description="True for percentage points.")
    approximate: bool = False
    qualifier: Qualifier | None = None


class QuantityFact(FactBase):
    type: Literal["quantity"] = "quantity"
    value: Amount | None
    unit: str = Field(description='pint unit name, e.g. "tonne", "TEU", "kilometer".')
    low: Amount | None = None
    high: Amount | None = None
    base_value: Amount | None = Field(description="The value in the dimension's base unit.")
    base_unit: str
    approximate: bool = False
    qualifier: Qualifier | None = None
    unit_source: Literal["written", "source", "country", "default", "config"] = Field(
        default="written",
        description='How the unit was decided: as written, or, for a bare "tons", by the '
        "story's source (a dateline outside the US: metric tonnes), the article's main "
        "country (the US: short tons; elsewhere metric tonnes), the default (metric tonnes: "
        "no country named) or the pipeline setting.",
    )


PortKind = Literal[
    "seaport", "river_port", "dry_port", "rail_port", "border_crossing", "airport", "port"
]


class PortFact(FactBase):
    type: Literal["port"] = "port"
    name: str = Field(description='Canonical name without "Port"/"Port of".')
    aliases: list[str] = Field(default_factory=list)
    country: str | None = Field(description="ISO 3166-1 alpha-2.")
    subdivision: str | None = None
    locode: str | None = Field(default=None, description="UN/LOCODE, None when unknown.")
    kind: PortKind = "port"
    latitude: float | None = None
    longitude: float | None = None


class RegionFact(FactBase):
    type: Literal["region"] = "region"
    name: str
    code: str = Field(description="ISO 3166-2 code, e.g. CN-XJ.")
    country: str
    kind: str


class CountryFact(FactBase):
    type: Literal["country"] = "country"
    code: str = Field(description="ISO 3166-1 alpha-2 (or a historic code such as SU).")
    name: str


class OrganizationFact(FactBase):
    type: Literal["organization"] = "organization"
    name: str
    acronym: str | None = None
    kind: Literal["government", "company", "international", "other"] = "other"
    country: str | None = None


class OfficialFact(FactBase):
    type: Literal["official"] = "official"
    name: str = Field(description="The person's name without honorifics or ranks.")
    honorific: str | None = None
    title: str
    organization: str | None = Field(description="The organisation as written or implied.")
    organization_id: str | None = Field(
        default=None, description="id of the OrganizationFact this official belongs to."
    )
    mentions: list[tuple[int, int]] = Field(
        default_factory=list, description="Offsets of later mentions (surname, title)."
    )


Fact = Annotated[
    MoneyFact
    | DateFact
    | PercentageFact
    | QuantityFact
    | PortFact
    | RegionFact
    | CountryFact
    | OrganizationFact
    | OfficialFact,
    Field(discriminator="type"),
]


class Article(_Frozen):
    """One article and every fact found in it."""

    id: str
    published: dt.date | None
    facts: list[Fact] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)
    factx_version: str
    pipeline: str
    source: str | None = Field(default=None, description="Path or URL the text came from.")
    text_sha1: str | None = Field(
        default=None, description="SHA-1 of the text factx read: with source, identifies the input."
    )
    text: str | None = Field(
        default=None, description="The text factx read (only with keep_text): offsets refer to it."
    )
    reading: Literal["news", "calendar"] = Field(
        default="news",
        description="How year-less and relative dates were read: 'news' looks back from the "
        "publication date, 'calendar' reads them as their next occurrence.",
    )
    country: str | None = Field(
        default=None,
        pattern=r"^[A-Z]{2}$",
        description="The source-country hint the caller gave (ISO 3166 alpha-2), which decided "
        "a bare '$', a bare 'tons' and day-first numeric dates; None when none was given.",
    )


class ErrorRecord(_Frozen):
    """An input that could not be turned into an article: never silently dropped."""

    source: str
    error: str = Field(description="Error kind, e.g. 'decode', 'binary', 'io', 'too_large'.")
    message: str


#: The JSON Schema dialect of :func:`json_schema` (pydantic writes 2020-12 keywords).
SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def json_schema(*, errors: bool = False) -> dict[str, Any]:
    """The JSON Schema of an output line: an :class:`Article` or, with ``errors``, one of an
    Article and an :class:`ErrorRecord` (they share no required field, so exactly one fits)."""
    if not errors:
        return {"$schema": SCHEMA_DIALECT, **Article.model_json_schema()}
    refs, defs = models_json_schema(
        [(Article, "validation"), (ErrorRecord, "validation")],
        ref_template="#/$defs/{model}",
    )
    return {
        "$schema": SCHEMA_DIALECT,
        "title": "factx output record",
        "description": "One line of factx's JSON lines output: an article or an error record.",
        "oneOf": [refs[(Article, "validation")], refs[(ErrorRecord, "validation")]],
        **defs,
    }
