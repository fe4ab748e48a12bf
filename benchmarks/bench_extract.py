"""Throughput of factx over the shared trade-news corpus, against spaCy's tokenizer alone.

Run: python benchmarks/bench_extract.py [--repeat 5] [--jobs 2]
Prints medians (this machine is shared and noisy): pipeline load time, articles/s and words/s
for factx.extract (single process, and extract_many with --jobs processes), the same for
``spacy.blank("en")`` tokenizing the same texts, the ratio, and peak memory.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from factx.evaluate import shared_dir  # noqa: E402


def _corpus() -> list[tuple[str, dict[str, str]]]:
    shared = shared_dir()
    if shared is None:
        sys.exit("benchmark needs ../shared/corpora/trade-news (absent here)")
    folder = shared / "corpora" / "trade-news"
    items = []
    for line in (folder / "manifest.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        text = (folder / row["file"]).read_text(encoding="utf-8")
        items.append((text, {"id": row["id"], "published": row["published"]}))
    return items


def _load_time() -> float:
    code = (
        "import time; t=time.perf_counter(); import factx; factx.load(); "
        "print(time.perf_counter()-t)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return float(out.stdout.strip())


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument(
        "--scale", type=int, default=10, help="copies of the corpus for the command-line runs"
    )
    args = parser.parse_args()

    import spacy

    import factx

    items = _corpus()
    texts = [t for t, _ in items]
    words = sum(len(t.split()) for t in texts)
    loads = [_load_time() for _ in range(3)]
    print(f"corpus: {len(texts)} articles, {words} words")
    print(f"cold start (import factx + load), median of 3: {statistics.median(loads):.3f} s")

    factx.load()
    list(factx.extract_many(items))  # warm caches (dateparser, pint)
    single = []
    for _ in range(args.repeat):
        t = time.perf_counter()
        facts = sum(len(a.facts) for a in factx.extract_many(items))
        single.append(time.perf_counter() - t)
    multi = []
    for _ in range(max(1, args.repeat // 2)):
        t = time.perf_counter()
        sum(len(a.facts) for a in factx.extract_many(items, n_process=args.jobs, batch_size=8))
        multi.append(time.perf_counter() - t)
    nlp = spacy.blank("en")
    tok = []
    for _ in range(args.repeat):
        t = time.perf_counter()
        for text in texts:
            nlp.make_doc(text)
        tok.append(time.perf_counter() - t)

    s, m, k = statistics.median(single), statistics.median(multi), statistics.median(tok)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"facts found: {facts}")
    print("| run | articles/s | words/s | ms/article |")
    print("|---|---:|---:|---:|")
    print(
        f"| factx, 1 process | {len(texts) / s:.1f} | {words / s:,.0f} | {1000 * s / len(texts):.2f} |"
    )
    print(
        f"| factx, {args.jobs} processes (incl. start-up) | {len(texts) / m:.1f} | {words / m:,.0f} | {1000 * m / len(texts):.2f} |"
    )
    print(
        f"| spacy.blank('en') tokenizer | {len(texts) / k:.1f} | {words / k:,.0f} | {1000 * k / len(texts):.2f} |"
    )
    print(f"ratio tokenizer/factx (1 process): {s / k:.1f}x slower than tokenizing alone")
    print(f"peak memory (this process): {peak:.0f} MB")
    _cli(shared_dir(), words, args.jobs, args.scale)


def _cli(shared: Path | None, words: int, jobs: int, scale: int) -> None:
    """The command users run: `factx extract FOLDER -o OUT` as a fresh process (start-up
    included), single process and with --jobs, over ``scale`` copies of the corpus (so that
    starting worker processes is not all that is measured); the largest process's memory."""
    import shutil
    import tempfile

    if shared is None:
        return
    source = shared / "corpora" / "trade-news"
    work = Path(tempfile.mkdtemp())
    folder = work / "in"
    folder.mkdir()
    for copy in range(scale):
        for path in source.glob("*.txt"):
            shutil.copy(path, folder / f"{copy:03d}-{path.name}")
    words *= scale
    print(f"command line over {scale} copies of the corpus:")
    print("| command | seconds | articles/s | words/s | largest process (MB) |")
    print("|---|---:|---:|---:|---:|")
    for n in (1, jobs):
        with tempfile.TemporaryDirectory() as tmp:
            cmd = [sys.executable, "-m", "factx.cli", "extract", str(folder), "-o", f"{tmp}/o.jsonl", "-q",
                   "--jobs", str(n)]  # fmt: skip
            before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
            start = time.perf_counter()
            subprocess.run(cmd, check=True)
            elapsed = time.perf_counter() - start
            peak = max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024
            with open(f"{tmp}/o.jsonl", encoding="utf-8") as handle:
                articles = sum(1 for _ in handle)
        print(
            f"| factx extract --jobs {n} | {elapsed:.2f} | {articles / elapsed:.1f} | {words / elapsed:,.0f} | {peak:.0f} |"
        )
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
