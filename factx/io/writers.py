"""Writing articles: JSON lines (one article per line), CSV and Parquet (one fact per row).

Flat formats share one fixed column list, so every file of a run, and every run, has the same
schema whatever facts it found. Amounts stay exact: they are written as decimal strings.
"""

from __future__ import annotations

import csv
import json
from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import IO, Any

from factx.records import Article

__all__ = ["COLUMNS", "FORMATS", "fact_rows", "format_for", "open_writer"]

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
    if explicit:
        if explicit not in FORMATS:
            raise ValueError(f"unknown format {explicit!r}; choose one of {', '.join(FORMATS)}")
        return explicit
    if path and path != "-":
        suffix = Path(path).suffix.lower().lstrip(".")
        if suffix in ("csv", "parquet"):
            return suffix
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


class _Writer(ABC):
    """One output format; ``open_writer`` picks the subclass from the path or ``--format``."""

    @abstractmethod
    def write(self, article: Article) -> None: ...

    def close(self) -> None:  # noqa: B027 - most formats have nothing to finish
        """Finish the output (Parquet writes its footer); most formats have nothing to do."""


class _JsonlWriter(_Writer):
    def __init__(self, handle: IO[str]) -> None:
        self.handle = handle

    def write(self, article: Article) -> None:
        self.handle.write(article.model_dump_json() + "\n")
        self.handle.flush()


class _CsvWriter(_Writer):
    def __init__(self, handle: IO[str], header: bool) -> None:
        self.handle = handle
        self.writer = csv.DictWriter(handle, fieldnames=COLUMNS, extrasaction="ignore")
        if header:
            self.writer.writeheader()

    def write(self, article: Article) -> None:
        for row in fact_rows(article):
            self.writer.writerow(row)
        self.handle.flush()


class _ParquetWriter(_Writer):
    """Row groups of ``batch`` facts, so memory stays flat however many articles pass."""

    def __init__(self, path: Path, batch: int = 20_000) -> None:
        try:
            import pyarrow as pa
            import pyarrow.parquet as pq
        except ImportError:
            raise RuntimeError(
                "Parquet output needs pyarrow: pip install 'factx[parquet]'"
            ) from None
        self.pa = pa
        self.schema = pa.schema([(c, _arrow_type(pa, c)) for c in COLUMNS])
        self.writer = pq.ParquetWriter(str(path), self.schema)
        self.rows: list[dict[str, Any]] = []
        self.batch = batch

    def write(self, article: Article) -> None:
        self.rows.extend(fact_rows(article))
        if len(self.rows) >= self.batch:
            self._flush()

    def _flush(self) -> None:
        if self.rows:
            table = self.pa.Table.from_pylist(self.rows, schema=self.schema)
            self.writer.write_table(table)
            self.rows = []

    def close(self) -> None:
        self._flush()
        self.writer.close()


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


def open_writer(
    fmt: str, target: Path | None, handle: IO[str] | None, *, append: bool = False
) -> _Writer:
    """A writer for ``fmt`` on an open text ``handle`` (JSON lines, CSV) or a ``target`` path."""
    if fmt == "parquet":
        if target is None:
            raise ValueError("Parquet output needs a file (-o out.parquet), not stdout")
        if append:
            raise ValueError("--resume cannot append to Parquet; write JSON lines or CSV")
        return _ParquetWriter(target)
    assert handle is not None
    if fmt == "csv":
        return _CsvWriter(handle, header=not append)
    return _JsonlWriter(handle)


def rows_frame(articles: Iterable[Article]) -> Any:
    """pandas DataFrame, one row per fact, the same columns as the CSV output."""
    try:
        import pandas as pd
    except ImportError:
        raise RuntimeError("factx.to_dataframe needs pandas: pip install 'factx[pandas]'") from None
    rows = [row for article in articles for row in fact_rows(article)]
    return pd.DataFrame(rows, columns=COLUMNS)
