"""Output a downstream system can join on: unique ids in long texts, the same bytes under any
hash seed, and every fact inside its sentence."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

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


MENTIONS = (
    "Wang Wentao, Minister of Commerce, said exports rose. Wentao said imports fell. "
    "Wang said the surplus grew."
)


def _under_seed(seed: str) -> str:
    code = (
        "import sys, factx; "
        "sys.stdout.write(factx.extract(sys.stdin.read(), doc_id='m').model_dump_json())"
    )
    env = {**os.environ, "PYTHONHASHSEED": seed}
    run = subprocess.run(
        [sys.executable, "-c", code], input=MENTIONS, capture_output=True, text=True,
        env=env, check=True,
    )  # fmt: skip
    return run.stdout


def test_output_is_the_same_under_every_hash_seed() -> None:
    outputs = {_under_seed(str(seed)) for seed in range(6)}
    assert len(outputs) == 1
    official = next(f for f in json.loads(outputs.pop())["facts"] if f["type"] == "official")
    assert official["mentions"] == sorted(official["mentions"])


@pytest.mark.parametrize(
    "text",
    [
        "hohhot, nov. 17 (xinhua) -- erenhot exported 5 percent more.",
        "exports were about 1.9 trillion u.s. dollars in march.",
        "He left Hong Kong. Company shares fell.",
        "HOHHOT, Nov. 17 (Xinhua) -- Erenhot port handled 1.2 million tonnes in Jan. and Feb.",
        "Trade with the U.S. rose 4 pct. to 3 bln dlrs, said Mr. Li of the Dept. of Commerce.",
    ],
)
def test_every_fact_lies_inside_its_sentence(text: str) -> None:
    article = factx.extract(text, published="2023-11-17")
    assert article.facts
    for fact in article.facts:
        assert fact.sentence_start <= fact.start < fact.end <= fact.sentence_end, fact


def test_abbreviations_do_not_end_sentences_in_lower_case() -> None:
    date = next(
        f
        for f in factx.extract("hohhot, nov. 17 (xinhua) -- erenhot", published="2023-11-20").facts
        if f.type == "date"
    )
    assert (date.start, date.end) == (8, 15)
    assert date.sentence_start == 0 and date.sentence_end > 15


def test_a_name_does_not_run_across_a_sentence_end() -> None:
    facts = factx.extract("He left Hong Kong. Company shares fell.").facts
    assert all("." not in f.text for f in facts if f.type == "organization")
