"""The output contract is strict and its JSON Schema tells the whole truth: checked with the
``jsonschema`` package against real ``factx extract`` output, good and bad lines alike."""

from __future__ import annotations

import contextlib
import io
import json
from decimal import Decimal
from typing import Any

import pytest
from pydantic import ValidationError

from factx import MoneyEquivalent, MoneyFact, cli
from factx.records import SCHEMA_DIALECT

jsonschema = pytest.importorskip("jsonschema")

SEED_LIKE = (
    "On February 27 a freight train left Alashankou Port with goods worth 5.59 million RMB "
    "(about 884,354 USD), said He Bin, assistant general manager. Output rose 15 percent to "
    "1.98 trillion yuan."
)


def _schema(*args: str) -> dict[str, Any]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert cli.main(["schema", *args]) == 0
    schema: dict[str, Any] = json.loads(out.getvalue())
    return schema


@pytest.fixture(scope="module")
def output(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[dict[str, Any]], list[Any]]:
    """(article lines, error lines) of a real run over a text and a binary file."""
    folder = tmp_path_factory.mktemp("inputs")
    (folder / "a.txt").write_text(SEED_LIKE, encoding="utf-8")
    (folder / "b.txt").write_bytes(b"\x00\x01\x02binary\x00" * 50)
    out = folder / "out.jsonl"
    status = cli.main(["extract", str(folder), "-o", str(out), "--published", "2022-03-01", "-q"])
    assert status == 0
    errors = out.with_name("out.errors.jsonl")
    articles = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    failed = [json.loads(line) for line in errors.read_text(encoding="utf-8").splitlines()]
    assert articles and failed
    return articles, failed


def test_schemas_declare_their_dialect_and_are_valid() -> None:
    for schema in (_schema(), _schema("--all")):
        assert schema["$schema"] == SCHEMA_DIALECT
        jsonschema.Draft202012Validator.check_schema(schema)


def test_all_is_one_of_article_and_error(
    output: tuple[list[dict[str, Any]], list[dict[str, Any]]],
) -> None:
    articles, failed = output
    every = jsonschema.Draft202012Validator(_schema("--all"))
    article = jsonschema.Draft202012Validator(_schema())
    for line in articles:
        every.validate(line)
        article.validate(line)
    for line in failed:
        every.validate(line)
        assert not article.is_valid(line)


def test_schema_rejects_what_the_records_reject(
    output: tuple[list[dict[str, Any]], list[dict[str, Any]]],
) -> None:
    articles, _ = output
    validator = jsonschema.Draft202012Validator(_schema("--all"))
    [money, *_] = [f for a in articles for f in a["facts"] if f["type"] == "money"]
    assert money["amount"] == "5590000" and money["currency"] == "CNY"
    for field, bad in [("currency", "yuan"), ("currency", "cny"), ("amount", 5590000.0),
                       ("amount", "5.59E+6"), ("start", -1)]:  # fmt: skip
        line = json.loads(json.dumps(articles[0]))
        [fact] = [f for f in line["facts"] if f["id"] == money["id"]]
        fact[field] = bad
        assert not validator.is_valid(line), (field, bad)


def _money(**changes: Any) -> dict[str, Any]:
    fields: dict[str, Any] = {
        "id": "x", "text": "$5", "start": 0, "end": 2, "sentence_start": 0, "sentence_end": 2,
        "rule": "test", "amount": Decimal(5), "currency": "USD", "currency_source": "symbol",
    }  # fmt: skip
    fields.update(changes)
    return fields


def test_records_validate_currency_offsets_and_write_plain_decimals() -> None:
    assert MoneyFact(**_money()).currency == "USD"
    for bad in ({"currency": "usd"}, {"currency": "US$"}, {"start": 2}, {"end": 1, "start": 1}):
        with pytest.raises(ValidationError):
            MoneyFact(**_money(**bad))
    with pytest.raises(ValidationError, match="less than end"):
        MoneyEquivalent(amount=None, currency=None, text="", start=3, end=3)
    fact = MoneyFact(**_money(amount=Decimal("1.98E+12")))
    assert json.loads(fact.model_dump_json())["amount"] == "1980000000000"
    assert MoneyFact.model_validate_json(fact.model_dump_json()).amount == Decimal("1.98E+12")


def test_schema_file_names_every_fact_type() -> None:
    from factx.records import FACT_TYPES

    defs = _schema()["$defs"]
    types = {d["properties"]["type"]["const"] for d in defs.values() if "type" in d["properties"]}
    assert types == set(FACT_TYPES)
