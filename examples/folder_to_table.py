"""A folder of articles to a table of facts, one row per fact.

Run: python examples/folder_to_table.py examples/articles
Publication dates come from the folder's manifest.jsonl.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import factx
from factx.io.readers import InputDoc, iter_inputs


def main(folder: str) -> None:
    docs = [d for d in iter_inputs([folder]) if isinstance(d, InputDoc)]
    items = [
        (d.text, {"id": d.id or d.source, "published": d.published, "source": d.source})
        for d in docs
    ]
    writer = csv.writer(sys.stdout)
    writer.writerow(["article", "type", "text", "start", "end", "value"])
    for article in factx.extract_many(items):
        for fact in article.facts:
            value = (
                getattr(fact, "amount", None)
                or getattr(fact, "value", None)
                or getattr(fact, "code", None)
                or getattr(fact, "name", None)
            )
            writer.writerow([article.id, fact.type, fact.text, fact.start, fact.end, value])


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else str(Path(__file__).parent / "articles"))
