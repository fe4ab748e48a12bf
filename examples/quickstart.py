"""Quick start: facts from one article, as typed records.

Run: python examples/quickstart.py
"""

from __future__ import annotations

import datetime as dt

import factx

TEXT = (
    "On February 27, a fully loaded freight train set off from Alashankou Port in northwest "
    "China's Xinjiang Uygur Autonomous Region bound for Uzbekistan, with goods worth 5.59 "
    "million RMB (about 884,354 USD), said He Bin, assistant general manager of the freight "
    "company. According to the Ministry of Commerce (MOFCOM), cross-border e-commerce climbed "
    "15 percent year-on-year to 1.98 trillion RMB in 2021."
)


def main() -> None:
    article = factx.extract(TEXT, published=dt.date(2022, 3, 1), doc_id="quickstart")
    for fact in article.facts:
        if fact.type == "money":
            extra = ", ".join(f"{e.amount} {e.currency}" for e in fact.equivalents)
            print(f"money    {fact.amount} {fact.currency}  (equivalents: {extra or '-'})")
        elif fact.type == "date":
            print(f"date     {fact.value} ({fact.grain})  {fact.text!r}")
        elif fact.type == "port":
            print(f"port     {fact.name} {fact.country} {fact.locode} aliases={fact.aliases[:2]}")
        elif fact.type == "region":
            print(f"region   {fact.code} {fact.name}")
        elif fact.type == "official":
            print(f"official {fact.name} | {fact.title} | {fact.organization}")
        else:
            print(f"{fact.type:<8} {fact.text!r}")
    print(article.model_dump_json(indent=2)[:400], "...")


if __name__ == "__main__":
    main()
