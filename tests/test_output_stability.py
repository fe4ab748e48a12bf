"""Output a downstream system can join on: unique ids in long texts, the same bytes under any
hash seed, and every fact inside its sentence."""

from __future__ import annotations

import factx
from factx.api import CHUNK_CHARS

SENTENCE = "Exports rose 5 percent to $3 million in March, said Wang Wentao of MOFCOM.\n"


def test_fact_ids_are_unique_in_a_text_longer_than_a_chunk() -> None:
    text = SENTENCE * (3 * CHUNK_CHARS // len(SENTENCE))
    article = factx.extract(text, doc_id="long")
    ids = [f.id for f in article.facts]
    assert len(ids) > 1000
    assert len(set(ids)) == len(ids)


def test_fact_ids_of_a_short_text_are_unchanged() -> None:
    """Ids hash whole-text offsets; in the first chunk these are the chunk's own."""
    first = factx.extract(SENTENCE, doc_id="x").facts
    long = factx.extract(SENTENCE * (2 * CHUNK_CHARS // len(SENTENCE)), doc_id="x").facts
    assert [f.id for f in first] == [f.id for f in long[: len(first)]]
