"""Units of trade news: written forms to pint unit names, and conversion to base units by pint.

The written forms live in ``factx/data/units.tsv`` and the units pint lacks (TEU, FEU, the oil
barrel, the cotton bale, bcm) in ``factx/data/trade_units.txt``. The pint registry costs about
0.25 s to build, so it is built once per process, lazily, on the first conversion: loading the
pipeline does not pay for it.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from importlib import resources
from typing import Any

from factx.normalize.numbers import tidy

__all__ = [
    "PER_UNIT_PATTERN",
    "UnitForm",
    "base_unit_for",
    "per_unit_name",
    "to_base",
    "unit_form",
    "unit_forms",
    "unit_name",
    "unit_registry",
]


@dataclass(frozen=True, slots=True)
class UnitForm:
    alias: str
    unit: str
    cased: bool  # match the alias's case exactly ("MT", "kWh")
    glued: bool  # only directly after digits ("5g", "300m")
    guarded: bool = False  # an English word too ("in"): only before punctuation or "thick" etc.
    #: the magnitude the form carries: "MMT" and "mtpa" are millions of tonnes, "kt" thousands
    scale: Decimal = Decimal(1)
    #: a unit only where the text defines it: "standard containers" are TEU when the text
    #: says so ("1.2 million TEUs (standard containers)"), otherwise they are a count of boxes
    defined: bool = False


@lru_cache(maxsize=1)
def unit_forms() -> tuple[UnitForm, ...]:
    path = resources.files("factx.data").joinpath("units.tsv")
    forms = []
    with path.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            flags = set((row.get("flags") or "").split("|"))
            forms.append(
                UnitForm(
                    row["alias"],
                    row["unit"],
                    "cased" in flags,
                    "glued" in flags,
                    "inch" in flags,
                    Decimal(row.get("scale") or 1),
                    "defined" in flags,
                )
            )
    return tuple(forms)


def _key(alias: str) -> str:
    """Spaces and hyphens are one separator: "20-foot-equivalent units", "square-meter"."""
    return re.sub(r"[\s-]+", " ", alias.strip())


@lru_cache(maxsize=1)
def _by_alias() -> dict[str, UnitForm]:
    table: dict[str, UnitForm] = {}
    for form in unit_forms():
        table.setdefault(_key(form.alias) if form.cased else _key(form.alias).lower(), form)
    return table


def unit_form(alias: str) -> UnitForm | None:
    """The form of a written unit: its pint name, and the magnitude it carries."""
    table = _by_alias()
    key = _key(alias)
    return table.get(key) or table.get(key.lower())


def unit_name(alias: str) -> str | None:
    """The pint unit name of a written unit ("TEUs" -> "TEU", "metric tons" -> "tonne")."""
    form = unit_form(alias)
    return form.unit if form else None


#: Units an amount of money can be quoted per ("$450 per tonne").
_PER_UNITS = {
    "tonne": "tonne", "tonnes": "tonne", "ton": "ton", "tons": "ton", "metric ton": "tonne",
    "barrel": "barrel", "bbl": "barrel", "kg": "kilogram", "kilogram": "kilogram",
    "kilo": "kilogram", "pound": "pound", "lb": "pound", "ounce": "ounce", "oz": "ounce",
    "bushel": "bushel", "teu": "TEU", "feu": "FEU", "container": "container",
    "litre": "liter", "liter": "liter", "gallon": "gallon", "mwh": "megawatt_hour",
    "kwh": "kilowatt_hour", "cubic metre": "cubic_meter", "cubic meter": "cubic_meter",
    "share": "share", "unit": "unit", "head": "head", "bale": "bale", "mmbtu": "MMBtu",
    "square metre": "square_meter", "square meter": "square_meter", "hectare": "hectare",
}  # fmt: skip
PER_UNIT_PATTERN = "|".join(re.escape(u) for u in sorted(_PER_UNITS, key=len, reverse=True))


def per_unit_name(text: str) -> str:
    return _PER_UNITS.get(" ".join(text.lower().split()), text.lower())


@lru_cache(maxsize=1)
def unit_registry() -> Any:
    """pint registry with Decimal magnitudes and factx's trade units; built once per process."""
    import pint

    registry: Any = pint.UnitRegistry(non_int_type=Decimal, on_redefinition="ignore")
    with resources.as_file(resources.files("factx.data").joinpath("trade_units.txt")) as path:
        registry.load_definitions(str(path))
    return registry


#: Base units by dimensionality, chosen for trade rather than SI purity: rates stay per year
#: or per day as people read them, energy in kilowatt-hours, containers in TEU.
_BASE: dict[str, str] = {
    "[mass]": "kilogram",
    "[length] ** 3": "cubic_meter",
    "[length]": "meter",
    "[length] ** 2": "square_meter",
    "[mass] * [length] ** 2 / [time] ** 2": "kilowatt_hour",
    "[mass] * [length] ** 2 / [time] ** 3": "kilowatt",
    "[container_capacity]": "TEU",
    "[mass] / [time]": "kilogram / year",
    "[length] ** 3 / [time]": "cubic_meter / day",
    "[container_capacity] / [time]": "TEU / year",
}


@lru_cache(maxsize=256)
def base_unit_for(unit: str) -> str:
    registry = unit_registry()
    dimensionality = str(registry.Quantity(1, unit).dimensionality)
    if dimensionality in _BASE:
        return _BASE[dimensionality]
    return str(registry.Quantity(1, unit).to_base_units().units)


def to_base(value: Decimal, unit: str) -> tuple[Decimal, str]:
    """Convert by pint to the dimension's base unit; the result stays Decimal."""
    registry = unit_registry()
    base = base_unit_for(unit)
    converted = registry.Quantity(value, unit).to(base).magnitude
    return tidy(Decimal(converted)), base
