"""Writing articles: JSON lines (one article per line), CSV and Parquet (one fact per row).

Flat formats share one fixed column list, so every file of a run, and every run, has the same
schema whatever facts it found. Amounts stay exact: they are written as decimal strings.
"""

from __future__ import annotations

import csv
import io
import json
from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

from factx.records import Article

__all__ = ["COLUMNS", "FORMATS", "OutputFormat", "fact_rows", "format_for", "output_format"]

#: Columns of the flat formats: article fields, fact fields, then every type's own fields.
COLUMNS = [
    "article_id", "source", "published", "text_sha1", "fact_id", "type", "text", "start", "end",
    "sentence_start", "sentence_end", "rule",
    "value", "amount", "currency", "currency_source", "low", "high", "approximate", "qualifier",
    "per_unit", "equivalents", "grain", "start_date", "end_date", "relation", "relative",
    "year_resolved", "points", "unit", "unit_source", "base_value", "base_unit", "name", "aliases", "code",
    "country", "subdivision", "locode", "kind", "latitude", "longitude", "acronym", "honorific",
    "title", "organization", "organization_id", "mentions",
]  # fmt: skip
FORMATS = ("jsonl", "csv", "parquet")


def format_for(path: str | None, explicit: str | None = None) -> str:
    """The output format: ``explicit`` (``--format``), else OUT's extension; an extension that
    names no format is an error rather than JSON lines under a misleading name."""
    if explicit:
        if explicit not in FORMATS:
            raise ValueError(f"unknown format {explicit!r}; choose one of {', '.join(FORMATS)}")
        return explicit
    if path and path != "-":
        suffix = Path(path).suffix.lower().lstrip(".")
        if suffix in ("csv", "parquet"):
            return suffix
        if suffix not in ("", "jsonl", "ndjson"):
            raise ValueError(
                f"cannot tell the output format of {path!r} from its extension; name it .jsonl, "
                ".csv or .parquet, or give --format"
            )
    return "jsonl"


def _cell(value: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, (list, dict, tuple)):
        if value and all(isinstance(v, str) for v in value):
            return "|".join(value)
        return json.dumps(value, default=str) if value else None
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def fact_rows(article: Article) -> Iterator[dict[str, Any]]:
    """One flat row per fact, every column present."""
    head = {
        "article_id": article.id,
        "source": article.source,
        "published": article.published.isoformat() if article.published else None,
        "text_sha1": article.text_sha1,
    }
    for fact in article.facts:
        data = fact.model_dump(mode="json")
        row = dict.fromkeys(COLUMNS)
        row.update(head)
        row["fact_id"] = data.pop("id")
        for key, value in data.items():
            if key in row:
                row[key] = _cell(value)
        yield row


class OutputFormat(ABC):
    """One output format, as the run writes it: a header, then each article's text, appended
    to the part file one whole article at a time (so resume can cut between articles)."""

    name = ""

    def header(self) -> str:
        return ""

    @abstractmethod
    def encode(self, article: Article) -> str:
        """One article's text in the part file (every line ends with a newline)."""

    def write_final(self, chunks: Iterable[str], target: Path) -> None:
        """The finished output from the articles' texts, in order."""
        with target.open("w", encoding="utf-8", newline="") as handle:
            handle.write(self.header())
            for chunk in chunks:
                handle.write(chunk)


class JsonlFormat(OutputFormat):
    name = "jsonl"

    def encode(self, article: Article) -> str:
        return article.model_dump_json() + "\n"


class CsvFormat(OutputFormat):
    name = "csv"

    def header(self) -> str:
        buffer = io.StringIO()
        csv.writer(buffer).writerow(COLUMNS)
        return buffer.getvalue()

    def encode(self, article: Article) -> str:
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=COLUMNS, extrasaction="ignore")
        for row in fact_rows(article):
            writer.writerow(row)
        return buffer.getvalue()


class ParquetFormat(OutputFormat):
    """Parquet cannot be appended to, and a file without its footer is unreadable: the part
    file holds each article's rows as one JSON line, and the Parquet file is written from it
    when the run ends, in row groups of ``batch`` facts so memory stays flat."""

    name = "parquet"

    def __init__(self, batch: int = 20_000) -> None:
        self.batch = batch

    def encode(self, article: Article) -> str:
        return json.dumps({"rows": list(fact_rows(article))}, ensure_ascii=False) + "\n"

    def write_final(self, chunks: Iterable[str], target: Path) -> None:
        pa, pq = _pyarrow()
        schema = pa.schema([(c, _arrow_type(pa, c)) for c in COLUMNS])
        rows: list[dict[str, Any]] = []
        with pq.ParquetWriter(str(target), schema) as writer:
            for chunk in chunks:
                rows.extend(json.loads(chunk)["rows"])
                if len(rows) >= self.batch:
                    writer.write_table(pa.Table.from_pylist(rows, schema=schema))
                    rows = []
            if rows:
                writer.write_table(pa.Table.from_pylist(rows, schema=schema))


def _pyarrow() -> tuple[Any, Any]:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise RuntimeError("Parquet output needs pyarrow: pip install 'factx[parquet]'") from None
    return pa, pq


_INT_COLUMNS = {"start", "end", "sentence_start", "sentence_end"}
_BOOL_COLUMNS = {"approximate", "relative", "year_resolved", "points"}
_FLOAT_COLUMNS = {"latitude", "longitude"}


def _arrow_type(pa: Any, column: str) -> Any:
    if column in _INT_COLUMNS:
        return pa.int64()
    if column in _BOOL_COLUMNS:
        return pa.bool_()
    if column in _FLOAT_COLUMNS:
        return pa.float64()
    return pa.string()


def output_format(name: str) -> OutputFormat:
    """The format called ``name`` (one of :data:`FORMATS`)."""
    if name == "parquet":
        _pyarrow()  # fail before any work, not after the whole extraction
        return ParquetFormat()
    if name == "csv":
        return CsvFormat()
    if name == "jsonl":
        return JsonlFormat()
    raise ValueError(f"unknown format {name!r}; choose one of {', '.join(FORMATS)}")


def rows_frame(articles: Iterable[Article]) -> Any:
    """pandas DataFrame, one row per fact, the same columns as the CSV output."""
    try:
        import pandas as pd
    except ImportError:
        raise RuntimeError("factx.to_dataframe needs pandas: pip install 'factx[pandas]'") from None
    rows = [row for article in articles for row in fact_rows(article)]
    return pd.DataFrame(rows, columns=COLUMNS)
