"""The seed article yields every expected fact, with its normalised values, and nothing spurious."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import factx
from factx.evaluate import evaluate


def test_seed_scores_perfectly(shared: Path) -> None:
    scores, skipped = evaluate([shared / "seed" / "alashankou-uzbekistan-train.expected.json"])
    assert not skipped
    for kind, score in scores.items():
        assert score.misses == [], (kind, score.misses)
        assert score.spurious == [], (kind, score.spurious)
    assert scores["official"].title_ok == scores["official"].tp == 3
    assert scores["official"].org_ok == 3


def test_seed_records(seed: tuple[str, dt.date]) -> None:
    text, published = seed
    article = factx.extract(text, published=published, doc_id="seed")
    money = [f for f in article.facts if f.type == "money"]
    first = money[0]
    assert (first.amount, first.currency) == (Decimal(5590000), "CNY")
    assert first.currency_source in ("code", "symbol")  # written, not guessed
    assert [(e.amount, e.currency, e.approximate) for e in first.equivalents] == [
        (Decimal(884354), "USD", True)
    ]
    trillion = next(f for f in money if f.amount == Decimal("1980000000000"))
    assert str(trillion.amount) == "1980000000000"
    date = next(f for f in article.facts if f.type == "date" and f.text.endswith("February 27"))
    assert (date.value, date.grain, date.start_date) == ("2022-02-27", "day", dt.date(2022, 2, 27))
    port = next(f for f in article.facts if f.type == "port")
    assert (port.name, port.country) == ("Alashankou", "CN")
    assert "Alataw Pass" in port.aliases
    region = next(f for f in article.facts if f.type == "region")
    assert region.code == "CN-XJ"
    for fact in article.facts:
        assert text[fact.start : fact.end] == fact.text
        assert fact.sentence_start <= fact.start < fact.end <= fact.sentence_end


def test_ids_are_stable(seed: tuple[str, dt.date]) -> None:
    text, published = seed
    first = factx.extract(text, published=published, doc_id="a")
    again = factx.extract(text, published=published, doc_id="a")
    assert [f.id for f in first.facts] == [f.id for f in again.facts]
    assert len({f.id for f in first.facts}) == len(first.facts)
