"""The hostile folder, end to end: every file accounted for, and the time it takes.

Run: python benchmarks/hostile_folder.py [--long-line-mb 6]
Builds a folder of empty, binary, NUL-byte, latin-1, UTF-16, BOM and CRLF files, a single line
of ``--long-line-mb`` MB, 5,000-digit numbers, 2,000 nested parentheses, HTML, a symlink loop,
a FIFO and deep folders; runs ``factx extract`` over it; prints the seconds, and which inputs
gave an article, which an error record, and which neither (a loss: there must be none).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def build(root: Path, long_line_mb: float) -> None:
    (root / "empty.txt").write_bytes(b"")
    (root / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (root / "nul.txt").write_bytes(b"Exports rose 5%\x00 to $3 billion in 2021.\x00")
    (root / "latin1.txt").write_bytes("5 millions d'euros à Zürich en 2021.".encode("latin-1"))
    (root / "utf16.txt").write_bytes("Exports rose 5% in 2021.".encode("utf-16"))
    (root / "bom.txt").write_bytes(b"\xef\xbb\xbfExports rose 5% in 2021.")
    (root / "crlf.txt").write_bytes(b"Exports rose 5% in 2021.\r\nImports fell 3%.\r\n")
    words = int(long_line_mb * 1024 * 1024 / 5)
    (root / "longline.txt").write_text("word " * words + "worth $5 million.", encoding="utf-8")
    (root / "digits.txt").write_text("$" + "9" * 5000 + " and " + "1" * 5000 + " tonnes")
    (root / "parens.txt").write_text("(" * 2000 + "5 million yuan" + ")" * 2000)
    (root / "page.html").write_text(
        "<html><head><title>Grain</title></head><body><article><p>Exports rose 5% to $3 "
        "million in March 2023, said the ministry.</p></article></body></html>"
    )
    (root / "loop").symlink_to(root, target_is_directory=True)
    os.mkfifo(root / "pipe.txt")
    deep = root
    for level in range(40):
        deep = deep / f"d{level}"
    deep.mkdir(parents=True)
    (deep / "deep.txt").write_text("Imports fell 3% to 2 million tonnes in 2022.")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--long-line-mb", type=float, default=6.0)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "hostile"
        root.mkdir()
        build(root, args.long_line_mb)
        out = Path(tmp) / "out.jsonl"
        started = time.perf_counter()
        run = subprocess.run(
            [sys.executable, "-m", "factx.cli", "extract", str(root), "-o", str(out)],
            capture_output=True, text=True, check=False,
        )  # fmt: skip
        elapsed = time.perf_counter() - started
        articles = [json.loads(line)["source"] for line in out.read_text().splitlines()]
        errors_file = Path(tmp) / "out.errors.jsonl"
        errors = [json.loads(line) for line in errors_file.read_text().splitlines()]
        inputs = sorted(
            str(p)
            for p in root.rglob("*")
            if p.name.endswith((".txt", ".html")) and "loop" not in p.parts
        )
        errored = {e["source"].split(":")[0] for e in errors}
        lost = [p for p in inputs if p not in set(articles) and p not in errored]
        print(f"exit {run.returncode}; {elapsed:.1f} s; {len(inputs)} inputs, "
              f"{len(articles)} articles, {len(errors)} error records, {len(lost)} lost")  # fmt: skip
        for error in errors:
            print(f"  error {Path(error['source']).name}: {error['error']}")
        print(run.stderr.strip().splitlines()[-1] if run.stderr.strip() else "")
        sys.exit(1 if lost or run.returncode else 0)


if __name__ == "__main__":
    main()
