"""A first pass over new articles against a warm re-run, and officials against article length.

Run: python benchmarks/bench_first_pass.py [--rounds 3] [--articles 100] [--base PATH]

Two things the warm benchmark (``bench_extract.py``) cannot show, each measured in fresh
processes so that nothing one measure builds helps another:

- **cold vs warm**: a process runs ``factx.load()``, then extracts ``--articles`` articles of
  ``../shared/corpora/wire-1987`` it has never seen (cold), then the same articles again
  (warm). A first pass pays for whatever is built on first use (regexes compiled per name,
  pint, dateparser); ``load()`` should have paid for it. Also the first article alone, cold
  against warm.
- **officials by length**: ``find_officials`` over the same 20,000 words of distinct text
  (news-2, then wire-1987), cut into 100 articles of 200 words or left as one article. Work
  that grows with the names seen times the text's length shows as a higher cost per word at
  20,000 words.

With ``--base PATH`` (a checkout of another commit, e.g. ``git worktree add /tmp/base HEAD~1``)
every measure runs for both trees, interleaved round by round (this machine is shared and
noisy): medians, side by side.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

_COLD_WARM = r"""
import json, sys, time
from pathlib import Path
t = time.perf_counter()
import factx
factx.load()
load_s = time.perf_counter() - t
folder = Path(sys.argv[1])
rows = [json.loads(l) for l in (folder / "manifest.jsonl").read_text().splitlines()]
items = [((folder / r["file"]).read_text(encoding="utf-8"), r["published"])
         for r in rows[: int(sys.argv[2])]]
words = sum(len(text.split()) for text, _ in items)
def run():
    times = []
    for text, published in items:
        t = time.perf_counter()
        factx.extract(text, published=published)
        times.append(time.perf_counter() - t)
    return times
cold = run()
warm = run()
print(json.dumps({"load": load_s, "words": words, "cold": sum(cold), "warm": sum(warm),
                  "first_cold": cold[0], "first_warm": warm[0]}))
"""

_OFFICIALS = r"""
import json, re, sys, time
from pathlib import Path
import factx
from factx import _extensions
from factx.finders.organizations import find_organizations
from factx.finders.people import find_officials
from factx.lexicons import lexicons
nlp = factx.load()
shared = Path(sys.argv[1])
size, total = int(sys.argv[2]), int(sys.argv[3])
for path in sorted((shared / "trade-news").glob("*.txt"))[:10]:  # warm, on other text
    factx.extract(path.read_text(encoding="utf-8"))
pool = "\n\n".join(p.read_text(encoding="utf-8")
                   for name in ("news-2", "wire-1987")
                   for p in sorted((shared / name).glob("*.txt")))
ends = [m.end() for m in re.finditer(r"\S+", pool)][:total]
cuts = [0, *(ends[i - 1] for i in range(size, total + 1, size))]
docs = [pool[a:b] for a, b in zip(cuts, cuts[1:])]
lex = lexicons()
prepared = []
for text in docs:
    doc = nlp.make_doc(text)
    orgs = find_organizations(text, lex.organizations, _extensions.token_spans(doc), lex.places)
    prepared.append((text, orgs))
t = time.perf_counter()
found = 0
for text, orgs in prepared:
    found += len(find_officials(text, lex.titles, lex.places, lex.organizations, orgs))
print(json.dumps({"seconds": time.perf_counter() - t, "docs": len(docs), "officials": found}))
"""


def _run(tree: Path, code: str, *args: str) -> dict[str, float]:
    """One measure in a fresh interpreter importing factx from ``tree``."""
    env = {**os.environ, "PYTHONPATH": str(tree), "PYTHONHASHSEED": "0"}
    out = subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=tree,  # "-c" puts the working folder first on sys.path
        check=True,
    )
    result: dict[str, float] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--articles", type=int, default=100, help="wire-1987 articles, cold")
    parser.add_argument("--base", type=Path, help="a checkout to compare with (before)")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from factx.evaluate import shared_dir

    shared = shared_dir()
    if shared is None:
        sys.exit("benchmark needs ../shared/corpora (absent here)")
    corpora = shared / "corpora"
    trees = {"after": ROOT}
    if args.base is not None:
        trees = {"before": args.base.resolve(), **trees}
    cold: dict[str, list[dict[str, float]]] = {name: [] for name in trees}
    officials: dict[tuple[str, int], list[float]] = {}
    found: dict[tuple[str, int], int] = {}
    for _ in range(args.rounds):
        for name, tree in trees.items():
            cold[name].append(
                _run(tree, _COLD_WARM, str(corpora / "wire-1987"), str(args.articles))
            )
            for size in (200, 20_000):
                row = _run(tree, _OFFICIALS, str(corpora), str(size), "20000")
                officials.setdefault((name, size), []).append(row["seconds"])
                found[name, size] = int(row["officials"])

    def med(name: str, key: str) -> float:
        return statistics.median(r[key] for r in cold[name])

    words = cold["after"][0]["words"]
    print(f"medians of {args.rounds} interleaved rounds, fresh process per measure")
    print(
        f"\ncold first pass vs warm re-run: {args.articles} wire-1987 articles, {words:.0f} words"
    )
    header = "| measure | " + " | ".join(trees) + " |"
    print(header)
    print("|---|" + "---:|" * len(trees))
    rows = [
        ("factx.load() s", lambda n: f"{med(n, 'load'):.2f}"),
        ("cold words/s", lambda n: f"{words / med(n, 'cold'):,.0f}"),
        ("warm words/s", lambda n: f"{words / med(n, 'warm'):,.0f}"),
        ("cold / warm words/s", lambda n: f"{med(n, 'warm') / med(n, 'cold'):.2f}"),
        ("first extract ms (cold)", lambda n: f"{1000 * med(n, 'first_cold'):.0f}"),
        ("same article warm ms", lambda n: f"{1000 * med(n, 'first_warm'):.0f}"),
        ("first / warm", lambda n: f"{med(n, 'first_cold') / med(n, 'first_warm'):.1f}x"),
    ]
    for label, cell in rows:
        print(f"| {label} | " + " | ".join(cell(n) for n in trees) + " |")
    print("\nfind_officials over the same 20,000 words of distinct text")
    print(header)
    print("|---|" + "---:|" * len(trees))
    for size in (200, 20_000):
        cells = [f"{1000 * statistics.median(officials[n, size]):.0f}" for n in trees]
        print(f"| {size:,} words per article, ms | " + " | ".join(cells) + " |")
    ratio = [
        statistics.median(officials[n, 20_000]) / statistics.median(officials[n, 200])
        for n in trees
    ]
    print("| 20,000 / 200 | " + " | ".join(f"{r:.2f}" for r in ratio) + " |")
    print("| officials found (200 / 20,000) | " + " | ".join(
        f"{found[n, 200]} / {found[n, 20_000]}" for n in trees) + " |")  # fmt: skip


if __name__ == "__main__":
    main()
