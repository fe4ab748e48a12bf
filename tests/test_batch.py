"""Batch processing: formats, stdin, resume, jobs, and a folder of hostile files."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import factx
from factx.batch import extract_files
from factx.cli import main
from factx.records import Article, ErrorRecord

ARTICLE = (
    "ASTANA, June 14 (Kazinform) -- Kazakhstan exported 1.2 million tonnes of grain through "
    "Altynkol in January-May, up 15 percent, worth about 450 million US dollars, said Nurlan "
    "Sadykov, deputy chairman of KTZ.\n"
)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "news"
    root.mkdir()
    (root / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (root / "b.md").write_text(
        "---\npublished: 2023-06-14\nid: b\n---\n" + ARTICLE, encoding="utf-8"
    )
    (root / "c.html").write_text(
        "<html><head><title>Grain trains</title><meta property='article:published_time' "
        "content='2023-06-14'></head><body><article><h1>Grain trains</h1><p>"
        + ARTICLE * 3
        + "</p></article></body></html>",
        encoding="utf-8",
    )
    (root / "d.jsonl").write_text(
        json.dumps({"id": "d1", "text": ARTICLE, "published": "2023-06-14"})
        + "\n"
        + json.dumps({"id": "d2", "text": "No facts here."})
        + "\n",
        encoding="utf-8",
    )
    (root / "manifest.jsonl").write_text(
        json.dumps({"file": "a.txt", "id": "a", "published": "2023-06-14"}) + "\n", encoding="utf-8"
    )
    return root


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    root = tmp_path / "hostile"
    root.mkdir()
    (root / "empty.txt").write_bytes(b"")
    (root / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (root / "nul.txt").write_bytes(b"Exports rose 5%\x00 to $3 billion in 2021.\x00")
    (root / "latin1.txt").write_bytes(
        "Exportations: 5 millions d'euros à Zürich en 2021.".encode("latin-1")
    )
    (root / "utf16.txt").write_bytes("Exports rose 5% in 2021.".encode("utf-16"))
    (root / "crlf.txt").write_bytes(b"Exports rose 5% in 2021.\r\nImports fell 3%.\r\n")
    (root / "bom.txt").write_bytes(b"\xef\xbb\xbfExports rose 5% in 2021.")
    (root / "longline.txt").write_text(
        ("word " * 1_000_000) + "worth $5 million.", encoding="utf-8"
    )
    (root / "digits.txt").write_text(
        "$" + "9" * 5000 + " and " + "1" * 5000 + " tonnes", encoding="utf-8"
    )
    (root / "parens.txt").write_text("(" * 2000 + "5 million yuan" + ")" * 2000, encoding="utf-8")
    (root / "zero-width.txt").write_text(
        "Ex\u200bports of $5\u200b million in 20\u200d21 \u0007\u001b.", encoding="utf-8"
    )
    (root / "bad.json").write_text("{not json", encoding="utf-8")
    (root / "loop").symlink_to(root, target_is_directory=True)
    return root


def test_extract_files_reads_every_kind(folder: Path) -> None:
    records = list(extract_files([folder]))
    assert all(isinstance(r, Article) for r in records)
    ids = [r.id for r in records if isinstance(r, Article)]
    assert ids == ["a", "b", ids[2], "d1", "d2"]
    by_id = {r.id: r for r in records if isinstance(r, Article)}
    assert str(by_id["a"].published) == "2023-06-14"  # manifest
    assert str(by_id["b"].published) == "2023-06-14"  # front matter
    assert str(records[2].published) == "2023-06-14"  # HTML metadata
    assert any(f.type == "money" for f in records[2].facts)  # HTML main text


def test_hostile_folder_finishes_with_a_record_for_every_input(
    hostile: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(hostile), "-o", str(out), "-q"]) == 0
    articles = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    errors_file = tmp_path / "out.errors.jsonl"
    errors = [json.loads(line) for line in errors_file.read_text(encoding="utf-8").splitlines()]
    names = {Path(a["source"]).name for a in articles} | {
        Path(e["source"]).name.split(":")[0] for e in errors
    }
    expected = {p.name for p in hostile.iterdir() if p.is_file() and not p.is_symlink()}
    assert expected <= names
    assert {Path(e["source"]).name.split(":")[0] for e in errors} == {"binary.txt", "bad.json"}
    by_name = {Path(a["source"]).name: a for a in articles}
    assert by_name["empty.txt"]["facts"] == []
    assert any("not UTF-8" in w for w in by_name["latin1.txt"]["warnings"])
    crlf = by_name["crlf.txt"]
    assert all(f["start"] < f["end"] for f in crlf["facts"])
    long_money = [f for f in by_name["longline.txt"]["facts"] if f["type"] == "money"]
    assert long_money and long_money[0]["amount"] == "5000000"


def test_formats_and_dataframe(folder: Path, tmp_path: Path) -> None:
    csv_out, parquet_out = tmp_path / "f.csv", tmp_path / "f.parquet"
    assert main(["extract", str(folder), "-o", str(csv_out), "-q"]) == 0
    assert main(["extract", str(folder), "-o", str(parquet_out), "-q"]) == 0
    import pandas as pd

    from_csv = pd.read_csv(csv_out, dtype=str)
    from_parquet = pd.read_parquet(parquet_out)
    frame = factx.to_dataframe(extract_files([folder]))
    assert len(from_csv) == len(from_parquet) == len(frame) > 0
    assert list(frame.columns) == list(from_csv.columns)
    money = frame[frame["type"] == "money"]
    assert "450000000" in set(money["amount"])


def test_jobs_keep_input_order(folder: Path, tmp_path: Path) -> None:
    one, two = tmp_path / "1.jsonl", tmp_path / "2.jsonl"
    assert main(["extract", str(folder), "-o", str(one), "-q"]) == 0
    assert main(["extract", str(folder), "-o", str(two), "-q", "--jobs", "2"]) == 0
    assert one.read_text() == two.read_text()


def test_resume_skips_done_inputs_and_repairs_a_cut_line(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "r.jsonl"
    assert main(["extract", str(folder), "-o", str(out), "-q"]) == 0
    full = out.read_text(encoding="utf-8").splitlines()
    # simulate an interrupted run: two complete lines and half of the third
    part = tmp_path / "r.jsonl.part"
    part.write_text("\n".join(full[:2]) + "\n" + full[2][:40], encoding="utf-8")
    out.unlink()
    assert main(["extract", str(folder), "-o", str(out), "-q", "--resume"]) == 0
    resumed = out.read_text(encoding="utf-8").splitlines()
    assert sorted(resumed) == sorted(full)
    assert not part.exists()


def test_stdin_raw_text_and_exit_codes(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    run = subprocess.run(
        [sys.executable, "-m", "factx.cli", "extract", "-", "--published", "2022-03-01", "-q"],
        input="Exports rose 5% to $3 billion on February 27.",
        capture_output=True, text=True, env=env, check=False,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    article = json.loads(run.stdout)
    assert {f["type"] for f in article["facts"]} == {"percentage", "money", "date"}
    missing = main(["extract", str(tmp_path / "missing"), "-o", str(tmp_path / "x.jsonl"), "-q"])
    assert missing == 2  # a mistyped path is a usage error, not an empty output
    assert not (tmp_path / "x.jsonl").exists()
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "report.pdf").write_bytes(b"%PDF-1.4")
    out = str(tmp_path / "y.jsonl")
    assert main(["extract", str(tmp_path / "docs"), "-o", out, "-q"]) == 0
    assert main(["extract", str(tmp_path / "docs"), "-o", out, "-q", "--strict"]) == 3


def test_error_records_round_trip() -> None:
    record = ErrorRecord(source="x", error="binary", message="looks binary")
    assert ErrorRecord.model_validate_json(record.model_dump_json()) == record
    assert io.StringIO(record.model_dump_json()).read().startswith("{")


def test_include_exclude_and_keep_text(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "k.jsonl"
    code = main(["extract", str(folder), "-o", str(out), "-q", "--include", "*.txt", "--include", "*.md",
                 "--exclude", "b.md", "--keep-text"])  # fmt: skip
    assert code == 0
    articles = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [Path(a["source"]).name for a in articles] == ["a.txt"]
    text = articles[0]["text"]
    assert all(text[f["start"] : f["end"]] == f["text"] for f in articles[0]["facts"])


def test_unwritable_output_is_a_run_failure(folder: Path, tmp_path: Path) -> None:
    blocked = tmp_path / "no-such-dir" / "deeper" / "out.jsonl"
    assert main(["extract", str(folder), "-o", str(blocked), "-q"]) == 1


def test_count_inputs_gives_the_progress_bar_its_total(folder: Path) -> None:
    from factx.io.readers import count_inputs

    assert count_inputs([folder]) == len(list(extract_files([folder]))) == 5
    assert count_inputs([folder], skip=[folder / "d.jsonl"]) == 3
    assert count_inputs(["-"]) is None


def test_a_lone_surrogate_is_replaced_with_a_warning_and_facts_are_kept() -> None:
    article = factx.extract("Exports rose 5% to $3 million \udcca in 2021.")
    assert {f.type for f in article.facts} >= {"percentage", "money"}
    assert any("surrogate" in w for w in article.warnings)
    assert factx.extract("\udcca").facts == []


def test_stdin_with_an_undecodable_byte_keeps_its_facts() -> None:
    run = subprocess.run(
        [sys.executable, "-m", "factx.cli", "extract", "-", "-q"],
        input=b"Exports rose 5% to $3 million \xff\n", capture_output=True, check=False,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    article = json.loads(run.stdout)
    assert {f["type"] for f in article["facts"]} >= {"percentage", "money"}


def test_fifos_and_devices_are_error_records_not_hangs(tmp_path: Path) -> None:
    root = tmp_path / "in"
    root.mkdir()
    (root / "a.txt").write_text(ARTICLE, encoding="utf-8")
    os.mkfifo(root / "pipe.txt")
    records = list(extract_files([root, "/dev/zero"]))
    kinds = {Path(r.source).name: r.error for r in records if isinstance(r, ErrorRecord)}
    assert kinds == {"pipe.txt": "not_a_file", "zero": "not_a_file"}
    assert sum(isinstance(r, Article) for r in records) == 1


def test_long_runs_of_one_symbol_are_read_as_spaces_with_a_warning() -> None:
    from factx.api import RUN_LIMIT

    text = "(" * 2000 + "5 million yuan" + ")" * 2000 + " and " + "$" * 4000
    article = factx.extract(text, keep_text=True)
    assert [f.text for f in article.facts if f.type == "money"] == ["5 million yuan"]
    assert article.text is not None and len(article.text) == len(text)
    assert any(f"{RUN_LIMIT} or more of one symbol" in w for w in article.warnings)
    assert factx.extract("-" * 100 + "\nExports rose 5%.").warnings == ["no publication date given"]
