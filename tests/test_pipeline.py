"""The pipeline as spaCy users meet it: spacy.load(path), nlp.pipe, doc._.facts, processes."""

from __future__ import annotations

import datetime as dt
import json

import spacy

import factx
from factx.pipeline import model_path

TEXT = (
    "On February 27 a freight train left Alashankou Port in Xinjiang Uygur Autonomous Region "
    "with goods worth 5.59 million RMB (about 884,354 USD), said He Bin, assistant general "
    "manager of the freight company."
)


def test_spacy_load_of_the_model_folder() -> None:
    nlp = spacy.load(model_path("trade_en"))
    assert nlp.pipe_names[-1] == "factx_assemble"
    doc = nlp(TEXT)
    types = {f.type for f in doc._.facts}
    assert {"date", "port", "region", "money", "official"} <= types


def test_nlp_pipe_matches_extract() -> None:
    nlp = factx.load()
    docs = list(nlp.pipe([TEXT, TEXT]))
    assert [f.text for f in docs[0]._.facts] == [f.text for f in docs[1]._.facts]


def test_load_is_cached() -> None:
    assert factx.load() is factx.load("trade_en")


def test_extract_many_order_and_processes() -> None:
    items = [(TEXT, {"id": f"doc-{i}", "published": "2022-03-01"}) for i in range(6)]
    single = [a.model_dump_json() for a in factx.extract_many(items)]
    multi = [a.model_dump_json() for a in factx.extract_many(items, n_process=2, batch_size=2)]
    assert single == multi
    assert [json.loads(s)["id"] for s in single] == [f"doc-{i}" for i in range(6)]


def test_no_state_between_documents() -> None:
    other = "PEKING, April 17 - China's exports rose 3.4 pct in the first quarter."
    a1 = factx.extract(TEXT, published=dt.date(2022, 3, 1))
    factx.extract(other, published=dt.date(1987, 4, 18))
    a2 = factx.extract(TEXT, published=dt.date(2022, 3, 1))
    assert a1 == a2


def test_article_round_trips() -> None:
    article = factx.extract(TEXT, published=dt.date(2022, 3, 1), doc_id="x")
    again = factx.Article.model_validate_json(article.model_dump_json())
    assert again == article


def test_without_published_warns_and_leaves_year() -> None:
    article = factx.extract(TEXT)
    [date] = [f for f in article.facts if f.type == "date"]
    assert date.value == "XXXX-02-27"
    assert article.warnings


def test_long_text_offsets_are_exact() -> None:
    from factx import api

    text = ("Filler sentence without facts. " * 4000) + TEXT
    assert len(text) > api.CHUNK_CHARS
    article = factx.extract(text, published=dt.date(2022, 3, 1))
    money = [f for f in article.facts if f.type == "money"]
    assert money and all(text[f.start : f.end] == f.text for f in article.facts)


def test_extract_frees_the_strings_of_each_article() -> None:
    """Each article runs in a spaCy memory zone: new words do not stay in the vocabulary."""
    nlp = factx.load()
    factx.extract("Warm up: exports rose 5% to $3 million.")
    before = len(nlp.vocab.strings)
    for i in range(20):
        factx.extract(f"Zqxvbnu{i} Wrtplk{i} said exports of qzzyx{i} rose {i} percent.")
    assert len(nlp.vocab.strings) - before < 10


def test_extract_inside_a_callers_memory_zone() -> None:
    nlp = factx.load()
    outside = factx.extract(TEXT, doc_id="z")
    with nlp.memory_zone():
        inside = factx.extract(TEXT, doc_id="z")
    assert inside == outside


def test_load_does_the_set_up_the_first_article_would_pay_for() -> None:
    """pint's registry and dateparser are built in ``factx.load()``, not in the first extract."""
    import sys

    from factx.normalize.units import unit_registry

    factx.load()
    assert unit_registry.cache_info().currsize == 1
    assert "dateparser" in sys.modules
