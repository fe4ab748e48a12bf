"""What the per-article memory zones cost: words/s over the shared trade-news corpus with and
without them, interleaved (this machine is shared and noisy), medians of ``--repeat`` rounds.

Run: python benchmarks/bench_zones.py [--repeat 5]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_extract import _corpus  # noqa: E402

import factx  # noqa: E402
import factx.api  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    items = _corpus()
    words = sum(len(text.split()) for text, _ in items)
    factx.load()
    for text, meta in items[:5]:
        factx.extract(text, published=meta["published"])
    rates: dict[bool, list[float]] = {True: [], False: []}
    for _ in range(args.repeat):
        for zones in (True, False):
            factx.api.MEMORY_ZONES = zones
            started = time.perf_counter()
            for text, meta in items:
                factx.extract(text, published=meta["published"], doc_id=meta["id"])
            rates[zones].append(words / (time.perf_counter() - started))
    on, off = statistics.median(rates[True]), statistics.median(rates[False])
    print(f"{len(items)} articles, {words} words, {args.repeat} rounds")
    print(f"with zones:    {on:8.0f} words/s")
    print(f"without zones: {off:8.0f} words/s")
    print(f"cost of zones: {100 * (off - on) / off:.1f}%")


if __name__ == "__main__":
    main()
