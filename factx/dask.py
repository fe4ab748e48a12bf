"""Running factx on a Dask cluster (``pip install 'factx[dask]'``).

>>> from dask.distributed import Client                      # doctest: +SKIP
>>> client = Client("tcp://scheduler:8786")                  # doctest: +SKIP
>>> bag = factx.dask.extract_bag(["/data/news"])             # doctest: +SKIP
>>> articles = bag.compute()                                 # doctest: +SKIP

Each worker process loads the pipeline once (``factx.load`` is cached per process) and returns
small records; a bag of input paths is split into partitions of ``partition_size`` files.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from factx.records import Article, ErrorRecord

__all__ = ["extract_bag", "list_inputs"]


def list_inputs(
    paths: Sequence[str | Path], *, include: Sequence[str] = (), exclude: Sequence[str] = ()
) -> list[str]:
    """The files ``factx extract`` would read under ``paths``, in the same order."""
    from factx.io.readers import _walk

    files: list[str] = []
    for raw in paths:
        root = Path(raw)
        if root.is_dir():
            files.extend(str(p) for p in _walk(root, include, exclude))
        else:
            files.append(str(root))
    return files


def _extract_partition(
    files: list[str], pipeline: str, published: dt.date | None, keep_text: bool
) -> list[Article | ErrorRecord]:
    from factx.batch import extract_docs
    from factx.io.readers import iter_inputs

    results: list[Article | ErrorRecord] = []
    for file in files:
        docs = iter_inputs([file], published=published)
        results.extend(extract_docs(docs, pipeline=pipeline, keep_text=keep_text))
    return results


def extract_bag(
    paths_or_bag: Sequence[str | Path] | Any,
    *,
    pipeline: str = "trade_en",
    published: dt.date | None = None,
    keep_text: bool = False,
    partition_size: int = 32,
) -> Any:
    """A ``dask.bag.Bag`` of :class:`Article` and :class:`ErrorRecord` for files and folders
    (or for an existing bag of file paths), in input order."""
    import dask.bag as db

    if isinstance(paths_or_bag, db.Bag):
        bag = paths_or_bag
    else:
        files = list_inputs(list(paths_or_bag))
        bag = db.from_sequence(files, partition_size=max(1, partition_size))
    return bag.map_partitions(_extract_partition, pipeline, published, keep_text)
