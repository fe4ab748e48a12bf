"""factx: typed, normalised facts from English trade news.

>>> import datetime, factx
>>> article = factx.extract("Exports rose 15 percent to 1.98 trillion RMB in 2021.",
...                         published=datetime.date(2022, 3, 1))
>>> [(f.type, f.text) for f in article.facts]
[('percentage', '15 percent'), ('money', '1.98 trillion RMB'), ('date', 'in 2021')]
"""

from __future__ import annotations

from factx._version import __version__
from factx.api import extract, extract_many, load
from factx.batch import extract_files, to_dataframe
from factx.pipeline import model_path
from factx.records import (
    Article,
    CountryFact,
    DateFact,
    ErrorRecord,
    Fact,
    MoneyEquivalent,
    MoneyFact,
    OfficialFact,
    OrganizationFact,
    PercentageFact,
    PortFact,
    QuantityFact,
    RegionFact,
)
from factx.view import render, render_report

__all__ = [
    "Article",
    "CountryFact",
    "DateFact",
    "ErrorRecord",
    "Fact",
    "MoneyEquivalent",
    "MoneyFact",
    "OfficialFact",
    "OrganizationFact",
    "PercentageFact",
    "PortFact",
    "QuantityFact",
    "RegionFact",
    "__version__",
    "extract",
    "extract_files",
    "extract_many",
    "load",
    "model_path",
    "render",
    "render_report",
    "to_dataframe",
]
