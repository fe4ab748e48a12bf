"""Memory over many new articles: RSS and spaCy's StringStore every 1,000 articles.

Run: python benchmarks/bench_memory.py [--articles 20000] [--every 1000]
Each article is a trade-news sentence frame filled with words and names never seen before
(random letters), so every article adds new strings to the vocabulary: the case in which memory
grew without end before ``extract`` ran each article in a spaCy memory zone. Prints one line
per sample (articles, RSS MB, strings in the StringStore, words/s since the last sample) and
the last RSS against the RSS after the first sample.
"""

from __future__ import annotations

import argparse
import random
import string
import sys
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import factx  # noqa: E402


def _rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def _word(rng: random.Random) -> str:
    return "".join(rng.choices(string.ascii_lowercase, k=rng.randint(5, 10)))


def _articles(n: int, seed: int = 17) -> Iterator[str]:
    rng = random.Random(seed)
    for i in range(n):
        name = f"{_word(rng).title()} {_word(rng).title()}"
        port = _word(rng).title()
        yield (
            f"{port.upper()}, June {i % 28 + 1} (Xinhua) -- Exports of {_word(rng)} through "
            f"the port of {port} rose {rng.randint(1, 99)} percent to {rng.randint(2, 900)} "
            f"million tonnes, worth about {rng.randint(2, 900)}.5 million US dollars, said "
            f"{name}, deputy chairman of {_word(rng).title()} Logistics. "
            + " ".join(_word(rng) for _ in range(40))
            + f". {name.split()[-1]} said {_word(rng)} {_word(rng)} grew.\n"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=20_000)
    parser.add_argument("--every", type=int, default=1_000)
    args = parser.parse_args()
    nlp = factx.load()
    words = 0
    first = None
    last = time.perf_counter()
    print("articles  rss_mb  strings  words_per_s")
    for n, (text, _article) in enumerate(
        zip(_articles(args.articles), factx.extract_many(_articles(args.articles)), strict=True),
        start=1,
    ):
        words += len(text.split())
        if n % args.every == 0:
            now = time.perf_counter()
            rss = _rss_mb()
            first = first if first is not None else rss
            print(f"{n:8d}  {rss:6.1f}  {len(nlp.vocab.strings):7d}  {words / (now - last):11.0f}")
            sys.stdout.flush()
            words, last = 0, now
    if first:
        print(f"last RSS / RSS after {args.every}: {_rss_mb() / first:.3f}")


if __name__ == "__main__":
    main()
