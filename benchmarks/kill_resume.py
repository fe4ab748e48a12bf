"""kill -9 at random points, then ``--resume``, in every format: every input exactly once, with
facts identical to a clean run, also after inputs were added, edited and removed.

Run: python benchmarks/kill_resume.py [--articles 80] [--trials 4] [--seed 17]
For each format and trial: start ``factx extract``, SIGKILL it after a random delay (sometimes
twice, the second time during the resumed run), edit the inputs on odd trials (one added, one
edited, one removed), resume to the end and compare with a clean run on the same inputs
(bytes for JSON lines and CSV, rows for Parquet). Prints one line per trial and a total.
"""

from __future__ import annotations

import argparse
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

FORMATS = ("jsonl", "csv", "parquet")


def _article(i: int) -> str:
    return " ".join(
        f"Exports of grain through Altynkol rose {i + k} percent to {i + k + 2} million tonnes in "
        f"June {k % 27 + 1}, 2023, worth about {i + 3}.{k} million US dollars, said Nurlan "
        f"Sadykov, deputy chairman of KTZ. Sadykov said rail freight grew {k} percent."
        for k in range(12)
    )


def _command(folder: Path, out: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "factx.cli", "extract", str(folder), "-o", str(out), "-q",
            "--published", "2023-07-01", *extra]  # fmt: skip


def _content(path: Path, fmt: str) -> Any:
    if fmt == "parquet":
        import pyarrow.parquet as pq

        return pq.read_table(path).to_pylist()
    return path.read_bytes()


def _killed(command: list[str], delay: float) -> bool:
    """Run ``command`` and SIGKILL it after ``delay`` s; whether it was still running."""
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        process.wait(timeout=delay)
        return False
    except subprocess.TimeoutExpired:
        process.send_signal(signal.SIGKILL)
        process.wait()
        return True


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=80)
    parser.add_argument("--trials", type=int, default=4)
    parser.add_argument("--seed", type=int, default=17)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    failures = trials = kills = 0
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        for fmt in FORMATS:
            for trial in range(args.trials):
                folder = root / f"news-{fmt}-{trial}"
                shutil.rmtree(folder, ignore_errors=True)
                folder.mkdir()
                for i in range(args.articles):
                    (folder / f"a{i:03d}.txt").write_text(_article(i), encoding="utf-8")
                out = root / f"out-{trial}.{fmt}"
                for stale in root.glob(f"out-{trial}.{fmt}*"):
                    stale.unlink()
                killed = _killed(_command(folder, out), rng.uniform(1.5, 8.0))
                if trial % 2:
                    (folder / "a001.txt").write_text(_article(500), encoding="utf-8")
                    (folder / "a002.txt").unlink()
                    (folder / "new.txt").write_text(_article(900), encoding="utf-8")
                if rng.random() < 0.5:
                    killed |= _killed(_command(folder, out, "--resume"), rng.uniform(1.5, 4.0))
                code = subprocess.run(_command(folder, out, "--resume"), check=False).returncode
                clean = root / f"clean.{fmt}"
                subprocess.run(_command(folder, clean), check=True)
                same = code == 0 and _content(out, fmt) == _content(clean, fmt)
                trials += 1
                kills += killed
                failures += not same
                print(f"{fmt:8s} trial {trial}: killed={killed!s:5s} edited={bool(trial % 2)!s:5s} "
                      f"identical={same}")  # fmt: skip
                sys.stdout.flush()
    print(f"{trials} trials, {kills} with a kill -9 mid-run, {failures} differing from a clean run")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    started = time.perf_counter()
    main()
