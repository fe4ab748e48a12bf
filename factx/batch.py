"""Batches: files and folders in, one article or one error record per input out, in order.

A bad input never stops a batch: reading errors and extraction errors both become
:class:`factx.ErrorRecord`. With ``jobs > 1`` worker processes each load the pipeline once and
return small records; output order is input order whatever the number of workers.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from factx._workers import ignore_interrupts, spawn_context
from factx.io.readers import InputDoc, iter_inputs
from factx.records import Article, ErrorRecord

__all__ = ["extract_docs", "extract_files", "to_dataframe"]


#: What every article of a batch is extracted with: pipeline, keep_text, reading, country.
_Settings = tuple[str, bool, Any, str | None]


def _extract_doc(args: tuple[InputDoc, _Settings]) -> Article | ErrorRecord:
    from factx.api import extract

    doc, (pipeline, keep_text, reading, country) = args
    try:
        article = extract(
            doc.text,
            published=doc.published,
            doc_id=doc.id or doc.source,
            pipeline=pipeline,
            source=doc.source,
            keep_text=keep_text,
            reading=reading,
            country=country,
        )
    except Exception as error:  # one article's failure is recorded, never fatal to the batch
        return ErrorRecord(
            source=doc.source, error="extract", message=f"{type(error).__name__}: {error}"
        )
    if doc.warnings:
        article = article.model_copy(update={"warnings": [*doc.warnings, *article.warnings]})
    return article


def _init_worker(pipeline: str) -> None:
    from factx.pipeline import load

    ignore_interrupts()
    load(pipeline)


def extract_docs(
    docs: Iterable[InputDoc | ErrorRecord],
    *,
    jobs: int = 1,
    pipeline: str = "trade_en",
    keep_text: bool = False,
    window: int = 64,
    reading: str | None = None,
    country: str | None = None,
) -> Iterator[Article | ErrorRecord]:
    """Articles (or error records) for documents, in input order; errors pass through.
    ``reading`` and ``country`` are :func:`factx.extract`'s, for every document."""
    settings: _Settings = (pipeline, keep_text, reading, country)
    if jobs <= 1:
        for doc in docs:
            yield doc if isinstance(doc, ErrorRecord) else _extract_doc((doc, settings))
        return
    context = spawn_context()
    iterator = iter(docs)
    with context.Pool(jobs, initializer=_init_worker, initargs=(pipeline,)) as pool:
        while True:
            chunk = list(itertools.islice(iterator, jobs * window))
            if not chunk:
                break
            work = [(d, settings) for d in chunk if isinstance(d, InputDoc)]
            done = iter(pool.imap(_extract_doc, work, chunksize=4))
            for doc in chunk:
                yield doc if isinstance(doc, ErrorRecord) else next(done)


def extract_files(
    paths: Sequence[str | Path],
    *,
    include: Sequence[str] = (),
    exclude: Sequence[str] = (),
    published: dt.date | None = None,
    jobs: int = 1,
    pipeline: str = "trade_en",
    keep_text: bool = False,
    reading: str | None = None,
    country: str | None = None,
) -> Iterator[Article | ErrorRecord]:
    """One :class:`Article` or :class:`ErrorRecord` per input file (per record of a JSON lines
    file), walking folders recursively for .txt, .md, .html, .json and .jsonl files.
    ``reading`` and ``country`` are :func:`factx.extract`'s, for every file.

    >>> for record in extract_files(["examples/articles"]):  # doctest: +SKIP
    ...     print(record.id if isinstance(record, Article) else record.error)
    """
    docs = iter_inputs(paths, include=include, exclude=exclude, published=published)
    yield from extract_docs(
        docs, jobs=jobs, pipeline=pipeline, keep_text=keep_text, reading=reading, country=country
    )


def to_dataframe(articles: Iterable[Article | Any]) -> Any:
    """A pandas DataFrame with one row per fact (error records are skipped): the columns of
    ``factx extract -o out.csv``."""
    from factx.io.writers import rows_frame

    return rows_frame(a for a in articles if isinstance(a, Article))
