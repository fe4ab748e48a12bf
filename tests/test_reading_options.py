"""The public reading options: ``reading`` and ``country`` on ``factx.extract``,
``extract_many``, the command line and the pipeline configuration (issue 15).

Each option has a case it must change and a case it must leave alone, so a hint never
overrides what the text itself states.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
import spacy

import factx
from factx import Article
from factx.cli import main
from factx.pipeline import model_path

PUBLISHED = "2024-06-01"


def _one(article: Article, kind: str) -> Any:
    found = [f for f in article.facts if f.type == kind]
    assert len(found) == 1, found
    return found[0]


def _start(article: Article) -> dt.date | None:
    return getattr(_one(article, "date"), "start_date", None)


# --- reading ---------------------------------------------------------------------------------


def test_calendar_reads_a_year_less_date_ahead() -> None:
    text = "Sales fell on March 3."
    assert _start(factx.extract(text, published=PUBLISHED)) == dt.date(2024, 3, 3)
    calendar = factx.extract(text, published=PUBLISHED, reading="calendar")
    assert _start(calendar) == dt.date(2025, 3, 3)
    assert calendar.reading == "calendar"


def test_calendar_leaves_a_stated_year_alone() -> None:
    text = "Sales fell on March 3, 2023."
    calendar = factx.extract(text, published=PUBLISHED, reading="calendar")
    assert _start(calendar) == dt.date(2023, 3, 3)


def test_news_is_the_default_and_recorded() -> None:
    article = factx.extract("Sales fell on March 3.", published=PUBLISHED)
    assert article.reading == "news"
    assert article.country is None


def test_a_misspelt_reading_fails() -> None:
    with pytest.raises(ValueError, match="reading"):
        factx.extract("x", reading="future")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="reading"):
        factx.extract_many(["x"], reading="future")  # type: ignore[arg-type]


# --- country ---------------------------------------------------------------------------------


def test_country_decides_a_bare_dollar() -> None:
    text = "The contract is worth $5 million."
    assert _one(factx.extract(text), "money").currency == "USD"
    hinted = factx.extract(text, country="au")
    assert _one(hinted, "money").currency == "AUD"
    assert hinted.country == "AU"


def test_country_leaves_a_written_currency_alone() -> None:
    text = "The contract is worth US$5 million."
    assert _one(factx.extract(text, country="AU"), "money").currency == "USD"


def test_country_wins_over_the_dateline() -> None:
    text = "LONDON, March 4 - Exports reached 30 tons."
    assert _one(factx.extract(text), "quantity").unit == "tonne"
    hinted = factx.extract(text, country="US")
    assert _one(hinted, "quantity").unit == "ton"
    assert _one(hinted, "quantity").unit_source == "source"


def test_country_leaves_stated_tons_alone() -> None:
    text = "Exports reached 30 metric tons."
    assert _one(factx.extract(text, country="US"), "quantity").unit == "tonne"


@pytest.mark.parametrize("country", ["GB", "AU", "IN"])
def test_country_reads_numeric_dates_day_first(country: str) -> None:
    text = "Shipments arrived on 4/5/2024."
    assert _start(factx.extract(text, published=PUBLISHED)) == dt.date(2024, 4, 5)
    assert _start(factx.extract(text, published=PUBLISHED, country=country)) == dt.date(2024, 5, 4)


def test_a_month_first_country_keeps_month_first() -> None:
    text = "Shipments arrived on 4/5/2024."
    assert _start(factx.extract(text, published=PUBLISHED, country="US")) == dt.date(2024, 4, 5)


def test_country_leaves_an_impossible_order_alone() -> None:
    # 13 cannot be a month, so the hint cannot turn the date around
    text = "Shipments arrived on 4/13/2024."
    assert _start(factx.extract(text, published=PUBLISHED, country="GB")) == dt.date(2024, 4, 13)


@pytest.mark.parametrize("bad", ["GBR", "UK", "1A", "G"])
def test_a_bad_country_fails(bad: str) -> None:
    with pytest.raises(ValueError, match="country"):
        factx.extract("x", country=bad)


# --- the same options elsewhere -------------------------------------------------------------


def test_extract_many_takes_the_options_and_per_item_overrides() -> None:
    items: list[factx.api.Item] = [
        ("The contract is worth $5 million.", {"published": PUBLISHED}),
        ("The contract is worth $5 million.", {"published": PUBLISHED, "country": "CA"}),
    ]
    first, second = factx.extract_many(items, country="AU", reading="calendar")
    assert (first.country, first.reading) == ("AU", "calendar")
    assert _one(first, "money").currency == "AUD"
    assert _one(second, "money").currency == "CAD"


def test_the_pipeline_config_sets_the_defaults() -> None:
    nlp = spacy.load(
        model_path(),
        config={
            "components": {
                "factx_dates": {"reading": "calendar"},
                "factx_places": {"country": "GB"},
            }
        },
    )
    doc = nlp("Shipments arrived on 4/5/2024 and sales fell on March 3.")
    # no publication date: the year-less date stays unresolved either way, the numeric one reads
    days = {f.text: getattr(f, "start_date", None) for f in doc._.facts if f.type == "date"}
    assert days["on 4/5/2024"] == dt.date(2024, 5, 4)
    assert doc._.reading == "calendar" and doc._.country == "GB"


def test_old_articles_still_validate() -> None:
    old = factx.extract("Sales fell on March 3.", published=PUBLISHED).model_dump(mode="json")
    del old["reading"], old["country"]
    article = Article.model_validate(old)
    assert (article.reading, article.country) == ("news", None)


def test_the_cli_takes_the_options(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "a.txt"
    src.write_text("Shipments worth $5 million arrived on 4/5/2024.", encoding="utf-8")
    args = ["extract", str(src), "-q", "--published", PUBLISHED]
    assert main([*args, "--country", "au", "--reading", "calendar"]) == 0
    article = json.loads(capsys.readouterr().out)
    assert (article["reading"], article["country"]) == ("calendar", "AU")
    money = [f for f in article["facts"] if f["type"] == "money"]
    assert money[0]["currency"] == "AUD"


def test_the_cli_refuses_a_bad_country(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "a.txt"
    src.write_text("x", encoding="utf-8")
    with pytest.raises(SystemExit) as done:
        main(["extract", str(src), "--country", "UK"])
    assert done.value.code == 2
    assert "GB" in capsys.readouterr().err
