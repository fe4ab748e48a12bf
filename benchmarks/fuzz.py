"""Fuzzing ``factx.extract``: random unicode (lone surrogates included), mutated real articles
and pathological shapes, all under 20 KB.

Run: python benchmarks/fuzz.py [--inputs 10000] [--seed 17] [--slow 2.0]
Counts exceptions, inputs slower than ``--slow`` seconds (printed with their shape), and facts
outside their sentence (``sentence_start <= start < end <= sentence_end`` must hold), and
prints the slowest shapes. Exit status 1 if any exception or any fact outside its sentence.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import factx  # noqa: E402
from factx.evaluate import shared_dir  # noqa: E402

LIMIT = 20_000


def _real_texts() -> list[str]:
    shared = shared_dir()
    if shared is None:
        return ["Exports rose 5% to $3 million in March, said Wang Wentao of MOFCOM."]
    return [p.read_text(encoding="utf-8")[:LIMIT] for p in sorted(shared.rglob("*.txt"))][:200]


def _random_unicode(rng: random.Random) -> str:
    pools = [
        (0x20, 0x7E), (0xA0, 0x24F), (0x370, 0x3FF), (0x400, 0x4FF), (0x600, 0x6FF),
        (0x2000, 0x206F), (0x3000, 0x30FF), (0x4E00, 0x4FFF), (0xD800, 0xDFFF),
        (0xFE00, 0xFFFF), (0x1F300, 0x1F6FF), (0x0, 0x1F),
    ]  # fmt: skip
    out = []
    for _ in range(rng.randint(0, 2000)):
        low, high = rng.choice(pools)
        out.append(chr(rng.randint(low, high)))
    return "".join(out)


def _mutated(rng: random.Random, texts: list[str]) -> str:
    chars = list(rng.choice(texts))
    for _ in range(rng.randint(1, 60)):
        if not chars:
            break
        i = rng.randrange(len(chars))
        op = rng.random()
        if op < 0.3:
            del chars[i]
        elif op < 0.6:
            chars.insert(i, rng.choice("0123456789$%.,;:()[]-–—'\" \n\tA.zé€£¥\u00a0\u200b\udcca"))
        elif op < 0.8:
            chars[i] = chars[i].upper() if rng.random() < 0.5 else chars[i].lower()
        else:
            j = rng.randrange(len(chars))
            chars[i:i] = chars[j : j + rng.randint(1, 200)]
    text = "".join(chars)
    return text.lower() if rng.random() < 0.2 else text[:LIMIT]


def _pathological(rng: random.Random) -> tuple[str, str]:
    n = rng.choice([100, 500, 1000, 2000, 4000])
    shapes = {
        "digits": "9" * n,
        "numbers": " ".join(["123"] * (n // 4)),
        "dollars": "$" * n,
        "parens": "(" * n + "5 million yuan" + ")" * n,
        "commas": ",".join(["1"] * n),
        "decimals": ".".join(["12"] * (n // 3)),
        "percent": " ".join(["5%"] * (n // 3)),
        "months": " ".join(["March"] * (n // 6)),
        "capitals": " ".join(["Port"] * (n // 5)),
        "ports": " of ".join(["the port of Xinhai"] * (n // 20)),
        "dots": "a." * n,
        "newlines": "\n" * n + "Exports rose 5%.",
        "long word": "x" * n,
        "officials": ", ".join(["Minister Wang Wentao"] * (n // 20)) + " said.",
    }
    name = rng.choice(sorted(shapes))
    return name, shapes[name][:LIMIT]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--inputs", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=17)
    parser.add_argument("--slow", type=float, default=2.0)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    texts = _real_texts()
    factx.load()
    exceptions = outside = facts = 0
    slow: list[tuple[float, str, int]] = []
    started = time.perf_counter()
    for _ in range(args.inputs):
        kind = rng.random()
        if kind < 0.35:
            shape, text = "unicode", _random_unicode(rng)
        elif kind < 0.8:
            shape, text = "mutated", _mutated(rng, texts)
        else:
            shape, text = _pathological(rng)
        t0 = time.perf_counter()
        try:
            article = factx.extract(text, published="2023-06-01")
        except Exception as error:  # what the fuzz run looks for
            exceptions += 1
            print(f"EXCEPTION {shape} {type(error).__name__}: {error}"[:300])
            continue
        elapsed = time.perf_counter() - t0
        if elapsed > args.slow:
            slow.append((elapsed, shape, len(text)))
        for fact in article.facts:
            facts += 1
            if not (fact.sentence_start <= fact.start < fact.end <= fact.sentence_end):
                outside += 1
    total = time.perf_counter() - started
    print(f"{args.inputs} inputs, {facts} facts in {total:.0f} s: {exceptions} exceptions, "
          f"{outside} facts outside their sentence, {len(slow)} inputs over {args.slow} s")  # fmt: skip
    for elapsed, shape, length in sorted(slow, reverse=True)[:15]:
        print(f"  slow: {shape:10s} {length:6d} chars {elapsed:6.1f} s")
    sys.exit(1 if exceptions or outside else 0)


if __name__ == "__main__":
    main()
