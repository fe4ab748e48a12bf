"""Worker processes: a script without a main guard is refused, and Ctrl-C stops a run."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_extract_many_in_an_unguarded_script_raises_instead_of_respawning(
    tmp_path: Path,
) -> None:
    script = tmp_path / "unguarded.py"
    script.write_text(
        "import factx\nprint(len(list(factx.extract_many(['Exports rose 5%.'] * 4, n_process=2))))\n",
        encoding="utf-8",
    )
    started = time.monotonic()
    run = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, timeout=60, check=False
    )
    assert run.returncode != 0
    assert "__main__" in run.stderr and "RuntimeError" in run.stderr
    assert time.monotonic() - started < 30


def test_a_guarded_script_runs(tmp_path: Path) -> None:
    script = tmp_path / "guarded.py"
    script.write_text(
        "import factx\n\nif __name__ == '__main__':\n"
        "    print(len(list(factx.extract_many(['Exports rose 5%.'] * 4, n_process=2))))\n",
        encoding="utf-8",
    )
    run = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, timeout=120, check=False
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "4"


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_ctrl_c_stops_promptly_with_one_line(tmp_path: Path, jobs: str) -> None:
    news = tmp_path / "news"
    news.mkdir()
    text = "Exports rose 5 percent to $3 million in March, said Wang Wentao of MOFCOM.\n" * 40
    for i in range(400):
        (news / f"a{i:03d}.txt").write_text(text.replace("5", str(i)), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    ledger = tmp_path / "out.jsonl.progress"
    command = [sys.executable, "-m", "factx.cli", "extract", str(news), "-o", str(out), "--jobs", jobs]  # fmt: skip
    process = subprocess.Popen(command, stderr=subprocess.PIPE, text=True, start_new_session=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and (
        not ledger.exists() or ledger.read_text().count("\n") < 4
    ):
        time.sleep(0.1)
    os.killpg(process.pid, signal.SIGINT)  # as a terminal does: the whole process group
    sent = time.monotonic()
    _, err = process.communicate(timeout=30)
    assert time.monotonic() - sent < 10
    assert process.returncode == 130, err
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1 and "--resume" in lines[0], err
    assert not out.exists()
